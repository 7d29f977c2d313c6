/** The release pinning (scripts/pin-release.mjs) and release.yml's check of it (scripts/check-release.mjs). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { releaseProblems } from '../../scripts/check-release.mjs';
import { pinWorkflow, REUSABLE_WORKFLOWS } from '../../scripts/pin-release.mjs';
import { REPO_ROOT } from '../static/yaml-file.js';

const SHA = 'fedcba9876543210fedcba9876543210fedcba98';
const read = (file: string) => readFileSync(join(REPO_ROOT, file), 'utf8');

describe('pin-release', () => {
  it('pins every use of the action and the setup action in the reusable workflows, and nothing else', () => {
    for (const file of REUSABLE_WORKFLOWS) {
      const text = read(file);
      const pinned = pinWorkflow(text, SHA, 'v1.2.3');
      const ours = pinned.match(/uses: optimization-gate\/optimization-gate[^\n]*/g) ?? [];
      expect(ours.length, file).toBeGreaterThanOrEqual(2);
      for (const line of ours) expect(line).toMatch(new RegExp(`@${SHA} # v1\\.2\\.3$`));
      expect(pinned.replace(/uses: optimization-gate\/optimization-gate[^\n]*/g, '')).toBe(text.replace(/uses: optimization-gate\/optimization-gate[^\n]*/g, ''));
      expect(pinWorkflow(pinned, SHA, 'v1.2.3')).toBe(pinned);
    }
  });

  it('the release check accepts a pinned release commit and names each problem of one that is not', () => {
    const files = new Map(REUSABLE_WORKFLOWS.map((f) => [f, pinWorkflow(read(f), SHA, 'v1.2.3')]));
    files.set('release.json', JSON.stringify({ version: 'v1.2.3', sha: SHA }));
    const io = { read: (f: string) => files.get(f) ?? '', exists: (f: string) => files.has(f), git: () => '' };
    expect(releaseProblems('v1.2.3', io)).toEqual([]);
    files.set(REUSABLE_WORKFLOWS[0]!, read(REUSABLE_WORKFLOWS[0]!));
    const failingGit = {
      ...io,
      git: () => {
        throw new Error('differs');
      },
    };
    expect(releaseProblems('v1.2.4', failingGit)).toEqual([
      'release.json names v1.2.3, the release is v1.2.4',
      `the action at ${SHA} (dist/, action.yml, setup-pipeline/) differs from this commit's, or that commit is not in the history`,
      `${REUSABLE_WORKFLOWS[0]}: the action is not pinned to ${SHA} # v1.2.4`,
      `${REUSABLE_WORKFLOWS[1]}: the action is not pinned to ${SHA} # v1.2.4`,
      `${REUSABLE_WORKFLOWS[2]}: the action is not pinned to ${SHA} # v1.2.4`,
    ]);
    expect(releaseProblems('v1.2.3', { ...io, exists: () => false })[0]).toMatch(/^release\.json is missing/);
  });
});

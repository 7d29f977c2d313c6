/**
 * External mode on the real profiles of the pipeline, as they are: most have no stage_truth
 * companion (its freeze script can be told not to write one), and that is not an error.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { checkFrozenProfile } from '../../src/measure/external.js';
import { stageTruthPathFor } from '../../src/formats/run-files.js';
import { InputFileError } from '../../src/errors.js';
import { runCli } from '../../src/cli/index.js';
import { GEMINI_PROFILE, REAL_PROFILES, STAGED_PROFILE } from '../helpers/fixtures.js';

afterEach(() => vi.restoreAllMocks());

const dir = (): string => mkdtempSync(join(tmpdir(), 'og-ext-real-'));

describe('freeze --external validation of every real profile', () => {
  it.each(REAL_PROFILES.map((p) => [basename(p), p]))('%s passes', (_name, profile) => {
    const checked = checkFrozenProfile(profile);
    expect(checked.warnings).toEqual([]);
    expect(checked.profile.dataset_id).toBe('e2e_podcast1_mtb_n2');
    // Only the issue-477 pair has companions in the pipeline's repository.
    expect(checked.truth !== undefined).toBe(profile.includes('/issue-477/'));
  });

  it('through the CLI, on a real profile without a companion: exit 0 and a note that truth.* is missing', async () => {
    const lines: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void lines.push(args.join(' ')));
    const out = join(dir(), 'gemini.yaml');
    const script = `import os, shutil\nshutil.copy(${JSON.stringify(GEMINI_PROFILE)}, os.environ["OPTIMIZATION_GATE_PROFILE"])`;
    expect(await runCli(['freeze', '--external', '--output', out, '--', 'python3', '-c', script])).toBe(0);
    expect(lines).toEqual([`checked: ${out}`, `no stage_truth beside it (${stageTruthPathFor(out)} not found): its truth.* metrics are missing`]);
  });

  it('says "invalid content" only for a companion that is there and broken', () => {
    const copy = join(dir(), 'staged.yaml');
    copyFileSync(STAGED_PROFILE, copy);
    writeFileSync(stageTruthPathFor(copy), '{"profile_stage_truth_version": 1}');
    let error: unknown;
    try {
      checkFrozenProfile(copy);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputFileError);
    expect((error as InputFileError).missing).toBe(false);
    expect((error as InputFileError).message.split('\n')[0]).toBe(`${stageTruthPathFor(copy)}: invalid content`);
  });
});

/** `optimization-gate status`: the history read back from a status comment's body or a run's status-ledger.json. */
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { headlineOf } from '../../src/compare/history/headline.js';
import { addRun, emptyLedger } from '../../src/compare/history/ledger.js';
import { renderStatusComment } from '../../src/report/status.js';
import { STAGED_PROFILE } from '../helpers/fixtures.js';
import { cli } from '../helpers/cli.js';
import { run, tempDir } from '../compare/helpers.js';

const dir = tempDir('og-status-cli-');
const ledger = addRun(
  emptyLedger(477),
  {
    at: '2026-04-12T10:43:31Z',
    run_url: 'https://github.com/acme/podcast-pipeline/actions/runs/11',
    mode: 'measure',
    ref: 'main @ 96f74c2',
    pr: null,
    runner: 'gpu-1',
    decision: 'measured',
    comment_url: null,
    baseline: headlineOf([run(STAGED_PROFILE)], []),
    candidate: null,
    hypotheses: [],
    thresholds: null,
  },
  null,
);
const { body } = renderStatusComment(ledger);
const BODY = join(dir, 'status.md');
writeFileSync(BODY, body);

describe('optimization-gate status', () => {
  it('prints the status comment as the action renders it, from the comment body', async () => {
    const { code, stdout } = await cli('status', '--issue-comment-file', BODY);
    expect(code).toBe(0);
    expect(stdout).toBe(`${body}\n`);
    expect(stdout).toContain('| Time: run wall (s) | 40.31 |');
  });

  it('--json: the checked ledger; --ledger reads a status-ledger.json', async () => {
    const { code, stdout } = await cli('status', '--issue-comment-file', BODY, '--issue', '477', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(ledger);
    const file = join(dir, 'status-ledger.json');
    writeFileSync(file, stdout);
    expect((await cli('status', '--ledger', file)).stdout).toBe(`${body}\n`);
  });

  it('a broken block, a block of another issue, no block, or no input: exit 2 saying why', async () => {
    const broken = join(dir, 'broken.md');
    writeFileSync(broken, body.replace('"runs":[', '"runs":[{},'));
    const bad = await cli('status', '--issue-comment-file', broken);
    expect([bad.code, bad.stderr.trim()]).toEqual([2, `optimization-gate status: ${broken}: the status comment's history block is unreadable (runs[0] is not a valid run)`]);
    expect((await cli('status', '--issue-comment-file', BODY, '--issue', '12')).stderr).toContain('belongs to issue 477, not #12');
    const plain = join(dir, 'plain.md');
    writeFileSync(plain, 'just a comment');
    expect((await cli('status', '--issue-comment-file', plain)).stderr).toContain('holds no optimization-gate history block');
    expect((await cli('status')).code).toBe(2);
  });
});

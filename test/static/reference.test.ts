/**
 * docs/reference.md is generated where it can be: its tables of inputs and outputs come from action.yml,
 * setup-pipeline/action.yml and the reusable workflows (`npm run docs`), so they cannot drift from them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REFERENCE, TABLES, renderTable, updateTables } from '../../scripts/reference-tables.mjs';
import { actionInputs } from './drift.js';
import { REPO_ROOT, parseYamlFile } from './yaml-file.js';

const read = (file: string) => readFileSync(join(REPO_ROOT, file), 'utf8');
const page = read(REFERENCE);

describe('docs/reference.md tables', () => {
  it('are in sync with action.yml, setup-pipeline/action.yml and the reusable workflows (npm run docs)', () => {
    const { text, problems } = updateTables(page, read);
    expect(problems).toEqual([]);
    expect(text === page, 'docs/reference.md is out of date: run `npm run docs`').toBe(true);
  });

  it('list every input of the action, with its default', () => {
    const table = renderTable(TABLES[0]!, read('action.yml'));
    const action = parseYamlFile('action.yml', 'action', read('action.yml'));
    for (const name of actionInputs(action).keys()) expect(table).toContain(`| \`${name}\` |`);
    expect(table).toContain('| `fail-on` | `reject` |');
  });

  it('notice a new input and a missing marker', () => {
    const grown = read('action.yml').replace('\noutputs:', '\n  brand-new:\n    description: A new input.\n    default: "7"\n\noutputs:');
    const { text } = updateTables(page, (file) => (file === 'action.yml' ? grown : read(file)));
    expect(text).not.toBe(page);
    expect(text).toContain('| `brand-new` | `7` | A new input. |');
    const { problems } = updateTables(page.replace('<!-- outputs:end -->', ''), read);
    expect(problems).toEqual([expect.stringContaining('<!-- outputs:start -->')]);
  });

  it('render multi-line defaults and pipes without breaking the table', () => {
    const yaml = 'on:\n  workflow_call:\n    inputs:\n      t:\n        type: string\n        description: a | b\n        default: |\n          thresholds:\n            x: "<= +10%"\n';
    const table = renderTable({ name: 't', file: 'x.yml', section: 'workflow' }, yaml);
    expect(table.split('\n')[2]).toBe('| `t` | string | <code>thresholds:<br>&nbsp;&nbsp;x: "&lt;= +10%"</code> | a \\| b |');
  });
});

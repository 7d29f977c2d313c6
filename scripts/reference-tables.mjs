// Writes the reference tables of docs/reference.md from the files they describe (action.yml,
// setup-pipeline/action.yml, the reusable workflows), between `<!-- NAME:start -->` and `<!-- NAME:end -->`
// markers, so the reference cannot drift from them. `npm run docs` rewrites the page; `--check` only says
// whether it is in sync (test/static/reference.test.ts does the same in `npm test`).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** Each table: its marker name, the file it is generated from and what it lists. */
export const TABLES = [
  { name: 'inputs', file: 'action.yml', section: 'action-inputs' },
  { name: 'outputs', file: 'action.yml', section: 'action-outputs' },
  { name: 'setup-pipeline-inputs', file: 'setup-pipeline/action.yml', section: 'action-inputs' },
  { name: 'pr-gate-inputs', file: '.github/workflows/optimization-pr-gate.yml', section: 'workflow' },
  { name: 'dispatch-inputs', file: '.github/workflows/optimization-dispatch.yml', section: 'workflow' },
  { name: 'refresh-inputs', file: '.github/workflows/baseline-refresh.yml', section: 'workflow' },
];

const oneLine = (text) =>
  String(text ?? '')
    .replace(/\s+/g, ' ')
    .trim();
const cell = (text) => oneLine(text).replace(/\|/g, '\\|');
const escapeHtml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '&#124;');

/** A default as code: one line in backticks; several lines (a YAML block) as `<code>` with line breaks. */
function defaultCell(value, required) {
  if (required) return '**required**';
  if (value === undefined || value === null || value === '') return '*(empty)*';
  const text = String(value).replace(/\n$/, '');
  if (!text.includes('\n')) {
    const fence = text.includes('`') ? '``' : '`';
    return `${fence}${text.replace(/\|/g, '\\|')}${fence}`;
  }
  const lines = text.split('\n').map((line) => escapeHtml(line).replace(/^ +/, (spaces) => '&nbsp;'.repeat(spaces.length)));
  return `<code>${lines.join('<br>')}</code>`;
}

function entries(map) {
  return map && typeof map === 'object' ? Object.entries(map) : [];
}

export function renderTable(table, yamlText) {
  const doc = parse(yamlText);
  if (table.section === 'action-inputs') {
    const rows = entries(doc.inputs).map(([name, spec]) => `| \`${name}\` | ${defaultCell(spec?.default, spec?.required === true && spec?.default === undefined)} | ${cell(spec?.description)} |`);
    return ['| Input | Default | Description |', '| --- | --- | --- |', ...rows].join('\n');
  }
  if (table.section === 'action-outputs') {
    const rows = entries(doc.outputs).map(([name, spec]) => `| \`${name}\` | ${cell(spec?.description)} |`);
    return ['| Output | Description |', '| --- | --- |', ...rows].join('\n');
  }
  const call = doc.on?.workflow_call ?? {};
  const rows = entries(call.inputs).map(([name, spec]) => `| \`${name}\` | ${spec?.type ?? 'string'} | ${defaultCell(spec?.default, spec?.required === true)} | ${cell(spec?.description)} |`);
  const lines = ['| Input | Type | Default | Description |', '| --- | --- | --- | --- |', ...rows];
  const secrets = entries(call.secrets).map(([name, spec]) => `- secret \`${name}\`${spec?.required ? ' (required)' : ''}: ${oneLine(spec?.description)}`);
  const outputs = entries(call.outputs).map(([name, spec]) => `- output \`${name}\`: ${oneLine(spec?.description)}`);
  if (secrets.length + outputs.length > 0) lines.push('', ...secrets, ...outputs);
  return lines.join('\n');
}

/** The page that holds the tables. */
export const REFERENCE = 'docs/reference.md';

/** The page with every table regenerated, and the problems that kept a table from being written. */
export function updateTables(page, readFile) {
  const problems = [];
  let text = page;
  for (const table of TABLES) {
    const start = `<!-- ${table.name}:start -->`;
    const end = `<!-- ${table.name}:end -->`;
    const from = text.indexOf(start);
    const to = text.indexOf(end);
    if (from === -1 || to === -1 || to < from || text.indexOf(start, from + 1) !== -1) {
      problems.push(`${REFERENCE} needs exactly one "${start}" followed by "${end}" (the ${table.file} table)`);
      continue;
    }
    const body = renderTable(table, readFile(table.file));
    text = `${text.slice(0, from + start.length)}\n${body}\n${text.slice(to)}`;
  }
  return { text, problems };
}

function main(argv) {
  const root = fileURLToPath(new URL('../', import.meta.url));
  const pagePath = `${root}${REFERENCE}`;
  const page = readFileSync(pagePath, 'utf8');
  const { text, problems } = updateTables(page, (file) => readFileSync(`${root}${file}`, 'utf8'));
  for (const problem of problems) console.error(`reference-tables: ${problem}`);
  if (problems.length > 0) return 2;
  if (argv.includes('--check')) {
    if (text !== page) {
      console.error(`reference-tables: ${REFERENCE} is out of date; run \`npm run docs\``);
      return 1;
    }
    console.log(`reference-tables: ${REFERENCE} is in sync`);
    return 0;
  }
  if (text !== page) writeFileSync(pagePath, text);
  console.log(`reference-tables: ${REFERENCE} ${text !== page ? 'updated' : 'already in sync'}`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = main(process.argv.slice(2));

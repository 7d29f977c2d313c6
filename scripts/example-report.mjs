// Writes the example verdict comment of the README and of docs/example-report.md: the report the gate
// renders today for the real #477 profiles (staged → bundled) against examples/issue-477.md. The README
// shows its first part (decision, verdicts, reasons), the page all of it, between `<!-- example-report -->`
// and `<!-- /example-report -->`. `npm run docs` rewrites both from dist/cli.js; `--check` only compares
// (test/static/example-report.test.ts renders it from src/ in `npm test`).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PROFILES = 'test/fixtures/podcast_scraper/data/profiles/issue-477/';

/** The gate's arguments (after `gate`), relative to the repository root; `--out` is added by the caller. */
export const EXAMPLE_ARGS = ['--issue-file', 'examples/issue-477.md', '--baseline', `${PROFILES}issue477-staged-gpt4o.yaml`, '--candidate', `${PROFILES}issue477-bundled-gpt4o.yaml`];

export const START = '<!-- example-report -->';
export const END = '<!-- /example-report -->';
/** The README's excerpt ends where the report's details begin. */
const EXCERPT_END = '<details><summary>Thresholds as parsed';

/** The first screen of a report: its decision, the verdicts and their reasons. */
export function excerpt(report) {
  const at = report.indexOf(EXCERPT_END);
  if (at === -1) throw new Error(`the report has no "${EXCERPT_END}": the README's excerpt has no end`);
  return report.slice(0, at).trimEnd();
}

/** `text` with `body` between the markers, or a problem when there is not exactly one pair. */
export function placeBetween(text, body, file) {
  const from = text.indexOf(START);
  const to = text.indexOf(END);
  if (from === -1 || to < from || text.indexOf(START, from + 1) !== -1) {
    return { text, problem: `${file} needs exactly one "${START}" followed by "${END}"` };
  }
  return { text: `${text.slice(0, from + START.length)}\n${body}\n${text.slice(to)}`, problem: undefined };
}

/** README.md and docs/example-report.md with the report placed in each. */
export function placeReport(report, files) {
  const readme = placeBetween(files.readme, excerpt(report), 'README.md');
  const page = placeBetween(files.page, report.trimEnd(), 'docs/example-report.md');
  return { readme: readme.text, page: page.text, problems: [readme.problem, page.problem].filter(Boolean) };
}

function main(argv) {
  const root = fileURLToPath(new URL('../', import.meta.url));
  const out = mkdtempSync(join(tmpdir(), 'og-example-report-'));
  try {
    // The example's decision is reject: the gate exits 1, and its report is what we want.
    execFileSync(process.execPath, ['dist/cli.js', 'gate', ...EXAMPLE_ARGS, '--out', out], { cwd: root, stdio: 'ignore' });
  } catch (error) {
    if (error?.status !== 1) throw error;
  }
  const report = readFileSync(join(out, 'report.md'), 'utf8');
  rmSync(out, { recursive: true, force: true });
  const paths = { readme: join(root, 'README.md'), page: join(root, 'docs/example-report.md') };
  const files = { readme: readFileSync(paths.readme, 'utf8'), page: readFileSync(paths.page, 'utf8') };
  const placed = placeReport(report, files);
  for (const problem of placed.problems) console.error(`example-report: ${problem}`);
  if (placed.problems.length > 0) return 2;
  const stale = ['readme', 'page'].filter((key) => placed[key] !== files[key]);
  if (argv.includes('--check')) {
    for (const key of stale) console.error(`example-report: ${paths[key]} is out of date; run \`npm run docs\``);
    return stale.length > 0 ? 1 : 0;
  }
  for (const key of stale) writeFileSync(paths[key], placed[key]);
  console.log(`example-report: ${stale.length > 0 ? `updated ${stale.map((key) => paths[key]).join(', ')}` : 'in sync'}`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = main(process.argv.slice(2));

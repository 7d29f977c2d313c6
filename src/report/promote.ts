/**
 * The words of a promotion: the README the pull request adds beside the promoted files, and the
 * answer under the promote record's marker. Everything that came from a person (logins) is escaped;
 * the rest is numbers, run ids and URLs the action made. Pure.
 */
import type { Headline } from '../compare/history/ledger.js';
import { codeSpan, escapeInline } from './escape.js';

export interface PromotionFacts {
  issue: number;
  by: string;
  at: string;
  sourceRunId: number;
  sourceRunUrl: string;
  /** `branch @ sha7` the source run measured. */
  measured: string;
  promoteRunUrl: string;
  datasetId: string;
  configHash: string;
  runnerKey: string;
  runnerName: string;
  headline: Headline | null;
  profileFiles: readonly string[];
  evalFiles: readonly string[];
}

const fixed = (v: number | null, digits: number, unit = ''): string => (v === null ? '—' : `${v.toFixed(digits)}${unit}`);

function headlineTable(h: Headline | null): string[] {
  if (!h) return ['No profile of the candidate could be read.'];
  const quality = Object.entries(h.quality);
  const head = ['wall time', 'peak memory', 'CPU time', 'spend', ...quality.map(([m]) => codeSpan(m))];
  const row = [fixed(h.wall_s, 2, ' s'), fixed(h.peak_mb, 1, ' MB'), fixed(h.cpu_s, 2, ' s'), h.cost_usd === null ? '—' : `$${h.cost_usd.toFixed(4)}`, ...quality.map(([, v]) => String(v))];
  return [`Medians of ${h.runs} measured run${h.runs === 1 ? '' : 's'}:`, '', `| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, `| ${row.join(' | ')} |`];
}

export function promotionReadme(f: PromotionFacts): string {
  return [
    `# Promoted baseline of issue #${f.issue}`,
    '',
    `Written by optimization-gate when ${escapeInline(f.by)} promoted a measured candidate with \`/optimization-gate promote\` on ${f.at.slice(0, 10)}.`,
    'Gates of this repository use it as their baseline from then on (stored by the promote run); these files keep the trace in the repository.',
    '',
    '| what | |',
    '|---|---|',
    `| why | issue #${f.issue}: its gate decided **ship** |`,
    `| measured | ${codeSpan(f.measured)} by run ${f.sourceRunId} (${f.sourceRunUrl}) |`,
    `| when | promoted ${f.at} |`,
    `| by | ${escapeInline(f.by)} (promote run ${f.promoteRunUrl}) |`,
    `| runner | ${codeSpan(f.runnerKey)}${f.runnerName ? ` (${escapeInline(f.runnerName)})` : ''} |`,
    `| dataset, pipeline config | ${codeSpan(f.datasetId)}, config hash ${codeSpan(f.configHash)} |`,
    '',
    '## Headline numbers',
    '',
    ...headlineTable(f.headline),
    '',
    '## Files',
    '',
    ...f.profileFiles.map((p) => `- ${codeSpan(p)}`),
    ...f.evalFiles.map((p) => `- ${codeSpan(p)}`),
    '',
  ].join('\n');
}

export type PullOutcome = { kind: 'opened' | 'updated'; url: string; number: number; branch: string } | { kind: 'failed'; why: string; branch?: string };

/** The words under a promote record's marker (the answer to the command). */
export function promotionRecordText(f: PromotionFacts, pull: PullOutcome, line: string, where: string): string {
  const pr =
    pull.kind === 'failed'
      ? `The pull request with its files could not be opened: ${escapeInline(pull.why)}${pull.branch ? ` (the branch ${codeSpan(pull.branch)} holds them)` : ''}.`
      : `Pull request #${pull.number} ${pull.kind === 'opened' ? 'adds' : 'now adds'} its files to the repository (${pull.url}). A pull request opened with the job's GITHUB_TOKEN starts no workflows: close and reopen it, or push to its branch, to run your checks.`;
  return [
    `⬆️ **optimization-gate: promoted** — run ${f.sourceRunId} (${codeSpan(f.measured)}, ship) by ${escapeInline(f.by)} on ${f.at.slice(0, 10)}`,
    '',
    `Stored as the baseline for dataset ${codeSpan(f.datasetId)}, runner ${codeSpan(f.runnerKey)}, config hash ${codeSpan(f.configHash)} (${where}): the next gates use it. Accepted regressions recorded before now no longer apply.`,
    '',
    pr,
    '',
    `Measured by ${f.sourceRunUrl} · promoted by ${f.promoteRunUrl} · (Command: ${codeSpan(line)})`,
    '',
  ].join('\n');
}

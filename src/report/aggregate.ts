/**
 * One comment for a runner matrix: every runner's verdict side by side, the worst decision on top,
 * each runner's own report folded below. Pure.
 */
import type { Decision } from '../compare/decision.js';
import { code, details, table } from './markdown.js';

export interface RunnerVerdict {
  /** Artifact name the verdict came from (one per runner). */
  name: string;
  runner: string;
  host: string;
  decision: Decision | 'missing';
  /** First line of the runner's report (the decision and what failed). */
  headline: string;
  report: string;
  artifactUrl?: string;
}

const RANK: Record<RunnerVerdict['decision'], number> = { ship: 0, iterate: 1, reject: 2, missing: 2 };
const ICON: Record<RunnerVerdict['decision'], string> = { ship: '✅', iterate: '🟡', reject: '❌', missing: '❔' };

/** The worst decision wins; a runner without a verdict counts as a rejection. */
export function combinedDecision(verdicts: readonly RunnerVerdict[]): Decision {
  if (verdicts.length === 0) return 'reject';
  const worst = Math.max(...verdicts.map((v) => RANK[v.decision]));
  return worst === 2 ? 'reject' : worst === 1 ? 'iterate' : 'ship';
}

export function renderAggregateReport(verdicts: readonly RunnerVerdict[], options: { runUrl?: string; expected?: number } = {}): string {
  const decision = combinedDecision(verdicts);
  const counts = (['ship', 'iterate', 'reject', 'missing'] as const)
    .map((d) => [d, verdicts.filter((v) => v.decision === d).length] as const)
    .filter(([, n]) => n > 0)
    .map(([d, n]) => `${n} ${d}`);
  const lines = [
    `### ${ICON[decision]} ${decision} — ${verdicts.length} runner${verdicts.length === 1 ? '' : 's'}${counts.length > 0 ? `: ${counts.join(', ')}` : ''}`,
    '',
  ];
  if (options.runUrl) lines.push(`[workflow run](${options.runUrl})`, '');
  if (verdicts.length === 0) {
    lines.push('No runner left a verdict (no gate.json artifact found in this run).');
    return `${lines.join('\n')}\n`;
  }
  const rows = [...verdicts]
    .sort((a, b) => RANK[b.decision] - RANK[a.decision] || a.runner.localeCompare(b.runner))
    .map((v) => [
      `${ICON[v.decision]} ${v.decision}`,
      code(v.runner),
      code(v.host),
      v.headline.replace(/^#+\s*/, ''),
      v.artifactUrl ? `[artifact](${v.artifactUrl})` : '—',
    ]);
  lines.push(table(['Decision', 'Runner', 'Host', 'Summary', 'Data'], rows));
  lines.push('', 'Each runner is compared with its own baseline: time and memory never mix hosts.');
  for (const v of verdicts) {
    lines.push('', details(`${ICON[v.decision]} ${v.runner}: full report`, v.report.replace(/^#+ /gm, '#### ')));
  }
  return `${lines.join('\n')}\n`;
}

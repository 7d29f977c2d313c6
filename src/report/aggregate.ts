/**
 * One comment for a runner matrix: every runner's verdict side by side, the worst decision on top,
 * each runner's own report folded below. Pure.
 */
import type { Decision } from '../compare/verdicts/decision.js';
import { code, details, table } from './markdown.js';
import { maxOf } from '../collections.js';
import { escapeInline } from './escape.js';

export interface RunnerVerdict {
  /** Artifact name the verdict came from (one per runner). */
  name: string;
  runner: string;
  host: string;
  /** `measured`: a run without a gate (measure mode, a first baseline with nothing to compare). */
  decision: Decision | 'measured' | 'missing';
  /** First line of the runner's report (the decision and what failed). */
  headline: string;
  report: string;
  artifactUrl?: string;
  /** The run attempt that produced the verdict (an earlier one after "Re-run failed jobs"). */
  attempt?: string;
}

const RANK: Record<RunnerVerdict['decision'], number> = { measured: 0, ship: 1, iterate: 2, reject: 3, missing: 3 };
const ICON: Record<RunnerVerdict['decision'], string> = { measured: '📏', ship: '✅', iterate: '🟡', reject: '❌', missing: '❔' };

/** The worst decision wins; a runner without a verdict counts as a rejection; only measurements: `measured`. */
export function combinedDecision(verdicts: readonly RunnerVerdict[]): Decision | 'measured' {
  if (verdicts.length === 0) return 'reject';
  const worst = maxOf(verdicts.map((v) => RANK[v.decision]));
  return worst === 3 ? 'reject' : worst === 2 ? 'iterate' : worst === 1 ? 'ship' : 'measured';
}

export function renderAggregateReport(verdicts: readonly RunnerVerdict[], options: { runUrl?: string; expected?: number; attempt?: string } = {}): string {
  const decision = combinedDecision(verdicts);
  const counts = (['measured', 'ship', 'iterate', 'reject', 'missing'] as const)
    .map((d) => [d, verdicts.filter((v) => v.decision === d).length] as const)
    .filter(([, n]) => n > 0)
    .map(([d, n]) => `${n} ${d}`);
  const lines = [`### ${ICON[decision]} ${decision} — ${verdicts.length} runner${verdicts.length === 1 ? '' : 's'}${counts.length > 0 ? `: ${counts.join(', ')}` : ''}`, ''];
  if (options.runUrl) lines.push(`[workflow run](${options.runUrl})`, '');
  if (verdicts.length === 0) {
    lines.push('No runner left a verdict (no gate.json artifact found in this run).');
    return `${lines.join('\n')}\n`;
  }
  const rows = [...verdicts]
    .sort((a, b) => RANK[b.decision] - RANK[a.decision] || a.runner.localeCompare(b.runner))
    .map((v) => [`${ICON[v.decision]} ${v.decision}`, code(v.runner), code(v.host), v.headline.replace(/^#+\s*/, ''), v.attempt ?? '—', v.artifactUrl ? `[artifact](${v.artifactUrl})` : '—']);
  lines.push(table(['Decision', 'Runner', 'Host', 'Summary', 'Attempt', 'Data'], rows));
  const earlier = verdicts.filter((v) => options.attempt !== undefined && v.attempt !== undefined && v.attempt !== options.attempt);
  if (earlier.length > 0) {
    lines.push(
      '',
      `This is attempt ${options.attempt}; ${earlier.map((v) => `${v.runner} (attempt ${v.attempt})`).join(', ')} ${earlier.length === 1 ? 'was' : 'were'} not re-run: ${earlier.length === 1 ? 'its verdict comes' : 'their verdicts come'} from the attempt shown.`,
    );
  }
  lines.push('', 'Each runner is compared with its own baseline: time and memory never mix hosts.');
  for (const v of verdicts) {
    lines.push('', details(`${ICON[v.decision]} ${escapeInline(v.runner)}: full report`, v.report.replace(/^#+ /gm, '#### ')));
  }
  return `${lines.join('\n')}\n`;
}

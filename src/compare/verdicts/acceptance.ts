/**
 * Acknowledged regressions (`/optimization-gate accept <metric> "<reason>"`): a failed threshold
 * whose metric was accepted by someone with write access shows as `accepted` — by whom, when, why —
 * and fails nothing. The action decides which records count (written by its own identity, newer than
 * the baseline in use); this only applies them. Pure.
 */

export interface Acceptance {
  /** A concrete metric or a threshold's pattern, as typed in the command. */
  metric: string;
  /** Login of the commenter (checked for write permission when the command ran). */
  by: string;
  /** ISO time of the command. */
  at: string;
  reason: string;
  /** Link to the record comment. */
  url?: string;
}

/** Whether an acceptance names this threshold: its concrete metric, or the pattern it came from. */
export function acceptanceCovers(acceptance: Pick<Acceptance, 'metric'>, metric: string, pattern: string): boolean {
  return acceptance.metric === metric || acceptance.metric === pattern;
}

/** The newest acceptance that covers a failed threshold, if any. */
export function findAcceptance(acceptances: readonly Acceptance[], metric: string, pattern: string): Acceptance | undefined {
  return [...acceptances].filter((a) => acceptanceCovers(a, metric, pattern)).sort((a, b) => Date.parse(b.at) - Date.parse(a.at))[0];
}

export function acceptanceText(a: Acceptance, was: string): string {
  return `accepted by ${a.by} on ${a.at.slice(0, 10)}: "${a.reason}" (without it: fail, ${was})`;
}

// Types of verdict-rates.mjs, for its unit test.
export function mulberry32(seed: number): () => number;
export function shuffled<T>(xs: readonly T[], random: () => number): T[];
export function wilson(k: number, n: number): [number, number];
export function median(xs: readonly number[]): number;
export function noise(values: readonly number[]): { n: number; mean: number; cv_pct: number; sd_log: number | undefined };
export function runsNeeded(options: { sdLog: number; shiftPct: number; boundPct: number; power?: 0.8 | 0.9 | 0.95 }): number | undefined;
export function profileValue(run: { profile: { totals: Record<string, unknown>; stages: Record<string, Record<string, unknown>> } }, metric: string): number | undefined;
export interface Tally {
  pass: number;
  fail: number;
  inconclusive: number;
  missing: number;
  affected: boolean;
}
export function sumTallies(perMetric: Record<string, Tally>, pick: (metric: string, tally: Tally) => boolean): { pass: number; fail: number; inconclusive: number; missing: number; total: number };
export function countGates(options: {
  evaluateGate: (...args: never[]) => unknown;
  spec: unknown;
  baselinePool: readonly unknown[];
  candidatePool?: { runs: readonly unknown[]; affected: readonly string[] };
  n: number;
  draws: number;
  method: string;
  random: () => number;
  withReplacement?: boolean;
  confirm?: { nextConfirmation: (...args: never[]) => { confirm: boolean }; maxExtra: number };
}): { perMetric: Record<string, Tally>; gates: { total: number; anyFalseFail: number; confirmed: number; rounds: number } };

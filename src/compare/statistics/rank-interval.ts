/**
 * Distribution-free intervals for small samples, from order statistics:
 * - the shift between two samples (Hodges–Lehmann): the interval between the k-th smallest and the
 *   k-th largest of the n·m pairwise differences, k from the exact Mann–Whitney distribution;
 * - the median of one sample: between its k-th smallest and k-th largest value, k from Binomial(n, ½).
 * Exact coverage needs only that the runs of a side are exchangeable (interleaving makes machine drift
 * hit both sides alike). With few runs the wanted level may be out of reach: the widest interval is
 * then returned with the coverage it really has, never a claim it cannot back.
 */

/** P(U <= u) for u = 0 … n·m, U the Mann–Whitney statistic of samples of n and m without ties. */
export function mannWhitneyCdf(n: number, m: number): number[] {
  // counts[a][b][u]: arrangements of a and b items with U = u; built by adding one item at a time.
  let previous: number[][] = Array.from({ length: m + 1 }, () => [1]);
  for (let a = 1; a <= n; a++) {
    const current: number[][] = [[1]];
    for (let b = 1; b <= m; b++) {
      const size = a * b + 1;
      const row = new Array<number>(size).fill(0);
      // The largest item is from the first sample (it beats all b): U shifts by b; or from the second.
      const withA = previous[b] as number[];
      const withB = current[b - 1] as number[];
      for (let u = 0; u < size; u++) row[u] = (u - b >= 0 ? (withA[u - b] ?? 0) : 0) + (withB[u] ?? 0);
      current.push(row);
    }
    previous = current;
  }
  const counts = previous[m] as number[];
  const total = counts.reduce((s, c) => s + c, 0);
  let running = 0;
  return counts.map((c) => (running += c) / total);
}

export interface OrderInterval {
  low: number;
  high: number;
  /** The exact two-sided coverage of this interval. */
  coverage: number;
}

/** Largest k (1-based) with tail probability P(stat <= k−1) <= alpha/2; 0 when even k = 1 breaks it. */
function pickK(cdf: readonly number[], halfAlpha: number, max: number): number {
  let k = 0;
  for (let candidate = 1; candidate <= max; candidate++) {
    if ((cdf[candidate - 1] ?? 1) <= halfAlpha + 1e-12) k = candidate;
    else break;
  }
  return k;
}

/** Interval of the shift candidate − baseline (values already transformed, e.g. logs for ratios). */
export function shiftInterval(baseline: readonly number[], candidate: readonly number[], level: number): OrderInterval {
  const diffs: number[] = [];
  for (const c of candidate) for (const b of baseline) diffs.push(c - b);
  diffs.sort((x, y) => x - y);
  const cdf = mannWhitneyCdf(baseline.length, candidate.length);
  const k = Math.max(1, pickK(cdf, (1 - level) / 2, Math.floor(diffs.length / 2)));
  return { low: diffs[k - 1] as number, high: diffs[diffs.length - k] as number, coverage: 1 - 2 * (cdf[k - 1] as number) };
}

function binomialHalfCdf(n: number): number[] {
  const cdf: number[] = [];
  let coefficient = 1;
  let running = 0;
  for (let i = 0; i <= n; i++) {
    running += coefficient / 2 ** n;
    cdf.push(running);
    coefficient = (coefficient * (n - i)) / (i + 1);
  }
  return cdf;
}

/** Interval of the median of one sample. */
export function medianInterval(values: readonly number[], level: number): OrderInterval {
  const sorted = [...values].sort((x, y) => x - y);
  const cdf = binomialHalfCdf(sorted.length);
  const k = Math.max(1, pickK(cdf, (1 - level) / 2, Math.floor(sorted.length / 2)));
  return { low: sorted[k - 1] as number, high: sorted[sorted.length - k] as number, coverage: 1 - 2 * (cdf[k - 1] as number) };
}

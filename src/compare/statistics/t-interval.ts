/**
 * The Welch t-interval of a difference of means, and the Student t quantile it needs. Kept as an
 * alternative to the rank interval (`method: 'welch-t'`): `npm run bench:verdict` compares them on
 * this machine's runs. It assumes roughly normal noise; the rank interval assumes nothing.
 */
import { InternalError } from '../../errors.js';

/** ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9): about 15 significant digits. */
function logGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = c[0] as number;
  for (let i = 1; i < 9; i++) sum += (c[i] as number) / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** Continued fraction of the incomplete beta function (modified Lentz). */
function betaFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  d = 1 / (Math.abs(d) < tiny ? tiny : d);
  let h = d;
  for (let m = 1; m <= 300; m++) {
    for (const numerator of [(m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m)), (-(a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1))]) {
      d = 1 + numerator * d;
      d = 1 / (Math.abs(d) < tiny ? tiny : d);
      c = 1 + numerator / c;
      if (Math.abs(c) < tiny) c = tiny;
      h *= d * c;
    }
    if (Math.abs(d * c - 1) < 1e-15) break;
  }
  return h;
}

/** The regularized incomplete beta function I_x(a, b). */
function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  return x < (a + 1) / (a + b + 2) ? (front * betaFraction(a, b, x)) / a : 1 - (front * betaFraction(b, a, 1 - x)) / b;
}

/** P(T <= t) for Student's t with `df` degrees of freedom (df may be fractional, as Welch's is). */
export function studentTCdf(t: number, df: number): number {
  const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/** The p-quantile of Student's t (0.5 <= p < 1), by bisection on the CDF: deterministic, ~1e-10. */
export function studentTQuantile(p: number, df: number): number {
  if (!(p >= 0.5 && p < 1) || !(df > 0)) throw new InternalError(`t quantile needs 0.5 <= p < 1 and df > 0, got p ${p}, df ${df}`);
  let low = 0;
  let high = 1;
  while (studentTCdf(high, df) < p) high *= 2;
  for (let i = 0; i < 200 && high - low > 1e-12 * Math.max(1, high); i++) {
    const mid = (low + high) / 2;
    if (studentTCdf(mid, df) < p) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

function meanAndVariance(values: readonly number[]): { mean: number; variance: number } {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const variance = values.length > 1 ? values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1) : 0;
  return { mean, variance };
}

export interface TInterval {
  low: number;
  high: number;
  /** Nominal coverage (exact only for normal noise). */
  coverage: number;
}

/**
 * Welch's interval of mean(candidate) − mean(baseline). A side with one run contributes no
 * variance (the interval then reflects the other side's noise only). Undefined when neither side
 * has any spread.
 */
export function welchInterval(baseline: readonly number[], candidate: readonly number[], level: number): TInterval | undefined {
  const b = meanAndVariance(baseline);
  const c = meanAndVariance(candidate);
  const vb = b.variance / baseline.length;
  const vc = c.variance / candidate.length;
  const se = Math.sqrt(vb + vc);
  if (!(se > 0)) return undefined;
  const term = (v: number, n: number) => (n > 1 ? (v * v) / (n - 1) : 0);
  const df = (vb + vc) ** 2 / (term(vb, baseline.length) + term(vc, candidate.length));
  const half = studentTQuantile(1 - (1 - level) / 2, df) * se;
  const shift = c.mean - b.mean;
  return { low: shift - half, high: shift + half, coverage: level };
}

/** The one-sample t-interval of the mean; undefined without spread. */
export function meanInterval(values: readonly number[], level: number): TInterval | undefined {
  const { mean, variance } = meanAndVariance(values);
  const se = Math.sqrt(variance / values.length);
  if (!(se > 0)) return undefined;
  const half = studentTQuantile(1 - (1 - level) / 2, values.length - 1) * se;
  return { low: mean - half, high: mean + half, coverage: level };
}

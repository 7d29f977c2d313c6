/**
 * Units of metrics and of the values written in rules. A metric's unit comes from the suffix of its
 * last path segment, the convention of the formats we read (`wall_time_s`, `peak_rss_mb`, `avg_cost_usd`…).
 */

export type Dimension = 'time' | 'memory' | 'money' | 'cpu';

export interface MetricUnit {
  /** Symbol used in reports. */
  symbol: string;
  dimension: Dimension;
  /** Size of one unit in the dimension's base (seconds, MiB, USD, percent of a core). */
  scale: number;
}

const SECONDS: MetricUnit = { symbol: 's', dimension: 'time', scale: 1 };
const MILLISECONDS: MetricUnit = { symbol: 'ms', dimension: 'time', scale: 0.001 };
const MIB: MetricUnit = { symbol: 'MiB', dimension: 'memory', scale: 1 };
const GIB: MetricUnit = { symbol: 'GiB', dimension: 'memory', scale: 1024 };
const USD: MetricUnit = { symbol: 'USD', dimension: 'money', scale: 1 };
const CPU_PCT: MetricUnit = { symbol: '%', dimension: 'cpu', scale: 1 };

const SUFFIX_UNITS: ReadonlyArray<[RegExp, MetricUnit]> = [
  [/(^|_)ms$/, MILLISECONDS],
  [/(^|_)(s|seconds|sec)$/, SECONDS],
  [/(^|_)mb$/, MIB],
  [/(^|_)gb$/, GIB],
  [/(^|_)usd$/, USD],
  [/(^|_)pct$/, CPU_PCT],
];

/** Fields whose unit is not at the end of their name, in the stage_truth format. */
const INNER_UNITS: ReadonlyArray<[RegExp, MetricUnit]> = [[/(^|_)mb_sampled$/, MIB]];

/** The unit of a metric path, or undefined for unitless metrics (scores, rates, counts). */
export function metricUnit(metricPath: string): MetricUnit | undefined {
  const segments = metricPath.split('.');
  const last = segments.pop() ?? '';
  // `truth.wall_seconds_by_stage.<stage>`: the unit is named by the mapping, not the stage key.
  if (segments.at(-1) === 'wall_seconds_by_stage') return SECONDS;
  return (SUFFIX_UNITS.find(([pattern]) => pattern.test(last)) ?? INNER_UNITS.find(([pattern]) => pattern.test(last)))?.[1];
}

/**
 * Units a user may write after a number in a rule. `MB` means MiB, like the `*_mb` fields of the
 * profiles (bytes / 1024²); `GB` likewise means GiB.
 */
const RULE_UNITS: Record<string, MetricUnit> = {
  ms: MILLISECONDS,
  s: SECONDS,
  sec: SECONDS,
  secs: SECONDS,
  seconds: SECONDS,
  min: { symbol: 'min', dimension: 'time', scale: 60 },
  h: { symbol: 'h', dimension: 'time', scale: 3600 },
  b: { symbol: 'B', dimension: 'memory', scale: 1 / (1024 * 1024) },
  kb: { symbol: 'KiB', dimension: 'memory', scale: 1 / 1024 },
  kib: { symbol: 'KiB', dimension: 'memory', scale: 1 / 1024 },
  mb: MIB,
  mib: MIB,
  gb: GIB,
  gib: GIB,
  usd: USD,
  $: USD,
};

export function ruleUnit(written: string): MetricUnit | undefined {
  return RULE_UNITS[written.toLowerCase()];
}

export const KNOWN_RULE_UNITS = ['ms', 's', 'min', 'h', 'B', 'KB', 'MB', 'GB', 'KiB', 'MiB', 'GiB', '$', 'USD'];

/** Converts `value` written in `from` into the metric's unit `to`; undefined when dimensions differ. */
export function convertUnit(value: number, from: MetricUnit, to: MetricUnit): number | undefined {
  if (from.dimension !== to.dimension) return undefined;
  return (value * from.scale) / to.scale;
}

/**
 * A number as written, up to 7 significant digits: `40.3144`, `104.0307`, `0.23`, `1068`, `0.3140223`, `15376.38`.
 * Enough to recompute a change from the two values shown (rounding to 1 decimal made a CPU of 0.23
 * read 0.2, and a +1308 % change look like 0.2 → 3.2); trailing zeros are not added.
 */
export function exactNumber(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  if (value === 0) return '0';
  const rounded = Number(value.toPrecision(7));
  if (Math.abs(rounded) >= 1e-6 && Math.abs(rounded) < 1e21) {
    // toFixed avoids exponent notation for small numbers (1e-7 style) while keeping every digit.
    const decimals = Math.max(0, 6 - Math.floor(Math.log10(Math.abs(rounded))));
    return rounded
      .toFixed(Math.min(decimals, 20))
      .replace(/(\.\d*?)0+$/, '$1')
      .replace(/\.$/, '');
  }
  return String(rounded);
}

/** A value for humans: `40.3144 s`, `645 MiB`, `$0.119`, `0.23 %`, `0.3140223` (unitless). */
export function formatValue(value: number, unit?: MetricUnit): string {
  if (!Number.isFinite(value)) return 'n/a';
  const text = exactNumber(value);
  if (!unit) return text;
  switch (unit.dimension) {
    case 'money':
      return `${value < 0 ? '-' : ''}$${exactNumber(Math.abs(value))}`;
    case 'memory':
    case 'cpu':
    case 'time':
      return `${text} ${unit.symbol}`;
  }
}

/**
 * A signed change: `+1.2 s`, `-46.6 MiB`. The absolute change of a percentage metric (CPU % of a
 * core, GPU utilisation %) is in percentage points: `+3.01 pp`, never `%` (which reads as relative).
 */
export function formatSigned(value: number, unit?: MetricUnit): string {
  if (!Number.isFinite(value)) return 'n/a';
  const sign = value > 0 ? '+' : value < 0 ? '-' : '±';
  if (unit?.dimension === 'cpu') return `${sign}${exactNumber(Math.abs(value))} pp`;
  return `${sign}${formatValue(Math.abs(value), unit)}`;
}

export function formatPercent(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  return `${value > 0 ? '+' : ''}${value.toFixed(Math.abs(value) >= 10 ? 1 : 2)} %`;
}

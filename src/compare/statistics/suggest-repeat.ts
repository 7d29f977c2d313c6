/**
 * `repeat:` suggested from the baseline's measured spread, for the thresholds on the issue: the runs
 * per side at which a candidate that changed nothing would likely (80 %) be told apart from each
 * guardrail's bound. Rough by nature (the spread of a few runs is itself uncertain) and said to be.
 * Pure: thresholds and the baseline's runs in, a suggestion out.
 */
import { expandMetricPattern, lookupSide } from '../grammar/metrics.js';
import { pooledSd, MAX_RUNS_TO_SUGGEST, runsForDistance } from './runs-needed.js';
import { median, DEFAULT_INTERVAL_OPTIONS, type IntervalMethod } from './stats.js';
import type { Threshold } from '../grammar/thresholds/types.js';
import type { MeasuredRun } from '../types.js';
import { formatValue, metricUnit } from '../grammar/units.js';
import { maxOf } from '../../collections.js';

/** Fewer runs give no interval worth the name (3 + 3 already stops at 90 % coverage). */
export const MIN_SUGGESTED_REPEAT = 3;

export interface MetricNeed {
  metric: string;
  rule: string;
  /** Spread as shown: `2.4 %` (relative rules) or in the metric's unit. */
  spread: string;
  /** Runs per side; undefined beyond MAX_RUNS_TO_SUGGEST or with no margin at all. */
  runs: number | undefined;
}

export interface RepeatSuggestion {
  /** Undefined when the baseline has fewer than two runs, or nothing can be decided. */
  repeat: number | undefined;
  /** Every threshold with a spread, the noisiest first. */
  needs: MetricNeed[];
  /** One paragraph for the log and the report. */
  text: string;
}

function need(threshold: Threshold, metric: string, values: number[], method: IntervalMethod): MetricNeed | undefined {
  const { rule } = threshold;
  const relative = rule.form === 'relative';
  if (relative && !values.every((v) => v > 0)) return undefined;
  const sd = pooledSd([relative ? values.map(Math.log) : values]);
  if (sd === undefined) return undefined;
  // An unchanged candidate sits at a change of 0 (relative, delta) or at the baseline's own value (absolute).
  const distance = relative ? Math.abs(Math.log1p(rule.value / 100)) : rule.form === 'delta' ? Math.abs(rule.value) : Math.abs(median(values) - rule.value);
  const spread = relative ? `${(sd * 100).toFixed(sd < 0.001 ? 2 : 1)} %` : formatValue(sd, metricUnit(metric));
  const base = { metric, rule: rule.text, spread };
  if (sd === 0) return { ...base, runs: MIN_SUGGESTED_REPEAT };
  if (distance === 0) return { ...base, runs: undefined };
  const runs = runsForDistance(sd, distance, rule.form === 'absolute' ? 1 : 2, method);
  return { ...base, runs: runs > MAX_RUNS_TO_SUGGEST ? undefined : Math.max(MIN_SUGGESTED_REPEAT, runs) };
}

export function suggestRepeat(thresholds: readonly Threshold[], baseline: readonly MeasuredRun[], method: IntervalMethod = DEFAULT_INTERVAL_OPTIONS.method): RepeatSuggestion {
  if (baseline.length < 2) {
    return {
      repeat: undefined,
      needs: [],
      text: `no repeat: suggestion: the baseline has ${baseline.length === 1 ? 'a single run' : 'no runs'}, so no spread is known (a baseline refresh with repeat: 5 measures it)`,
    };
  }
  const needs: MetricNeed[] = [];
  for (const threshold of thresholds.filter((t) => t.kind === 'guardrail')) {
    for (const metric of expandMetricPattern(threshold.metric, baseline)) {
      const side = lookupSide(baseline, metric);
      if (side.numbers.length < 2) continue;
      const found = need(threshold, metric, side.numbers, method);
      if (found) needs.push(found);
    }
  }
  needs.sort((a, b) => (b.runs ?? Infinity) - (a.runs ?? Infinity));
  const decidable = needs.filter((n) => n.runs !== undefined);
  const hopeless = needs.filter((n) => n.runs === undefined);
  const repeat = decidable.length > 0 ? maxOf(decidable.map((n) => n.runs as number)) : undefined;
  const from = `from the baseline's spread over ${baseline.length} runs`;
  const driver = decidable[0];
  const parts = [
    repeat !== undefined && driver
      ? `suggested repeat: ${repeat} (${from}; set by ${driver.metric} ${driver.rule}, SD ${driver.spread}: about ${repeat} runs per side tell an unchanged candidate from its bound)`
      : `no repeat: suggestion ${from}: no guardrail can be decided within ${MAX_RUNS_TO_SUGGEST} runs`,
    ...(hopeless.length > 0
      ? [
          `${hopeless
            .slice(0, 3)
            .map((n) => `${n.metric} ${n.rule} (SD ${n.spread})`)
            .join(', ')}${hopeless.length > 3 ? ` and ${hopeless.length - 3} more` : ''} would need more than ${MAX_RUNS_TO_SUGGEST} runs or has no margin: widen the bound or gate a steadier metric`,
        ]
      : []),
  ];
  return { repeat, needs, text: parts.join('; ') };
}

import { describe, expect, it } from 'vitest';
import { convertUnit, formatPercent, formatSigned, formatValue, metricUnit, ruleUnit } from '../../src/compare/units.js';

describe('metric units', () => {
  it('reads the unit from the last segment suffix', () => {
    expect(metricUnit('profile.totals.wall_time_s')?.symbol).toBe('s');
    expect(metricUnit('eval.intrinsic.performance.avg_latency_ms')?.symbol).toBe('ms');
    expect(metricUnit('profile.stages.*.peak_rss_mb')?.symbol).toBe('MiB');
    expect(metricUnit('cost.llm_gi_cost_usd')?.dimension).toBe('money');
    expect(metricUnit('profile.stages.summarization.avg_cpu_pct')?.dimension).toBe('cpu');
    expect(metricUnit('eval.vs_reference.silver.rougeL_f1')).toBeUndefined();
    expect(metricUnit('cost.llm_gi_calls')).toBeUndefined();
    expect(metricUnit('truth.wall_seconds_by_stage.summarization')?.symbol).toBe('s');
    expect(metricUnit('truth.wall_seconds_by_stage.*')?.symbol).toBe('s');
    expect(metricUnit('truth.global_peak_rss_mb_sampled')?.symbol).toBe('MiB');
  });

  it('converts rule units into the metric unit and refuses other dimensions', () => {
    const ms = metricUnit('x.avg_latency_ms');
    const mb = metricUnit('x.peak_rss_mb');
    expect(convertUnit(2.5, ruleUnit('s')!, ms!)).toBe(2500);
    expect(convertUnit(1, ruleUnit('GB')!, mb!)).toBe(1024);
    expect(convertUnit(512, ruleUnit('KiB')!, mb!)).toBe(0.5);
    expect(convertUnit(1, ruleUnit('s')!, mb!)).toBeUndefined();
    expect(ruleUnit('parsecs')).toBeUndefined();
  });

  it('formats values for reports without NaN', () => {
    expect(formatValue(40.3144, metricUnit('wall_time_s'))).toBe('40.31 s');
    expect(formatValue(645.89, metricUnit('peak_rss_mb'))).toBe('646 MiB');
    expect(formatValue(0.119, metricUnit('total_cost_usd'))).toBe('$0.119');
    expect(formatValue(37.2, metricUnit('avg_cpu_pct'))).toBe('37.2 %');
    expect(formatValue(0.3140222928030686)).toBe('0.3140');
    expect(formatValue(Number.NaN)).toBe('n/a');
    expect(formatSigned(-18.796, metricUnit('wall_time_s'))).toBe('-18.80 s');
    expect(formatPercent(-46.624)).toBe('-46.6 %');
  });
});

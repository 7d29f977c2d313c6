import { describe, expect, it } from 'vitest';
import { convertUnit, formatPercent, formatSigned, formatValue, metricUnit, ruleUnit } from '../../src/compare/grammar/units.js';

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

  it('formats values for reports as written (up to 7 significant digits), without NaN', () => {
    expect(formatValue(40.3144, metricUnit('wall_time_s'))).toBe('40.3144 s');
    expect(formatValue(645.89, metricUnit('peak_rss_mb'))).toBe('645.89 MiB');
    expect(formatValue(1068, metricUnit('peak_rss_mb'))).toBe('1068 MiB');
    expect(formatValue(0.119, metricUnit('total_cost_usd'))).toBe('$0.119');
    expect(formatValue(37.2, metricUnit('avg_cpu_pct'))).toBe('37.2 %');
    expect(formatValue(0.3140222928030686)).toBe('0.3140223');
    expect(formatValue(104.0307, metricUnit('sum_mapped_stage_wall_s'))).toBe('104.0307 s');
    expect(formatValue(15376.37586593628, metricUnit('avg_latency_ms'))).toBe('15376.38 ms');
    expect(formatValue(0.02, metricUnit('wall_time_s'))).toBe('0.02 s');
    expect(formatValue(1.5e-5)).toBe('0.000015');
    expect(formatValue(Number.NaN)).toBe('n/a');
    expect(formatSigned(-18.796, metricUnit('wall_time_s'))).toBe('-18.796 s');
    expect(formatPercent(-46.624)).toBe('-46.6 %');
  });

  it('shows the real CPU readings of a stage so the change can be recomputed, and its absolute change in pp', () => {
    // issue477 staged → v2.6 deepseek style values: 0.23 → 3.24 is +1308.7 %, not "0.2 → 3.2".
    const cpu = metricUnit('avg_cpu_pct');
    expect(formatValue(0.23, cpu)).toBe('0.23 %');
    expect(formatValue(3.24, cpu)).toBe('3.24 %');
    expect(formatSigned(3.24 - 0.23, cpu)).toBe('+3.01 pp');
    expect(formatSigned(-0.5, cpu)).toBe('-0.5 pp');
    expect(formatPercent(((3.24 - 0.23) / 0.23) * 100)).toBe('+1308.7 %');
  });
});

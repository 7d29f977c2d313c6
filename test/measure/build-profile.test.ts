import { describe, expect, it } from 'vitest';
import { attributeSamples } from '../../src/measure/attribution.js';
import { buildRunOutputs, type RunRecord } from '../../src/measure/build-profile.js';
import { medianOfRuns } from '../../src/measure/repeat-median.js';
import { median } from '../../src/collections.js';
import { median as compareMedian } from '../../src/compare/statistics/stats.js';
import { InternalError } from '../../src/errors.js';
import { environmentFromFacts } from '../../src/measure/environment.js';
import type { Sample } from '../../src/measure/samples-file.js';
import { timelineFromEvents } from '../../src/measure/stages/events.js';
import { timelineFromMetrics } from '../../src/measure/stages/metrics.js';
import { wholeRunTimeline, type StageSpan } from '../../src/measure/stages/source.js';
import { renderProfileYaml, validateProfile } from '../../src/formats/profile.js';
import { renderStageTruthJson, validateStageTruth } from '../../src/formats/stage-truth.js';
import { parseYamlText } from '../../src/formats/parse.js';
import { loadStageTruthFile } from '../../src/formats/loaders.js';
import { fixture } from '../helpers/fixtures.js';

const T0 = 1_700_000_000;

/** Samples every `dt` from T0 (the first at T0 itself, with no CPU interval). */
function samples(values: Array<[mem: number, cpu: number]>, dt = 1): Sample[] {
  return values.map(([mem, cpu], i) => ({ t: T0 + i * dt, mem_mb: mem, rss_mb: mem * 2, cpu_pct: i === 0 ? null : cpu, cpu_s: i, procs: 1 }));
}

describe('attributeSamples', () => {
  const series = samples([
    [10, 0],
    [20, 100],
    [30, 50],
    [40, 200],
    [15, 10],
  ]);

  it('gives a stage the samples whose interval (t − dt, t] meets it, including one shorter than the interval', () => {
    const spans: StageSpan[] = [
      { stage: 'a', start: T0, end: T0 + 2 },
      { stage: 'blip', start: T0 + 2.4, end: T0 + 2.5 },
    ];
    const stats = attributeSamples(series, spans, T0);
    // a covers [T0, T0+2]: the first sample (point T0) and the samples at T0+1 and T0+2.
    expect(stats.get('a')).toEqual({ peak_mb: 30, avg_cpu_pct: 75, samples: 3 });
    // blip lies inside (T0+2, T0+3]: only the sample at T0+3 describes it.
    expect(stats.get('blip')).toEqual({ peak_mb: 40, avg_cpu_pct: 200, samples: 1 });
  });

  it('lets overlapping stages share samples', () => {
    const spans: StageSpan[] = [
      { stage: 'a', start: T0 + 0.5, end: T0 + 3.5 },
      { stage: 'b', start: T0 + 2.5, end: T0 + 4 },
    ];
    const stats = attributeSamples(series, spans, T0);
    expect(stats.get('a')?.samples).toBe(4); // intervals ending at 1, 2, 3, 4
    expect(stats.get('b')?.samples).toBe(2); // intervals ending at 3, 4
    expect(stats.get('b')?.peak_mb).toBe(40);
  });

  it("weights each sample's CPU by how much of its interval the stage covers", () => {
    // The sample at +3 (200 %) covers 0.25 s of the stage, the one at +4 (10 %) a full second.
    const stats = attributeSamples(series, [{ stage: 'c', start: T0 + 2.75, end: T0 + 4 }], T0);
    expect(stats.get('c')?.avg_cpu_pct).toBeCloseTo((200 * 0.25 + 10 * 1) / 1.25, 10);
  });

  it('gives a stage covered only by the sample taken after the tree exited the last memory seen alive', () => {
    const ended = [...series.slice(0, 3), { t: T0 + 2.4, mem_mb: 0, rss_mb: 0, cpu_pct: 80, cpu_s: 3, procs: 0 }];
    expect(attributeSamples(ended, [{ stage: 'last', start: T0 + 2.1, end: T0 + 2.3 }], T0).get('last')).toEqual({ peak_mb: 30, avg_cpu_pct: 80, samples: 1 });
  });

  it('does not take the 0 MiB of a last process that is exiting (a zombie has no memory map) for a reading', () => {
    // Seen on the example pipeline: the root's smaps_rollup is empty while it exits, with procs still 1.
    const exiting = [...series.slice(0, 3), { t: T0 + 2.4, mem_mb: 0, rss_mb: 0, cpu_pct: 65, cpu_s: 3, procs: 1 }];
    expect(attributeSamples(exiting, [{ stage: 'extract', start: T0 + 2.1, end: T0 + 2.3 }], T0).get('extract')).toEqual({ peak_mb: 30, avg_cpu_pct: 65, samples: 1 });
  });

  it('has no CPU figure for a stage covered only by the first sample', () => {
    expect(attributeSamples(series, [{ stage: 'boot', start: T0 - 0.01, end: T0 }], T0 - 0.01).get('boot')).toEqual({
      peak_mb: 10,
      avg_cpu_pct: null,
      samples: 1,
    });
  });
});

const ENV = environmentFromFacts({
  hostname: 'runner-1',
  arch: 'x86_64',
  cpuinfo: { model: 'Test CPU', physicalCores: 2 },
  logicalCores: 4,
  totalMemBytes: 8 * 1024 ** 3,
  osType: 'Linux',
  osRelease: '6.18.44',
  nodeVersion: 'v20.1.0',
  pythonVersion: '3.11.7',
  git: { sha: 'abc1234', dirty: false },
});

function record(overrides: Partial<RunRecord> = {}): RunRecord {
  const series = samples([
    [10, 0],
    [120.456, 95.5],
    [200.04, 180],
    [50, 20],
  ]);
  return {
    release: 'v1',
    datasetId: 'ds',
    environment: ENV,
    sampleIntervalS: 1,
    memoryMetric: 'pss_sum',
    startedAt: T0,
    endedAt: T0 + 3,
    samples: series,
    timeline: timelineFromEvents(
      [
        { ts: T0, stage: 'fetch', event: 'start', line: 1 },
        { ts: T0 + 1, stage: 'fetch', event: 'end', line: 2 },
        { ts: T0 + 1, stage: 'transcribe', event: 'start', line: 3 },
        { ts: T0 + 1.2, stage: 'transcribe', event: 'start', line: 4 },
        { ts: T0 + 2.5, stage: 'transcribe', event: 'end', line: 5 },
        { ts: T0 + 2.6, stage: 'transcribe', event: 'end', line: 6 },
      ],
      T0,
      T0 + 3,
      'e.jsonl',
    ),
    episodes: 2,
    status: 'ok',
    exitCode: 0,
    signal: null,
    warnings: [],
    ...overrides,
  };
}

describe('buildRunOutputs', () => {
  it('writes the fixture schema: stages in order, rounded, totals, and a stage_truth that matches', () => {
    const { profile, truth } = buildRunOutputs(record());
    expect(profile.date).toBe(new Date(T0 * 1000).toISOString().replace('.000Z', 'Z'));
    expect(profile.environment).toMatchObject({ hostname: 'runner-1', cpu: 'x86_64', cpu_cores_physical: 2, ram_total_gb: 8, os: 'Linux 6.18.44', node: '20.1.0', git_sha: 'abc1234' });
    expect(profile.stages).toEqual({
      fetch: { wall_time_s: 1, peak_rss_mb: 120.5, avg_cpu_pct: 95.5 },
      // transcribe runs +1 → +2.6: the sample at +2 (180 %) covers 1 s of it, the one at +3 (20 %) 0.6 s.
      transcribe: { wall_time_s: 2.9, peak_rss_mb: 200, avg_cpu_pct: 120 },
    });
    expect(profile.totals).toMatchObject({ peak_rss_mb: 200, wall_time_s: 3, avg_wall_time_per_episode_s: 1.5, memory_metric: 'pss_sum', peak_rss_sum_mb: 400.1 });
    expect(profile.totals.sampling_note).toMatch(/JSON-lines stage events.*PSS sum.*Sampled every 1 s \(4 samples, achieved 1 s\)/);
    expect(profile.status).toBeUndefined();
    expect(truth).toMatchObject({
      profile_stage_truth_version: 1,
      run_wall_s: 3,
      sum_mapped_stage_wall_s: 3.9,
      parallelism_hint_ratio: 1.3,
      wall_seconds_by_stage: { fetch: 1, transcribe: 2.9 },
      global_peak_rss_mb_sampled: 200.04,
      memory_metric: 'pss_sum',
      stage_source: 'events',
      status: 'ok',
    });
    expect(truth.resource_by_stage_psutil.fetch).toEqual({ peak_rss_mb: 120.46, avg_cpu_pct: 95.5, samples: 2 });
  });

  it('renders YAML and JSON that the format validators accept', () => {
    const { profile, truth } = buildRunOutputs(record());
    expect(() => validateProfile(parseYamlText(renderProfileYaml(profile), 'p.yaml'), 'p.yaml')).not.toThrow();
    expect(() => validateStageTruth(JSON.parse(renderStageTruthJson(truth)), 't.json')).not.toThrow();
  });

  it('marks a run that did not complete, keeping what was measured', () => {
    const { profile, truth } = buildRunOutputs(record({ status: 'failed', exitCode: 3 }));
    expect(profile.status).toBe('failed');
    expect(truth.exit_code).toBe(3);
    expect(profile.stages.fetch).toBeDefined();
  });

  it('never writes NaN: no samples, no episodes, a zero-length run', () => {
    const { profile, truth } = buildRunOutputs(record({ samples: [], episodes: null, endedAt: T0, timeline: wholeRunTimeline(T0, T0) }));
    expect(profile.stages).toEqual({});
    expect(profile.totals).toMatchObject({ peak_rss_mb: 0, wall_time_s: 0, avg_wall_time_per_episode_s: null, avg_cpu_pct: 0 });
    expect(truth.parallelism_hint_ratio).toBeNull();
    expect(JSON.stringify({ profile, truth })).not.toMatch(/NaN|null,"avg_cpu_pct"/);
  });

  it('with metrics windows, notes the approximation and copies the excerpt, like the anchor', () => {
    const anchor = loadStageTruthFile(fixture('data/profiles/issue-477/issue477-staged-gpt4o.stage_truth.json'));
    const excerpt = anchor.metrics_excerpt as Record<string, unknown>;
    const end = T0 + anchor.run_wall_s;
    const series: Sample[] = Array.from({ length: 82 }, (_, i) => ({ t: T0 + i * 0.5, mem_mb: 600 + i / 10, rss_mb: 700, cpu_pct: i === 0 ? null : 1, cpu_s: 0, procs: 3 }));
    const { profile, truth } = buildRunOutputs(
      record({ samples: series, endedAt: end, timeline: timelineFromMetrics(excerpt, T0, end, '/run/metrics.json'), metricsExcerpt: excerpt, sampleIntervalS: 0.5 }),
    );
    expect(Object.keys(profile.stages)).toEqual(Object.keys(anchor.wall_seconds_by_stage));
    expect(truth.wall_seconds_by_stage).toEqual(anchor.wall_seconds_by_stage);
    expect(truth.sum_mapped_stage_wall_s).toBe(anchor.sum_mapped_stage_wall_s);
    expect(truth.parallelism_hint_ratio).toBe(anchor.parallelism_hint_ratio);
    expect(truth.source_metrics_path).toBe('/run/metrics.json');
    expect(truth.metrics_excerpt).toEqual(excerpt);
    expect(profile.totals.sampling_note).toMatch(/^Per-stage RSS\/CPU uses proportional wall-time windows from metrics.json; parallel work can mis-attribute samples \(approximate\)/);
    // The tiny vector_indexing window (0.07 s scaled) still gets the sample covering it.
    expect(truth.resource_by_stage_psutil.vector_indexing?.samples).toBe(1);
  });
});

describe('repeated runs → medians', () => {
  it('takes the per-run median of each number; a stage present in a minority of runs is absent', () => {
    const runs = [1, 2, 3].map((k) => {
      const base = buildRunOutputs(record({ endedAt: T0 + 2 + k }));
      if (k === 3) base.profile.stages.rare = { wall_time_s: 5, peak_rss_mb: 1, avg_cpu_pct: 1 };
      return { ...base, status: 'ok' as const, file: `out.run-${k}.yaml` };
    });
    const { profile, truth } = medianOfRuns(runs);
    expect(profile.totals.wall_time_s).toBe(4);
    expect(profile.stages.rare).toBeUndefined();
    expect(profile.runs).toEqual([1, 2, 3].map((k) => ({ file: `out.run-${k}.yaml`, status: 'ok', wall_time_s: 2 + k, peak_rss_mb: 200 })));
    expect(truth.run_wall_s).toBe(4);
    expect(truth.repeat).toBe(3);
    expect(() => validateProfile(parseYamlText(renderProfileYaml(profile), 'p.yaml'), 'p.yaml')).not.toThrow();
  });

  it('leaves a failed run out of the medians but marks the result failed', () => {
    const ok = { ...buildRunOutputs(record({ endedAt: T0 + 3 })), status: 'ok' as const, file: 'a.yaml' };
    const failed = { ...buildRunOutputs(record({ endedAt: T0 + 1, status: 'failed' })), status: 'failed' as const, file: 'b.yaml' };
    const { profile, truth } = medianOfRuns([ok, failed]);
    expect(profile.totals.wall_time_s).toBe(3);
    expect(profile.status).toBe('failed');
    expect(truth.status).toBe('failed');
  });

  it('uses the one median of the project: an even count averages the middle pair, no values is a bug', () => {
    expect(compareMedian).toBe(median);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow(InternalError);
  });
});

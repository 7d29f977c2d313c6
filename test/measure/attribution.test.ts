/**
 * The one-pass attribution gives exactly what the samples × spans loop it replaced gave
 * (referenceAttribution in scripts/bench/long-run.mjs), on
 * real-looking runs (the staged fixture's stages, overlapping occurrences, a jittery sampler, a wall
 * clock stepping back), on a real frozen process tree, and on random series. Speed is measured by
 * `npm run bench:rebuild`, not here.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32, referenceAttribution, syntheticRun } from '../../scripts/bench/long-run.mjs';
import { attributeSamples, type StageResourceStats } from '../../src/measure/attribution.js';
import { buildRunOutputs, type RunRecord } from '../../src/measure/build-profile.js';
import { freeze } from '../../src/measure/freeze.js';
import { parseSamplesFile, type Sample } from '../../src/measure/samples-file.js';
import { parseEventsText, timelineFromEvents } from '../../src/measure/stages/events.js';
import { timelineFromMetrics } from '../../src/measure/stages/metrics.js';
import { wholeRunTimeline, type StageSpan } from '../../src/measure/stages/source.js';
import { timelineFromStatus } from '../../src/measure/stages/status-file.js';
import { loadStageTruthFile } from '../../src/formats/loaders.js';
import { fixture } from '../helpers/fixtures.js';

/** Stage → stats, in name order: equal means the same numbers to the last bit. */
const byName = (stats: Map<string, StageResourceStats>): Record<string, StageResourceStats> => Object.fromEntries([...stats].sort(([a], [b]) => (a < b ? -1 : 1)));

function expectSameAsReference(samples: readonly Sample[], spans: readonly StageSpan[], runStart: number): Record<string, StageResourceStats> {
  const fast = byName(attributeSamples(samples, spans, runStart));
  expect(fast).toEqual(byName(referenceAttribution(samples, spans, runStart)));
  return fast;
}

const anchor = loadStageTruthFile(fixture('data/profiles/issue-477/issue477-staged-gpt4o.stage_truth.json'));
/** The staged fixture's stages, with its mean wall per occurrence (2 episodes). */
const FIXTURE_STAGES = Object.entries(anchor.wall_seconds_by_stage).map(([name, wall]) => ({ name, meanS: wall / 2 / 10 }));

describe('one-pass attribution = the samples × spans loop', () => {
  const run = syntheticRun({ durationS: 20 * 60, hz: 10, stages: FIXTURE_STAGES, clockStepBackS: 3, seed: 477 });
  const events = run.events.map((e, i) => ({ ...e, line: i + 1 }));

  it('with stage events: overlapping occurrences at 10 Hz for 20 minutes, the clock stepping back once', () => {
    const timeline = timelineFromEvents(events, run.startedAt, run.endedAt, 'e.jsonl');
    expect(timeline.spans.length).toBeGreaterThan(200);
    expect(run.samples.some((s, i) => i > 0 && s.t < (run.samples[i - 1] as Sample).t)).toBe(true);
    const stats = expectSameAsReference(run.samples, timeline.spans, run.startedAt);
    expect(Object.keys(stats).sort()).toEqual(Object.keys(anchor.wall_seconds_by_stage).sort());
  });

  it('with the metrics windows of the staged fixture, the polled status file, and one whole-run stage', () => {
    const excerpt = anchor.metrics_excerpt as Record<string, unknown>;
    expectSameAsReference(run.samples, timelineFromMetrics(excerpt, run.startedAt, run.endedAt, 'metrics.json').spans, run.startedAt);
    const statuses = events.filter((e) => e.event === 'start').map((e) => ({ t: e.ts + 0.05, stage: e.stage, started_at: e.ts }));
    expectSameAsReference(run.samples, timelineFromStatus(statuses, run.startedAt, run.endedAt, '.pipeline_status.json').spans, run.startedAt);
    expectSameAsReference(run.samples, wholeRunTimeline(run.startedAt, run.endedAt).spans, run.startedAt);
  });

  it('on random series: spans of any length and order, repeated and backward timestamps, zero-length spans', () => {
    const random = mulberry32(15);
    for (let round = 0; round < 200; round++) {
      const start = 1000 + random();
      const samples: Sample[] = [];
      let t = start + (random() < 0.2 ? 0 : random() * 0.1);
      for (let k = 0, n = Math.floor(random() * 40); k < n; k++) {
        samples.push({ t, mem_mb: random() < 0.1 ? 0 : random() * 100, rss_mb: 0, cpu_pct: random() < 0.1 ? null : random() * 300, cpu_s: 0, procs: random() < 0.1 ? 0 : 2 });
        const r = random();
        t += r < 0.1 ? 0 : r < 0.2 ? -random() : random();
      }
      const spans: StageSpan[] = Array.from({ length: Math.floor(random() * 12) }, (_, i) => {
        const from = start - 1 + random() * (t - start + 2);
        const length = random() < 0.15 ? 0 : random() * 3;
        return { stage: `s${i % 4}`, start: from, end: from + length };
      });
      expectSameAsReference(samples, spans, start);
    }
  });

  it('gives the same profile when the samples are streamed once instead of held in an array', () => {
    const timeline = timelineFromEvents(events, run.startedAt, run.endedAt, 'e.jsonl');
    const record = (samples: Iterable<Sample>): RunRecord => ({
      release: 'r',
      datasetId: 'd',
      environment: { hostname: 'h', cpu: 'x86_64', cpu_cores_physical: null, cpu_cores_logical: 2, ram_total_gb: 8, os: 'Linux', python: null },
      sampleIntervalS: 0.1,
      memoryMetric: 'pss_sum',
      startedAt: run.startedAt,
      endedAt: run.endedAt,
      samples,
      timeline,
      episodes: null,
      status: 'ok',
      exitCode: 0,
      signal: null,
      warnings: [],
    });
    const once = (function* () {
      yield* run.samples;
    })();
    const streamed = buildRunOutputs(record(once));
    expect(streamed).toEqual(buildRunOutputs(record(run.samples)));
    expect(streamed.truth.samples_count).toBe(run.samples.length);
    expect(streamed.profile.totals.sampling_note).toContain(`(${run.samples.length} samples, achieved 0.10`);
  });
});

describe.runIf(process.platform === 'linux')('on a real frozen process tree', () => {
  it('attributes its samples to its stage events exactly as the loop did', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'og-attr-'));
    const workload = fileURLToPath(new URL('./workloads/forking.py', import.meta.url));
    const result = await freeze({
      version: 'v',
      datasetId: 'd',
      output: join(dir, 'p.yaml'),
      command: ['python3', workload, 'parent_mb=20', 'child_mb=10', 'children=2', 'hold_s=0.4', 'cpu_s=0.3'],
      cwd: dir,
      sampleIntervalS: 0.02,
      warmup: 0,
      commandOutput: 'ignore',
    });
    expect(result.status).toBe('ok');
    const { header, samples, end } = parseSamplesFile(readFileSync(join(dir, 'p.samples.jsonl'), 'utf8'), 's');
    const { events } = parseEventsText(readFileSync(join(dir, 'p.events.jsonl'), 'utf8'), 'e');
    const timeline = timelineFromEvents(events, header.started_at, end?.t ?? 0, 'e');
    expect(samples.length).toBeGreaterThan(20);
    const stats = expectSameAsReference(samples, timeline.spans, header.started_at);
    expect(Object.keys(stats).sort()).toEqual(['compute', 'load', 'workers']);
  });
});

describe('kernel interval peaks at a stage boundary', () => {
  // The demo's own samples (2 Hz, cgroup accounting): the workers of `transcribe` exit at 1.25 s, the
  // sample at 1.5 s carries the interval's peak (63.4 MiB, reached before 1.25 s) and 10.6 MiB now.
  const sample = (t: number, memMb: number, nowMb: number, procs: number): Sample => ({ t, mem_mb: memMb, mem_now_mb: nowMb, rss_mb: memMb, cpu_pct: 50, cpu_s: t / 2, procs });
  const samples = [sample(0.5, 63.07, 63.07, 3), sample(1.0, 63.36, 63.36, 3), sample(1.5, 63.36, 10.63, 1), sample(1.94, 10.63, 10.63, 1)];
  const spans: StageSpan[] = [
    { stage: 'transcribe', start: 0.38, end: 1.25 },
    { stage: 'summarize', start: 1.26, end: 1.76 },
    { stage: 'extract', start: 1.77, end: 1.92 },
  ];

  it('the stage after the boundary gets the reading at its end, not the peak of the stage before', () => {
    const stats = attributeSamples(samples, spans, 0);
    expect(stats.get('transcribe')?.peak_mb).toBe(63.36);
    expect(stats.get('summarize')?.peak_mb).toBe(10.63);
    // extract lies strictly inside (1.5, 1.94]: only the interval's peak speaks for it.
    expect(stats.get('extract')?.peak_mb).toBe(10.63);
    expect(byName(stats)).toEqual(byName(referenceAttribution(samples, spans, 0)));
  });
});

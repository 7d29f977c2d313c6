import { describe, expect, it } from 'vitest';
import { appendFileSync, mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventsTail, parseEventsText, timelineFromEvents, type StageEvent } from '../../src/measure/stages/events.js';
import { metricsExcerpt, stageWallsFromMetrics, timelineFromMetrics } from '../../src/measure/stages/metrics.js';
import { parseStageSource } from '../../src/measure/stages/source.js';
import { parseStatusText, parseTimestamp, StatusFilePoller, timelineFromStatus } from '../../src/measure/stages/status-file.js';
import { resolveTimeline } from '../../src/measure/stages/resolve.js';
import { loadStageTruthFile } from '../../src/formats/loaders.js';
import { UserError } from '../../src/errors.js';
import { fixture } from '../helpers/fixtures.js';

const T0 = 1_700_000_000;
let line = 0;
function ev(ts: number, stage: string, event: 'start' | 'end'): StageEvent {
  return { ts: T0 + ts, stage, event, line: ++line };
}

describe('stage events → timeline', () => {
  it('integrates the active count: overlapping occurrences of one stage count twice', () => {
    const timeline = timelineFromEvents(
      [ev(0, 'fetch', 'start'), ev(1, 'fetch', 'end'), ev(1, 'transcribe', 'start'), ev(1.5, 'transcribe', 'start'), ev(3, 'transcribe', 'end'), ev(4, 'transcribe', 'end')],
      T0,
      T0 + 5,
      'e.jsonl',
    );
    expect(timeline.order).toEqual(['fetch', 'transcribe']);
    expect(timeline.walls.fetch).toBeCloseTo(1);
    expect(timeline.walls.transcribe).toBeCloseTo(3 + 1.5); // 1→4 once, 1.5→3 twice
    // For attribution the stage is one span while any occurrence runs.
    expect(timeline.spans.filter((s) => s.stage === 'transcribe')).toEqual([{ stage: 'transcribe', start: T0 + 1, end: T0 + 4 }]);
    expect(timeline.warnings).toEqual([]);
  });

  it('closes a stage still open at the end of the run, and says so', () => {
    const timeline = timelineFromEvents([ev(1, 'summarize', 'start')], T0, T0 + 3, 'e.jsonl');
    expect(timeline.walls.summarize).toBeCloseTo(2);
    expect(timeline.openAtEnd).toEqual(['summarize']);
    expect(timeline.warnings[0]).toMatch(/stage "summarize" was still running when the run ended/);
  });

  it('warns about an end without a start, naming the line, and ignores it', () => {
    const timeline = timelineFromEvents([{ ts: T0 + 1, stage: 'clean', event: 'end', line: 7 }], T0, T0 + 3, 'e.jsonl');
    expect(timeline.walls).toEqual({});
    expect(timeline.warnings).toEqual(['e.jsonl line 7: "end" of stage "clean" without a matching "start" (ignored)']);
  });

  it('sorts events written out of order by concurrent writers, and clamps them to the run', () => {
    const timeline = timelineFromEvents([ev(2, 'a', 'end'), ev(-1, 'a', 'start')], T0, T0 + 3, 'e.jsonl');
    expect(timeline.walls.a).toBeCloseTo(2);
  });

  it('leaves zero-length stages out', () => {
    const timeline = timelineFromEvents([ev(1, 'instant', 'start'), ev(1, 'instant', 'end')], T0, T0 + 3, 'e.jsonl');
    expect(timeline.walls).toEqual({});
    expect(timeline.order).toEqual([]);
  });

  it('reports malformed lines with their line numbers', () => {
    const text = [
      '{"ts": 1, "stage": "a", "event": "start"}',
      'not json',
      '{"ts": "soon", "stage": "a", "event": "start"}',
      '',
      '{"ts": 2, "stage": "a", "event": "stop"}',
      '{"ts": 3, "stage": "a", "event": "end", "episode": 4}',
    ].join('\n');
    const { events, warnings } = parseEventsText(text, 'e.jsonl');
    expect(events.map((e) => [e.line, e.event])).toEqual([
      [1, 'start'],
      [6, 'end'],
    ]);
    expect(warnings.map((w) => w.split(':')[0])).toEqual(['e.jsonl line 2', 'e.jsonl line 3', 'e.jsonl line 5']);
  });

  it('tails a file being appended to, holding back a partial last line until it is complete', () => {
    const dir = mkdtempSync(join(tmpdir(), 'og-events-'));
    const file = join(dir, 'events.jsonl');
    const tail = new EventsTail(file);
    expect(tail.poll()).toBe(0); // not created yet
    writeFileSync(file, '{"ts": 1, "stage": "a", "event": "start"}\n{"ts": 2, "sta');
    expect(tail.poll()).toBe(1);
    expect(tail.openStages()).toEqual(['a']);
    appendFileSync(file, 'ge": "a", "event": "end"}\nbroken\n');
    expect(tail.poll()).toBe(1);
    expect(tail.events.map((e) => e.line)).toEqual([1, 2]);
    expect(tail.warnings).toEqual([`${file} line 3: not valid JSON (ignored)`]);
    expect(tail.openStages()).toEqual([]);
    appendFileSync(file, '{"ts": 5, "stage": "é", "event": "start"}');
    expect(tail.poll()).toBe(0);
    expect(tail.poll(true)).toBe(1);
    expect(tail.events[2]?.stage).toBe('é');
  });

  it('starts over when the pipeline replaces the file (write + rename)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'og-events-'));
    const file = join(dir, 'events.jsonl');
    writeFileSync(file, '{"ts": 1, "stage": "a", "event": "start"}\n');
    const tail = new EventsTail(file);
    expect(tail.poll()).toBe(1);
    writeFileSync(join(dir, 'tmp'), '{"ts": 1, "stage": "b", "event": "start"}\n{"ts": 2, "stage": "b", "event": "end"}\n');
    renameSync(join(dir, 'tmp'), file);
    tail.poll(true);
    expect(tail.events.map((e) => `${e.stage}@${e.line}`)).toEqual(['b@1', 'b@2']);
  });
});

describe('status file → timeline', () => {
  it('ends a stage where the next one says it started, and the last at the run end', () => {
    const timeline = timelineFromStatus(
      [
        { t: T0 + 0.5, stage: 'fetch', started_at: T0 + 0.1 },
        { t: T0 + 2.5, stage: 'transcribe', started_at: T0 + 2.2 },
        { t: T0 + 6, stage: 'done', started_at: null },
      ].map((o) => ({ ...o, stage: parseStatusText(JSON.stringify({ stage: o.stage }))?.stage ?? null })),
      T0,
      T0 + 7,
      'status.json',
    );
    expect(timeline.walls.fetch).toBeCloseTo(2.1);
    expect(timeline.walls.transcribe).toBeCloseTo(3.8);
    expect(timeline.order).toEqual(['fetch', 'transcribe']);
  });

  it('uses the poll time when the file gives no usable start, and keeps the last stage open to the end', () => {
    const timeline = timelineFromStatus(
      [
        { t: T0 + 1, stage: 'a', started_at: null },
        { t: T0 + 2, stage: 'b', started_at: T0 + 99 },
      ],
      T0,
      T0 + 4,
      's',
    );
    expect(timeline.walls.a).toBeCloseTo(1);
    expect(timeline.walls.b).toBeCloseTo(2);
  });

  it('parses ISO and epoch stage_started_at', () => {
    expect(parseTimestamp('2026-04-12T10:43:31Z')).toBe(Date.UTC(2026, 3, 12, 10, 43, 31) / 1000);
    expect(parseTimestamp(T0)).toBe(T0);
    expect(parseTimestamp(T0 * 1000)).toBe(T0);
    expect(parseTimestamp('soon')).toBeNull();
    expect(parseStatusText('{"stage": "transcribe"')).toBeUndefined();
    expect(parseStatusText('{"stage": "Completed"}')).toEqual({ stage: null, started_at: null });
  });

  it('ignores what the file said before the run and reads it only when it changes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'og-status-'));
    const file = join(dir, '.pipeline_status.json');
    writeFileSync(file, JSON.stringify({ stage: 'stale' }));
    const poller = new StatusFilePoller(file);
    expect(poller.poll(T0)).toBeUndefined();
    writeFileSync(file, JSON.stringify({ stage: 'fetch', stage_started_at: T0 + 0.25, extra: 'padding' }));
    expect(poller.poll(T0 + 1)).toEqual({ t: T0 + 1, stage: 'fetch', started_at: T0 + 0.25 });
    expect(poller.poll(T0 + 2)).toBeUndefined();
    expect(poller.observations).toHaveLength(1);
  });
});

describe('metrics.json → proportional windows (the anchor method)', () => {
  const truth = loadStageTruthFile(fixture('data/profiles/issue-477/issue477-staged-gpt4o.stage_truth.json'));
  const excerpt = truth.metrics_excerpt as Record<string, unknown>;

  it("reproduces the staged fixture's per-stage walls from its metrics_excerpt", () => {
    const { walls } = stageWallsFromMetrics(excerpt);
    expect(walls).toEqual(truth.wall_seconds_by_stage);
  });

  it("reproduces the bundled fixture's walls (cleaning at 0 s is absent)", () => {
    const bundled = loadStageTruthFile(fixture('data/profiles/issue-477/issue477-bundled-gpt4o.stage_truth.json'));
    expect(stageWallsFromMetrics(bundled.metrics_excerpt as Record<string, unknown>).walls).toEqual(bundled.wall_seconds_by_stage);
  });

  it('lays the windows end to end over the run, scaled to fill it, and keeps the unscaled walls', () => {
    const start = T0;
    const timeline = timelineFromMetrics(excerpt, start, start + truth.run_wall_s, 'metrics.json');
    const sum = Object.values(timeline.walls).reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(truth.sum_mapped_stage_wall_s, 4);
    expect(Math.round((sum / truth.run_wall_s) * 1e4) / 1e4).toBe(truth.parallelism_hint_ratio);
    expect(timeline.spans[0]?.start).toBe(start);
    expect(timeline.spans.at(-1)?.end).toBeCloseTo(start + truth.run_wall_s, 6);
    const cleaning = timeline.spans.find((s) => s.stage === 'transcript_cleaning');
    expect((cleaning?.end ?? 0) - (cleaning?.start ?? 0)).toBeCloseTo(42.08 * (40.3144 / 104.0307), 6);
  });

  it("copies the anchor's excerpt keys", () => {
    expect(metricsExcerpt({ ...excerpt, unrelated_key: 1 })).toEqual(excerpt);
  });

  it('accepts a generic wall_seconds_by_stage object, and warns about bad entries', () => {
    expect(stageWallsFromMetrics({ wall_seconds_by_stage: { a: 1.5, b: 0, c: 'x' } })).toEqual({
      walls: { a: 1.5 },
      warnings: ['metrics wall_seconds_by_stage.c: expected seconds >= 0 (ignored)'],
    });
  });
});

describe('choosing the stage source', () => {
  const base = { runStart: T0, runEnd: T0 + 10, events: [], eventWarnings: [], eventsPath: 'e.jsonl', statuses: [], statusPath: 's.json' };

  it('auto: events win over a status file and metrics', () => {
    const { timeline } = resolveTimeline({
      ...base,
      spec: { kind: 'auto' },
      events: [ev(1, 'x', 'start'), ev(2, 'x', 'end')],
      statuses: [{ t: T0 + 1, stage: 'y', started_at: null }],
      metrics: { path: 'm.json', data: { wall_seconds_by_stage: { z: 3 } } },
    });
    expect(timeline.method).toBe('events');
  });

  it('auto: status file, then metrics, then one stage "run"', () => {
    expect(resolveTimeline({ ...base, spec: { kind: 'auto' }, statuses: [{ t: T0 + 1, stage: 'y', started_at: null }] }).timeline.method).toBe('status_file');
    const withMetrics = resolveTimeline({ ...base, spec: { kind: 'auto' }, metrics: { path: 'm.json', data: { wall_seconds_by_stage: { z: 3 }, run_duration_seconds: 9 } } });
    expect(withMetrics.timeline.method).toBe('metrics');
    expect(withMetrics.metricsExcerpt).toEqual({ run_duration_seconds: 9, wall_seconds_by_stage: { z: 3 } });
    const none = resolveTimeline({ ...base, spec: { kind: 'auto' } }).timeline;
    expect(none.method).toBe('whole_run');
    expect(none.walls).toEqual({ run: 10 });
  });

  it('an explicitly asked source that yields nothing falls back to "run" with a warning', () => {
    const { timeline } = resolveTimeline({ ...base, spec: { kind: 'events' } });
    expect(timeline.method).toBe('whole_run');
    expect(timeline.warnings).toEqual(['no stage events were written to e.jsonl; one stage "run" covers the run']);
    const missing = resolveTimeline({ ...base, spec: { kind: 'metrics', path: 'm.json' }, metrics: { path: 'm.json', error: 'file not found' } });
    expect(missing.timeline.warnings).toEqual(['m.json: file not found; one stage "run" covers the run']);
  });

  it('parses --stages', () => {
    expect(parseStageSource('status-file')).toEqual({ kind: 'status-file', path: '.pipeline_status.json' });
    expect(parseStageSource('status-file:run/status.json')).toEqual({ kind: 'status-file', path: 'run/status.json' });
    expect(parseStageSource('metrics:out/metrics.json')).toEqual({ kind: 'metrics', path: 'out/metrics.json' });
    expect(() => parseStageSource('metrics')).toThrow(UserError);
    expect(() => parseStageSource('psutil')).toThrow(/expected auto, events, status-file\[:PATH\], metrics:PATH or none; got "psutil"/);
  });
});

/**
 * `optimization-gate rebuild`: a profile from a samples file, with the run's own stage source or
 * another one, streamed from disk; every input problem is a located exit 2.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { syntheticRun, writeRunFiles } from '../../scripts/bench/long-run.mjs';
import { runCli } from '../../src/cli/index.js';
import { loadMeasuredRun, loadStageTruthFile } from '../../src/formats/loaders.js';
import { attributeSamples } from '../../src/measure/attribution.js';
import { parseSamplesFile } from '../../src/measure/samples-file.js';
import { parseEventsText, timelineFromEvents } from '../../src/measure/stages/events.js';
import { fixture } from '../helpers/fixtures.js';

afterEach(() => vi.restoreAllMocks());

function capture(): { text: () => string } {
  const lines: string[] = [];
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void lines.push(args.join(' ')));
  vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void lines.push(args.join(' ')));
  return { text: () => lines.join('\n') };
}

const anchor = loadStageTruthFile(fixture('data/profiles/issue-477/issue477-staged-gpt4o.stage_truth.json'));
const STAGES = Object.entries(anchor.wall_seconds_by_stage).map(([name, wall]) => ({ name, meanS: wall / 20 }));

/** A 10-minute run at 10 Hz on disk, as the freeze leaves it. */
function runOnDisk(extra: Parameters<typeof writeRunFiles>[2] = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'og-rebuild-'));
  const run = syntheticRun({ durationS: 600, hz: 10, stages: STAGES, seed: 15 });
  return { dir, run, ...writeRunFiles(join(dir, 'interrupted'), run, extra) };
}

describe('optimization-gate rebuild', () => {
  it('writes the profile and stage_truth at --output, attributed exactly as from the whole file in memory', async () => {
    const { dir, samplesPath, eventsPath } = runOnDisk();
    const out = capture();
    expect(await runCli(['rebuild', '--samples', samplesPath, '--output', join(dir, 'again', 'p.yaml')])).toBe(0);
    const rebuilt = loadMeasuredRun(join(dir, 'again', 'p.yaml'));
    expect(Object.keys(rebuilt.profile.stages).sort()).toEqual(Object.keys(anchor.wall_seconds_by_stage).sort());
    expect(rebuilt.truth?.rebuilt_from_samples).toBe(true);
    expect(rebuilt.truth?.stage_source).toBe('events');
    // Streamed twice from disk = parsed whole and attributed in memory.
    const file = parseSamplesFile(readFileSync(samplesPath, 'utf8'), samplesPath);
    const timeline = timelineFromEvents(parseEventsText(readFileSync(eventsPath, 'utf8'), eventsPath).events, file.header.started_at, file.end?.t ?? 0, eventsPath);
    const expected = attributeSamples(file.samples, timeline.spans, file.header.started_at);
    for (const [stage, stats] of expected) {
      expect(rebuilt.truth?.resource_by_stage_psutil[stage]).toEqual({
        peak_rss_mb: Math.round(stats.peak_mb * 100) / 100,
        avg_cpu_pct: Math.round((stats.avg_cpu_pct ?? 0) * 100) / 100,
        samples: stats.samples,
      });
    }
    expect(rebuilt.truth?.samples_count).toBe(file.samples.length);
    expect(rebuilt.truth?.pss_snapshots).toBe(file.samples.filter((s) => s.pss_age_s === 0).length);
    expect(out.text()).toMatch(/wrote:\n.*again\/p\.yaml\n.*again\/p\.stage_truth\.json\nstages \(.*p\.yaml\):\n {2}speaker_detection/);
    expect(out.text()).toMatch(/optimization-gate rebuild: status ok$/);
  });

  it('attributes with another stage source: none, the polled status file, or metrics.json windows', async () => {
    const statuses = [
      { t: 1_765_000_000.3, stage: 'download', started_at: 1_765_000_000.2 },
      { t: 1_765_000_200.1, stage: 'transcribe', started_at: 1_765_000_200.0 },
    ];
    const { dir, samplesPath } = runOnDisk({ statuses, header: { status_file: '/runner/work/.pipeline_status.json' } });
    capture();
    expect(await runCli(['rebuild', '--samples', samplesPath, '--output', join(dir, 'none.yaml'), '--stages', 'none'])).toBe(0);
    expect(Object.keys(loadMeasuredRun(join(dir, 'none.yaml')).profile.stages)).toEqual(['run']);

    expect(await runCli(['rebuild', '--samples', samplesPath, '--output', join(dir, 'status.yaml'), '--stages', 'status-file'])).toBe(0);
    const status = loadMeasuredRun(join(dir, 'status.yaml'));
    expect(status.profile.stages.download?.wall_time_s).toBeCloseTo(199.8, 3);
    expect(status.truth?.stage_source).toBe('status_file');

    writeFileSync(join(dir, 'metrics.json'), JSON.stringify(anchor.metrics_excerpt));
    expect(await runCli(['rebuild', '--samples', samplesPath, '--output', join(dir, 'metrics.yaml'), '--stages', `metrics:${join(dir, 'metrics.json')}`])).toBe(0);
    const metrics = loadMeasuredRun(join(dir, 'metrics.yaml'));
    expect(Object.keys(metrics.profile.stages)).toEqual(Object.keys(anchor.wall_seconds_by_stage));
    expect(metrics.truth?.stage_source_requested).toBe(`metrics:${join(dir, 'metrics.json')}`);
  });

  it('rebuilds an interrupted run (no end record) as cancelled, from an artifact moved elsewhere', async () => {
    const { dir, samplesPath } = runOnDisk({ end: false, header: { events_path: '/runner/_work/out/interrupted.events.jsonl' } });
    const moved = mkdtempSync(join(tmpdir(), 'og-moved-'));
    renameSync(samplesPath, join(moved, 'interrupted.samples.jsonl'));
    renameSync(join(dir, 'interrupted.events.jsonl'), join(moved, 'interrupted.events.jsonl'));
    const out = capture();
    expect(await runCli(['rebuild', '--samples', join(moved, 'interrupted.samples.jsonl'), '--output', join(moved, 'p.yaml')])).toBe(0);
    const rebuilt = loadMeasuredRun(join(moved, 'p.yaml'));
    expect(rebuilt.profile.status).toBe('cancelled');
    expect(rebuilt.truth?.stage_source).toBe('events');
    expect(out.text()).toMatch(/warning: rebuilt from .* after the sampler stopped before the command ended/);
    expect(out.text()).toMatch(/status cancelled \(the samples end before the run did\)$/);
  });

  it('reads the events file named by --events', async () => {
    const { dir, samplesPath, eventsPath } = runOnDisk({ header: { events_path: null } });
    capture();
    expect(await runCli(['rebuild', '--samples', samplesPath, '--output', join(dir, 'a.yaml')])).toBe(0);
    expect(Object.keys(loadMeasuredRun(join(dir, 'a.yaml')).profile.stages)).toEqual(['run']);
    expect(await runCli(['rebuild', '--samples', samplesPath, '--output', join(dir, 'b.yaml'), '--events', eventsPath, '--stages', 'events'])).toBe(0);
    expect(Object.keys(loadMeasuredRun(join(dir, 'b.yaml')).profile.stages)).toContain('summarization');
  });

  it('is listed by --help and explains itself', async () => {
    const out = capture();
    expect(await runCli(['--help'])).toBe(0);
    expect(out.text()).toMatch(/ {2}rebuild {5}rebuild a profile from a samples file/);
    expect(await runCli(['rebuild', '--help'])).toBe(0);
    expect(out.text()).toMatch(/usage: optimization-gate rebuild --samples FILE --output PROFILE\.yaml/);
  });

  it.each([
    [['--output', 'p.yaml'], /^optimization-gate rebuild: rebuild: --samples is required\n {2}- usage: optimization-gate rebuild/],
    [['--samples', 's.jsonl'], /^optimization-gate rebuild: rebuild: --output is required/],
    [['--samples', 's.jsonl', '--output', 'p.json'], /^optimization-gate rebuild: rebuild: --output expects a path ending in \.yaml or \.yml, got "p\.json"$/],
    [['s.jsonl', '--output', 'p.yaml'], /^optimization-gate rebuild: rebuild: unexpected "s\.jsonl"/],
    [['--samples', 's.jsonl', '--output', 'p.yaml', '--stages', 'psutil'], /^optimization-gate rebuild: --stages: expected auto, events, status-file\[:PATH\], metrics:PATH or none; got "psutil"$/],
    [['--samples', 's.jsonl', '--output', 'p.yaml', '--events', '/nowhere/e.jsonl'], /^optimization-gate rebuild: rebuild: --events: file not found: \/nowhere\/e\.jsonl$/],
    [['--samples', '/nowhere/s.jsonl', '--output', 'p.yaml'], /^optimization-gate rebuild: \/nowhere\/s\.jsonl: not found$/],
    [['--samples', '<profile>', '--output', 'p.yaml'], /issue477-staged-gpt4o\.yaml: invalid content\n {2}- line 1: expected a "optimization-gate-samples" header$/],
    [['--bogus'], /^optimization-gate rebuild: rebuild: unknown option --bogus/],
  ])('exits 2 naming the problem: %j', async (argv, message) => {
    const out = capture();
    const args = argv.map((a) => (a === '<profile>' ? fixture('data/profiles/issue-477/issue477-staged-gpt4o.yaml') : a));
    expect(await runCli(['rebuild', ...args])).toBe(2);
    expect(out.text()).toMatch(message);
  });
});

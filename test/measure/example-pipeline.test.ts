/**
 * The bundled example pipeline under the real freeze: forked transcription workers, overlapping
 * per-episode events, its experiment outputs and its own metrics.json, read back with the loaders.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { freeze } from '../../src/measure/freeze.js';
import { loadMeasuredRun } from '../../src/formats/loaders.js';
import { parseSamplesFile } from '../../src/measure/samples-file.js';

const EXAMPLE = fileURLToPath(new URL('../../examples/pipeline/', import.meta.url));
const pipeline = (config: string, ...extra: string[]): string[] => ['python3', join(EXAMPLE, 'pipeline.py'), '--config', join(EXAMPLE, 'config', config), '--out', '.', '--limit', '3', ...extra];

describe.runIf(process.platform === 'linux')('the example pipeline, frozen', () => {
  it('profiles every stage of the staged baseline, with the forked workers in the tree', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'og-example-'));
    const result = await freeze({
      version: 'example-baseline',
      datasetId: 'example_podcasts_v1',
      output: join(dir, 'baseline.yaml'),
      command: pipeline('baseline.json'),
      cwd: dir,
      warmup: 0,
      sampleIntervalS: 0.1,
      episodes: 3,
      commandOutput: 'ignore',
    });
    expect(result.status).toBe('ok');
    await promisify(execFile)('python3', [join(EXAMPLE, 'experiment.py'), '--config', join(EXAMPLE, 'config', 'baseline.json'), '--out', join(dir, 'baseline.eval')]);

    const run = loadMeasuredRun(result.profilePath);
    expect(Object.keys(run.profile.stages)).toEqual(['fetch', 'transcribe', 'clean', 'summarize', 'extract']);
    // Two workers each hold a 24 MiB model while transcribing.
    expect(run.profile.stages.transcribe?.peak_rss_mb).toBeGreaterThan(2 * 24);
    // Episodes are cleaned two at a time: their events overlap (a fact of the pipeline; the ratio of
    // summed stage walls to the run wall would also count how long the interpreter took to start).
    const events = readFileSync(join(dir, 'baseline.events.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { ts: number; stage: string; event: string });
    let open = 0;
    let most = 0;
    for (const e of events.filter((x) => x.stage === 'clean').sort((a, b) => a.ts - b.ts || (a.event === 'end' ? -1 : 1))) {
      open += e.event === 'start' ? 1 : -1;
      most = Math.max(most, open);
    }
    expect(most).toBe(2);
    expect(run.profile.stages.clean?.wall_time_s).toBeGreaterThan(0);
    const samples = parseSamplesFile(readFileSync(join(dir, 'baseline.samples.jsonl'), 'utf8'), 's').samples;
    expect(Math.max(...samples.map((s) => s.procs))).toBeGreaterThanOrEqual(3);
    // The experiment's outputs pass the loaders' validation.
    expect(run.eval?.vs_reference).toHaveProperty('silver_example_v1.rougeL_f1');
    expect(run.cost?.llm_cleaning_calls).toBe(5);
    expect(run.cost?.total_stage_cost_usd).toBeGreaterThan(0);
  });

  it('the bundled candidate has no clean stage, and its own metrics.json maps to podcast_scraper stages', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'og-example-'));
    const result = await freeze({
      version: 'example-candidate',
      datasetId: 'example_podcasts_v1',
      output: join(dir, 'candidate.yaml'),
      command: pipeline('optimized.json', '--metrics-out', 'run_metrics.json'),
      cwd: dir,
      warmup: 0,
      sampleIntervalS: 0.1,
      stages: 'metrics:run_metrics.json',
      commandOutput: 'ignore',
    });
    const run = loadMeasuredRun(result.profilePath);
    expect(Object.keys(run.profile.stages)).toEqual(['download_media', 'transcription', 'summarization', 'kg_extraction']);
    expect(run.profile.episodes_processed).toBe(3); // from the metrics' episodes_scraped_total
    expect(run.truth?.metrics_excerpt).toMatchObject({ transcribe_count: 3, cleaning_count: 0, summarize_count: 3 });
  });
});

import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, copyFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadMeasuredRun, loadProfileFile, loadStageTruthFile } from '../../src/formats/loaders.js';
import { stageTruthPathFor } from '../../src/formats/run-files.js';
import { validateEvalMetrics, validatePipelineMetrics } from '../../src/formats/eval-outputs.js';
import { readJson } from '../../src/formats/parse.js';
import { InputFileError } from '../../src/errors.js';
import {
  ANTHROPIC_PROFILE,
  BUNDLED_PROFILE,
  GEMINI_METRICS,
  NER_EVAL_DIR,
  OLLAMA_EVAL_DIR,
  OLLAMA_PROFILE,
  OPENAI_EVAL_DIR,
  PIPELINE_METRICS_SKELETON,
  SILVER_OPUS_EVAL_DIR,
  STAGED_PROFILE,
} from '../helpers/fixtures.js';

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'og-loaders-'));
}

describe('profile and stage_truth loaders on the real fixtures', () => {
  it('loads the staged issue-477 profile with its stage_truth companion', () => {
    const run = loadMeasuredRun(STAGED_PROFILE);
    expect(run.profile.release).toBe('issue477-staged-gpt4o');
    expect(run.profile.totals.wall_time_s).toBe(40.3144);
    expect(Object.keys(run.profile.stages)).toEqual(['speaker_detection', 'transcript_cleaning', 'summarization', 'gi_generation', 'kg_extraction', 'vector_indexing']);
    expect(run.truth?.parallelism_hint_ratio).toBe(2.5805);
    expect(run.truth?.resource_by_stage_psutil.vector_indexing?.peak_rss_mb).toBe(645.89);
    expect(run.files.truth).toBe(stageTruthPathFor(STAGED_PROFILE));
  });

  it('loads the bundled profile, which has no transcript_cleaning stage', () => {
    const profile = loadProfileFile(BUNDLED_PROFILE);
    expect(profile.stages.transcript_cleaning).toBeUndefined();
    expect(profile.totals.peak_rss_mb).toBe(644);
    expect(loadStageTruthFile(stageTruthPathFor(BUNDLED_PROFILE)).run_wall_s).toBe(21.5184);
  });

  it('loads profiles without a companion', () => {
    expect(loadMeasuredRun(ANTHROPIC_PROFILE).truth).toBeUndefined();
    expect(loadMeasuredRun(OLLAMA_PROFILE).profile.stages.rss_feed_fetch?.wall_time_s).toBe(0.01);
  });

  it('names the file and every bad key of a broken profile', () => {
    const dir = tmp();
    const file = join(dir, 'broken.yaml');
    writeFileSync(file, 'release: x\ndate: "2026-01-01"\nenvironment: {}\nstages:\n  a: {wall_time_s: fast, peak_rss_mb: 1, avg_cpu_pct: .nan}\ntotals: {wall_time_s: 1}\n');
    let caught: unknown;
    try {
      loadProfileFile(file);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InputFileError);
    const error = caught as InputFileError;
    expect(error.file).toBe(file);
    expect(error.details).toEqual([
      'dataset_id: expected a string, got nothing (key absent)',
      'stages.a.wall_time_s: expected a number >= 0, got string "fast"',
      'stages.a.avg_cpu_pct: expected a number >= 0, got NaN',
      'totals.peak_rss_mb: expected a number >= 0, got nothing (key absent)',
    ]);
  });

  it('reports YAML syntax errors with their line', () => {
    const file = join(tmp(), 'syntax.yaml');
    writeFileSync(file, 'release: a\nstages:\n  x: [1, 2\n');
    expect(() => loadProfileFile(file)).toThrow(/line \d+/);
  });

  it('reports a missing file by name', () => {
    // "not found", never "invalid content": nothing is wrong with a file that is not there.
    expect(() => loadProfileFile('/nonexistent/p.yaml')).toThrow(/^\/nonexistent\/p.yaml: not found$/);
  });
});

describe('eval output loaders on the real fixtures', () => {
  it('accepts every real metrics.json, including null and nested reference metrics', () => {
    for (const dir of [OPENAI_EVAL_DIR, OLLAMA_EVAL_DIR, NER_EVAL_DIR, SILVER_OPUS_EVAL_DIR]) {
      const file = join(dir, 'metrics.json');
      expect(() => validateEvalMetrics(readJson(file), file)).not.toThrow();
    }
    expect(() => validateEvalMetrics(readJson(GEMINI_METRICS), GEMINI_METRICS)).not.toThrow();
  });

  it('accepts the eval_pipeline_metrics.json skeleton', () => {
    const cost = validatePipelineMetrics(readJson(PIPELINE_METRICS_SKELETON), PIPELINE_METRICS_SKELETON);
    expect(cost.total_stage_cost_usd).toBe(0);
  });

  it('rejects a string where a latency number belongs, naming the path', () => {
    expect(() => validateEvalMetrics({ intrinsic: { performance: { avg_latency_ms: '12 ms' } } }, 'm.json')).toThrow(
      /intrinsic\.performance\.avg_latency_ms: expected a number >= 0, got string "12 ms"/,
    );
  });

  it('finds eval outputs in <stem>.eval/ beside a profile', () => {
    const dir = tmp();
    const profile = join(dir, 'cand.yaml');
    copyFileSync(STAGED_PROFILE, profile);
    mkdirSync(join(dir, 'cand.eval'));
    copyFileSync(join(OPENAI_EVAL_DIR, 'metrics.json'), join(dir, 'cand.eval', 'metrics.json'));
    const run = loadMeasuredRun(profile);
    expect(run.files.eval).toBe(join(dir, 'cand.eval', 'metrics.json'));
    expect(run.truth).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { evaluateGate, inputErrorResult } from '../../src/compare/verdicts/gate.js';
import { GATE_JSON_SCHEMA, renderGateJson, toGateJson } from '../../src/compare/verdicts/gate-json.js';
import type { MeasuredRun } from '../../src/compare/types.js';
import { BUNDLED_PROFILE, OLLAMA_EVAL_DIR, OPENAI_EVAL_DIR, STAGED_PROFILE } from '../helpers/fixtures.js';
import { run, side, threshold } from './helpers.js';

const staged = run(STAGED_PROFILE, OPENAI_EVAL_DIR);
const bundled = run(BUNDLED_PROFILE, OLLAMA_EVAL_DIR);

describe('gate.json', () => {
  const result = evaluateGate(
    {
      baseline: 'references/v2.6.0-openai',
      thresholds: [threshold('profile.totals.wall_time_s', '<= -20%', 'target', { line: 5 }), threshold('profile.stages.*.peak_rss_mb', '<= +10%', 'guardrail', { line: 6 })],
      problems: [],
    },
    side('baseline', staged),
    side('candidate', bundled),
    { failOn: 'iterate' },
  );
  const json = toGateJson(result);

  it('carries the schema, decision, fail-on and counts', () => {
    expect(json.schema).toBe(GATE_JSON_SCHEMA);
    expect(json.decision).toBe('reject');
    expect(json.fail_on).toBe('iterate');
    expect(json.passed).toBe(false);
    expect(json.verdicts).toEqual({ pass: 6, fail: 0, inconclusive: 0, missing: 1, accepted: 0 });
    expect(json.spec).toEqual({ baseline: 'references/v2.6.0-openai', baseline_eval: null, repeat: null, compare_across: null });
  });

  it('describes each concrete threshold with both sides, the change and the pattern it came from', () => {
    expect(json.thresholds[0]).toEqual({
      metric: 'profile.totals.wall_time_s',
      pattern: 'profile.totals.wall_time_s',
      rule: { text: '<= -20%', form: 'relative', op: '<=', value: -20, unit: null },
      kind: 'target',
      optional: false,
      line: 5,
      origin: 'block',
      default: null,
      verdict: 'pass',
      counts: true,
      not_measured: false,
      defaulted: { baseline: 0, candidate: 0 },
      environment: null,
      unit: 's',
      baseline: { values: [40.3144], median: 40.3144, n: 1, runs: 1, problems: [] },
      candidate: { values: [21.5184], median: 21.5184, n: 1, runs: 1, problems: [] },
      change: { value: expect.closeTo(-46.6235, 3) as number, form: 'relative', unit: '%', interval: null, level: null, method: 'point', note: 'single run: no noise estimate' },
      reason: 'change -46.6 % meets <= -20% (single run: no noise estimate)',
      accepted: null,
    });
    const cleaning = json.thresholds.find((t) => t.metric === 'profile.stages.transcript_cleaning.peak_rss_mb');
    expect(cleaning).toMatchObject({
      pattern: 'profile.stages.*.peak_rss_mb',
      verdict: 'missing',
      candidate: { values: [null], median: null, n: 0, runs: 1 },
      change: { value: null, interval: null, method: null },
    });
  });

  it('lists runs with files, status and host', () => {
    expect(json.runs.candidate[0]).toEqual({
      label: 'issue477-bundled-gpt4o.yaml',
      files: {
        profile: BUNDLED_PROFILE,
        truth: BUNDLED_PROFILE.replace('.yaml', '.stage_truth.json'),
        eval: `${OLLAMA_EVAL_DIR}/metrics.json`,
        cost: null,
        fingerprint: `${OLLAMA_EVAL_DIR}/fingerprint.json`,
      },
      status: null,
      failed: false,
      host: { hostname: 'Markos-MacBook-Pro.local', cpu: 'arm' },
      sampling_note: expect.stringMatching(/^Per-stage RSS\/CPU uses proportional wall-time windows/) as string,
      memory_metric: null,
    });
    expect(json.host).toEqual({ comparable: true, differences: [] });
    // Same profile and eval datasets; the staged → bundled pair differs in git state and the eval runs' git commit only.
    expect(json.dataset).toEqual({
      comparable: true,
      rows: [
        { field: 'profile dataset_id', baseline: ['e2e_podcast1_mtb_n2'], candidate: ['e2e_podcast1_mtb_n2'], mismatch: null },
        { field: 'eval dataset_id', baseline: ['curated_5feeds_smoke_v1'], candidate: ['curated_5feeds_smoke_v1'], mismatch: null },
        { field: 'eval references', baseline: ['silver_sonnet46_smoke_bullets_v1'], candidate: ['silver_sonnet46_smoke_bullets_v1'], mismatch: null },
      ],
    });
    expect(json.environment).toEqual({
      comparable: true,
      rows: [
        { attribute: 'git_sha', baseline: ['96f74c2'], candidate: ['ddd218c'], affects: false, accepted: false, note: 'shown only' },
        {
          attribute: 'fingerprint.runtime.backend',
          baseline: ['openai_api'],
          candidate: ['ollama_openai_compatible'],
          affects: false,
          accepted: false,
          note: 'shown only',
        },
        {
          attribute: 'fingerprint.runtime.inference_backend',
          baseline: ['openai_api'],
          candidate: ['ollama_openai_compatible'],
          affects: false,
          accepted: false,
          note: 'shown only',
        },
      ],
    });
  });

  it('never writes NaN or Infinity, and round-trips through JSON.parse', () => {
    const nan: MeasuredRun = { ...bundled, profile: { ...bundled.profile, totals: { ...bundled.profile.totals, peak_rss_mb: Number.NaN } } };
    const text = renderGateJson(
      evaluateGate({ thresholds: [threshold('profile.totals.peak_rss_mb', '<= +5%')], problems: [] }, side('baseline', staged), side('candidate', nan), { failOn: 'reject' }),
    );
    expect(text).not.toMatch(/[:[,]\s*(NaN|-?Infinity)\b/);
    expect(text).toContain('is NaN, not a number');
    const parsed = JSON.parse(text) as ReturnType<typeof toGateJson>;
    expect(parsed.thresholds[0]?.candidate.values).toEqual([null]);
    expect(parsed.thresholds[0]?.verdict).toBe('missing');
  });

  it('an input error result is a reject with the errors', () => {
    const failed = toGateJson(inputErrorResult(['x.yaml: invalid content'], 'reject'));
    expect(failed).toMatchObject({ decision: 'reject', passed: false, input_errors: ['x.yaml: invalid content'], thresholds: [], noise: 'not evaluated' });
    expect(toGateJson(inputErrorResult(['bad'], 'never')).passed).toBe(true);
  });
});

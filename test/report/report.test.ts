import { describe, expect, it } from 'vitest';
import { diffSides } from '../../src/compare/verdicts/diff.js';
import { evaluateGate, inputErrorResult, type GateResult } from '../../src/compare/verdicts/gate.js';
import type { MeasuredRun } from '../../src/compare/types.js';
import type { Threshold } from '../../src/compare/grammar/thresholds/types.js';
import { GITHUB_COMMENT_LIMIT, renderReport } from '../../src/report/report.js';
import { stageWallChart } from '../../src/report/chart.js';
import { BUNDLED_PROFILE, OLLAMA_EVAL_DIR, OPENAI_EVAL_DIR, STAGED_PROFILE } from '../helpers/fixtures.js';
import { profileCopy, run, side, tempDir, threshold, wallRepeats } from '../compare/helpers.js';

const staged = run(STAGED_PROFILE, OPENAI_EVAL_DIR);
const bundled = run(BUNDLED_PROFILE, OLLAMA_EVAL_DIR);

function report(thresholds: Threshold[], base: MeasuredRun[], cand: MeasuredRun[], options = {}): { text: string; result: GateResult } {
  const b = side('baseline', ...base);
  const c = side('candidate', ...cand);
  const result = evaluateGate({ thresholds, problems: [] }, b, c, { failOn: 'reject' });
  return { text: renderReport(result, diffSides(b, c), options), result };
}

const ISSUE_477 = [
  threshold('profile.totals.wall_time_s', '<= -20%', 'target', { line: 3 }),
  threshold('profile.totals.peak_rss_mb', '<= +5%', 'guardrail', { line: 4 }),
  threshold('eval.vs_reference.*.rougeL_f1', '>= -0.01', 'guardrail', { line: 5 }),
  threshold('eval.intrinsic.performance.avg_latency_ms', '<= +10%', 'guardrail', { line: 6 }),
];

describe('report of the issue-477 pair', () => {
  const { text } = report(ISSUE_477, [staged], [bundled], { artifactUrl: 'https://github.com/o/r/actions/runs/1/artifacts/2', runUrl: 'https://github.com/o/r/actions/runs/1' });
  const lines = text.split('\n');

  it('opens with the decision and what failed, with its numbers', () => {
    expect(lines[0]).toBe('### ❌ reject — 1 guardrail failed: `eval.intrinsic.performance.avg_latency_ms` +228.8 % (rule `<= +10%`)');
    expect(text).toContain('[artifacts](https://github.com/o/r/actions/runs/1/artifacts/2) · [workflow run](https://github.com/o/r/actions/runs/1)');
    expect(text).toContain('**3 pass · 1 fail · 0 inconclusive · 0 missing** — 1 baseline / 1 candidate run (single run: no noise estimate)');
  });

  it('lists the failing threshold first in the verdict table, with both values and the change', () => {
    const header = lines.findIndex((l) => l.startsWith('| Verdict |'));
    expect(lines[header + 2]).toBe('| ❌ fail | `eval.intrinsic.performance.avg_latency_ms` | guardrail | `<= +10%` | 4676.198 ms | 15376.38 ms | +228.8 % | — | 1/1 |');
    expect(lines[header + 3]).toBe('| ✅ pass | `profile.totals.peak_rss_mb` | guardrail | `<= +5%` | 645 MiB | 644 MiB | -0.16 % | — | 1/1 |');
    expect(text).toContain('| ✅ pass | `profile.totals.wall_time_s` | target | `<= -20%` | 40.3144 s | 21.5184 s | -46.6 % | — | 1/1 |');
    expect(text).toContain('- `eval.intrinsic.performance.avg_latency_ms`: change +228.8 % breaks <= +10% (single run: no noise estimate)');
  });

  it('has thresholds as parsed, the stage table with totals, quality, host and footnotes in that order', () => {
    const order = ['#### Verdicts', 'Thresholds as parsed (4)', '#### Stages', '```mermaid', 'Quality (eval metrics.json)', '#### Host', '- Sampling:'].map((s) => text.indexOf(s));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).toContain('| `eval.vs_reference.*.rougeL_f1` | `>= -0.01` | at most 0.01 lower than the baseline | guardrail | no | block line 5 | 1 |');
    expect(text).toContain('| transcript_cleaning | 42.08 s → 0 s (-100.0 %) | 630 MiB → — (only in baseline) | 0.37 % → — (only in baseline) |');
    expect(text).toContain('| **total** | **40.3144 s → 21.5184 s (-46.6 %)** | **645 MiB → 644 MiB (-0.16 %)** | — |');
    expect(text).toContain('stage_truth: run_wall_s 40.3144 s → 21.5184 s (-46.6 %)');
    expect(text).toContain('| silver_sonnet46_smoke_bullets_v1 | rouge1_f1 | 0.5683704 | 0.6067994 | +0.03842894 | +6.76 % |');
    expect(text).toContain('✅ All runs on the same host: `Markos-MacBook-Pro.local`, CPU `arm`.');
    expect(text).toContain('- Sampling: Per-stage RSS/CPU uses proportional wall-time windows from metrics.json; parallel work can mis-attribute samples.\n');
    expect(text).toContain('- Noise: single run: no noise estimate.');
  });

  it('never prints NaN, Infinity or undefined', () => {
    expect(text).not.toMatch(/NaN|Infinity|undefined|null/);
  });
});

describe('report decision lines', () => {
  it('ship: all thresholds pass', () => {
    const { text } = report([threshold('profile.totals.wall_time_s', '<= -20%', 'target')], [staged], [bundled]);
    expect(text.split('\n')[0]).toBe('### ✅ ship — the one threshold passes');
  });

  it('iterate on repeated runs: the inconclusive target with its interval', () => {
    const dir = tempDir();
    const base = wallRepeats(STAGED_PROFILE, dir, 'b', [1, 1.03, 0.98, 1.01, 0.99]);
    const cand = wallRepeats(BUNDLED_PROFILE, dir, 'c', [1, 1.02, 0.97, 1.04, 0.995]);
    const { text } = report([threshold('profile.totals.wall_time_s', '<= -46.6%', 'target')], base, cand);
    expect(text.split('\n')[0]).toBe('### 🟡 iterate — 1 inconclusive: `profile.totals.wall_time_s` -46.6 % (rule `<= -46.6%`)');
    expect(text).toMatch(
      /\| 🟡 inconclusive \| `profile.totals.wall_time_s` \| target \| `<= -46.6%` \| 40.3144 s \(median\) \| 21.5184 s \(median\) \| -46.6 % \| \[-4\d\.\d %, -4\d\.\d %\] · 97 % \| 5\/5 \|/,
    );
    expect(text).toContain('Values are medians over 5 baseline / 5 candidate runs.');
    expect(text).toContain('- Noise: 5 baseline / 5 candidate runs: medians compared; 95 % exact rank interval of the shift between the sides');
  });

  it('a missing guardrail is named on the first line', () => {
    const { text } = report([threshold('profile.stages.*.peak_rss_mb', '<= +100%')], [staged], [bundled]);
    expect(text.split('\n')[0]).toBe('### ❌ reject — 1 guardrail missing: `profile.stages.transcript_cleaning.peak_rss_mb` (rule `<= +100%`)');
  });

  it('an eliminated stage passes a wall-time guardrail: absent means zero wall time', () => {
    const { text } = report([threshold('profile.stages.*.wall_time_s', '<= +100%')], [staged], [bundled]);
    expect(text.split('\n')[0]).toBe('### ✅ ship — all 6 thresholds pass');
    expect(text).toContain('| ✅ pass | `profile.stages.transcript_cleaning.wall_time_s` | guardrail | `<= +100%` | 42.08 s | 0 s | -100.0 % |');
  });

  it('another host is flagged near the top', () => {
    const dir = tempDir();
    const ci = run(profileCopy(BUNDLED_PROFILE, dir, 'ci', (doc) => (doc.environment.hostname = 'ci-runner-7')));
    const { text } = report([threshold('profile.totals.wall_time_s', '<= -20%', 'target')], [staged], [ci]);
    expect(text).toContain('⚠️ **runs from different hosts**');
    expect(text.indexOf('#### ⚠️ Host')).toBeLessThan(text.indexOf('#### Verdicts'));
    expect(text).toContain('- hostname differs: Markos-MacBook-Pro.local (baseline issue477-staged-gpt4o.yaml) vs ci-runner-7 (candidate ci.yaml)');
  });

  it('inputs that could not be read: reject, with the problems listed', () => {
    const text = renderReport(inputErrorResult(['/x/cand.yaml: invalid content\n  - totals.wall_time_s: expected a number >= 0, got string "fast"'], 'reject'), undefined);
    expect(text.split('\n')[0]).toBe('### ❌ reject — /x/cand.yaml: invalid content');
    expect(text).toContain('#### ⚠️ The gate could not judge these inputs');
    expect(text).toContain('  - totals.wall_time_s: expected a number >= 0, got string "fast"');
    expect(text).not.toMatch(/NaN|undefined/);
  });
});

describe('chart', () => {
  it('is an xychart-beta with both sides per stage and quoted stage names', () => {
    const chart = stageWallChart(diffSides(side('baseline', staged), side('candidate', bundled)))!;
    expect(chart.split('\n')[0]).toBe('```mermaid');
    expect(chart).toContain('xychart-beta horizontal');
    expect(chart).toContain('x-axis ["speaker_detection · base", "speaker_detection · cand", "transcript_cleaning · base", "transcript_cleaning · cand",');
    expect(chart).toContain('  bar [2.68, 0, 42.08, 0, 45.9, 0, 11.68, 0, 1.5, 0, 0.191, 0]');
    expect(chart).toContain('  bar [0, 2.24, 0, 0, 0, 5.76, 0, 21.66, 0, 2.68, 0, 0.268]');
  });

  it('cannot be broken by a quote in a stage name', () => {
    const odd: MeasuredRun = { ...staged, profile: { ...staged.profile, stages: { 'say "hi"': { wall_time_s: 1, peak_rss_mb: 1, avg_cpu_pct: 1 } } } };
    const chart = stageWallChart(diffSides(side('baseline', odd), side('candidate', odd)))!;
    expect(chart).toContain(`"say 'hi' · base"`);
  });
});

describe('size limit', () => {
  it('stays under the GitHub comment limit with thousands of thresholds, saying what was left out', () => {
    const manyStages = Object.fromEntries(Array.from({ length: 1500 }, (_, i) => [`stage_with_a_rather_long_name_${i}`, { wall_time_s: i + 1, peak_rss_mb: 600, avg_cpu_pct: 10 }]));
    const big: MeasuredRun = { ...staged, profile: { ...staged.profile, stages: manyStages } };
    const { text } = report([threshold('profile.stages.*.wall_time_s', '<= +5%'), threshold('profile.stages.*.peak_rss_mb', '<= +5%')], [big], [big]);
    expect(text.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    expect(text.split('\n')[0]).toBe('### ✅ ship — all 3000 thresholds pass');
    expect(text).toContain('2900 more rows not shown (see gate.json)');
    expect(text).toContain('1440 more stages not shown');
    expect(text).toContain('| **total** | **40.3144 s → 40.3144 s (0.00 %)** |');
  });

  it('drops optional sections from the end, with a note, when the limit is tight', () => {
    const { text } = report(ISSUE_477, [staged], [bundled], { maxLength: 4000 });
    expect(text.length).toBeLessThanOrEqual(4000);
    expect(text.split('\n')[0]).toMatch(/^### ❌ reject — 1 guardrail failed/);
    expect(text).toContain('#### Verdicts');
    expect(text).toContain("_Quality table left out: the report would exceed GitHub's comment limit; see gate.json._");
    expect(text).toContain('#### Host');
  });
});

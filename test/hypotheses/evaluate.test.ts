import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluateHypotheses, renderHypothesesJson, type Hypothesis, type HypothesisSideResult } from '../../src/compare/grammar/hypotheses/index.js';
import { parseIssueThresholds } from '../../src/compare/grammar/thresholds/index.js';
import { evaluateGate } from '../../src/compare/verdicts/gate.js';
import { renderGateJson } from '../../src/compare/verdicts/gate-json.js';
import type { MeasuredRun } from '../../src/compare/types.js';
import { escapeProse, hypothesisLine, renderHypotheses } from '../../src/report/hypotheses.js';
import { renderReport } from '../../src/report/report.js';
import { BUNDLED_PROFILE, STAGED_PROFILE } from '../helpers/fixtures.js';
import { profileCopy, run, tempDir } from '../compare/helpers.js';

const staged = run(STAGED_PROFILE);
const bundled = run(BUNDLED_PROFILE);
const dir = tempDir('og-hypotheses-');

function hypotheses(block: string): Hypothesis[] {
  const spec = parseIssueThresholds(`\`\`\`optimization-gate\nhypotheses:\n${block}\n\`\`\``);
  expect(spec.problems).toEqual([]);
  return spec.hypotheses ?? [];
}

function on(block: string, runs: MeasuredRun[], name: 'baseline' | 'candidate' = 'baseline'): HypothesisSideResult {
  const [result] = evaluateHypotheses(hypotheses(block), [{ name, runs }]);
  return result?.sides[0] as HypothesisSideResult;
}

const H1 = `  H1:
    claim: cleaning + summarization dominate sequential cost per episode
    check: "share(profile.stages.transcript_cleaning.wall_time_s + profile.stages.summarization.wall_time_s, sum(profile.stages.*.wall_time_s)) >= 0.5"
    lever: bundle cleaning into the summarization call`;

/** Copies of the staged profile with the two LLM stages' walls scaled by each factor: repeated runs. */
function stagedRepeats(prefix: string, factors: readonly number[]): MeasuredRun[] {
  return factors.map((f, i) =>
    run(
      profileCopy(STAGED_PROFILE, dir, `${prefix}-${i + 1}`, (doc) => {
        for (const stage of ['transcript_cleaning', 'summarization']) {
          const s = doc.stages[stage] as { wall_time_s: number };
          s.wall_time_s = Math.round(s.wall_time_s * f * 100) / 100;
        }
      }),
    ),
  );
}

describe('hypotheses on the real issue-477 profiles', () => {
  it('H1 of the issue on the staged baseline: confirmed, with the numbers of the issue text', () => {
    const [h1] = evaluateHypotheses(hypotheses(H1), [
      { name: 'baseline', runs: [staged] },
      { name: 'candidate', runs: [bundled] },
    ]);
    const [baseline, candidate] = h1?.sides ?? [];
    expect(hypothesisLine('H1', baseline as HypothesisSideResult)).toBe(
      'H1 confirmed: 84.6 % of summed stage wall time (transcript_cleaning 42.08 s + summarization 45.9 s of 104.03 s), needs ≥ 50 %',
    );
    expect(baseline).toMatchObject({ side: 'baseline', verdict: 'confirmed', basis: 'value', runs: 1, interval: null });
    expect(baseline?.left.value).toBeCloseTo(87.98 / 104.0307, 12);
    // Summed stage time is not the run's wall time: the stages of the two episodes overlap.
    expect(baseline?.notes).toEqual(["stages overlap: the summed stage wall time (104.03 s) is 2.58× the run's wall time (40.31 s); this check is about summed stage time"]);
    // The bundled candidate has no cleaning stage: its wall time counts as 0 s, said so.
    expect(hypothesisLine('H1', candidate as HypothesisSideResult, true)).toBe(
      'H1 (candidate) rejected: 17.7 % of summed stage wall time (transcript_cleaning 0 s (stage absent) + summarization 5.76 s of 32.61 s), needs ≥ 50 %',
    );
  });

  it('the other hypotheses of the #477 plan: parallelism and I/O wait', () => {
    const h2 = on('  H2: "sum(profile.stages.*.wall_time_s) / profile.totals.wall_time_s >= 2"', [staged]);
    expect(h2.verdict).toBe('confirmed');
    expect(h2.reason).toBe('sum(profile.stages.*.wall_time_s) / profile.totals.wall_time_s = 2.58 (summed stage wall time 104.03 s / run wall time 40.31 s), needs ≥ 2');
    const h3 = on('  H3: "profile.stages.transcript_cleaning.avg_cpu_pct + profile.stages.summarization.avg_cpu_pct < 2"', [staged]);
    expect(h3.reason).toBe(
      'profile.stages.transcript_cleaning.avg_cpu_pct + profile.stages.summarization.avg_cpu_pct = 0.83 % of a core (transcript_cleaning avg_cpu_pct 0.37 % of a core + summarization avg_cpu_pct 0.46 % of a core), needs < 2 % of a core',
    );
    expect(on('  H4: "profile.totals.wall_time_s < 30 s"', [staged])).toMatchObject({ verdict: 'rejected', reason: 'run wall time 40.31 s, needs < 30 s' });
    expect(on('  H5: "truth.sum_mapped_stage_wall_s > 100s"', [staged]).reason).toBe('summed stage wall time 104.03 s, needs > 100 s');
  });

  it('missing data leaves it undecided, saying what is missing; so does a share of 0', () => {
    const cost = on('  H2: "share(cost.llm_summarization_cost_usd, cost.total_stage_cost_usd) >= 0.6"', [staged]);
    expect(cost).toMatchObject({ verdict: 'undecided', basis: 'missing', interval: null });
    // The loader says where it looked (beside the profile, then its directory).
    expect(cost.reason).toMatch(
      /^missing data: no eval_pipeline_metrics\.json for issue477-staged-gpt4o\.yaml: looked for \/.*\/issue477-staged-gpt4o\.eval\/eval_pipeline_metrics\.json, \/.*\/issue-477\/eval_pipeline_metrics\.json; needs ≥ 60 %$/,
    );
    const none = on('  H9: "sum(profile.stages.*.peak_gpu_mb) > 1 GB"', [staged]);
    expect(none.reason).toBe('missing data: no metric matches profile.stages.*.peak_gpu_mb in issue477-staged-gpt4o.yaml; needs > 1024 MiB');
    const undefinedShare = on('  H7: "share(profile.stages.summarization.avg_cpu_pct, profile.stages.kg_extraction.avg_cpu_pct) >= 0.5"', [staged]);
    expect(undefinedShare).toMatchObject({ verdict: 'undecided', basis: 'undefined' });
    expect(undefinedShare.reason).toBe(
      'undefined value: profile.stages.kg_extraction.avg_cpu_pct is 0 in issue477-staged-gpt4o.yaml, so share(profile.stages.summarization.avg_cpu_pct, profile.stages.kg_extraction.avg_cpu_pct) is undefined; needs ≥ 50 %',
    );
  });

  it('with repeats: the interval of the median decides, and one straddling the bound leaves it undecided', () => {
    // Cleaning + summarization scaled ±3 %: every run far above 50 % — confirmed by the interval.
    const steady = on(H1, stagedRepeats('steady', [1, 1.03, 0.97, 1.01, 0.99]));
    expect(steady).toMatchObject({ verdict: 'confirmed', basis: 'interval', runs: 5, intervalOf: 'left', method: 'rank-shift' });
    expect(steady.reason).toMatch(
      /^84\.6 % of summed stage wall time \(transcript_cleaning 42\.08 s \+ summarization 45\.9 s of 104\.03 s\), needs ≥ 50 % \(median of 5 runs, 94 % CI \[8\d(\.\d)? %, 8\d(\.\d)? %\]\)$/,
    );
    expect(steady.interval?.low).toBeGreaterThan(0.5);
    // Runs whose share spreads across 50 %: the interval contains the bound.
    const spread = on(H1, stagedRepeats('spread', [0.1, 0.2, 0.22, 0.3, 0.5]));
    expect(spread.values.left.map((v) => Math.round((v ?? 0) * 1000) / 10)).toEqual([35.4, 52.3, 54.7, 62.2, 73.3]);
    expect(spread).toMatchObject({ verdict: 'undecided', basis: 'interval' });
    expect(spread.reason).toBe(
      '54.7 % of summed stage wall time (transcript_cleaning 9.26 s + summarization 10.1 s of 35.41 s), needs ≥ 50 % (median of 5 runs, 94 % CI [35.4 %, 73.3 %]: the interval contains the bound)',
    );
    expect(spread.notes).toContain('too few runs for a 95 % interval: this one covers 93.8 %');
    // All below: rejected.
    expect(on(H1, stagedRepeats('low', [0.1, 0.12, 0.14])).verdict).toBe('rejected');
  });

  it('a comparison of two measured sides is judged on their difference per run; == wants every run equal', () => {
    const both = on('  H6: "profile.stages.summarization.wall_time_s > profile.stages.transcript_cleaning.wall_time_s"', stagedRepeats('diff', [1, 1.02, 0.98]));
    expect(both).toMatchObject({ verdict: 'confirmed', intervalOf: 'difference' });
    expect(both.reason).toMatch(/^summarization 45\.9 s, needs > transcript_cleaning 42\.08 s \(median of 3 runs, 75 % CI of the difference \[\d\.\d+ s, \d\.\d+ s\]\)$/);
    expect(on('  E: "profile.episodes_processed == 2"', [staged, staged])).toMatchObject({ verdict: 'confirmed', reason: 'episodes_processed 2, needs = 2 (median of 2 runs, 95 % CI [2, 2])' });
    expect(on('  E: "profile.episodes_processed == 3"', [staged]).verdict).toBe('rejected');
  });

  it('JSON: the evaluated tree with the numbers at each node, no NaN', () => {
    const results = evaluateHypotheses(hypotheses(H1), [{ name: 'baseline', runs: [staged] }]);
    const json = JSON.parse(renderHypothesesJson(results)) as { schema: string; hypotheses: Array<{ id: string; sides: Array<Record<string, unknown>> }> };
    expect(json.schema).toBe('optimization-gate/hypotheses@1');
    const side = json.hypotheses[0]?.sides[0] as { verdict: string; left: { kind: string; children: Array<{ kind: string; value: number; matches: unknown }> }; interval: unknown };
    expect(side.verdict).toBe('confirmed');
    expect(side.left.kind).toBe('share');
    expect(side.left.children.map((c) => c.kind)).toEqual(['binary', 'sum']);
    expect(side.left.children[0]?.value).toBeCloseTo(87.98, 10);
    expect(side.left.children[1]?.value).toBeCloseTo(104.0307, 10);
    expect(side.left.children[1]?.matches).toEqual([
      { metric: 'profile.stages.speaker_detection.wall_time_s', value: 2.68 },
      { metric: 'profile.stages.transcript_cleaning.wall_time_s', value: 42.08 },
      { metric: 'profile.stages.summarization.wall_time_s', value: 45.9 },
      { metric: 'profile.stages.gi_generation.wall_time_s', value: 11.68 },
      { metric: 'profile.stages.kg_extraction.wall_time_s', value: 1.5 },
      { metric: 'profile.stages.vector_indexing.wall_time_s', value: 0.1907 },
    ]);
  });

  it('the gate evaluates them on both sides, in gate.json and the report; they do not change the decision', () => {
    const spec = parseIssueThresholds(`\`\`\`optimization-gate\nthresholds:\n  profile.totals.wall_time_s: { rule: "<= -20%", kind: target }\nhypotheses:\n${H1}\n\`\`\``);
    const result = evaluateGate(spec, { name: 'baseline', runs: [staged] }, { name: 'candidate', runs: [bundled] }, { failOn: 'reject' });
    expect(result.decision).toBe('ship');
    const gate = JSON.parse(renderGateJson(result)) as { hypotheses: Array<{ id: string; line: number; sides: Array<{ side: string; verdict: string; reason: string }> }> };
    expect(gate.hypotheses.map((h) => [h.id, h.line, h.sides.map((s) => `${s.side} ${s.verdict}`)])).toEqual([['H1', 5, ['baseline confirmed', 'candidate rejected']]]);
    const report = renderReport(result, undefined);
    expect(report).toContain('#### Hypotheses');
    expect(report).toContain('- **H1** cleaning + summarization dominate sequential cost per episode — _lever:_ bundle cleaning into the summarization call  ');
    expect(report).toContain('  - baseline: ✅ **confirmed**: 84.6 % of summed stage wall time (transcript_cleaning 42.08 s + summarization 45.9 s of 104.03 s), needs ≥ 50 %');
    expect(report).toContain('  - candidate: ❌ **rejected**: 17.7 % of summed stage wall time');
    expect(report).toContain('baseline: 1 confirmed · candidate: 1 rejected');
  });
});

describe("rendering the issue author's text", () => {
  it('claims and levers cannot inject markup, mentions or line breaks into the comment', () => {
    expect(escapeProse('<img src=x onerror=alert(1)> @org/team *bold* [link](http://x) `code`\n| pipe')).toBe(
      '&lt;img src=x onerror=alert(1)> @\u200borg/team \\*bold\\* [link]\\(http:\u200b//x) \\`code\\` \\| pipe',
    );
    const [result] = evaluateHypotheses(
      parseIssueThresholds('```optimization-gate\nhypotheses:\n  H1:\n    claim: "<script>alert(1)</script> @admin"\n    check: "profile.totals.wall_time_s < 1 min"\n```').hypotheses ?? [],
      [{ name: 'measured', runs: [staged] }],
    );
    const text = renderHypotheses(result ? [result] : []) ?? '';
    expect(text).not.toContain('<script>');
    expect(text).not.toContain('@admin');
    expect(text).toContain('- **H1** &lt;script>alert(1)&lt;/script> @\u200badmin');
    expect(text).toContain('  - measured: ✅ **confirmed**: run wall time 40.31 s, needs < 60 s');
  });
});

describe('eval outputs: cost hypotheses', () => {
  it('H2 of the issue on an eval_pipeline_metrics.json', () => {
    const evalDir = join(dir, 'cost-eval');
    mkdirSync(evalDir, { recursive: true });
    writeFileSync(join(evalDir, 'eval_pipeline_metrics.json'), JSON.stringify({ llm_summarization_cost_usd: 0.011, llm_cleaning_cost_usd: 0.039, total_stage_cost_usd: 0.119 }));
    const h2 = on('  H2: "share(cost.llm_summarization_cost_usd, cost.total_stage_cost_usd) >= 0.6"', [run(STAGED_PROFILE, evalDir)]);
    expect(hypothesisLine('H2', h2)).toBe('H2 rejected: 9.2 % of total_stage_cost_usd (llm_summarization_cost_usd $0.011 of $0.119), needs ≥ 60 %');
    const both = on('  H2b: "share(cost.llm_summarization_cost_usd + cost.llm_cleaning_cost_usd, cost.total_stage_cost_usd) >= 40%"', [run(STAGED_PROFILE, evalDir)]);
    expect(hypothesisLine('H2b', both)).toBe('H2b confirmed: 42 % of total_stage_cost_usd (llm_summarization_cost_usd $0.011 + llm_cleaning_cost_usd $0.039 of $0.119), needs ≥ 40 %');
  });
});

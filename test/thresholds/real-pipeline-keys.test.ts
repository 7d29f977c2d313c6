/** The issue-block keys for real pipelines' files: `default:`, `compare-across:`, `baseline: { profile, eval }`. */
import { describe, expect, it } from 'vitest';
import { mergeThresholds, parseInlineThresholds, parseIssueThresholds } from '../../src/compare/grammar/thresholds/index.js';

const block = (yaml: string) => parseIssueThresholds(`Intro\n\n\`\`\`optimization-gate\n${yaml}\`\`\`\n`);

describe('default:', () => {
  it('is read from a block entry and from a Default column, in the metric unit', () => {
    const spec = block('thresholds:\n  eval.intrinsic.bundled_parse_failures: { rule: "<= 0", default: 0 }\n  cost.total_stage_cost_usd: { rule: "<= $0.05", default: 0.01 }\n');
    expect(spec.problems).toEqual([]);
    expect(spec.thresholds.map((t) => [t.metric, t.default])).toEqual([
      ['eval.intrinsic.bundled_parse_failures', 0],
      ['cost.total_stage_cost_usd', 0.01],
    ]);
    const table = parseIssueThresholds('| Metric | Rule | Default |\n| --- | --- | --- |\n| eval.intrinsic.bundled_parse_failures | <= 0 | 0 |\n| eval.intrinsic.gates.truncation_rate | <= 0 | |\n');
    expect(table.problems).toEqual([]);
    expect(table.thresholds.map((t) => t.default)).toEqual([0, undefined]);
  });

  it('is a located problem when it is not a number', () => {
    const spec = block('thresholds:\n  eval.intrinsic.bundled_parse_failures: { rule: "<= 0", default: none }\n');
    expect(spec.thresholds).toEqual([]);
    expect(spec.problems).toEqual([
      {
        line: 5,
        origin: 'block',
        text: 'eval.intrinsic.bundled_parse_failures: { rule: "<= 0", default: none }',
        expected: "`default:` a number in the metric's own unit, used when a run's file lacks the metric, e.g. `default: 0`",
      },
    ]);
  });
});

describe('compare-across:', () => {
  it('takes a list or one name; bad names are located problems', () => {
    expect(block('compare-across: [library_versions.torch, device]\nthresholds:\n  profile.totals.wall_time_s: "<= -20%"\n').compareAcross).toEqual(['library_versions.torch', 'device']);
    expect(block('compare-across: precision\nthresholds:\n  profile.totals.wall_time_s: "<= -20%"\n').compareAcross).toEqual(['precision']);
    const bad = block('compare-across: [device, "two words"]\nthresholds:\n  profile.totals.wall_time_s: "<= -20%"\n');
    expect(bad.compareAcross).toEqual(['device']);
    expect(bad.problems.map((p) => [p.line, p.expected])).toEqual([
      [4, "under `compare-across:` an environment attribute as in the report's environment table, e.g. `device`, `precision`, `library_versions.torch`"],
    ]);
  });

  it('names of the issue and of the input both apply', () => {
    const merged = mergeThresholds(block('compare-across: [device]\nthresholds:\n  x.y: "<= 1"\n'), parseInlineThresholds('compare-across: [precision]\n'));
    expect(merged.compareAcross).toEqual(['device', 'precision']);
  });
});

describe('baseline: { profile, eval } (eval results stored apart, as in the pipeline data/eval/ layout)', () => {
  it('names the profile and the eval directory separately', () => {
    const spec = block(
      'baseline:\n  profile: data/profiles/issue-477/issue477-staged-gpt4o.yaml\n  eval: data/eval/runs/experiment_openai_gpt4o_smoke_bullets_v1\nthresholds:\n  profile.totals.wall_time_s: "<= -20%"\n',
    );
    expect(spec.problems).toEqual([]);
    expect(spec.baseline).toBe('data/profiles/issue-477/issue477-staged-gpt4o.yaml');
    expect(spec.baselineEval).toBe('data/eval/runs/experiment_openai_gpt4o_smoke_bullets_v1');
  });

  it('refuses unknown keys and empty values, with their lines', () => {
    const spec = block('baseline:\n  profil: a.yaml\n  eval: ""\nthresholds:\n  profile.totals.wall_time_s: "<= -20%"\n');
    expect(spec.problems.map((p) => [p.line, p.expected])).toEqual([
      [5, 'one of the keys `profile`, `eval` under `baseline:`'],
      [5, '`baseline:` naming the baseline (a repo path or a reference name), or `{ profile: <path>, eval: <eval run directory or id> }`'],
      [6, '`eval:` a repo path or an eval run id (non-empty text)'],
    ]);
  });

  it('a baseline named by the input brings its own eval directory (or none)', () => {
    const issue = block('baseline: { profile: a.yaml, eval: data/eval/runs/a }\nthresholds:\n  x.y: "<= 1"\n');
    expect(mergeThresholds(issue, parseInlineThresholds('baseline: b.yaml\n'))).toMatchObject({ baseline: 'b.yaml' });
    expect(mergeThresholds(issue, parseInlineThresholds('baseline: b.yaml\n')).baselineEval).toBeUndefined();
    expect(mergeThresholds(issue, parseInlineThresholds('repeat: 2\n'))).toMatchObject({ baseline: 'a.yaml', baselineEval: 'data/eval/runs/a', repeat: 2 });
  });
});

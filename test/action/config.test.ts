import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIRM_RUNS, DEFAULT_REPEAT, readActionConfig } from '../../src/inputs/config.js';
import { UserError } from '../../src/errors.js';

function reader(inputs: Record<string, string>) {
  return (name: string) => inputs[name] ?? '';
}

describe('readActionConfig', () => {
  it('applies defaults and parses a typical gate configuration', () => {
    const config = readActionConfig(
      reader({
        'profile-command': 'python3 pipeline.py',
        'experiment-command': 'python3 experiment.py --out eval',
        'experiment-output': 'eval',
        baseline: 'ref:main',
        repeat: '5',
        comment: 'pr',
        'pipeline-config': 'config/a.yaml\n\nconfig/*.json\n',
        token: 't0k',
      }),
    );
    expect(config).toMatchObject({
      mode: 'gate',
      profileMode: 'native',
      stages: 'auto',
      baseline: { kind: 'ref', ref: 'main' },
      repeat: 5,
      warmup: 1,
      sampleInterval: 0.5,
      failOn: 'reject',
      comment: { issue: false, pr: true },
      pipelineConfig: ['config/a.yaml', 'config/*.json'],
      allowForkPrs: false,
      artifactName: 'optimization-gate',
    });
    expect(config.issueNumber).toBeUndefined();
  });

  it('names every bad input and what was expected, all at once', () => {
    let caught: unknown;
    try {
      readActionConfig(
        reader({
          mode: 'yolo',
          'profile-command': 'x',
          repeat: '0',
          'sample-interval': 'fast',
          'fail-on': 'sometimes',
          comment: 'issue,slack',
          'allow-fork-prs': 'yes',
          'issue-number': 'twelve',
          baseline: 'ref:',
          'runner-key': 'gpu a/../b',
          stages: 'magic',
        }),
      );
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UserError);
    expect((caught as UserError).details).toEqual([
      `input 'mode': expected one of gate | baseline | measure | aggregate | command, got "yolo"`,
      `input 'stages': expected auto | events | none | status-file:PATH | metrics:PATH, got "magic"`,
      `input 'runner-key': expected letters, digits and . _ - (the job's runner labels joined by -), got "gpu a/../b"`,
      `input 'issue-number': expected an issue number such as 123, got "twelve"`,
      `input 'baseline': expected ref:<git ref> with a valid ref name, got "ref:"`,
      `input 'repeat': expected a whole number from 1 to 50, got "0"`,
      `input 'sample-interval': expected a number from 0.05 to 60, got "fast"`,
      `input 'fail-on': expected one of reject | iterate | never, got "sometimes"`,
      `input 'comment': expected issue,pr | issue | pr | none, got "issue,slack"`,
      `input 'allow-fork-prs': expected true or false, got "yes"`,
    ]);
  });

  it('requires something to measure, and the paths that go with each command', () => {
    expect(() => readActionConfig(reader({}))).toThrow(/input 'profile-command': expected the pipeline command to profile \(mode gate measures a run\)/);
    expect(() => readActionConfig(reader({ 'profile-command': 'p', 'experiment-command': 'x' }))).toThrow(/input 'experiment-output'/);
    expect(() => readActionConfig(reader({ 'profile-command': 'x', 'profile-mode': 'external' }))).toThrow(/input 'profile-output'/);
    expect(readActionConfig(reader({ mode: 'aggregate' })).mode).toBe('aggregate');
  });

  it('reads baseline sources and refuses option-like refs', () => {
    const base = { 'profile-command': 'x' };
    expect(readActionConfig(reader({ ...base, baseline: 'cache' })).baseline).toEqual({ kind: 'cache' });
    expect(readActionConfig(reader({ ...base, baseline: 'artifact' })).baseline).toEqual({ kind: 'artifact' });
    expect(readActionConfig(reader({ ...base, baseline: 'data/profiles/ref.yaml' })).baseline).toEqual({
      kind: 'path',
      path: 'data/profiles/ref.yaml',
    });
    expect(readActionConfig(reader(base)).baseline).toEqual({ kind: 'auto' });
    expect(() => readActionConfig(reader({ ...base, baseline: 'ref:--upload-pack=evil' }))).toThrow(/input 'baseline'/);
    expect(readActionConfig(reader({ ...base, comment: 'none' })).comment).toEqual({ issue: false, pr: false });
  });

  it('defaults to confirmation rounds and no spend limit; reads max-cost-usd as dollars', () => {
    const base = { 'profile-command': 'x' };
    const defaults = readActionConfig(reader(base));
    expect(defaults).toMatchObject({ confirmRuns: DEFAULT_CONFIRM_RUNS, warmup: 1 });
    expect(DEFAULT_CONFIRM_RUNS).toBe(6);
    expect(DEFAULT_REPEAT).toBe(5);
    expect(defaults.repeat).toBeUndefined();
    expect(defaults.maxCostUsd).toBeUndefined();
    expect(readActionConfig(reader({ ...base, 'max-cost-usd': '2.5' })).maxCostUsd).toBe(2.5);
    expect(readActionConfig(reader({ ...base, 'max-cost-usd': '$0.40' })).maxCostUsd).toBe(0.4);
    expect(readActionConfig(reader({ ...base, 'confirm-runs': '0' })).confirmRuns).toBe(0);
    expect(() => readActionConfig(reader({ ...base, 'max-cost-usd': 'a lot' }))).toThrow(`input 'max-cost-usd': expected a budget in US dollars, e.g. 2.50 or $2.50, got "a lot"`);
  });

  it('reads the folders promote writes into, and refuses one that leaves the repository or enters .git / .github', () => {
    const command = { mode: 'command', token: 't' };
    expect(readActionConfig(reader(command))).toMatchObject({ promoteProfilesDir: 'data/profiles/issue-{issue}', promoteEvalDir: 'data/eval/issue-{issue}' });
    expect(readActionConfig(reader({ ...command, 'promote-profiles-dir': 'references/promoted/issue-{issue}' })).promoteProfilesDir).toBe('references/promoted/issue-{issue}');
    for (const bad of ['../outside', '/abs/path', 'data/../..', '.github/workflows', '.git/hooks', 'data//x', 'data/$(id)', 'a/{other}']) {
      let error: unknown;
      try {
        readActionConfig(reader({ ...command, 'promote-eval-dir': bad }));
      } catch (e) {
        error = e;
      }
      expect(error, bad).toBeInstanceOf(UserError);
      expect((error as UserError).details.join('\n'), bad).toContain(`input 'promote-eval-dir': expected a folder of the repository such as data/profiles/issue-{issue}`);
      expect((error as UserError).details.join('\n'), bad).toContain(`got "${bad}"`);
    }
  });
});

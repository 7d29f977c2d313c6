/**
 * `optimization-gate init`: writes into the user's repository the workflows for the three uses — the
 * PR gate, a measurement dispatched for an issue, the nightly baseline refresh — that run the action
 * on the user's own runners, pinned to a release commit. `--reusable` writes the reusable workflows
 * and thin callers instead (all in the user's repository); `--starter-templates` writes an org's
 * `workflow-templates/`. Never overwrites without `--force`; `--dry-run` writes nothing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { UserError } from '../errors.js';
import { pushAll } from '../collections.js';
import { parseCliArgs, usage } from '../inputs/cli-args.js';
import type { CliCommand } from './command.js';
import { renderDispatch, renderPrGate, renderRefresh, type RenderedFile, type WorkflowOptions } from './init-render.js';
import { callerDispatch, callerPrGate, callerRefresh, REUSABLE, reusableCopies } from './init-reusable.js';
import { callerCommands, renderCommands } from './init-commands.js';
import { packageRoot, readReleaseInfo, resolveActionPin } from './release-info.js';

const NAME = 'init';
const SYNOPSIS = '--profile-command CMD [--runner LABELS…] [--install-command CMD] [--experiment-command CMD --experiment-output DIR] [options]';
const OPTIONS = {
  dir: { type: 'string', default: '.', description: 'root of your repository (a git checkout)' },
  runner: { type: 'list', description: 'labels of a runner, comma separated (default self-hosted,linux); repeat for several runners' },
  'profile-command': { type: 'string', description: 'the pipeline command to profile (required)' },
  'install-command': { type: 'string', description: 'shell command that installs the pipeline' },
  'python-version': { type: 'string', description: "Python for actions/setup-python (default: the runner's python3)" },
  venv: { type: 'string', description: 'virtualenv directory, cached between runs' },
  'experiment-command': { type: 'string', description: 'the eval command that writes metrics.json' },
  'experiment-output': { type: 'string', description: 'where the eval command writes its outputs' },
  baseline: { type: 'string', default: 'ref', description: "PR gate baseline: ref (the base branch, measured in the job), stored (the refresh's), or a source as the action takes it" },
  'dataset-id': { type: 'string', description: 'dataset id (part of the baseline key)' },
  'pipeline-config': { type: 'list', description: 'files whose content is part of the baseline key' },
  repeat: { type: 'string', description: 'measured runs per side' },
  'working-directory': { type: 'string', description: 'directory the commands run in' },
  schedule: { type: 'string', default: '17 3 * * *', description: 'cron of the baseline refresh' },
  'default-branch': { type: 'string', description: "branch the PR gate guards (default: the repository's)" },
  workflows: { type: 'string', default: 'pr-gate,dispatch,refresh,commands', description: 'which workflows to write' },
  reusable: { type: 'boolean', description: 'write the reusable workflows and thin callers (same-org use)' },
  'starter-templates': { type: 'boolean', description: "write an organization's workflow-templates/ (for its .github repository)" },
  'ref-style': { type: 'string', default: 'sha', description: 'sha (pin a commit, the version in a comment) or tag' },
  'action-ref': { type: 'string', description: 'commit SHA (or tag with --ref-style tag) of optimization-gate to use' },
  'action-version': { type: 'string', description: 'the version --action-ref stands for (written beside the SHA)' },
  'dry-run': { type: 'boolean', description: 'print what would be written; write nothing' },
  force: { type: 'boolean', description: 'overwrite existing files' },
  help: { type: 'boolean', description: 'show this help' },
} as const;

const WORKFLOWS = ['pr-gate', 'dispatch', 'refresh', 'commands'] as const;
type Which = (typeof WORKFLOWS)[number];
const FILE: Record<Which, string> = {
  'pr-gate': 'optimization-pr-gate.yml',
  dispatch: 'optimization-dispatch.yml',
  refresh: 'optimization-baseline-refresh.yml',
  commands: 'optimization-commands.yml',
};

const PLACEHOLDERS = {
  profile: 'python -m your_pipeline --config config/pipeline.yaml',
  install: 'pip install -r requirements.txt',
  experiment: 'python -m your_pipeline.eval --out out/eval',
  experimentOutput: 'out/eval',
};

/** For an org's .github repository: shown under Actions → New workflow (name, description, icon, categories). */
export const TEMPLATE_PROPERTIES: Record<Which, { name: string; description: string }> = {
  'pr-gate': {
    name: 'optimization-gate: PR gate',
    description: "Measure a pull request's ML/LLM pipeline (quality, cost, per-stage time and memory) on your own runners and gate it on the thresholds written on its optimization issue.",
  },
  dispatch: {
    name: 'optimization-gate: measure for an issue',
    description: 'Measure a candidate against the default branch on your own runners and post the comparison on the optimization issue.',
  },
  refresh: {
    name: 'optimization-gate: baseline refresh',
    description: "Measure the default branch nightly on each runner and store it as the PR gate's baseline; report drift on a tracking issue.",
  },
  commands: {
    name: 'optimization-gate: commands from comments',
    description: 'Answer /optimization-gate measure and accept commands written by maintainers in comments on an optimization issue.',
  },
};

export function templateProperties(which: Which): string {
  const p = TEMPLATE_PROPERTIES[which];
  const json = {
    ...p,
    creator: 'optimization-gate',
    iconName: 'octicon graph',
    categories: ['Python', 'Continuous integration'],
    filePatterns: ['requirements.*\\.txt$', 'pyproject\\.toml$', 'setup\\.py$'],
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

function git(dir: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
  } catch {
    return undefined;
  }
}

function defaultBranchOf(dir: string): string {
  return git(dir, ['symbolic-ref', '--short', 'refs/remotes/origin/HEAD'])?.replace(/^origin\//, '') ?? git(dir, ['symbolic-ref', '--short', 'HEAD']) ?? 'main';
}

export interface InitPlan {
  files: RenderedFile[];
  options: WorkflowOptions;
  which: Which[];
  reusable: boolean;
}

/** Every file init would write for these arguments (no side effects beyond reading the package and git). */
export function planInit(args: readonly string[], root = packageRoot()): InitPlan & { dir: string; dryRun: boolean; force: boolean } {
  const { options: o, positionals } = parseCliArgs(NAME, OPTIONS, args);
  if (positionals.length > 0) throw new UserError(`${NAME}: unexpected argument "${positionals[0]}"`, [usage(NAME, SYNOPSIS, OPTIONS)]);
  const dir = resolve(o.dir);
  const templates = o['starter-templates'];
  if (!existsSync(join(dir, '.git'))) throw new UserError(`${NAME}: ${dir} is not the root of a git repository; run init there (or pass --dir)`);
  const style = o['ref-style'];
  if (style !== 'sha' && style !== 'tag') throw new UserError(`${NAME}: --ref-style expects sha or tag, got "${style}"`);
  const which = o.workflows
    .split(',')
    .map((w) => w.trim())
    .filter((w) => w !== '');
  const unknown = which.filter((w) => !(WORKFLOWS as readonly string[]).includes(w));
  if (which.length === 0 || unknown.length > 0) throw new UserError(`${NAME}: --workflows expects a comma-separated list of ${WORKFLOWS.join(', ')}, got "${o.workflows}"`);
  if (o.reusable && templates) throw new UserError(`${NAME}: --reusable and --starter-templates do not go together (templates are self-contained)`);
  if (!templates && o['profile-command'] === undefined) {
    throw new UserError(`${NAME}: --profile-command is required: the pipeline run to profile, e.g. --profile-command "${PLACEHOLDERS.profile}"`);
  }
  if ((o['experiment-command'] === undefined) !== (o['experiment-output'] === undefined) && !templates) {
    throw new UserError(`${NAME}: --experiment-command and --experiment-output go together (the eval run and where it writes metrics.json)`);
  }
  if (o.repeat !== undefined && !/^\d+$/.test(o.repeat)) throw new UserError(`${NAME}: --repeat expects a whole number, got "${o.repeat}"`);
  const runners = (o.runner.length > 0 ? o.runner : ['self-hosted,linux']).map((set) =>
    set
      .split(',')
      .map((l) => l.trim())
      .filter((l) => l !== ''),
  );
  if (runners.some((set) => set.length === 0 || set.some((l) => !/^[\w.-]+$/.test(l)))) {
    throw new UserError(`${NAME}: --runner expects runner labels separated by commas (letters, digits, . _ -), got ${JSON.stringify(o.runner)}`);
  }
  const pin = resolveActionPin(style, { ...(o['action-ref'] ? { ref: o['action-ref'] } : {}), ...(o['action-version'] ? { version: o['action-version'] } : {}) }, readReleaseInfo(root));
  const placeholder = <T>(given: T | undefined, fallback: T): T => (given !== undefined ? given : fallback);
  const options: WorkflowOptions = {
    runners,
    defaultBranch: templates ? '$default-branch' : (o['default-branch'] ?? defaultBranchOf(dir)),
    ...(o['python-version'] ? { pythonVersion: o['python-version'] } : {}),
    ...(o.venv || templates ? { venv: placeholder(o.venv, '.venv') } : {}),
    ...(o['install-command'] || templates ? { installCommand: placeholder(o['install-command'], PLACEHOLDERS.install) } : {}),
    profileCommand: placeholder(o['profile-command'], PLACEHOLDERS.profile),
    ...(o['experiment-command'] || templates
      ? { experimentCommand: placeholder(o['experiment-command'], PLACEHOLDERS.experiment), experimentOutput: placeholder(o['experiment-output'], PLACEHOLDERS.experimentOutput) }
      : {}),
    baseline: o.baseline,
    ...(o['dataset-id'] ? { datasetId: o['dataset-id'] } : {}),
    pipelineConfig: o['pipeline-config'],
    ...(o.repeat ? { repeat: o.repeat } : {}),
    ...(o['working-directory'] ? { workingDirectory: o['working-directory'] } : {}),
    schedule: o.schedule,
    pin,
    edit: new Set<'runners' | 'install' | 'profile' | 'experiment'>(),
  };
  if (templates) {
    if (o.runner.length === 0) options.edit.add('runners');
    if (!o['install-command']) options.edit.add('install');
    if (!o['profile-command']) options.edit.add('profile');
    if (!o['experiment-command']) options.edit.add('experiment');
  }
  const chosen = which as Which[];
  const files: RenderedFile[] = [];
  const render = { 'pr-gate': renderPrGate, dispatch: renderDispatch, refresh: renderRefresh, commands: renderCommands };
  const callers = { 'pr-gate': callerPrGate, dispatch: callerDispatch, refresh: callerRefresh, commands: () => callerCommands(REUSABLE.commands.copy) };
  for (const w of chosen) {
    if (templates) {
      files.push({ path: `workflow-templates/${FILE[w]}`, text: render[w](options) }, { path: `workflow-templates/${FILE[w].replace(/\.yml$/, '.properties.json')}`, text: templateProperties(w) });
    } else {
      files.push({ path: `.github/workflows/${FILE[w]}`, text: (o.reusable ? callers : render)[w](options) });
    }
  }
  if (o.reusable) pushAll(files, reusableCopies(root, pin, chosen));
  return { files, options, which: chosen, reusable: o.reusable, dir, dryRun: o['dry-run'], force: o.force };
}

function nextSteps(plan: InitPlan, templates: boolean): string {
  if (templates) {
    return [
      "Next: commit workflow-templates/ to your organization's .github repository; the workflows then appear under",
      'Actions → New workflow in its repositories. Lines marked EDIT are what each repository adapts.',
    ].join('\n');
  }
  const labels = plan.options.runners.map((set) => set.join(', ')).join(' | ');
  const gate = plan.which.includes('pr-gate');
  return [
    'Next:',
    `1. A runner: register a self-hosted runner (v2.327.1 or later, for the action's Node 24) with the labels ${labels}`,
    '   (repository or organization Settings → Actions → Runners). One runner agent per machine.',
    '2. Thresholds: write them on the optimization issue in an ```optimization-gate block (only authors with write access are trusted).',
    '3. Secrets: if the pipeline calls paid APIs, add the repository secret OPTIMIZATION_GATE_ENV (NAME=value lines).',
    '4. Organization policy: if Actions are restricted to allowed actions, allow optimization-gate/optimization-gate/* (Settings → Actions → General).',
    `5. Commit and push ${plan.files.map((f) => f.path).join(', ')}.`,
    ...(gate ? [`6. Make "${plan.reusable ? 'gate / verdict' : 'verdict'}" a required status check on ${plan.options.defaultBranch} (branch protection or a ruleset).`] : []),
    ...(plan.which.includes('refresh') ? ['7. Run the baseline refresh once by hand (Actions → Optimization baseline refresh → Run workflow): the PR gate can then use stored baselines.'] : []),
    ...(plan.which.includes('commands') ? ['8. Commands: maintainers can comment /optimization-gate measure or accept on the issue (docs/commands.md of optimization-gate).'] : []),
    'Details: docs/github-setup.md of optimization-gate.',
  ].join('\n');
}

export const initCommand: CliCommand = {
  run(args) {
    if (args.includes('--help')) {
      console.log(usage(NAME, SYNOPSIS, OPTIONS));
      return Promise.resolve(0);
    }
    const plan = planInit(args);
    const templates = args.includes('--starter-templates');
    const existing = plan.files.filter((f) => existsSync(join(plan.dir, f.path)));
    if (plan.dryRun) {
      for (const f of plan.files) console.log(`--- ${f.path}${existsSync(join(plan.dir, f.path)) ? ' (exists: --force to overwrite)' : ''}\n${f.text}`);
      console.log(`(dry run: nothing written)\n\n${nextSteps(plan, templates)}`);
      return Promise.resolve(0);
    }
    if (existing.length > 0 && !plan.force) {
      throw new UserError(`${NAME}: not overwriting ${existing.map((f) => f.path).join(', ')}`, ['pass --force to overwrite them, or --dry-run to see what would be written']);
    }
    for (const f of plan.files) {
      const path = join(plan.dir, f.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, f.text);
      console.log(`wrote ${f.path}`);
    }
    if (plan.reusable)
      console.log(
        `(the reusable workflows are ${Object.values(REUSABLE)
          .map((r) => r.copy)
          .join(', ')}; the callers use them by local path)`,
      );
    console.log(`\n${nextSteps(plan, templates)}`);
    return Promise.resolve(0);
  },
};

/**
 * The self-contained workflows `init` writes into a user's repository (pure text from options):
 * each runs the optimization-gate **action** on the caller's own runners — no reusable workflow of
 * another repository, which GitHub refuses to queue on a caller's self-hosted runners across orgs.
 * Same shape as this repository's reusable workflows: measuring jobs (a matrix over runner label
 * sets, read-only token, no comment) and one verdict job that combines them and comments.
 * Labels go through a matrix so actionlint does not flag a runner's own labels as unknown.
 */
import type { ActionPin } from './release-info.js';
import { usesLine } from './release-info.js';

export interface WorkflowOptions {
  /** Runner label sets, one measuring job per set; the verdict runs on the first. */
  runners: string[][];
  /** `$default-branch` in a starter template. */
  defaultBranch: string;
  pythonVersion?: string;
  venv?: string;
  installCommand?: string;
  profileCommand: string;
  experimentCommand?: string;
  experimentOutput?: string;
  /** PR gate: `ref` (measure the base branch in the job), `stored` (the refresh's), or a source as the action takes it. */
  baseline: string;
  datasetId?: string;
  pipelineConfig: string[];
  repeat?: string;
  workingDirectory?: string;
  schedule: string;
  pin: ActionPin;
  /** Lines a user must adapt get `# EDIT` (starter templates, unspecified values). */
  edit: Set<'runners' | 'install' | 'profile' | 'experiment'>;
}

export interface RenderedFile {
  path: string;
  text: string;
}

/** A YAML scalar: plain when safe, else double-quoted (JSON strings are valid YAML). */
export function scalar(value: string): string {
  const plain = /^[\w./$@+=~-][\w ./$@+=,~-]*$/.test(value) && !/^(true|false|null|yes|no|on|off|~|[\d.+-]+)$/i.test(value) && !value.endsWith(' ');
  return plain ? value : JSON.stringify(value);
}

const flow = (labels: string[]): string => `[${labels.map(scalar).join(', ')}]`;
const edit = (o: WorkflowOptions, what: Parameters<WorkflowOptions['edit']['has']>[0], note: string): string => (o.edit.has(what) ? ` # EDIT: ${note}` : '');

function header(o: WorkflowOptions, what: string): string {
  const pinned = /^[0-9a-f]{40}$/.test(o.pin.ref) ? `pinned to commit ${o.pin.ref}${o.pin.version ? ` (${o.pin.version})` : ''}` : `at ${o.pin.ref}`;
  return [
    `# ${what}`,
    `# Written by \`optimization-gate init\`: runs the optimization-gate action (${pinned}) on your own runners.`,
    '# Edit freely; `npx optimization-gate init --force` writes it again (e.g. for a newer release).',
  ].join('\n');
}

function matrix(o: WorkflowOptions, sets: string[][], indent: string, note = 'the labels of your runner(s), one list per runner'): string {
  return `${indent}strategy:\n${indent}  fail-fast: false\n${indent}  matrix:\n${indent}    runner: [${sets.map(flow).join(', ')}]${edit(o, 'runners', note)}\n${indent}runs-on: \${{ matrix.runner }}`;
}

function setupStep(o: WorkflowOptions): string {
  const lines = ['      - name: Set up the pipeline', `        uses: ${usesLine('/setup-pipeline', o.pin)}`, '        with:'];
  if (o.pythonVersion) lines.push(`          python-version: ${scalar(o.pythonVersion)}`);
  if (o.venv) lines.push(`          venv: ${scalar(o.venv)}`);
  if (o.installCommand) lines.push(`          install-command: ${scalar(o.installCommand)}${edit(o, 'install', 'how your pipeline is installed')}`);
  lines.push('          export-env: ${{ secrets.OPTIMIZATION_GATE_ENV }} # NAME=value lines (API keys), masked in the log');
  if (o.workingDirectory) lines.push(`          working-directory: ${scalar(o.workingDirectory)}`);
  return lines.join('\n');
}

/** The inputs of the measuring step every workflow shares (the pipeline and its key). */
function pipelineInputs(o: WorkflowOptions): string[] {
  const lines = [`          profile-command: ${scalar(o.profileCommand)}${edit(o, 'profile', 'the pipeline run to profile')}`];
  if (o.experimentCommand) {
    lines.push(`          experiment-command: ${scalar(o.experimentCommand)}${edit(o, 'experiment', 'the eval run, or remove these two lines')}`);
    lines.push(`          experiment-output: ${scalar(o.experimentOutput ?? '')}${edit(o, 'experiment', 'where the eval run writes metrics.json')}`);
  }
  if (o.datasetId) lines.push(`          dataset-id: ${scalar(o.datasetId)}`);
  if (o.pipelineConfig.length > 0) lines.push(`          pipeline-config: |\n${o.pipelineConfig.map((p) => `            ${p}`).join('\n')}`);
  if (o.workingDirectory) lines.push(`          working-directory: ${scalar(o.workingDirectory)}`);
  lines.push(
    "          artifact-name: optimization-gate-${{ join(matrix.runner, '-') }}",
    '          # Baselines are kept per runner label set (never per runner name: ephemeral runners change it).',
    "          runner-key: ${{ join(matrix.runner, '-') }}",
  );
  return lines;
}

function measureStep(o: WorkflowOptions, mode: 'gate' | 'baseline', extra: string[]): string {
  return [
    `      - name: ${mode === 'gate' ? 'Measure and compare' : 'Measure, compare with the previous baseline, store'}`,
    `        uses: ${usesLine('', o.pin)}`,
    '        with:',
    `          mode: ${mode}`,
    ...extra,
    ...pipelineInputs(o),
  ].join('\n');
}

function verdictJob(o: WorkflowOptions, permissions: string[], aggregate: string[], before: string[] = [], condition = '!cancelled()'): string {
  return [
    '  verdict:',
    '    name: verdict',
    '    needs: measure',
    `    if: \${{ ${condition} }}`,
    "    # Reads the runners' artifacts and comments; the first label set runs it.",
    matrix(o, [o.runners[0] ?? ['self-hosted']], '    ', 'the labels of one of your runners'),
    '    timeout-minutes: 15',
    '    permissions:',
    ...permissions.map((p) => `      ${p}`),
    '    steps:',
    ...before,
    "      - name: Combine the runners' verdicts",
    `        uses: ${usesLine('', o.pin)}`,
    '        with:',
    '          mode: aggregate',
    ...aggregate,
    '',
    '      # A runner whose job failed may have left no verdict: never let that pass silently.',
    '      - name: Fail when a measuring job failed',
    "        if: ${{ !cancelled() && needs.measure.result == 'failure' }}",
    '        run: |',
    '          echo "::error title=optimization-gate::At least one measuring job failed; see its log. The verdict above does not cover that runner."',
    '          exit 1',
  ].join('\n');
}

/** Every push to a pull request against the default branch (drafts too: the jobs skip them). */
export function prTrigger(o: WorkflowOptions): string {
  return `on:
  pull_request:
    branches: [${scalar(o.defaultBranch)}]
    types: [opened, synchronize, reopened, ready_for_review]`;
}

/** Run from the Actions tab with the issue number (and optionally a candidate ref). */
export const DISPATCH_TRIGGER = `on:
  workflow_dispatch:
    inputs:
      issue-number:
        description: Optimization issue number
        required: true
        type: string
      candidate-ref:
        description: Candidate branch, SHA or refs/pull/N/head (empty for the branch chosen above)
        required: false
        type: string
        default: ""
`;

/** The head of a measuring job: one per runner label set, with the token scopes given. */
function measureJob(o: WorkflowOptions, permissions: string[], comment: string[] = []): string {
  return [
    '  measure:',
    "    name: measure (${{ join(matrix.runner, ' ') }})",
    ...comment,
    matrix(o, o.runners, '    '),
    '    timeout-minutes: 120',
    '    permissions:',
    ...permissions.map((p) => `      ${p}`),
  ].join('\n');
}

const ACTIONS_READ = 'actions: read # the runners\' artifacts of every attempt of this run ("Re-run failed jobs" keeps the others)';

export function renderPrGate(o: WorkflowOptions): string {
  const ref = o.baseline === 'ref';
  const baseline = ref
    ? ['          baseline: ref:${{ github.base_ref }} # measured in the same job; drop this line once the refresh has stored baselines']
    : o.baseline === 'stored'
      ? []
      : [`          baseline: ${scalar(o.baseline)}`];
  return `${header(o, 'Optimization gate: measure each pull request and gate it on the thresholds of its optimization issue.')}
# The pull request links its issue ("Closes #123" or "#123" in its body, or a branch named issue-123-...).
# Make "verdict" a required status check to make the gate binding.
name: Optimization gate

${prTrigger(o)}

permissions: {}

# A new push supersedes the measurement of the previous one.
concurrency:
  group: optimization-gate-pr-\${{ github.event.pull_request.number }}
  cancel-in-progress: true

jobs:
${measureJob(
  o,
  ['contents: read', 'issues: read # the thresholds live in the issue body', 'pull-requests: read', "actions: read # `baseline: artifact` and the cache fallback read the refresh run's artifact"],
  [
    "    # Drafts are measured once ready for review. A fork's code never runs on these runners: the verdict",
    '    # job below refuses such a pull request.',
    '    if: ${{ !github.event.pull_request.draft && github.event.pull_request.head.repo.full_name == github.repository }}',
  ],
)}
    steps:
      - name: Check out the pull request
        uses: actions/checkout@v5
        with:
          fetch-depth: ${ref ? '0 # the base branch is measured from a worktree, which needs the history' : '1'}
          persist-credentials: false

${setupStep(o)}

      # Compares with this runner's baseline; the verdict job decides and comments once for all runners.
${measureStep(o, 'gate', [...baseline, ...(o.repeat ? [`          repeat: ${scalar(o.repeat)}`] : []), '          fail-on: never', '          comment: none'])}

${verdictJob(
  o,
  ['issues: read', 'pull-requests: write # the sticky comment on the pull request', ACTIONS_READ],
  ['          comment: pr', '          fail-on: reject'],
  [
    '      # No code of a fork is checked out here: this only says why nothing was measured.',
    '      - name: Refuse a pull request from a fork',
    "        if: ${{ needs.measure.result == 'skipped' }}",
    '        run: |',
    '          echo "::error title=optimization-gate: fork pull request refused::Pull requests from forks are not measured: their code would run on your runner. Review the change and run the Optimization measurement workflow on refs/pull/<number>/head."',
    '          exit 1',
    '',
  ],
  '!cancelled() && !github.event.pull_request.draft',
)}
`;
}

export function renderDispatch(o: WorkflowOptions): string {
  return `${header(o, 'Optimization measurement: measure a candidate for an issue and post the comparison on the issue.')}
# Run it from the Actions tab with the issue number.
name: Optimization measurement

${DISPATCH_TRIGGER}
permissions: {}

# Measurements of one issue and candidate queue rather than cancel each other: each is a record.
concurrency:
  group: optimization-gate-dispatch-\${{ inputs.issue-number }}-\${{ inputs.candidate-ref || github.ref }}
  cancel-in-progress: false

jobs:
${measureJob(o, ['contents: read', 'issues: read # the thresholds live in the issue body', 'actions: read'])}
    steps:
      # Whoever dispatches chooses the candidate (dispatching needs write access); review a fork's
      # pull-request head before measuring it: its code runs on your runner.
      - name: Check out the candidate
        uses: actions/checkout@v5
        with:
          ref: \${{ inputs.candidate-ref }}
          fetch-depth: 0 # the default branch is measured from a worktree, which needs the history
          persist-credentials: false

${setupStep(o)}

${measureStep(o, 'gate', [
  '          issue-number: ${{ inputs.issue-number }}',
  '          baseline: ref:${{ github.event.repository.default_branch }}',
  ...(o.repeat ? [`          repeat: ${scalar(o.repeat)}`] : []),
  '          fail-on: never',
  '          comment: none',
])}

${verdictJob(o, ['issues: write # the report comment on the issue', ACTIONS_READ], ['          issue-number: ${{ inputs.issue-number }}', '          comment: issue', '          fail-on: reject'])}
`;
}

export function renderRefresh(o: WorkflowOptions): string {
  return `${header(o, "Optimization baseline refresh: measure the default branch nightly and store it as each runner's baseline.")}
# What the PR gate compares with when its baseline is the stored one. Drift beyond the bound below is
# reported on the open issue labelled optimization-gate-drift (opened on the first drift).
name: Optimization baseline refresh

on:
  schedule:
    - cron: ${scalar(o.schedule)}
  workflow_dispatch: {}

permissions: {}

# Refreshes queue: each stores a baseline, none may be cut off half-way.
concurrency:
  group: optimization-gate-refresh-\${{ github.ref }}
  cancel-in-progress: false

jobs:
${measureJob(o, ['contents: read', 'issues: write # drift is reported on (or opens) the tracking issue', 'actions: read'])}
    steps:
      - name: Check out
        uses: actions/checkout@v5
        with:
          persist-credentials: false

${setupStep(o)}

${measureStep(o, 'baseline', [
  ...(o.repeat ? [`          repeat: ${scalar(o.repeat)}`] : []),
  '          thresholds: |',
  '            thresholds:',
  '              profile.totals.wall_time_s: "<= +10%"',
  '              profile.totals.peak_rss_mb: "<= +10%"',
  '          fail-on: never',
  '          comment: issue',
])}

${verdictJob(o, [ACTIONS_READ], ['          comment: none', '          fail-on: never'])}
`;
}

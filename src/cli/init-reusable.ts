/**
 * `init --reusable`: this package's reusable workflows copied into the user's repository, with the
 * action pinned, plus thin callers that use them by local path. A reusable workflow may queue jobs on
 * the caller's self-hosted runners only within one org, so the copies must live in the user's repo
 * (or their org's shared workflows repository), never be called from ours.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DISPATCH_TRIGGER, prTrigger, scalar, type RenderedFile, type WorkflowOptions } from './init-render.js';
import { ACTION_REPO, usesLine, type ActionPin } from './release-info.js';

export const REUSABLE = {
  'pr-gate': { source: 'optimization-pr-gate.yml', copy: 'reusable-optimization-pr-gate.yml' },
  dispatch: { source: 'optimization-dispatch.yml', copy: 'reusable-optimization-dispatch.yml' },
  refresh: { source: 'baseline-refresh.yml', copy: 'reusable-baseline-refresh.yml' },
  commands: { source: 'optimization-commands.yml', copy: 'reusable-optimization-commands.yml' },
} as const;

const USES = new RegExp(`uses: ${ACTION_REPO.replace('/', '\\/')}(\\/setup-pipeline)?@[^\\s#]+( #[^\\n]*)?`, 'g');

/** A reusable workflow with every `uses:` of our action and setup action pinned. */
export function pinReusable(text: string, pin: ActionPin, note: string): string {
  const pinned = text.replace(USES, (_all, path: string | undefined) => `uses: ${usesLine(path === '/setup-pipeline' ? '/setup-pipeline' : '', pin)}`);
  return `# ${note}\n${pinned}`;
}

export function reusableCopies(root: string, pin: ActionPin, which: readonly (keyof typeof REUSABLE)[]): RenderedFile[] {
  const note = `Copied by \`optimization-gate init --reusable\` from optimization-gate${pin.version ? ` ${pin.version}` : ''}; callers use it by local path (same repository, so your self-hosted runners may run it).`;
  return which.map((w) => ({
    path: `.github/workflows/${REUSABLE[w].copy}`,
    text: pinReusable(readFileSync(join(root, '.github', 'workflows', REUSABLE[w].source), 'utf8'), pin, note),
  }));
}

function pipelineWith(o: WorkflowOptions): string[] {
  const lines = [`      runners: ${scalar(JSON.stringify(o.runners))}`];
  if (o.pythonVersion) lines.push(`      python-version: ${scalar(o.pythonVersion)}`);
  if (o.venv) lines.push(`      venv: ${scalar(o.venv)}`);
  if (o.installCommand) lines.push(`      install-command: ${scalar(o.installCommand)}`);
  lines.push(`      profile-command: ${scalar(o.profileCommand)}`);
  if (o.experimentCommand) lines.push(`      experiment-command: ${scalar(o.experimentCommand)}`, `      experiment-output: ${scalar(o.experimentOutput ?? '')}`);
  if (o.datasetId) lines.push(`      dataset-id: ${scalar(o.datasetId)}`);
  if (o.pipelineConfig.length > 0) lines.push(`      pipeline-config: |\n${o.pipelineConfig.map((p) => `        ${p}`).join('\n')}`);
  if (o.repeat) lines.push(`      repeat: ${JSON.stringify(o.repeat)}`);
  if (o.workingDirectory) lines.push(`      working-directory: ${scalar(o.workingDirectory)}`);
  return lines;
}

const SECRETS = '    secrets:\n      pipeline-env: ${{ secrets.OPTIMIZATION_GATE_ENV }} # NAME=value lines (API keys), masked in the log';

export function callerPrGate(o: WorkflowOptions): string {
  const baseline =
    o.baseline === 'ref' ? ['      baseline: ref:${{ github.base_ref }} # drop once the refresh has stored baselines'] : o.baseline === 'stored' ? [] : [`      baseline: ${scalar(o.baseline)}`];
  return `# Optimization gate: calls ./.github/workflows/${REUSABLE['pr-gate'].copy} (written by \`optimization-gate init --reusable\`).
# Make "gate / verdict" a required status check to make the gate binding.
name: Optimization gate

${prTrigger(o)}

permissions: {}

jobs:
  gate:
    if: \${{ !github.event.pull_request.draft }}
    # The most the called workflow's jobs may use; each asks for less.
    permissions:
      contents: read
      issues: read
      pull-requests: write
      actions: read
    uses: ./.github/workflows/${REUSABLE['pr-gate'].copy}
    with:
${[...pipelineWith(o), ...baseline].join('\n')}
${SECRETS}
`;
}

export function callerDispatch(o: WorkflowOptions): string {
  return `# Optimization measurement: calls ./.github/workflows/${REUSABLE.dispatch.copy} (written by \`optimization-gate init --reusable\`).
name: Optimization measurement

${DISPATCH_TRIGGER}
permissions: {}

jobs:
  measure:
    permissions:
      contents: read
      issues: write
      actions: read
    uses: ./.github/workflows/${REUSABLE.dispatch.copy}
    with:
      issue-number: \${{ inputs.issue-number }}
      candidate-ref: \${{ inputs.candidate-ref }}
${pipelineWith(o).join('\n')}
${SECRETS}
`;
}

export function callerRefresh(o: WorkflowOptions): string {
  return `# Optimization baseline refresh: calls ./.github/workflows/${REUSABLE.refresh.copy} (written by \`optimization-gate init --reusable\`).
name: Optimization baseline refresh

on:
  schedule:
    - cron: ${scalar(o.schedule)}
  workflow_dispatch: {}

permissions: {}

jobs:
  refresh:
    permissions:
      contents: read
      issues: write
      actions: read
    uses: ./.github/workflows/${REUSABLE.refresh.copy}
    with:
${pipelineWith(o).join('\n')}
${SECRETS}
`;
}

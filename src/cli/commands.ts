import type { CliCommandEntry } from './command.js';

/** Every CLI command, by name. Each lives in its own module under src/cli/, imported when it runs. */
export const COMMANDS: Record<string, CliCommandEntry> = {
  freeze: {
    summary: "measure a pipeline command's process tree per stage and write the profile",
    load: async () => (await import('./freeze.js')).freezeCommand,
  },
  rebuild: {
    summary: 'rebuild a profile from a samples file (an interrupted run, or another stage source)',
    load: async () => (await import('./rebuild.js')).rebuildCommand,
  },
  thresholds: {
    summary: 'parse the thresholds of an issue body and print them as JSON',
    load: async () => (await import('./thresholds.js')).thresholdsCommand,
  },
  diff: {
    summary: 'diff two profiles (with their stage_truth and eval outputs): stages, totals, quality, cost',
    load: async () => (await import('./diff.js')).diffCommand,
  },
  gate: {
    summary: 'gate a candidate against a baseline on the issue thresholds; writes gate.json and report.md',
    load: async () => (await import('./gate.js')).gateCommand,
  },
  init: {
    summary: 'write the workflows (PR gate, dispatch, nightly refresh) into your repository, pinned to a release',
    load: async () => (await import('./init.js')).initCommand,
  },
  hypotheses: {
    summary: 'check the hypotheses of an issue against measured profiles (confirmed / rejected / undecided)',
    load: async () => (await import('./hypotheses.js')).hypothesesCommand,
  },
  status: {
    summary: "print an optimization issue's history and checklist from its status comment (or a run's status-ledger.json)",
    load: async () => (await import('./status.js')).statusCommand,
  },
  plan: {
    summary: 'state the runs and the spend a gate would need, and suggest repeat: from the baseline spread',
    load: async () => (await import('./plan.js')).planCommand,
  },
};

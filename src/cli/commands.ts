import type { CliCommand } from './command.js';
import { diffCommand } from './diff.js';
import { freezeCommand } from './freeze.js';
import { gateCommand } from './gate.js';
import { hypothesesCommand } from './hypotheses.js';
import { planCommand } from './plan.js';
import { thresholdsCommand } from './thresholds.js';

/** Every CLI command, by name. Each lives in its own module under src/cli/. */
export const COMMANDS: Record<string, CliCommand> = {
  freeze: freezeCommand,
  thresholds: thresholdsCommand,
  diff: diffCommand,
  gate: gateCommand,
  hypotheses: hypothesesCommand,
  plan: planCommand,
};

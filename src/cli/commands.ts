import type { CliCommand } from './command.js';
import { freezeCommand } from './freeze.js';

/** Every CLI command, by name. Each lives in its own module under src/cli/. */
export const COMMANDS: Record<string, CliCommand> = {
  freeze: freezeCommand,
};

/**
 * The local CLI: the same core the action uses, so a user can freeze, diff and gate on a
 * laptop exactly as CI does. Exit codes: 0 ok / gate passed, 1 gate did not pass, 2 bad input.
 */
import { errorMessage, isUserError } from '../errors.js';
import { COMMANDS } from './commands.js';

export const EXIT_OK = 0;
export const EXIT_GATE_FAILED = 1;
export const EXIT_USER_ERROR = 2;
export const EXIT_INTERNAL_ERROR = 3;

function help(): string {
  const rows = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(12)}${c.summary}`);
  return `optimization-gate <command> [options]\n\ncommands:\n${rows.join('\n')}\n\n'optimization-gate <command> --help' shows a command's options.`;
}

export async function runCli(argv: readonly string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    console.log(help());
    return name === undefined ? EXIT_USER_ERROR : EXIT_OK;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`optimization-gate: unknown command "${name}"\n\n${help()}`);
    return EXIT_USER_ERROR;
  }
  try {
    return await (await command.load()).run(args);
  } catch (error) {
    if (isUserError(error)) {
      console.error(`optimization-gate ${name}: ${error.message}`);
      return EXIT_USER_ERROR;
    }
    console.error(`optimization-gate ${name}: internal error (please report): ${errorMessage(error)}`);
    if (error instanceof Error && error.stack) console.error(error.stack);
    return EXIT_INTERNAL_ERROR;
  }
}

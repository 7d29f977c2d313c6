#!/usr/bin/env node
import { createRequire as __ogCreateRequire } from 'node:module'; const require = __ogCreateRequire(import.meta.url);
import "./chunks/chunk-LI5ODPXF.js";

// src/errors.ts
var UserError = class extends Error {
  name = "UserError";
  /** Extra located details (one per line in logs and reports). */
  details;
  constructor(message, details = []) {
    super(details.length > 0 ? `${message}
${details.map((d) => `  - ${d}`).join("\n")}` : message);
    this.details = details;
  }
};
function isUserError(error) {
  return error instanceof UserError;
}
function errorMessage(error) {
  if (error instanceof Error) return error.message;
  if (typeof error === "string") return error;
  try {
    return JSON.stringify(error);
  } catch {
    return String(error);
  }
}

// src/cli/commands.ts
var COMMANDS = {};

// src/cli/index.ts
var EXIT_OK = 0;
var EXIT_USER_ERROR = 2;
var EXIT_INTERNAL_ERROR = 3;
function help() {
  const rows = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(12)}${c.summary}`);
  return `optimization-gate <command> [options]

commands:
${rows.join("\n")}

'optimization-gate <command> --help' shows a command's options.`;
}
async function runCli(argv) {
  const [name, ...args] = argv;
  if (name === void 0 || name === "--help" || name === "-h" || name === "help") {
    console.log(help());
    return name === void 0 ? EXIT_USER_ERROR : EXIT_OK;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`optimization-gate: unknown command "${name}"

${help()}`);
    return EXIT_USER_ERROR;
  }
  try {
    return await command.run(args);
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

// src/cli.ts
process.exitCode = await runCli(process.argv.slice(2));

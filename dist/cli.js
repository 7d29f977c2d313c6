#!/usr/bin/env node
import { createRequire as __ogCreateRequire } from 'node:module'; const require = __ogCreateRequire(import.meta.url);
import {
  errorMessage,
  isUserError
} from "./chunks/chunk-LDP73T3D.js";
import "./chunks/chunk-Y2US2WXL.js";

// src/cli/commands.ts
var COMMANDS = {
  freeze: {
    summary: "measure a pipeline command's process tree per stage and write the profile",
    load: async () => (await import("./chunks/freeze-M2UBBG5W.js")).freezeCommand
  },
  rebuild: {
    summary: "rebuild a profile from a samples file (an interrupted run, or another stage source)",
    load: async () => (await import("./chunks/rebuild-E5GPIZHF.js")).rebuildCommand
  },
  thresholds: {
    summary: "parse the thresholds of an issue body and print them as JSON",
    load: async () => (await import("./chunks/thresholds-WYW5QPOJ.js")).thresholdsCommand
  },
  diff: {
    summary: "diff two profiles (with their stage_truth and eval outputs): stages, totals, quality, cost",
    load: async () => (await import("./chunks/diff-CB4LHRQU.js")).diffCommand
  },
  gate: {
    summary: "gate a candidate against a baseline on the issue thresholds; writes gate.json and report.md",
    load: async () => (await import("./chunks/gate-HRL73NPQ.js")).gateCommand
  },
  init: {
    summary: "write the workflows (PR gate, dispatch, nightly refresh) into your repository, pinned to a release",
    load: async () => (await import("./chunks/init-QPJMKCPS.js")).initCommand
  },
  hypotheses: {
    summary: "check the hypotheses of an issue against measured profiles (confirmed / rejected / undecided)",
    load: async () => (await import("./chunks/hypotheses-HE7STWQK.js")).hypothesesCommand
  },
  status: {
    summary: "print an optimization issue's history and checklist from its status comment (or a run's status-ledger.json)",
    load: async () => (await import("./chunks/status-MXVLRBM6.js")).statusCommand
  },
  plan: {
    summary: "state the runs and the spend a gate would need, and suggest repeat: from the baseline spread",
    load: async () => (await import("./chunks/plan-LCOAHGRG.js")).planCommand
  }
};

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

// src/cli.ts
process.exitCode = await runCli(process.argv.slice(2));

import { createRequire as __ogCreateRequire } from 'node:module'; const require = __ogCreateRequire(import.meta.url);
import {
  parseCliArgs,
  usage
} from "./chunk-MMFQZGGM.js";
import {
  ACCEPTED_FORMS,
  formatProblem,
  mergeThresholds,
  parseInlineThresholds,
  parseIssueThresholds
} from "./chunk-742Z77HY.js";
import {
  readText
} from "./chunk-UHNHABYH.js";
import {
  UserError
} from "./chunk-LDP73T3D.js";

// src/cli/thresholds.ts
var NAME = "thresholds";
var SYNOPSIS = "--issue-file ISSUE.md [--inline-file THRESHOLDS.yaml]";
var OPTIONS = {
  "issue-file": { type: "string", description: "the issue body (markdown) holding the thresholds" },
  "inline-file": { type: "string", description: "thresholds as for the action's `thresholds` input (YAML); overrides the issue's" },
  help: { type: "boolean", description: "show this help" }
};
var EXIT_OK = 0;
var EXIT_USER_ERROR = 2;
function readThresholdFiles(issueFile, inlineFile) {
  const issue = issueFile !== void 0 ? parseIssueThresholds(readText(issueFile)) : { thresholds: [], problems: [] };
  if (inlineFile === void 0) return issue;
  return mergeThresholds(issue, parseInlineThresholds(readText(inlineFile)));
}
var thresholdsCommand = {
  run(args) {
    const { options, positionals } = parseCliArgs(NAME, OPTIONS, args);
    if (options.help) {
      console.log(usage(NAME, SYNOPSIS, OPTIONS));
      return Promise.resolve(EXIT_OK);
    }
    if (positionals.length > 0) throw new UserError(`${NAME}: unexpected argument "${positionals[0]}"`, [usage(NAME, SYNOPSIS, OPTIONS)]);
    const issueFile = options["issue-file"];
    const inlineFile = options["inline-file"];
    if (issueFile === void 0 && inlineFile === void 0) {
      throw new UserError(`${NAME}: --issue-file is required`, [usage(NAME, SYNOPSIS, OPTIONS)]);
    }
    const spec = readThresholdFiles(issueFile, inlineFile);
    if (spec.problems.length > 0) {
      const files = [issueFile, inlineFile].filter((f) => f !== void 0).join(" + ");
      const count = spec.problems.length;
      console.error(`optimization-gate ${NAME}: ${count} problem${count === 1 ? "" : "s"} in the thresholds of ${files}:`);
      for (const problem of spec.problems) console.error(formatProblem(problem));
      return Promise.resolve(EXIT_USER_ERROR);
    }
    if (spec.thresholds.length === 0) {
      console.error(`optimization-gate ${NAME}: ${ACCEPTED_FORMS}`);
      return Promise.resolve(EXIT_USER_ERROR);
    }
    console.log(JSON.stringify(spec, null, 2));
    return Promise.resolve(EXIT_OK);
  }
};

export {
  readThresholdFiles,
  thresholdsCommand
};

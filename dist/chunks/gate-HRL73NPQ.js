import { createRequire as __ogCreateRequire } from 'node:module'; const require = __ogCreateRequire(import.meta.url);
import {
  readThresholdFiles
} from "./chunk-YL2KV6HX.js";
import {
  loadSideFromFlags
} from "./chunk-5UL2VHVJ.js";
import {
  parseCliArgs,
  usage
} from "./chunk-MMFQZGGM.js";
import {
  evaluateGate,
  inputErrorResult,
  renderGateJson,
  renderReport
} from "./chunk-R5LMBZ2G.js";
import {
  FAIL_ON_VALUES
} from "./chunk-YZL56MGZ.js";
import {
  diffSides
} from "./chunk-C5GKOKHT.js";
import "./chunk-HWH3RNDA.js";
import {
  formatProblem
} from "./chunk-742Z77HY.js";
import "./chunk-PXPRD6OG.js";
import "./chunk-IVBWKPMQ.js";
import {
  hypothesisLine
} from "./chunk-ZAS337DE.js";
import "./chunk-VQL2WWEC.js";
import "./chunk-DIO3Y34K.js";
import "./chunk-D7UG36OI.js";
import "./chunk-UHNHABYH.js";
import "./chunk-T4TF7QUX.js";
import "./chunk-LM6Q56WD.js";
import {
  UserError,
  errorMessage,
  isUserError
} from "./chunk-LDP73T3D.js";
import "./chunk-Y2US2WXL.js";

// src/cli/gate.ts
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
var EXIT_OK = 0;
var EXIT_GATE_FAILED = 1;
var EXIT_USER_ERROR = 2;
var NAME = "gate";
var SYNOPSIS = "--issue-file ISSUE.md --baseline B.yaml\u2026 --candidate C.yaml\u2026 --out DIR [options]";
var OPTIONS = {
  "issue-file": { type: "string", description: "the optimization issue body (markdown) holding the thresholds" },
  "thresholds-file": { type: "string", description: "inline thresholds in the block syntax (a thresholds: mapping), merged over the issue" },
  baseline: { type: "list", description: "baseline profile YAML(s); several are repeated runs" },
  candidate: { type: "list", description: "candidate profile YAML(s); several are repeated runs" },
  "eval-baseline": { type: "list", description: "eval output dir(s) of the baseline: one for all runs, or one per run" },
  "eval-candidate": { type: "list", description: "eval output dir(s) of the candidate: one for all runs, or one per run" },
  "fail-on": { type: "string", default: "reject", description: `decision that fails: ${FAIL_ON_VALUES.join(" | ")}` },
  out: { type: "string", description: "directory for gate.json and report.md" },
  "artifact-url": { type: "string", description: "link to the artifacts, shown in the report" },
  "run-url": { type: "string", description: "link to the workflow run, shown in the report" },
  help: { type: "boolean", description: "show this help" }
};
function isFailOn(value) {
  return FAIL_ON_VALUES.includes(value);
}
function readSpec(issueFile, thresholdsFile) {
  if (issueFile === void 0 && thresholdsFile === void 0) {
    throw new UserError("no thresholds: give --issue-file ISSUE.md and/or --thresholds-file FILE");
  }
  return readThresholdFiles(issueFile, thresholdsFile);
}
function attempt(errors, load) {
  try {
    return load();
  } catch (error) {
    if (!isUserError(error)) throw error;
    errors.push(errorMessage(error));
    return void 0;
  }
}
function writeOutputs(out, result, diff, links) {
  try {
    mkdirSync(out, { recursive: true });
    const jsonPath = join(out, "gate.json");
    const reportPath = join(out, "report.md");
    writeFileSync(jsonPath, renderGateJson(result));
    writeFileSync(reportPath, renderReport(result, diff, links));
    return { reportPath, jsonPath };
  } catch (error) {
    throw new UserError(`cannot write to --out ${out}: ${errorMessage(error)}`);
  }
}
var gateCommand = {
  run(args) {
    const { options, positionals } = parseCliArgs(NAME, OPTIONS, args);
    if (options.help) {
      console.log(usage(NAME, SYNOPSIS, OPTIONS));
      return Promise.resolve(EXIT_OK);
    }
    const out = options.out;
    if (out === void 0) throw new UserError(`--out DIR is required (where gate.json and report.md go); see \`optimization-gate ${NAME} --help\``);
    const failOnText = options["fail-on"];
    const failOn = isFailOn(failOnText) ? failOnText : "reject";
    const links = {
      ...options["artifact-url"] !== void 0 ? { artifactUrl: options["artifact-url"] } : {},
      ...options["run-url"] !== void 0 ? { runUrl: options["run-url"] } : {}
    };
    const errors = [];
    if (!isFailOn(failOnText)) errors.push(`--fail-on expects ${FAIL_ON_VALUES.join(", ")}, got "${failOnText}"`);
    if (positionals.length > 0) errors.push(`unexpected argument${positionals.length > 1 ? "s" : ""}: ${positionals.join(" ")} (profiles go after --baseline / --candidate)`);
    const spec = attempt(errors, () => readSpec(options["issue-file"], options["thresholds-file"]));
    const baseline = attempt(errors, () => loadSideFromFlags("baseline", options.baseline, options["eval-baseline"], { profiles: "--baseline", evalDirs: "eval-baseline" }));
    const candidate = attempt(errors, () => loadSideFromFlags("candidate", options.candidate, options["eval-candidate"], { profiles: "--candidate", evalDirs: "eval-candidate" }));
    let result;
    let diff;
    if (errors.length > 0 || !spec || !baseline || !candidate) {
      result = inputErrorResult(errors, failOn, spec);
    } else {
      result = evaluateGate(spec, baseline, candidate, { failOn });
      diff = diffSides(baseline, candidate);
    }
    const written = writeOutputs(resolve(out), result, diff, links);
    const badInput = result.problems.length > 0 || result.inputErrors.length > 0;
    for (const line of [...errors, ...result.problems.map(formatProblem)]) console.error(`error: ${line}`);
    console.log(`decision: ${result.decision} (fail-on ${failOn}: ${result.passed ? "passes" : "fails"})`);
    for (const h of result.hypotheses) for (const side of h.sides) console.log(hypothesisLine(h.id, side, true));
    console.log(`report: ${written.reportPath}`);
    console.log(`gate.json: ${written.jsonPath}`);
    return Promise.resolve(badInput ? EXIT_USER_ERROR : result.passed ? EXIT_OK : EXIT_GATE_FAILED);
  }
};
export {
  gateCommand
};

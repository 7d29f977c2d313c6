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
  HYPOTHESES_JSON_SCHEMA,
  evaluateHypotheses,
  hypothesesToJson,
  renderHypothesesJson
} from "./chunk-HWH3RNDA.js";
import {
  formatProblem
} from "./chunk-742Z77HY.js";
import "./chunk-PXPRD6OG.js";
import "./chunk-IVBWKPMQ.js";
import {
  hypothesisLine,
  renderHypotheses
} from "./chunk-ZAS337DE.js";
import "./chunk-VQL2WWEC.js";
import "./chunk-DIO3Y34K.js";
import "./chunk-D7UG36OI.js";
import "./chunk-UHNHABYH.js";
import "./chunk-T4TF7QUX.js";
import "./chunk-LM6Q56WD.js";
import {
  UserError,
  errorMessage
} from "./chunk-LDP73T3D.js";
import "./chunk-Y2US2WXL.js";

// src/cli/hypotheses.ts
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
var NAME = "hypotheses";
var SYNOPSIS = "--issue-file ISSUE.md --profile P.yaml\u2026 [--eval DIR\u2026] [--candidate C.yaml\u2026 [--eval-candidate DIR\u2026]] [--json] [--out DIR]";
var OPTIONS = {
  "issue-file": { type: "string", description: "the optimization issue body (markdown) holding the hypotheses" },
  "thresholds-file": { type: "string", description: "inline block YAML (as the action input), merged over the issue" },
  profile: { type: "list", description: "profile YAML(s) of the baseline; several are repeated runs" },
  eval: { type: "list", description: "eval output dir(s) of those runs: one for all, or one per run" },
  candidate: { type: "list", description: "profile YAML(s) of a candidate, evaluated separately" },
  "eval-candidate": { type: "list", description: "eval output dir(s) of the candidate" },
  json: { type: "boolean", description: `print the results as JSON (schema ${HYPOTHESES_JSON_SCHEMA})` },
  out: { type: "string", description: "directory for hypotheses.json and hypotheses.md" },
  help: { type: "boolean", description: "show this help" }
};
var EXIT_OK = 0;
var EXIT_USER_ERROR = 2;
var hypothesesCommand = {
  run(args) {
    const { options, positionals } = parseCliArgs(NAME, OPTIONS, args);
    if (options.help) {
      console.log(usage(NAME, SYNOPSIS, OPTIONS));
      return Promise.resolve(EXIT_OK);
    }
    if (positionals.length > 0) throw new UserError(`${NAME}: unexpected argument "${positionals[0]}" (profiles go after --profile / --candidate)`);
    if (options["issue-file"] === void 0 && options["thresholds-file"] === void 0) {
      throw new UserError(`${NAME}: --issue-file is required`, [usage(NAME, SYNOPSIS, OPTIONS)]);
    }
    const spec = readThresholdFiles(options["issue-file"], options["thresholds-file"]);
    if (spec.problems.length > 0) {
      console.error(`optimization-gate ${NAME}: ${spec.problems.length} problem(s) in the block:`);
      for (const problem of spec.problems) console.error(formatProblem(problem));
      return Promise.resolve(EXIT_USER_ERROR);
    }
    const hypotheses = spec.hypotheses ?? [];
    if (hypotheses.length === 0) {
      console.error(
        `optimization-gate ${NAME}: no hypotheses found: write them under \`hypotheses:\` in the optimization-gate block, or as a table with \`Hypothesis\` and \`Check\` columns (see docs/hypotheses.md)`
      );
      return Promise.resolve(EXIT_USER_ERROR);
    }
    const sides = [loadSideFromFlags("baseline", options.profile, options.eval, { profiles: "--profile", evalDirs: "eval" })];
    if (options.candidate.length > 0) {
      sides.push(loadSideFromFlags("candidate", options.candidate, options["eval-candidate"], { profiles: "--candidate", evalDirs: "eval-candidate" }));
    } else if (options["eval-candidate"].length > 0) {
      throw new UserError(`${NAME}: --eval-candidate needs --candidate profiles`);
    }
    const results = evaluateHypotheses(hypotheses, sides);
    if (options.out !== void 0) {
      const out = resolve(options.out);
      try {
        mkdirSync(out, { recursive: true });
        writeFileSync(join(out, "hypotheses.json"), renderHypothesesJson(results));
        writeFileSync(join(out, "hypotheses.md"), `${renderHypotheses(results) ?? ""}
`);
      } catch (error) {
        throw new UserError(`cannot write to --out ${out}: ${errorMessage(error)}`);
      }
    }
    if (options.json) console.log(JSON.stringify({ schema: HYPOTHESES_JSON_SCHEMA, hypotheses: hypothesesToJson(results) }, null, 2));
    else {
      for (const h of results) {
        for (const side of h.sides) {
          console.log(hypothesisLine(h.id, side, sides.length > 1));
          for (const note of side.notes) console.log(`  note: ${note}`);
        }
      }
    }
    return Promise.resolve(EXIT_OK);
  }
};
export {
  hypothesesCommand
};

import { createRequire as __ogCreateRequire } from 'node:module'; const require = __ogCreateRequire(import.meta.url);
import {
  readThresholdFiles
} from "./chunk-YL2KV6HX.js";
import {
  loadSideFromFlags
} from "./chunk-5UL2VHVJ.js";
import {
  numberOption,
  parseCliArgs,
  usage
} from "./chunk-MMFQZGGM.js";
import {
  DEFAULT_CONFIRM_RUNS,
  DEFAULT_REPEAT,
  suggestRepeat
} from "./chunk-BNIBMNOR.js";
import {
  costPerRun,
  describePlan,
  planRuns
} from "./chunk-YZL56MGZ.js";
import {
  formatProblem,
  readCost
} from "./chunk-742Z77HY.js";
import "./chunk-PXPRD6OG.js";
import "./chunk-IVBWKPMQ.js";
import "./chunk-DIO3Y34K.js";
import "./chunk-D7UG36OI.js";
import "./chunk-UHNHABYH.js";
import "./chunk-T4TF7QUX.js";
import "./chunk-LM6Q56WD.js";
import "./chunk-SCLIXMJC.js";
import {
  UserError
} from "./chunk-LDP73T3D.js";
import "./chunk-Y2US2WXL.js";

// src/cli/plan.ts
var NAME = "plan";
var SYNOPSIS = "--issue-file ISSUE.md --baseline B.yaml\u2026 [--eval-baseline DIR\u2026] [--repeat N] [--warmup W] [--confirm-runs K] [--base-ref] [--max-cost-usd X]";
var OPTIONS = {
  "issue-file": { type: "string", description: "the optimization issue body (markdown): thresholds, repeat:, max-cost-usd:" },
  "thresholds-file": { type: "string", description: "inline block YAML (as the action input), merged over the issue" },
  baseline: { type: "list", description: "the baseline profile YAML(s); several are repeated runs (their spread suggests repeat:)" },
  "eval-baseline": { type: "list", description: "eval output dir(s) of the baseline (eval_pipeline_metrics.json prices a run)" },
  repeat: { type: "string", description: `measured runs per side (default: the issue's repeat:, else ${DEFAULT_REPEAT})` },
  warmup: { type: "string", default: "1", description: "warm-up runs per side" },
  "confirm-runs": { type: "string", default: String(DEFAULT_CONFIRM_RUNS), description: "confirmation rounds at most" },
  experiment: { type: "boolean", description: "an experiment command runs once per side" },
  "base-ref": { type: "boolean", description: "the baseline is measured in the same job (baseline: ref:\u2026): two sides" },
  "max-cost-usd": { type: "string", description: "spend limit in US dollars (default: the issue's max-cost-usd:)" },
  help: { type: "boolean", description: "show this help" }
};
var planCommand = {
  run(args) {
    const { options, positionals } = parseCliArgs(NAME, OPTIONS, args);
    if (options.help) {
      console.log(usage(NAME, SYNOPSIS, OPTIONS));
      return Promise.resolve(0);
    }
    if (positionals.length > 0) throw new UserError(`${NAME}: unexpected argument "${positionals[0]}"`);
    const spec = options["issue-file"] !== void 0 || options["thresholds-file"] !== void 0 ? readThresholdFiles(options["issue-file"], options["thresholds-file"]) : { thresholds: [], problems: [] };
    if (spec.problems.length > 0) throw new UserError(`${NAME}: problems in the block`, spec.problems.map(formatProblem));
    const baseline = loadSideFromFlags("baseline", options.baseline, options["eval-baseline"], { profiles: "--baseline", evalDirs: "eval-baseline" });
    const repeat = numberOption(NAME, "repeat", options.repeat, { min: 1, integer: true }) ?? spec.repeat ?? DEFAULT_REPEAT;
    const warmup = numberOption(NAME, "warmup", options.warmup, { min: 0, integer: true }) ?? 1;
    const confirmRuns = numberOption(NAME, "confirm-runs", options["confirm-runs"], { min: 0, integer: true }) ?? DEFAULT_CONFIRM_RUNS;
    let maxCostUsd = spec.maxCostUsd;
    if (options["max-cost-usd"] !== void 0) {
      maxCostUsd = readCost(options["max-cost-usd"]);
      if (maxCostUsd === void 0) throw new UserError(`${NAME}: --max-cost-usd expects an amount in US dollars, e.g. 2.50, got "${options["max-cost-usd"]}"`);
    }
    const sides = options["base-ref"] ? 2 : 1;
    const confirmable = repeat > 1 || baseline.runs.length > 1;
    const plan = planRuns({ sides, experiment: options.experiment, warmup, repeat, confirmRuns: confirmable ? confirmRuns : 0, confirmSides: sides });
    for (const line of describePlan(plan, costPerRun(baseline.runs, "the baseline's"), maxCostUsd)) console.log(line);
    if (spec.thresholds.length > 0) console.log(suggestRepeat(spec.thresholds, baseline.runs).text);
    return Promise.resolve(0);
  }
};
export {
  planCommand
};

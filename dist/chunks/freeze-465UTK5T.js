import { createRequire as __ogCreateRequire } from 'node:module'; const require = __ogCreateRequire(import.meta.url);
import {
  profileSummary,
  truthWarnings
} from "./chunk-WSZ474B3.js";
import {
  numberOption,
  parseCliArgs,
  usage
} from "./chunk-MMFQZGGM.js";
import {
  freeze,
  runExternalFreeze
} from "./chunk-3MJACU2P.js";
import "./chunk-JHBIKGU6.js";
import "./chunk-DIO3Y34K.js";
import "./chunk-D7UG36OI.js";
import "./chunk-UHNHABYH.js";
import "./chunk-T4TF7QUX.js";
import "./chunk-LM6Q56WD.js";
import {
  UserError
} from "./chunk-LDP73T3D.js";
import "./chunk-Y2US2WXL.js";

// src/cli/freeze.ts
var SPECS = {
  version: { type: "string", description: "release name written into the profile" },
  "dataset-id": { type: "string", description: "dataset id written into the profile" },
  output: { type: "string", description: "profile path (.yaml); stage_truth and samples are written beside it" },
  "sample-interval": { type: "string", default: "0.5", description: "seconds between samples" },
  warmup: { type: "string", default: "1", description: "unmeasured runs first" },
  repeat: { type: "string", default: "1", description: "measured runs (above 1: per-run files + a median profile)" },
  stages: { type: "string", default: "auto", description: "auto | events | status-file[:PATH] | metrics:PATH | none" },
  "metrics-file": { type: "string", description: "the pipeline's metrics.json (stage windows for auto; metrics_excerpt)" },
  episodes: { type: "string", description: "episodes processed (for avg_wall_time_per_episode_s)" },
  "events-file": { type: "string", description: "stage events file given to the command (default <stem>.events.jsonl)" },
  timeout: { type: "string", description: "seconds before a run is stopped and marked timed_out" },
  cwd: { type: "string", description: "directory the command runs in" },
  "pss-budget": { type: "string", default: "0.05", description: "percent of a core for full PSS re-reads (100: every process at every sample)" },
  containment: { type: "string", default: "auto", description: "auto (own cgroup + user namespace where allowed) | cgroup | none" },
  external: { type: "boolean", description: "run the project's own freeze command and validate what it wrote at --output" },
  help: { type: "boolean", description: "show this help" }
};
var SYNOPSIS = "--version V --dataset-id D --output OUT.yaml [options] -- COMMAND ARGS\u2026";
var freezeCommand = {
  async run(argv) {
    const { options, positionals, rest } = parseCliArgs("freeze", SPECS, argv);
    if (options.help) {
      console.log(usage("freeze", SYNOPSIS, SPECS));
      return 0;
    }
    if (positionals.length > 0) throw new UserError(`freeze: unexpected "${positionals[0]}" (put the command after --)`);
    if (options.output === void 0) throw new UserError("freeze: --output is required", [usage("freeze", SYNOPSIS, SPECS)]);
    if (rest.length === 0) throw new UserError("freeze: no command given (put it after --)");
    const controller = new AbortController();
    let interrupts = 0;
    const onSignal = (signal) => {
      interrupts++;
      console.error(`optimization-gate freeze: ${signal}: stopping the command's process tree${interrupts > 1 ? " (again)" : ""}\u2026`);
      controller.abort();
    };
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
    try {
      const containment = options.containment;
      if (containment !== "auto" && containment !== "cgroup" && containment !== "none") {
        throw new UserError(`freeze: --containment: expected auto, cgroup or none, got "${containment}"`);
      }
      if (options.external) {
        const checked = await runExternalFreeze({
          command: rest,
          containment,
          output: options.output,
          ...options.cwd !== void 0 ? { cwd: options.cwd } : {},
          ...options.version !== void 0 ? { version: options.version } : {},
          ...options["dataset-id"] !== void 0 ? { datasetId: options["dataset-id"] } : {},
          ...options.timeout !== void 0 ? { timeoutS: numberOption("freeze", "timeout", options.timeout, { min: 1e-3 }) } : {},
          signal: controller.signal
        });
        for (const warning of checked.warnings) console.error(`warning: ${warning}`);
        for (const note of checked.notes) console.error(note);
        return 0;
      }
      if (options.version === void 0 || options["dataset-id"] === void 0) {
        throw new UserError("freeze: --version and --dataset-id are required", [usage("freeze", SYNOPSIS, SPECS)]);
      }
      const result = await freeze({
        version: options.version,
        datasetId: options["dataset-id"],
        output: options.output,
        command: rest,
        sampleIntervalS: numberOption("freeze", "sample-interval", options["sample-interval"], { min: 0.02 }),
        warmup: numberOption("freeze", "warmup", options.warmup, { min: 0, integer: true }),
        repeat: numberOption("freeze", "repeat", options.repeat, { min: 1, integer: true }),
        stages: options.stages,
        pssBudgetPct: numberOption("freeze", "pss-budget", options["pss-budget"], { min: 1e-3 }),
        containment,
        ...options["metrics-file"] !== void 0 ? { metricsFile: options["metrics-file"] } : {},
        ...options.episodes !== void 0 ? { episodes: numberOption("freeze", "episodes", options.episodes, { min: 1, integer: true }) } : {},
        ...options["events-file"] !== void 0 ? { eventsFile: options["events-file"] } : {},
        ...options.timeout !== void 0 ? { timeoutS: numberOption("freeze", "timeout", options.timeout, { min: 1e-3 }) } : {},
        ...options.cwd !== void 0 ? { cwd: options.cwd } : {},
        signal: controller.signal,
        onProgress: (event) => console.error(`optimization-gate freeze: ${event.message}`)
      });
      for (const line of profileSummary(result.files, options.output, result.profile)) console.error(line);
      for (const run of result.runs) {
        for (const warning of truthWarnings(run.truth)) console.error(`warning (run ${run.index}): ${warning}`);
      }
      if (result.stoppedBecause) console.error(`optimization-gate freeze: ${result.status}: ${result.stoppedBecause}`);
      return result.exitCode;
    } finally {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
    }
  }
};
export {
  freezeCommand
};

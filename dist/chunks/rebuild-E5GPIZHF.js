import { createRequire as __ogCreateRequire } from 'node:module'; const require = __ogCreateRequire(import.meta.url);
import {
  profileSummary,
  truthWarnings
} from "./chunk-WSZ474B3.js";
import {
  parseCliArgs,
  usage
} from "./chunk-MMFQZGGM.js";
import {
  rebuildFromSamples
} from "./chunk-R4NJP5UA.js";
import {
  parseStageSource
} from "./chunk-JHBIKGU6.js";
import "./chunk-D7UG36OI.js";
import "./chunk-UHNHABYH.js";
import "./chunk-T4TF7QUX.js";
import "./chunk-LM6Q56WD.js";
import {
  UserError
} from "./chunk-LDP73T3D.js";
import "./chunk-Y2US2WXL.js";

// src/cli/rebuild.ts
import { existsSync } from "node:fs";
var NAME = "rebuild";
var SPECS = {
  samples: { type: "string", description: "the run's <stem>.samples.jsonl (written by the freeze as it samples)" },
  output: { type: "string", description: "profile path to write (.yaml); the stage_truth is written beside it" },
  stages: { type: "string", description: "events | status-file[:PATH] | metrics:PATH | none | auto (default: the run's own)" },
  events: { type: "string", description: "stage events file (default: the one the samples header names, else the same name beside the samples)" },
  help: { type: "boolean", description: "show this help" }
};
var SYNOPSIS = "--samples FILE --output PROFILE.yaml [--stages SOURCE] [--events FILE]";
var rebuildCommand = {
  run(argv) {
    const { options, positionals, rest } = parseCliArgs(NAME, SPECS, argv);
    if (options.help) {
      console.log(usage(NAME, SYNOPSIS, SPECS));
      return Promise.resolve(0);
    }
    const unexpected = positionals[0] ?? rest[0];
    if (unexpected !== void 0) throw new UserError(`${NAME}: unexpected "${unexpected}" (every value goes with its option)`, [usage(NAME, SYNOPSIS, SPECS)]);
    if (options.samples === void 0) throw new UserError(`${NAME}: --samples is required`, [usage(NAME, SYNOPSIS, SPECS)]);
    if (options.output === void 0) throw new UserError(`${NAME}: --output is required`, [usage(NAME, SYNOPSIS, SPECS)]);
    if (!/\.ya?ml$/i.test(options.output)) throw new UserError(`${NAME}: --output expects a path ending in .yaml or .yml, got "${options.output}"`);
    if (options.events !== void 0 && !existsSync(options.events)) throw new UserError(`${NAME}: --events: file not found: ${options.events}`);
    const stageSource = options.stages !== void 0 ? parseStageSource(options.stages) : void 0;
    const result = rebuildFromSamples(options.samples, {
      output: options.output,
      ...stageSource ? { stageSource } : {},
      ...options.events !== void 0 ? { eventsPath: options.events } : {}
    });
    for (const line of profileSummary([result.profilePath, result.stageTruthPath], options.output, result.profile)) console.error(line);
    for (const warning of truthWarnings(result.truth)) console.error(`warning: ${warning}`);
    console.error(`optimization-gate ${NAME}: status ${result.profile.status ?? "ok"}${result.finished ? "" : " (the samples end before the run did)"}`);
    return Promise.resolve(0);
  }
};
export {
  rebuildCommand
};

#!/usr/bin/env node
import { createRequire as __ogCreateRequire } from 'node:module'; const require = __ogCreateRequire(import.meta.url);
import {
  ACCEPTED_FORMS,
  DEFAULT_CONFIRM_RUNS,
  DEFAULT_REPEAT,
  FAIL_ON_VALUES,
  HYPOTHESES_JSON_SCHEMA,
  NONE,
  costPerRun,
  costTable,
  describePlan,
  diffSides,
  evaluateGate,
  evaluateHypotheses,
  formatChange,
  formatMedian,
  formatProblem,
  formatRowPercent,
  hypothesesToJson,
  hypothesisLine,
  inputErrorResult,
  mergeThresholds,
  parseInlineThresholds,
  parseIssueThresholds,
  planRuns,
  qualityTable,
  readCost,
  renderGateJson,
  renderHypotheses,
  renderHypothesesJson,
  renderReport,
  stageTable,
  stageWallChart,
  suggestRepeat
} from "./chunks/chunk-WHSVRMML.js";
import {
  UserError,
  errorMessage,
  freeze,
  isUserError,
  loadMeasuredRun,
  readText,
  runExternalFreeze
} from "./chunks/chunk-NGYKGLHF.js";

// src/inputs/cli-args.ts
function parseCliArgs(command, specs, argv) {
  const values = {};
  for (const [name, spec] of Object.entries(specs)) {
    values[name] = spec.type === "list" ? [] : spec.type === "boolean" ? false : spec.default;
  }
  const positionals = [];
  let rest = [];
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i];
    if (word === "--") {
      rest = argv.slice(i + 1);
      break;
    }
    if (!word.startsWith("--")) {
      positionals.push(word);
      continue;
    }
    const eq = word.indexOf("=");
    const name = word.slice(2, eq === -1 ? void 0 : eq);
    const spec = specs[name];
    if (!spec) {
      throw new UserError(`${command}: unknown option --${name}`, [`known options: ${Object.keys(specs).map((n) => `--${n}`).join(", ")}`]);
    }
    const inline = eq === -1 ? void 0 : word.slice(eq + 1);
    if (spec.type === "boolean") {
      if (inline !== void 0 && inline !== "true" && inline !== "false") {
        throw new UserError(`${command}: --${name} takes no value (or =true / =false), got "${inline}"`);
      }
      values[name] = inline !== "false";
      continue;
    }
    const taken = inline !== void 0 ? [inline] : [];
    if (inline === void 0) {
      while (i + 1 < argv.length && !argv[i + 1].startsWith("--")) {
        taken.push(argv[++i]);
        if (spec.type === "string") break;
      }
    }
    if (taken.length === 0) throw new UserError(`${command}: --${name} needs a value (${spec.description})`);
    if (spec.type === "list") values[name].push(...taken);
    else values[name] = taken[0];
  }
  return { options: values, positionals, rest };
}
function numberOption(command, name, raw, { min, integer = false } = {}) {
  if (raw === void 0) return void 0;
  const value = Number(raw);
  const wanted = `${integer ? "a whole number" : "a number"}${min !== void 0 ? ` >= ${min}` : ""}`;
  if (raw.trim() === "" || !Number.isFinite(value) || integer && !Number.isInteger(value) || min !== void 0 && value < min) {
    throw new UserError(`${command}: --${name} expects ${wanted}, got "${raw}"`);
  }
  return value;
}
function usage(command, synopsis, specs) {
  const lines = Object.entries(specs).map(([name, spec]) => {
    const arg = spec.type === "boolean" ? "" : spec.type === "list" ? " V\u2026" : " V";
    const def = spec.type === "string" && spec.default !== void 0 ? ` (default ${spec.default})` : "";
    return `  --${name}${arg}`.padEnd(30) + spec.description + def;
  });
  return `usage: optimization-gate ${command} ${synopsis}
${lines.join("\n")}`;
}

// src/report/diff-format.ts
var DIFF_FORMATS = ["md", "json", "text"];
var DIFF_JSON_SCHEMA = "optimization-gate/diff@1";
function titleOf(diff) {
  return `${diff.baseline.labels.join(", ")} \u2192 ${diff.candidate.labels.join(", ")}`;
}
function renderDiffMarkdown(diff) {
  const parts = [`### Diff: ${titleOf(diff)}`, "#### Stages (time, memory, CPU)", stageTable(diff, 200)];
  const chart = stageWallChart(diff);
  if (chart) parts.push(chart);
  const quality = qualityTable(diff, 500, "diff --format json");
  if (quality) parts.push("#### Quality", quality);
  const cost = costTable(diff, 500, "diff --format json");
  if (cost) parts.push("#### Cost", cost);
  return `${parts.join("\n\n")}
`;
}
function renderDiffText(diff) {
  const rows = diff.rows.map((r) => [r.metric, formatMedian(r.baseline.median, r.metric), formatMedian(r.candidate.median, r.metric), formatChange(r), percentOrNote(r)]);
  const header = ["metric", "baseline", "candidate", "change", "%"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]) : c.padStart(widths[i])).join("  ").trimEnd();
  return `${[`diff: ${titleOf(diff)}`, "", line(header), ...rows.map(line)].join("\n")}
`;
}
function percentOrNote(r) {
  const pct = formatRowPercent(r);
  if (pct !== NONE) return r.note ? `${pct} (${r.note})` : pct;
  return r.note ?? NONE;
}
function finite(value) {
  return value !== void 0 && Number.isFinite(value) ? value : null;
}
function renderDiffJson(diff) {
  const data = {
    schema: DIFF_JSON_SCHEMA,
    baseline: diff.baseline,
    candidate: diff.candidate,
    stages: diff.stages,
    rows: diff.rows.map((r) => ({
      section: r.section,
      metric: r.metric,
      group: r.group,
      name: r.name,
      unit: r.unit ?? null,
      baseline: { values: r.baseline.values, median: finite(r.baseline.median), runs: r.baseline.runs, problems: r.baseline.problems },
      candidate: { values: r.candidate.values, median: finite(r.candidate.median), runs: r.candidate.runs, problems: r.candidate.problems },
      change: finite(r.change),
      percent: finite(r.percent),
      note: r.note ?? null
    }))
  };
  return `${JSON.stringify(data, (_k, v) => typeof v === "number" && !Number.isFinite(v) ? null : v, 2)}
`;
}
function renderDiff(diff, format) {
  switch (format) {
    case "md":
      return renderDiffMarkdown(diff);
    case "json":
      return renderDiffJson(diff);
    case "text":
      return renderDiffText(diff);
  }
}

// src/cli/sides.ts
function pairEvalDirs(flag, dirs, count, profilesFlag) {
  if (dirs.length === 0) return Array.from({ length: count }, () => void 0);
  if (dirs.length === 1) return Array.from({ length: count }, () => dirs[0]);
  if (dirs.length === count) return [...dirs];
  throw new UserError(
    `--${flag} got ${dirs.length} directories for ${count} ${profilesFlag} run${count === 1 ? "" : "s"}`,
    ["give one directory (used for every run) or exactly one per run, in the same order"]
  );
}
function loadSide(name, profiles, evalDirs, flags) {
  if (profiles.length === 0) throw new UserError(`no ${name} profile given (${flags.profiles})`);
  const dirs = pairEvalDirs(flags.evalDirs, evalDirs, profiles.length, flags.profiles);
  return {
    name,
    runs: profiles.map((profile, i) => {
      const evalDir = dirs[i];
      return loadMeasuredRun(profile, evalDir !== void 0 ? { evalDir } : {});
    })
  };
}

// src/cli/diff.ts
var NAME = "diff";
var SYNOPSIS = "BASE.yaml CAND.yaml [options]";
var OPTIONS = {
  format: { type: "string", default: "text", description: `output format: ${DIFF_FORMATS.join(" | ")}` },
  "eval-baseline": { type: "string", description: "directory of the baseline's metrics.json / eval_pipeline_metrics.json" },
  "eval-candidate": { type: "string", description: "directory of the candidate's eval outputs" },
  help: { type: "boolean", description: "show this help" }
};
function isFormat(value) {
  return DIFF_FORMATS.includes(value);
}
var diffCommand = {
  summary: "diff two profiles (with their stage_truth and eval outputs): stages, totals, quality, cost",
  run(args) {
    const { options, positionals } = parseCliArgs(NAME, OPTIONS, args);
    if (options.help) {
      console.log(usage(NAME, SYNOPSIS, OPTIONS));
      return Promise.resolve(0);
    }
    if (positionals.length !== 2) {
      throw new UserError(`expected two profile YAMLs (BASE CAND), got ${positionals.length}; see \`optimization-gate ${NAME} --help\``);
    }
    if (!isFormat(options.format)) throw new UserError(`--format expects ${DIFF_FORMATS.join(", ")}, got "${options.format}"`);
    const [base, cand] = positionals;
    const evalBase = options["eval-baseline"];
    const evalCand = options["eval-candidate"];
    const baseline = loadSide("baseline", [base], evalBase !== void 0 ? [evalBase] : [], { profiles: "BASE", evalDirs: "eval-baseline" });
    const candidate = loadSide("candidate", [cand], evalCand !== void 0 ? [evalCand] : [], { profiles: "CAND", evalDirs: "eval-candidate" });
    process.stdout.write(renderDiff(diffSides(baseline, candidate), options.format));
    return Promise.resolve(0);
  }
};

// src/cli/freeze.ts
import { relative } from "node:path";
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
  external: { type: "boolean", description: "run the project's own freeze command and validate what it wrote at --output" },
  help: { type: "boolean", description: "show this help" }
};
var SYNOPSIS2 = "--version V --dataset-id D --output OUT.yaml [options] -- COMMAND ARGS\u2026";
function summary(result, output) {
  const show = (path) => relative(process.cwd(), path) || path;
  const lines = ["wrote:", ...result.files.map((f) => `  ${show(f)}`)];
  if (result.profile) {
    lines.push(`stages (${output}):`);
    for (const [name, stage] of Object.entries(result.profile.stages)) {
      lines.push(`  ${name.padEnd(22)} ${`${stage.wall_time_s} s`.padStart(11)} ${`${stage.peak_rss_mb} MiB`.padStart(12)} ${`${stage.avg_cpu_pct} %`.padStart(10)}`);
    }
    const t = result.profile.totals;
    lines.push(`  ${"total".padEnd(22)} ${`${t.wall_time_s} s`.padStart(11)} ${`${t.peak_rss_mb} MiB`.padStart(12)}   (${t.memory_metric ?? "memory"})`);
  }
  return lines;
}
var freezeCommand = {
  summary: "measure a pipeline command's process tree per stage and write the profile",
  async run(argv) {
    const { options, positionals, rest } = parseCliArgs("freeze", SPECS, argv);
    if (options.help) {
      console.log(usage("freeze", SYNOPSIS2, SPECS));
      return 0;
    }
    if (positionals.length > 0) throw new UserError(`freeze: unexpected "${positionals[0]}" (put the command after --)`);
    if (options.output === void 0) throw new UserError("freeze: --output is required", [usage("freeze", SYNOPSIS2, SPECS)]);
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
      if (options.external) {
        const checked = await runExternalFreeze({
          command: rest,
          output: options.output,
          ...options.cwd !== void 0 ? { cwd: options.cwd } : {},
          ...options.version !== void 0 ? { version: options.version } : {},
          ...options["dataset-id"] !== void 0 ? { datasetId: options["dataset-id"] } : {},
          ...options.timeout !== void 0 ? { timeoutS: numberOption("freeze", "timeout", options.timeout, { min: 1e-3 }) } : {},
          signal: controller.signal
        });
        for (const warning of checked.warnings) console.error(`warning: ${warning}`);
        console.error(`checked: ${checked.profilePath} and ${checked.stageTruthPath}`);
        return 0;
      }
      if (options.version === void 0 || options["dataset-id"] === void 0) {
        throw new UserError("freeze: --version and --dataset-id are required", [usage("freeze", SYNOPSIS2, SPECS)]);
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
        ...options["metrics-file"] !== void 0 ? { metricsFile: options["metrics-file"] } : {},
        ...options.episodes !== void 0 ? { episodes: numberOption("freeze", "episodes", options.episodes, { min: 1, integer: true }) } : {},
        ...options["events-file"] !== void 0 ? { eventsFile: options["events-file"] } : {},
        ...options.timeout !== void 0 ? { timeoutS: numberOption("freeze", "timeout", options.timeout, { min: 1e-3 }) } : {},
        ...options.cwd !== void 0 ? { cwd: options.cwd } : {},
        signal: controller.signal,
        onProgress: (event) => console.error(`optimization-gate freeze: ${event.message}`)
      });
      for (const line of summary(result, options.output)) console.error(line);
      for (const run of result.runs) {
        const warnings = Array.isArray(run.truth.warnings) ? run.truth.warnings : [];
        for (const warning of warnings) console.error(`warning (run ${run.index}): ${warning}`);
      }
      if (result.stoppedBecause) console.error(`optimization-gate freeze: ${result.status}: ${result.stoppedBecause}`);
      return result.exitCode;
    } finally {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
    }
  }
};

// src/cli/gate.ts
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

// src/cli/thresholds.ts
var NAME2 = "thresholds";
var SYNOPSIS3 = "--issue-file ISSUE.md [--inline-file THRESHOLDS.yaml]";
var OPTIONS2 = {
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
  summary: "parse the thresholds of an issue body and print them as JSON",
  run(args) {
    const { options, positionals } = parseCliArgs(NAME2, OPTIONS2, args);
    if (options.help) {
      console.log(usage(NAME2, SYNOPSIS3, OPTIONS2));
      return Promise.resolve(EXIT_OK);
    }
    if (positionals.length > 0) throw new UserError(`${NAME2}: unexpected argument "${positionals[0]}"`, [usage(NAME2, SYNOPSIS3, OPTIONS2)]);
    const issueFile = options["issue-file"];
    const inlineFile = options["inline-file"];
    if (issueFile === void 0 && inlineFile === void 0) {
      throw new UserError(`${NAME2}: --issue-file is required`, [usage(NAME2, SYNOPSIS3, OPTIONS2)]);
    }
    const spec = readThresholdFiles(issueFile, inlineFile);
    if (spec.problems.length > 0) {
      const files = [issueFile, inlineFile].filter((f) => f !== void 0).join(" + ");
      const count = spec.problems.length;
      console.error(`optimization-gate ${NAME2}: ${count} problem${count === 1 ? "" : "s"} in the thresholds of ${files}:`);
      for (const problem of spec.problems) console.error(formatProblem(problem));
      return Promise.resolve(EXIT_USER_ERROR);
    }
    if (spec.thresholds.length === 0) {
      console.error(`optimization-gate ${NAME2}: ${ACCEPTED_FORMS}`);
      return Promise.resolve(EXIT_USER_ERROR);
    }
    console.log(JSON.stringify(spec, null, 2));
    return Promise.resolve(EXIT_OK);
  }
};

// src/cli/gate.ts
var EXIT_OK2 = 0;
var EXIT_GATE_FAILED = 1;
var EXIT_USER_ERROR2 = 2;
var NAME3 = "gate";
var SYNOPSIS4 = "--issue-file ISSUE.md --baseline B.yaml\u2026 --candidate C.yaml\u2026 --out DIR [options]";
var OPTIONS3 = {
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
  summary: "gate a candidate against a baseline on the issue thresholds; writes gate.json and report.md",
  run(args) {
    const { options, positionals } = parseCliArgs(NAME3, OPTIONS3, args);
    if (options.help) {
      console.log(usage(NAME3, SYNOPSIS4, OPTIONS3));
      return Promise.resolve(EXIT_OK2);
    }
    const out = options.out;
    if (out === void 0) throw new UserError(`--out DIR is required (where gate.json and report.md go); see \`optimization-gate ${NAME3} --help\``);
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
    const baseline = attempt(
      errors,
      () => loadSide("baseline", options.baseline, options["eval-baseline"], { profiles: "--baseline", evalDirs: "eval-baseline" })
    );
    const candidate = attempt(
      errors,
      () => loadSide("candidate", options.candidate, options["eval-candidate"], { profiles: "--candidate", evalDirs: "eval-candidate" })
    );
    let result;
    let diff;
    if (errors.length > 0 || !spec || !baseline || !candidate) {
      result = inputErrorResult(errors, failOn, spec);
    } else {
      const sides = [baseline, candidate];
      result = evaluateGate(spec, ...sides, { failOn });
      diff = diffSides(...sides);
    }
    const written = writeOutputs(resolve(out), result, diff, links);
    const badInput = result.problems.length > 0 || result.inputErrors.length > 0;
    for (const line of [...errors, ...result.problems.map(formatProblem)]) console.error(`error: ${line}`);
    console.log(`decision: ${result.decision} (fail-on ${failOn}: ${result.passed ? "passes" : "fails"})`);
    for (const h of result.hypotheses) for (const side of h.sides) console.log(hypothesisLine(h.id, side, true));
    console.log(`report: ${written.reportPath}`);
    console.log(`gate.json: ${written.jsonPath}`);
    return Promise.resolve(badInput ? EXIT_USER_ERROR2 : result.passed ? EXIT_OK2 : EXIT_GATE_FAILED);
  }
};

// src/cli/hypotheses.ts
import { mkdirSync as mkdirSync2, writeFileSync as writeFileSync2 } from "node:fs";
import { join as join2, resolve as resolve2 } from "node:path";
var NAME4 = "hypotheses";
var SYNOPSIS5 = "--issue-file ISSUE.md --profile P.yaml\u2026 [--eval DIR\u2026] [--candidate C.yaml\u2026 [--eval-candidate DIR\u2026]] [--json] [--out DIR]";
var OPTIONS4 = {
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
var EXIT_OK3 = 0;
var EXIT_USER_ERROR3 = 2;
var hypothesesCommand = {
  summary: "check the hypotheses of an issue against measured profiles (confirmed / rejected / undecided)",
  run(args) {
    const { options, positionals } = parseCliArgs(NAME4, OPTIONS4, args);
    if (options.help) {
      console.log(usage(NAME4, SYNOPSIS5, OPTIONS4));
      return Promise.resolve(EXIT_OK3);
    }
    if (positionals.length > 0) throw new UserError(`${NAME4}: unexpected argument "${positionals[0]}" (profiles go after --profile / --candidate)`);
    if (options["issue-file"] === void 0 && options["thresholds-file"] === void 0) {
      throw new UserError(`${NAME4}: --issue-file is required`, [usage(NAME4, SYNOPSIS5, OPTIONS4)]);
    }
    const spec = readThresholdFiles(options["issue-file"], options["thresholds-file"]);
    if (spec.problems.length > 0) {
      console.error(`optimization-gate ${NAME4}: ${spec.problems.length} problem(s) in the block:`);
      for (const problem of spec.problems) console.error(formatProblem(problem));
      return Promise.resolve(EXIT_USER_ERROR3);
    }
    const hypotheses = spec.hypotheses ?? [];
    if (hypotheses.length === 0) {
      console.error(`optimization-gate ${NAME4}: no hypotheses found: write them under \`hypotheses:\` in the optimization-gate block, or as a table with \`Hypothesis\` and \`Check\` columns (see docs/hypotheses.md)`);
      return Promise.resolve(EXIT_USER_ERROR3);
    }
    const sides = [loadSide("baseline", options.profile, options.eval, { profiles: "--profile", evalDirs: "eval" })];
    if (options.candidate.length > 0) {
      sides.push(loadSide("candidate", options.candidate, options["eval-candidate"], { profiles: "--candidate", evalDirs: "eval-candidate" }));
    } else if (options["eval-candidate"].length > 0) {
      throw new UserError(`${NAME4}: --eval-candidate needs --candidate profiles`);
    }
    const results = evaluateHypotheses(hypotheses, sides);
    if (options.out !== void 0) {
      const out = resolve2(options.out);
      try {
        mkdirSync2(out, { recursive: true });
        writeFileSync2(join2(out, "hypotheses.json"), renderHypothesesJson(results));
        writeFileSync2(join2(out, "hypotheses.md"), `${renderHypotheses(results) ?? ""}
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
    return Promise.resolve(EXIT_OK3);
  }
};

// src/cli/plan.ts
var NAME5 = "plan";
var SYNOPSIS6 = "--issue-file ISSUE.md --baseline B.yaml\u2026 [--eval-baseline DIR\u2026] [--repeat N] [--warmup W] [--confirm-runs K] [--base-ref] [--max-cost-usd X]";
var OPTIONS5 = {
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
  summary: "state the runs and the spend a gate would need, and suggest repeat: from the baseline spread",
  run(args) {
    const { options, positionals } = parseCliArgs(NAME5, OPTIONS5, args);
    if (options.help) {
      console.log(usage(NAME5, SYNOPSIS6, OPTIONS5));
      return Promise.resolve(0);
    }
    if (positionals.length > 0) throw new UserError(`${NAME5}: unexpected argument "${positionals[0]}"`);
    const spec = options["issue-file"] !== void 0 || options["thresholds-file"] !== void 0 ? readThresholdFiles(options["issue-file"], options["thresholds-file"]) : { thresholds: [], problems: [] };
    if (spec.problems.length > 0) throw new UserError(`${NAME5}: problems in the block`, spec.problems.map(formatProblem));
    const baseline = loadSide("baseline", options.baseline, options["eval-baseline"], { profiles: "--baseline", evalDirs: "eval-baseline" });
    const repeat = numberOption(NAME5, "repeat", options.repeat, { min: 1, integer: true }) ?? spec.repeat ?? DEFAULT_REPEAT;
    const warmup = numberOption(NAME5, "warmup", options.warmup, { min: 0, integer: true }) ?? 1;
    const confirmRuns = numberOption(NAME5, "confirm-runs", options["confirm-runs"], { min: 0, integer: true }) ?? DEFAULT_CONFIRM_RUNS;
    let maxCostUsd = spec.maxCostUsd;
    if (options["max-cost-usd"] !== void 0) {
      maxCostUsd = readCost(options["max-cost-usd"]);
      if (maxCostUsd === void 0) throw new UserError(`${NAME5}: --max-cost-usd expects an amount in US dollars, e.g. 2.50, got "${options["max-cost-usd"]}"`);
    }
    const sides = options["base-ref"] ? 2 : 1;
    const confirmable = repeat > 1 || baseline.runs.length > 1;
    const plan = planRuns({ sides, experiment: options.experiment, warmup, repeat, confirmRuns: confirmable ? confirmRuns : 0, confirmSides: sides });
    for (const line of describePlan(plan, costPerRun(baseline.runs, "the baseline's"), maxCostUsd)) console.log(line);
    if (spec.thresholds.length > 0) console.log(suggestRepeat(spec.thresholds, baseline.runs).text);
    return Promise.resolve(0);
  }
};

// src/cli/commands.ts
var COMMANDS = {
  freeze: freezeCommand,
  thresholds: thresholdsCommand,
  diff: diffCommand,
  gate: gateCommand,
  hypotheses: hypothesesCommand,
  plan: planCommand
};

// src/cli/index.ts
var EXIT_OK4 = 0;
var EXIT_USER_ERROR4 = 2;
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
    return name === void 0 ? EXIT_USER_ERROR4 : EXIT_OK4;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`optimization-gate: unknown command "${name}"

${help()}`);
    return EXIT_USER_ERROR4;
  }
  try {
    return await command.run(args);
  } catch (error) {
    if (isUserError(error)) {
      console.error(`optimization-gate ${name}: ${error.message}`);
      return EXIT_USER_ERROR4;
    }
    console.error(`optimization-gate ${name}: internal error (please report): ${errorMessage(error)}`);
    if (error instanceof Error && error.stack) console.error(error.stack);
    return EXIT_INTERNAL_ERROR;
  }
}

// src/cli.ts
process.exitCode = await runCli(process.argv.slice(2));

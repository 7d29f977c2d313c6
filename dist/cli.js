#!/usr/bin/env node
import { createRequire as __ogCreateRequire } from 'node:module'; const require = __ogCreateRequire(import.meta.url);
import {
  ACCEPTED_FORMS,
  FAIL_ON_VALUES,
  NONE,
  costTable,
  diffSides,
  evaluateGate,
  formatChange,
  formatMedian,
  formatProblem,
  formatRowPercent,
  inputErrorResult,
  mergeThresholds,
  parseInlineThresholds,
  parseIssueThresholds,
  qualityTable,
  renderGateJson,
  renderReport,
  stageTable,
  stageWallChart
} from "./chunks/chunk-SCQFHEST.js";
import {
  UserError,
  errorMessage,
  freeze,
  isUserError,
  loadMeasuredRun,
  readText,
  runExternalFreeze
} from "./chunks/chunk-7HPHNO7Z.js";

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
  const header2 = ["metric", "baseline", "candidate", "change", "%"];
  const widths = header2.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]) : c.padStart(widths[i])).join("  ").trimEnd();
  return `${[`diff: ${titleOf(diff)}`, "", line(header2), ...rows.map(line)].join("\n")}
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
    console.log(`report: ${written.reportPath}`);
    console.log(`gate.json: ${written.jsonPath}`);
    return Promise.resolve(badInput ? EXIT_USER_ERROR2 : result.passed ? EXIT_OK2 : EXIT_GATE_FAILED);
  }
};

// src/cli/init.ts
import { execFileSync } from "node:child_process";
import { existsSync as existsSync2, mkdirSync as mkdirSync2, writeFileSync as writeFileSync2 } from "node:fs";
import { dirname as dirname2, join as join4, resolve as resolve3 } from "node:path";

// src/cli/release-info.ts
import { existsSync, readFileSync } from "node:fs";
import { dirname, join as join2, resolve as resolve2 } from "node:path";
import { fileURLToPath } from "node:url";
var ACTION_REPO = "optimization-gate/optimization-gate";
var MAJOR_TAG = "v1";
var RELEASE_FILE = "release.json";
var SHA = /^[0-9a-f]{40}$/;
function packageRoot(from = dirname(fileURLToPath(import.meta.url))) {
  for (let dir = resolve2(from); ; dir = dirname(dir)) {
    const pkg = join2(dir, "package.json");
    if (existsSync(join2(dir, "action.yml")) && existsSync(pkg) && /"name":\s*"optimization-gate"/.test(readFileSync(pkg, "utf8"))) return dir;
    if (dirname(dir) === dir) throw new UserError("cannot find the optimization-gate package (action.yml beside package.json) above this script");
  }
}
function readReleaseInfo(root) {
  const path = join2(root, RELEASE_FILE);
  if (!existsSync(path)) return void 0;
  let data;
  try {
    data = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new UserError(`${path}: not JSON (${error.message})`);
  }
  const { version, sha } = data ?? {};
  if (typeof version !== "string" || !/^v\d+\.\d+\.\d+$/.test(version) || typeof sha !== "string" || !SHA.test(sha)) {
    throw new UserError(`${path}: expected {"version": "vX.Y.Z", "sha": "<40 hex digits>"}`);
  }
  return { version, sha };
}
function resolveActionPin(style, given, release) {
  if (given.ref !== void 0) {
    if (style === "sha" && !SHA.test(given.ref)) {
      throw new UserError(`--action-ref "${given.ref}": expected a full 40-hex commit SHA of ${ACTION_REPO} (or --ref-style tag to use a tag)`);
    }
    const version = given.version ?? (release && release.sha === given.ref ? release.version : void 0);
    return { ref: given.ref, ...version ? { version } : {} };
  }
  if (release) return style === "sha" ? { ref: release.sha, version: release.version } : { ref: release.version };
  if (style === "tag") return { ref: MAJOR_TAG };
  throw new UserError("this copy of optimization-gate has no release stamp (release.json), so the commit to pin the action to is unknown", [
    `pass --action-ref <40-hex SHA> (a release commit of ${ACTION_REPO}, from its releases page) with --action-version vX.Y.Z`,
    `or pass --ref-style tag to reference the moving ${MAJOR_TAG} tag instead of a commit`
  ]);
}
function usesLine(path, pin) {
  const comment = SHA.test(pin.ref) ? ` # ${pin.version ?? "pinned commit"}` : "";
  return `${ACTION_REPO}${path}@${pin.ref}${comment}`;
}

// src/cli/init-render.ts
function scalar(value) {
  const plain = /^[\w./$@+=~-][\w ./$@+=,~-]*$/.test(value) && !/^(true|false|null|yes|no|on|off|~|[\d.+-]+)$/i.test(value) && !value.endsWith(" ");
  return plain ? value : JSON.stringify(value);
}
var flow = (labels) => `[${labels.map(scalar).join(", ")}]`;
var edit = (o, what, note) => o.edit.has(what) ? ` # EDIT: ${note}` : "";
function header(o, what) {
  const pinned = /^[0-9a-f]{40}$/.test(o.pin.ref) ? `pinned to commit ${o.pin.ref}${o.pin.version ? ` (${o.pin.version})` : ""}` : `at ${o.pin.ref}`;
  return [
    `# ${what}`,
    `# Written by \`optimization-gate init\`: runs the optimization-gate action (${pinned}) on your own runners.`,
    "# Edit freely; `npx optimization-gate init --force` writes it again (e.g. for a newer release)."
  ].join("\n");
}
function matrix(o, sets, indent, note = "the labels of your runner(s), one list per runner") {
  return `${indent}strategy:
${indent}  fail-fast: false
${indent}  matrix:
${indent}    runner: [${sets.map(flow).join(", ")}]${edit(o, "runners", note)}
${indent}runs-on: \${{ matrix.runner }}`;
}
function setupStep(o) {
  const lines = ["      - name: Set up the pipeline", `        uses: ${usesLine("/setup-pipeline", o.pin)}`, "        with:"];
  if (o.pythonVersion) lines.push(`          python-version: ${scalar(o.pythonVersion)}`);
  if (o.venv) lines.push(`          venv: ${scalar(o.venv)}`);
  if (o.installCommand) lines.push(`          install-command: ${scalar(o.installCommand)}${edit(o, "install", "how your pipeline is installed")}`);
  lines.push("          export-env: ${{ secrets.OPTIMIZATION_GATE_ENV }} # NAME=value lines (API keys), masked in the log");
  if (o.workingDirectory) lines.push(`          working-directory: ${scalar(o.workingDirectory)}`);
  return lines.join("\n");
}
function pipelineInputs(o) {
  const lines = [`          profile-command: ${scalar(o.profileCommand)}${edit(o, "profile", "the pipeline run to profile")}`];
  if (o.experimentCommand) {
    lines.push(`          experiment-command: ${scalar(o.experimentCommand)}${edit(o, "experiment", "the eval run, or remove these two lines")}`);
    lines.push(`          experiment-output: ${scalar(o.experimentOutput ?? "")}${edit(o, "experiment", "where the eval run writes metrics.json")}`);
  }
  if (o.datasetId) lines.push(`          dataset-id: ${scalar(o.datasetId)}`);
  if (o.pipelineConfig.length > 0) lines.push(`          pipeline-config: |
${o.pipelineConfig.map((p) => `            ${p}`).join("\n")}`);
  if (o.workingDirectory) lines.push(`          working-directory: ${scalar(o.workingDirectory)}`);
  lines.push(
    "          artifact-name: optimization-gate-${{ join(matrix.runner, '-') }}",
    "          # Baselines are kept per runner label set (never per runner name: ephemeral runners change it).",
    "          runner-key: ${{ join(matrix.runner, '-') }}"
  );
  return lines;
}
function measureStep(o, mode, extra) {
  return [
    `      - name: ${mode === "gate" ? "Measure and compare" : "Measure, compare with the previous baseline, store"}`,
    `        uses: ${usesLine("", o.pin)}`,
    "        with:",
    `          mode: ${mode}`,
    ...extra,
    ...pipelineInputs(o)
  ].join("\n");
}
function verdictJob(o, permissions, aggregate, before = [], condition = "!cancelled()") {
  return [
    "  verdict:",
    "    name: verdict",
    "    needs: measure",
    `    if: \${{ ${condition} }}`,
    "    # Reads the runners' artifacts and comments; the first label set runs it.",
    matrix(o, [o.runners[0] ?? ["self-hosted"]], "    ", "the labels of one of your runners"),
    "    timeout-minutes: 15",
    "    permissions:",
    ...permissions.map((p) => `      ${p}`),
    "    steps:",
    ...before,
    "      - name: Combine the runners' verdicts",
    `        uses: ${usesLine("", o.pin)}`,
    "        with:",
    "          mode: aggregate",
    ...aggregate,
    "",
    "      # A runner whose job failed may have left no verdict: never let that pass silently.",
    "      - name: Fail when a measuring job failed",
    "        if: ${{ !cancelled() && needs.measure.result == 'failure' }}",
    "        run: |",
    '          echo "::error title=optimization-gate::At least one measuring job failed; see its log. The verdict above does not cover that runner."',
    "          exit 1"
  ].join("\n");
}
var DISPATCH_TRIGGER = `on:
  workflow_dispatch:
    inputs:
      issue-number:
        description: Optimization issue number
        required: true
        type: string
      candidate-ref:
        description: Candidate branch, SHA or refs/pull/N/head (empty for the branch chosen above)
        required: false
        type: string
        default: ""
`;
function measureJob(o, permissions, comment = []) {
  return [
    "  measure:",
    "    name: measure (${{ join(matrix.runner, ' ') }})",
    ...comment,
    matrix(o, o.runners, "    "),
    "    timeout-minutes: 120",
    "    permissions:",
    ...permissions.map((p) => `      ${p}`)
  ].join("\n");
}
var ACTIONS_READ = `actions: read # the runners' artifacts of every attempt of this run ("Re-run failed jobs" keeps the others)`;
function renderPrGate(o) {
  const ref = o.baseline === "ref";
  const baseline = ref ? ["          baseline: ref:${{ github.base_ref }} # measured in the same job; drop this line once the refresh has stored baselines"] : o.baseline === "stored" ? [] : [`          baseline: ${scalar(o.baseline)}`];
  return `${header(o, "Optimization gate: measure each pull request and gate it on the thresholds of its optimization issue.")}
# The pull request links its issue ("Closes #123" or "#123" in its body, or a branch named issue-123-...).
# Make "verdict" a required status check to make the gate binding.
name: Optimization gate

on:
  pull_request:
    branches: [${scalar(o.defaultBranch)}]
    types: [opened, synchronize, reopened, ready_for_review]

permissions: {}

# A new push supersedes the measurement of the previous one.
concurrency:
  group: optimization-gate-pr-\${{ github.event.pull_request.number }}
  cancel-in-progress: true

jobs:
${measureJob(o, ["contents: read", "issues: read # the thresholds live in the issue body", "pull-requests: read", "actions: read # `baseline: artifact` and the cache fallback read the refresh run's artifact"], [
    "    # Drafts are measured once ready for review. A fork's code never runs on these runners: the verdict",
    "    # job below refuses such a pull request.",
    "    if: ${{ !github.event.pull_request.draft && github.event.pull_request.head.repo.full_name == github.repository }}"
  ])}
    steps:
      - name: Check out the pull request
        uses: actions/checkout@v5
        with:
          fetch-depth: ${ref ? "0 # the base branch is measured from a worktree, which needs the history" : "1"}
          persist-credentials: false

${setupStep(o)}

      # Compares with this runner's baseline; the verdict job decides and comments once for all runners.
${measureStep(o, "gate", [...baseline, ...o.repeat ? [`          repeat: ${scalar(o.repeat)}`] : [], "          fail-on: never", "          comment: none"])}

${verdictJob(o, ["issues: read", "pull-requests: write # the sticky comment on the pull request", ACTIONS_READ], ["          comment: pr", "          fail-on: reject"], [
    "      # No code of a fork is checked out here: this only says why nothing was measured.",
    "      - name: Refuse a pull request from a fork",
    "        if: ${{ needs.measure.result == 'skipped' }}",
    "        run: |",
    '          echo "::error title=optimization-gate: fork pull request refused::Pull requests from forks are not measured: their code would run on your runner. Review the change and run the Optimization measurement workflow on refs/pull/<number>/head."',
    "          exit 1",
    ""
  ], "!cancelled() && !github.event.pull_request.draft")}
`;
}
function renderDispatch(o) {
  return `${header(o, "Optimization measurement: measure a candidate for an issue and post the comparison on the issue.")}
# Run it from the Actions tab with the issue number.
name: Optimization measurement

${DISPATCH_TRIGGER}
permissions: {}

# Measurements of one issue and candidate queue rather than cancel each other: each is a record.
concurrency:
  group: optimization-gate-dispatch-\${{ inputs.issue-number }}-\${{ inputs.candidate-ref || github.ref }}
  cancel-in-progress: false

jobs:
${measureJob(o, ["contents: read", "issues: read # the thresholds live in the issue body", "actions: read"])}
    steps:
      # Whoever dispatches chooses the candidate (dispatching needs write access); review a fork's
      # pull-request head before measuring it: its code runs on your runner.
      - name: Check out the candidate
        uses: actions/checkout@v5
        with:
          ref: \${{ inputs.candidate-ref }}
          fetch-depth: 0 # the default branch is measured from a worktree, which needs the history
          persist-credentials: false

${setupStep(o)}

${measureStep(o, "gate", [
    "          issue-number: ${{ inputs.issue-number }}",
    "          baseline: ref:${{ github.event.repository.default_branch }}",
    ...o.repeat ? [`          repeat: ${scalar(o.repeat)}`] : [],
    "          fail-on: never",
    "          comment: none"
  ])}

${verdictJob(o, ["issues: write # the report comment on the issue", ACTIONS_READ], ["          issue-number: ${{ inputs.issue-number }}", "          comment: issue", "          fail-on: reject"])}
`;
}
function renderRefresh(o) {
  return `${header(o, "Optimization baseline refresh: measure the default branch nightly and store it as each runner's baseline.")}
# What the PR gate compares with when its baseline is the stored one. Drift beyond the bound below is
# reported on the open issue labelled optimization-gate-drift (opened on the first drift).
name: Optimization baseline refresh

on:
  schedule:
    - cron: ${scalar(o.schedule)}
  workflow_dispatch: {}

permissions: {}

# Refreshes queue: each stores a baseline, none may be cut off half-way.
concurrency:
  group: optimization-gate-refresh-\${{ github.ref }}
  cancel-in-progress: false

jobs:
${measureJob(o, ["contents: read", "issues: write # drift is reported on (or opens) the tracking issue", "actions: read"])}
    steps:
      - name: Check out
        uses: actions/checkout@v5
        with:
          persist-credentials: false

${setupStep(o)}

${measureStep(o, "baseline", [
    ...o.repeat ? [`          repeat: ${scalar(o.repeat)}`] : [],
    "          thresholds: |",
    "            thresholds:",
    '              profile.totals.wall_time_s: "<= +10%"',
    '              profile.totals.peak_rss_mb: "<= +10%"',
    "          fail-on: never",
    "          comment: issue"
  ])}

${verdictJob(o, [ACTIONS_READ], ["          comment: none", "          fail-on: never"])}
`;
}

// src/cli/init-reusable.ts
import { readFileSync as readFileSync2 } from "node:fs";
import { join as join3 } from "node:path";
var REUSABLE = {
  "pr-gate": { source: "optimization-pr-gate.yml", copy: "reusable-optimization-pr-gate.yml" },
  dispatch: { source: "optimization-dispatch.yml", copy: "reusable-optimization-dispatch.yml" },
  refresh: { source: "baseline-refresh.yml", copy: "reusable-baseline-refresh.yml" }
};
var USES = new RegExp(`uses: ${ACTION_REPO.replace("/", "\\/")}(\\/setup-pipeline)?@[^\\s#]+( #[^\\n]*)?`, "g");
function pinReusable(text, pin, note) {
  const pinned = text.replace(USES, (_all, path) => `uses: ${usesLine(path === "/setup-pipeline" ? "/setup-pipeline" : "", pin)}`);
  return `# ${note}
${pinned}`;
}
function reusableCopies(root, pin, which) {
  const note = `Copied by \`optimization-gate init --reusable\` from optimization-gate${pin.version ? ` ${pin.version}` : ""}; callers use it by local path (same repository, so your self-hosted runners may run it).`;
  return which.map((w) => ({
    path: `.github/workflows/${REUSABLE[w].copy}`,
    text: pinReusable(readFileSync2(join3(root, ".github", "workflows", REUSABLE[w].source), "utf8"), pin, note)
  }));
}
function pipelineWith(o) {
  const lines = [`      runners: ${scalar(JSON.stringify(o.runners))}`];
  if (o.pythonVersion) lines.push(`      python-version: ${scalar(o.pythonVersion)}`);
  if (o.venv) lines.push(`      venv: ${scalar(o.venv)}`);
  if (o.installCommand) lines.push(`      install-command: ${scalar(o.installCommand)}`);
  lines.push(`      profile-command: ${scalar(o.profileCommand)}`);
  if (o.experimentCommand) lines.push(`      experiment-command: ${scalar(o.experimentCommand)}`, `      experiment-output: ${scalar(o.experimentOutput ?? "")}`);
  if (o.datasetId) lines.push(`      dataset-id: ${scalar(o.datasetId)}`);
  if (o.pipelineConfig.length > 0) lines.push(`      pipeline-config: |
${o.pipelineConfig.map((p) => `        ${p}`).join("\n")}`);
  if (o.repeat) lines.push(`      repeat: ${JSON.stringify(o.repeat)}`);
  if (o.workingDirectory) lines.push(`      working-directory: ${scalar(o.workingDirectory)}`);
  return lines;
}
var SECRETS = "    secrets:\n      pipeline-env: ${{ secrets.OPTIMIZATION_GATE_ENV }} # NAME=value lines (API keys), masked in the log";
function callerPrGate(o) {
  const baseline = o.baseline === "ref" ? ["      baseline: ref:${{ github.base_ref }} # drop once the refresh has stored baselines"] : o.baseline === "stored" ? [] : [`      baseline: ${scalar(o.baseline)}`];
  return `# Optimization gate: calls ./.github/workflows/${REUSABLE["pr-gate"].copy} (written by \`optimization-gate init --reusable\`).
# Make "gate / verdict" a required status check to make the gate binding.
name: Optimization gate

on:
  pull_request:
    branches: [${scalar(o.defaultBranch)}]
    types: [opened, synchronize, reopened, ready_for_review]

permissions: {}

jobs:
  gate:
    if: \${{ !github.event.pull_request.draft }}
    # The most the called workflow's jobs may use; each asks for less.
    permissions:
      contents: read
      issues: read
      pull-requests: write
      actions: read
    uses: ./.github/workflows/${REUSABLE["pr-gate"].copy}
    with:
${[...pipelineWith(o), ...baseline].join("\n")}
${SECRETS}
`;
}
function callerDispatch(o) {
  return `# Optimization measurement: calls ./.github/workflows/${REUSABLE.dispatch.copy} (written by \`optimization-gate init --reusable\`).
name: Optimization measurement

${DISPATCH_TRIGGER}
permissions: {}

jobs:
  measure:
    permissions:
      contents: read
      issues: write
      actions: read
    uses: ./.github/workflows/${REUSABLE.dispatch.copy}
    with:
      issue-number: \${{ inputs.issue-number }}
      candidate-ref: \${{ inputs.candidate-ref }}
${pipelineWith(o).join("\n")}
${SECRETS}
`;
}
function callerRefresh(o) {
  return `# Optimization baseline refresh: calls ./.github/workflows/${REUSABLE.refresh.copy} (written by \`optimization-gate init --reusable\`).
name: Optimization baseline refresh

on:
  schedule:
    - cron: ${scalar(o.schedule)}
  workflow_dispatch: {}

permissions: {}

jobs:
  refresh:
    permissions:
      contents: read
      issues: write
      actions: read
    uses: ./.github/workflows/${REUSABLE.refresh.copy}
    with:
${pipelineWith(o).join("\n")}
${SECRETS}
`;
}

// src/cli/init.ts
var NAME4 = "init";
var SYNOPSIS5 = "--profile-command CMD [--runner LABELS\u2026] [--install-command CMD] [--experiment-command CMD --experiment-output DIR] [options]";
var OPTIONS4 = {
  dir: { type: "string", default: ".", description: "root of your repository (a git checkout)" },
  runner: { type: "list", description: "labels of a runner, comma separated (default self-hosted,linux); repeat for several runners" },
  "profile-command": { type: "string", description: "the pipeline command to profile (required)" },
  "install-command": { type: "string", description: "shell command that installs the pipeline" },
  "python-version": { type: "string", description: "Python for actions/setup-python (default: the runner's python3)" },
  venv: { type: "string", description: "virtualenv directory, cached between runs" },
  "experiment-command": { type: "string", description: "the eval command that writes metrics.json" },
  "experiment-output": { type: "string", description: "where the eval command writes its outputs" },
  baseline: { type: "string", default: "ref", description: "PR gate baseline: ref (the base branch, measured in the job), stored (the refresh's), or a source as the action takes it" },
  "dataset-id": { type: "string", description: "dataset id (part of the baseline key)" },
  "pipeline-config": { type: "list", description: "files whose content is part of the baseline key" },
  repeat: { type: "string", description: "measured runs per side" },
  "working-directory": { type: "string", description: "directory the commands run in" },
  schedule: { type: "string", default: "17 3 * * *", description: "cron of the baseline refresh" },
  "default-branch": { type: "string", description: "branch the PR gate guards (default: the repository's)" },
  workflows: { type: "string", default: "pr-gate,dispatch,refresh", description: "which workflows to write" },
  reusable: { type: "boolean", description: "write the reusable workflows and thin callers (same-org use)" },
  "starter-templates": { type: "boolean", description: "write an organization's workflow-templates/ (for its .github repository)" },
  "ref-style": { type: "string", default: "sha", description: "sha (pin a commit, the version in a comment) or tag" },
  "action-ref": { type: "string", description: "commit SHA (or tag with --ref-style tag) of optimization-gate to use" },
  "action-version": { type: "string", description: "the version --action-ref stands for (written beside the SHA)" },
  "dry-run": { type: "boolean", description: "print what would be written; write nothing" },
  force: { type: "boolean", description: "overwrite existing files" },
  help: { type: "boolean", description: "show this help" }
};
var WORKFLOWS = ["pr-gate", "dispatch", "refresh"];
var FILE = { "pr-gate": "optimization-pr-gate.yml", dispatch: "optimization-dispatch.yml", refresh: "optimization-baseline-refresh.yml" };
var PLACEHOLDERS = {
  profile: "python -m your_pipeline --config config/pipeline.yaml",
  install: "pip install -r requirements.txt",
  experiment: "python -m your_pipeline.eval --out out/eval",
  experimentOutput: "out/eval"
};
var TEMPLATE_PROPERTIES = {
  "pr-gate": {
    name: "optimization-gate: PR gate",
    description: "Measure a pull request's ML/LLM pipeline (quality, cost, per-stage time and memory) on your own runners and gate it on the thresholds written on its optimization issue."
  },
  dispatch: {
    name: "optimization-gate: measure for an issue",
    description: "Measure a candidate against the default branch on your own runners and post the comparison on the optimization issue."
  },
  refresh: {
    name: "optimization-gate: baseline refresh",
    description: "Measure the default branch nightly on each runner and store it as the PR gate's baseline; report drift on a tracking issue."
  }
};
function templateProperties(which) {
  const p = TEMPLATE_PROPERTIES[which];
  const json = { ...p, creator: "optimization-gate", iconName: "octicon graph", categories: ["Python", "Continuous integration"], filePatterns: ["requirements.*\\.txt$", "pyproject\\.toml$", "setup\\.py$"] };
  return `${JSON.stringify(json, null, 2)}
`;
}
function git(dir, args) {
  try {
    return execFileSync("git", args, { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim() || void 0;
  } catch {
    return void 0;
  }
}
function defaultBranchOf(dir) {
  return git(dir, ["symbolic-ref", "--short", "refs/remotes/origin/HEAD"])?.replace(/^origin\//, "") ?? git(dir, ["symbolic-ref", "--short", "HEAD"]) ?? "main";
}
function planInit(args, root = packageRoot()) {
  const { options: o, positionals } = parseCliArgs(NAME4, OPTIONS4, args);
  if (positionals.length > 0) throw new UserError(`${NAME4}: unexpected argument "${positionals[0]}"`, [usage(NAME4, SYNOPSIS5, OPTIONS4)]);
  const dir = resolve3(o.dir);
  const templates = o["starter-templates"];
  if (!existsSync2(join4(dir, ".git"))) throw new UserError(`${NAME4}: ${dir} is not the root of a git repository; run init there (or pass --dir)`);
  const style = o["ref-style"];
  if (style !== "sha" && style !== "tag") throw new UserError(`${NAME4}: --ref-style expects sha or tag, got "${style}"`);
  const which = o.workflows.split(",").map((w) => w.trim()).filter((w) => w !== "");
  const unknown = which.filter((w) => !WORKFLOWS.includes(w));
  if (which.length === 0 || unknown.length > 0) throw new UserError(`${NAME4}: --workflows expects a comma-separated list of ${WORKFLOWS.join(", ")}, got "${o.workflows}"`);
  if (o.reusable && templates) throw new UserError(`${NAME4}: --reusable and --starter-templates do not go together (templates are self-contained)`);
  if (!templates && o["profile-command"] === void 0) {
    throw new UserError(`${NAME4}: --profile-command is required: the pipeline run to profile, e.g. --profile-command "${PLACEHOLDERS.profile}"`);
  }
  if (o["experiment-command"] === void 0 !== (o["experiment-output"] === void 0) && !templates) {
    throw new UserError(`${NAME4}: --experiment-command and --experiment-output go together (the eval run and where it writes metrics.json)`);
  }
  if (o.repeat !== void 0 && !/^\d+$/.test(o.repeat)) throw new UserError(`${NAME4}: --repeat expects a whole number, got "${o.repeat}"`);
  const runners = (o.runner.length > 0 ? o.runner : ["self-hosted,linux"]).map((set) => set.split(",").map((l) => l.trim()).filter((l) => l !== ""));
  if (runners.some((set) => set.length === 0 || set.some((l) => !/^[\w.-]+$/.test(l)))) {
    throw new UserError(`${NAME4}: --runner expects runner labels separated by commas (letters, digits, . _ -), got ${JSON.stringify(o.runner)}`);
  }
  const pin = resolveActionPin(style, { ...o["action-ref"] ? { ref: o["action-ref"] } : {}, ...o["action-version"] ? { version: o["action-version"] } : {} }, readReleaseInfo(root));
  const placeholder = (given, fallback) => given !== void 0 ? given : fallback;
  const options = {
    runners,
    defaultBranch: templates ? "$default-branch" : o["default-branch"] ?? defaultBranchOf(dir),
    ...o["python-version"] ? { pythonVersion: o["python-version"] } : {},
    ...o.venv || templates ? { venv: placeholder(o.venv, ".venv") } : {},
    ...o["install-command"] || templates ? { installCommand: placeholder(o["install-command"], PLACEHOLDERS.install) } : {},
    profileCommand: placeholder(o["profile-command"], PLACEHOLDERS.profile),
    ...o["experiment-command"] || templates ? { experimentCommand: placeholder(o["experiment-command"], PLACEHOLDERS.experiment), experimentOutput: placeholder(o["experiment-output"], PLACEHOLDERS.experimentOutput) } : {},
    baseline: o.baseline,
    ...o["dataset-id"] ? { datasetId: o["dataset-id"] } : {},
    pipelineConfig: o["pipeline-config"],
    ...o.repeat ? { repeat: o.repeat } : {},
    ...o["working-directory"] ? { workingDirectory: o["working-directory"] } : {},
    schedule: o.schedule,
    pin,
    edit: /* @__PURE__ */ new Set()
  };
  if (templates) {
    if (o.runner.length === 0) options.edit.add("runners");
    if (!o["install-command"]) options.edit.add("install");
    if (!o["profile-command"]) options.edit.add("profile");
    if (!o["experiment-command"]) options.edit.add("experiment");
  }
  const chosen = which;
  const files = [];
  const render = { "pr-gate": renderPrGate, dispatch: renderDispatch, refresh: renderRefresh };
  const callers = { "pr-gate": callerPrGate, dispatch: callerDispatch, refresh: callerRefresh };
  for (const w of chosen) {
    if (templates) {
      files.push({ path: `workflow-templates/${FILE[w]}`, text: render[w](options) }, { path: `workflow-templates/${FILE[w].replace(/\.yml$/, ".properties.json")}`, text: templateProperties(w) });
    } else {
      files.push({ path: `.github/workflows/${FILE[w]}`, text: (o.reusable ? callers : render)[w](options) });
    }
  }
  if (o.reusable) files.push(...reusableCopies(root, pin, chosen));
  return { files, options, which: chosen, reusable: o.reusable, dir, dryRun: o["dry-run"], force: o.force };
}
function nextSteps(plan, templates) {
  if (templates) {
    return [
      "Next: commit workflow-templates/ to your organization's .github repository; the workflows then appear under",
      "Actions \u2192 New workflow in its repositories. Lines marked EDIT are what each repository adapts."
    ].join("\n");
  }
  const labels = plan.options.runners.map((set) => set.join(", ")).join(" | ");
  const gate = plan.which.includes("pr-gate");
  return [
    "Next:",
    `1. A runner: register a self-hosted runner (v2.327.1 or later, for the action's Node 24) with the labels ${labels}`,
    "   (repository or organization Settings \u2192 Actions \u2192 Runners). One runner agent per machine.",
    "2. Thresholds: write them on the optimization issue in an ```optimization-gate block (only authors with write access are trusted).",
    "3. Secrets: if the pipeline calls paid APIs, add the repository secret OPTIMIZATION_GATE_ENV (NAME=value lines).",
    "4. Organization policy: if Actions are restricted to allowed actions, allow optimization-gate/optimization-gate/* (Settings \u2192 Actions \u2192 General).",
    `5. Commit and push ${plan.files.map((f) => f.path).join(", ")}.`,
    ...gate ? [`6. Make "${plan.reusable ? "gate / verdict" : "verdict"}" a required status check on ${plan.options.defaultBranch} (branch protection or a ruleset).`] : [],
    ...plan.which.includes("refresh") ? ["7. Run the baseline refresh once by hand (Actions \u2192 Optimization baseline refresh \u2192 Run workflow): the PR gate can then use stored baselines."] : [],
    "Details: docs/github-setup.md of optimization-gate."
  ].join("\n");
}
var initCommand = {
  summary: "write the workflows (PR gate, dispatch, nightly refresh) into your repository, pinned to a release",
  run(args) {
    if (args.includes("--help")) {
      console.log(usage(NAME4, SYNOPSIS5, OPTIONS4));
      return Promise.resolve(0);
    }
    const plan = planInit(args);
    const templates = args.includes("--starter-templates");
    const existing = plan.files.filter((f) => existsSync2(join4(plan.dir, f.path)));
    if (plan.dryRun) {
      for (const f of plan.files) console.log(`--- ${f.path}${existsSync2(join4(plan.dir, f.path)) ? " (exists: --force to overwrite)" : ""}
${f.text}`);
      console.log(`(dry run: nothing written)

${nextSteps(plan, templates)}`);
      return Promise.resolve(0);
    }
    if (existing.length > 0 && !plan.force) {
      throw new UserError(`${NAME4}: not overwriting ${existing.map((f) => f.path).join(", ")}`, ["pass --force to overwrite them, or --dry-run to see what would be written"]);
    }
    for (const f of plan.files) {
      const path = join4(plan.dir, f.path);
      mkdirSync2(dirname2(path), { recursive: true });
      writeFileSync2(path, f.text);
      console.log(`wrote ${f.path}`);
    }
    if (plan.reusable) console.log(`(the reusable workflows are ${Object.values(REUSABLE).map((r) => r.copy).join(", ")}; the callers use them by local path)`);
    console.log(`
${nextSteps(plan, templates)}`);
    return Promise.resolve(0);
  }
};

// src/cli/commands.ts
var COMMANDS = {
  freeze: freezeCommand,
  thresholds: thresholdsCommand,
  diff: diffCommand,
  gate: gateCommand,
  init: initCommand
};

// src/cli/index.ts
var EXIT_OK3 = 0;
var EXIT_USER_ERROR3 = 2;
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
    return name === void 0 ? EXIT_USER_ERROR3 : EXIT_OK3;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`optimization-gate: unknown command "${name}"

${help()}`);
    return EXIT_USER_ERROR3;
  }
  try {
    return await command.run(args);
  } catch (error) {
    if (isUserError(error)) {
      console.error(`optimization-gate ${name}: ${error.message}`);
      return EXIT_USER_ERROR3;
    }
    console.error(`optimization-gate ${name}: internal error (please report): ${errorMessage(error)}`);
    if (error instanceof Error && error.stack) console.error(error.stack);
    return EXIT_INTERNAL_ERROR;
  }
}

// src/cli.ts
process.exitCode = await runCli(process.argv.slice(2));

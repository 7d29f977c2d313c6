import { createRequire as __ogCreateRequire } from 'node:module'; const require = __ogCreateRequire(import.meta.url);
import {
  FAIL_ON_VALUES,
  MAX_RUNS_TO_SUGGEST,
  pooledSd,
  runsForDistance
} from "./chunk-YZL56MGZ.js";
import {
  readCost
} from "./chunk-742Z77HY.js";
import {
  DEFAULT_INTERVAL_OPTIONS,
  expandMetricPattern,
  lookupSide
} from "./chunk-PXPRD6OG.js";
import {
  formatValue,
  metricUnit
} from "./chunk-IVBWKPMQ.js";
import {
  maxOf,
  median
} from "./chunk-LM6Q56WD.js";
import {
  DEFAULT_REFRESH_WORKFLOWS,
  Inputs
} from "./chunk-SCLIXMJC.js";
import {
  UserError
} from "./chunk-LDP73T3D.js";

// src/inputs/config.ts
var MODES = ["gate", "baseline", "measure", "aggregate", "command"];
var DEFAULT_REPEAT = 5;
var DEFAULT_MEASURE_REPEAT = 1;
var DEFAULT_CONFIRM_RUNS = 6;
function isRepoFolder(path) {
  if (path.length === 0 || path.length > 200) return false;
  const segments = path.split("/");
  return segments.every((s) => /^(?:[A-Za-z0-9._-]|\{issue\})+$/.test(s) && s !== "." && s !== "..") && ![".git", ".github"].includes(segments[0] ?? "");
}
var STAGES_PATTERN = /^(auto|events|none|status-file:.+|metrics:.+)$/;
var InputErrors = class {
  list = [];
  add(input, expected, got) {
    this.list.push(`input '${input}': expected ${expected}, got ${got === "" ? "an empty value" : `"${got}"`}`);
  }
};
function oneOf(errors, name, raw, allowed) {
  if (allowed.includes(raw)) return raw;
  errors.add(name, `one of ${allowed.join(" | ")}`, raw);
  return allowed[0];
}
function wholeNumber(errors, name, raw, min, max) {
  const value = Number(raw);
  if (raw === "" || !Number.isInteger(value) || value < min || value > max) {
    errors.add(name, `a whole number from ${min} to ${max}`, raw);
    return min;
  }
  return value;
}
function positiveNumber(errors, name, raw, min, max) {
  const value = Number(raw);
  if (raw === "" || !Number.isFinite(value) || value < min || value > max) {
    errors.add(name, `a number from ${min} to ${max}`, raw);
    return min;
  }
  return value;
}
function maxCost(errors, raw) {
  const value = readCost(raw);
  if (value === void 0) errors.add(Inputs.MaxCostUsd, "a budget in US dollars, e.g. 2.50 or $2.50", raw);
  return value ?? 0;
}
function bool(errors, name, raw) {
  if (["true", "True", "TRUE"].includes(raw)) return true;
  if (["false", "False", "FALSE", ""].includes(raw)) return false;
  errors.add(name, "true or false", raw);
  return false;
}
function parseBaseline(errors, raw) {
  if (raw === "") return { kind: "auto" };
  if (raw === "cache") return { kind: "cache" };
  if (raw === "artifact") return { kind: "artifact" };
  if (raw.startsWith("ref:")) {
    const ref = raw.slice(4).trim();
    if (ref === "" || ref.startsWith("-") || /[\s~^:?*[\\]/.test(ref)) {
      errors.add(Inputs.Baseline, "ref:<git ref> with a valid ref name", raw);
    }
    return { kind: "ref", ref };
  }
  if (raw.startsWith("-") || raw.includes("\0")) errors.add(Inputs.Baseline, "a repository path, cache, artifact or ref:<git ref>", raw);
  return { kind: "path", path: raw };
}
function parseComment(errors, raw) {
  const parts = raw.split(",").map((p) => p.trim()).filter((p) => p !== "");
  if (parts.length === 1 && parts[0] === "none") return { issue: false, pr: false };
  const bad = parts.filter((p) => p !== "issue" && p !== "pr");
  if (parts.length === 0 || bad.length > 0) {
    errors.add(Inputs.Comment, "issue,pr | issue | pr | none", raw);
    return { issue: false, pr: false };
  }
  return { issue: parts.includes("issue"), pr: parts.includes("pr") };
}
function parseIssueNumber(errors, raw) {
  if (raw === "") return void 0;
  const value = Number(raw.replace(/^#/, ""));
  if (!Number.isInteger(value) || value < 1) {
    errors.add(Inputs.IssueNumber, "an issue number such as 123", raw);
    return void 0;
  }
  return value;
}
function parseRefreshWorkflows(errors, raw) {
  const names = (raw || DEFAULT_REFRESH_WORKFLOWS.join(",")).split(/[,\n]/).map((n) => n.trim()).filter((n) => n !== "");
  if (names.length === 0 || names.some((n) => !/^[\w.-]+\.ya?ml$/.test(n))) {
    errors.add(Inputs.RefreshWorkflows, "workflow file names such as optimization-baseline-refresh.yml (comma separated, no folders)", raw);
  }
  return names;
}
function optional(raw) {
  return raw === "" ? void 0 : raw;
}
function readActionConfig(read) {
  const errors = new InputErrors();
  const mode = oneOf(errors, Inputs.Mode, read(Inputs.Mode) || "gate", MODES);
  const profileMode = oneOf(errors, Inputs.ProfileMode, read(Inputs.ProfileMode) || "native", ["native", "external"]);
  const stages = read(Inputs.Stages) || "auto";
  if (!STAGES_PATTERN.test(stages)) errors.add(Inputs.Stages, "auto | events | none | status-file:PATH | metrics:PATH", stages);
  const runnerKey = read(Inputs.RunnerKey);
  if (runnerKey !== "" && !/^[\w.-]{1,80}$/.test(runnerKey)) errors.add(Inputs.RunnerKey, "letters, digits and . _ - (the job's runner labels joined by -)", runnerKey);
  const repeatRaw = read(Inputs.Repeat);
  const config = {
    issueNumber: parseIssueNumber(errors, read(Inputs.IssueNumber)),
    mode,
    experimentCommand: optional(read(Inputs.ExperimentCommand)),
    experimentOutput: optional(read(Inputs.ExperimentOutput)),
    profileCommand: optional(read(Inputs.ProfileCommand)),
    profileMode,
    containment: oneOf(errors, Inputs.Containment, read(Inputs.Containment) || "auto", ["auto", "cgroup", "none"]),
    profileOutput: optional(read(Inputs.ProfileOutput)),
    stages,
    datasetId: read(Inputs.DatasetId) || "default",
    pipelineConfig: read(Inputs.PipelineConfig).split("\n").map((l) => l.trim()).filter((l) => l !== ""),
    baseline: parseBaseline(errors, read(Inputs.Baseline)),
    baselineEval: optional(read(Inputs.BaselineEval)),
    repeat: repeatRaw === "" ? void 0 : wholeNumber(errors, Inputs.Repeat, repeatRaw, 1, 50),
    warmup: wholeNumber(errors, Inputs.Warmup, read(Inputs.Warmup) || "1", 0, 10),
    confirmRuns: wholeNumber(errors, Inputs.ConfirmRuns, read(Inputs.ConfirmRuns) || String(DEFAULT_CONFIRM_RUNS), 0, 20),
    ...read(Inputs.MaxCostUsd) !== "" ? { maxCostUsd: maxCost(errors, read(Inputs.MaxCostUsd)) } : {},
    sampleInterval: positiveNumber(errors, Inputs.SampleInterval, read(Inputs.SampleInterval) || "0.5", 0.05, 60),
    thresholds: read(Inputs.Thresholds),
    failOn: oneOf(errors, Inputs.FailOn, read(Inputs.FailOn) || "reject", FAIL_ON_VALUES),
    comment: parseComment(errors, read(Inputs.Comment) || "issue,pr"),
    artifactName: read(Inputs.ArtifactName) || "optimization-gate",
    retentionDays: wholeNumber(errors, Inputs.RetentionDays, read(Inputs.RetentionDays) || "0", 0, 400),
    workingDirectory: read(Inputs.WorkingDirectory) || ".",
    timeoutMinutes: positiveNumber(errors, Inputs.TimeoutMinutes, read(Inputs.TimeoutMinutes) || "60", 0.01, 24 * 60),
    allowForkPrs: bool(errors, Inputs.AllowForkPrs, read(Inputs.AllowForkPrs)),
    ...runnerKey !== "" ? { runnerKey } : {},
    token: read(Inputs.Token),
    refreshWorkflows: parseRefreshWorkflows(errors, read(Inputs.RefreshWorkflows)),
    dispatchWorkflow: read(Inputs.DispatchWorkflow) || "optimization-dispatch.yml",
    promoteProfilesDir: read(Inputs.PromoteProfilesDir) || "data/profiles/issue-{issue}",
    promoteEvalDir: read(Inputs.PromoteEvalDir) || "data/eval/issue-{issue}"
  };
  for (const [input, value] of [
    [Inputs.PromoteProfilesDir, config.promoteProfilesDir],
    [Inputs.PromoteEvalDir, config.promoteEvalDir]
  ]) {
    if (!isRepoFolder(value)) errors.add(input, "a folder of the repository such as data/profiles/issue-{issue} (relative, letters, digits, . _ - and {issue}; no .. , .git or .github)", value);
  }
  if (!/^[\w.-]+\.ya?ml$/.test(config.dispatchWorkflow)) {
    errors.add(Inputs.DispatchWorkflow, "a workflow file name such as optimization-dispatch.yml (no folders)", config.dispatchWorkflow);
  }
  if (/[\\/"':<>|*?\r\n]/.test(config.artifactName)) {
    errors.add(Inputs.ArtifactName, 'a name without / \\ " : < > | * ? or newlines', config.artifactName);
  }
  if (mode !== "aggregate" && mode !== "command" && !config.profileCommand) {
    errors.add(Inputs.ProfileCommand, `the pipeline command to profile (mode ${mode} measures a run)`, "");
  }
  if (profileMode === "external" && config.profileCommand && !config.profileOutput) {
    errors.add(Inputs.ProfileOutput, "the path where the external freeze writes its profile YAML (profile-mode: external)", "");
  }
  if (config.experimentCommand && !config.experimentOutput) {
    errors.add(Inputs.ExperimentOutput, "the directory where experiment-command writes metrics.json", "");
  }
  if (config.baselineEval !== void 0 && (config.baselineEval.startsWith("-") || config.baselineEval.includes("\0"))) {
    errors.add(Inputs.BaselineEval, "a path or an eval run id of the baseline's eval results", config.baselineEval);
  }
  if (errors.list.length > 0) throw new UserError("invalid action inputs", errors.list);
  return config;
}

// src/compare/statistics/suggest-repeat.ts
var MIN_SUGGESTED_REPEAT = 3;
function need(threshold, metric, values, method) {
  const { rule } = threshold;
  const relative = rule.form === "relative";
  if (relative && !values.every((v) => v > 0)) return void 0;
  const sd = pooledSd([relative ? values.map(Math.log) : values]);
  if (sd === void 0) return void 0;
  const distance = relative ? Math.abs(Math.log1p(rule.value / 100)) : rule.form === "delta" ? Math.abs(rule.value) : Math.abs(median(values) - rule.value);
  const spread = relative ? `${(sd * 100).toFixed(sd < 1e-3 ? 2 : 1)} %` : formatValue(sd, metricUnit(metric));
  const base = { metric, rule: rule.text, spread };
  if (sd === 0) return { ...base, runs: MIN_SUGGESTED_REPEAT };
  if (distance === 0) return { ...base, runs: void 0 };
  const runs = runsForDistance(sd, distance, rule.form === "absolute" ? 1 : 2, method);
  return { ...base, runs: runs > MAX_RUNS_TO_SUGGEST ? void 0 : Math.max(MIN_SUGGESTED_REPEAT, runs) };
}
function suggestRepeat(thresholds, baseline, method = DEFAULT_INTERVAL_OPTIONS.method) {
  if (baseline.length < 2) {
    return {
      repeat: void 0,
      needs: [],
      text: `no repeat: suggestion: the baseline has ${baseline.length === 1 ? "a single run" : "no runs"}, so no spread is known (a baseline refresh with repeat: 5 measures it)`
    };
  }
  const needs = [];
  for (const threshold of thresholds.filter((t) => t.kind === "guardrail")) {
    for (const metric of expandMetricPattern(threshold.metric, baseline)) {
      const side = lookupSide(baseline, metric);
      if (side.numbers.length < 2) continue;
      const found = need(threshold, metric, side.numbers, method);
      if (found) needs.push(found);
    }
  }
  needs.sort((a, b) => (b.runs ?? Infinity) - (a.runs ?? Infinity));
  const decidable = needs.filter((n) => n.runs !== void 0);
  const hopeless = needs.filter((n) => n.runs === void 0);
  const repeat = decidable.length > 0 ? maxOf(decidable.map((n) => n.runs)) : void 0;
  const from = `from the baseline's spread over ${baseline.length} runs`;
  const driver = decidable[0];
  const parts = [
    repeat !== void 0 && driver ? `suggested repeat: ${repeat} (${from}; set by ${driver.metric} ${driver.rule}, SD ${driver.spread}: about ${repeat} runs per side tell an unchanged candidate from its bound)` : `no repeat: suggestion ${from}: no guardrail can be decided within ${MAX_RUNS_TO_SUGGEST} runs`,
    ...hopeless.length > 0 ? [
      `${hopeless.slice(0, 3).map((n) => `${n.metric} ${n.rule} (SD ${n.spread})`).join(", ")}${hopeless.length > 3 ? ` and ${hopeless.length - 3} more` : ""} would need more than ${MAX_RUNS_TO_SUGGEST} runs or has no margin: widen the bound or gate a steadier metric`
    ] : []
  ];
  return { repeat, needs, text: parts.join("; ") };
}

export {
  DEFAULT_REPEAT,
  DEFAULT_MEASURE_REPEAT,
  DEFAULT_CONFIRM_RUNS,
  readActionConfig,
  suggestRepeat
};

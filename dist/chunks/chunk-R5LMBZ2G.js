import { createRequire as __ogCreateRequire } from 'node:module'; const require = __ogCreateRequire(import.meta.url);
import {
  decide,
  passesFailOn,
  runsToDecide,
  spendNote,
  verdictCounts
} from "./chunk-YZL56MGZ.js";
import {
  NONE,
  costTable,
  qualityTable,
  stageTable,
  stageWallChart
} from "./chunk-C5GKOKHT.js";
import {
  evaluateHypotheses,
  hypothesesToJson
} from "./chunk-HWH3RNDA.js";
import {
  ACCEPTED_FORMS,
  describeRule,
  formatProblem
} from "./chunk-742Z77HY.js";
import {
  DEFAULT_INTERVAL_OPTIONS,
  SINGLE_RUN_NOTE,
  changeInterval,
  expandMetricPattern,
  lookupSide,
  valueInterval
} from "./chunk-PXPRD6OG.js";
import {
  formatPercent,
  formatSigned,
  formatValue,
  metricUnit
} from "./chunk-IVBWKPMQ.js";
import {
  renderHypotheses
} from "./chunk-ZAS337DE.js";
import {
  code,
  details,
  escapeInline,
  neutralize,
  table
} from "./chunk-VQL2WWEC.js";
import {
  isObject
} from "./chunk-T4TF7QUX.js";
import {
  median,
  pushAll
} from "./chunk-LM6Q56WD.js";

// src/compare/comparability/dataset.ts
function text(value) {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : void 0;
}
function distinct(values2) {
  return [...new Set(values2.filter((v) => v !== void 0))];
}
function evalDatasets(run2) {
  const context = isObject(run2.fingerprint?.run_context) ? run2.fingerprint.run_context : {};
  return [text(run2.eval?.dataset_id), text(context.dataset_id)];
}
function references(run2) {
  return isObject(run2.eval?.vs_reference) ? Object.keys(run2.eval.vs_reference) : [];
}
var list = (values2) => values2.map((v) => `"${v}"`).join(", ");
function sameRow(field, base, cand, hint) {
  const row2 = { field, baseline: base, candidate: cand };
  if (base.length > 1 || cand.length > 1) {
    const side2 = base.length > 1 ? "baseline" : "candidate";
    row2.mismatch = `${field} differs between the ${side2} runs (${list(side2 === "baseline" ? base : cand)})`;
  } else if (base.length === 1 && cand.length === 1 && base[0] !== cand[0]) {
    row2.mismatch = `${field} differs: baseline ${list(base)} vs candidate ${list(cand)}${hint}`;
  }
  return row2;
}
function checkDatasets(baseline, candidate) {
  const pick = (side2, f) => distinct(side2.runs.flatMap(f));
  const rows = [
    sameRow(
      "profile dataset_id",
      pick(baseline, (r) => [text(r.profile.dataset_id)]),
      pick(candidate, (r) => [text(r.profile.dataset_id)]),
      " (the action writes its `dataset-id` input: set it to the dataset the baseline was measured on)"
    ),
    sameRow("eval dataset_id", pick(baseline, evalDatasets), pick(candidate, evalDatasets), "")
  ];
  const baseRefs = pick(baseline, references);
  const candRefs = pick(candidate, references);
  const refs = { field: "eval references", baseline: baseRefs, candidate: candRefs };
  if (baseRefs.length > 0 && candRefs.length > 0 && !baseRefs.some((r) => candRefs.includes(r))) {
    refs.mismatch = `no common eval reference: baseline scored against ${list(baseRefs)}, candidate against ${list(candRefs)}`;
  }
  rows.push(refs);
  const mismatches = rows.flatMap((r) => r.mismatch ? [`dataset mismatch: ${r.mismatch}`] : []);
  return { comparable: mismatches.length === 0, rows, mismatches };
}

// src/compare/comparability/environment.ts
var NOT_RECORDED = "(not recorded)";
var exact = (v) => v;
var majorMinor = (v) => /^v?(\d+)\.(\d+)/.exec(v)?.slice(1, 3).join(".") ?? v;
var system = (v) => (v.split(/[\s-]/)[0] ?? v).toLowerCase();
var ramBucket = (v) => Number.isFinite(Number(v)) ? String(Math.round(Math.log(Number(v)) / Math.log(1.05))) : v;
var AFFECTING = [
  [/^(device|precision|cpu|cpu_model|gpu|gpu_model)$/, exact, "changes time and memory"],
  [/^cpu_cores_(physical|logical)$/, exact, "core count changes parallel time"],
  [/^ram_total_gb$/, ramBucket, "RAM size changes memory pressure"],
  [/^os$/, system, "another OS changes time and memory"],
  [/^python$/, majorMinor, "another major.minor interpreter version"],
  [/^library_versions\.[^.]+$/, majorMinor, "another major.minor library version"],
  [/^fingerprint\.runtime\.(device|device_name)$/, exact, "eval run on another device"],
  [/^fingerprint\.environment\.python_version$/, majorMinor, "another major.minor interpreter version"],
  [/^fingerprint\.environment\.os$/, system, "another OS changes time and memory"]
];
function scalarText(value) {
  if (typeof value === "string") return value.trim() === "" ? void 0 : value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return void 0;
}
function flatten(node, prefix, out) {
  if (!isObject(node)) return;
  for (const [key, value] of Object.entries(node)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (isObject(value)) flatten(value, path, out);
    else if (!Array.isArray(value)) out.set(path, scalarText(value));
  }
}
function attributesOf(run2) {
  const out = /* @__PURE__ */ new Map();
  flatten(run2.profile.environment, "", out);
  if (run2.fingerprint) {
    flatten(run2.fingerprint.environment, "fingerprint.environment", out);
    flatten(run2.fingerprint.runtime, "fingerprint.runtime", out);
  }
  return out;
}
function acrossCovers(name, attribute) {
  return attribute === name || attribute.startsWith(`${name}.`) || attribute.split(".").at(-1) === name;
}
function row(attribute, base, cand, across) {
  const shown = (values2) => [...new Set(values2.map((v) => v ?? NOT_RECORDED))];
  const b = shown(base);
  const c = shown(cand);
  if (b.length === 1 && c.length === 1 && b[0] === c[0]) return void 0;
  const rule = AFFECTING.find(([pattern]) => pattern.test(attribute));
  const recorded = (values2) => values2.filter((v) => v !== void 0);
  const normalized = (values2) => new Set(recorded(values2).map(rule?.[1] ?? exact));
  const nb = normalized(base);
  const nc = normalized(cand);
  const bothRecorded = recorded(base).length === base.length && recorded(cand).length === cand.length;
  const differs = nb.size !== nc.size || [...nb].some((v) => !nc.has(v)) || nb.size > 1 || nc.size > 1;
  const affects = rule !== void 0 && bothRecorded && differs;
  const note = !rule ? "shown only" : !bothRecorded ? "not recorded on every run: not judged" : affects ? rule[2] : "same where it matters";
  return { attribute, baseline: b, candidate: c, affects, accepted: affects && across.some((n) => acrossCovers(n, attribute)), note };
}
function checkEnvironment(baseline, candidate, compareAcross = []) {
  if (baseline.runs.length === 0 || candidate.runs.length === 0) return { rows: [], blocking: [], comparable: true };
  const baseAttrs = baseline.runs.map(attributesOf);
  const candAttrs = candidate.runs.map(attributesOf);
  const names = [];
  for (const attrs of [...baseAttrs, ...candAttrs]) for (const name of attrs.keys()) if (!names.includes(name)) names.push(name);
  const rows = names.map(
    (name) => row(
      name,
      baseAttrs.map((a) => a.get(name)),
      candAttrs.map((a) => a.get(name)),
      compareAcross
    )
  ).filter((r) => r !== void 0);
  const blocking = rows.filter((r) => r.affects && !r.accepted);
  return { rows, blocking, comparable: blocking.length === 0 };
}
function describeDifference(r) {
  return `${r.attribute} ${r.baseline.map((v) => `"${v}"`).join("/")} \u2192 ${r.candidate.map((v) => `"${v}"`).join("/")}`;
}
var RESOURCE_DIMENSIONS = /* @__PURE__ */ new Set(["time", "memory", "cpu"]);
function applyEnvironment(results, check) {
  if (check.comparable) return results;
  const differences = check.blocking.map(describeDifference);
  return results.map((r) => {
    const dimension = metricUnit(r.metric)?.dimension;
    if (r.verdict !== "pass" && r.verdict !== "fail" || dimension === void 0 || !RESOURCE_DIMENSIONS.has(dimension)) return r;
    const reason = `not comparable across environments (${differences.join("; ")}): a ${r.verdict} here would not be the change's; name the attribute in \`compare-across:\` if that difference is the experiment. Measured: ${r.reason}`;
    return { ...r, verdict: "inconclusive", reason, environment: differences };
  });
}

// src/compare/verdicts/confirm.ts
function metrics(items) {
  const names = items.slice(0, 3).map((t) => t.metric);
  return items.length > 3 ? `${names.join(", ")} and ${items.length - 3} more` : names.join(", ");
}
var FUTILITY_FACTOR = 3;
function mayDecide(t, roundsLeft) {
  if (t.toDecide?.futile) return false;
  return t.toDecide?.runs === void 0 || t.toDecide.runs <= FUTILITY_FACTOR * (t.candidate.n + roundsLeft);
}
function nextConfirmation(result, done, allowed) {
  const inconclusive = result.thresholds.filter((t) => t.counts && t.threshold.kind === "guardrail" && t.verdict === "inconclusive");
  const undecided = inconclusive.filter((t) => t.change.interval !== void 0 && t.change.value !== void 0 && t.environment === void 0);
  const stop = (why) => ({ confirm: false, undecided, why });
  if (allowed <= 0) return stop("confirm-runs is 0");
  if (result.decision === "reject") return stop("the gate rejects already: more runs would not change the decision");
  if (undecided.length === 0) {
    const why = inconclusive.some((t) => t.environment !== void 0) ? "environments differ" : "undefined change";
    return stop(inconclusive.length > 0 ? `no more runs can decide the inconclusive guardrail(s) ${metrics(inconclusive)} (${why})` : "no guardrail is inconclusive");
  }
  if (done >= allowed) return stop(`confirm-runs used up (${done} of ${allowed}); still inconclusive: ${metrics(undecided)}`);
  const left = allowed - done;
  const hopeful = undecided.filter((t) => mayDecide(t, left));
  if (hopeful.length === 0) {
    const needs = undecided.slice(0, 3).map((t) => `${t.metric} ${t.toDecide?.runs !== void 0 ? `about ${t.toDecide.runs}` : "more than 50"}`);
    return stop(
      `the ${left} round${left === 1 ? "" : "s"} left would likely not decide the inconclusive guardrail(s) (runs per side needed at the spread seen: ${needs.join(", ")}${undecided.length > 3 ? ", \u2026" : ""})`
    );
  }
  return { confirm: true, undecided, why: `${undecided.length} guardrail(s) inconclusive: ${metrics(undecided)}` };
}
function confirmationNote(record) {
  if (record.rounds === 0) return void 0;
  const rounds = `${record.rounds} confirmation round${record.rounds === 1 ? "" : "s"}`;
  const runs = record.candidateOnly ? `${record.rounds} more candidate run${record.rounds === 1 ? "" : "s"}; the stored baseline's runs are fixed` : `${record.rounds} more run${record.rounds === 1 ? "" : "s"} per side, interleaved`;
  return `${rounds} (${runs}) added because a guardrail was inconclusive (confirm-runs: ${record.allowed})`;
}

// src/compare/comparability/host.ts
function text2(value) {
  return typeof value === "string" && value.trim() !== "" ? value : void 0;
}
function runHost(side2, run2) {
  const env = run2.profile.environment;
  return { side: side2, label: run2.label, hostname: text2(env.hostname), cpu: text2(env.cpu_model) ?? text2(env.cpu) };
}
function whoHas(group, all) {
  const parts = [];
  for (const sideName of ["baseline", "candidate"]) {
    const mine = group.filter((r) => r.side === sideName);
    const total = all.filter((r) => r.side === sideName).length;
    if (mine.length === 0) continue;
    if (mine.length === total && total > 1) parts.push(`all ${total} ${sideName} runs`);
    else {
      const labels = mine.slice(0, 3).map((r) => r.label);
      parts.push(`${sideName} ${labels.join(", ")}${mine.length > 3 ? ` and ${mine.length - 3} more` : ""}`);
    }
  }
  return parts.join("; ");
}
function difference(attribute, runs, pick) {
  const groups = /* @__PURE__ */ new Map();
  for (const run2 of runs) {
    const value = pick(run2) ?? "(not recorded)";
    groups.set(value, [...groups.get(value) ?? [], run2]);
  }
  if (groups.size <= 1) return void 0;
  const parts = [...groups.entries()].map(([value, who]) => `${value} (${whoHas(who, runs)})`);
  return `${attribute} differs: ${parts.join(" vs ")}`;
}
function checkHosts(baseline, candidate) {
  const runs = [...baseline.runs.map((r) => runHost("baseline", r)), ...candidate.runs.map((r) => runHost("candidate", r))];
  const differences = [difference("hostname", runs, (r) => r.hostname), difference("CPU model", runs, (r) => r.cpu)].filter((d) => d !== void 0);
  return { comparable: differences.length === 0, runs, differences };
}

// src/compare/verdicts/acceptance.ts
function acceptanceCovers(acceptance, metric, pattern) {
  return acceptance.metric === metric || acceptance.metric === pattern;
}
function findAcceptance(acceptances, metric, pattern) {
  return [...acceptances].filter((a) => acceptanceCovers(a, metric, pattern)).sort((a, b) => Date.parse(b.at) - Date.parse(a.at))[0];
}
function acceptanceText(a, was) {
  return `accepted by ${a.by} on ${a.at.slice(0, 10)}: "${a.reason}" (without it: fail, ${was})`;
}

// src/compare/verdicts/threshold-verdict.ts
var BOUND_TOLERANCE = 1e-9;
function satisfies(x, op, bound) {
  const eps = BOUND_TOLERANCE * Math.max(1, Math.abs(bound));
  switch (op) {
    case "<=":
      return x <= bound + eps;
    case "<":
      return x < bound - eps;
    case ">=":
      return x >= bound - eps;
    case ">":
      return x > bound + eps;
  }
}
function sideValues(runs, metric, fallback) {
  const side2 = lookupSide(runs, metric, fallback);
  const values2 = side2.lookups.map((l) => l.kind === "number" ? l.value : null);
  const mid = side2.numbers.length > 0 ? median(side2.numbers) : void 0;
  const notMeasured = runs.length > 0 && side2.notMeasured === runs.length;
  return { values: values2, median: mid, n: side2.numbers.length, problems: side2.problems, complete: side2.complete, numbers: side2.numbers, notMeasured, defaulted: side2.defaulted };
}
function defaultNote(threshold2, b, c) {
  if (b + c === 0) return "";
  const runs = (n) => `${n} run${n === 1 ? "" : "s"}`;
  const parts = [b > 0 ? `baseline ${runs(b)}` : "", c > 0 ? `candidate ${runs(c)}` : ""];
  return ` (default ${String(threshold2.default)} used where the file lacks it, as the threshold says: ${parts.filter(Boolean).join(", ")})`;
}
function publicSide({ values: values2, median: median2, n, problems }) {
  return { values: values2, median: median2, n, problems };
}
function formatIn(form, value, unit) {
  if (form === "relative") return formatPercent(value);
  if (form === "delta") return formatSigned(value, unit);
  return formatValue(value, unit);
}
function changeUnitOf(form, unit) {
  if (form === "relative") return "%";
  return form === "delta" && unit?.dimension === "cpu" ? "pp" : unit?.symbol;
}
function noChange(form, unit) {
  return { value: void 0, form, unit, interval: void 0, level: void 0, method: void 0 };
}
function judge(estimate, op, bound) {
  const { interval: interval2 } = estimate;
  if (estimate.estimate === void 0) return { verdict: "inconclusive", how: "undefined" };
  if (interval2 === void 0) {
    if (estimate.method !== "point") return { verdict: "inconclusive", how: "no-interval" };
    return { verdict: satisfies(estimate.estimate, op, bound) ? "pass" : "fail", how: "point" };
  }
  const upper = op === "<=" || op === "<";
  const worst = upper ? interval2.high : interval2.low;
  const best = upper ? interval2.low : interval2.high;
  if (satisfies(worst, op, bound)) return { verdict: "pass", how: "inside" };
  if (!satisfies(best, op, bound)) return { verdict: "fail", how: "outside" };
  return { verdict: "inconclusive", how: "straddles" };
}
function evaluateOne(threshold2, metric, baseline, candidate, options) {
  const unit = metricUnit(metric);
  const rule = threshold2.rule;
  const form = rule.form === "absolute" ? "value" : rule.form;
  const changeUnit = changeUnitOf(form, unit);
  const b = sideValues(baseline.runs, metric, threshold2.default);
  const c = sideValues(candidate.runs, metric, threshold2.default);
  const base = {
    metric,
    threshold: threshold2,
    unit: unit?.symbol,
    baseline: publicSide(b),
    candidate: publicSide(c),
    // An absolute bound reads the candidate only: the baseline's defaults played no part.
    notMeasured: false,
    defaulted: { baseline: form === "value" ? 0 : b.defaulted, candidate: c.defaulted }
  };
  const missing = [...form === "value" ? [] : b.problems.map((p) => `baseline: ${p}`), ...c.problems.map((p) => `candidate: ${p}`)];
  if (c.notMeasured && (form === "value" || b.notMeasured)) {
    const reason2 = `not measured ${form === "value" ? "in the candidate" : "on either side"}, not judged: ${missing.join("; ")}`;
    return { ...base, verdict: "missing", counts: false, notMeasured: true, change: noChange(form, changeUnit), reason: reason2 };
  }
  if (!c.complete || form !== "value" && !b.complete) {
    const verdict2 = "missing";
    const reason2 = missing.length > 0 ? missing.join("; ") : "no runs on a side";
    return { ...base, verdict: verdict2, counts: verdictCounts({ optional: threshold2.optional, verdict: verdict2 }), change: noChange(form, changeUnit), reason: reason2 };
  }
  const estimate = form === "value" ? valueInterval(c.numbers, options.interval) : changeInterval(b.numbers, c.numbers, form, options.interval);
  const { verdict, how } = judge(estimate, rule.op, rule.value);
  const show = (x) => formatIn(form, x, unit);
  const interval2 = estimate.interval ? { low: estimate.interval.low, high: estimate.interval.high } : void 0;
  const span = interval2 ? `${Math.round((estimate.interval?.level ?? 0) * 100)} % CI [${show(interval2.low)}, ${show(interval2.high)}]` : "";
  const what = form === "value" ? "value" : "change";
  let reason;
  let toDecide;
  switch (how) {
    case "undefined":
      reason = "relative change from a baseline of 0 is undefined; an absolute bound (e.g. `<= 0`) or a delta (`<= +0`) can judge it";
      break;
    case "no-interval":
      reason = `${what} ${show(estimate.estimate)}, but no interval could be formed (${estimate.note ?? "too few usable runs"}): not judged on the point alone`;
      break;
    case "point":
      reason = `${what} ${show(estimate.estimate)} ${verdict === "pass" ? "meets" : "breaks"} ${rule.text} (${estimate.note ?? SINGLE_RUN_NOTE})`;
      break;
    case "inside":
      reason = `${span} entirely meets ${rule.text}${estimate.degenerate ? " (all runs identical)" : ""}`;
      break;
    case "outside":
      reason = `${span} entirely breaks ${rule.text}${estimate.degenerate ? " (all runs identical)" : ""}`;
      break;
    default: {
      const needed = runsToDecide(estimate, rule.value, { baseline: form === "value" ? [] : b.numbers, candidate: c.numbers }, unit);
      toDecide = { runs: needed.runs, futile: needed.futile === true };
      reason = `${span} contains the bound of ${rule.text}: within the noise; ${needed.text}`;
    }
  }
  if (how !== "point" && how !== "undefined" && how !== "no-interval" && estimate.note && !estimate.degenerate) reason += ` (${estimate.note})`;
  const partial = [...form === "value" ? [] : b.problems.map((p) => `baseline: ${p}`), ...c.problems.map((p) => `candidate: ${p}`)];
  if (partial.length > 0) reason += `; left out: ${partial.join("; ")}`;
  reason += defaultNote(threshold2, base.defaulted.baseline, c.defaulted);
  const change = {
    value: estimate.estimate,
    form,
    unit: changeUnit,
    interval: interval2,
    level: interval2 ? estimate.interval?.level : void 0,
    method: estimate.method,
    ...estimate.note ? { note: estimate.note } : {}
  };
  return { ...base, verdict, counts: verdictCounts({ optional: threshold2.optional, verdict }), change, reason, ...toDecide ? { toDecide } : {} };
}
function unmatched(threshold2, baseline, candidate) {
  const empty = (runs) => ({ values: runs.map(() => null), median: void 0, n: 0, problems: [] });
  const verdict = "missing";
  const form = threshold2.rule.form === "absolute" ? "value" : threshold2.rule.form;
  return {
    metric: threshold2.metric,
    threshold: threshold2,
    verdict,
    counts: verdictCounts({ optional: threshold2.optional, verdict }),
    notMeasured: false,
    defaulted: { baseline: 0, candidate: 0 },
    unit: metricUnit(threshold2.metric)?.symbol,
    baseline: empty(baseline.runs),
    candidate: empty(candidate.runs),
    change: noChange(form, changeUnitOf(form, metricUnit(threshold2.metric))),
    reason: `no metric matches ${threshold2.metric} in any run`
  };
}
function evaluateThresholds(thresholds, baseline, candidate, options) {
  const all = [...baseline.runs, ...candidate.runs];
  return thresholds.flatMap((threshold2) => {
    const metrics2 = expandMetricPattern(threshold2.metric, all);
    if (metrics2.length === 0) return [unmatched(threshold2, baseline, candidate)];
    return metrics2.map((metric) => accept(evaluateOne(threshold2, metric, baseline, candidate, options), options.acceptances ?? []));
  });
}
function accept(result, acceptances) {
  if (result.verdict !== "fail") return result;
  const found = findAcceptance(acceptances, result.metric, result.threshold.metric);
  if (!found) return result;
  return { ...result, verdict: "accepted", accepted: found, reason: acceptanceText(found, result.reason) };
}

// src/compare/verdicts/gate.ts
function runInfo(side2, run2) {
  const status = run2.profile.status;
  const totals = run2.profile.totals;
  return {
    label: run2.label,
    files: run2.files,
    status,
    failed: status !== void 0 && status !== "ok",
    host: runHost(side2, run2),
    samplingNote: typeof totals.sampling_note === "string" ? totals.sampling_note : void 0,
    memoryMetric: typeof totals.memory_metric === "string" ? totals.memory_metric : void 0
  };
}
function describeProblem(p) {
  return `threshold problem, ${p.origin === "input" ? "" : "issue "}${formatProblem(p)}`;
}
function noiseNote(nBase, nCand, options = {}) {
  if (nBase <= 1 && nCand <= 1) return SINGLE_RUN_NOTE;
  const o = { ...DEFAULT_INTERVAL_OPTIONS, ...options };
  const how = {
    "rank-shift": "exact rank interval of the shift between the sides (Hodges\u2013Lehmann / Mann\u2013Whitney; on logs for relative rules), distribution-free",
    "welch-t": "Welch t-interval of the shift of means (on logs for relative rules), assuming normal noise",
    "bootstrap-median": `percentile-bootstrap interval of the change of medians (${o.resamples} resamples, seed ${o.seed})`
  }[o.method];
  return `${nBase} baseline / ${nCand} candidate runs: medians compared; ${Math.round(o.level * 100)} % ${how}`;
}
function specInfo(spec) {
  return {
    ...spec?.baseline !== void 0 ? { baseline: spec.baseline } : {},
    ...spec?.baselineEval !== void 0 ? { baselineEval: spec.baselineEval } : {},
    ...spec?.repeat !== void 0 ? { repeat: spec.repeat } : {},
    ...spec?.compareAcross !== void 0 ? { compareAcross: spec.compareAcross } : {}
  };
}
function evaluateGate(spec, baseline, candidate, options) {
  const dataset = checkDatasets(baseline, candidate);
  const environment = checkEnvironment(baseline, candidate, spec.compareAcross);
  const thresholds = dataset.comparable ? applyEnvironment(evaluateThresholds(spec.thresholds, baseline, candidate, options), environment) : [];
  const runs = {
    baseline: baseline.runs.map((r) => runInfo("baseline", r)),
    candidate: candidate.runs.map((r) => runInfo("candidate", r))
  };
  const inputErrors = [];
  if (spec.thresholds.length === 0 && spec.problems.length === 0) inputErrors.push(ACCEPTED_FORMS);
  if (baseline.runs.length === 0) inputErrors.push("no baseline run");
  if (candidate.runs.length === 0) inputErrors.push("no candidate run");
  pushAll(inputErrors, dataset.mismatches);
  const failedRuns = [...[...runs.baseline, ...runs.candidate].filter((r) => r.failed).map((r) => `${r.host.side} ${r.label} (status ${r.status ?? ""})`), ...options.failedRuns ?? []];
  const { decision, reasons } = decide({
    verdicts: thresholds.map((t) => ({ metric: t.metric, kind: t.threshold.kind, optional: t.threshold.optional, verdict: t.verdict, summary: t.reason, counts: t.counts })),
    failedRuns,
    blockers: [...spec.problems.map(describeProblem), ...inputErrors]
  });
  const notes = [];
  const extra = options.confirmation?.rounds ?? 0;
  const expected = { baseline: (spec.repeat ?? 0) + (options.confirmation?.candidateOnly ? 0 : extra), candidate: (spec.repeat ?? 0) + extra };
  if (spec.repeat !== void 0 && (baseline.runs.length !== expected.baseline || candidate.runs.length !== expected.candidate)) {
    notes.push(`the issue asks for repeat: ${spec.repeat}; got ${baseline.runs.length} baseline and ${candidate.runs.length} candidate run(s)`);
  }
  const unused = (spec.compareAcross ?? []).filter((name) => !environment.rows.some((r) => acrossCovers(name, r.attribute)));
  if (unused.length > 0) notes.push(`compare-across: ${unused.join(", ")} matched no attribute that differs between the sides`);
  const confirmed = options.confirmation && confirmationNote(options.confirmation);
  if (confirmed) notes.push(confirmed);
  const spent = options.spend && spendNote(options.spend);
  if (spent) notes.push(spent);
  return {
    decision,
    failOn: options.failOn,
    passed: passesFailOn(decision, options.failOn),
    reasons,
    thresholds,
    runs,
    host: checkHosts(baseline, candidate),
    dataset,
    environment,
    problems: spec.problems,
    inputErrors,
    noise: noiseNote(baseline.runs.length, candidate.runs.length, options.interval),
    notes,
    spec: specInfo(spec),
    hypotheses: evaluateHypotheses(spec.hypotheses ?? [], [baseline, candidate], options.interval),
    ...options.spend ? { spend: options.spend } : {}
  };
}
function inputErrorResult(errors, failOn, spec) {
  const problems = spec?.problems ?? [];
  const blockers = [...problems.map(describeProblem), ...errors];
  return {
    decision: "reject",
    failOn,
    passed: passesFailOn("reject", failOn),
    reasons: blockers,
    thresholds: [],
    runs: { baseline: [], candidate: [] },
    host: { comparable: true, runs: [], differences: [] },
    dataset: { comparable: true, rows: [], mismatches: [] },
    environment: { rows: [], blocking: [], comparable: true },
    problems,
    inputErrors: [...errors],
    noise: "not evaluated",
    notes: [],
    spec: specInfo(spec),
    hypotheses: []
  };
}

// src/compare/verdicts/gate-json.ts
var GATE_JSON_SCHEMA = "optimization-gate/gate@1";
function num(value) {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}
function str(value) {
  return value ?? null;
}
function side(values2) {
  return { values: values2.values.map(num), median: num(values2.median), n: values2.n, runs: values2.values.length, problems: values2.problems };
}
function threshold(t) {
  const { rule } = t.threshold;
  const interval2 = t.change.interval;
  const low = num(interval2?.low);
  const high = num(interval2?.high);
  return {
    metric: t.metric,
    pattern: t.threshold.metric,
    rule: { text: rule.text, form: rule.form, op: rule.op, value: num(rule.value) ?? 0, unit: str(rule.unit) },
    kind: t.threshold.kind,
    optional: t.threshold.optional,
    line: t.threshold.line,
    origin: t.threshold.origin,
    default: num(t.threshold.default),
    verdict: t.verdict,
    counts: t.counts,
    not_measured: t.notMeasured,
    defaulted: t.defaulted,
    environment: t.environment ?? null,
    unit: str(t.unit),
    baseline: side(t.baseline),
    candidate: side(t.candidate),
    change: {
      value: num(t.change.value),
      form: t.change.form,
      unit: str(t.change.unit),
      interval: low !== null && high !== null ? { low, high } : null,
      level: num(t.change.level),
      method: str(t.change.method),
      note: str(t.change.note)
    },
    accepted: t.accepted ? { by: t.accepted.by, at: t.accepted.at, reason: t.accepted.reason, url: str(t.accepted.url) } : null,
    reason: t.reason
  };
}
function run(r) {
  return {
    label: r.label,
    files: {
      profile: str(r.files.profile),
      truth: str(r.files.truth),
      eval: str(r.files.eval),
      cost: str(r.files.cost),
      fingerprint: str(r.files.fingerprint)
    },
    status: str(r.status),
    failed: r.failed,
    host: { hostname: str(r.host.hostname), cpu: str(r.host.cpu) },
    sampling_note: str(r.samplingNote),
    memory_metric: str(r.memoryMetric)
  };
}
function toGateJson(result) {
  const verdicts = { pass: 0, fail: 0, inconclusive: 0, missing: 0, accepted: 0 };
  for (const t of result.thresholds) verdicts[t.verdict] += 1;
  return {
    schema: GATE_JSON_SCHEMA,
    decision: result.decision,
    fail_on: result.failOn,
    passed: result.passed,
    reasons: result.reasons,
    verdicts,
    thresholds: result.thresholds.map(threshold),
    runs: { baseline: result.runs.baseline.map(run), candidate: result.runs.candidate.map(run) },
    host: { comparable: result.host.comparable, differences: result.host.differences },
    dataset: {
      comparable: result.dataset.comparable,
      rows: result.dataset.rows.map((r) => ({ field: r.field, baseline: r.baseline, candidate: r.candidate, mismatch: r.mismatch ?? null }))
    },
    environment: {
      comparable: result.environment.comparable,
      rows: result.environment.rows.map((r) => ({ ...r }))
    },
    problems: result.problems.map((p) => ({ line: p.line, text: p.text, expected: p.expected, origin: p.origin })),
    input_errors: result.inputErrors,
    noise: result.noise,
    notes: result.notes,
    spec: {
      baseline: str(result.spec.baseline),
      baseline_eval: str(result.spec.baselineEval),
      repeat: num(result.spec.repeat),
      compare_across: result.spec.compareAcross ?? null
    },
    hypotheses: hypothesesToJson(result.hypotheses),
    spend: result.spend ? {
      max_cost_usd: num(result.spend.maxCostUsd),
      per_run_usd: num(result.spend.perRunUsd),
      source: str(result.spend.source),
      planned_runs: result.spend.plannedRuns,
      most_runs: result.spend.mostRuns,
      runs: result.spend.runs,
      estimated_usd: num(result.spend.estimatedUsd),
      stopped: str(result.spend.stopped)
    } : null
  };
}
function renderGateJson(result, baseline) {
  const json = { ...toGateJson(result), baseline: baseline ?? null };
  return `${JSON.stringify(json, (_key, value) => typeof value === "number" && !Number.isFinite(value) ? null : value, 2)}
`;
}

// src/report/verdicts.ts
var DECISION_ICON = { ship: "\u2705", iterate: "\u{1F7E1}", reject: "\u274C" };
var VERDICT_ICON = { pass: "\u2705", fail: "\u274C", inconclusive: "\u{1F7E1}", missing: "\u2754", accepted: "\u2611\uFE0F" };
function plural(n, word, many = `${word}s`) {
  return `${n} ${n === 1 ? word : many}`;
}
function formatThresholdChange(t, value = t.change.value) {
  if (value === void 0) return NONE;
  const unit = metricUnit(t.metric);
  if (t.change.form === "relative") return formatPercent(value);
  if (t.change.form === "delta") return formatSigned(value, unit);
  return formatValue(value, unit);
}
function interval(t) {
  const i = t.change.interval;
  if (!i) return NONE;
  if (i.low === i.high) return `[${formatThresholdChange(t, i.low)}] (zero spread)`;
  const level = t.change.level !== void 0 ? ` \xB7 ${(t.change.level * 100).toFixed(t.change.level >= 0.995 ? 1 : 0)} %` : "";
  return `[${formatThresholdChange(t, i.low)}, ${formatThresholdChange(t, i.high)}]${level}`;
}
function brief(t) {
  const change = t.change.value !== void 0 ? ` ${formatThresholdChange(t)}` : "";
  return `${code(t.metric)}${change} (rule ${code(t.threshold.rule.text)})`;
}
function listed(items, show = 2) {
  const head = items.slice(0, show).map(brief).join(", ");
  return items.length > show ? `${head} and ${items.length - show} more` : head;
}
function headline(result) {
  const counted = result.thresholds.filter((t) => t.counts);
  const pick = (kind, verdict) => counted.filter((t) => t.threshold.kind === kind && t.verdict === verdict);
  const failedRuns = [...result.runs.baseline, ...result.runs.candidate].filter((r) => r.failed);
  const parts = [];
  if (result.problems.length > 0) parts.push(`${plural(result.problems.length, "threshold problem")} on the issue`);
  const mismatches = result.dataset.mismatches;
  if (mismatches.length > 0) parts.push("dataset mismatch: comparison refused");
  const errors = result.inputErrors.filter((e) => !mismatches.includes(e));
  if (errors.length > 0) {
    const first = neutralize(errors[0].split("\n")[0]);
    const short = errors.length === 1 && first.length <= 100 && !first.includes("`");
    parts.push(short ? first : first.startsWith("no thresholds found") ? "no thresholds found on the issue" : plural(errors.length, "input error"));
  }
  if (failedRuns.length > 0) parts.push(`${plural(failedRuns.length, "measured run")} failed (${failedRuns.map((r) => `${escapeInline(r.label)}: ${escapeInline(r.status ?? "")}`).join(", ")})`);
  const groups = [
    [pick("guardrail", "fail"), "failed"],
    [pick("guardrail", "missing"), "missing"],
    [pick("target", "fail"), "failed"],
    [pick("target", "missing"), "missing"]
  ];
  for (const [items, what] of groups) {
    const kind = items[0]?.threshold.kind;
    if (kind) parts.push(`${plural(items.length, kind)} ${what}: ${listed(items)}`);
  }
  const inconclusive = counted.filter((t) => t.verdict === "inconclusive");
  if (inconclusive.length > 0) parts.push(`${inconclusive.length} inconclusive: ${listed(inconclusive)}`);
  const accepted = counted.filter((t) => t.verdict === "accepted");
  if (accepted.length > 0) {
    const alone = parts.length === 0;
    parts.push(`${plural(accepted.length, "accepted regression")}: ${listed(accepted)}`);
    if (alone) parts.push("the other thresholds pass");
  }
  if (parts.length === 0) {
    const notMeasured = result.thresholds.filter((t) => t.notMeasured).length;
    const optional = result.thresholds.length - counted.length - notMeasured;
    const ignored = [optional > 0 ? `${optional} optional missing` : "", notMeasured > 0 ? `${notMeasured} not measured` : ""].filter(Boolean);
    parts.push(`${counted.length === 1 ? "the one threshold passes" : `all ${counted.length} thresholds pass`}${ignored.length > 0 ? ` (${ignored.join(", ")}, ignored)` : ""}`);
  }
  return `### ${DECISION_ICON[result.decision]} ${result.decision} \u2014 ${parts.join("; ")}`;
}
var INTERVAL_NAMES = { "rank-shift": "rank interval", "welch-t": "t-interval", "bootstrap-median": "bootstrap interval" };
function intervalName(result) {
  const method = result.thresholds.map((t) => t.change.method).find((m) => m !== void 0 && m !== "point");
  return INTERVAL_NAMES[method ?? "rank-shift"] ?? "rank interval";
}
function summaryLine(result) {
  const counts = { pass: 0, fail: 0, inconclusive: 0, missing: 0, accepted: 0 };
  for (const t of result.thresholds) counts[t.verdict] += 1;
  const verdicts = Object.keys(counts).filter((v) => v !== "accepted" || counts[v] > 0).map((v) => `${counts[v]} ${v}`).join(" \xB7 ");
  const nb = result.runs.baseline.length;
  const nc = result.runs.candidate.length;
  const runs = nb + nc === 0 ? "not evaluated" : `${nb} baseline / ${nc} candidate run${nc === 1 ? "" : "s"} (${nb <= 1 && nc <= 1 ? result.noise : `medians, ${intervalName(result)}`})`;
  const parts = [`**${verdicts}**`, runs];
  if (!result.host.comparable) parts.push("\u26A0\uFE0F **runs from different hosts**");
  parts.push(`fail-on \`${result.failOn}\`: job ${result.passed ? "passes" : "fails"}`);
  return parts.join(" \u2014 ");
}
var SEVERITY = { fail: 0, missing: 1, inconclusive: 2, accepted: 3, pass: 4 };
function severity(t) {
  if (!t.counts) return 100;
  return SEVERITY[t.verdict] * 2 + (t.threshold.kind === "guardrail" ? 0 : 1);
}
function sideCell(t, side2) {
  const values2 = t[side2];
  if (values2.median === void 0) return NONE;
  const text3 = formatValue(values2.median, metricUnit(t.metric));
  return values2.values.length > 1 ? `${text3} (median)` : text3;
}
function verdictTable(result, maxRows = 100) {
  const ordered = result.thresholds.map((t, i) => ({ t, i })).sort((a, b) => severity(a.t) - severity(b.t) || a.i - b.i).map(({ t }) => t);
  const rows = ordered.map((t) => [
    t.notMeasured ? `${VERDICT_ICON.missing} not measured (ignored)` : `${VERDICT_ICON[t.verdict]} ${t.verdict}${t.counts ? "" : " (ignored)"}`,
    code(t.metric),
    `${t.threshold.kind}${t.threshold.optional ? ", optional" : ""}${t.threshold.default !== void 0 ? `, default ${String(t.threshold.default)}` : ""}`,
    code(t.threshold.rule.text),
    t.change.form === "value" ? NONE : sideCell(t, "baseline"),
    sideCell(t, "candidate"),
    t.change.form === "value" ? `value ${formatThresholdChange(t)}` : formatThresholdChange(t),
    interval(t),
    `${t.baseline.n}/${t.candidate.n}`
  ]);
  const text3 = table(["Verdict", "Metric", "Kind", "Rule", "Baseline", "Candidate", "Change", "Interval \xB7 coverage", "N (B/C)"], rows, { align: "llllrrrrr", maxRows, moreAt: "gate.json" });
  const why = ordered.filter((t) => t.verdict !== "pass").slice(0, 30).map((t) => `- ${code(t.metric)}: ${neutralize(t.reason)}`);
  return why.length > 0 ? `${text3}

${why.join("\n")}` : text3;
}

// src/report/comparability.ts
var values = (list2) => list2.length === 0 ? "\u2014" : list2.map(code).join(", ");
function datasetSection(result) {
  if (result.dataset.comparable) return void 0;
  const rows = result.dataset.rows.map((r) => [r.field, values(r.baseline), values(r.candidate), r.mismatch ? "\u274C differs" : "\u2705 same"]);
  return [
    "#### \u274C Dataset mismatch: comparison refused",
    "",
    "The two sides were not measured on the same data, so no threshold was judged.",
    "",
    table(["Identity", "Baseline", "Candidate", ""], rows),
    "",
    // The reasons quote dataset ids and reference names from the measured runs' files.
    ...result.dataset.mismatches.map((m) => `- ${neutralize(m)}`)
  ].join("\n");
}
function environmentSection(result) {
  const { rows, blocking } = result.environment;
  if (rows.length === 0) return void 0;
  const effect = (r) => {
    if (r.accepted) return `accepted (\`compare-across\`): ${neutralize(r.note)}`;
    if (r.affects) return `\u26A0\uFE0F ${neutralize(r.note)}: time/memory inconclusive`;
    return neutralize(r.note);
  };
  const heading = blocking.length > 0 ? `#### \u26A0\uFE0F Environment differs: time and memory verdicts are inconclusive (${blocking.map((r) => code(r.attribute)).join(", ")})` : "#### Environment differences";
  const lines = [
    heading,
    "",
    table(
      ["Attribute", "Baseline", "Candidate", "Effect"],
      rows.map((r) => [code(r.attribute), values(r.baseline), values(r.candidate), effect(r)]),
      {
        maxRows: 40,
        moreAt: "gate.json"
      }
    )
  ];
  if (blocking.length > 0) {
    lines.push(
      "",
      `Quality and cost verdicts still count. If a difference is the point of the experiment, name it on the issue, e.g. ${code(`compare-across: [${blocking[0]?.attribute ?? "device"}]`)}.`
    );
  }
  return lines.join("\n");
}

// src/report/report.ts
var GITHUB_COMMENT_LIMIT = 65536;
function linksLine(options) {
  const links = [options.artifactUrl ? `[artifacts](${options.artifactUrl})` : "", options.runUrl ? `[workflow run](${options.runUrl})` : ""].filter(Boolean);
  return links.length > 0 ? links.join(" \xB7 ") : void 0;
}
function problemsSection(result) {
  const errors = result.inputErrors.filter((e) => !result.dataset.mismatches.includes(e));
  if (result.problems.length === 0 && errors.length === 0) return void 0;
  const lines = ["#### \u26A0\uFE0F The gate could not judge these inputs", ""];
  for (const p of result.problems) lines.push(`- ${describeProblem(p)}`);
  for (const e of errors) lines.push(`- ${neutralize(e).split("\n").join("\n  ")}`);
  lines.push("", "Fix them on the issue (or the inputs) and run the gate again; until then the decision is `reject`.");
  return lines.join("\n");
}
function parsedThresholds(result) {
  const seen = /* @__PURE__ */ new Map();
  for (const t of result.thresholds) {
    const key = `${t.threshold.line}:${t.threshold.metric}:${t.threshold.rule.text}`;
    const entry = seen.get(key);
    if (entry) entry.matches += 1;
    else seen.set(key, { matches: t.metric === t.threshold.metric && t.verdict === "missing" && t.baseline.n + t.candidate.n === 0 ? 0 : 1, t });
  }
  if (seen.size === 0) return void 0;
  const rows = [...seen.values()].map(({ matches, t }) => [
    code(t.threshold.metric),
    code(t.threshold.rule.text),
    `${describeRule(t.threshold.rule, t.threshold.metric)}${t.threshold.default !== void 0 ? `; a run whose file lacks it reads ${String(t.threshold.default)} (\`default:\`)` : ""}`,
    t.threshold.kind,
    t.threshold.optional ? "yes" : "no",
    `${t.threshold.origin} line ${t.threshold.line}`,
    String(matches)
  ]);
  const spec = [
    result.spec.baseline !== void 0 ? `baseline named on the issue: ${code(result.spec.baseline)}` : "",
    result.spec.baselineEval !== void 0 ? `its eval results: ${code(result.spec.baselineEval)}` : "",
    result.spec.repeat !== void 0 ? `repeat: ${result.spec.repeat}` : "",
    result.spec.compareAcross !== void 0 ? `compare-across: ${result.spec.compareAcross.map(code).join(", ")}` : ""
  ].filter(Boolean);
  const body = table(["Metric", "Rule", "Read as", "Kind", "Optional", "Where", "Matches"], rows, { maxRows: 100 });
  return details(`Thresholds as parsed (${seen.size})`, spec.length > 0 ? `${spec.join(" \xB7 ")}

${body}` : body);
}
function hostSection(result) {
  const { host } = result;
  if (host.runs.length === 0) return "#### Host\n\nNo runs were loaded.";
  if (host.comparable) {
    const first = host.runs[0];
    return `#### Host

\u2705 All runs on the same host: ${code(first?.hostname ?? "not recorded")}, CPU ${code(first?.cpu ?? "not recorded")}.`;
  }
  const lines = ["#### \u26A0\uFE0F Host", "", "**Runs come from different machines: time and memory may not be comparable.**", ""];
  for (const d of host.differences) lines.push(`- ${neutralize(d)}`);
  return lines.join("\n");
}
function footnotes(result) {
  const runs = [...result.runs.baseline, ...result.runs.candidate];
  const hosts = runs.map((r) => r.host);
  const grouped = (pick) => {
    const groups = /* @__PURE__ */ new Map();
    for (const r of runs) groups.set(pick(r), [...groups.get(pick(r)) ?? [], r]);
    return [...groups.entries()].map(
      ([value, who]) => groups.size > 1 ? `${value} (${whoHas(
        who.map((r) => r.host),
        hosts
      )})` : value
    );
  };
  const sampling = grouped((r) => neutralize(r.samplingNote ?? "not stated in the profile"));
  const memory = grouped((r) => neutralize(r.memoryMetric ?? "not stated (third-party profile: as its tool wrote it)"));
  const label = (side2) => {
    const labels = result.runs[side2].map((r) => escapeInline(r.label));
    return labels.length > 3 ? `${labels.slice(0, 3).join(", ")} \u2026` : labels.join(", ") || "none";
  };
  const lines = [
    ...runs.length > 0 ? [`- Sampling: ${sampling.join("; ")}`, `- Memory metric: ${memory.join("; ")}. \`*_mb\` values are MiB; CPU is percent of one core.`] : [],
    `- Runs: baseline ${result.runs.baseline.length} (${label("baseline")}); candidate ${result.runs.candidate.length} (${label("candidate")}).`,
    `- Noise: ${result.noise}.`,
    ...result.notes.map((n) => `- Note: ${neutralize(n)}.`),
    `- Machine-readable result: \`gate.json\` (schema \`${GATE_JSON_SCHEMA}\`).`
  ];
  return `<sub>

${lines.join("\n")}

</sub>`;
}
function assemble(sections, limit) {
  const join = (parts) => parts.map((s) => s.text).join("\n\n");
  const kept = [...sections];
  for (let i = kept.length - 1; i >= 0 && join(kept).length + 1 > limit; i--) {
    const section = kept[i];
    if (section.optional !== void 0) kept[i] = { text: `_${section.optional} left out: the report would exceed GitHub's comment limit; see gate.json._` };
  }
  let text3 = `${join(kept)}
`;
  if (text3.length > limit) {
    const note = "\n\n_\u2026 report cut at the comment limit; the full result is in gate.json._\n";
    text3 = text3.slice(0, limit - note.length) + note;
  }
  return text3;
}
function renderReport(result, diff, options = {}) {
  const sections = [{ text: headline(result) }];
  const baseline = options.baseline !== void 0 ? `Baseline: ${neutralize(options.baseline)}.` : void 0;
  const budget = result.spend?.stopped ? `\u{1F4B8} **max-cost-usd stopped the runs:** ${neutralize(result.spend.stopped)}` : void 0;
  for (const text3 of [linksLine(options), baseline, summaryLine(result), budget, problemsSection(result), datasetSection(result)]) {
    if (text3 !== void 0) sections.push({ text: text3 });
  }
  if (!result.host.comparable) sections.push({ text: hostSection(result) });
  const environment = environmentSection(result);
  if (environment && !result.environment.comparable) sections.push({ text: environment });
  if (result.thresholds.length > 0) sections.push({ text: `#### Verdicts

${verdictTable(result)}` });
  const hypotheses = renderHypotheses(result.hypotheses);
  if (hypotheses) sections.push({ text: hypotheses, optional: "Hypotheses" });
  const parsed = parsedThresholds(result);
  if (parsed) sections.push({ text: parsed, optional: "Thresholds as parsed" });
  if (diff) {
    sections.push({ text: `#### Stages (time, memory, CPU)

${stageTable(diff)}`, optional: "Stage table" });
    const chart = stageWallChart(diff);
    if (chart) sections.push({ text: chart, optional: "Chart" });
    const quality = qualityTable(diff);
    if (quality) sections.push({ text: details("Quality (eval metrics.json)", quality), optional: "Quality table" });
    const cost = costTable(diff);
    if (cost) sections.push({ text: details("Cost (LLM calls, tokens, USD)", cost), optional: "Cost table" });
  }
  if (result.host.comparable) sections.push({ text: hostSection(result) });
  if (environment && result.environment.comparable) sections.push({ text: environment, optional: "Environment table" });
  sections.push({ text: footnotes(result), optional: "Footnotes" });
  return assemble(sections, Math.min(options.maxLength ?? GITHUB_COMMENT_LIMIT - 1e3, GITHUB_COMMENT_LIMIT));
}

export {
  nextConfirmation,
  evaluateGate,
  inputErrorResult,
  renderGateJson,
  renderReport
};

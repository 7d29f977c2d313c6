import { createRequire as __ogCreateRequire } from 'node:module'; const require = __ogCreateRequire(import.meta.url);
import {
  formatValue
} from "./chunk-IVBWKPMQ.js";
import {
  median
} from "./chunk-LM6Q56WD.js";

// src/compare/verdicts/decision.ts
var FAIL_ON_VALUES = ["reject", "iterate", "never"];
var DECISIONS = ["ship", "iterate", "reject"];
function isDecision(value) {
  return DECISIONS.includes(value);
}
function verdictCounts(v) {
  return !(v.optional && v.verdict === "missing");
}
function decide(input) {
  const counted = input.verdicts.filter((v) => v.counts ?? verdictCounts(v));
  const bad = (kind, verdict) => counted.filter((v) => v.kind === kind && v.verdict === verdict);
  const line = (v) => `${v.kind} ${v.metric} ${v.verdict === "missing" ? "is missing" : v.verdict === "fail" ? "failed" : "is inconclusive"}: ${v.summary}`;
  const rejectReasons = [...input.blockers, ...input.failedRuns.map((r) => `measured run failed: ${r}`), ...bad("guardrail", "fail").map(line), ...bad("guardrail", "missing").map(line)];
  const iterateReasons = [...bad("target", "fail").map(line), ...bad("target", "missing").map(line), ...counted.filter((v) => v.verdict === "inconclusive").map(line)];
  if (input.verdicts.length > 0 && counted.length === 0) {
    iterateReasons.push(`none of the ${input.verdicts.length} threshold results could be judged (all optional and missing, or not measured)`);
  }
  if (rejectReasons.length > 0) return { decision: "reject", reasons: [...rejectReasons, ...iterateReasons] };
  if (iterateReasons.length > 0) return { decision: "iterate", reasons: iterateReasons };
  return { decision: "ship", reasons: [] };
}
function passesFailOn(decision, failOn) {
  switch (failOn) {
    case "never":
      return true;
    case "iterate":
      return decision === "ship";
    case "reject":
      return decision !== "reject";
  }
}

// src/compare/statistics/spend.ts
function planRuns(o) {
  const confirmRounds = o.repeat > 1 ? o.confirmRuns : 0;
  return {
    sides: o.sides,
    experiments: o.experiment ? o.sides : 0,
    warmups: o.warmup * o.sides,
    measured: o.repeat * o.sides,
    repeat: o.repeat,
    confirmRounds,
    runsPerRound: o.confirmSides
  };
}
var plannedRuns = (p) => p.experiments + p.warmups + p.measured;
var mostRuns = (p) => plannedRuns(p) + p.confirmRounds * p.runsPerRound;
var COST_KEYS = ["total_stage_cost_usd", "total_episode_estimated_cost_usd"];
function costPerRun(runs, whose) {
  for (const key of COST_KEYS) {
    const values = runs.map((r) => r.cost?.[key]).filter((v) => typeof v === "number" && Number.isFinite(v) && v >= 0);
    if (values.length === 0) continue;
    const of = values.length > 1 ? ` (median of ${values.length} runs)` : "";
    return { perRunUsd: median(values), source: `${key} of ${whose} eval_pipeline_metrics.json${of}` };
  }
  return void 0;
}
function usd(value) {
  if (value === 0) return "$0";
  return `$${value >= 10 ? Number(value.toFixed(2)) : Number(value.toPrecision(3))}`;
}
var plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
function runsCovered(maxUsd, perRunUsd) {
  return perRunUsd <= 0 ? Number.POSITIVE_INFINITY : Math.floor(maxUsd / perRunUsd + 1e-9);
}
function describePlan(plan, cost, maxCostUsd) {
  const parts = [
    plan.experiments > 0 ? plural(plan.experiments, "experiment run") : "",
    plan.warmups > 0 ? plural(plan.warmups, "warm-up") : "",
    `${plan.measured} measured (${plan.repeat} per side \xD7 ${plural(plan.sides, "side")})`
  ].filter(Boolean);
  const planned = plannedRuns(plan);
  const most = mostRuns(plan);
  const confirm = plan.confirmRounds > 0 ? `; at most ${most - planned} more in confirmation rounds (${plural(plan.confirmRounds, "round")} \xD7 ${plan.runsPerRound}): ${most} at most` : "";
  const lines = [`expected runs: ${parts.join(" + ")} = ${planned}${confirm}`];
  if (!cost) {
    lines.push("expected spend: not known before measuring (no eval_pipeline_metrics.json with total_stage_cost_usd on the baseline); it is stated once an experiment has run");
  } else {
    const range = most > planned ? `, ${usd(most * cost.perRunUsd)} at most` : "";
    lines.push(`expected spend: ${usd(cost.perRunUsd)} a run (${cost.source}) \u2192 ${usd(planned * cost.perRunUsd)} for the planned runs${range}`);
  }
  if (maxCostUsd !== void 0) {
    if (!cost) lines.push(`max-cost-usd ${usd(maxCostUsd)}: applied once a run's cost is known`);
    else {
      const covered = runsCovered(maxCostUsd, cost.perRunUsd);
      const verdict = covered >= most ? "covers every run" : covered >= planned ? `covers the planned runs and ${plural(Math.floor((covered - planned) / Math.max(1, plan.runsPerRound)), "confirmation round")}` : `covers ${plural(covered, "run")} of the ${planned} planned: runs stop where the next would exceed it`;
      lines.push(`max-cost-usd ${usd(maxCostUsd)}: ${verdict}`);
    }
  }
  return lines;
}
function spendNote(record) {
  if (record.stopped) return `max-cost-usd ${usd(record.maxCostUsd ?? 0)} stopped the runs: ${record.stopped}`;
  if (record.estimatedUsd === void 0) return void 0;
  const budget = record.maxCostUsd !== void 0 ? ` (max-cost-usd ${usd(record.maxCostUsd)})` : "";
  return `spend: ${plural(record.runs, "run")} started, about ${usd(record.estimatedUsd)} at ${usd(record.perRunUsd ?? 0)} a run${budget}`;
}

// src/compare/statistics/runs-needed.ts
var Z_INTERVAL = 1.959964;
var Z_DECIDE = 0.841621;
var MAX_RUNS_TO_SUGGEST = 50;
function efficiency(method, sides) {
  if (method === "welch-t" || method === "point") return 1;
  if (method === "rank-shift" && sides === 2) return 3 / Math.PI;
  return 2 / Math.PI;
}
function pooledSd(sides) {
  let squares = 0;
  let df = 0;
  for (const values of sides) {
    if (values.length < 2) continue;
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    squares += values.reduce((s, v) => s + (v - mean) ** 2, 0);
    df += values.length - 1;
  }
  return df > 0 ? Math.sqrt(squares / df) : void 0;
}
function runsForDistance(sd, distance, sides, method) {
  return Math.ceil(sides * ((Z_INTERVAL + Z_DECIDE) * sd / distance) ** 2 / efficiency(method, sides));
}
function runsToDecide(estimate, bound, values, unit) {
  const { interval } = estimate;
  const n = estimate.form === "value" ? estimate.n.candidate : Math.min(estimate.n.baseline, estimate.n.candidate);
  const vague = { runs: void 0, text: "more runs would decide it" };
  if (!interval || estimate.estimate === void 0) return vague;
  if (Math.abs(estimate.estimate - bound) < (interval.high - interval.low) / 2 * 0.05) {
    return { runs: void 0, futile: true, text: "the change sits on the bound itself: more runs will not decide it" };
  }
  const relative = estimate.form === "relative";
  const all = [...values.baseline, ...values.candidate];
  if (relative && (!all.every((v) => v > 0) || estimate.estimate <= -100 || bound <= -100)) return vague;
  const scale = (xs) => relative ? xs.map(Math.log) : xs;
  const sd = pooledSd(estimate.form === "value" ? [values.candidate] : [scale(values.baseline), scale(values.candidate)]);
  if (sd === void 0 || sd === 0) return vague;
  const distance = relative ? Math.abs(Math.log1p(estimate.estimate / 100) - Math.log1p(bound / 100)) : Math.abs(estimate.estimate - bound);
  const sides = estimate.form === "value" ? 1 : 2;
  const needed = runsForDistance(sd, distance, sides, estimate.method);
  const spread = relative ? `${(sd * 100).toFixed(sd < 1e-3 ? 2 : 1)} %` : formatValue(sd, unit);
  const per = sides === 1 ? "candidate runs" : "runs per side";
  if (needed > MAX_RUNS_TO_SUGGEST) {
    return { runs: void 0, futile: true, text: `deciding it would take more than ${MAX_RUNS_TO_SUGGEST} ${per} at the spread seen (SD ${spread})` };
  }
  const runs = Math.max(needed, n + 1);
  return { runs, text: `about ${runs} ${per} would likely decide it at the spread seen (SD ${spread}; rough estimate)` };
}

export {
  FAIL_ON_VALUES,
  isDecision,
  verdictCounts,
  decide,
  passesFailOn,
  planRuns,
  plannedRuns,
  mostRuns,
  costPerRun,
  usd,
  describePlan,
  spendNote,
  MAX_RUNS_TO_SUGGEST,
  pooledSd,
  runsForDistance,
  runsToDecide
};

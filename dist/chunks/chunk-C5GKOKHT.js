import { createRequire as __ogCreateRequire } from 'node:module'; const require = __ogCreateRequire(import.meta.url);
import {
  lookupSide,
  mergeOrders,
  stageNames
} from "./chunk-PXPRD6OG.js";
import {
  formatPercent,
  formatSigned,
  formatValue,
  metricUnit
} from "./chunk-IVBWKPMQ.js";
import {
  code,
  escapeInline,
  neutralize,
  table
} from "./chunk-VQL2WWEC.js";
import {
  isObject
} from "./chunk-T4TF7QUX.js";
import {
  maxOf,
  median,
  pushAll
} from "./chunk-LM6Q56WD.js";

// src/compare/verdicts/diff.ts
var STAGE_QUANTITIES = ["wall_time_s", "peak_rss_mb", "avg_cpu_pct"];
var TOTAL_QUANTITIES = ["wall_time_s", "peak_rss_mb", "avg_wall_time_per_episode_s"];
var TRUTH_QUANTITIES = ["run_wall_s", "sum_mapped_stage_wall_s", "parallelism_hint_ratio"];
function summarize(runs, metric) {
  const side = lookupSide(runs, metric);
  return {
    values: side.numbers,
    median: side.numbers.length > 0 ? median(side.numbers) : void 0,
    runs: runs.length,
    problems: side.problems,
    lookups: side.lookups
  };
}
function whyNoValue(lookups) {
  const kinds = new Set(lookups.filter((l) => l.kind !== "number").map((l) => l.kind));
  if (kinds.size === 1 && kinds.has("absent")) return "absent";
  if (kinds.size === 1 && kinds.has("not_measured")) return "not measured";
  if (kinds.has("invalid")) return "not a number";
  return "null";
}
function rowNote(base, cand) {
  if (base.median === void 0 && cand.median === void 0) return `${whyNoValue(base.lookups)} on both sides`;
  if (base.median === void 0) {
    const why = whyNoValue(base.lookups);
    return why === "absent" ? "only in candidate" : `baseline ${why}`;
  }
  if (cand.median === void 0) {
    const why = whyNoValue(cand.lookups);
    return why === "absent" ? "only in baseline" : `candidate ${why}`;
  }
  const implied = [base, cand].map((s, i) => s.lookups.some((l) => l.kind === "number" && l.note !== void 0) ? `stage absent in ${i === 0 ? "baseline" : "candidate"}: 0 s` : "").filter(Boolean);
  if (implied.length > 0) return implied.join("; ");
  const partial = [base, cand].map((s, i) => s.values.length < s.runs ? `${i === 0 ? "baseline" : "candidate"}: ${s.values.length} of ${s.runs} runs` : "").filter(Boolean);
  if (partial.length > 0) return partial.join("; ");
  if (base.median === 0) return "baseline 0";
  return void 0;
}
function row(section, group, name, metric, baseline, candidate) {
  const b = summarize(baseline.runs, metric);
  const c = summarize(candidate.runs, metric);
  const change = b.median !== void 0 && c.median !== void 0 ? c.median - b.median : void 0;
  const percent = change !== void 0 && b.median !== void 0 && b.median !== 0 ? change / Math.abs(b.median) * 100 : void 0;
  const note = rowNote(b, c);
  const strip = ({ lookups: _lookups, ...summary }) => summary;
  return {
    section,
    metric,
    group,
    name,
    unit: metricUnit(metric)?.symbol,
    baseline: strip(b),
    candidate: strip(c),
    change,
    percent,
    ...note ? { note } : {}
  };
}
function leafPaths(node, deep, prefix = "") {
  if (!isObject(node)) return [];
  const out = [];
  for (const [key, value] of Object.entries(node)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "number" || value === null) out.push(path);
    else if (deep && isObject(value)) pushAll(out, leafPaths(value, deep, path));
  }
  return out;
}
function leafEntries(node, prefix, group, skip = () => false) {
  return leafPaths(node, true).filter((path) => !skip(path)).map((path) => ({ group: group(path), name: path, metric: `${prefix}.${path}` }));
}
var head = (path) => path.split(".")[0] ?? path;
var tail = (path) => path.split(".").slice(1).join(".") || path;
function qualityEntries(run) {
  const metrics = run.eval;
  if (!metrics) return [];
  const entries = [];
  const references = isObject(metrics.vs_reference) ? metrics.vs_reference : {};
  for (const [ref, block] of Object.entries(references)) {
    for (const name of leafPaths(block, true)) entries.push({ group: ref, name, metric: `eval.vs_reference.${ref}.${name}` });
  }
  const intrinsic = isObject(metrics.intrinsic) ? metrics.intrinsic : {};
  for (const entry of leafEntries(
    intrinsic,
    "eval.intrinsic",
    (p) => p.includes(".") ? head(p) : "intrinsic",
    (p) => head(p) === "cost"
  )) {
    entries.push({ ...entry, name: entry.group === "intrinsic" ? entry.name : tail(entry.name) });
  }
  for (const name of leafPaths(metrics, false)) entries.push({ group: "run", name, metric: `eval.${name}` });
  return entries;
}
var LLM_STAGE_KEY = /^llm_(.+)_(calls|input_tokens|output_tokens|cost_usd)$/;
function costEntries(run) {
  const entries = [];
  const intrinsic = isObject(run.eval?.intrinsic) ? run.eval.intrinsic : {};
  for (const name of leafPaths(intrinsic.cost, false)) entries.push({ group: "eval cost", name, metric: `eval.intrinsic.cost.${name}` });
  for (const name of leafPaths(run.cost, true)) {
    const stage = LLM_STAGE_KEY.exec(name)?.[1];
    const group = stage ?? (name.startsWith("total_") ? "totals" : name.includes(".") ? head(name) : "other");
    entries.push({ group, name, metric: `cost.${name}` });
  }
  return entries;
}
function totalsEntries(run) {
  const extra = leafPaths(run.profile.totals, true).filter((q) => !TOTAL_QUANTITIES.includes(q));
  return [...TOTAL_QUANTITIES, ...extra].map((q) => ({ group: "totals", name: q, metric: `profile.totals.${q}` }));
}
function truthEntries(run) {
  if (!run.truth) return [];
  const rest = leafPaths(run.truth, true).filter((q) => !TRUTH_QUANTITIES.includes(q));
  return [...TRUTH_QUANTITIES, ...rest].map((q) => ({ group: q.includes(".") ? head(q) : "stage_truth", name: q, metric: `truth.${q}` }));
}
function stageExtras(runs, stage) {
  return mergeOrders(runs.map((run) => leafPaths(run.profile.stages[stage], true).filter((q) => !STAGE_QUANTITIES.includes(q))));
}
function entryRows(section, pick, baseline, candidate) {
  const byMetric = /* @__PURE__ */ new Map();
  const orders = [...baseline.runs, ...candidate.runs].map(
    (run) => pick(run).map((entry) => {
      byMetric.set(entry.metric, entry);
      return entry.metric;
    })
  );
  return mergeOrders(orders).map((metric) => {
    const entry = byMetric.get(metric);
    return row(section, entry.group, entry.name, metric, baseline, candidate);
  });
}
function diffSides(baseline, candidate) {
  const all = [...baseline.runs, ...candidate.runs];
  const stages = stageNames(all);
  const rows = [];
  for (const stage of stages) {
    for (const q of [...STAGE_QUANTITIES, ...stageExtras(all, stage)]) rows.push(row("stages", stage, q, `profile.stages.${stage}.${q}`, baseline, candidate));
  }
  for (const [section, entries] of [
    ["totals", totalsEntries],
    ["truth", truthEntries],
    ["quality", qualityEntries],
    ["cost", costEntries]
  ]) {
    pushAll(rows, entryRows(section, entries, baseline, candidate));
  }
  return {
    baseline: { labels: baseline.runs.map((r) => r.label) },
    candidate: { labels: candidate.runs.map((r) => r.label) },
    stages,
    rows
  };
}

// src/report/diff-tables.ts
var NONE = "\u2014";
function formatMedian(value, metric) {
  return value === void 0 ? NONE : formatValue(value, metricUnit(metric));
}
function formatChange(row2) {
  return row2.change === void 0 ? NONE : formatSigned(row2.change, metricUnit(row2.metric));
}
function formatRowPercent(row2) {
  return row2.percent === void 0 ? NONE : formatPercent(row2.percent);
}
function transition(row2) {
  if (!row2) return NONE;
  const b = formatMedian(row2.baseline.median, row2.metric);
  const c = formatMedian(row2.candidate.median, row2.metric);
  const tail2 = row2.percent !== void 0 ? formatPercent(row2.percent) : row2.note;
  return `${b} \u2192 ${c}${tail2 ? ` (${tail2})` : ""}`;
}
function rowsOf(diff, section) {
  return diff.rows.filter((r) => r.section === section);
}
function medianNote(diff) {
  const nb = diff.baseline.labels.length;
  const nc = diff.candidate.labels.length;
  return nb > 1 || nc > 1 ? ` Values are medians over ${nb} baseline / ${nc} candidate runs.` : "";
}
function stageTable(diff, maxRows = 60) {
  const find = (section, group, name) => diff.rows.find((r) => r.section === section && r.group === group && r.name === name);
  const cut = Math.max(0, diff.stages.length - maxRows);
  const rows = diff.stages.slice(0, maxRows).map((stage) => [escapeInline(stage), transition(find("stages", stage, "wall_time_s")), transition(find("stages", stage, "peak_rss_mb")), transition(find("stages", stage, "avg_cpu_pct"))]);
  rows.push(["**total**", `**${transition(find("totals", "totals", "wall_time_s"))}**`, `**${transition(find("totals", "totals", "peak_rss_mb"))}**`, NONE]);
  const perEpisode = find("totals", "totals", "avg_wall_time_per_episode_s");
  const lines = [
    table(["Stage", "Wall time", "Peak memory", "CPU (% of one core)"], rows),
    "",
    ...cut > 0 ? [`_\u2026 ${cut} more stages not shown (see \`optimization-gate diff --format json\`)._`, ""] : [],
    `Each cell: baseline \u2192 candidate (change).${medianNote(diff)}`
  ];
  if (perEpisode && (perEpisode.baseline.median !== void 0 || perEpisode.candidate.median !== void 0)) {
    lines.push(`Wall time per episode: ${transition(perEpisode)}.`);
  }
  const truth = rowsOf(diff, "truth").filter((r) => TRUTH_QUANTITIES.includes(r.name));
  if (truth.length > 0) {
    lines.push(`stage_truth: ${truth.map((r) => `${escapeInline(r.name)} ${transition(r)}`).join("; ")}.`);
  }
  return lines.join("\n");
}
function numberTable(rows, maxRows, moreAt) {
  return table(
    ["Group", "Metric", "Baseline", "Candidate", "Change", "%"],
    rows.map((r, i) => [
      // The group is written once, on its first row, to keep long reference ids from repeating.
      i > 0 && rows[i - 1]?.group === r.group ? "" : escapeInline(r.group),
      escapeInline(r.name),
      formatMedian(r.baseline.median, r.metric),
      formatMedian(r.candidate.median, r.metric),
      formatChange(r),
      r.percent !== void 0 ? formatPercent(r.percent) : neutralize(r.note ?? NONE)
    ]),
    { align: "llrrrr", maxRows, moreAt }
  );
}
function qualityTable(diff, maxRows = 80, moreAt = "gate.json / `diff --format json`") {
  const rows = rowsOf(diff, "quality");
  if (rows.length === 0) return void 0;
  return `${numberTable(rows, maxRows, moreAt)}

Metric paths are \`eval.vs_reference.<group>.<metric>\` or \`eval.intrinsic.<group>.<metric>\`.`;
}
function costTable(diff, maxRows = 80, moreAt = "gate.json / `diff --format json`") {
  const rows = rowsOf(diff, "cost");
  if (rows.length === 0) return void 0;
  const bothZero = (r) => r.baseline.median === 0 && r.candidate.median === 0;
  const shown = rows.filter((r) => !bothZero(r));
  const hidden = rows.length - shown.length;
  const parts = [];
  if (shown.length > 0) parts.push(numberTable(shown, maxRows, moreAt));
  if (hidden > 0) parts.push(`${shown.length > 0 ? "" : "No cost recorded: "}${hidden} cost metric${hidden === 1 ? " is" : "s are"} 0 on both sides${shown.length > 0 ? " (not listed)" : ""}.`);
  parts.push(`Metric paths are ${code("cost.<metric>")} (eval_pipeline_metrics.json) or ${code("eval.intrinsic.cost.<metric>")}.`);
  return parts.join("\n\n");
}

// src/report/chart.ts
var BASELINE_COLOUR = "#8c959f";
var CANDIDATE_COLOUR = "#0969da";
function quoted(text) {
  return `"${text.replace(/"/g, "'").replace(/[\r\n]+/g, " ")}"`;
}
function rounded(value) {
  return String(Math.round(value * 1e3) / 1e3);
}
function stageWallChart(diff, options = {}) {
  const walls = diff.stages.map((stage) => {
    const row2 = diff.rows.find((r) => r.section === "stages" && r.group === stage && r.name === "wall_time_s");
    return { stage, baseline: row2?.baseline.median, candidate: row2?.candidate.median };
  });
  if (walls.every((w) => w.baseline === void 0 && w.candidate === void 0)) return void 0;
  const maxStages = options.maxStages ?? 20;
  const biggest = [...walls].sort((a, b) => Math.max(b.baseline ?? 0, b.candidate ?? 0) - Math.max(a.baseline ?? 0, a.candidate ?? 0));
  const kept = new Set(biggest.slice(0, maxStages).map((w) => w.stage));
  const shown = walls.filter((w) => kept.has(w.stage));
  const labels = [];
  const baseSeries = [];
  const candSeries = [];
  for (const w of shown) {
    labels.push(quoted(`${w.stage} \xB7 base${w.baseline === void 0 ? " (absent)" : ""}`));
    labels.push(quoted(`${w.stage} \xB7 cand${w.candidate === void 0 ? " (absent)" : ""}`));
    baseSeries.push(rounded(w.baseline ?? 0), "0");
    candSeries.push("0", rounded(w.candidate ?? 0));
  }
  const top = maxOf(shown.map((w) => Math.max(w.baseline ?? 0, w.candidate ?? 0)));
  const lines = [
    "```mermaid",
    `%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "${BASELINE_COLOUR}, ${CANDIDATE_COLOUR}"}}}}%%`,
    "xychart-beta horizontal",
    `  title ${quoted("Wall time per stage (s): grey = baseline, blue = candidate")}`,
    `  x-axis [${labels.join(", ")}]`,
    `  y-axis ${quoted("seconds")} 0 --> ${rounded(top > 0 ? top * 1.05 : 1)}`,
    `  bar [${baseSeries.join(", ")}]`,
    `  bar [${candSeries.join(", ")}]`,
    "```"
  ];
  const cut = walls.length - shown.length;
  if (cut > 0) lines.push("", `_${cut} shorter stage${cut === 1 ? "" : "s"} not charted._`);
  return lines.join("\n");
}

export {
  diffSides,
  NONE,
  formatMedian,
  formatChange,
  formatRowPercent,
  stageTable,
  qualityTable,
  costTable,
  stageWallChart
};

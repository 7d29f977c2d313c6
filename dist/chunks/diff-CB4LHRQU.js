import { createRequire as __ogCreateRequire } from 'node:module'; const require = __ogCreateRequire(import.meta.url);
import {
  loadSideFromFlags
} from "./chunk-5UL2VHVJ.js";
import {
  parseCliArgs,
  usage
} from "./chunk-MMFQZGGM.js";
import {
  NONE,
  costTable,
  diffSides,
  formatChange,
  formatMedian,
  formatRowPercent,
  qualityTable,
  stageTable,
  stageWallChart
} from "./chunk-C5GKOKHT.js";
import "./chunk-PXPRD6OG.js";
import "./chunk-IVBWKPMQ.js";
import "./chunk-VQL2WWEC.js";
import "./chunk-DIO3Y34K.js";
import "./chunk-D7UG36OI.js";
import "./chunk-UHNHABYH.js";
import "./chunk-T4TF7QUX.js";
import {
  maxOf
} from "./chunk-LM6Q56WD.js";
import {
  UserError
} from "./chunk-LDP73T3D.js";
import "./chunk-Y2US2WXL.js";

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
  const widths = header.map(
    (h, i) => maxOf(
      rows.map((r) => r[i].length),
      h.length
    )
  );
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
    const baseline = loadSideFromFlags("baseline", [base], evalBase !== void 0 ? [evalBase] : [], { profiles: "BASE", evalDirs: "eval-baseline" });
    const candidate = loadSideFromFlags("candidate", [cand], evalCand !== void 0 ? [evalCand] : [], { profiles: "CAND", evalDirs: "eval-candidate" });
    process.stdout.write(renderDiff(diffSides(baseline, candidate), options.format));
    return Promise.resolve(0);
  }
};
export {
  diffCommand
};

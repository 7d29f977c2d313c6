import { createRequire as __ogCreateRequire } from 'node:module'; const require = __ogCreateRequire(import.meta.url);
import {
  escapeProse
} from "./chunk-ZAS337DE.js";
import {
  codeSpan,
  escapeInline
} from "./chunk-VQL2WWEC.js";
import {
  isObject
} from "./chunk-T4TF7QUX.js";
import {
  maxOf
} from "./chunk-LM6Q56WD.js";

// src/compare/history/timeline.ts
var TIMELINE_POINTS = 40;
var MAX_STAGES = 30;
var round = (v, digits) => Math.round(v * 10 ** digits) / 10 ** digits;
function buildTimeline(samples, spans, run, meta, points = TIMELINE_POINTS) {
  const startedAt = run.startedAt;
  const span = Math.max(run.lastSampleT - startedAt, 1e-9);
  const buckets = [];
  for (const s of samples) {
    const index = Math.max(0, Math.min(points - 1, Math.floor((s.t - startedAt) / span * points)));
    const b = buckets[index] ??= { t: 0, mem: 0, cpuSum: 0, cpuN: 0 };
    b.t = Math.max(b.t, s.t - startedAt);
    b.mem = Math.max(b.mem, s.mem_mb);
    if (s.cpu_pct !== null) {
      b.cpuSum += s.cpu_pct;
      b.cpuN += 1;
    }
  }
  if (buckets.length === 0) return null;
  const reduced = buckets.flatMap((b) => b ? [{ t: round(b.t, 2), mem_mb: round(b.mem, 1), cpu_pct: b.cpuN > 0 ? round(b.cpuSum / b.cpuN, 1) : null }] : []);
  const stages = [...spans].sort((a, b) => a.start - b.start).slice(0, MAX_STAGES).map((s) => ({ stage: s.stage.slice(0, 80), start: round(s.start - startedAt, 2), end: round(s.end - startedAt, 2) }));
  return { label: meta.label.slice(0, 200), memory_metric: meta.memoryMetric.slice(0, 40), points: reduced, stages };
}
function parseTimeline(v) {
  if (!isObject(v) || typeof v.label !== "string" || typeof v.memory_metric !== "string" || !Array.isArray(v.points) || !Array.isArray(v.stages)) return void 0;
  if (v.points.length > TIMELINE_POINTS * 2 || v.stages.length > MAX_STAGES) return void 0;
  const finite = (x) => typeof x === "number" && Number.isFinite(x);
  const points = [];
  for (const p of v.points) {
    if (!isObject(p) || !finite(p.t) || !finite(p.mem_mb) || !(p.cpu_pct === null || finite(p.cpu_pct))) return void 0;
    points.push({ t: p.t, mem_mb: p.mem_mb, cpu_pct: p.cpu_pct });
  }
  const stages = [];
  for (const s of v.stages) {
    if (!isObject(s) || typeof s.stage !== "string" || s.stage.length > 80 || !finite(s.start) || !finite(s.end)) return void 0;
    stages.push({ stage: s.stage, start: s.start, end: s.end });
  }
  return { label: v.label.slice(0, 200), memory_metric: v.memory_metric.slice(0, 40), points, stages };
}

// src/compare/history/ledger.ts
var LEDGER_SCHEMA = "optimization-gate-ledger/1";
var LEDGER_BLOCK_START = "<!-- optimization-gate:ledger";
var BLOCK_END = "-->";
function emptyLedger(issue) {
  return { schema: LEDGER_SCHEMA, issue, runs: [], records: [], dropped: 0, timeline: null };
}
var MAX_TEXT = 300;
var str = (v, max = MAX_TEXT) => typeof v === "string" && v.length <= max ? v : void 0;
var num = (v) => v === null ? null : typeof v === "number" && Number.isFinite(v) ? v : void 0;
function parseHeadline(v) {
  if (v === null) return null;
  if (!isObject(v) || !isObject(v.quality)) return void 0;
  const runs = num(v.runs);
  const fields = { wall_s: num(v.wall_s), peak_mb: num(v.peak_mb), cpu_s: num(v.cpu_s), cost_usd: num(v.cost_usd) };
  if (typeof runs !== "number" || Object.values(fields).some((f) => f === void 0)) return void 0;
  const quality = {};
  for (const [k, q] of Object.entries(v.quality)) {
    if (typeof q !== "number" || !Number.isFinite(q) || k.length > MAX_TEXT) return void 0;
    quality[k] = q;
  }
  return { runs, ...fields, quality };
}
var VERDICTS = ["confirmed", "rejected", "undecided"];
var MODES = ["gate", "measure", "baseline"];
function parseRun(v) {
  if (!isObject(v)) return void 0;
  const [at, runUrl, ref, runner, decision] = [str(v.at), str(v.run_url), str(v.ref), str(v.runner), str(v.decision)];
  const mode = str(v.mode);
  const commentUrl = v.comment_url === null ? null : str(v.comment_url);
  const pr = num(v.pr);
  const baseline = parseHeadline(v.baseline);
  const candidate = parseHeadline(v.candidate);
  if (at === void 0 || runUrl === void 0 || ref === void 0 || runner === void 0 || decision === void 0 || commentUrl === void 0) return void 0;
  if (mode === void 0 || !MODES.includes(mode) || pr === void 0 || baseline === void 0 || candidate === void 0 || !Array.isArray(v.hypotheses)) return void 0;
  const hypotheses = [];
  for (const h of v.hypotheses) {
    if (!isObject(h)) return void 0;
    const [id, verdict, reason] = [str(h.id, 60), str(h.verdict), str(h.reason)];
    if (id === void 0 || verdict === void 0 || !VERDICTS.includes(verdict) || reason === void 0) return void 0;
    hypotheses.push({ id, verdict, reason });
  }
  let thresholds = null;
  if (v.thresholds !== null) {
    const t = v.thresholds;
    if (!isObject(t) || typeof t.count !== "number" || typeof t.hypotheses !== "number" || typeof t.trusted !== "boolean") return void 0;
    const [author, permission] = [str(t.author, 100), str(t.permission, 20)];
    if (author === void 0 || permission === void 0) return void 0;
    thresholds = { count: t.count, hypotheses: t.hypotheses, author, permission, trusted: t.trusted };
  }
  return { at, run_url: runUrl, mode, ref, pr, runner, decision, comment_url: commentUrl, baseline, candidate, hypotheses, thresholds };
}
function parseRecord(v) {
  if (!isObject(v) || v.kind !== "promoted") return void 0;
  const [at, by, runUrl] = [str(v.at), str(v.by, 100), str(v.run_url)];
  const prUrl = v.pr_url === null ? null : str(v.pr_url);
  if (at === void 0 || by === void 0 || runUrl === void 0 || prUrl === void 0) return void 0;
  return { kind: "promoted", at, by, run_url: runUrl, pr_url: prUrl };
}
function parseLedger(data, issue) {
  if (!isObject(data) || data.schema !== LEDGER_SCHEMA) return { error: `not a ${LEDGER_SCHEMA} document` };
  if (typeof data.issue !== "number" || !Number.isSafeInteger(data.issue) || issue !== void 0 && data.issue !== issue) {
    return { error: `it belongs to issue ${String(data.issue)}, not #${String(issue)}` };
  }
  if (!Array.isArray(data.runs) || !Array.isArray(data.records) || typeof data.dropped !== "number") return { error: "runs, records or dropped missing" };
  const runs = [];
  for (const [i, r] of data.runs.entries()) {
    const run = parseRun(r);
    if (!run) return { error: `runs[${i}] is not a valid run` };
    runs.push(run);
  }
  const records = [];
  for (const [i, r] of data.records.entries()) {
    const record = parseRecord(r);
    if (!record) return { error: `records[${i}] is not a valid record` };
    records.push(record);
  }
  const timeline = data.timeline === null || data.timeline === void 0 ? null : parseTimeline(data.timeline);
  if (timeline === void 0) return { error: "timeline is not a valid resource timeline" };
  return { ledger: { schema: LEDGER_SCHEMA, issue: data.issue, runs, records, dropped: Math.max(0, Math.floor(data.dropped)), timeline } };
}
function ledgerBlock(ledger) {
  return `${LEDGER_BLOCK_START}
${JSON.stringify(ledger).replace(/--/g, "-\\u002d")}
${BLOCK_END}`;
}
function readLedgerBlock(body, issue) {
  const start = body.indexOf(LEDGER_BLOCK_START);
  if (start < 0) return { ledger: emptyLedger(issue ?? 0) };
  const from = start + LEDGER_BLOCK_START.length;
  const end = body.indexOf(BLOCK_END, from);
  const fresh = (why) => ({ ledger: emptyLedger(issue ?? 0), warning: `the status comment's history block is unreadable (${why}): the history starts afresh` });
  if (end < 0) return fresh("the block is not closed");
  let data;
  try {
    data = JSON.parse(body.slice(from, end));
  } catch (error) {
    return fresh(`not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = parseLedger(data, issue);
  return "error" in parsed ? fresh(parsed.error) : parsed;
}
function addRun(ledger, run, timeline) {
  return { ...ledger, runs: [run, ...ledger.runs], timeline: timeline ?? ledger.timeline };
}
function addRecord(ledger, record) {
  return { ...ledger, records: [...ledger.records, record] };
}
function dropOldest(ledger, n) {
  const kept = ledger.runs.slice(0, Math.max(0, ledger.runs.length - n));
  return { ...ledger, runs: kept, dropped: ledger.dropped + (ledger.runs.length - kept.length) };
}

// src/report/status.ts
var STATUS_MARKER = "<!-- optimization-gate:status -->";
var MAX_COMMENT_CHARS = 65536;
function link(text, url) {
  return url && /^https:\/\/[A-Za-z0-9.-]+(?::\d+)?\/[A-Za-z0-9/_.~%#?=&+:-]*$/.test(url) ? `[${text}](${url})` : text;
}
var fmt = (v, digits = 3) => v === null || v === void 0 ? "\u2014" : String(Number(v.toPrecision(digits + 1)));
var cell = (text) => escapeProse(text);
var date = (iso) => escapeInline(iso.slice(0, 16).replace("T", " "));
function baselineRuns(ledger) {
  return ledger.runs.filter((r) => r.baseline !== null);
}
function checklist(ledger) {
  const box = (done, what, evidence) => `- [${done ? "x" : " "}] **${what}** \u2014 ${evidence}`;
  const read = ledger.runs.find((r) => r.thresholds !== null);
  const trusted = ledger.runs.find((r) => r.thresholds?.trusted && r.thresholds.count + r.thresholds.hypotheses > 0);
  const written = ledger.runs.find((r) => r.thresholds?.trusted && r.thresholds.hypotheses > 0);
  const withEval = baselineRuns(ledger).find((r) => Object.keys(r.baseline?.quality ?? {}).length > 0);
  const withProfile = baselineRuns(ledger).find((r) => r.baseline?.wall_s !== null);
  const validated = ledger.runs.find((r) => r.hypotheses.length > 0 && r.hypotheses.every((h) => h.verdict !== "undecided"));
  const gated = ledger.runs.find((r) => r.mode === "gate" && r.candidate !== null && r.baseline !== null);
  const posted = ledger.runs.find((r) => r.mode === "gate" && r.candidate !== null && r.comment_url !== null);
  const promoted = ledger.records.findLast((r) => r.kind === "promoted");
  const t = trusted?.thresholds;
  const lines = [
    box(
      trusted !== void 0,
      "Thresholds parsed",
      t ? `${t.count} threshold${t.count === 1 ? "" : "s"} written by ${codeSpan(t.author)} (${escapeInline(t.permission)} permission: trusted) \xB7 ${link("run", trusted?.run_url)}` : read?.thresholds && !read.thresholds.trusted ? `not trusted: written by ${codeSpan(read.thresholds.author)} with ${escapeInline(read.thresholds.permission)} permission (needs write, maintain or admin) \xB7 ${link("run", read.run_url)}` : "no run has read a threshold block on this issue yet"
    ),
    box(written !== void 0, "Hypotheses written", written?.thresholds ? `${written.thresholds.hypotheses} on the issue \xB7 ${link("run", written.run_url)}` : "none read from the issue yet"),
    box(
      withEval !== void 0,
      "Baseline quality measured (eval)",
      withEval ? `${Object.keys(withEval.baseline?.quality ?? {}).map(codeSpan).join(", ")} \xB7 ${link("run", withEval.run_url)}` : "no baseline run with eval metrics named by the thresholds yet"
    ),
    box(
      withProfile !== void 0,
      "Baseline performance measured (profile)",
      withProfile ? `${withProfile.baseline?.runs ?? 0} run(s), wall ${fmt(withProfile.baseline?.wall_s)} s \xB7 ${link("run", withProfile.run_url)}` : "no baseline profile yet"
    ),
    box(
      validated !== void 0,
      "Hypotheses validated",
      validated ? `${validated.hypotheses.map((h) => `${escapeInline(h.id)} ${h.verdict}`).join(", ")} \xB7 ${link("run", validated.run_url)}` : ledger.runs.some((r) => r.hypotheses.length > 0) ? "evaluated, but some are still undecided" : "not evaluated yet"
    ),
    box(
      gated !== void 0,
      "Candidate validated against the baseline",
      gated ? `${escapeInline(gated.decision)} for ${codeSpan(gated.ref)} \xB7 ${link("run", gated.run_url)}` : "no gate has compared a candidate yet"
    ),
    box(posted !== void 0, "Decision posted", posted ? `${escapeInline(posted.decision)} \xB7 ${link("report", posted.comment_url)}` : "no decision comment yet"),
    box(
      promoted !== void 0,
      "Promoted",
      promoted ? `by ${codeSpan(promoted.by)} on ${date(promoted.at)} \xB7 ${link("run", promoted.run_url)}${promoted.pr_url ? ` \xB7 ${link("pull request", promoted.pr_url)}` : ""}` : "not yet"
    )
  ];
  return lines;
}
function problemDefinition(ledger) {
  const run = baselineRuns(ledger)[0];
  const b = run?.baseline;
  if (!run || !b) return ["_No baseline measured for this issue yet: dispatch a measurement, or open a pull request that gates._"];
  const rows = [
    ...Object.entries(b.quality).map(([metric, value]) => [`Quality ${codeSpan(metric)}`, fmt(value, 4)]),
    ["Cost per run (USD)", fmt(b.cost_usd, 4)],
    ["Time: run wall (s)", fmt(b.wall_s)],
    ["CPU time (s)", fmt(b.cpu_s)],
    ["Peak memory (MiB)", fmt(b.peak_mb)]
  ];
  return [
    `Baseline as measured ${date(run.at)} (${b.runs} run${b.runs === 1 ? "" : "s"}, medians) \xB7 ${link("run", run.run_url)}`,
    "",
    "| Metric | Baseline |",
    "|---|---:|",
    ...rows.map(([m, v]) => `| ${m} | ${v} |`)
  ];
}
var side = (h, pick, digits = 3) => h ? fmt(pick(h), digits) : "\u2014";
var pair = (r, pick, digits = 3) => r.candidate ? `${side(r.baseline, pick, digits)} \u2192 ${side(r.candidate, pick, digits)}` : side(r.baseline, pick, digits);
function history(ledger) {
  if (ledger.runs.length === 0) return ["_No run yet._"];
  const lines = [
    "| Date (UTC) | Ref / PR | Runner | Mode | Decision | Wall s | Peak MiB | Cost USD | Quality |",
    "|---|---|---|---|---|---:|---:|---:|---|",
    ...ledger.runs.map((r) => {
      const quality = Object.entries(r.candidate?.quality ?? r.baseline?.quality ?? {}).map(([m, v]) => `${escapeInline(m.split(".").slice(-1)[0] ?? m)} ${fmt(v, 4)}`).join(", ");
      const ref = `${codeSpan(r.ref)}${r.pr !== null ? ` (PR ${r.pr})` : ""}`;
      return `| ${link(date(r.at), r.run_url)} | ${ref} | ${cell(r.runner)} | ${r.mode} | ${link(cell(r.decision), r.comment_url)} | ${pair(r, (h) => h.wall_s)} | ${pair(r, (h) => h.peak_mb)} | ${pair(r, (h) => h.cost_usd, 4)} | ${quality || "\u2014"} |`;
    })
  ];
  if (ledger.dropped > 0) lines.push("", `_${ledger.dropped} older run${ledger.dropped === 1 ? "" : "s"} dropped to keep this comment within GitHub's size limit._`);
  return lines;
}
function mermaidText(text, max = 60) {
  return `"${text.replace(/["`]/g, "'").replace(/%%/g, "%").replace(/[\r\n]+/g, " ").slice(0, max)}"`;
}
function lineChart(title, labels, yTitle, series) {
  const top = Math.max(maxOf(series.flat()), 0);
  return [
    "```mermaid",
    "xychart-beta",
    `  title ${mermaidText(title, 200)}`,
    `  x-axis [${labels.map((l) => mermaidText(l)).join(", ")}]`,
    `  y-axis ${mermaidText(yTitle)} 0 --> ${fmt(top > 0 ? top * 1.1 : 1)}`,
    ...series.map((s) => `  line [${s.map((v) => fmt(v)).join(", ")}]`),
    "```"
  ];
}
function trend(ledger) {
  const points = [...ledger.runs].reverse().flatMap((r, i) => {
    const wall = (r.candidate ?? r.baseline)?.wall_s;
    return wall === null || wall === void 0 ? [] : [{ label: `${i + 1 + ledger.dropped} ${r.mode}`, wall }];
  });
  if (points.length < 2) return [];
  return lineChart(
    "Run wall time per run (s): the gate candidate, or the baseline measured",
    points.map((p) => p.label),
    "seconds",
    [points.map((p) => p.wall)]
  );
}
function timelineSection(t) {
  if (!t || t.points.length === 0) return ["_No samples from a run yet._"];
  const labels = t.points.map((p) => {
    const starting = t.stages.filter((s) => s.start <= p.t && !t.points.some((q) => q.t < p.t && q.t >= s.start)).map((s) => s.stage);
    return `${fmt(p.t)}s${starting.length > 0 ? ` ${starting.join("+")}` : ""}`;
  });
  const cpu = t.points.map((p) => p.cpu_pct ?? 0);
  return [
    `Latest run: ${escapeInline(t.label)} (memory: ${escapeInline(t.memory_metric)}; ${t.points.length} points, each the highest memory and the mean CPU of its slice)`,
    "",
    ...lineChart("Memory of the process tree (MiB)", labels, "MiB", [t.points.map((p) => p.mem_mb)]),
    "",
    ...lineChart("CPU of the process tree (% of one core)", labels, "%", [cpu]),
    "",
    "| Stage | Start (s) | End (s) |",
    "|---|---:|---:|",
    ...t.stages.map((s) => `| ${cell(s.stage)} | ${fmt(s.start)} | ${fmt(s.end)} |`)
  ];
}
function render(ledger) {
  const chart = trend(ledger);
  return [
    STATUS_MARKER,
    `## \u{1F9ED} optimization-gate status of this issue`,
    "_Edited in place by every run for this issue; each run's full report is its own comment. The history is kept in this comment (hidden block at the end): `optimization-gate status --issue-comment-file` reads it._",
    "",
    "### Process",
    ...checklist(ledger),
    "",
    "### Problem definition",
    ...problemDefinition(ledger),
    "",
    `### History (${ledger.runs.length + ledger.dropped} run${ledger.runs.length + ledger.dropped === 1 ? "" : "s"}, newest first)`,
    ...history(ledger),
    ...chart.length > 0 ? ["", ...chart] : [],
    "",
    "### Resource timeline of the latest run",
    ...timelineSection(ledger.timeline),
    "",
    ledgerBlock(ledger),
    ""
  ].join("\n");
}
function renderStatusComment(ledger) {
  let current = ledger;
  let body = render(current);
  while (body.length > MAX_COMMENT_CHARS && current.runs.length > 1) {
    current = dropOldest(current, Math.max(1, Math.ceil(current.runs.length / 10)));
    body = render(current);
  }
  if (body.length > MAX_COMMENT_CHARS) {
    current = { ...current, timeline: null };
    body = render(current);
  }
  return { body, ledger: current };
}

export {
  buildTimeline,
  LEDGER_BLOCK_START,
  emptyLedger,
  parseLedger,
  readLedgerBlock,
  addRun,
  addRecord,
  STATUS_MARKER,
  renderStatusComment
};

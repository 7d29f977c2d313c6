import { createRequire as __ogCreateRequire } from 'node:module'; const require = __ogCreateRequire(import.meta.url);
import {
  expandMetricPattern,
  lookupMetric,
  mergeOrders,
  valueInterval
} from "./chunk-PXPRD6OG.js";
import {
  metricUnit
} from "./chunk-IVBWKPMQ.js";
import {
  median,
  pushAll
} from "./chunk-LM6Q56WD.js";

// src/compare/grammar/hypotheses/describe.ts
var OP_SYMBOL = { "<": "<", "<=": "\u2264", ">": ">", ">=": "\u2265", "==": "=" };
function plainNumber(x) {
  if (x === 0) return "0";
  const abs = Math.abs(x);
  const decimals = abs >= 1 ? 2 : Math.min(8, 2 - Math.floor(Math.log10(abs)));
  const text = x.toFixed(decimals);
  return text.includes(".") ? text.replace(/0+$/, "").replace(/\.$/, "") : text;
}
function formatIn(value, dim, percent) {
  if (value === null) return "n/a";
  if (percent) return `${plainNumber(Number((value * 100).toFixed(1)))} %`;
  switch (dim) {
    case "time":
      return `${plainNumber(value)} s`;
    case "memory":
      return `${plainNumber(value)} MiB`;
    case "money":
      return `${value < 0 ? "-" : ""}$${plainNumber(Math.abs(value))}`;
    case "cpu":
      return `${plainNumber(value)} % of a core`;
    case "none":
    case "free":
      return plainNumber(value);
  }
}
var STAGE_WALL = /^profile\.stages\.\*\.wall_time_s$|^truth\.wall_seconds_by_stage\.\*$/;
function metricName(path) {
  if (path === "profile.totals.wall_time_s" || path === "truth.run_wall_s") return "run wall time";
  if (path === "truth.sum_mapped_stage_wall_s") return "summed stage wall time";
  if (path.startsWith("profile.totals.")) return `run ${path.slice("profile.totals.".length)}`;
  const stage = /^profile\.stages\.([^.]+)\.(.+)$/.exec(path) ?? /^truth\.wall_seconds_by_stage\.([^.]+)()$/.exec(path);
  if (stage) return stage[2] === "wall_time_s" || stage[2] === "" ? stage[1] : `${stage[1]} ${stage[2]}`;
  return path.split(".").at(-1) ?? path;
}
function nodeName(node2) {
  if (node2.kind === "sum" && node2.metric) {
    if (STAGE_WALL.test(node2.metric)) return "summed stage wall time";
    const field = /^profile\.stages\.\*\.(.+)$/.exec(node2.metric);
    return field ? `summed stage ${field[1]}` : `the sum of ${node2.metric}`;
  }
  if (node2.kind === "metric" && node2.metric) return metricName(node2.metric);
  return node2.text;
}
function parts(node2, percent) {
  const [a, b] = node2.children;
  switch (node2.kind) {
    case "number":
      return node2.text;
    case "metric":
      return `${nodeName(node2)} ${formatIn(node2.value, node2.dim, false)}${node2.note ? " (stage absent)" : ""}`;
    case "sum":
      return `${nodeName(node2)} ${formatIn(node2.value, node2.dim, false)}`;
    case "negate":
      return `\u2212${parts(a, percent)}`;
    case "binary": {
      const symbol = node2.op === "-" ? "\u2212" : node2.op === "*" ? "\xD7" : node2.op;
      return `${parts(a, false)} ${symbol} ${parts(b, false)}`;
    }
    case "share":
      return `${node2.text} = ${formatIn(node2.value, "none", true)}`;
  }
}
function isPercent(node2) {
  if (node2.kind === "share" || node2.kind === "number" && node2.percent === true) return true;
  return node2.kind === "negate" && isPercent(node2.children[0]);
}
function describeValue(node2, percent) {
  const value = formatIn(node2.value, node2.dim, percent);
  if (node2.kind === "share") {
    const [part, whole] = node2.children;
    return `${value} of ${nodeName(whole)} (${parts(part, false)} of ${formatIn(whole.value, whole.dim, false)})`;
  }
  if (node2.kind === "metric" || node2.kind === "sum") {
    const count = node2.matches ? ` (${node2.matches.length} value${node2.matches.length === 1 ? "" : "s"})` : "";
    return `${nodeName(node2)} ${value}${count}${node2.note ? " (stage absent)" : ""}`;
  }
  if (node2.kind === "number") return node2.text;
  return `${node2.text} = ${value} (${parts(node2, percent)})`;
}
function describeOutcome(outcome) {
  const { left, right, op } = outcome;
  const percent = isPercent(left) || isPercent(right);
  const constantRight = outcome.intervalOf !== "difference" && !hasMeasured(right);
  const bound = constantRight ? formatIn(right.value, right.dim === "free" ? left.dim : right.dim, percent) : describeValue(right, percent);
  if (outcome.runs === 0) return `not evaluated: ${outcome.problems.join("; ")}`;
  if (outcome.basis === "missing" || outcome.basis === "undefined") {
    return `${outcome.basis === "missing" ? "missing data" : "undefined value"}: ${outcome.problems.join("; ")}; needs ${OP_SYMBOL[op]} ${bound}`;
  }
  const main = `${describeValue(left, percent)}, needs ${OP_SYMBOL[op]} ${bound}`;
  if (outcome.basis === "value") return main;
  const of = `median of ${outcome.runs} runs`;
  if (!outcome.interval) return `${main} (${of}; no interval could be formed: not judged on the median alone)`;
  const { low, high, level } = outcome.interval;
  const show = (x) => outcome.intervalOf === "left" ? formatIn(x, left.dim, percent) : formatIn(x, left.dim === "free" ? right.dim : left.dim, percent);
  const what = outcome.intervalOf === "difference" ? "of the difference " : "";
  const ci = `${(level * 100).toFixed(level >= 0.995 ? 1 : 0).replace(/\.0$/, "")} % CI ${what}[${show(low)}, ${show(high)}]`;
  const straddles = outcome.verdict === "undecided" ? `: the interval contains the bound` : "";
  return `${main} (${of}, ${ci}${straddles})`;
}
function hasMeasured(node2) {
  return node2.kind === "metric" || node2.kind === "sum" || node2.children.some(hasMeasured);
}
function find(node2, pick) {
  if (pick(node2)) return node2;
  for (const child of node2.children) {
    const found = find(child, pick);
    if (found) return found;
  }
  return void 0;
}
function overlapNote(left, runs) {
  const summed = find(left, (n) => n.kind === "sum" && STAGE_WALL.test(n.metric ?? "") || n.kind === "metric" && n.metric === "truth.sum_mapped_stage_wall_s");
  const walls = runs.map((r) => r.profile.totals.wall_time_s).filter((w) => Number.isFinite(w) && w > 0);
  if (!summed || summed.value === null || walls.length === 0) return [];
  const wall = median(walls);
  if (summed.value <= wall * 1.02) return [];
  return [
    `stages overlap: the summed stage wall time (${formatIn(summed.value, "time", false)}) is ${(summed.value / wall).toFixed(2)}\xD7 the run's wall time (${formatIn(wall, "time", false)}); this check is about summed stage time`
  ];
}

// src/compare/grammar/hypotheses/evaluate.ts
var TOLERANCE = 1e-9;
function scaled(path, value) {
  return value * (metricUnit(path)?.scale ?? 1);
}
function leaf(expr, text, value, extra = {}) {
  return { kind: expr.type, text: text.slice(expr.start, expr.end), dim: expr.dim, value, ...extra, children: [] };
}
function arithmetic(op, a, b) {
  switch (op) {
    case "+":
      return a + b;
    case "-":
      return a - b;
    case "*":
      return a * b;
    case "/":
      return b === 0 ? void 0 : a / b;
  }
}
function withoutThresholdHint(reason) {
  return reason.replace(/ \(mark the threshold optional[^)]*\)/, "");
}
function evalRun(expr, text, run, out) {
  switch (expr.type) {
    case "number":
      return leaf(expr, text, expr.value, expr.percent ? { percent: true } : {});
    case "metric": {
      const found = lookupMetric(run, expr.path);
      if (found.kind !== "number") out.missing.push(withoutThresholdHint(found.reason));
      const value = found.kind === "number" ? scaled(expr.path, found.value) : null;
      return leaf(expr, text, value, { metric: expr.path, ...found.kind === "number" && found.note ? { note: found.note } : {} });
    }
    case "sum": {
      const paths = expandMetricPattern(expr.pattern, [run]);
      if (paths.length === 0) out.missing.push(`no metric matches ${expr.pattern} in ${run.label}`);
      const matches = paths.map((metric) => {
        const found = lookupMetric(run, metric);
        if (found.kind !== "number") out.missing.push(found.reason);
        return { metric, value: found.kind === "number" ? scaled(metric, found.value) : null };
      });
      const complete = paths.length > 0 && matches.every((m) => m.value !== null);
      const total = complete ? matches.reduce((s, m) => s + m.value, 0) : null;
      return leaf(expr, text, total, { metric: expr.pattern, matches });
    }
    case "negate": {
      const operand = evalRun(expr.operand, text, run, out);
      return { ...leaf(expr, text, operand.value === null ? null : -operand.value), children: [operand] };
    }
    case "share":
    case "binary": {
      const [a, b] = expr.type === "share" ? [expr.part, expr.whole] : [expr.left, expr.right];
      const left = evalRun(a, text, run, out);
      const right = evalRun(b, text, run, out);
      const op = expr.type === "share" ? "/" : expr.op;
      let value = null;
      if (left.value !== null && right.value !== null) {
        value = arithmetic(op, left.value, right.value) ?? null;
        if (value === null) out.undefinedBy.push(`${text.slice(b.start, b.end)} is 0 in ${run.label}, so ${text.slice(expr.start, expr.end)} is undefined`);
      }
      return { ...leaf(expr, text, value, expr.type === "binary" ? { op } : {}), children: [left, right] };
    }
  }
}
function combine(nodes) {
  const first = nodes[0];
  const values = nodes.map((n) => n.value);
  const value = values.every((v) => v !== null) ? median(values) : null;
  const combined = { ...first, value, children: first.children.map((_, i) => combine(nodes.map((n) => n.children[i]))) };
  if (first.matches) {
    const order = mergeOrders(nodes.map((n) => (n.matches ?? []).map((m) => m.metric)));
    combined.matches = order.map((metric) => {
      const found = nodes.map((n) => n.matches?.find((m) => m.metric === metric)?.value ?? null);
      return { metric, value: found.every((v) => v !== null) ? median(found) : null };
    });
  }
  return combined;
}
function satisfies(x, op, eps) {
  switch (op) {
    case "<=":
      return x <= eps;
    case "<":
      return x < -eps;
    case ">=":
      return x >= -eps;
    case ">":
      return x > eps;
    case "==":
      return Math.abs(x) <= eps;
  }
}
function judge(low, high, op, eps) {
  if (op === "==") {
    if (Math.abs(low) <= eps && Math.abs(high) <= eps) return "confirmed";
    return low > eps || high < -eps ? "rejected" : "undecided";
  }
  const upper = op === "<=" || op === "<";
  const [worst, best] = upper ? [high, low] : [low, high];
  if (satisfies(worst, op, eps)) return "confirmed";
  return satisfies(best, op, eps) ? "undecided" : "rejected";
}
function hasMetrics(expr) {
  switch (expr.type) {
    case "number":
      return false;
    case "metric":
    case "sum":
      return true;
    case "negate":
      return hasMetrics(expr.operand);
    case "share":
      return hasMetrics(expr.part) || hasMetrics(expr.whole);
    case "binary":
      return hasMetrics(expr.left) || hasMetrics(expr.right);
  }
}
function grouped(reasons, runs) {
  const counts = /* @__PURE__ */ new Map();
  for (const r of reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  return [...counts].map(([r, n]) => n > 1 && runs > 1 ? `${r} (${n} runs)` : r);
}
function evaluateHypothesisOn(hypothesis, side2, runs, options = {}) {
  const { check } = hypothesis;
  const missing = [];
  const undefinedBy = [];
  const perRun = runs.map((run) => {
    const out = { missing: [], undefinedBy: [] };
    const left2 = evalRun(check.left, check.text, run, out);
    const right2 = evalRun(check.right, check.text, run, out);
    pushAll(missing, out.missing);
    pushAll(undefinedBy, out.undefinedBy);
    return { left: left2, right: right2 };
  });
  const empty = (expr) => leaf(expr, check.text, null);
  const left = perRun.length > 0 ? combine(perRun.map((r) => r.left)) : empty(check.left);
  const right = perRun.length > 0 ? combine(perRun.map((r) => r.right)) : empty(check.right);
  const values = { left: perRun.map((r) => r.left.value), right: perRun.map((r) => r.right.value) };
  const base = { side: side2, runs: runs.length, op: check.op, left, right, values, notes: overlapNote(left, runs) };
  const problems = [...grouped(missing, runs.length), ...grouped(undefinedBy, runs.length)];
  const differences = perRun.map((r) => r.left.value !== null && r.right.value !== null ? r.left.value - r.right.value : null);
  if (runs.length === 0 || problems.length > 0 || differences.some((d2) => d2 === null)) {
    const basis = missing.length > 0 || runs.length === 0 ? "missing" : "undefined";
    const result2 = { ...base, verdict: "undecided", interval: null, intervalOf: null, method: null, basis, problems: runs.length === 0 ? [`no ${side2} run`] : problems };
    return { ...result2, reason: describeOutcome(result2) };
  }
  const d = differences;
  const constantRight = !hasMetrics(check.right);
  const eps = TOLERANCE * Math.max(1, Math.abs(left.value ?? 0), Math.abs(right.value ?? 0));
  const estimate = valueInterval(d, options);
  const shift = constantRight ? right.value : 0;
  const interval = estimate.interval ? { low: estimate.interval.low + shift, high: estimate.interval.high + shift, level: estimate.interval.level } : null;
  const [low, high] = estimate.interval ? [estimate.interval.low, estimate.interval.high] : [median(d), median(d)];
  const verdict = estimate.method !== "point" && !estimate.interval ? "undecided" : judge(low, high, check.op, eps);
  const notes = [...base.notes, ...estimate.note && !estimate.degenerate && estimate.method !== "point" ? [estimate.note] : []];
  const result = {
    ...base,
    verdict,
    interval,
    intervalOf: interval ? constantRight ? "left" : "difference" : null,
    method: estimate.method,
    notes,
    problems: [],
    basis: estimate.method === "point" ? "value" : interval ? "interval" : "no-interval"
  };
  return { ...result, reason: describeOutcome(result) };
}
function evaluateHypotheses(hypotheses, sides, options = {}) {
  return hypotheses.map((h) => ({
    id: h.id,
    claim: h.claim ?? null,
    lever: h.lever ?? null,
    check: h.check.text,
    line: h.line,
    origin: h.origin,
    sides: sides.filter((s) => s.runs.length > 0).map((s) => evaluateHypothesisOn(h, s.name, s.runs, options))
  }));
}

// src/compare/grammar/hypotheses/json.ts
var HYPOTHESES_JSON_SCHEMA = "optimization-gate/hypotheses@1";
var num = (x) => typeof x === "number" && Number.isFinite(x) ? x : null;
function node(n) {
  return {
    kind: n.kind,
    text: n.text,
    dim: n.dim,
    value: num(n.value),
    op: n.op ?? null,
    metric: n.metric ?? null,
    percent: n.percent ?? false,
    note: n.note ?? null,
    matches: n.matches ? n.matches.map((m) => ({ metric: m.metric, value: num(m.value) })) : null,
    children: n.children.map(node)
  };
}
function side(s) {
  return {
    side: s.side,
    verdict: s.verdict,
    basis: s.basis,
    runs: s.runs,
    op: s.op,
    left: node(s.left),
    right: node(s.right),
    values: { left: s.values.left.map(num), right: s.values.right.map(num) },
    interval: s.interval ? { low: num(s.interval.low), high: num(s.interval.high), level: num(s.interval.level) } : null,
    interval_of: s.intervalOf,
    method: s.method,
    reason: s.reason,
    notes: s.notes,
    problems: s.problems
  };
}
function hypothesesToJson(results) {
  return results.map((h) => ({ id: h.id, claim: h.claim, lever: h.lever, check: h.check, line: h.line, origin: h.origin, sides: h.sides.map(side) }));
}
function renderHypothesesJson(results) {
  return `${JSON.stringify({ schema: HYPOTHESES_JSON_SCHEMA, hypotheses: hypothesesToJson(results) }, null, 2)}
`;
}

export {
  evaluateHypotheses,
  HYPOTHESES_JSON_SCHEMA,
  hypothesesToJson,
  renderHypothesesJson
};

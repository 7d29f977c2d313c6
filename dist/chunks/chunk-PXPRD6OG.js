import { createRequire as __ogCreateRequire } from 'node:module'; const require = __ogCreateRequire(import.meta.url);
import {
  METRIC_SOURCES,
  metricUnit
} from "./chunk-IVBWKPMQ.js";
import {
  EVAL_METRICS_FILE,
  PIPELINE_METRICS_FILE
} from "./chunk-DIO3Y34K.js";
import {
  readYaml
} from "./chunk-UHNHABYH.js";
import {
  isObject
} from "./chunk-T4TF7QUX.js";
import {
  median
} from "./chunk-LM6Q56WD.js";
import {
  InternalError,
  UserError
} from "./chunk-LDP73T3D.js";

// src/compare/grammar/metrics.ts
var DOCUMENT_NAMES = {
  profile: "profile YAML",
  truth: "stage_truth.json",
  eval: "metrics.json",
  cost: "eval_pipeline_metrics.json"
};
function isMetricSource(segment) {
  return METRIC_SOURCES.includes(segment ?? "");
}
function documentOf(run, source) {
  return run[source];
}
function describeValue(value) {
  if (value === void 0) return "absent";
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (isObject(value)) return "a mapping";
  if (typeof value === "number") return Number.isNaN(value) ? "NaN" : String(value);
  if (typeof value === "string") return `a string ${JSON.stringify(value.length > 30 ? `${value.slice(0, 27)}...` : value)}`;
  if (typeof value === "boolean") return `the boolean ${value}`;
  return typeof value;
}
function classifyValue(value, path) {
  if (typeof value === "number" && Number.isFinite(value)) return { kind: "number", value };
  if (value === null) return { kind: "null", reason: `${path} is null (not computed)` };
  if (value === void 0) return { kind: "absent", reason: `${path} is absent` };
  return { kind: "invalid", reason: `${path} is ${describeValue(value)}, not a number` };
}
function inFile(run, source) {
  const file = run.files[source];
  return source === "profile" ? `in ${run.label}` : `in ${DOCUMENT_NAMES[source]} of ${run.label}${file ? ` (${file})` : ""}`;
}
function missingDocument(run, source) {
  const looked = run.looked?.[source] ?? [];
  const where = looked.length > 0 ? `: looked for ${looked.join(", ")}` : "";
  const hint = source === "truth" ? " (the profile has no stage_truth companion)" : "";
  return { kind: "absent", reason: `no ${DOCUMENT_NAMES[source]} for ${run.label}${where}${hint}` };
}
function lookupMetric(run, path) {
  const [source, ...keys] = path.split(".");
  if (!isMetricSource(source)) {
    return { kind: "invalid", reason: `${path}: unknown document "${source ?? ""}" (expected ${METRIC_SOURCES.join(", ")})` };
  }
  let node = documentOf(run, source);
  if (node === void 0) return missingDocument(run, source);
  const file = run.files[source];
  const located = (value) => file !== void 0 && value.kind !== "number" ? { ...value, file } : value;
  let walked = source;
  for (const key of keys) {
    if (!isObject(node)) return located({ kind: "absent", reason: `${walked} is ${describeValue(node)} ${inFile(run, source)}, so ${path} is absent` });
    if (!(key in node)) {
      if (isZeroWallStage(path, walked, run)) return { kind: "number", value: 0, note: ZERO_WALL_NOTE };
      if (source === "profile" && walked === "profile.stages") {
        return { kind: "absent", reason: `stage ${key} absent in ${run.label}: it did not run, so it has no memory or CPU (mark the threshold optional: true if a stage may be removed)` };
      }
      const gpu = source === "profile" && isGpuMetric(path) ? `: ${gpuNote(run)}` : "";
      return located({ kind: "absent", reason: `${path} absent ${inFile(run, source)}${gpu}`, inDocument: true });
    }
    node = node[key];
    walked = `${walked}.${key}`;
  }
  const found = classifyValue(node, path);
  if (found.kind === "number") return notMeasured(run, path, found.value) ?? found;
  return located({ ...found, reason: `${found.reason} ${inFile(run, source)}` });
}
var ZERO_WALL_NOTE = "stage absent: zero wall time";
function isZeroWallStage(path, walked, run) {
  if (walked === "profile.stages") return /^profile\.stages\.[^.]+\.wall_time_s$/.test(path);
  return walked === "truth.wall_seconds_by_stage" && /^truth\.wall_seconds_by_stage\.[^.]+$/.test(path) && run.truth !== void 0;
}
function isGpuMetric(path) {
  return /(^|_)gpu(_|$)/.test(path.split(".").at(-1) ?? "");
}
function gpuNote(run) {
  const note = run.profile.totals.gpu_note;
  return typeof note === "string" ? note : "this profile has no GPU measurement";
}
var RSS_READING = /(^|_)rss(_|$)/;
var STAGE_RESOURCE = /^(profile\.stages|truth\.resource_by_stage_psutil)\.([^.]+)\.([^.]+)$/;
function notMeasured(run, path, value) {
  const last = path.split(".").at(-1) ?? "";
  const file = run.files[path.startsWith("truth.") ? "truth" : "profile"];
  const where = file !== void 0 ? { file } : {};
  if (value === 0 && RSS_READING.test(last) && metricUnit(path)?.dimension === "memory") {
    return { kind: "not_measured", reason: `${path} is 0 in ${run.label}: no sample fell in it (a process tree is never 0 bytes resident), so it was not measured`, ...where };
  }
  const stage = STAGE_RESOURCE.exec(path);
  if (!stage || last !== "avg_cpu_pct") return void 0;
  const [, , name] = stage;
  const samples = run.truth?.resource_by_stage_psutil[name]?.samples;
  const memory = path.startsWith("profile.") ? run.profile.stages[name]?.peak_rss_mb : run.truth?.resource_by_stage_psutil[name]?.peak_rss_mb;
  if (samples === 0 || memory === 0) {
    return { kind: "not_measured", reason: `${path} in ${run.label}: no sample fell in stage ${name} (its memory reads 0), so its CPU was not measured`, ...where };
  }
  return void 0;
}
function isMetricLeaf(value) {
  return typeof value === "number" || value === null;
}
function collect(node, segments, prefix, out) {
  if (segments.length === 0) {
    if (isMetricLeaf(node)) out.push(prefix);
    return;
  }
  if (!isObject(node)) return;
  const [head, ...tail] = segments;
  const keys = head === "*" ? Object.keys(node) : head in node ? [head] : [];
  for (const key of keys) collect(node[key], tail, `${prefix}.${key}`, out);
}
function mergeOrders(lists) {
  const merged = [];
  for (const list of lists) {
    let cursor = -1;
    for (const key of list) {
      const at = merged.indexOf(key);
      if (at !== -1) {
        cursor = at;
        continue;
      }
      merged.splice(cursor + 1, 0, key);
      cursor += 1;
    }
  }
  return merged;
}
function expandMetricPattern(pattern, runs) {
  const segments = pattern.split(".");
  if (!segments.includes("*")) return [pattern];
  const [source, ...rest] = segments;
  const sources = source === "*" ? [...METRIC_SOURCES] : isMetricSource(source) ? [source] : [];
  const perRun = runs.map((run) => {
    const out = [];
    for (const s of sources) collect(documentOf(run, s), rest, s, out);
    return out;
  });
  return mergeOrders(perRun);
}
function stageNames(runs) {
  return mergeOrders(runs.map((run) => Object.keys(run.profile.stages)));
}
var DEFAULT_NOTE = "default";
function groupReasons(runs, lookups) {
  const groups = /* @__PURE__ */ new Map();
  for (const [i, found] of lookups.entries()) {
    if (found.kind === "number") continue;
    const label = runs[i]?.label ?? "";
    const file = found.file;
    let generic = label ? found.reason.split(label).join("\0") : found.reason;
    if (file) generic = generic.split(file.split(label).join("\0")).join("");
    const group = groups.get(generic);
    if (group) {
      group.count++;
      if (file) group.files.add(file);
    } else groups.set(generic, { reason: found.reason, count: 1, files: new Set(file ? [file] : []) });
  }
  return [...groups].map(([generic, { reason, count, files }]) => {
    if (count === 1) return reason;
    const first = [...files][0] ?? "";
    const fileText = files.size > 1 ? `${first} and ${files.size - 1} more` : first;
    const text = generic.split("").join(fileText);
    return text.includes("\0") ? text.split("\0").join(`${count} of ${runs.length} runs`) : `${text} (${count} runs)`;
  });
}
function lookupSide(runs, path, fallback) {
  let defaulted = 0;
  const lookups = runs.map((run) => {
    const found = lookupMetric(run, path);
    if (fallback === void 0 || found.kind !== "absent" || !found.inDocument) return found;
    defaulted++;
    return { kind: "number", value: fallback, note: DEFAULT_NOTE };
  });
  const numbers = lookups.flatMap((l) => l.kind === "number" ? [l.value] : []);
  const notMeasured2 = lookups.filter((l) => l.kind === "not_measured").length;
  const complete = numbers.length > 0 && numbers.length + notMeasured2 === runs.length;
  return { lookups, numbers, complete, notMeasured: notMeasured2, defaulted, problems: groupReasons(runs, lookups) };
}

// src/compare/statistics/rank-interval.ts
function mannWhitneyCdf(n, m) {
  let previous = Array.from({ length: m + 1 }, () => [1]);
  for (let a = 1; a <= n; a++) {
    const current = [[1]];
    for (let b = 1; b <= m; b++) {
      const size = a * b + 1;
      const row = new Array(size).fill(0);
      const withA = previous[b];
      const withB = current[b - 1];
      for (let u = 0; u < size; u++) row[u] = (u - b >= 0 ? withA[u - b] ?? 0 : 0) + (withB[u] ?? 0);
      current.push(row);
    }
    previous = current;
  }
  const counts = previous[m];
  const total = counts.reduce((s, c) => s + c, 0);
  let running = 0;
  return counts.map((c) => (running += c) / total);
}
function pickK(cdf, halfAlpha, max) {
  let k = 0;
  for (let candidate = 1; candidate <= max; candidate++) {
    if ((cdf[candidate - 1] ?? 1) <= halfAlpha + 1e-12) k = candidate;
    else break;
  }
  return k;
}
function shiftInterval(baseline, candidate, level) {
  const diffs = [];
  for (const c of candidate) for (const b of baseline) diffs.push(c - b);
  diffs.sort((x, y) => x - y);
  const cdf = mannWhitneyCdf(baseline.length, candidate.length);
  const k = Math.max(1, pickK(cdf, (1 - level) / 2, Math.floor(diffs.length / 2)));
  return { low: diffs[k - 1], high: diffs[diffs.length - k], coverage: 1 - 2 * cdf[k - 1] };
}
function binomialHalfCdf(n) {
  const cdf = [];
  let coefficient = 1;
  let running = 0;
  for (let i = 0; i <= n; i++) {
    running += coefficient / 2 ** n;
    cdf.push(running);
    coefficient = coefficient * (n - i) / (i + 1);
  }
  return cdf;
}
function medianInterval(values, level) {
  const sorted = [...values].sort((x, y) => x - y);
  const cdf = binomialHalfCdf(sorted.length);
  const k = Math.max(1, pickK(cdf, (1 - level) / 2, Math.floor(sorted.length / 2)));
  return { low: sorted[k - 1], high: sorted[sorted.length - k], coverage: 1 - 2 * cdf[k - 1] };
}

// src/compare/statistics/t-interval.ts
function logGamma(x) {
  const c = [
    0.9999999999998099,
    676.5203681218851,
    -1259.1392167224028,
    771.3234287776531,
    -176.6150291621406,
    12.507343278686905,
    -0.13857109526572012,
    9984369578019572e-21,
    15056327351493116e-23
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = c[0];
  for (let i = 1; i < 9; i++) sum += c[i] / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}
function betaFraction(a, b, x) {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - (a + b) * x / (a + 1);
  d = 1 / (Math.abs(d) < tiny ? tiny : d);
  let h = d;
  for (let m = 1; m <= 300; m++) {
    for (const numerator of [m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m)), -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))]) {
      d = 1 + numerator * d;
      d = 1 / (Math.abs(d) < tiny ? tiny : d);
      c = 1 + numerator / c;
      if (Math.abs(c) < tiny) c = tiny;
      h *= d * c;
    }
    if (Math.abs(d * c - 1) < 1e-15) break;
  }
  return h;
}
function incompleteBeta(x, a, b) {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  return x < (a + 1) / (a + b + 2) ? front * betaFraction(a, b, x) / a : 1 - front * betaFraction(b, a, 1 - x) / b;
}
function studentTCdf(t, df) {
  const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}
function studentTQuantile(p, df) {
  if (!(p >= 0.5 && p < 1) || !(df > 0)) throw new InternalError(`t quantile needs 0.5 <= p < 1 and df > 0, got p ${p}, df ${df}`);
  let low = 0;
  let high = 1;
  while (studentTCdf(high, df) < p) high *= 2;
  for (let i = 0; i < 200 && high - low > 1e-12 * Math.max(1, high); i++) {
    const mid = (low + high) / 2;
    if (studentTCdf(mid, df) < p) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}
function meanAndVariance(values) {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const variance = values.length > 1 ? values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1) : 0;
  return { mean, variance };
}
function welchInterval(baseline, candidate, level) {
  const b = meanAndVariance(baseline);
  const c = meanAndVariance(candidate);
  const vb = b.variance / baseline.length;
  const vc = c.variance / candidate.length;
  const se = Math.sqrt(vb + vc);
  if (!(se > 0)) return void 0;
  const term = (v, n) => n > 1 ? v * v / (n - 1) : 0;
  const df = (vb + vc) ** 2 / (term(vb, baseline.length) + term(vc, candidate.length));
  const half = studentTQuantile(1 - (1 - level) / 2, df) * se;
  const shift = c.mean - b.mean;
  return { low: shift - half, high: shift + half, coverage: level };
}
function meanInterval(values, level) {
  const { mean, variance } = meanAndVariance(values);
  const se = Math.sqrt(variance / values.length);
  if (!(se > 0)) return void 0;
  const half = studentTQuantile(1 - (1 - level) / 2, values.length - 1) * se;
  return { low: mean - half, high: mean + half, coverage: level };
}

// src/compare/statistics/stats.ts
var SINGLE_RUN_NOTE = "single run: no noise estimate";
var DEFAULT_INTERVAL_OPTIONS = { level: 0.95, resamples: 2e3, seed: 24301, method: "rank-shift" };
function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = state + 1831565813 >>> 0;
    let t = state;
    t = Math.imul(t ^ t >>> 15, t | 1);
    t ^= t + Math.imul(t ^ t >>> 7, t | 61);
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  };
}
function quantile(sorted, q) {
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  const low = sorted[below];
  const high = sorted[above];
  return low + (high - low) * (position - below);
}
function resampledMedian(values, random) {
  if (values.length === 1) return values[0];
  const sample = values.map(() => values[Math.floor(random() * values.length)]);
  return median(sample);
}
function relativeChange(base, cand) {
  return base === 0 ? void 0 : (cand - base) / Math.abs(base) * 100;
}
function checkValues(values, side) {
  if (values.length === 0) throw new InternalError(`no ${side} values to estimate from`);
  if (!values.every(Number.isFinite)) throw new InternalError(`non-finite ${side} value reached the statistics`);
}
function resolved(options) {
  const o = { ...DEFAULT_INTERVAL_OPTIONS, ...options };
  if (!(o.level > 0 && o.level < 1)) throw new InternalError(`confidence level must be in (0, 1), got ${o.level}`);
  if (!Number.isInteger(o.resamples) || o.resamples < 100) throw new InternalError(`resamples must be an integer >= 100, got ${o.resamples}`);
  return o;
}
function allEqual(values) {
  return values.every((v) => v === values[0]);
}
function singleRunNote(nBase, nCand) {
  if (nBase === 1 && nCand > 1) return "baseline is a single run: the interval reflects candidate noise only";
  if (nCand === 1 && nBase > 1) return "candidate is a single run: the interval reflects baseline noise only";
  return void 0;
}
function bootstrap(sides, statistic, o) {
  const random = seededRandom(o.seed);
  const stats = [];
  for (let i = 0; i < o.resamples; i++) {
    const value = statistic(sides.map((values) => resampledMedian(values, random)));
    if (value !== void 0) stats.push(value);
  }
  const undefinedShare = 1 - stats.length / o.resamples;
  if (undefinedShare > (1 - o.level) / 2) return { interval: void 0, undefinedShare };
  stats.sort((a, b) => a - b);
  const tail = (1 - o.level) / 2;
  return { interval: { low: quantile(stats, tail), high: quantile(stats, 1 - tail), level: o.level }, undefinedShare };
}
function changeInterval(baseline, candidate, form, options = {}) {
  checkValues(baseline, "baseline");
  checkValues(candidate, "candidate");
  const o = resolved(options);
  const n = { baseline: baseline.length, candidate: candidate.length };
  const change = (medians) => {
    const [b, c] = medians;
    return form === "delta" ? c - b : relativeChange(b, c);
  };
  const estimate = change([median(baseline), median(candidate)]);
  if (estimate === void 0) {
    return {
      form,
      estimate,
      interval: void 0,
      method: "point",
      n,
      degenerate: false,
      note: "relative change from a baseline of 0 is undefined"
    };
  }
  if (n.baseline === 1 && n.candidate === 1) {
    return { form, estimate, interval: void 0, method: "point", n, degenerate: false, note: SINGLE_RUN_NOTE };
  }
  if (allEqual(baseline) && allEqual(candidate)) {
    return {
      form,
      estimate,
      interval: { low: estimate, high: estimate, level: o.level },
      method: o.method,
      n,
      degenerate: true,
      note: "every run of each side gave the same value: zero spread"
    };
  }
  if (o.method !== "bootstrap-median") {
    const closed = o.method === "rank-shift" ? rankChange(baseline, candidate, form, o.level) : welchChange(baseline, candidate, form, o.level);
    if (closed) {
      const raw = form === "relative" && !allPositive(baseline, candidate) ? RAW_SHIFT_NOTE : void 0;
      const note2 = [raw, singleRunNote(n.baseline, n.candidate), levelNote(closed.level, o.level)].filter(Boolean).join("; ");
      return { form, estimate, interval: closed, method: o.method, n, degenerate: false, ...note2 ? { note: note2 } : {} };
    }
  }
  const { interval, undefinedShare } = bootstrap([baseline, candidate], change, o);
  const note = interval === void 0 ? `relative change undefined in ${(undefinedShare * 100).toFixed(0)} % of resamples (baseline median 0)` : singleRunNote(n.baseline, n.candidate);
  return { form, estimate, interval, method: "bootstrap-median", n, degenerate: false, ...note ? { note } : {} };
}
function levelNote(reached, wanted) {
  return reached + 1e-9 < wanted ? `too few runs for a ${Math.round(wanted * 100)} % interval: this one covers ${(reached * 100).toFixed(1)} %` : void 0;
}
function rankChange(baseline, candidate, form, level) {
  if (form === "delta") {
    const { low: low2, high: high2, coverage: coverage2 } = shiftInterval(baseline, candidate, level);
    return { low: low2, high: high2, level: coverage2 };
  }
  if (!allPositive(baseline, candidate)) return overBaselineMedian(shiftInterval(baseline, candidate, level), baseline);
  const { low, high, coverage } = shiftInterval(baseline.map(Math.log), candidate.map(Math.log), level);
  return { low: (Math.exp(low) - 1) * 100, high: (Math.exp(high) - 1) * 100, level: coverage };
}
function allPositive(baseline, candidate) {
  return [...baseline, ...candidate].every((v) => v > 0);
}
function overBaselineMedian(shift, baseline) {
  const scale = Math.abs(median(baseline));
  return { low: shift.low / scale * 100, high: shift.high / scale * 100, level: shift.coverage };
}
var RAW_SHIFT_NOTE = "a run holds 0 or less: interval of the raw shift over the baseline median";
function welchChange(baseline, candidate, form, level) {
  if (form === "delta") {
    const t2 = welchInterval(baseline, candidate, level);
    return t2 && { low: t2.low, high: t2.high, level: t2.coverage };
  }
  if (!allPositive(baseline, candidate)) {
    const raw = welchInterval(baseline, candidate, level);
    return raw && overBaselineMedian(raw, baseline);
  }
  const t = welchInterval(baseline.map(Math.log), candidate.map(Math.log), level);
  return t && { low: (Math.exp(t.low) - 1) * 100, high: (Math.exp(t.high) - 1) * 100, level: t.coverage };
}
function valueInterval(candidate, options = {}) {
  checkValues(candidate, "candidate");
  const o = resolved(options);
  const n = { baseline: 0, candidate: candidate.length };
  const estimate = median(candidate);
  if (candidate.length === 1) {
    return { form: "value", estimate, interval: void 0, method: "point", n, degenerate: false, note: SINGLE_RUN_NOTE };
  }
  if (allEqual(candidate)) {
    return {
      form: "value",
      estimate,
      interval: { low: estimate, high: estimate, level: o.level },
      method: o.method,
      n,
      degenerate: true,
      note: "every candidate run gave the same value: zero spread"
    };
  }
  const closed = o.method === "rank-shift" ? medianInterval(candidate, o.level) : o.method === "welch-t" ? meanInterval(candidate, o.level) : void 0;
  if (closed) {
    const { low, high, coverage } = closed;
    const note = levelNote(coverage, o.level);
    return { form: "value", estimate, interval: { low, high, level: coverage }, method: o.method, n, degenerate: false, ...note ? { note } : {} };
  }
  const { interval } = bootstrap([candidate], (m) => m[0], o);
  return { form: "value", estimate, interval, method: "bootstrap-median", n, degenerate: false };
}

// src/formats/eval-dir.ts
import { existsSync, statSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
var EVAL_RUN_FOLDERS = ["data/eval/runs", "data/eval/baselines", "data/eval/references/silver", "data/eval/references/gold", "data/eval/references"];
var RUN_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
function holdsEvalOutputs(dir) {
  return existsSync(dir) && statSync(dir).isDirectory() && (existsSync(join(dir, EVAL_METRICS_FILE)) || existsSync(join(dir, PIPELINE_METRICS_FILE)));
}
function outside(root, path) {
  const rel = relative(root, path);
  return rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel);
}
function experimentRunId(file) {
  try {
    const doc = readYaml(file);
    const id = isObject(doc) ? doc.id : void 0;
    return typeof id === "string" && RUN_ID.test(id) && !id.includes("..") ? id : void 0;
  } catch {
    return void 0;
  }
}
function resolveEvalDir(name, root, { insideCheckout = true } = {}) {
  const looked = [];
  const show = (p) => outside(root, p) ? p : relative(root, p) || ".";
  const candidates = [];
  const given = resolve(root, name);
  const direct = basename(given) === EVAL_METRICS_FILE || basename(given) === PIPELINE_METRICS_FILE ? dirname(given) : given;
  candidates.push({ path: direct, why: "" });
  if (RUN_ID.test(name)) for (const folder of EVAL_RUN_FOLDERS) candidates.push({ path: resolve(root, folder, name), why: "" });
  if (/\.ya?ml$/i.test(name) && existsSync(given) && statSync(given).isFile()) {
    const id = experimentRunId(given);
    if (id !== void 0) candidates.push({ path: resolve(root, "data/eval/runs", id), why: ` (run id "${id}" of the experiment config ${show(given)})` });
    else looked.push(`${show(given)} is not an experiment config with an \`id:\` (the run's folder name under data/eval/runs/)`);
  }
  for (const { path, why } of candidates) {
    if (insideCheckout && outside(root, path)) throw new UserError(`eval results "${name}": expected a path inside the repository checkout`);
    if (holdsEvalOutputs(path)) return { dir: path, origin: `${show(path)}${why}` };
    looked.push(`${show(path)}${why}: ${existsSync(path) ? `no ${EVAL_METRICS_FILE} or ${PIPELINE_METRICS_FILE} in it` : "not found"}`);
  }
  throw new UserError(`eval results "${name}" not found`, looked);
}

export {
  lookupMetric,
  mergeOrders,
  expandMetricPattern,
  stageNames,
  lookupSide,
  SINGLE_RUN_NOTE,
  DEFAULT_INTERVAL_OPTIONS,
  changeInterval,
  valueInterval,
  EVAL_RUN_FOLDERS,
  experimentRunId,
  resolveEvalDir
};

import { createRequire as __ogCreateRequire } from 'node:module'; const require = __ogCreateRequire(import.meta.url);
import {
  Inputs,
  InternalError,
  UserError,
  __toESM,
  isObject,
  require_dist
} from "./chunk-NGYKGLHF.js";

// src/compare/decision.ts
var FAIL_ON_VALUES = ["reject", "iterate", "never"];
var DECISIONS = ["ship", "iterate", "reject"];
function isDecision(value) {
  return DECISIONS.includes(value);
}
function verdictCounts(v) {
  return !(v.optional && v.verdict === "missing");
}
function decide(input) {
  const counted = input.verdicts.filter(verdictCounts);
  const bad = (kind, verdict) => counted.filter((v) => v.kind === kind && v.verdict === verdict);
  const line = (v) => `${v.kind} ${v.metric} ${v.verdict === "missing" ? "is missing" : v.verdict === "fail" ? "failed" : "is inconclusive"}: ${v.summary}`;
  const rejectReasons = [
    ...input.blockers,
    ...input.failedRuns.map((r) => `measured run failed: ${r}`),
    ...bad("guardrail", "fail").map(line),
    ...bad("guardrail", "missing").map(line)
  ];
  const iterateReasons = [
    ...bad("target", "fail").map(line),
    ...bad("target", "missing").map(line),
    ...counted.filter((v) => v.verdict === "inconclusive").map(line)
  ];
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

// src/compare/thresholds/block.ts
var import_yaml2 = __toESM(require_dist(), 1);

// src/compare/types.ts
var METRIC_SOURCES = ["profile", "truth", "eval", "cost"];

// src/compare/units.ts
var SECONDS = { symbol: "s", dimension: "time", scale: 1 };
var MILLISECONDS = { symbol: "ms", dimension: "time", scale: 1e-3 };
var MIB = { symbol: "MiB", dimension: "memory", scale: 1 };
var GIB = { symbol: "GiB", dimension: "memory", scale: 1024 };
var USD = { symbol: "USD", dimension: "money", scale: 1 };
var CPU_PCT = { symbol: "%", dimension: "cpu", scale: 1 };
var SUFFIX_UNITS = [
  [/(^|_)ms$/, MILLISECONDS],
  [/(^|_)(s|seconds|sec)$/, SECONDS],
  [/(^|_)mb$/, MIB],
  [/(^|_)gb$/, GIB],
  [/(^|_)usd$/, USD],
  [/(^|_)pct$/, CPU_PCT]
];
var INNER_UNITS = [
  [/(^|_)mb_sampled$/, MIB]
];
function metricUnit(metricPath2) {
  const segments = metricPath2.split(".");
  const last = segments.pop() ?? "";
  if (segments.at(-1) === "wall_seconds_by_stage") return SECONDS;
  return (SUFFIX_UNITS.find(([pattern]) => pattern.test(last)) ?? INNER_UNITS.find(([pattern]) => pattern.test(last)))?.[1];
}
var RULE_UNITS = {
  ms: MILLISECONDS,
  s: SECONDS,
  sec: SECONDS,
  secs: SECONDS,
  seconds: SECONDS,
  min: { symbol: "min", dimension: "time", scale: 60 },
  h: { symbol: "h", dimension: "time", scale: 3600 },
  b: { symbol: "B", dimension: "memory", scale: 1 / (1024 * 1024) },
  kb: { symbol: "KiB", dimension: "memory", scale: 1 / 1024 },
  kib: { symbol: "KiB", dimension: "memory", scale: 1 / 1024 },
  mb: MIB,
  mib: MIB,
  gb: GIB,
  gib: GIB,
  usd: USD,
  $: USD
};
function ruleUnit(written) {
  return RULE_UNITS[written.toLowerCase()];
}
var KNOWN_RULE_UNITS = ["ms", "s", "min", "h", "B", "KB", "MB", "GB", "KiB", "MiB", "GiB", "$", "USD"];
function convertUnit(value, from, to) {
  if (from.dimension !== to.dimension) return void 0;
  return value * from.scale / to.scale;
}
function significant(value, digits) {
  if (value === 0) return "0";
  const magnitude = Math.floor(Math.log10(Math.abs(value)));
  const decimals = Math.max(0, digits - 1 - magnitude);
  return value.toFixed(Math.min(decimals, 6));
}
function formatValue(value, unit) {
  if (!Number.isFinite(value)) return "n/a";
  if (!unit) return Number.isInteger(value) ? String(value) : significant(value, 4);
  switch (unit.dimension) {
    case "money":
      return `${value < 0 ? "-" : ""}$${significant(Math.abs(value), 3)}`;
    case "memory":
      return `${Math.abs(value) >= 100 ? value.toFixed(0) : significant(value, 3)} ${unit.symbol}`;
    case "cpu":
      return `${value.toFixed(1)} %`;
    case "time":
      return `${Math.abs(value) >= 1e3 ? value.toFixed(0) : significant(value, 4)} ${unit.symbol}`;
  }
}
function formatSigned(value, unit) {
  if (!Number.isFinite(value)) return "n/a";
  const text2 = formatValue(Math.abs(value), unit);
  return `${value > 0 ? "+" : value < 0 ? "-" : "\xB1"}${text2}`;
}
function formatPercent(value) {
  if (!Number.isFinite(value)) return "n/a";
  return `${value > 0 ? "+" : ""}${value.toFixed(Math.abs(value) >= 10 ? 1 : 2)} %`;
}

// src/compare/thresholds/rule.ts
var ok = (value) => ({ ok: true, value });
var expect = (expected) => ({ ok: false, expected });
var RULE_EXAMPLES = "`<= -20%`, `>= -0.01`, `<= 650MB`";
var RULE_EXPECTED = `a rule OP VALUE[UNIT], e.g. ${RULE_EXAMPLES}`;
var METRIC_EXPECTED = `a dotted metric path starting with ${METRIC_SOURCES.map((s) => `\`${s}.\``).join(", ")}, e.g. \`profile.totals.wall_time_s\``;
var OPERATORS = [
  ["<=", "<="],
  [">=", ">="],
  ["\u2264", "<="],
  ["\u2265", ">="],
  ["<", "<"],
  [">", ">"]
];
var VALUE = /^([+\-−]?)\s*(\$?)\s*(\d+(?:\.\d+)?|\.\d+)\s*(.*)$/;
var SEGMENT = /^[A-Za-z0-9_-]+$/;
function checkMetric(metric) {
  const path = metric.trim();
  if (path === "") return expect(METRIC_EXPECTED);
  if (/\s/.test(path)) return expect(`${METRIC_EXPECTED} (no spaces)`);
  const segments = path.split(".");
  const source = segments[0];
  if (!METRIC_SOURCES.includes(source)) return expect(METRIC_EXPECTED);
  if (segments.length < 2) return expect(`a path inside the \`${source}\` document after \`${source}.\`, e.g. \`profile.totals.wall_time_s\``);
  for (const segment of segments.slice(1)) {
    if (segment === "*") continue;
    if (segment.includes("*")) {
      return expect(`\`*\` only as a whole path segment (it matches one segment), e.g. \`profile.stages.*.peak_rss_mb\``);
    }
    if (segment === "") return expect(`${METRIC_EXPECTED} (no empty segment between dots)`);
    if (!SEGMENT.test(segment)) return expect(`path segments made of letters, digits, \`_\` and \`-\` (or \`*\`), got \`${segment}\``);
  }
  return ok(path);
}
function unitNames(unit) {
  switch (unit.dimension) {
    case "time":
      return "s, ms, min, h";
    case "memory":
      return "B, KB, MB, GB, KiB, MiB, GiB (MB = MiB)";
    case "money":
      return "$, USD";
    case "cpu":
      return "";
  }
}
function checkRule(text2, metric) {
  const written = text2.trim();
  const operator = OPERATORS.find(([symbol2]) => written.startsWith(symbol2));
  if (!operator) return expect(`${RULE_EXPECTED}; OP is one of <=, <, >=, >`);
  const [symbol, op] = operator;
  const rest = written.slice(symbol.length).trim();
  if (rest.startsWith("=")) return expect(`${RULE_EXPECTED}; OP is one of <=, <, >=, >`);
  const match = VALUE.exec(rest);
  if (!match) return expect(RULE_EXPECTED);
  const [, sign, dollar, digits, suffix] = match;
  const signed = sign === "" ? 1 : sign === "+" ? 1 : -1;
  const number = Number(digits) === 0 ? 0 : signed * Number(digits);
  if (!Number.isFinite(number)) return expect(`a finite number, e.g. ${RULE_EXAMPLES}`);
  if (suffix.startsWith("%")) {
    if (dollar !== "" || suffix.trim() !== "%") {
      return expect("a relative change in % with no unit, e.g. `<= -20%` (a % rule compares with the baseline)");
    }
    return ok({ op, form: "relative", value: number, unit: "%", text: written });
  }
  const form = sign === "" ? "absolute" : "delta";
  const unitText = dollar !== "" ? suffix === "" ? "$" : `$ ${suffix}` : suffix;
  if (unitText === "") return ok({ op, form, value: number, text: written });
  const from = dollar !== "" && suffix === "" ? ruleUnit("$") : ruleUnit(unitText);
  if (!from) return expect(`a known unit (${KNOWN_RULE_UNITS.join(", ")}) or none, got \`${unitText}\``);
  const to = metricUnit(metric);
  if (!to) {
    return expect(
      `no unit: \`${metric}\` has none (only names ending in _s, _ms, _mb, _gb, _usd, _pct carry one), e.g. \`${symbol} ${sign}${digits}\``
    );
  }
  const converted = convertUnit(number, from, to);
  if (converted === void 0 && to.dimension === "cpu") {
    return expect(`a number without a unit: \`${metric}\` is in % of one core, e.g. \`${symbol} ${sign}${digits}\``);
  }
  if (converted === void 0) {
    return expect(`a ${to.dimension} unit for \`${metric}\` (in ${to.symbol}): ${unitNames(to)}`);
  }
  return ok({ op, form, value: Number(converted.toPrecision(12)), unit: unitText, text: written });
}
function checkKind(raw) {
  if (raw === void 0) return ok("guardrail");
  const word = typeof raw === "string" ? raw.trim().toLowerCase() : void 0;
  if (word === "") return ok("guardrail");
  if (word === "guardrail" || word === "target") return ok(word);
  return expect("a kind `guardrail` (must not regress; the default) or `target` (the improvement sought)");
}
function checkOptional(raw) {
  if (raw === void 0) return ok(false);
  if (typeof raw === "boolean") return ok(raw);
  const word = typeof raw === "string" ? raw.trim().toLowerCase() : void 0;
  if (word === "") return ok(false);
  if (word === "yes" || word === "true") return ok(true);
  if (word === "no" || word === "false") return ok(false);
  return expect("`optional` as yes / no / true / false");
}

// src/compare/thresholds/draft.ts
function problemAt(field, expected, origin) {
  return { line: field.line, text: field.text, expected, origin };
}
function buildThreshold(draft, problems) {
  const before = problems.length;
  const { origin } = draft;
  const metric = checkMetric(draft.metric.raw);
  if (!metric.ok) problems.push(problemAt(draft.metric, metric.expected, origin));
  let rule;
  if (typeof draft.rule.raw === "string") {
    rule = checkRule(draft.rule.raw, draft.metric.raw.trim());
    if (!rule.ok) problems.push(problemAt(draft.rule, rule.expected, origin));
  } else if (draft.rule.raw === null || draft.rule.raw === void 0) {
    problems.push(problemAt(draft.rule, `a rule OP VALUE[UNIT] for the metric, e.g. ${RULE_EXAMPLES}`, origin));
  } else if (typeof draft.rule.raw === "number") {
    problems.push(problemAt(draft.rule, `a rule with an operator, in quotes, e.g. \`">= ${draft.rule.raw}"\` or \`"<= ${draft.rule.raw}"\``, origin));
  } else {
    problems.push(problemAt(draft.rule, `a rule OP VALUE[UNIT] as text, e.g. ${RULE_EXAMPLES}`, origin));
  }
  const kind = checkKind(draft.kind?.raw);
  if (!kind.ok && draft.kind) problems.push(problemAt(draft.kind, kind.expected, origin));
  const optional2 = checkOptional(draft.optional?.raw);
  if (!optional2.ok && draft.optional) problems.push(problemAt(draft.optional, optional2.expected, origin));
  if (problems.length > before || !metric.ok || !rule?.ok || !kind.ok || !optional2.ok) return void 0;
  return { metric: metric.value, rule: rule.value, kind: kind.value, optional: optional2.value, line: draft.line, origin };
}

// src/compare/hypotheses/read.ts
var import_yaml = __toESM(require_dist(), 1);

// src/compare/thresholds/table.ts
var COLUMNS = ["metric", "rule", "kind", "optional"];
function columnsOf(table2, known) {
  const columns = {};
  table2.header.cells.forEach((cell2, index) => {
    const name = cell2.text.toLowerCase();
    if (known.includes(name) && columns[name] === void 0) columns[name] = index;
  });
  return columns;
}
function isThresholdTable(table2) {
  const columns = columnsOf(table2, COLUMNS);
  return columns.metric !== void 0 && columns.rule !== void 0;
}
function cellField(row2, index) {
  if (index === void 0) return void 0;
  const cell2 = row2.cells[index];
  return { raw: cell2?.text ?? "", line: row2.line, text: cell2?.raw ?? "" };
}
function readTables(tables, problems) {
  const drafts = [];
  for (const table2 of tables.filter(isThresholdTable)) {
    const columns = columnsOf(table2, COLUMNS);
    for (const row2 of table2.rows) {
      const metric = cellField(row2, columns.metric);
      const rule = cellField(row2, columns.rule);
      const metricText = metric.raw;
      const ruleText = rule.raw;
      if (metricText === "" && ruleText === "") continue;
      const wholeRow = { line: row2.line, text: row2.raw };
      if (metricText === "") {
        problems.push(problemAt(wholeRow, "a metric path in the `Metric` column, e.g. `profile.totals.wall_time_s`", "table"));
        continue;
      }
      if (ruleText === "") {
        problems.push(problemAt(wholeRow, `a rule in the \`Rule\` column, e.g. ${RULE_EXAMPLES}`, "table"));
        continue;
      }
      const draft = { metric: { ...metric, raw: metricText }, rule, line: row2.line, origin: "table" };
      const kind = cellField(row2, columns.kind);
      const optional2 = cellField(row2, columns.optional);
      if (kind) draft.kind = kind;
      if (optional2) draft.optional = optional2;
      drafts.push(draft);
    }
  }
  return drafts;
}

// src/compare/hypotheses/lexer.ts
var WORD_START = /[A-Za-z_]/;
var WORD_CHAR = /[A-Za-z0-9_]/;
var DIGIT = /[0-9]/;
var SPACE = /\s/;
var COMPARES = [
  ["<=", "<="],
  [">=", ">="],
  ["==", "=="],
  ["\u2264", "<="],
  ["\u2265", ">="],
  ["<", "<"],
  [">", ">"]
];
function readWord(text2, start) {
  let i = start;
  while (i < text2.length) {
    const ch = text2[i];
    const next = text2[i + 1] ?? "";
    if (WORD_CHAR.test(ch)) i++;
    else if (ch === "-" && WORD_CHAR.test(next) && i > start) i++;
    else if (ch === "." && /[A-Za-z0-9_*-]/.test(next)) i++;
    else if (ch === "*" && text2[i - 1] === ".") i++;
    else break;
  }
  return i;
}
function readNumber(text2, start) {
  let i = start;
  const dollar = text2[i] === "$";
  if (dollar) {
    i++;
    while (i < text2.length && SPACE.test(text2[i])) i++;
  }
  const digitsStart = i;
  while (i < text2.length && DIGIT.test(text2[i])) i++;
  if (text2[i] === "." && DIGIT.test(text2[i + 1] ?? "")) {
    i++;
    while (i < text2.length && DIGIT.test(text2[i])) i++;
  }
  if (i === digitsStart) return { at: i, expected: "a number after `$`, e.g. `$0.05`" };
  const value = Number(text2.slice(digitsStart, i));
  let j = i;
  while (j < text2.length && SPACE.test(text2[j])) j++;
  if (text2[j] === "%") {
    if (dollar) return { at: j, expected: "either `$` or `%` on a number, not both" };
    return { token: { kind: "number", value, percent: true, start, end: j + 1 }, next: j + 1 };
  }
  if (!dollar && j < text2.length && WORD_START.test(text2[j])) {
    const end = readWord(text2, j);
    const unit = text2.slice(j, end);
    if (ruleUnit(unit)) return { token: { kind: "number", value, unit, percent: false, start, end }, next: end };
    if (j === i) return { at: j, expected: `a known unit (${KNOWN_RULE_UNITS.join(", ")}) after the number, got \`${unit}\`` };
  }
  const token = dollar ? { kind: "number", value, unit: "$", percent: false, start, end: i } : { kind: "number", value, percent: false, start, end: i };
  return { token, next: i };
}
function tokenize(text2) {
  const tokens = [];
  let i = 0;
  while (i < text2.length) {
    const ch = text2[i];
    if (SPACE.test(ch)) {
      i++;
      continue;
    }
    if (DIGIT.test(ch) || ch === "$" || ch === "." && DIGIT.test(text2[i + 1] ?? "")) {
      const read = readNumber(text2, i);
      if ("at" in read) return read;
      tokens.push(read.token);
      i = read.next;
      continue;
    }
    if (WORD_START.test(ch)) {
      const end = readWord(text2, i);
      tokens.push({ kind: "word", text: text2.slice(i, end), start: i, end });
      i = end;
      continue;
    }
    const compare = COMPARES.find(([symbol]) => text2.startsWith(symbol, i));
    if (compare) {
      if (text2[i + compare[0].length] === "=" || compare[1] === "<" && text2[i + 1] === ">") {
        return { at: i, expected: "a comparison `<`, `<=`, `>`, `>=` or `==`" };
      }
      tokens.push({ kind: "compare", op: compare[1], start: i, end: i + compare[0].length });
      i += compare[0].length;
      continue;
    }
    const punct = ch === "\u2212" ? "-" : ch;
    if (punct === "+" || punct === "-" || punct === "*" || punct === "/" || punct === "(" || punct === ")" || punct === ",") {
      tokens.push({ kind: "punct", text: punct, start: i, end: i + 1 });
      i++;
      continue;
    }
    if (ch === "=" || ch === "!") return { at: i, expected: "a comparison `<`, `<=`, `>`, `>=` or `==` (`=` alone and `!=` are not part of the language)" };
    return { at: i, expected: `a metric, a number, an operator (+ - * /), a comparison or a bracket, got \`${ch}\`` };
  }
  tokens.push({ kind: "end", start: text2.length, end: text2.length });
  return tokens;
}

// src/compare/hypotheses/expression.ts
var MAX_CHECK_LENGTH = 1e3;
var MAX_DEPTH = 32;
var CHECK_EXAMPLE = "`share(cost.llm_summarization_cost_usd, cost.total_stage_cost_usd) >= 0.6`";
var OPERAND = "a metric, a number, `sum(`, `share(` or `(`";
var ParseError = class extends Error {
  constructor(at, expected) {
    super(expected);
    this.at = at;
    this.expected = expected;
  }
  at;
  expected;
};
function describeToken(token, text2) {
  return token.kind === "end" ? "the end of the check" : `\`${text2.slice(token.start, token.end)}\``;
}
function metricDimension(path) {
  return metricUnit(path)?.dimension ?? "none";
}
var DIMENSION_WORDS = { time: "a time", memory: "a memory size", money: "money", cpu: "a CPU % of one core", none: "a plain number" };
function dimensionWord(dim) {
  return dim === "free" ? "a number" : DIMENSION_WORDS[dim];
}
var Parser = class {
  constructor(tokens, text2) {
    this.tokens = tokens;
    this.text = text2;
  }
  tokens;
  text;
  index = 0;
  depth = 0;
  peek() {
    return this.tokens[this.index];
  }
  fail(token, expected) {
    throw new ParseError(token.start, `${expected}, found ${describeToken(token, this.text)}`);
  }
  punct(text2) {
    const token = this.peek();
    if (token.kind === "punct" && token.text === text2) {
      this.index++;
      return true;
    }
    return false;
  }
  expectPunct(text2, what) {
    const token = this.peek();
    if (!this.punct(text2)) this.fail(token, what);
    return token;
  }
  check() {
    const left = this.additive();
    const compare = this.peek();
    if (compare.kind !== "compare") {
      this.fail(compare, compare.kind === "end" ? "a comparison (`<`, `<=`, `>`, `>=`, `==`) and a bound, e.g. `>= 0.5`" : "an operator (+ - * /) or a comparison");
    }
    this.index++;
    const right = this.additive();
    const end = this.peek();
    if (end.kind === "compare") this.fail(end, "one comparison per check (write another hypothesis for a second bound)");
    if (end.kind !== "end") this.fail(end, "an operator (+ - * /) or the end of the check");
    combine("compare", left.dim, right.dim, compare.start, compare.op);
    return { left, op: compare.op, right, text: this.text };
  }
  additive() {
    let left = this.term();
    for (let token = this.peek(); token.kind === "punct" && (token.text === "+" || token.text === "-"); token = this.peek()) {
      this.index++;
      const right = this.term();
      left = binary(token.text, left, right, token.start);
    }
    return left;
  }
  term() {
    let left = this.unary();
    for (let token = this.peek(); token.kind === "punct" && (token.text === "*" || token.text === "/"); token = this.peek()) {
      this.index++;
      const right = this.unary();
      left = binary(token.text, left, right, token.start);
    }
    return left;
  }
  nested(at, inner) {
    if (++this.depth > MAX_DEPTH) throw new ParseError(at.start, `at most ${MAX_DEPTH} nested brackets or signs`);
    try {
      return inner();
    } finally {
      this.depth--;
    }
  }
  unary() {
    const token = this.peek();
    if (token.kind === "punct" && token.text === "-") {
      this.index++;
      const operand = this.nested(token, () => this.unary());
      return { type: "negate", operand, start: token.start, end: operand.end, dim: operand.dim };
    }
    return this.primary();
  }
  primary() {
    const token = this.peek();
    if (token.kind === "number") {
      this.index++;
      return numberNode(token);
    }
    if (token.kind === "punct" && token.text === "(") {
      this.index++;
      const inner = this.nested(token, () => this.additive());
      const close = this.expectPunct(")", "a closing `)`");
      return { ...inner, start: token.start, end: close.end };
    }
    if (token.kind !== "word") this.fail(token, OPERAND);
    this.index++;
    const next = this.peek();
    if (next.kind === "punct" && next.text === "(") {
      this.index++;
      if (token.text === "sum") return this.sum(token);
      if (token.text === "share") return this.nested(token, () => this.share(token));
      throw new ParseError(token.start, `a function \`sum(\` or \`share(\` (no others exist), found \`${token.text}(\``);
    }
    const path = metricPath(token);
    if (path.split(".").includes("*")) throw new ParseError(token.start, "a metric path without `*` outside `sum(\u2026)` (a check compares numbers, a pattern is many)");
    return { type: "metric", path, start: token.start, end: token.end, dim: metricDimension(path) };
  }
  sum(name) {
    const pattern = this.peek();
    const want = "a metric pattern with `*` inside `sum(`, e.g. `sum(profile.stages.*.wall_time_s)`";
    if (pattern.kind !== "word") this.fail(pattern, want);
    this.index++;
    const path = metricPath(pattern);
    if (!path.split(".").includes("*")) throw new ParseError(pattern.start, `${want}; without \`*\` write the metric alone`);
    const close = this.expectPunct(")", "a closing `)` after the pattern of `sum(`");
    return { type: "sum", pattern: path, start: name.start, end: close.end, dim: metricDimension(path) };
  }
  share(name) {
    const part = this.additive();
    this.expectPunct(",", "a `,` between the part and the whole of `share(part, whole)`");
    const whole = this.additive();
    const close = this.expectPunct(")", "a closing `)` after `share(part, whole`");
    combine("share", part.dim, whole.dim, name.start);
    return { type: "share", part, whole, start: name.start, end: close.end, dim: "none" };
  }
};
function numberNode(token) {
  const span = { start: token.start, end: token.end };
  if (token.percent) return { type: "number", value: token.value / 100, percent: true, ...span, dim: "none" };
  const unit = token.unit !== void 0 ? ruleUnit(token.unit) : void 0;
  if (!unit) return { type: "number", value: token.value, percent: false, ...span, dim: "free" };
  return { type: "number", value: Number((token.value * unit.scale).toPrecision(12)), percent: false, ...span, dim: unit.dimension };
}
function metricPath(token) {
  const checked = checkMetric(token.text);
  if (!checked.ok) throw new ParseError(token.start, checked.expected);
  if (/-\d+$/.test(token.text)) throw new ParseError(token.start, `spaces around a minus (\`${token.text.replace(/-(\d+)$/, " - $1")}\`): a \`-\` inside a name is part of the name`);
  return checked.value;
}
function combine(what, left, right, at, shown = what) {
  const mismatch = () => {
    throw new ParseError(at, `values of one kind on both sides of \`${shown}\` (here ${dimensionWord(left)} and ${dimensionWord(right)})`);
  };
  switch (what) {
    case "+":
    case "-":
    case "compare":
    case "share":
      if (left === "free") return right;
      if (right === "free" || left === right) return left;
      return mismatch();
    case "*":
      if (left === "free" || left === "none") return right === "free" && left === "none" ? "none" : right;
      if (right === "free" || right === "none") return left;
      throw new ParseError(at, `at most one side of \`*\` with a unit (here ${dimensionWord(left)} times ${dimensionWord(right)})`);
    case "/":
      if (right === "free" || right === "none") return left;
      if (left === right) return "none";
      if (left === "free" || left === "none") throw new ParseError(at, `a divisor without a unit, or the same unit on both sides of \`/\` (here a number divided by ${dimensionWord(right)})`);
      return mismatch();
  }
}
function binary(op, left, right, at) {
  return { type: "binary", op, left, right, start: left.start, end: right.end, dim: combine(op, left.dim, right.dim, at) };
}
function parseCheck(text2) {
  const where = (at) => `at column ${at + 1} of the check`;
  if (text2.trim() === "") return { ok: false, expected: `a check: a comparison of metrics and numbers, e.g. ${CHECK_EXAMPLE}` };
  if (text2.length > MAX_CHECK_LENGTH) return { ok: false, expected: `a check of at most ${MAX_CHECK_LENGTH} characters` };
  const tokens = tokenize(text2);
  if (!Array.isArray(tokens)) return { ok: false, expected: `${tokens.expected}, ${where(tokens.at)}` };
  try {
    return { ok: true, check: new Parser(tokens, text2).check() };
  } catch (error) {
    if (error instanceof ParseError) return { ok: false, expected: `${error.expected}, ${where(error.at)}` };
    throw error;
  }
}

// src/compare/hypotheses/read.ts
var ENTRY_KEYS = ["claim", "check", "lever"];
var ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/;
var MAX_TEXT = 300;
function readHypothesisMap(value, origin, fieldOf, report, key, drafts) {
  if (!(0, import_yaml.isMap)(value)) {
    report(fieldOf(value, void 0, key), `under \`hypotheses:\` a mapping of id \u2192 { claim, check, lever }, e.g. \`H1: { check: "${CHECK_EXAMPLE.slice(1, -1)}" }\``);
    return;
  }
  for (const { pair, name, key: idField } of uniquePairs(value, fieldOf, key, report, "key")) {
    const id = { ...idField, raw: name };
    const node2 = pair.value;
    if ((0, import_yaml.isAlias)(node2)) {
      report(fieldOf(node2, void 0, id), "a hypothesis as text or a mapping, not a YAML alias");
      continue;
    }
    if (!(0, import_yaml.isMap)(node2)) {
      drafts.push({ id, check: fieldOf(node2, (0, import_yaml.isScalar)(node2) ? node2.value : null, id), line: id.line, origin });
      continue;
    }
    const draft = { id, check: { raw: void 0, line: id.line, text: id.text }, line: id.line, origin };
    let hasCheck = false;
    for (const { pair: entry, name: field, key: fieldKey } of uniquePairs(node2, fieldOf, id, report, "key")) {
      const v = entry.value;
      const read = fieldOf(v, (0, import_yaml.isScalar)(v) ? v.value : v === null ? null : v, fieldKey);
      if (field === "check") {
        draft.check = read;
        hasCheck = true;
      } else if (field === "claim") draft.claim = read;
      else if (field === "lever") draft.lever = read;
      else report(fieldKey, `one of the keys ${ENTRY_KEYS.map((k) => `\`${k}\``).join(", ")}`);
    }
    if (!hasCheck) {
      report(id, `\`check:\` in hypothesis ${name}, e.g. \`check: "${CHECK_EXAMPLE.slice(1, -1)}"\``);
      continue;
    }
    drafts.push(draft);
  }
}
var COLUMNS2 = ["hypothesis", "check", "claim", "lever"];
function readHypothesisTables(tables, problems) {
  const drafts = [];
  for (const table2 of tables) {
    const columns = columnsOf(table2, COLUMNS2);
    if (columns.hypothesis === void 0 || columns.check === void 0) continue;
    for (const row2 of table2.rows) {
      const id = cellField(row2, columns.hypothesis);
      const check = { ...cellField(row2, columns.check), text: row2.raw };
      if (id.raw === "" && check.raw === "") continue;
      if (id.raw === "") {
        problems.push(problemAt({ line: row2.line, text: row2.raw }, "an id in the `Hypothesis` column, e.g. `H1`", "table"));
        continue;
      }
      const draft = { id: { ...id, raw: String(id.raw) }, check, line: row2.line, origin: "table" };
      const claim = cellField(row2, columns.claim);
      const lever = cellField(row2, columns.lever);
      if (claim && claim.raw !== "") draft.claim = claim;
      if (lever && lever.raw !== "") draft.lever = lever;
      drafts.push(draft);
    }
  }
  return drafts;
}
function prose(field, name, problems, origin) {
  if (!field || field.raw === null || field.raw === void 0) return void 0;
  if (typeof field.raw !== "string" && typeof field.raw !== "number") {
    problems.push(problemAt(field, `\`${name}\` as one line of text`, origin));
    return void 0;
  }
  const text2 = String(field.raw).replace(/\s+/g, " ").trim();
  if (text2.length > MAX_TEXT) problems.push(problemAt(field, `\`${name}\` of at most ${MAX_TEXT} characters`, origin));
  return text2 === "" ? void 0 : text2;
}
function buildHypothesis(draft, problems) {
  const before = problems.length;
  const { origin } = draft;
  const id = draft.id.raw.trim();
  if (!ID.test(id)) problems.push(problemAt(draft.id, "a hypothesis id of letters, digits, `_`, `-` or `.` (at most 40), e.g. `H1`", origin));
  const claim = prose(draft.claim, "claim", problems, origin);
  const lever = prose(draft.lever, "lever", problems, origin);
  const raw = draft.check.raw;
  let parsed;
  if (typeof raw === "string") {
    parsed = parseCheck(raw);
    if (!parsed.ok) problems.push(problemAt(draft.check, parsed.expected, origin));
  } else {
    problems.push(problemAt(draft.check, `a check as text, e.g. ${CHECK_EXAMPLE}`, origin));
  }
  if (problems.length > before || !parsed?.ok) return void 0;
  return { id, ...claim !== void 0 ? { claim } : {}, ...lever !== void 0 ? { lever } : {}, check: parsed.check, line: draft.line, origin };
}
function buildHypotheses(drafts, problems) {
  const seen = /* @__PURE__ */ new Map();
  const out = [];
  for (const draft of drafts) {
    const first = seen.get(draft.id.raw.trim());
    if (first) {
      problems.push(problemAt(draft.id, `each hypothesis id once: \`${draft.id.raw.trim()}\` is also at line ${first.line}`, draft.origin));
      continue;
    }
    seen.set(draft.id.raw.trim(), draft);
    const built = buildHypothesis(draft, problems);
    if (built) out.push(built);
  }
  return out;
}

// src/compare/thresholds/block.ts
var MAX_REPEAT = 50;
var TOP_KEYS = ["baseline", "repeat", "thresholds", "hypotheses", "max-cost-usd"];
var ENTRY_KEYS2 = ["rule", "kind", "optional"];
var keyList = (keys) => keys.map((k) => `\`${k}\``).join(", ");
function scalarText(node2) {
  if (!(0, import_yaml2.isScalar)(node2) || node2.value === null || typeof node2.value === "boolean") return void 0;
  return typeof node2.source === "string" ? node2.source : typeof node2.value === "string" ? node2.value : void 0;
}
function parseBlockYaml(lines, origin, emptyLine) {
  const counter = new import_yaml2.LineCounter();
  const doc = (0, import_yaml2.parseDocument)(lines.map((l) => l.text).join("\n"), { lineCounter: counter, uniqueKeys: false, prettyErrors: true });
  const out = { drafts: [], hypotheses: [], problems: [] };
  const badLines = /* @__PURE__ */ new Set();
  const sourceLine = (yamlLine) => lines[Math.min(Math.max(yamlLine, 1), lines.length) - 1] ?? { line: emptyLine.line, text: emptyLine.text };
  const fieldOf = (node2, raw, fallback) => {
    if (!node2?.range) return { ...fallback, raw };
    const at = sourceLine(counter.linePos(node2.range[0]).line);
    return { raw, line: at.line, text: at.text.trim() };
  };
  const report = (field, expected) => {
    if (!badLines.has(field.line)) out.problems.push(problemAt(field, expected, origin));
  };
  for (const error of doc.errors) {
    const at = sourceLine(error.linePos?.[0].line ?? 1);
    const message = (error.message.split("\n")[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, "");
    const valueAfterColon = /:\s*(.*)$/.exec(at.text)?.[1] ?? "";
    const expected = valueAfterColon.startsWith(">") ? `the rule in quotes: YAML reads a leading \`>\` as a folded text marker, e.g. \`">= -0.01"\`` : `valid YAML (${message})`;
    if (!badLines.has(at.line)) out.problems.push(problemAt({ line: at.line, text: at.text.trim() }, expected, origin));
    badLines.add(at.line);
  }
  const root = doc.contents;
  if (root === null || (0, import_yaml2.isScalar)(root) && root.value === null) {
    if (doc.errors.length === 0) report(emptyLine, `YAML with \`thresholds:\` (and optionally \`baseline:\`, \`repeat:\`) inside the block`);
    return out;
  }
  const rootField = fieldOf(root, void 0, emptyLine);
  if (!(0, import_yaml2.isMap)(root)) {
    report(rootField, `a mapping with the keys ${keyList(TOP_KEYS)}`);
    return out;
  }
  for (const { pair, name, key } of uniquePairs(root, fieldOf, emptyLine, report, "key")) {
    const value = pair.value;
    const valueField = fieldOf(value, (0, import_yaml2.isScalar)(value) ? value.value : void 0, key);
    switch (name) {
      case "baseline": {
        const text2 = scalarText(value)?.trim() ?? "";
        if (text2 === "") report(valueField, "`baseline:` naming the baseline, a repo path or a reference name (non-empty text)");
        else out.baseline = text2;
        break;
      }
      case "repeat": {
        const n = (0, import_yaml2.isScalar)(value) ? value.value : void 0;
        if (typeof n === "number" && Number.isInteger(n) && n >= 1 && n <= MAX_REPEAT) out.repeat = n;
        else report(valueField, `\`repeat:\` a whole number of measured runs per side, from 1 to ${MAX_REPEAT}`);
        break;
      }
      case "thresholds":
        if (!(0, import_yaml2.isMap)(value) && !(doc.errors.length > 0 && (value === null || (0, import_yaml2.isScalar)(value) && value.value === null))) {
          report(valueField, 'under `thresholds:` a mapping of metric \u2192 rule, e.g. `profile.totals.wall_time_s: "<= -20%"`');
        } else if ((0, import_yaml2.isMap)(value)) readThresholds(value, origin, fieldOf, report, out.drafts, emptyLine);
        break;
      case "max-cost-usd": {
        const cost = readCost((0, import_yaml2.isScalar)(value) ? value.value : void 0);
        if (cost === void 0) report(valueField, '`max-cost-usd:` a budget in US dollars, e.g. `max-cost-usd: 2.50` or `"$2.50"`');
        else out.maxCostUsd = cost;
        break;
      }
      case "hypotheses":
        readHypothesisMap(value, origin, fieldOf, report, key, out.hypotheses);
        break;
      default:
        report(key, `one of the keys ${keyList(TOP_KEYS)}`);
    }
  }
  out.drafts = out.drafts.filter((d) => ![d.metric, d.rule, d.kind, d.optional].some((f) => f && badLines.has(f.line)));
  out.hypotheses = out.hypotheses.filter((h) => ![h.id, h.check, h.claim, h.lever].some((f) => f && badLines.has(f.line)));
  return out;
}
function readCost(raw) {
  if (typeof raw === "number") return Number.isFinite(raw) && raw >= 0 ? raw : void 0;
  const match = typeof raw === "string" ? /^\s*\$?\s*(\d+(?:\.\d+)?|\.\d+)\s*(?:usd)?\s*$/i.exec(raw) : null;
  return match ? Number(match[1]) : void 0;
}
function uniquePairs(map, fieldOf, fallback, report, what) {
  const seen = /* @__PURE__ */ new Map();
  const pairs = [];
  for (const pair of map.items) {
    const keyNode = pair.key;
    const name = scalarText(keyNode);
    const key = fieldOf(keyNode, name, fallback);
    if (name === void 0) {
      const plain = what === "metric" ? "a metric path as the key, e.g. `profile.totals.wall_time_s`" : "a plain text key";
      report(key, (0, import_yaml2.isAlias)(keyNode) ? "a metric path, not a YAML alias (a path cannot start with `*`)" : plain);
      continue;
    }
    const first = seen.get(name);
    if (first !== void 0) {
      const hint = what === "metric" ? '; for several rules on one metric write a list: `metric: ["<= -20%", "<= 60s"]`' : "";
      report(key, `\`${name}\` only once (first at line ${first})${hint}`);
      continue;
    }
    seen.set(name, key.line);
    pairs.push({ pair, name, key });
  }
  return pairs;
}
function readThresholds(map, origin, fieldOf, report, drafts, fallback) {
  for (const { pair, name, key } of uniquePairs(map, fieldOf, fallback, report, "metric")) {
    const metric = { ...key, raw: name };
    const value = pair.value;
    const items = (0, import_yaml2.isSeq)(value) ? value.items : [value];
    if ((0, import_yaml2.isSeq)(value) && items.length === 0) report(key, "at least one rule in the list");
    for (const item of items) {
      const draft = readEntry(item, metric, origin, fieldOf, report, (0, import_yaml2.isSeq)(value));
      if (draft) drafts.push(draft);
    }
  }
}
function readEntry(node2, metric, origin, fieldOf, report, inList) {
  const line = inList && node2?.range ? fieldOf(node2, void 0, metric).line : metric.line;
  if ((0, import_yaml2.isAlias)(node2)) {
    report(fieldOf(node2, void 0, metric), "a rule as text, not a YAML alias");
    return void 0;
  }
  if (!(0, import_yaml2.isMap)(node2)) {
    return { metric, rule: fieldOf(node2, (0, import_yaml2.isScalar)(node2) ? node2.value : null, metric), line, origin };
  }
  const draft = { metric, rule: { raw: null, line: metric.line, text: metric.text }, line, origin };
  let hasRule = false;
  for (const { pair, name, key } of uniquePairs(node2, fieldOf, metric, report, "key")) {
    const value = pair.value;
    const field = fieldOf(value, (0, import_yaml2.isScalar)(value) ? value.value : value === null ? null : value, key);
    if (name === "rule") {
      draft.rule = field;
      hasRule = true;
    } else if (name === "kind") draft.kind = field;
    else if (name === "optional") draft.optional = field;
    else report(key, `one of the keys ${keyList(ENTRY_KEYS2)}`);
  }
  if (!hasRule) {
    report(metric, '`rule:` in the entry, e.g. `{ rule: "<= -20%", kind: target }`');
    return void 0;
  }
  return draft;
}

// src/inputs/config.ts
var MODES = ["gate", "baseline", "measure", "aggregate"];
var DEFAULT_REPEAT = 5;
var DEFAULT_MEASURE_REPEAT = 1;
var DEFAULT_CONFIRM_RUNS = 6;
var STAGES_PATTERN = /^(auto|events|none|status-file:.+|metrics:.+)$/;
var ASSOCIATIONS = ["OWNER", "MEMBER", "COLLABORATOR", "CONTRIBUTOR", "FIRST_TIME_CONTRIBUTOR", "FIRST_TIMER", "MANNEQUIN", "NONE"];
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
  const parts2 = raw.split(",").map((p) => p.trim()).filter((p) => p !== "");
  if (parts2.length === 1 && parts2[0] === "none") return { issue: false, pr: false };
  const bad = parts2.filter((p) => p !== "issue" && p !== "pr");
  if (parts2.length === 0 || bad.length > 0) {
    errors.add(Inputs.Comment, "issue,pr | issue | pr | none", raw);
    return { issue: false, pr: false };
  }
  return { issue: parts2.includes("issue"), pr: parts2.includes("pr") };
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
function optional(raw) {
  return raw === "" ? void 0 : raw;
}
function readActionConfig(read) {
  const errors = new InputErrors();
  const mode = oneOf(errors, Inputs.Mode, read(Inputs.Mode) || "gate", MODES);
  const profileMode = oneOf(errors, Inputs.ProfileMode, read(Inputs.ProfileMode) || "native", ["native", "external"]);
  const stages = read(Inputs.Stages) || "auto";
  if (!STAGES_PATTERN.test(stages)) errors.add(Inputs.Stages, "auto | events | none | status-file:PATH | metrics:PATH", stages);
  const repeatRaw = read(Inputs.Repeat);
  const trusted = (read(Inputs.TrustedAssociations) || "OWNER,MEMBER,COLLABORATOR").split(",").map((a) => a.trim().toUpperCase()).filter((a) => a !== "");
  const unknownAssociations = trusted.filter((a) => !ASSOCIATIONS.includes(a));
  if (trusted.length === 0 || unknownAssociations.length > 0) {
    errors.add(Inputs.TrustedAssociations, `a comma-separated list of ${ASSOCIATIONS.join(", ")}`, read(Inputs.TrustedAssociations));
  }
  const config = {
    issueNumber: parseIssueNumber(errors, read(Inputs.IssueNumber)),
    mode,
    experimentCommand: optional(read(Inputs.ExperimentCommand)),
    experimentOutput: optional(read(Inputs.ExperimentOutput)),
    profileCommand: optional(read(Inputs.ProfileCommand)),
    profileMode,
    profileOutput: optional(read(Inputs.ProfileOutput)),
    stages,
    datasetId: read(Inputs.DatasetId) || "default",
    pipelineConfig: read(Inputs.PipelineConfig).split("\n").map((l) => l.trim()).filter((l) => l !== ""),
    baseline: parseBaseline(errors, read(Inputs.Baseline)),
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
    trustedAssociations: trusted,
    token: read(Inputs.Token)
  };
  if (/[\\/"':<>|*?\r\n]/.test(config.artifactName)) {
    errors.add(Inputs.ArtifactName, 'a name without / \\ " : < > | * ? or newlines', config.artifactName);
  }
  if (mode !== "aggregate" && !config.profileCommand) {
    errors.add(Inputs.ProfileCommand, `the pipeline command to profile (mode ${mode} measures a run)`, "");
  }
  if (profileMode === "external" && config.profileCommand && !config.profileOutput) {
    errors.add(Inputs.ProfileOutput, "the path where the external freeze writes its profile YAML (profile-mode: external)", "");
  }
  if (config.experimentCommand && !config.experimentOutput) {
    errors.add(Inputs.ExperimentOutput, "the directory where experiment-command writes metrics.json", "");
  }
  if (errors.list.length > 0) throw new UserError("invalid action inputs", errors.list);
  return config;
}

// src/compare/rank-interval.ts
function mannWhitneyCdf(n, m) {
  let previous = Array.from({ length: m + 1 }, () => [1]);
  for (let a = 1; a <= n; a++) {
    const current = [[1]];
    for (let b = 1; b <= m; b++) {
      const size = a * b + 1;
      const row2 = new Array(size).fill(0);
      const withA = previous[b];
      const withB = current[b - 1];
      for (let u = 0; u < size; u++) row2[u] = (u - b >= 0 ? withA[u - b] ?? 0 : 0) + (withB[u] ?? 0);
      current.push(row2);
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

// src/compare/t-interval.ts
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

// src/compare/stats.ts
var SINGLE_RUN_NOTE = "single run: no noise estimate";
var DEFAULT_INTERVAL_OPTIONS = { level: 0.95, resamples: 2e3, seed: 24301, method: "rank-shift" };
function median(values) {
  if (values.length === 0) throw new InternalError("median of no values");
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
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
function checkValues(values, side3) {
  if (values.length === 0) throw new InternalError(`no ${side3} values to estimate from`);
  if (!values.every(Number.isFinite)) throw new InternalError(`non-finite ${side3} value reached the statistics`);
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
  const change2 = (medians) => {
    const [b, c] = medians;
    return form === "delta" ? c - b : relativeChange(b, c);
  };
  const estimate = change2([median(baseline), median(candidate)]);
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
  const { interval: interval2, undefinedShare } = bootstrap([baseline, candidate], change2, o);
  const note = interval2 === void 0 ? `relative change undefined in ${(undefinedShare * 100).toFixed(0)} % of resamples (baseline median 0)` : singleRunNote(n.baseline, n.candidate);
  return { form, estimate, interval: interval2, method: "bootstrap-median", n, degenerate: false, ...note ? { note } : {} };
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
  const { interval: interval2 } = bootstrap([candidate], (m) => m[0], o);
  return { form: "value", estimate, interval: interval2, method: "bootstrap-median", n, degenerate: false };
}

// src/compare/metrics.ts
var DOCUMENT_NAMES = {
  profile: "profile YAML",
  truth: "stage_truth.json",
  eval: "metrics.json",
  cost: "eval_pipeline_metrics.json"
};
function isMetricSource(segment) {
  return METRIC_SOURCES.includes(segment ?? "");
}
function documentOf(run2, source) {
  return run2[source];
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
function lookupMetric(run2, path) {
  const [source, ...keys] = path.split(".");
  if (!isMetricSource(source)) {
    return { kind: "invalid", reason: `${path}: unknown document "${source ?? ""}" (expected ${METRIC_SOURCES.join(", ")})` };
  }
  let node2 = documentOf(run2, source);
  if (node2 === void 0) return { kind: "absent", reason: `no ${DOCUMENT_NAMES[source]} for ${run2.label}` };
  let walked = source;
  for (const key of keys) {
    if (!isObject(node2)) return { kind: "absent", reason: `${walked} is ${describeValue(node2)}, so ${path} is absent` };
    if (!(key in node2)) {
      if (isZeroWallStage(path, walked, run2)) return { kind: "number", value: 0, note: ZERO_WALL_NOTE };
      if (source === "profile" && walked === "profile.stages") {
        return { kind: "absent", reason: `stage ${key} absent in ${run2.label}: it did not run, so it has no memory or CPU (mark the threshold optional: true if a stage may be removed)` };
      }
      return { kind: "absent", reason: `${path} absent in ${run2.label}` };
    }
    node2 = node2[key];
    walked = `${walked}.${key}`;
  }
  return classifyValue(node2, path);
}
var ZERO_WALL_NOTE = "stage absent: zero wall time";
function isZeroWallStage(path, walked, run2) {
  if (walked === "profile.stages") return /^profile\.stages\.[^.]+\.wall_time_s$/.test(path);
  return walked === "truth.wall_seconds_by_stage" && /^truth\.wall_seconds_by_stage\.[^.]+$/.test(path) && run2.truth !== void 0;
}
function isMetricLeaf(value) {
  return typeof value === "number" || value === null;
}
function collect(node2, segments, prefix, out) {
  if (segments.length === 0) {
    if (isMetricLeaf(node2)) out.push(prefix);
    return;
  }
  if (!isObject(node2)) return;
  const [head, ...tail] = segments;
  const keys = head === "*" ? Object.keys(node2) : head in node2 ? [head] : [];
  for (const key of keys) collect(node2[key], tail, `${prefix}.${key}`, out);
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
  const perRun = runs.map((run2) => {
    const out = [];
    for (const s of sources) collect(documentOf(run2, s), rest, s, out);
    return out;
  });
  return mergeOrders(perRun);
}
function stageNames(runs) {
  return mergeOrders(runs.map((run2) => Object.keys(run2.profile.stages)));
}
function lookupSide(runs, path) {
  const lookups = runs.map((run2) => lookupMetric(run2, path));
  const numbers = [];
  const groups = /* @__PURE__ */ new Map();
  for (const [i, found] of lookups.entries()) {
    if (found.kind === "number") {
      numbers.push(found.value);
      continue;
    }
    const label = runs[i]?.label ?? "";
    const generic = label ? found.reason.split(label).join("\0") : found.reason;
    const group = groups.get(generic);
    if (group) group.count++;
    else groups.set(generic, { label, count: 1 });
  }
  const problems = [...groups].map(([generic, { label, count }]) => {
    if (count === 1) return generic.split("\0").join(label);
    return generic.includes("\0") ? generic.split("\0").join(`${count} of ${runs.length} runs`) : `${generic} (${count} runs)`;
  });
  return { lookups, numbers, complete: runs.length > 0 && problems.length === 0, problems };
}

// src/compare/diff.ts
var STAGE_QUANTITIES = ["wall_time_s", "peak_rss_mb", "avg_cpu_pct"];
var TOTAL_QUANTITIES = ["wall_time_s", "peak_rss_mb", "avg_wall_time_per_episode_s"];
var TRUTH_QUANTITIES = ["run_wall_s", "sum_mapped_stage_wall_s", "parallelism_hint_ratio"];
function summarize(runs, metric) {
  const side3 = lookupSide(runs, metric);
  return {
    values: side3.numbers,
    median: side3.numbers.length > 0 ? median(side3.numbers) : void 0,
    runs: runs.length,
    problems: side3.problems,
    lookups: side3.lookups
  };
}
function whyNoValue(lookups) {
  const kinds = new Set(lookups.map((l) => l.kind));
  if (kinds.size === 1 && kinds.has("absent")) return "absent";
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
  const change2 = b.median !== void 0 && c.median !== void 0 ? c.median - b.median : void 0;
  const percent = change2 !== void 0 && b.median !== void 0 && b.median !== 0 ? change2 / Math.abs(b.median) * 100 : void 0;
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
    change: change2,
    percent,
    ...note ? { note } : {}
  };
}
function leafPaths(node2, deep, prefix = "") {
  if (!isObject(node2)) return [];
  const out = [];
  for (const [key, value] of Object.entries(node2)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "number" || value === null) out.push(path);
    else if (deep && isObject(value)) out.push(...leafPaths(value, deep, path));
  }
  return out;
}
function qualityEntries(run2) {
  const metrics2 = run2.eval;
  if (!metrics2) return [];
  const entries = [];
  const references = isObject(metrics2.vs_reference) ? metrics2.vs_reference : {};
  for (const [ref, block] of Object.entries(references)) {
    for (const name of leafPaths(block, true)) entries.push({ group: ref, name, metric: `eval.vs_reference.${ref}.${name}` });
  }
  const intrinsic = isObject(metrics2.intrinsic) ? metrics2.intrinsic : {};
  for (const group of ["gates", "performance"]) {
    for (const name of leafPaths(intrinsic[group], false)) entries.push({ group, name, metric: `eval.intrinsic.${group}.${name}` });
  }
  if (isObject(intrinsic.length) && "avg_tokens" in intrinsic.length) {
    entries.push({ group: "length", name: "avg_tokens", metric: "eval.intrinsic.length.avg_tokens" });
  }
  return entries;
}
var LLM_STAGE_KEY = /^llm_(.+)_(calls|input_tokens|output_tokens|cost_usd)$/;
function costEntries(run2) {
  const entries = [];
  const intrinsic = isObject(run2.eval?.intrinsic) ? run2.eval.intrinsic : {};
  for (const name of leafPaths(intrinsic.cost, false)) entries.push({ group: "eval cost", name, metric: `eval.intrinsic.cost.${name}` });
  for (const name of leafPaths(run2.cost, false)) {
    const stage = LLM_STAGE_KEY.exec(name)?.[1];
    if (stage !== void 0) entries.push({ group: stage, name, metric: `cost.${name}` });
    else if (name.startsWith("total_")) entries.push({ group: "totals", name, metric: `cost.${name}` });
  }
  return entries;
}
function entryRows(section, pick, baseline, candidate) {
  const byMetric = /* @__PURE__ */ new Map();
  const orders = [...baseline.runs, ...candidate.runs].map(
    (run2) => pick(run2).map((entry) => {
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
    for (const q of STAGE_QUANTITIES) rows.push(row("stages", stage, q, `profile.stages.${stage}.${q}`, baseline, candidate));
  }
  for (const q of TOTAL_QUANTITIES) rows.push(row("totals", "totals", q, `profile.totals.${q}`, baseline, candidate));
  if (all.some((run2) => run2.truth !== void 0)) {
    for (const q of TRUTH_QUANTITIES) rows.push(row("truth", "stage_truth", q, `truth.${q}`, baseline, candidate));
  }
  rows.push(...entryRows("quality", qualityEntries, baseline, candidate));
  rows.push(...entryRows("cost", costEntries, baseline, candidate));
  return {
    baseline: { labels: baseline.runs.map((r) => r.label) },
    candidate: { labels: candidate.runs.map((r) => r.label) },
    stages,
    rows
  };
}

// src/compare/confirm.ts
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
  const undecided = inconclusive.filter((t) => t.change.interval !== void 0 && t.change.value !== void 0);
  const stop = (why) => ({ confirm: false, undecided, why });
  if (allowed <= 0) return stop("confirm-runs is 0");
  if (result.decision === "reject") return stop("the gate rejects already: more runs would not change the decision");
  if (undecided.length === 0) {
    return stop(inconclusive.length > 0 ? `no more runs can decide the inconclusive guardrail(s) ${metrics(inconclusive)} (undefined change)` : "no guardrail is inconclusive");
  }
  if (done >= allowed) return stop(`confirm-runs used up (${done} of ${allowed}); still inconclusive: ${metrics(undecided)}`);
  const left = allowed - done;
  const hopeful = undecided.filter((t) => mayDecide(t, left));
  if (hopeful.length === 0) {
    const needs = undecided.slice(0, 3).map((t) => `${t.metric} ${t.toDecide?.runs !== void 0 ? `about ${t.toDecide.runs}` : "more than 50"}`);
    return stop(`the ${left} round${left === 1 ? "" : "s"} left would likely not decide the inconclusive guardrail(s) (runs per side needed at the spread seen: ${needs.join(", ")}${undecided.length > 3 ? ", \u2026" : ""})`);
  }
  return { confirm: true, undecided, why: `${undecided.length} guardrail(s) inconclusive: ${metrics(undecided)}` };
}
function confirmationNote(record) {
  if (record.rounds === 0) return void 0;
  const rounds = `${record.rounds} confirmation round${record.rounds === 1 ? "" : "s"}`;
  const runs = record.candidateOnly ? `${record.rounds} more candidate run${record.rounds === 1 ? "" : "s"}; the stored baseline's runs are fixed` : `${record.rounds} more run${record.rounds === 1 ? "" : "s"} per side, interleaved`;
  return `${rounds} (${runs}) added because a guardrail was inconclusive (confirm-runs: ${record.allowed})`;
}

// src/compare/thresholds/markdown.ts
function splitLines(text2) {
  return text2.split(/\r\n|\r|\n/);
}
var FENCE_OPEN = /^( *)(`{3,}|~{3,})(.*)$/;
var COMMENT_OPEN = /^ {0,3}<!--/;
function isClosingFence(text2, marker) {
  const match = /^ *(`{3,}|~{3,})\s*$/.exec(text2);
  return match !== null && match[1][0] === marker[0] && match[1].length >= marker.length;
}
function dedent(text2, indent) {
  let i = 0;
  while (i < indent && text2[i] === " ") i++;
  return text2.slice(i);
}
function scanMarkdown(body) {
  const lines = splitLines(body);
  const fences = [];
  const prose2 = [];
  let i = 0;
  while (i < lines.length) {
    const text2 = lines[i];
    const open = FENCE_OPEN.exec(text2);
    if (open && !(open[2][0] === "`" && open[3].includes("`"))) {
      const [, indent, marker] = open;
      const block = { info: open[3].trim(), line: i + 1, fenceText: text2.trim(), content: [], closed: false };
      i++;
      while (i < lines.length && !isClosingFence(lines[i], marker)) {
        block.content.push({ line: i + 1, text: dedent(lines[i], indent.length) });
        i++;
      }
      block.closed = i < lines.length;
      fences.push(block);
      prose2.push(void 0);
      i++;
      continue;
    }
    if (COMMENT_OPEN.test(text2)) {
      let closed = text2.includes("-->", text2.indexOf("<!--") + 4);
      while (!closed && i + 1 < lines.length) closed = lines[++i].includes("-->");
      prose2.push(void 0);
      i++;
      continue;
    }
    prose2.push({ line: i + 1, text: text2 });
    i++;
  }
  return { fences, tables: findTables(prose2) };
}
function splitRow(text2) {
  let row2 = text2.trim();
  if (row2.startsWith("|")) row2 = row2.slice(1);
  if (row2.endsWith("|") && !row2.endsWith("\\|")) row2 = row2.slice(0, -1);
  const cells = [];
  let current = "";
  for (let i = 0; i < row2.length; i++) {
    const ch = row2[i];
    if (ch === "\\" && row2[i + 1] === "|") {
      current += "\\|";
      i++;
    } else if (ch === "|") {
      cells.push(current);
      current = "";
    } else {
      current += ch;
    }
  }
  cells.push(current);
  return cells.map((cell2) => {
    const raw = cell2.trim();
    return { raw, text: cellText(raw) };
  });
}
function cellText(raw) {
  let text2 = raw.replace(/\\\|/g, "|");
  const emphasis = /^(\*\*|__)(.*)\1$/.exec(text2);
  if (emphasis) text2 = emphasis[2].trim();
  const code2 = /^(`+)\s?(.*?)\s?\1$/.exec(text2);
  if (code2) text2 = code2[2];
  return text2.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&le;/g, "\u2264").replace(/&ge;/g, "\u2265").trim();
}
var DELIMITER_CELL = /^:?-+:?$/;
function isDelimiterRow(text2) {
  if (!text2.includes("|")) return false;
  const cells = splitRow(text2);
  return cells.length > 0 && cells.every((c) => DELIMITER_CELL.test(c.raw));
}
function endsTable(text2) {
  return text2.trim() === "" || /^ {0,3}(#{1,6}(\s|$)|>)/.test(text2);
}
function findTables(prose2) {
  const tables = [];
  let i = 0;
  while (i + 1 < prose2.length) {
    const head = prose2[i];
    const delimiter = prose2[i + 1];
    if (!head || !delimiter || !head.text.includes("|") || !isDelimiterRow(delimiter.text)) {
      i++;
      continue;
    }
    const headerCells = splitRow(head.text);
    if (headerCells.length !== splitRow(delimiter.text).length) {
      i++;
      continue;
    }
    const table2 = { header: { line: head.line, raw: head.text.trim(), cells: headerCells }, rows: [] };
    i += 2;
    while (i < prose2.length) {
      const row2 = prose2[i];
      if (!row2 || endsTable(row2.text)) break;
      table2.rows.push({ line: row2.line, raw: row2.text.trim(), cells: splitRow(row2.text) });
      i++;
    }
    tables.push(table2);
  }
  return tables;
}

// src/compare/thresholds/parse.ts
var BLOCK_INFO = "optimization-gate";
var ACCEPTED_FORMS = 'no thresholds found: write them on the issue as a fenced ```optimization-gate block (`thresholds:` mapping metric \u2192 rule, e.g. `profile.totals.wall_time_s: "<= -20%"`) or as a markdown table with `Metric` and `Rule` columns (optional `Kind`, `Optional`)';
var NEAR_INFO = /^optimi[sz]ation[\s_-]*gate\b/i;
function fenceLine(block) {
  return { line: block.line, text: block.fenceText };
}
function readBlocks(fences, problems) {
  for (const fence of fences) {
    if (fence.info !== BLOCK_INFO && NEAR_INFO.test(fence.info)) {
      problems.push(problemAt(fenceLine(fence), `the info string exactly \`${BLOCK_INFO}\` after the fence`, "block"));
    }
  }
  const blocks = fences.filter((f) => f.info === BLOCK_INFO);
  if (blocks.length === 0) return void 0;
  const first = blocks[0];
  const merged = { drafts: [], hypotheses: [], problems: [] };
  for (const block of blocks) {
    if (block !== first) {
      const expected = `a single \`${BLOCK_INFO}\` block per issue (the first is at line ${first.line}); merge them`;
      problems.push(problemAt(fenceLine(block), expected, "block"));
    }
    if (!block.closed) {
      problems.push(problemAt(fenceLine(block), "a closing fence (``` or ~~~, as opened) after the block", "block"));
      continue;
    }
    const content = parseBlockYaml(block.content, "block", { raw: void 0, ...fenceLine(block) });
    merged.drafts.push(...content.drafts);
    merged.hypotheses.push(...content.hypotheses);
    merged.problems.push(...content.problems);
    merged.baseline ??= content.baseline;
    merged.repeat ??= content.repeat;
    merged.maxCostUsd ??= content.maxCostUsd;
  }
  return merged;
}
function ruleKey(t) {
  return `${t.rule.op} ${t.rule.form} ${t.rule.value}`;
}
function findDuplicates(thresholds, problems, source) {
  const firstByRule = /* @__PURE__ */ new Map();
  const firstByOrigin = /* @__PURE__ */ new Map();
  for (const t of thresholds) {
    const sameRule = firstByRule.get(`${t.origin} ${t.metric} ${ruleKey(t)}`);
    if (sameRule) {
      problems.push(problemAt(source(t), `\`${t.metric}\` with rule \`${t.rule.text}\` only once (also at line ${sameRule.line})`, t.origin));
    } else {
      firstByRule.set(`${t.origin} ${t.metric} ${ruleKey(t)}`, t);
    }
    const other = firstByOrigin.get(`${t.origin === "block" ? "table" : "block"} ${t.metric}`);
    if (other && t.origin !== "input") {
      problems.push(
        problemAt(
          source(t),
          `each metric in one form only: \`${t.metric}\` is also in the ${other.origin === "block" ? "block" : "table"} at line ${other.line}`,
          t.origin
        )
      );
    }
    if (!firstByOrigin.has(`${t.origin} ${t.metric}`)) firstByOrigin.set(`${t.origin} ${t.metric}`, t);
  }
}
function assemble(content, drafts, problems, lines, hypothesisDrafts = []) {
  problems.push(...content?.problems ?? []);
  const thresholds = [];
  for (const draft of [...content?.drafts ?? [], ...drafts]) {
    const threshold2 = buildThreshold(draft, problems);
    if (threshold2) thresholds.push(threshold2);
  }
  findDuplicates(thresholds, problems, (t) => ({ line: t.line, text: (lines[t.line - 1] ?? "").trim() }));
  const hypotheses = buildHypotheses([...content?.hypotheses ?? [], ...hypothesisDrafts], problems);
  problems.sort((a, b) => a.line - b.line);
  const spec = { thresholds, problems };
  if (hypotheses.length > 0) spec.hypotheses = hypotheses;
  if (content?.baseline !== void 0) spec.baseline = content.baseline;
  if (content?.repeat !== void 0) spec.repeat = content.repeat;
  if (content?.maxCostUsd !== void 0) spec.maxCostUsd = content.maxCostUsd;
  return spec;
}
function parseIssueThresholds(body) {
  const scan = scanMarkdown(body);
  const problems = [];
  const content = readBlocks(scan.fences, problems);
  const drafts = readTables(scan.tables, problems);
  const hypotheses = readHypothesisTables(scan.tables, problems);
  return assemble(content, drafts, problems, splitLines(body), hypotheses);
}
function parseInlineThresholds(text2) {
  const lines = splitLines(text2);
  if (text2.trim() === "") return { thresholds: [], problems: [] };
  const problems = [];
  let yamlLines = lines.map((t, i) => ({ line: i + 1, text: t }));
  const firstLine = yamlLines.find((l) => l.text.trim() !== "");
  const fenced = scanMarkdown(text2).fences[0];
  if (fenced && fenced.line === firstLine.line) {
    if (fenced.info !== BLOCK_INFO || !fenced.closed) {
      const expected = fenced.closed ? `YAML without a fence (or an \`${BLOCK_INFO}\` block)` : "a closing fence after the block";
      problems.push(problemAt(fenceLine(fenced), expected, "input"));
      return { thresholds: [], problems };
    }
    yamlLines = fenced.content;
  }
  const content = parseBlockYaml(yamlLines, "input", { raw: void 0, line: firstLine.line, text: firstLine.text.trim() });
  return assemble(content, [], problems, lines);
}
function mergeThresholds(issue, inline) {
  const replaced = new Set(inline.thresholds.map((t) => t.metric));
  const merged = {
    thresholds: [...issue.thresholds.filter((t) => !replaced.has(t.metric)), ...inline.thresholds],
    problems: [...issue.problems, ...inline.problems]
  };
  const replacedHypotheses = new Set((inline.hypotheses ?? []).map((h) => h.id));
  const hypotheses = [...(issue.hypotheses ?? []).filter((h) => !replacedHypotheses.has(h.id)), ...inline.hypotheses ?? []];
  if (hypotheses.length > 0) merged.hypotheses = hypotheses;
  const baseline = inline.baseline ?? issue.baseline;
  const repeat = inline.repeat ?? issue.repeat;
  if (baseline !== void 0) merged.baseline = baseline;
  if (repeat !== void 0) merged.repeat = repeat;
  const maxCostUsd = inline.maxCostUsd ?? issue.maxCostUsd;
  if (maxCostUsd !== void 0) merged.maxCostUsd = maxCostUsd;
  return merged;
}

// src/compare/thresholds/format.ts
var MAX_TEXT2 = 160;
function codeSpan(text2) {
  const longestRun = Math.max(0, ...(text2.match(/`+/g) ?? []).map((run2) => run2.length));
  const fence = "`".repeat(longestRun + 1);
  const pad = text2.startsWith("`") || text2.endsWith("`") ? " " : "";
  return `${fence}${pad}${text2}${pad}${fence}`;
}
function formatProblem(problem) {
  const where = problem.origin === "input" ? `thresholds input, line ${problem.line}` : `line ${problem.line}`;
  const oneLine = problem.text.replace(/\s+/g, " ").trim();
  const text2 = oneLine.length > MAX_TEXT2 ? `${oneLine.slice(0, MAX_TEXT2 - 1)}\u2026` : oneLine;
  return `${where}: ${text2 === "" ? "(empty)" : codeSpan(text2)} \u2014 expected ${problem.expected}`;
}
function amount(value, unit) {
  const number = String(Number(Math.abs(value).toPrecision(6)));
  if (!unit) return number;
  switch (unit.dimension) {
    case "money":
      return `$${number}`;
    case "cpu":
      return `${number} % of a core`;
    case "time":
    case "memory":
      return `${number} ${unit.symbol}`;
  }
}
function change(op, value, size) {
  const direction = value < 0 ? "lower" : "higher";
  if (value === 0) {
    const zero = { "<=": "not higher", "<": "lower", ">=": "not lower", ">": "higher" };
    return `${zero[op]} than the baseline`;
  }
  const towardsBound = (op === "<=" || op === "<") === value < 0;
  const bound = towardsBound ? { "<=": "at least", "<": "more than", ">=": "at least", ">": "more than" } : { "<=": "at most", "<": "less than", ">=": "at most", ">": "less than" };
  return `${bound[op]} ${size} ${direction} than the baseline`;
}
function describeRule(rule, metric) {
  switch (rule.form) {
    case "relative":
      return change(rule.op, rule.value, `${String(Number(Math.abs(rule.value).toPrecision(6)))} %`);
    case "delta":
      return change(rule.op, rule.value, amount(rule.value, metricUnit(metric)));
    case "absolute": {
      const words = { "<=": "at most", "<": "below", ">=": "at least", ">": "above" };
      return `${words[rule.op]} ${amount(rule.value, metricUnit(metric))}`;
    }
  }
}

// src/compare/spend.ts
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
  const parts2 = [
    plan.experiments > 0 ? plural(plan.experiments, "experiment run") : "",
    plan.warmups > 0 ? plural(plan.warmups, "warm-up") : "",
    `${plan.measured} measured (${plan.repeat} per side \xD7 ${plural(plan.sides, "side")})`
  ].filter(Boolean);
  const planned = plannedRuns(plan);
  const most = mostRuns(plan);
  const confirm = plan.confirmRounds > 0 ? `; at most ${most - planned} more in confirmation rounds (${plural(plan.confirmRounds, "round")} \xD7 ${plan.runsPerRound}): ${most} at most` : "";
  const lines = [`expected runs: ${parts2.join(" + ")} = ${planned}${confirm}`];
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

// src/compare/runs-needed.ts
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
  const { interval: interval2 } = estimate;
  const n = estimate.form === "value" ? estimate.n.candidate : Math.min(estimate.n.baseline, estimate.n.candidate);
  const vague = { runs: void 0, text: "more runs would decide it" };
  if (!interval2 || estimate.estimate === void 0) return vague;
  if (Math.abs(estimate.estimate - bound) < (interval2.high - interval2.low) / 2 * 0.05) {
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

// src/compare/host.ts
function text(value) {
  return typeof value === "string" && value.trim() !== "" ? value : void 0;
}
function runHost(side3, run2) {
  const env = run2.profile.environment;
  return { side: side3, label: run2.label, hostname: text(env.hostname), cpu: text(env.cpu_model) ?? text(env.cpu) };
}
function whoHas(group, all) {
  const parts2 = [];
  for (const sideName of ["baseline", "candidate"]) {
    const mine = group.filter((r) => r.side === sideName);
    const total = all.filter((r) => r.side === sideName).length;
    if (mine.length === 0) continue;
    if (mine.length === total && total > 1) parts2.push(`all ${total} ${sideName} runs`);
    else {
      const labels = mine.slice(0, 3).map((r) => r.label);
      parts2.push(`${sideName} ${labels.join(", ")}${mine.length > 3 ? ` and ${mine.length - 3} more` : ""}`);
    }
  }
  return parts2.join("; ");
}
function difference(attribute, runs, pick) {
  const groups = /* @__PURE__ */ new Map();
  for (const run2 of runs) {
    const value = pick(run2) ?? "(not recorded)";
    groups.set(value, [...groups.get(value) ?? [], run2]);
  }
  if (groups.size <= 1) return void 0;
  const parts2 = [...groups.entries()].map(([value, who]) => `${value} (${whoHas(who, runs)})`);
  return `${attribute} differs: ${parts2.join(" vs ")}`;
}
function checkHosts(baseline, candidate) {
  const runs = [...baseline.runs.map((r) => runHost("baseline", r)), ...candidate.runs.map((r) => runHost("candidate", r))];
  const differences = [difference("hostname", runs, (r) => r.hostname), difference("CPU model", runs, (r) => r.cpu)].filter(
    (d) => d !== void 0
  );
  return { comparable: differences.length === 0, runs, differences };
}

// src/compare/hypotheses/describe.ts
var OP_SYMBOL = { "<": "<", "<=": "\u2264", ">": ">", ">=": "\u2265", "==": "=" };
function plainNumber(x) {
  if (x === 0) return "0";
  const abs = Math.abs(x);
  const decimals = abs >= 1 ? 2 : Math.min(8, 2 - Math.floor(Math.log10(abs)));
  const text2 = x.toFixed(decimals);
  return text2.includes(".") ? text2.replace(/0+$/, "").replace(/\.$/, "") : text2;
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
function describeValue2(node2, percent) {
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
  const bound = constantRight ? formatIn(right.value, right.dim === "free" ? left.dim : right.dim, percent) : describeValue2(right, percent);
  if (outcome.runs === 0) return `not evaluated: ${outcome.problems.join("; ")}`;
  if (outcome.basis === "missing" || outcome.basis === "undefined") {
    return `${outcome.basis === "missing" ? "missing data" : "undefined value"}: ${outcome.problems.join("; ")}; needs ${OP_SYMBOL[op]} ${bound}`;
  }
  const main = `${describeValue2(left, percent)}, needs ${OP_SYMBOL[op]} ${bound}`;
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

// src/compare/hypotheses/evaluate.ts
var TOLERANCE = 1e-9;
function scaled(path, value) {
  return value * (metricUnit(path)?.scale ?? 1);
}
function leaf(expr, text2, value, extra = {}) {
  return { kind: expr.type, text: text2.slice(expr.start, expr.end), dim: expr.dim, value, ...extra, children: [] };
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
function evalRun(expr, text2, run2, out) {
  switch (expr.type) {
    case "number":
      return leaf(expr, text2, expr.value, expr.percent ? { percent: true } : {});
    case "metric": {
      const found = lookupMetric(run2, expr.path);
      if (found.kind !== "number") out.missing.push(withoutThresholdHint(found.reason));
      const value = found.kind === "number" ? scaled(expr.path, found.value) : null;
      return leaf(expr, text2, value, { metric: expr.path, ...found.kind === "number" && found.note ? { note: found.note } : {} });
    }
    case "sum": {
      const paths = expandMetricPattern(expr.pattern, [run2]);
      if (paths.length === 0) out.missing.push(`no metric matches ${expr.pattern} in ${run2.label}`);
      const matches = paths.map((metric) => {
        const found = lookupMetric(run2, metric);
        if (found.kind !== "number") out.missing.push(found.reason);
        return { metric, value: found.kind === "number" ? scaled(metric, found.value) : null };
      });
      const complete = paths.length > 0 && matches.every((m) => m.value !== null);
      const total = complete ? matches.reduce((s, m) => s + m.value, 0) : null;
      return leaf(expr, text2, total, { metric: expr.pattern, matches });
    }
    case "negate": {
      const operand = evalRun(expr.operand, text2, run2, out);
      return { ...leaf(expr, text2, operand.value === null ? null : -operand.value), children: [operand] };
    }
    case "share":
    case "binary": {
      const [a, b] = expr.type === "share" ? [expr.part, expr.whole] : [expr.left, expr.right];
      const left = evalRun(a, text2, run2, out);
      const right = evalRun(b, text2, run2, out);
      const op = expr.type === "share" ? "/" : expr.op;
      let value = null;
      if (left.value !== null && right.value !== null) {
        value = arithmetic(op, left.value, right.value) ?? null;
        if (value === null) out.undefinedBy.push(`${text2.slice(b.start, b.end)} is 0 in ${run2.label}, so ${text2.slice(expr.start, expr.end)} is undefined`);
      }
      return { ...leaf(expr, text2, value, expr.type === "binary" ? { op } : {}), children: [left, right] };
    }
  }
}
function combine2(nodes) {
  const first = nodes[0];
  const values = nodes.map((n) => n.value);
  const value = values.every((v) => v !== null) ? median(values) : null;
  const combined = { ...first, value, children: first.children.map((_, i) => combine2(nodes.map((n) => n.children[i]))) };
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
function evaluateHypothesisOn(hypothesis, side3, runs, options = {}) {
  const { check } = hypothesis;
  const missing = [];
  const undefinedBy = [];
  const perRun = runs.map((run2) => {
    const out = { missing: [], undefinedBy: [] };
    const left2 = evalRun(check.left, check.text, run2, out);
    const right2 = evalRun(check.right, check.text, run2, out);
    missing.push(...out.missing);
    undefinedBy.push(...out.undefinedBy);
    return { left: left2, right: right2 };
  });
  const empty = (expr) => leaf(expr, check.text, null);
  const left = perRun.length > 0 ? combine2(perRun.map((r) => r.left)) : empty(check.left);
  const right = perRun.length > 0 ? combine2(perRun.map((r) => r.right)) : empty(check.right);
  const values = { left: perRun.map((r) => r.left.value), right: perRun.map((r) => r.right.value) };
  const base = { side: side3, runs: runs.length, op: check.op, left, right, values, notes: overlapNote(left, runs) };
  const problems = [...grouped(missing, runs.length), ...grouped(undefinedBy, runs.length)];
  const differences = perRun.map((r) => r.left.value !== null && r.right.value !== null ? r.left.value - r.right.value : null);
  if (runs.length === 0 || problems.length > 0 || differences.some((d2) => d2 === null)) {
    const basis = missing.length > 0 || runs.length === 0 ? "missing" : "undefined";
    const result2 = { ...base, verdict: "undecided", interval: null, intervalOf: null, method: null, basis, problems: runs.length === 0 ? [`no ${side3} run`] : problems };
    return { ...result2, reason: describeOutcome(result2) };
  }
  const d = differences;
  const constantRight = !hasMetrics(check.right);
  const eps = TOLERANCE * Math.max(1, Math.abs(left.value ?? 0), Math.abs(right.value ?? 0));
  const estimate = valueInterval(d, options);
  const shift = constantRight ? right.value : 0;
  const interval2 = estimate.interval ? { low: estimate.interval.low + shift, high: estimate.interval.high + shift, level: estimate.interval.level } : null;
  const [low, high] = estimate.interval ? [estimate.interval.low, estimate.interval.high] : [median(d), median(d)];
  const verdict = estimate.method !== "point" && !estimate.interval ? "undecided" : judge(low, high, check.op, eps);
  const notes = [...base.notes, ...estimate.note && !estimate.degenerate && estimate.method !== "point" ? [estimate.note] : []];
  const result = {
    ...base,
    verdict,
    interval: interval2,
    intervalOf: interval2 ? constantRight ? "left" : "difference" : null,
    method: estimate.method,
    notes,
    problems: [],
    basis: estimate.method === "point" ? "value" : interval2 ? "interval" : "no-interval"
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

// src/compare/hypotheses/json.ts
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

// src/compare/gate.ts
var BOUND_TOLERANCE = 1e-9;
function satisfies2(x, op, bound) {
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
function sideValues(runs, metric) {
  const side3 = lookupSide(runs, metric);
  const values = side3.lookups.map((l) => l.kind === "number" ? l.value : null);
  const mid = side3.numbers.length > 0 ? median(side3.numbers) : void 0;
  return { values, median: mid, n: side3.numbers.length, problems: side3.problems, complete: side3.complete, numbers: side3.numbers };
}
function publicSide({ values, median: median2, n, problems }) {
  return { values, median: median2, n, problems };
}
function formatIn2(form, value, unit) {
  if (form === "relative") return formatPercent(value);
  if (form === "delta") return formatSigned(value, unit);
  return formatValue(value, unit);
}
function noChange(form, unit) {
  return { value: void 0, form, unit, interval: void 0, level: void 0, method: void 0 };
}
function judge2(estimate, op, bound) {
  const { interval: interval2 } = estimate;
  if (estimate.estimate === void 0) return { verdict: "inconclusive", how: "undefined" };
  if (interval2 === void 0) {
    if (estimate.method !== "point") return { verdict: "inconclusive", how: "no-interval" };
    return { verdict: satisfies2(estimate.estimate, op, bound) ? "pass" : "fail", how: "point" };
  }
  const upper = op === "<=" || op === "<";
  const worst = upper ? interval2.high : interval2.low;
  const best = upper ? interval2.low : interval2.high;
  if (satisfies2(worst, op, bound)) return { verdict: "pass", how: "inside" };
  if (!satisfies2(best, op, bound)) return { verdict: "fail", how: "outside" };
  return { verdict: "inconclusive", how: "straddles" };
}
function evaluateOne(threshold2, metric, baseline, candidate, options) {
  const unit = metricUnit(metric);
  const rule = threshold2.rule;
  const form = rule.form === "absolute" ? "value" : rule.form;
  const changeUnit = form === "relative" ? "%" : unit?.symbol;
  const b = sideValues(baseline.runs, metric);
  const c = sideValues(candidate.runs, metric);
  const base = {
    metric,
    threshold: threshold2,
    unit: unit?.symbol,
    baseline: publicSide(b),
    candidate: publicSide(c)
  };
  const missing = [...form === "value" ? [] : b.problems.map((p) => `baseline: ${p}`), ...c.problems.map((p) => `candidate: ${p}`)];
  if (!c.complete || form !== "value" && !b.complete) {
    const verdict2 = "missing";
    const reason2 = missing.length > 0 ? missing.join("; ") : "no runs on a side";
    return { ...base, verdict: verdict2, counts: verdictCounts({ optional: threshold2.optional, verdict: verdict2 }), change: noChange(form, changeUnit), reason: reason2 };
  }
  const estimate = form === "value" ? valueInterval(c.numbers, options.interval) : changeInterval(b.numbers, c.numbers, form, options.interval);
  const { verdict, how } = judge2(estimate, rule.op, rule.value);
  const show = (x) => formatIn2(form, x, unit);
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
  const change2 = {
    value: estimate.estimate,
    form,
    unit: changeUnit,
    interval: interval2,
    level: interval2 ? estimate.interval?.level : void 0,
    method: estimate.method,
    ...estimate.note ? { note: estimate.note } : {}
  };
  return { ...base, verdict, counts: verdictCounts({ optional: threshold2.optional, verdict }), change: change2, reason, ...toDecide ? { toDecide } : {} };
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
    unit: metricUnit(threshold2.metric)?.symbol,
    baseline: empty(baseline.runs),
    candidate: empty(candidate.runs),
    change: noChange(form, form === "relative" ? "%" : metricUnit(threshold2.metric)?.symbol),
    reason: `no metric matches ${threshold2.metric} in any run`
  };
}
function evaluateThresholds(thresholds, baseline, candidate, options) {
  const all = [...baseline.runs, ...candidate.runs];
  return thresholds.flatMap((threshold2) => {
    const metrics2 = expandMetricPattern(threshold2.metric, all);
    if (metrics2.length === 0) return [unmatched(threshold2, baseline, candidate)];
    return metrics2.map((metric) => evaluateOne(threshold2, metric, baseline, candidate, options));
  });
}
function runInfo(side3, run2) {
  const status = run2.profile.status;
  const totals = run2.profile.totals;
  return {
    label: run2.label,
    files: run2.files,
    status,
    failed: status !== void 0 && status !== "ok",
    host: runHost(side3, run2),
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
  return { ...spec?.baseline !== void 0 ? { baseline: spec.baseline } : {}, ...spec?.repeat !== void 0 ? { repeat: spec.repeat } : {} };
}
function evaluateGate(spec, baseline, candidate, options) {
  const thresholds = evaluateThresholds(spec.thresholds, baseline, candidate, options);
  const runs = {
    baseline: baseline.runs.map((r) => runInfo("baseline", r)),
    candidate: candidate.runs.map((r) => runInfo("candidate", r))
  };
  const inputErrors = [];
  if (spec.thresholds.length === 0 && spec.problems.length === 0) inputErrors.push(ACCEPTED_FORMS);
  if (baseline.runs.length === 0) inputErrors.push("no baseline run");
  if (candidate.runs.length === 0) inputErrors.push("no candidate run");
  const failedRuns = [
    ...[...runs.baseline, ...runs.candidate].filter((r) => r.failed).map((r) => `${r.host.side} ${r.label} (status ${r.status ?? ""})`),
    ...options.failedRuns ?? []
  ];
  const { decision, reasons } = decide({
    verdicts: thresholds.map((t) => ({ metric: t.metric, kind: t.threshold.kind, optional: t.threshold.optional, verdict: t.verdict, summary: t.reason })),
    failedRuns,
    blockers: [...spec.problems.map(describeProblem), ...inputErrors]
  });
  const notes = [];
  const extra = options.confirmation?.rounds ?? 0;
  const expected = { baseline: (spec.repeat ?? 0) + (options.confirmation?.candidateOnly ? 0 : extra), candidate: (spec.repeat ?? 0) + extra };
  if (spec.repeat !== void 0 && (baseline.runs.length !== expected.baseline || candidate.runs.length !== expected.candidate)) {
    notes.push(`the issue asks for repeat: ${spec.repeat}; got ${baseline.runs.length} baseline and ${candidate.runs.length} candidate run(s)`);
  }
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
    problems,
    inputErrors: [...errors],
    noise: "not evaluated",
    notes: [],
    spec: specInfo(spec),
    hypotheses: []
  };
}

// src/compare/gate-json.ts
var GATE_JSON_SCHEMA = "optimization-gate/gate@1";
function num2(value) {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}
function str(value) {
  return value ?? null;
}
function side2(values) {
  return { values: values.values.map(num2), median: num2(values.median), n: values.n, runs: values.values.length, problems: values.problems };
}
function threshold(t) {
  const { rule } = t.threshold;
  const interval2 = t.change.interval;
  const low = num2(interval2?.low);
  const high = num2(interval2?.high);
  return {
    metric: t.metric,
    pattern: t.threshold.metric,
    rule: { text: rule.text, form: rule.form, op: rule.op, value: num2(rule.value) ?? 0, unit: str(rule.unit) },
    kind: t.threshold.kind,
    optional: t.threshold.optional,
    line: t.threshold.line,
    origin: t.threshold.origin,
    verdict: t.verdict,
    counts: t.counts,
    unit: str(t.unit),
    baseline: side2(t.baseline),
    candidate: side2(t.candidate),
    change: {
      value: num2(t.change.value),
      form: t.change.form,
      unit: str(t.change.unit),
      interval: low !== null && high !== null ? { low, high } : null,
      level: num2(t.change.level),
      method: str(t.change.method),
      note: str(t.change.note)
    },
    reason: t.reason
  };
}
function run(r) {
  return {
    label: r.label,
    files: { profile: str(r.files.profile), truth: str(r.files.truth), eval: str(r.files.eval), cost: str(r.files.cost) },
    status: str(r.status),
    failed: r.failed,
    host: { hostname: str(r.host.hostname), cpu: str(r.host.cpu) },
    sampling_note: str(r.samplingNote),
    memory_metric: str(r.memoryMetric)
  };
}
function toGateJson(result) {
  const verdicts = { pass: 0, fail: 0, inconclusive: 0, missing: 0 };
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
    problems: result.problems.map((p) => ({ line: p.line, text: p.text, expected: p.expected, origin: p.origin })),
    input_errors: result.inputErrors,
    noise: result.noise,
    notes: result.notes,
    spec: { baseline: str(result.spec.baseline), repeat: num2(result.spec.repeat) },
    hypotheses: hypothesesToJson(result.hypotheses),
    spend: result.spend ? {
      max_cost_usd: num2(result.spend.maxCostUsd),
      per_run_usd: num2(result.spend.perRunUsd),
      source: str(result.spend.source),
      planned_runs: result.spend.plannedRuns,
      most_runs: result.spend.mostRuns,
      runs: result.spend.runs,
      estimated_usd: num2(result.spend.estimatedUsd),
      stopped: str(result.spend.stopped)
    } : null
  };
}
function renderGateJson(result) {
  return `${JSON.stringify(toGateJson(result), (_key, value) => typeof value === "number" && !Number.isFinite(value) ? null : value, 2)}
`;
}

// src/report/markdown.ts
function cell(text2) {
  return text2.replace(/\r?\n/g, " ").replace(/\|/g, "\\|");
}
function code(text2) {
  const clean = text2.replace(/\r?\n/g, " ");
  return clean.includes("`") ? `\`\` ${clean} \`\`` : `\`${clean}\``;
}
function table(header, rows, options = {}) {
  const align = header.map((_, i) => options.align?.[i] === "r" ? "---:" : "---");
  const shown = options.maxRows !== void 0 ? rows.slice(0, options.maxRows) : rows;
  const lines = [
    `| ${header.map(cell).join(" | ")} |`,
    `|${align.join("|")}|`,
    ...shown.map((r) => `| ${r.map(cell).join(" | ")} |`)
  ];
  const cut = rows.length - shown.length;
  if (cut > 0) lines.push("", `_\u2026 ${cut} more row${cut === 1 ? "" : "s"} not shown${options.moreAt ? ` (see ${options.moreAt})` : ""}._`);
  return lines.join("\n");
}
function details(summary, body, open = false) {
  return `<details${open ? " open" : ""}><summary>${summary}</summary>

${body}

</details>`;
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
  const tail = row2.percent !== void 0 ? formatPercent(row2.percent) : row2.note;
  return `${b} \u2192 ${c}${tail ? ` (${tail})` : ""}`;
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
  const find2 = (section, group, name) => diff.rows.find((r) => r.section === section && r.group === group && r.name === name);
  const cut = Math.max(0, diff.stages.length - maxRows);
  const rows = diff.stages.slice(0, maxRows).map((stage) => [
    stage,
    transition(find2("stages", stage, "wall_time_s")),
    transition(find2("stages", stage, "peak_rss_mb")),
    transition(find2("stages", stage, "avg_cpu_pct"))
  ]);
  rows.push([
    "**total**",
    `**${transition(find2("totals", "totals", "wall_time_s"))}**`,
    `**${transition(find2("totals", "totals", "peak_rss_mb"))}**`,
    NONE
  ]);
  const perEpisode = find2("totals", "totals", "avg_wall_time_per_episode_s");
  const lines = [
    table(["Stage", "Wall time", "Peak memory", "CPU (% of one core)"], rows),
    "",
    ...cut > 0 ? [`_\u2026 ${cut} more stages not shown (see \`optimization-gate diff --format json\`)._`, ""] : [],
    `Each cell: baseline \u2192 candidate (change).${medianNote(diff)}`
  ];
  if (perEpisode && (perEpisode.baseline.median !== void 0 || perEpisode.candidate.median !== void 0)) {
    lines.push(`Wall time per episode: ${transition(perEpisode)}.`);
  }
  const truth = rowsOf(diff, "truth");
  if (truth.length > 0) {
    lines.push(`stage_truth: ${truth.map((r) => `${r.name} ${transition(r)}`).join("; ")}.`);
  }
  return lines.join("\n");
}
function numberTable(rows, maxRows, moreAt) {
  return table(
    ["Group", "Metric", "Baseline", "Candidate", "Change", "%"],
    rows.map((r, i) => [
      // The group is written once, on its first row, to keep long reference ids from repeating.
      i > 0 && rows[i - 1]?.group === r.group ? "" : r.group,
      r.name,
      formatMedian(r.baseline.median, r.metric),
      formatMedian(r.candidate.median, r.metric),
      formatChange(r),
      r.percent !== void 0 ? formatPercent(r.percent) : r.note ?? NONE
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
  const parts2 = [];
  if (shown.length > 0) parts2.push(numberTable(shown, maxRows, moreAt));
  if (hidden > 0) parts2.push(`${shown.length > 0 ? "" : "No cost recorded: "}${hidden} cost metric${hidden === 1 ? " is" : "s are"} 0 on both sides${shown.length > 0 ? " (not listed)" : ""}.`);
  parts2.push(`Metric paths are ${code("cost.<metric>")} (eval_pipeline_metrics.json) or ${code("eval.intrinsic.cost.<metric>")}.`);
  return parts2.join("\n\n");
}

// src/report/chart.ts
var BASELINE_COLOUR = "#8c959f";
var CANDIDATE_COLOUR = "#0969da";
function quoted(text2) {
  return `"${text2.replace(/"/g, "'").replace(/[\r\n]+/g, " ")}"`;
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
  const top = Math.max(...shown.map((w) => Math.max(w.baseline ?? 0, w.candidate ?? 0)));
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

// src/report/verdicts.ts
var DECISION_ICON = { ship: "\u2705", iterate: "\u{1F7E1}", reject: "\u274C" };
var VERDICT_ICON = { pass: "\u2705", fail: "\u274C", inconclusive: "\u{1F7E1}", missing: "\u2754" };
function plural2(n, word, many = `${word}s`) {
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
  const change2 = t.change.value !== void 0 ? ` ${formatThresholdChange(t)}` : "";
  return `${code(t.metric)}${change2} (rule ${code(t.threshold.rule.text)})`;
}
function listed(items, show = 2) {
  const head = items.slice(0, show).map(brief).join(", ");
  return items.length > show ? `${head} and ${items.length - show} more` : head;
}
function headline(result) {
  const counted = result.thresholds.filter((t) => t.counts);
  const pick = (kind, verdict) => counted.filter((t) => t.threshold.kind === kind && t.verdict === verdict);
  const failedRuns = [...result.runs.baseline, ...result.runs.candidate].filter((r) => r.failed);
  const parts2 = [];
  if (result.problems.length > 0) parts2.push(`${plural2(result.problems.length, "threshold problem")} on the issue`);
  if (result.inputErrors.length > 0) {
    const first = result.inputErrors[0].split("\n")[0];
    const short = result.inputErrors.length === 1 && first.length <= 100 && !first.includes("`");
    parts2.push(short ? first : first.startsWith("no thresholds found") ? "no thresholds found on the issue" : plural2(result.inputErrors.length, "input error"));
  }
  if (failedRuns.length > 0) parts2.push(`${plural2(failedRuns.length, "measured run")} failed (${failedRuns.map((r) => `${r.label}: ${r.status ?? ""}`).join(", ")})`);
  const groups = [
    [pick("guardrail", "fail"), "failed"],
    [pick("guardrail", "missing"), "missing"],
    [pick("target", "fail"), "failed"],
    [pick("target", "missing"), "missing"]
  ];
  for (const [items, what] of groups) {
    const kind = items[0]?.threshold.kind;
    if (kind) parts2.push(`${plural2(items.length, kind)} ${what}: ${listed(items)}`);
  }
  const inconclusive = counted.filter((t) => t.verdict === "inconclusive");
  if (inconclusive.length > 0) parts2.push(`${inconclusive.length} inconclusive: ${listed(inconclusive)}`);
  if (parts2.length === 0) {
    const ignored = result.thresholds.length - counted.length;
    parts2.push(`${counted.length === 1 ? "the one threshold passes" : `all ${counted.length} thresholds pass`}${ignored > 0 ? ` (${ignored} optional missing, ignored)` : ""}`);
  }
  return `### ${DECISION_ICON[result.decision]} ${result.decision} \u2014 ${parts2.join("; ")}`;
}
var INTERVAL_NAMES = { "rank-shift": "rank interval", "welch-t": "t-interval", "bootstrap-median": "bootstrap interval" };
function intervalName(result) {
  const method = result.thresholds.map((t) => t.change.method).find((m) => m !== void 0 && m !== "point");
  return INTERVAL_NAMES[method ?? "rank-shift"] ?? "rank interval";
}
function summaryLine(result) {
  const counts = { pass: 0, fail: 0, inconclusive: 0, missing: 0 };
  for (const t of result.thresholds) counts[t.verdict] += 1;
  const verdicts = Object.keys(counts).map((v) => `${counts[v]} ${v}`).join(" \xB7 ");
  const nb = result.runs.baseline.length;
  const nc = result.runs.candidate.length;
  const runs = nb + nc === 0 ? "not evaluated" : `${nb} baseline / ${nc} candidate run${nc === 1 ? "" : "s"} (${nb <= 1 && nc <= 1 ? result.noise : `medians, ${intervalName(result)}`})`;
  const parts2 = [`**${verdicts}**`, runs];
  if (!result.host.comparable) parts2.push("\u26A0\uFE0F **runs from different hosts**");
  parts2.push(`fail-on \`${result.failOn}\`: job ${result.passed ? "passes" : "fails"}`);
  return parts2.join(" \u2014 ");
}
var SEVERITY = { fail: 0, missing: 1, inconclusive: 2, pass: 3 };
function severity(t) {
  if (!t.counts) return 100;
  return SEVERITY[t.verdict] * 2 + (t.threshold.kind === "guardrail" ? 0 : 1);
}
function sideCell(t, side3) {
  const values = t[side3];
  if (values.median === void 0) return NONE;
  const text2 = formatValue(values.median, metricUnit(t.metric));
  return values.values.length > 1 ? `${text2} (median)` : text2;
}
function verdictTable(result, maxRows = 100) {
  const ordered = result.thresholds.map((t, i) => ({ t, i })).sort((a, b) => severity(a.t) - severity(b.t) || a.i - b.i).map(({ t }) => t);
  const rows = ordered.map((t) => [
    `${VERDICT_ICON[t.verdict]} ${t.verdict}${t.counts ? "" : " (ignored)"}`,
    code(t.metric),
    `${t.threshold.kind}${t.threshold.optional ? ", optional" : ""}`,
    code(t.threshold.rule.text),
    t.change.form === "value" ? NONE : sideCell(t, "baseline"),
    sideCell(t, "candidate"),
    t.change.form === "value" ? `value ${formatThresholdChange(t)}` : formatThresholdChange(t),
    interval(t),
    `${t.baseline.n}/${t.candidate.n}`
  ]);
  const text2 = table(
    ["Verdict", "Metric", "Kind", "Rule", "Baseline", "Candidate", "Change", "Interval \xB7 coverage", "N (B/C)"],
    rows,
    { align: "llllrrrrr", maxRows, moreAt: "gate.json" }
  );
  const why = ordered.filter((t) => t.verdict !== "pass").slice(0, 30).map((t) => `- ${code(t.metric)}: ${t.reason}`);
  return why.length > 0 ? `${text2}

${why.join("\n")}` : text2;
}

// src/report/hypotheses.ts
var ICON = { confirmed: "\u2705", rejected: "\u274C", undecided: "\u2754" };
var SIDE_WORD = { baseline: "baseline", candidate: "candidate", measured: "measured" };
function escapeProse(text2) {
  return text2.replace(/\s+/g, " ").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/([\\`*_[\]|])/g, "\\$1").replace(/@/g, "@\u200B");
}
function hypothesisLine(id, side3, withSide = false) {
  return `${id}${withSide ? ` (${SIDE_WORD[side3.side]})` : ""} ${side3.verdict}: ${side3.reason}`;
}
function hypothesisCounts(results, side3) {
  const counts = /* @__PURE__ */ new Map();
  for (const r of results) {
    const s = r.sides.find((x) => x.side === side3);
    if (s) counts.set(s.verdict, (counts.get(s.verdict) ?? 0) + 1);
  }
  if (counts.size === 0) return void 0;
  const order = ["confirmed", "rejected", "undecided"];
  return `${SIDE_WORD[side3]}: ${order.filter((v) => counts.has(v)).map((v) => `${counts.get(v)} ${v}`).join(", ")}`;
}
function renderHypotheses(results) {
  if (results.length === 0) return void 0;
  const lines = ["#### Hypotheses", ""];
  for (const h of results) {
    const about = [h.claim ? escapeProse(h.claim) : "", h.lever ? `_lever:_ ${escapeProse(h.lever)}` : ""].filter(Boolean).join(" \u2014 ");
    lines.push(`- **${escapeProse(h.id)}**${about ? ` ${about}` : ""}  `, `  ${code(h.check)}`);
    if (h.sides.length === 0) lines.push("  - not evaluated: no measured runs");
    for (const side3 of h.sides) {
      lines.push(`  - ${SIDE_WORD[side3.side]}: ${ICON[side3.verdict]} **${side3.verdict}**: ${escapeProse(side3.reason)}`);
      for (const note of side3.notes) lines.push(`    <sub>${escapeProse(note)}</sub>`);
    }
  }
  const counted = ["baseline", "candidate", "measured"].map((s) => hypothesisCounts(results, s)).filter(Boolean);
  lines.push("", `<sub>Hypotheses inform; they do not change the decision. ${counted.join(" \xB7 ")}. Confirmed or rejected needs every run's data, and with repeats an interval clear of the bound.</sub>`);
  return lines.join("\n");
}

// src/report/report.ts
var GITHUB_COMMENT_LIMIT = 65536;
function linksLine(options) {
  const links = [
    options.artifactUrl ? `[artifacts](${options.artifactUrl})` : "",
    options.runUrl ? `[workflow run](${options.runUrl})` : ""
  ].filter(Boolean);
  return links.length > 0 ? links.join(" \xB7 ") : void 0;
}
function problemsSection(result) {
  if (result.problems.length === 0 && result.inputErrors.length === 0) return void 0;
  const lines = ["#### \u26A0\uFE0F The gate could not judge these inputs", ""];
  for (const p of result.problems) lines.push(`- ${describeProblem(p)}`);
  for (const e of result.inputErrors) lines.push(`- ${e.split("\n").join("\n  ")}`);
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
    describeRule(t.threshold.rule, t.threshold.metric),
    t.threshold.kind,
    t.threshold.optional ? "yes" : "no",
    `${t.threshold.origin} line ${t.threshold.line}`,
    String(matches)
  ]);
  const spec = [
    result.spec.baseline !== void 0 ? `baseline named on the issue: ${code(result.spec.baseline)}` : "",
    result.spec.repeat !== void 0 ? `repeat: ${result.spec.repeat}` : ""
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
  for (const d of host.differences) lines.push(`- ${d}`);
  return lines.join("\n");
}
function footnotes(result) {
  const runs = [...result.runs.baseline, ...result.runs.candidate];
  const hosts = runs.map((r) => r.host);
  const grouped2 = (pick) => {
    const groups = /* @__PURE__ */ new Map();
    for (const r of runs) groups.set(pick(r), [...groups.get(pick(r)) ?? [], r]);
    return [...groups.entries()].map(([value, who]) => groups.size > 1 ? `${value} (${whoHas(who.map((r) => r.host), hosts)})` : value);
  };
  const sampling = grouped2((r) => r.samplingNote ?? "not stated in the profile");
  const memory = grouped2((r) => r.memoryMetric ?? "not stated (third-party profile: as its tool wrote it)");
  const label = (side3) => {
    const labels = result.runs[side3].map((r) => r.label);
    return labels.length > 3 ? `${labels.slice(0, 3).join(", ")} \u2026` : labels.join(", ") || "none";
  };
  const lines = [
    ...runs.length > 0 ? [
      `- Sampling: ${sampling.join("; ")}`,
      `- Memory metric: ${memory.join("; ")}. \`*_mb\` values are MiB; CPU is percent of one core.`
    ] : [],
    `- Runs: baseline ${result.runs.baseline.length} (${label("baseline")}); candidate ${result.runs.candidate.length} (${label("candidate")}).`,
    `- Noise: ${result.noise}.`,
    ...result.notes.map((n) => `- Note: ${n}.`),
    `- Machine-readable result: \`gate.json\` (schema \`${GATE_JSON_SCHEMA}\`).`
  ];
  return `<sub>

${lines.join("\n")}

</sub>`;
}
function assemble2(sections, limit) {
  const join = (parts2) => parts2.map((s) => s.text).join("\n\n");
  const kept = [...sections];
  for (let i = kept.length - 1; i >= 0 && join(kept).length + 1 > limit; i--) {
    const section = kept[i];
    if (section.optional !== void 0) kept[i] = { text: `_${section.optional} left out: the report would exceed GitHub's comment limit; see gate.json._` };
  }
  let text2 = `${join(kept)}
`;
  if (text2.length > limit) {
    const note = "\n\n_\u2026 report cut at the comment limit; the full result is in gate.json._\n";
    text2 = text2.slice(0, limit - note.length) + note;
  }
  return text2;
}
function renderReport(result, diff, options = {}) {
  const sections = [{ text: headline(result) }];
  const budget = result.spend?.stopped ? `\u{1F4B8} **max-cost-usd stopped the runs:** ${result.spend.stopped}` : void 0;
  for (const text2 of [linksLine(options), summaryLine(result), budget, problemsSection(result)]) {
    if (text2 !== void 0) sections.push({ text: text2 });
  }
  if (!result.host.comparable) sections.push({ text: hostSection(result) });
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
  sections.push({ text: footnotes(result), optional: "Footnotes" });
  return assemble2(sections, Math.min(options.maxLength ?? GITHUB_COMMENT_LIMIT - 1e3, GITHUB_COMMENT_LIMIT));
}

// src/compare/suggest-repeat.ts
var MIN_SUGGESTED_REPEAT = 3;
function need(threshold2, metric, values, method) {
  const { rule } = threshold2;
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
    return { repeat: void 0, needs: [], text: `no repeat: suggestion: the baseline has ${baseline.length === 1 ? "a single run" : "no runs"}, so no spread is known (a baseline refresh with repeat: 5 measures it)` };
  }
  const needs = [];
  for (const threshold2 of thresholds.filter((t) => t.kind === "guardrail")) {
    for (const metric of expandMetricPattern(threshold2.metric, baseline)) {
      const side3 = lookupSide(baseline, metric);
      if (side3.numbers.length < 2) continue;
      const found = need(threshold2, metric, side3.numbers, method);
      if (found) needs.push(found);
    }
  }
  needs.sort((a, b) => (b.runs ?? Infinity) - (a.runs ?? Infinity));
  const decidable = needs.filter((n) => n.runs !== void 0);
  const hopeless = needs.filter((n) => n.runs === void 0);
  const repeat = decidable.length > 0 ? Math.max(...decidable.map((n) => n.runs)) : void 0;
  const from = `from the baseline's spread over ${baseline.length} runs`;
  const driver = decidable[0];
  const parts2 = [
    repeat !== void 0 && driver ? `suggested repeat: ${repeat} (${from}; set by ${driver.metric} ${driver.rule}, SD ${driver.spread}: about ${repeat} runs per side tell an unchanged candidate from its bound)` : `no repeat: suggestion ${from}: no guardrail can be decided within ${MAX_RUNS_TO_SUGGEST} runs`,
    ...hopeless.length > 0 ? [`${hopeless.slice(0, 3).map((n) => `${n.metric} ${n.rule} (SD ${n.spread})`).join(", ")}${hopeless.length > 3 ? ` and ${hopeless.length - 3} more` : ""} would need more than ${MAX_RUNS_TO_SUGGEST} runs or has no margin: widen the bound or gate a steadier metric`] : []
  ];
  return { repeat, needs, text: parts2.join("; ") };
}

export {
  FAIL_ON_VALUES,
  isDecision,
  passesFailOn,
  metricUnit,
  formatValue,
  readCost,
  DEFAULT_REPEAT,
  DEFAULT_MEASURE_REPEAT,
  DEFAULT_CONFIRM_RUNS,
  readActionConfig,
  code,
  table,
  details,
  median,
  diffSides,
  nextConfirmation,
  ACCEPTED_FORMS,
  parseIssueThresholds,
  parseInlineThresholds,
  mergeThresholds,
  formatProblem,
  evaluateHypotheses,
  HYPOTHESES_JSON_SCHEMA,
  hypothesesToJson,
  renderHypothesesJson,
  planRuns,
  plannedRuns,
  mostRuns,
  costPerRun,
  usd,
  describePlan,
  spendNote,
  evaluateGate,
  inputErrorResult,
  renderGateJson,
  NONE,
  formatMedian,
  formatChange,
  formatRowPercent,
  stageTable,
  qualityTable,
  costTable,
  stageWallChart,
  hypothesisLine,
  renderHypotheses,
  renderReport,
  suggestRepeat
};

import { createRequire as __ogCreateRequire } from 'node:module'; const require = __ogCreateRequire(import.meta.url);
import {
  KNOWN_RULE_UNITS,
  METRIC_SOURCES,
  convertUnit,
  metricUnit,
  ruleUnit
} from "./chunk-IVBWKPMQ.js";
import {
  require_dist
} from "./chunk-UHNHABYH.js";
import {
  maxOf,
  pushAll
} from "./chunk-LM6Q56WD.js";
import {
  __toESM
} from "./chunk-Y2US2WXL.js";

// src/compare/grammar/thresholds/block.ts
var import_yaml3 = __toESM(require_dist(), 1);

// src/compare/grammar/thresholds/rule.ts
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
function checkRule(text, metric) {
  const written = text.trim();
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
    return expect(`no unit: \`${metric}\` has none (only names ending in _s, _ms, _mb, _gb, _usd, _pct carry one), e.g. \`${symbol} ${sign}${digits}\``);
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
function checkDefault(raw) {
  if (raw === void 0 || typeof raw === "string" && raw.trim() === "") return ok(void 0);
  const value = typeof raw === "number" ? raw : typeof raw === "string" && /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
  if (Number.isFinite(value)) return ok(value === 0 ? 0 : value);
  return expect("`default:` a number in the metric's own unit, used when a run's file lacks the metric, e.g. `default: 0`");
}
var ATTRIBUTE = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/;
function checkAttribute(raw) {
  const text = typeof raw === "string" ? raw.trim() : typeof raw === "number" ? String(raw) : "";
  if (ATTRIBUTE.test(text)) return ok(text);
  return expect("an environment attribute as in the report's environment table, e.g. `device`, `precision`, `library_versions.torch`");
}

// src/compare/grammar/thresholds/draft.ts
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
  const optional = checkOptional(draft.optional?.raw);
  if (!optional.ok && draft.optional) problems.push(problemAt(draft.optional, optional.expected, origin));
  const fallback = checkDefault(draft.default?.raw);
  if (!fallback.ok && draft.default) problems.push(problemAt(draft.default, fallback.expected, origin));
  if (problems.length > before || !metric.ok || !rule?.ok || !kind.ok || !optional.ok || !fallback.ok) return void 0;
  return {
    metric: metric.value,
    rule: rule.value,
    kind: kind.value,
    optional: optional.value,
    line: draft.line,
    origin,
    ...fallback.value !== void 0 ? { default: fallback.value } : {}
  };
}

// src/compare/grammar/hypotheses/read.ts
var import_yaml2 = __toESM(require_dist(), 1);

// src/compare/grammar/thresholds/yaml-map.ts
var import_yaml = __toESM(require_dist(), 1);
function scalarText(node) {
  if (!(0, import_yaml.isScalar)(node) || node.value === null || typeof node.value === "boolean") return void 0;
  return typeof node.source === "string" ? node.source : typeof node.value === "string" ? node.value : void 0;
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
      report(key, (0, import_yaml.isAlias)(keyNode) ? "a metric path, not a YAML alias (a path cannot start with `*`)" : plain);
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

// src/compare/grammar/thresholds/table.ts
var COLUMNS = ["metric", "rule", "kind", "optional", "default"];
function columnsOf(table, known) {
  const columns = {};
  table.header.cells.forEach((cell, index) => {
    const name = cell.text.toLowerCase();
    if (known.includes(name) && columns[name] === void 0) columns[name] = index;
  });
  return columns;
}
function isThresholdTable(table) {
  const columns = columnsOf(table, COLUMNS);
  return columns.metric !== void 0 && columns.rule !== void 0;
}
function cellField(row, index) {
  if (index === void 0) return void 0;
  const cell = row.cells[index];
  return { raw: cell?.text ?? "", line: row.line, text: cell?.raw ?? "" };
}
function readTables(tables, problems) {
  const drafts = [];
  for (const table of tables.filter(isThresholdTable)) {
    const columns = columnsOf(table, COLUMNS);
    for (const row of table.rows) {
      const metric = cellField(row, columns.metric);
      const rule = cellField(row, columns.rule);
      const metricText = metric.raw;
      const ruleText = rule.raw;
      if (metricText === "" && ruleText === "") continue;
      const wholeRow = { line: row.line, text: row.raw };
      if (metricText === "") {
        problems.push(problemAt(wholeRow, "a metric path in the `Metric` column, e.g. `profile.totals.wall_time_s`", "table"));
        continue;
      }
      if (ruleText === "") {
        problems.push(problemAt(wholeRow, `a rule in the \`Rule\` column, e.g. ${RULE_EXAMPLES}`, "table"));
        continue;
      }
      const draft = { metric: { ...metric, raw: metricText }, rule, line: row.line, origin: "table" };
      const kind = cellField(row, columns.kind);
      const optional = cellField(row, columns.optional);
      const fallback = cellField(row, columns.default);
      if (kind) draft.kind = kind;
      if (optional) draft.optional = optional;
      if (fallback) draft.default = fallback;
      drafts.push(draft);
    }
  }
  return drafts;
}

// src/compare/grammar/hypotheses/lexer.ts
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
function readWord(text, start) {
  let i = start;
  while (i < text.length) {
    const ch = text[i];
    const next = text[i + 1] ?? "";
    if (WORD_CHAR.test(ch)) i++;
    else if (ch === "-" && WORD_CHAR.test(next) && i > start) i++;
    else if (ch === "." && /[A-Za-z0-9_*-]/.test(next)) i++;
    else if (ch === "*" && text[i - 1] === ".") i++;
    else break;
  }
  return i;
}
function readNumber(text, start) {
  let i = start;
  const dollar = text[i] === "$";
  if (dollar) {
    i++;
    while (i < text.length && SPACE.test(text[i])) i++;
  }
  const digitsStart = i;
  while (i < text.length && DIGIT.test(text[i])) i++;
  if (text[i] === "." && DIGIT.test(text[i + 1] ?? "")) {
    i++;
    while (i < text.length && DIGIT.test(text[i])) i++;
  }
  if (i === digitsStart) return { at: i, expected: "a number after `$`, e.g. `$0.05`" };
  const value = Number(text.slice(digitsStart, i));
  let j = i;
  while (j < text.length && SPACE.test(text[j])) j++;
  if (text[j] === "%") {
    if (dollar) return { at: j, expected: "either `$` or `%` on a number, not both" };
    return { token: { kind: "number", value, percent: true, start, end: j + 1 }, next: j + 1 };
  }
  if (!dollar && j < text.length && WORD_START.test(text[j])) {
    const end = readWord(text, j);
    const unit = text.slice(j, end);
    if (ruleUnit(unit)) return { token: { kind: "number", value, unit, percent: false, start, end }, next: end };
    if (j === i) return { at: j, expected: `a known unit (${KNOWN_RULE_UNITS.join(", ")}) after the number, got \`${unit}\`` };
  }
  const token = dollar ? { kind: "number", value, unit: "$", percent: false, start, end: i } : { kind: "number", value, percent: false, start, end: i };
  return { token, next: i };
}
function tokenize(text) {
  const tokens = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (SPACE.test(ch)) {
      i++;
      continue;
    }
    if (DIGIT.test(ch) || ch === "$" || ch === "." && DIGIT.test(text[i + 1] ?? "")) {
      const read = readNumber(text, i);
      if ("at" in read) return read;
      tokens.push(read.token);
      i = read.next;
      continue;
    }
    if (WORD_START.test(ch)) {
      const end = readWord(text, i);
      tokens.push({ kind: "word", text: text.slice(i, end), start: i, end });
      i = end;
      continue;
    }
    const compare = COMPARES.find(([symbol]) => text.startsWith(symbol, i));
    if (compare) {
      if (text[i + compare[0].length] === "=" || compare[1] === "<" && text[i + 1] === ">") {
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
  tokens.push({ kind: "end", start: text.length, end: text.length });
  return tokens;
}

// src/compare/grammar/hypotheses/expression.ts
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
function describeToken(token, text) {
  return token.kind === "end" ? "the end of the check" : `\`${text.slice(token.start, token.end)}\``;
}
function metricDimension(path) {
  return metricUnit(path)?.dimension ?? "none";
}
var DIMENSION_WORDS = { time: "a time", memory: "a memory size", money: "money", cpu: "a CPU % of one core", none: "a plain number" };
function dimensionWord(dim) {
  return dim === "free" ? "a number" : DIMENSION_WORDS[dim];
}
var Parser = class {
  constructor(tokens, text) {
    this.tokens = tokens;
    this.text = text;
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
  punct(text) {
    const token = this.peek();
    if (token.kind === "punct" && token.text === text) {
      this.index++;
      return true;
    }
    return false;
  }
  expectPunct(text, what) {
    const token = this.peek();
    if (!this.punct(text)) this.fail(token, what);
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
function parseCheck(text) {
  const where = (at) => `at column ${at + 1} of the check`;
  if (text.trim() === "") return { ok: false, expected: `a check: a comparison of metrics and numbers, e.g. ${CHECK_EXAMPLE}` };
  if (text.length > MAX_CHECK_LENGTH) return { ok: false, expected: `a check of at most ${MAX_CHECK_LENGTH} characters` };
  const tokens = tokenize(text);
  if (!Array.isArray(tokens)) return { ok: false, expected: `${tokens.expected}, ${where(tokens.at)}` };
  try {
    return { ok: true, check: new Parser(tokens, text).check() };
  } catch (error) {
    if (error instanceof ParseError) return { ok: false, expected: `${error.expected}, ${where(error.at)}` };
    throw error;
  }
}

// src/compare/grammar/hypotheses/read.ts
var ENTRY_KEYS = ["claim", "check", "lever"];
var ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/;
var MAX_TEXT = 300;
function readHypothesisMap(value, origin, fieldOf, report, key, drafts) {
  if (!(0, import_yaml2.isMap)(value)) {
    report(fieldOf(value, void 0, key), `under \`hypotheses:\` a mapping of id \u2192 { claim, check, lever }, e.g. \`H1: { check: "${CHECK_EXAMPLE.slice(1, -1)}" }\``);
    return;
  }
  for (const { pair, name, key: idField } of uniquePairs(value, fieldOf, key, report, "key")) {
    const id = { ...idField, raw: name };
    const node = pair.value;
    if ((0, import_yaml2.isAlias)(node)) {
      report(fieldOf(node, void 0, id), "a hypothesis as text or a mapping, not a YAML alias");
      continue;
    }
    if (!(0, import_yaml2.isMap)(node)) {
      drafts.push({ id, check: fieldOf(node, (0, import_yaml2.isScalar)(node) ? node.value : null, id), line: id.line, origin });
      continue;
    }
    const draft = { id, check: { raw: void 0, line: id.line, text: id.text }, line: id.line, origin };
    let hasCheck = false;
    for (const { pair: entry, name: field, key: fieldKey } of uniquePairs(node, fieldOf, id, report, "key")) {
      const v = entry.value;
      const read = fieldOf(v, (0, import_yaml2.isScalar)(v) ? v.value : v === null ? null : v, fieldKey);
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
  for (const table of tables) {
    const columns = columnsOf(table, COLUMNS2);
    if (columns.hypothesis === void 0 || columns.check === void 0) continue;
    for (const row of table.rows) {
      const id = cellField(row, columns.hypothesis);
      const check = { ...cellField(row, columns.check), text: row.raw };
      if (id.raw === "" && check.raw === "") continue;
      if (id.raw === "") {
        problems.push(problemAt({ line: row.line, text: row.raw }, "an id in the `Hypothesis` column, e.g. `H1`", "table"));
        continue;
      }
      const draft = { id: { ...id, raw: String(id.raw) }, check, line: row.line, origin: "table" };
      const claim = cellField(row, columns.claim);
      const lever = cellField(row, columns.lever);
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
  const text = String(field.raw).replace(/\s+/g, " ").trim();
  if (text.length > MAX_TEXT) problems.push(problemAt(field, `\`${name}\` of at most ${MAX_TEXT} characters`, origin));
  return text === "" ? void 0 : text;
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

// src/compare/grammar/thresholds/block.ts
var MAX_REPEAT = 50;
var TOP_KEYS = ["baseline", "repeat", "thresholds", "compare-across", "hypotheses", "max-cost-usd"];
var ENTRY_KEYS2 = ["rule", "kind", "optional", "default"];
var BASELINE_KEYS = ["profile", "eval"];
var keyList = (keys) => keys.map((k) => `\`${k}\``).join(", ");
function parseBlockYaml(lines, origin, emptyLine) {
  const counter = new import_yaml3.LineCounter();
  const doc = (0, import_yaml3.parseDocument)(lines.map((l) => l.text).join("\n"), { lineCounter: counter, uniqueKeys: false, prettyErrors: true });
  const out = { drafts: [], hypotheses: [], problems: [] };
  const badLines = /* @__PURE__ */ new Set();
  const sourceLine = (yamlLine) => lines[Math.min(Math.max(yamlLine, 1), lines.length) - 1] ?? { line: emptyLine.line, text: emptyLine.text };
  const fieldOf = (node, raw, fallback) => {
    if (!node?.range) return { ...fallback, raw };
    const at = sourceLine(counter.linePos(node.range[0]).line);
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
  if (root === null || (0, import_yaml3.isScalar)(root) && root.value === null) {
    if (doc.errors.length === 0) report(emptyLine, `YAML with \`thresholds:\` (and optionally \`baseline:\`, \`repeat:\`) inside the block`);
    return out;
  }
  const rootField = fieldOf(root, void 0, emptyLine);
  if (!(0, import_yaml3.isMap)(root)) {
    report(rootField, `a mapping with the keys ${keyList(TOP_KEYS)}`);
    return out;
  }
  for (const { pair, name, key } of uniquePairs(root, fieldOf, emptyLine, report, "key")) {
    const value = pair.value;
    const valueField = fieldOf(value, (0, import_yaml3.isScalar)(value) ? value.value : void 0, key);
    switch (name) {
      case "baseline":
        readBaseline(value, valueField, fieldOf, report, out);
        break;
      case "compare-across":
        readCompareAcross(value, valueField, fieldOf, report, out);
        break;
      case "repeat": {
        const n = (0, import_yaml3.isScalar)(value) ? value.value : void 0;
        if (typeof n === "number" && Number.isInteger(n) && n >= 1 && n <= MAX_REPEAT) out.repeat = n;
        else report(valueField, `\`repeat:\` a whole number of measured runs per side, from 1 to ${MAX_REPEAT}`);
        break;
      }
      case "thresholds":
        if (!(0, import_yaml3.isMap)(value) && !(doc.errors.length > 0 && (value === null || (0, import_yaml3.isScalar)(value) && value.value === null))) {
          report(valueField, 'under `thresholds:` a mapping of metric \u2192 rule, e.g. `profile.totals.wall_time_s: "<= -20%"`');
        } else if ((0, import_yaml3.isMap)(value)) readThresholds(value, origin, fieldOf, report, out.drafts, emptyLine);
        break;
      case "max-cost-usd": {
        const cost = readCost((0, import_yaml3.isScalar)(value) ? value.value : void 0);
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
function readThresholds(map, origin, fieldOf, report, drafts, fallback) {
  for (const { pair, name, key } of uniquePairs(map, fieldOf, fallback, report, "metric")) {
    const metric = { ...key, raw: name };
    const value = pair.value;
    const items = (0, import_yaml3.isSeq)(value) ? value.items : [value];
    if ((0, import_yaml3.isSeq)(value) && items.length === 0) report(key, "at least one rule in the list");
    for (const item of items) {
      const draft = readEntry(item, metric, origin, fieldOf, report, (0, import_yaml3.isSeq)(value));
      if (draft) drafts.push(draft);
    }
  }
}
function readEntry(node, metric, origin, fieldOf, report, inList) {
  const line = inList && node?.range ? fieldOf(node, void 0, metric).line : metric.line;
  if ((0, import_yaml3.isAlias)(node)) {
    report(fieldOf(node, void 0, metric), "a rule as text, not a YAML alias");
    return void 0;
  }
  if (!(0, import_yaml3.isMap)(node)) {
    return { metric, rule: fieldOf(node, (0, import_yaml3.isScalar)(node) ? node.value : null, metric), line, origin };
  }
  const draft = { metric, rule: { raw: null, line: metric.line, text: metric.text }, line, origin };
  let hasRule = false;
  for (const { pair, name, key } of uniquePairs(node, fieldOf, metric, report, "key")) {
    const value = pair.value;
    const field = fieldOf(value, (0, import_yaml3.isScalar)(value) ? value.value : value === null ? null : value, key);
    if (name === "rule") {
      draft.rule = field;
      hasRule = true;
    } else if (name === "kind") draft.kind = field;
    else if (name === "optional") draft.optional = field;
    else if (name === "default") draft.default = field;
    else report(key, `one of the keys ${keyList(ENTRY_KEYS2)}`);
  }
  if (!hasRule) {
    report(metric, '`rule:` in the entry, e.g. `{ rule: "<= -20%", kind: target }`');
    return void 0;
  }
  return draft;
}
var BASELINE_EXPECTED = "`baseline:` naming the baseline (a repo path or a reference name), or `{ profile: <path>, eval: <eval run directory or id> }`";
function readBaseline(value, valueField, fieldOf, report, out) {
  if (!(0, import_yaml3.isMap)(value)) {
    const text = scalarText(value)?.trim() ?? "";
    if (text === "") report(valueField, "`baseline:` naming the baseline, a repo path or a reference name (non-empty text)");
    else out.baseline = text;
    return;
  }
  const seen = /* @__PURE__ */ new Set();
  for (const { pair, name, key } of uniquePairs(value, fieldOf, valueField, report, "key")) {
    const text = scalarText(pair.value)?.trim() ?? "";
    if (!BASELINE_KEYS.includes(name)) report(key, `one of the keys ${keyList(BASELINE_KEYS)} under \`baseline:\``);
    else if (text === "") report(fieldOf(pair.value, void 0, key), `\`${name}:\` a repo path${name === "eval" ? " or an eval run id" : ""} (non-empty text)`);
    else {
      seen.add(name);
      if (name === "profile") out.baseline = text;
      else out.baselineEval = text;
    }
  }
  if (seen.size === 0) report(valueField, BASELINE_EXPECTED);
}
function readCompareAcross(value, valueField, fieldOf, report, out) {
  const items = (0, import_yaml3.isSeq)(value) ? value.items : [value];
  const names = [];
  for (const item of items) {
    const checked = checkAttribute((0, import_yaml3.isScalar)(item) ? item.value : void 0);
    if (checked.ok) names.push(checked.value);
    else report(fieldOf(item, void 0, valueField), `under \`compare-across:\` ${checked.expected}`);
  }
  if ((0, import_yaml3.isSeq)(value) && items.length === 0) report(valueField, "`compare-across:` at least one environment attribute, e.g. `[library_versions.torch]`");
  if (names.length > 0) out.compareAcross = [...out.compareAcross ?? [], ...names];
}

// src/compare/grammar/thresholds/markdown.ts
function splitLines(text) {
  return text.split(/\r\n|\r|\n/);
}
var FENCE_OPEN = /^( *)(`{3,}|~{3,})(.*)$/;
var COMMENT_OPEN = /^ {0,3}<!--/;
function isClosingFence(text, marker) {
  const match = /^ *(`{3,}|~{3,})\s*$/.exec(text);
  return match !== null && match[1][0] === marker[0] && match[1].length >= marker.length;
}
function dedent(text, indent) {
  let i = 0;
  while (i < indent && text[i] === " ") i++;
  return text.slice(i);
}
function scanMarkdown(body) {
  const lines = splitLines(body);
  const fences = [];
  const prose2 = [];
  let i = 0;
  while (i < lines.length) {
    const text = lines[i];
    const open = FENCE_OPEN.exec(text);
    if (open && !(open[2][0] === "`" && open[3].includes("`"))) {
      const [, indent, marker] = open;
      const block = { info: open[3].trim(), line: i + 1, fenceText: text.trim(), content: [], closed: false };
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
    if (COMMENT_OPEN.test(text)) {
      let closed = text.includes("-->", text.indexOf("<!--") + 4);
      while (!closed && i + 1 < lines.length) closed = lines[++i].includes("-->");
      prose2.push(void 0);
      i++;
      continue;
    }
    prose2.push({ line: i + 1, text });
    i++;
  }
  return { fences, tables: findTables(prose2) };
}
function splitRow(text) {
  let row = text.trim();
  if (row.startsWith("|")) row = row.slice(1);
  if (row.endsWith("|") && !row.endsWith("\\|")) row = row.slice(0, -1);
  const cells = [];
  let current = "";
  for (let i = 0; i < row.length; i++) {
    const ch = row[i];
    if (ch === "\\" && row[i + 1] === "|") {
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
  return cells.map((cell) => {
    const raw = cell.trim();
    return { raw, text: cellText(raw) };
  });
}
function runLength(text, char, fromEnd) {
  let n = 0;
  while (n < text.length && text[fromEnd ? text.length - 1 - n : n] === char) n++;
  return n;
}
function unwrapCodeSpan(text) {
  const fence = Math.min(runLength(text, "`", false), runLength(text, "`", true), Math.floor(text.length / 2));
  if (fence === 0) return void 0;
  let inner = text.slice(fence, text.length - fence);
  if (/^\s/.test(inner)) inner = inner.slice(1);
  if (/\s$/.test(inner)) inner = inner.slice(0, -1);
  return inner;
}
function cellText(raw) {
  let text = raw.replace(/\\\|/g, "|");
  const emphasis = /^(\*\*|__)(.*)\1$/.exec(text);
  if (emphasis) text = emphasis[2].trim();
  text = unwrapCodeSpan(text) ?? text;
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&le;/g, "\u2264").replace(/&ge;/g, "\u2265").trim();
}
var DELIMITER_CELL = /^:?-+:?$/;
function isDelimiterRow(text) {
  if (!text.includes("|")) return false;
  const cells = splitRow(text);
  return cells.length > 0 && cells.every((c) => DELIMITER_CELL.test(c.raw));
}
function endsTable(text) {
  return text.trim() === "" || /^ {0,3}(#{1,6}(\s|$)|>)/.test(text);
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
    const table = { header: { line: head.line, raw: head.text.trim(), cells: headerCells }, rows: [] };
    i += 2;
    while (i < prose2.length) {
      const row = prose2[i];
      if (!row || endsTable(row.text)) break;
      table.rows.push({ line: row.line, raw: row.text.trim(), cells: splitRow(row.text) });
      i++;
    }
    tables.push(table);
  }
  return tables;
}

// src/compare/grammar/thresholds/parse.ts
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
    pushAll(merged.drafts, content.drafts);
    pushAll(merged.hypotheses, content.hypotheses);
    pushAll(merged.problems, content.problems);
    merged.baseline ??= content.baseline;
    merged.baselineEval ??= content.baselineEval;
    merged.repeat ??= content.repeat;
    if (content.compareAcross) merged.compareAcross = [...merged.compareAcross ?? [], ...content.compareAcross];
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
      problems.push(problemAt(source(t), `each metric in one form only: \`${t.metric}\` is also in the ${other.origin === "block" ? "block" : "table"} at line ${other.line}`, t.origin));
    }
    if (!firstByOrigin.has(`${t.origin} ${t.metric}`)) firstByOrigin.set(`${t.origin} ${t.metric}`, t);
  }
}
function assemble(content, drafts, problems, lines, hypothesisDrafts = []) {
  pushAll(problems, content?.problems ?? []);
  const thresholds = [];
  for (const draft of [...content?.drafts ?? [], ...drafts]) {
    const threshold = buildThreshold(draft, problems);
    if (threshold) thresholds.push(threshold);
  }
  findDuplicates(thresholds, problems, (t) => ({ line: t.line, text: (lines[t.line - 1] ?? "").trim() }));
  const hypotheses = buildHypotheses([...content?.hypotheses ?? [], ...hypothesisDrafts], problems);
  problems.sort((a, b) => a.line - b.line);
  const spec = { thresholds, problems };
  if (hypotheses.length > 0) spec.hypotheses = hypotheses;
  if (content?.baseline !== void 0) spec.baseline = content.baseline;
  if (content?.baselineEval !== void 0) spec.baselineEval = content.baselineEval;
  if (content?.repeat !== void 0) spec.repeat = content.repeat;
  if (content?.compareAcross !== void 0) spec.compareAcross = content.compareAcross;
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
function parseInlineThresholds(text) {
  const lines = splitLines(text);
  if (text.trim() === "") return { thresholds: [], problems: [] };
  const problems = [];
  let yamlLines = lines.map((t, i) => ({ line: i + 1, text: t }));
  const firstLine = yamlLines.find((l) => l.text.trim() !== "");
  const fenced = scanMarkdown(text).fences[0];
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
  const named = inline.baseline !== void 0 || inline.baselineEval !== void 0 ? inline : issue;
  const repeat = inline.repeat ?? issue.repeat;
  const across = [.../* @__PURE__ */ new Set([...issue.compareAcross ?? [], ...inline.compareAcross ?? []])];
  if (named.baseline !== void 0) merged.baseline = named.baseline;
  if (named.baselineEval !== void 0) merged.baselineEval = named.baselineEval;
  if (repeat !== void 0) merged.repeat = repeat;
  if (across.length > 0) merged.compareAcross = across;
  const maxCostUsd = inline.maxCostUsd ?? issue.maxCostUsd;
  if (maxCostUsd !== void 0) merged.maxCostUsd = maxCostUsd;
  return merged;
}

// src/compare/grammar/thresholds/format.ts
var MAX_TEXT2 = 160;
function codeSpan(text) {
  const longestRun = maxOf(
    (text.match(/`+/g) ?? []).map((run) => run.length),
    0
  );
  const fence = "`".repeat(longestRun + 1);
  const pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
}
function formatProblem(problem) {
  const where = problem.origin === "input" ? `thresholds input, line ${problem.line}` : `line ${problem.line}`;
  const oneLine = problem.text.replace(/\s+/g, " ").trim();
  const text = oneLine.length > MAX_TEXT2 ? `${oneLine.slice(0, MAX_TEXT2 - 1)}\u2026` : oneLine;
  return `${where}: ${text === "" ? "(empty)" : codeSpan(text)} \u2014 expected ${problem.expected}`;
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

export {
  readCost,
  ACCEPTED_FORMS,
  parseIssueThresholds,
  parseInlineThresholds,
  mergeThresholds,
  formatProblem,
  describeRule
};

/**
 * The `check` language of hypotheses (docs/hypotheses.md), parsed by hand: recursive descent over
 * the tokens, one comparison of two arithmetic expressions. Nothing is evaluated as code; the only
 * names are metric paths and the functions `sum` and `share`. Units are checked here, so `time +
 * memory` is a located problem before anything is measured.
 *
 *   check    := additive COMPARE additive
 *   additive := term (('+' | '-') term)*
 *   term     := unary (('*' | '/') unary)*
 *   unary    := '-' unary | primary
 *   primary  := NUMBER [UNIT | '%'] | METRIC | 'sum' '(' PATTERN ')' | 'share' '(' additive ',' additive ')' | '(' additive ')'
 */
import { checkMetric } from '../thresholds/rule.js';
import { metricUnit, ruleUnit } from '../units.js';
import { tokenize, type Token } from './lexer.js';
import type { ArithmeticOp, Check, Dimension, Expr, ExprDimension } from './types.js';

/** Longer checks are refused: a check is a line, and this keeps every pass over it small. */
export const MAX_CHECK_LENGTH = 1000;
/** Brackets and unary minus nest at most this deep, so the recursion can never exhaust the stack. */
export const MAX_DEPTH = 32;

export const CHECK_EXAMPLE = '`share(cost.llm_summarization_cost_usd, cost.total_stage_cost_usd) >= 0.6`';
const OPERAND = 'a metric, a number, `sum(`, `share(` or `(`';

export type Parsed = { ok: true; check: Check } | { ok: false; expected: string };

class ParseError extends Error {
  constructor(
    readonly at: number,
    readonly expected: string,
  ) {
    super(expected);
  }
}

function describeToken(token: Token, text: string): string {
  return token.kind === 'end' ? 'the end of the check' : `\`${text.slice(token.start, token.end)}\``;
}

/** The dimension of a metric from its name, as thresholds read units. */
export function metricDimension(path: string): Dimension {
  return metricUnit(path)?.dimension ?? 'none';
}

const DIMENSION_WORDS: Record<Dimension, string> = { time: 'a time', memory: 'a memory size', money: 'money', cpu: 'a CPU % of one core', none: 'a plain number' };

function dimensionWord(dim: ExprDimension): string {
  return dim === 'free' ? 'a number' : DIMENSION_WORDS[dim];
}

class Parser {
  private index = 0;
  private depth = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly text: string,
  ) {}

  private peek(): Token {
    return this.tokens[this.index] as Token;
  }

  private fail(token: Token, expected: string): never {
    throw new ParseError(token.start, `${expected}, found ${describeToken(token, this.text)}`);
  }

  private punct(text: string): boolean {
    const token = this.peek();
    if (token.kind === 'punct' && token.text === text) {
      this.index++;
      return true;
    }
    return false;
  }

  private expectPunct(text: string, what: string): Token {
    const token = this.peek();
    if (!this.punct(text)) this.fail(token, what);
    return token;
  }

  check(): Check {
    const left = this.additive();
    const compare = this.peek();
    if (compare.kind !== 'compare') {
      this.fail(compare, compare.kind === 'end' ? 'a comparison (`<`, `<=`, `>`, `>=`, `==`) and a bound, e.g. `>= 0.5`' : 'an operator (+ - * /) or a comparison');
    }
    this.index++;
    const right = this.additive();
    const end = this.peek();
    if (end.kind === 'compare') this.fail(end, 'one comparison per check (write another hypothesis for a second bound)');
    if (end.kind !== 'end') this.fail(end, 'an operator (+ - * /) or the end of the check');
    combine('compare', left.dim, right.dim, compare.start, compare.op);
    return { left, op: compare.op, right, text: this.text };
  }

  private additive(): Expr {
    let left = this.term();
    for (let token = this.peek(); token.kind === 'punct' && (token.text === '+' || token.text === '-'); token = this.peek()) {
      this.index++;
      const right = this.term();
      left = binary(token.text, left, right, token.start);
    }
    return left;
  }

  private term(): Expr {
    let left = this.unary();
    for (let token = this.peek(); token.kind === 'punct' && (token.text === '*' || token.text === '/'); token = this.peek()) {
      this.index++;
      const right = this.unary();
      left = binary(token.text, left, right, token.start);
    }
    return left;
  }

  private nested<T>(at: Token, inner: () => T): T {
    if (++this.depth > MAX_DEPTH) throw new ParseError(at.start, `at most ${MAX_DEPTH} nested brackets or signs`);
    try {
      return inner();
    } finally {
      this.depth--;
    }
  }

  private unary(): Expr {
    const token = this.peek();
    if (token.kind === 'punct' && token.text === '-') {
      this.index++;
      const operand = this.nested(token, () => this.unary());
      return { type: 'negate', operand, start: token.start, end: operand.end, dim: operand.dim };
    }
    return this.primary();
  }

  private primary(): Expr {
    const token = this.peek();
    if (token.kind === 'number') {
      this.index++;
      return numberNode(token);
    }
    if (token.kind === 'punct' && token.text === '(') {
      this.index++;
      const inner = this.nested(token, () => this.additive());
      const close = this.expectPunct(')', 'a closing `)`');
      return { ...inner, start: token.start, end: close.end };
    }
    if (token.kind !== 'word') this.fail(token, OPERAND);
    this.index++;
    const next = this.peek();
    if (next.kind === 'punct' && next.text === '(') {
      this.index++;
      if (token.text === 'sum') return this.sum(token);
      if (token.text === 'share') return this.nested(token, () => this.share(token));
      throw new ParseError(token.start, `a function \`sum(\` or \`share(\` (no others exist), found \`${token.text}(\``);
    }
    const path = metricPath(token);
    if (path.split('.').includes('*')) throw new ParseError(token.start, 'a metric path without `*` outside `sum(…)` (a check compares numbers, a pattern is many)');
    return { type: 'metric', path, start: token.start, end: token.end, dim: metricDimension(path) };
  }

  private sum(name: Token): Expr {
    const pattern = this.peek();
    const want = 'a metric pattern with `*` inside `sum(`, e.g. `sum(profile.stages.*.wall_time_s)`';
    if (pattern.kind !== 'word') this.fail(pattern, want);
    this.index++;
    const path = metricPath(pattern);
    if (!path.split('.').includes('*')) throw new ParseError(pattern.start, `${want}; without \`*\` write the metric alone`);
    const close = this.expectPunct(')', 'a closing `)` after the pattern of `sum(`');
    return { type: 'sum', pattern: path, start: name.start, end: close.end, dim: metricDimension(path) };
  }

  private share(name: Token): Expr {
    const part = this.additive();
    this.expectPunct(',', 'a `,` between the part and the whole of `share(part, whole)`');
    const whole = this.additive();
    const close = this.expectPunct(')', 'a closing `)` after `share(part, whole`');
    combine('share', part.dim, whole.dim, name.start);
    return { type: 'share', part, whole, start: name.start, end: close.end, dim: 'none' };
  }
}

function numberNode(token: Extract<Token, { kind: 'number' }>): Expr {
  const span = { start: token.start, end: token.end };
  if (token.percent) return { type: 'number', value: token.value / 100, percent: true, ...span, dim: 'none' };
  const unit = token.unit !== undefined ? ruleUnit(token.unit) : undefined;
  if (!unit) return { type: 'number', value: token.value, percent: false, ...span, dim: 'free' };
  // Held in the dimension's base unit (s, MiB, USD), as metric values are when evaluated.
  return { type: 'number', value: Number((token.value * unit.scale).toPrecision(12)), percent: false, ...span, dim: unit.dimension };
}

function metricPath(token: Extract<Token, { kind: 'word' }>): string {
  const checked = checkMetric(token.text);
  if (!checked.ok) throw new ParseError(token.start, checked.expected);
  // `wall_time_s-2` would be read as one name: a minus needs spaces around it.
  if (/-\d+$/.test(token.text)) throw new ParseError(token.start, `spaces around a minus (\`${token.text.replace(/-(\d+)$/, ' - $1')}\`): a \`-\` inside a name is part of the name`);
  return checked.value;
}

/** The dimension of `left OP right`, or a located problem when the units do not go together. */
function combine(what: ArithmeticOp | 'compare' | 'share', left: ExprDimension, right: ExprDimension, at: number, shown: string = what): ExprDimension {
  const mismatch = (): never => {
    throw new ParseError(at, `values of one kind on both sides of \`${shown}\` (here ${dimensionWord(left)} and ${dimensionWord(right)})`);
  };
  switch (what) {
    case '+':
    case '-':
    case 'compare':
    case 'share':
      if (left === 'free') return right;
      if (right === 'free' || left === right) return left;
      return mismatch();
    case '*':
      if (left === 'free' || left === 'none') return right === 'free' && left === 'none' ? 'none' : right;
      if (right === 'free' || right === 'none') return left;
      throw new ParseError(at, `at most one side of \`*\` with a unit (here ${dimensionWord(left)} times ${dimensionWord(right)})`);
    case '/':
      if (right === 'free' || right === 'none') return left;
      if (left === right) return 'none';
      if (left === 'free' || left === 'none') throw new ParseError(at, `a divisor without a unit, or the same unit on both sides of \`/\` (here a number divided by ${dimensionWord(right)})`);
      return mismatch();
  }
}

function binary(op: ArithmeticOp, left: Expr, right: Expr, at: number): Expr {
  return { type: 'binary', op, left, right, start: left.start, end: right.end, dim: combine(op, left.dim, right.dim, at) };
}

/** Parses a check; a mistake comes back as what was expected, with its column in the check. */
export function parseCheck(text: string): Parsed {
  const where = (at: number) => `at column ${at + 1} of the check`;
  if (text.trim() === '') return { ok: false, expected: `a check: a comparison of metrics and numbers, e.g. ${CHECK_EXAMPLE}` };
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

/**
 * Tokens of a hypothesis `check`: numbers with units, metric paths (and the two function names),
 * `+ - * / ( ) ,` and the comparisons. One pass over the text, each character looked at a bounded
 * number of times: linear whatever is written.
 */
import { KNOWN_RULE_UNITS, ruleUnit } from '../units.js';
import type { CompareOp } from './types.js';

export type Token =
  /** `unit` as written (`s`, `MB`, `$` …); `percent` for a trailing `%`. */
  | { kind: 'number'; value: number; unit?: string; percent: boolean; start: number; end: number }
  | { kind: 'word'; text: string; start: number; end: number }
  | { kind: 'punct'; text: '+' | '-' | '*' | '/' | '(' | ')' | ','; start: number; end: number }
  | { kind: 'compare'; op: CompareOp; start: number; end: number }
  | { kind: 'end'; start: number; end: number };

export interface LexError {
  /** 0-based offset of the offending character. */
  at: number;
  expected: string;
}

const WORD_START = /[A-Za-z_]/;
const WORD_CHAR = /[A-Za-z0-9_]/;
const DIGIT = /[0-9]/;
const SPACE = /\s/;

const COMPARES: ReadonlyArray<[string, CompareOp]> = [
  ['<=', '<='],
  ['>=', '>='],
  ['==', '=='],
  ['≤', '<='],
  ['≥', '>='],
  ['<', '<'],
  ['>', '>'],
];

/** A metric path or a function name: segments of letters, digits, `_`, inner `-`; `*` as a segment. */
function readWord(text: string, start: number): number {
  let i = start;
  while (i < text.length) {
    const ch = text[i] as string;
    const next = text[i + 1] ?? '';
    if (WORD_CHAR.test(ch)) i++;
    // A `-` between name characters is part of a name (`silver-v1`); spaced, it is a minus.
    else if (ch === '-' && WORD_CHAR.test(next) && i > start) i++;
    else if (ch === '.' && /[A-Za-z0-9_*-]/.test(next)) i++;
    // `*` right after a dot is a wildcard segment; anywhere else it multiplies.
    else if (ch === '*' && text[i - 1] === '.') i++;
    else break;
  }
  return i;
}

function readNumber(text: string, start: number): { token: Token; next: number } | LexError {
  let i = start;
  const dollar = text[i] === '$';
  if (dollar) {
    i++;
    while (i < text.length && SPACE.test(text[i] as string)) i++;
  }
  const digitsStart = i;
  while (i < text.length && DIGIT.test(text[i] as string)) i++;
  if (text[i] === '.' && DIGIT.test(text[i + 1] ?? '')) {
    i++;
    while (i < text.length && DIGIT.test(text[i] as string)) i++;
  }
  if (i === digitsStart) return { at: i, expected: 'a number after `$`, e.g. `$0.05`' };
  const value = Number(text.slice(digitsStart, i));
  let j = i;
  while (j < text.length && SPACE.test(text[j] as string)) j++;
  if (text[j] === '%') {
    if (dollar) return { at: j, expected: 'either `$` or `%` on a number, not both' };
    return { token: { kind: 'number', value, percent: true, start, end: j + 1 }, next: j + 1 };
  }
  if (!dollar && j < text.length && WORD_START.test(text[j] as string)) {
    const end = readWord(text, j);
    const unit = text.slice(j, end);
    if (ruleUnit(unit)) return { token: { kind: 'number', value, unit, percent: false, start, end }, next: end };
    // Glued to the number it can only be a unit; after a space the parser says what may follow.
    if (j === i) return { at: j, expected: `a known unit (${KNOWN_RULE_UNITS.join(', ')}) after the number, got \`${unit}\`` };
  }
  const token: Token = dollar ? { kind: 'number', value, unit: '$', percent: false, start, end: i } : { kind: 'number', value, percent: false, start, end: i };
  return { token, next: i };
}

export function tokenize(text: string): Token[] | LexError {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (SPACE.test(ch)) {
      i++;
      continue;
    }
    if (DIGIT.test(ch) || ch === '$' || (ch === '.' && DIGIT.test(text[i + 1] ?? ''))) {
      const read = readNumber(text, i);
      if ('at' in read) return read;
      tokens.push(read.token);
      i = read.next;
      continue;
    }
    if (WORD_START.test(ch)) {
      const end = readWord(text, i);
      tokens.push({ kind: 'word', text: text.slice(i, end), start: i, end });
      i = end;
      continue;
    }
    const compare = COMPARES.find(([symbol]) => text.startsWith(symbol, i));
    if (compare) {
      if (text[i + compare[0].length] === '=' || (compare[1] === '<' && text[i + 1] === '>')) {
        return { at: i, expected: 'a comparison `<`, `<=`, `>`, `>=` or `==`' };
      }
      tokens.push({ kind: 'compare', op: compare[1], start: i, end: i + compare[0].length });
      i += compare[0].length;
      continue;
    }
    // A typographic minus survives copy-paste from documents, as in rules.
    const punct = ch === '−' ? '-' : ch;
    if (punct === '+' || punct === '-' || punct === '*' || punct === '/' || punct === '(' || punct === ')' || punct === ',') {
      tokens.push({ kind: 'punct', text: punct, start: i, end: i + 1 });
      i++;
      continue;
    }
    if (ch === '=' || ch === '!') return { at: i, expected: 'a comparison `<`, `<=`, `>`, `>=` or `==` (`=` alone and `!=` are not part of the language)' };
    return { at: i, expected: `a metric, a number, an operator (+ - * /), a comparison or a bracket, got \`${ch}\`` };
  }
  tokens.push({ kind: 'end', start: text.length, end: text.length });
  return tokens;
}

/**
 * Hypotheses as written: the `hypotheses:` mapping of the block (id → `{ claim, check, lever }`, or
 * id → the check alone) and `Hypothesis | Check` tables (optional `Claim`, `Lever`). Each becomes a
 * draft, validated the same way whatever its form; every mistake is a located problem.
 */
import { isAlias, isMap, isScalar, type Node } from 'yaml';
import { uniquePairs, type FieldOf, type Report } from '../thresholds/yaml-map.js';
import { problemAt, type Field } from '../thresholds/draft.js';
import type { Table } from '../thresholds/markdown.js';
import { cellField, columnsOf } from '../thresholds/table.js';
import type { ThresholdOrigin, ThresholdProblem } from '../thresholds/types.js';
import { CHECK_EXAMPLE, parseCheck } from './expression.js';
import type { Hypothesis } from './types.js';

export interface HypothesisDraft {
  id: Field & { raw: string };
  check: Field;
  claim?: Field;
  lever?: Field;
  line: number;
  origin: ThresholdOrigin;
}

const ENTRY_KEYS = ['claim', 'check', 'lever'];
const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/;
/** Claims and levers are prose for the report; longer text belongs in the issue itself. */
const MAX_TEXT = 300;

/** The `hypotheses:` mapping of a block. */
export function readHypothesisMap(value: Node | null, origin: ThresholdOrigin, fieldOf: FieldOf, report: Report, key: Field, drafts: HypothesisDraft[]): void {
  if (!isMap(value)) {
    report(fieldOf(value, undefined, key), `under \`hypotheses:\` a mapping of id → { claim, check, lever }, e.g. \`H1: { check: "${CHECK_EXAMPLE.slice(1, -1)}" }\``);
    return;
  }
  for (const { pair, name, key: idField } of uniquePairs(value, fieldOf, key, report, 'key')) {
    const id = { ...idField, raw: name };
    const node = pair.value as Node | null;
    if (isAlias(node)) {
      report(fieldOf(node, undefined, id), 'a hypothesis as text or a mapping, not a YAML alias');
      continue;
    }
    if (!isMap(node)) {
      // `H1: "share(…) >= 0.5"`: the check alone.
      drafts.push({ id, check: fieldOf(node, isScalar(node) ? node.value : null, id), line: id.line, origin });
      continue;
    }
    const draft: HypothesisDraft = { id, check: { raw: undefined, line: id.line, text: id.text }, line: id.line, origin };
    let hasCheck = false;
    for (const { pair: entry, name: field, key: fieldKey } of uniquePairs(node, fieldOf, id, report, 'key')) {
      const v = entry.value as Node | null;
      const read = fieldOf(v, isScalar(v) ? v.value : v === null ? null : v, fieldKey);
      if (field === 'check') {
        draft.check = read;
        hasCheck = true;
      } else if (field === 'claim') draft.claim = read;
      else if (field === 'lever') draft.lever = read;
      else report(fieldKey, `one of the keys ${ENTRY_KEYS.map((k) => `\`${k}\``).join(', ')}`);
    }
    if (!hasCheck) {
      report(id, `\`check:\` in hypothesis ${name}, e.g. \`check: "${CHECK_EXAMPLE.slice(1, -1)}"\``);
      continue;
    }
    drafts.push(draft);
  }
}

const COLUMNS = ['hypothesis', 'check', 'claim', 'lever'] as const;

/** Drafts from every table with `Hypothesis` and `Check` columns; empty rows are skipped. */
export function readHypothesisTables(tables: readonly Table[], problems: ThresholdProblem[]): HypothesisDraft[] {
  const drafts: HypothesisDraft[] = [];
  for (const table of tables) {
    const columns = columnsOf(table, COLUMNS);
    if (columns.hypothesis === undefined || columns.check === undefined) continue;
    for (const row of table.rows) {
      const id = cellField(row, columns.hypothesis) as Field;
      // The whole row is quoted for a check: an empty cell alone would say nothing.
      const check = { ...(cellField(row, columns.check) as Field), text: row.raw };
      if (id.raw === '' && check.raw === '') continue;
      if (id.raw === '') {
        problems.push(problemAt({ line: row.line, text: row.raw }, 'an id in the `Hypothesis` column, e.g. `H1`', 'table'));
        continue;
      }
      const draft: HypothesisDraft = { id: { ...id, raw: String(id.raw) }, check, line: row.line, origin: 'table' };
      const claim = cellField(row, columns.claim);
      const lever = cellField(row, columns.lever);
      if (claim && claim.raw !== '') draft.claim = claim;
      if (lever && lever.raw !== '') draft.lever = lever;
      drafts.push(draft);
    }
  }
  return drafts;
}

function prose(field: Field | undefined, name: string, problems: ThresholdProblem[], origin: ThresholdOrigin): string | undefined {
  if (!field || field.raw === null || field.raw === undefined) return undefined;
  if (typeof field.raw !== 'string' && typeof field.raw !== 'number') {
    problems.push(problemAt(field, `\`${name}\` as one line of text`, origin));
    return undefined;
  }
  const text = String(field.raw).replace(/\s+/g, ' ').trim();
  if (text.length > MAX_TEXT) problems.push(problemAt(field, `\`${name}\` of at most ${MAX_TEXT} characters`, origin));
  return text === '' ? undefined : text;
}

/** Validates a draft; returns the hypothesis, or undefined after recording every problem it has. */
export function buildHypothesis(draft: HypothesisDraft, problems: ThresholdProblem[]): Hypothesis | undefined {
  const before = problems.length;
  const { origin } = draft;
  const id = draft.id.raw.trim();
  if (!ID.test(id)) problems.push(problemAt(draft.id, 'a hypothesis id of letters, digits, `_`, `-` or `.` (at most 40), e.g. `H1`', origin));
  const claim = prose(draft.claim, 'claim', problems, origin);
  const lever = prose(draft.lever, 'lever', problems, origin);
  const raw = draft.check.raw;
  let parsed: ReturnType<typeof parseCheck> | undefined;
  if (typeof raw === 'string') {
    parsed = parseCheck(raw);
    if (!parsed.ok) problems.push(problemAt(draft.check, parsed.expected, origin));
  } else {
    problems.push(problemAt(draft.check, `a check as text, e.g. ${CHECK_EXAMPLE}`, origin));
  }
  if (problems.length > before || !parsed?.ok) return undefined;
  return { id, ...(claim !== undefined ? { claim } : {}), ...(lever !== undefined ? { lever } : {}), check: parsed.check, line: draft.line, origin };
}

/** Builds every draft; an id used twice (in the block, a table or both) is a problem. */
export function buildHypotheses(drafts: readonly HypothesisDraft[], problems: ThresholdProblem[]): Hypothesis[] {
  const seen = new Map<string, HypothesisDraft>();
  const out: Hypothesis[] = [];
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

/**
 * The YAML of an ```optimization-gate block (or of the action's `thresholds` input). The document is
 * walked node by node, never converted with toJS(), so every problem keeps the line it was written on
 * and an alias or a stray `*` cannot throw.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type YAMLMap } from 'yaml';
import { problemAt, type Draft, type Field } from './draft.js';
import { checkAttribute } from './rule.js';
import type { SourceLine } from './markdown.js';
import type { ThresholdOrigin, ThresholdProblem } from './types.js';
import { readHypothesisMap, type HypothesisDraft } from '../hypotheses/read.js';
import { scalarText, uniquePairs, type FieldOf, type Report } from './yaml-map.js';

export const MAX_REPEAT = 50;
const TOP_KEYS = ['baseline', 'repeat', 'thresholds', 'compare-across', 'hypotheses', 'max-cost-usd'];
const ENTRY_KEYS = ['rule', 'kind', 'optional', 'default'];
const BASELINE_KEYS = ['profile', 'eval'];

export interface BlockContent {
  baseline?: string;
  baselineEval?: string;
  compareAcross?: string[];
  repeat?: number;
  /** `max-cost-usd:` the spend a job may reach before it stops adding runs (docs/spend.md). */
  maxCostUsd?: number;
  drafts: Draft[];
  /** `hypotheses:` entries (docs/hypotheses.md), validated with the thresholds. */
  hypotheses: HypothesisDraft[];
  problems: ThresholdProblem[];
}

const keyList = (keys: string[]): string => keys.map((k) => `\`${k}\``).join(', ');

/** A scalar as written (`2.50` stays `2.50`, not 2.5); undefined for null, booleans and non-scalars. */
/**
 * Parses YAML whose lines come from `lines` (their numbers are issue-body or input lines).
 * `emptyLine` is reported when there is no YAML at all (the fence line of an empty block).
 */
export function parseBlockYaml(lines: readonly SourceLine[], origin: ThresholdOrigin, emptyLine: Field): BlockContent {
  const counter = new LineCounter();
  const doc = parseDocument(lines.map((l) => l.text).join('\n'), { lineCounter: counter, uniqueKeys: false, prettyErrors: true });
  const out: BlockContent = { drafts: [], hypotheses: [], problems: [] };
  const badLines = new Set<number>();

  const sourceLine = (yamlLine: number): SourceLine => lines[Math.min(Math.max(yamlLine, 1), lines.length) - 1] ?? { line: emptyLine.line, text: emptyLine.text };
  const fieldOf = (node: Node | null | undefined, raw: unknown, fallback: Field): Field => {
    if (!node?.range) return { ...fallback, raw };
    const at = sourceLine(counter.linePos(node.range[0]).line);
    return { raw, line: at.line, text: at.text.trim() };
  };
  const report = (field: Pick<Field, 'line' | 'text'>, expected: string): void => {
    if (!badLines.has(field.line)) out.problems.push(problemAt(field, expected, origin));
  };

  for (const error of doc.errors) {
    const at = sourceLine(error.linePos?.[0].line ?? 1);
    const message = (error.message.split('\n')[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, '');
    const valueAfterColon = /:\s*(.*)$/.exec(at.text)?.[1] ?? '';
    const expected = valueAfterColon.startsWith('>') ? `the rule in quotes: YAML reads a leading \`>\` as a folded text marker, e.g. \`">= -0.01"\`` : `valid YAML (${message})`;
    if (!badLines.has(at.line)) out.problems.push(problemAt({ line: at.line, text: at.text.trim() }, expected, origin));
    badLines.add(at.line);
  }

  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) {
    if (doc.errors.length === 0) report(emptyLine, `YAML with \`thresholds:\` (and optionally \`baseline:\`, \`repeat:\`) inside the block`);
    return out;
  }
  const rootField = fieldOf(root, undefined, emptyLine);
  if (!isMap(root)) {
    report(rootField, `a mapping with the keys ${keyList(TOP_KEYS)}`);
    return out;
  }

  for (const { pair, name, key } of uniquePairs(root, fieldOf, emptyLine, report, 'key')) {
    const value = pair.value as Node | null;
    const valueField = fieldOf(value, isScalar(value) ? value.value : undefined, key);
    switch (name) {
      case 'baseline':
        readBaseline(value, valueField, fieldOf, report, out);
        break;
      case 'compare-across':
        readCompareAcross(value, valueField, fieldOf, report, out);
        break;
      case 'repeat': {
        const n = isScalar(value) ? value.value : undefined;
        if (typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= MAX_REPEAT) out.repeat = n;
        else report(valueField, `\`repeat:\` a whole number of measured runs per side, from 1 to ${MAX_REPEAT}`);
        break;
      }
      case 'thresholds':
        // Left empty by a YAML error on the next line: that error is the one to fix.
        if (!isMap(value) && !(doc.errors.length > 0 && (value === null || (isScalar(value) && value.value === null)))) {
          report(valueField, 'under `thresholds:` a mapping of metric → rule, e.g. `profile.totals.wall_time_s: "<= -20%"`');
        } else if (isMap(value)) readThresholds(value, origin, fieldOf, report, out.drafts, emptyLine);
        break;
      case 'max-cost-usd': {
        const cost = readCost(isScalar(value) ? value.value : undefined);
        if (cost === undefined) report(valueField, '`max-cost-usd:` a budget in US dollars, e.g. `max-cost-usd: 2.50` or `"$2.50"`');
        else out.maxCostUsd = cost;
        break;
      }
      case 'hypotheses':
        readHypothesisMap(value, origin, fieldOf, report, key, out.hypotheses);
        break;
      default:
        report(key, `one of the keys ${keyList(TOP_KEYS)}`);
    }
  }
  // An entry touching a line YAML could not read is unreliable; that line's error is reported already.
  out.drafts = out.drafts.filter((d) => ![d.metric, d.rule, d.kind, d.optional].some((f) => f && badLines.has(f.line)));
  out.hypotheses = out.hypotheses.filter((h) => ![h.id, h.check, h.claim, h.lever].some((f) => f && badLines.has(f.line)));
  return out;
}

/** A budget as written: `2.5`, `"$2.50"`, `"2.50 USD"`; undefined when it is not one. */
export function readCost(raw: unknown): number | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) && raw >= 0 ? raw : undefined;
  const match = typeof raw === 'string' ? /^\s*\$?\s*(\d+(?:\.\d+)?|\.\d+)\s*(?:usd)?\s*$/i.exec(raw) : null;
  return match ? Number(match[1]) : undefined;
}

function readThresholds(map: YAMLMap, origin: ThresholdOrigin, fieldOf: FieldOf, report: Report, drafts: Draft[], fallback: Field): void {
  for (const { pair, name, key } of uniquePairs(map, fieldOf, fallback, report, 'metric')) {
    const metric = { ...key, raw: name };
    const value = pair.value as Node | null;
    const items = isSeq(value) ? (value.items as Array<Node | null>) : [value];
    if (isSeq(value) && items.length === 0) report(key, 'at least one rule in the list');
    for (const item of items) {
      const draft = readEntry(item, metric, origin, fieldOf, report, isSeq(value));
      if (draft) drafts.push(draft);
    }
  }
}

/** One rule for a metric: a rule string, or `{ rule, kind, optional }`. */
function readEntry(node: Node | null, metric: Field & { raw: string }, origin: ThresholdOrigin, fieldOf: FieldOf, report: Report, inList: boolean): Draft | undefined {
  const line = inList && node?.range ? fieldOf(node, undefined, metric).line : metric.line;
  if (isAlias(node)) {
    report(fieldOf(node, undefined, metric), 'a rule as text, not a YAML alias');
    return undefined;
  }
  if (!isMap(node)) {
    return { metric, rule: fieldOf(node, isScalar(node) ? node.value : null, metric), line, origin };
  }
  const draft: Draft = { metric, rule: { raw: null, line: metric.line, text: metric.text }, line, origin };
  let hasRule = false;
  for (const { pair, name, key } of uniquePairs(node, fieldOf, metric, report, 'key')) {
    const value = pair.value as Node | null;
    const field = fieldOf(value, isScalar(value) ? value.value : value === null ? null : value, key);
    if (name === 'rule') {
      draft.rule = field;
      hasRule = true;
    } else if (name === 'kind') draft.kind = field;
    else if (name === 'optional') draft.optional = field;
    else if (name === 'default') draft.default = field;
    else report(key, `one of the keys ${keyList(ENTRY_KEYS)}`);
  }
  if (!hasRule) {
    report(metric, '`rule:` in the entry, e.g. `{ rule: "<= -20%", kind: target }`');
    return undefined;
  }
  return draft;
}

const BASELINE_EXPECTED = '`baseline:` naming the baseline (a repo path or a reference name), or `{ profile: <path>, eval: <eval run directory or id> }`';

/** `baseline: <name>` or `baseline: { profile: <path>, eval: <dir or run id> }` (eval results stored apart). */
function readBaseline(value: Node | null, valueField: Field, fieldOf: FieldOf, report: Report, out: BlockContent): void {
  if (!isMap(value)) {
    const text = scalarText(value)?.trim() ?? '';
    if (text === '') report(valueField, '`baseline:` naming the baseline, a repo path or a reference name (non-empty text)');
    else out.baseline = text;
    return;
  }
  const seen = new Set<string>();
  for (const { pair, name, key } of uniquePairs(value, fieldOf, valueField, report, 'key')) {
    const text = scalarText(pair.value)?.trim() ?? '';
    if (!BASELINE_KEYS.includes(name)) report(key, `one of the keys ${keyList(BASELINE_KEYS)} under \`baseline:\``);
    else if (text === '') report(fieldOf(pair.value as Node | null, undefined, key), `\`${name}:\` a repo path${name === 'eval' ? ' or an eval run id' : ''} (non-empty text)`);
    else {
      seen.add(name);
      if (name === 'profile') out.baseline = text;
      else out.baselineEval = text;
    }
  }
  if (seen.size === 0) report(valueField, BASELINE_EXPECTED);
}

/** `compare-across: [library_versions.torch, device]` (or one name): differences that are the experiment itself. */
function readCompareAcross(value: Node | null, valueField: Field, fieldOf: FieldOf, report: Report, out: BlockContent): void {
  const items = isSeq(value) ? (value.items as Array<Node | null>) : [value];
  const names: string[] = [];
  for (const item of items) {
    const checked = checkAttribute(isScalar(item) ? item.value : undefined);
    if (checked.ok) names.push(checked.value);
    else report(fieldOf(item, undefined, valueField), `under \`compare-across:\` ${checked.expected}`);
  }
  if (isSeq(value) && items.length === 0) report(valueField, '`compare-across:` at least one environment attribute, e.g. `[library_versions.torch]`');
  if (names.length > 0) out.compareAcross = [...(out.compareAcross ?? []), ...names];
}

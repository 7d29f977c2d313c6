/** The issue-body corpus (test/fixtures/issues/) and the expected wording of problems, written out literally. */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { ThresholdSpec } from '../../src/compare/grammar/thresholds/index.js';

export const ISSUES = fileURLToPath(new URL('../fixtures/issues/', import.meta.url));

export function issueFiles(): string[] {
  return readdirSync(ISSUES)
    .filter((f) => f.endsWith('.md'))
    .sort();
}

export function issue(name: string): string {
  return readFileSync(join(ISSUES, name), 'utf8');
}

/** [line, metric, op, form, value, kind, optional, origin] */
export type ThresholdRow = [number, string, string, string, number, string, boolean, string];

export function rows(spec: ThresholdSpec): ThresholdRow[] {
  return spec.thresholds.map((t) => [t.line, t.metric, t.rule.op, t.rule.form, t.rule.value, t.kind, t.optional, t.origin]);
}

/** [line, origin, text, expected] */
export type ProblemRow = [number, string, string, string];

export function problemRows(spec: ThresholdSpec): ProblemRow[] {
  return spec.problems.map((p) => [p.line, p.origin, p.text, p.expected]);
}

const EXAMPLES = '`<= -20%`, `>= -0.01`, `<= 650MB`';
export const RULE = `a rule OP VALUE[UNIT], e.g. ${EXAMPLES}`;
export const RULE_OP = `${RULE}; OP is one of <=, <, >=, >`;
export const RULE_MISSING = `a rule OP VALUE[UNIT] for the metric, e.g. ${EXAMPLES}`;
export const RULE_CELL = `a rule in the \`Rule\` column, e.g. ${EXAMPLES}`;
export const METRIC_CELL = 'a metric path in the `Metric` column, e.g. `profile.totals.wall_time_s`';
export const METRIC = 'a dotted metric path starting with `profile.`, `truth.`, `eval.`, `cost.`, e.g. `profile.totals.wall_time_s`';
export const WILDCARD = '`*` only as a whole path segment (it matches one segment), e.g. `profile.stages.*.peak_rss_mb`';
export const RELATIVE_UNIT = 'a relative change in % with no unit, e.g. `<= -20%` (a % rule compares with the baseline)';
export const unknownUnit = (unit: string): string => `a known unit (ms, s, min, h, B, KB, MB, GB, KiB, MiB, GiB, $, USD) or none, got \`${unit}\``;
export const noUnit = (metric: string, example: string): string => `no unit: \`${metric}\` has none (only names ending in _s, _ms, _mb, _gb, _usd, _pct carry one), e.g. \`${example}\``;
export const TOP_KEYS = 'one of the keys `baseline`, `repeat`, `thresholds`, `compare-across`, `hypotheses`, `max-cost-usd`';
export const ENTRY_KEYS = 'one of the keys `rule`, `kind`, `optional`, `default`';
export const KIND = 'a kind `guardrail` (must not regress; the default) or `target` (the improvement sought)';
export const OPTIONAL = '`optional` as yes / no / true / false';
export const BASELINE = '`baseline:` naming the baseline, a repo path or a reference name (non-empty text)';
export const REPEAT = '`repeat:` a whole number of measured runs per side, from 1 to 50';
export const THRESHOLDS_MAP = 'under `thresholds:` a mapping of metric → rule, e.g. `profile.totals.wall_time_s: "<= -20%"`';
export const EMPTY_BLOCK = 'YAML with `thresholds:` (and optionally `baseline:`, `repeat:`) inside the block';
export const CLOSING_FENCE = 'a closing fence (``` or ~~~, as opened) after the block';
export const secondBlock = (first: number): string => `a single \`optimization-gate\` block per issue (the first is at line ${first}); merge them`;
export const QUOTE_GT = 'the rule in quotes: YAML reads a leading `>` as a folded text marker, e.g. `">= -0.01"`';

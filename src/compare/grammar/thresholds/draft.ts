/**
 * One threshold as read from either form (block entry or table row), before validation. Both forms
 * produce drafts, so the rule, metric, kind and optional checks and their wording are shared.
 */
import { checkDefault, checkKind, checkMetric, checkOptional, checkRule, RULE_EXAMPLES } from './rule.js';
import type { Threshold, ThresholdOrigin, ThresholdProblem } from './types.js';

/** A value as read, where it was written, and the text to quote when it is wrong. */
export interface Field {
  raw: unknown;
  line: number;
  text: string;
}

export interface Draft {
  metric: Field & { raw: string };
  rule: Field;
  kind?: Field;
  optional?: Field;
  default?: Field;
  /** Line reported for the threshold itself. */
  line: number;
  origin: ThresholdOrigin;
}

export function problemAt(field: Pick<Field, 'line' | 'text'>, expected: string, origin: ThresholdOrigin): ThresholdProblem {
  return { line: field.line, text: field.text, expected, origin };
}

/** Validates a draft; returns the threshold, or undefined after recording every problem it has. */
export function buildThreshold(draft: Draft, problems: ThresholdProblem[]): Threshold | undefined {
  const before = problems.length;
  const { origin } = draft;
  const metric = checkMetric(draft.metric.raw);
  if (!metric.ok) problems.push(problemAt(draft.metric, metric.expected, origin));

  let rule: ReturnType<typeof checkRule> | undefined;
  if (typeof draft.rule.raw === 'string') {
    rule = checkRule(draft.rule.raw, draft.metric.raw.trim());
    if (!rule.ok) problems.push(problemAt(draft.rule, rule.expected, origin));
  } else if (draft.rule.raw === null || draft.rule.raw === undefined) {
    problems.push(problemAt(draft.rule, `a rule OP VALUE[UNIT] for the metric, e.g. ${RULE_EXAMPLES}`, origin));
  } else if (typeof draft.rule.raw === 'number') {
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

  if (problems.length > before || !metric.ok || !rule?.ok || !kind.ok || !optional.ok || !fallback.ok) return undefined;
  return {
    metric: metric.value,
    rule: rule.value,
    kind: kind.value,
    optional: optional.value,
    line: draft.line,
    origin,
    ...(fallback.value !== undefined ? { default: fallback.value } : {}),
  };
}

/** Public API of the threshold parser; the language is in README "Thresholds on the issue" and docs/thresholds.md. */
export { ACCEPTED_FORMS, BLOCK_INFO, mergeThresholds, parseInlineThresholds, parseIssueThresholds } from './parse.js';
export { describeRule, formatProblem } from './format.js';
export { MAX_REPEAT } from './block.js';
export type { Operator, Rule, RuleForm, Threshold, ThresholdKind, ThresholdOrigin, ThresholdProblem, ThresholdSpec } from './types.js';

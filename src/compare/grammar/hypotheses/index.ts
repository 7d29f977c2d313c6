/** Public API of hypotheses: the check language, evaluation per side, JSON. See docs/hypotheses.md. */
export { parseCheck, MAX_CHECK_LENGTH, MAX_DEPTH } from './expression.js';
export { evaluateHypotheses, evaluateHypothesisOn } from './evaluate.js';
export type { EvalNode, HypothesisResult, HypothesisSideResult, HypothesisVerdict, SideName } from './evaluate.js';
export { HYPOTHESES_JSON_SCHEMA, hypothesesToJson, renderHypothesesJson } from './json.js';
export type { Check, CompareOp, Expr, Hypothesis } from './types.js';

/**
 * Hypotheses written on the optimization issue (the `hypotheses:` key of the block, or a
 * `Hypothesis | Check` table) and their `check` expressions once parsed. See docs/hypotheses.md.
 */
import type { ThresholdOrigin } from '../thresholds/types.js';

export type CompareOp = '<' | '<=' | '>' | '>=' | '==';
export type ArithmeticOp = '+' | '-' | '*' | '/';

/**
 * What a value measures. Numbers are held in the dimension's base unit (seconds, MiB, USD, percent
 * of one core); `none` is a plain number (a score, a count, a ratio). `free` is a number written
 * without a unit: it takes the dimension of what it is combined with, as a rule's bare number does.
 */
export type Dimension = 'time' | 'memory' | 'money' | 'cpu' | 'none';
export type ExprDimension = Dimension | 'free';

interface Span {
  /** Offsets in the check text (0-based, end exclusive): the node as written. */
  start: number;
  end: number;
  dim: ExprDimension;
}

export type Expr =
  /** `value` in the base unit of `dim`; `percent`: written with `%` (a ratio: 50% is 0.5). */
  | (Span & { type: 'number'; value: number; percent: boolean })
  | (Span & { type: 'metric'; path: string })
  /** `sum(pattern)`: every number the pattern matches in a run, added. */
  | (Span & { type: 'sum'; pattern: string })
  /** `share(part, whole)` = part / whole, shown in percent. */
  | (Span & { type: 'share'; part: Expr; whole: Expr })
  | (Span & { type: 'binary'; op: ArithmeticOp; left: Expr; right: Expr })
  | (Span & { type: 'negate'; operand: Expr });

export interface Check {
  left: Expr;
  op: CompareOp;
  right: Expr;
  /** The check exactly as written. */
  text: string;
}

export interface Hypothesis {
  /** The key as written (`H1`). */
  id: string;
  claim?: string;
  lever?: string;
  check: Check;
  /** 1-based line of the hypothesis (its key, or its table row) in the issue or the thresholds input. */
  line: number;
  origin: ThresholdOrigin;
}

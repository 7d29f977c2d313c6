/**
 * Array helpers that never spread an array into a call: `push(...items)` and `Math.max(...values)`
 * pass every element as an argument and throw RangeError (call stack) past ~100,000 elements — a
 * burst of stage events crashed the freeze that way. test/static/spread-arguments.test.ts keeps
 * such spreads out of src/.
 */
import { InternalError } from './errors.js';

/** Appends every item to `target` (in order) and returns it. */
export function pushAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** The largest value, `initial` when there is none (Math.max of nothing is -Infinity too). */
export function maxOf(values: Iterable<number>, initial = Number.NEGATIVE_INFINITY): number {
  let max = initial;
  for (const value of values) if (value > max || Number.isNaN(value)) max = value;
  return max;
}

/** The middle value (mean of the two middle ones for an even count); no values is a bug of the caller. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new InternalError('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

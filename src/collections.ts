/**
 * Array helpers that never spread an array into a call: `push(...items)` and `Math.max(...values)`
 * pass every element as an argument and throw RangeError (call stack) past ~100,000 elements — a
 * burst of stage events crashed the freeze that way. test/static/spread-arguments.test.ts keeps
 * such spreads out of src/.
 */

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

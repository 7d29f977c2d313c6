import { createRequire as __ogCreateRequire } from 'node:module'; const require = __ogCreateRequire(import.meta.url);
import {
  InternalError
} from "./chunk-LDP73T3D.js";

// src/collections.ts
function pushAll(target, items) {
  for (const item of items) target.push(item);
  return target;
}
function maxOf(values, initial = Number.NEGATIVE_INFINITY) {
  let max = initial;
  for (const value of values) if (value > max || Number.isNaN(value)) max = value;
  return max;
}
function median(values) {
  if (values.length === 0) throw new InternalError("median of no values");
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export {
  pushAll,
  maxOf,
  median
};

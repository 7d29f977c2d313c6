import { createRequire as __ogCreateRequire } from 'node:module'; const require = __ogCreateRequire(import.meta.url);

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

export {
  pushAll,
  maxOf
};

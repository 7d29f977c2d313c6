import { createRequire as __ogCreateRequire } from 'node:module'; const require = __ogCreateRequire(import.meta.url);
import {
  InputFileError
} from "./chunk-LDP73T3D.js";

// src/formats/validate.ts
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function isFiniteNumber(value) {
  return typeof value === "number" && Number.isFinite(value);
}
function describe(value) {
  if (value === void 0) return "nothing (key absent)";
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  if (typeof value === "object") return "a mapping";
  const text = JSON.stringify(value);
  return `${typeof value} ${text.length > 40 ? `${text.slice(0, 37)}...` : text}`;
}
var Validator = class {
  constructor(file) {
    this.file = file;
  }
  file;
  problems = [];
  problem(path, expected, got) {
    this.problems.push(`${path}: expected ${expected}, got ${describe(got)}`);
  }
  object(value, path, options = {}) {
    if (value === void 0 && options.optional) return void 0;
    if (value === null && options.nullable) return void 0;
    if (isObject(value)) return value;
    this.problem(path, "a mapping", value);
    return void 0;
  }
  string(value, path, options = {}) {
    if (value === void 0 && options.optional) return void 0;
    if (value === null && options.nullable) return void 0;
    if (typeof value === "string") return value;
    this.problem(path, "a string", value);
    return void 0;
  }
  /** A finite number, not negative: every measured quantity we read is a time, size, rate or count. */
  number(value, path, options = {}) {
    if (value === void 0 && options.optional) return void 0;
    if (value === null && options.nullable) return void 0;
    if (isFiniteNumber(value) && value >= 0) return value;
    this.problem(path, "a number >= 0", value);
    return void 0;
  }
  boolean(value, path, options = {}) {
    if (value === void 0 && options.optional) return void 0;
    if (value === null && options.nullable) return void 0;
    if (typeof value === "boolean") return value;
    this.problem(path, "true or false", value);
    return void 0;
  }
  /** A mapping whose every value is checked by `each` (path of each entry is `path.key`). */
  record(value, path, each, options = {}) {
    const obj = this.object(value, path, options);
    if (!obj) return;
    for (const [key, entry] of Object.entries(obj)) each(entry, `${path}.${key}`);
  }
  /** Throws one error naming the file and every problem found, if any. */
  finish() {
    if (this.problems.length > 0) throw new InputFileError(this.file, this.problems);
  }
};

export {
  isObject,
  isFiniteNumber,
  Validator
};

/**
 * A tiny collecting validator: walks parsed JSON/YAML and records every problem with its key
 * path, so one error can name all bad keys of a file at once.
 */
import { InputFileError } from '../errors.js';

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing (key absent)';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  if (typeof value === 'object') return 'a mapping';
  const text = JSON.stringify(value);
  return `${typeof value} ${text.length > 40 ? `${text.slice(0, 37)}...` : text}`;
}

interface FieldOptions {
  optional?: boolean;
  nullable?: boolean;
}

export class Validator {
  readonly problems: string[] = [];

  constructor(readonly file: string) {}

  problem(path: string, expected: string, got: unknown): void {
    this.problems.push(`${path}: expected ${expected}, got ${describe(got)}`);
  }

  object(value: unknown, path: string, options: FieldOptions = {}): JsonObject | undefined {
    if (value === undefined && options.optional) return undefined;
    if (value === null && options.nullable) return undefined;
    if (isObject(value)) return value;
    this.problem(path, 'a mapping', value);
    return undefined;
  }

  string(value: unknown, path: string, options: FieldOptions = {}): string | undefined {
    if (value === undefined && options.optional) return undefined;
    if (value === null && options.nullable) return undefined;
    if (typeof value === 'string') return value;
    this.problem(path, 'a string', value);
    return undefined;
  }

  /** A finite number, not negative: every measured quantity we read is a time, size, rate or count. */
  number(value: unknown, path: string, options: FieldOptions = {}): number | undefined {
    if (value === undefined && options.optional) return undefined;
    if (value === null && options.nullable) return undefined;
    if (isFiniteNumber(value) && value >= 0) return value;
    this.problem(path, 'a number >= 0', value);
    return undefined;
  }

  boolean(value: unknown, path: string, options: FieldOptions = {}): boolean | undefined {
    if (value === undefined && options.optional) return undefined;
    if (value === null && options.nullable) return undefined;
    if (typeof value === 'boolean') return value;
    this.problem(path, 'true or false', value);
    return undefined;
  }

  /** A mapping whose every value is checked by `each` (path of each entry is `path.key`). */
  record(value: unknown, path: string, each: (entry: unknown, entryPath: string) => void, options: FieldOptions = {}): void {
    const obj = this.object(value, path, options);
    if (!obj) return;
    for (const [key, entry] of Object.entries(obj)) each(entry, `${path}.${key}`);
  }

  /** Throws one error naming the file and every problem found, if any. */
  finish(): void {
    if (this.problems.length > 0) throw new InputFileError(this.file, this.problems);
  }
}

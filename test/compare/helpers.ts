/** Sides and thresholds for gate tests, built from the real fixtures (copies only; fixtures are never edited). */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parse, stringify } from 'yaml';
import { loadMeasuredRun } from '../../src/formats/loaders.js';
import type { MeasuredRun, Side } from '../../src/compare/types.js';
import type { Profile } from '../../src/formats/profile.js';
import type { Operator, RuleForm, Threshold, ThresholdKind } from '../../src/compare/grammar/thresholds/types.js';

export function side(name: Side['name'], ...runs: MeasuredRun[]): Side {
  return { name, runs };
}

export function run(profile: string, evalDir?: string): MeasuredRun {
  return loadMeasuredRun(profile, evalDir !== undefined ? { evalDir } : {});
}

/** A threshold as the parser would produce it from `rule` (e.g. "<= -20%", ">= -0.01", "<= 650"). */
export function threshold(metric: string, rule: string, kind: ThresholdKind = 'guardrail', extra: Partial<Threshold> = {}): Threshold {
  const m = /^(<=|<|>=|>)\s*([+-]?)(\d+(?:\.\d+)?)(%?)$/.exec(rule.trim());
  if (!m) throw new Error(`test rule not understood: ${rule}`);
  const [, op, sign, digits, percent] = m as unknown as [string, Operator, string, string, string];
  const form: RuleForm = percent ? 'relative' : sign ? 'delta' : 'absolute';
  const value = Number(`${sign === '-' ? '-' : ''}${digits}`);
  return { metric, rule: { op, form, value, text: rule }, kind, optional: false, line: 1, origin: 'block', ...extra };
}

export function tempDir(prefix = 'og-gate-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Writes a copy of a profile YAML with `edit` applied to its parsed content; returns the new path. */
export function profileCopy(source: string, dir: string, name: string, edit: (doc: Profile) => void = () => {}): string {
  const doc = parse(readFileSync(source, 'utf8')) as Profile;
  edit(doc);
  const path = join(dir, name.endsWith('.yaml') ? name : `${name}.yaml`);
  writeFileSync(path, stringify(doc));
  return path;
}

/** Sets `value` at a dotted path of a parsed JSON document (the path must exist up to its parent). */
export function setPath(doc: unknown, path: string, value: unknown): void {
  const keys = path.split('.');
  const last = keys.pop() as string;
  let node = doc as Record<string, unknown>;
  for (const key of keys) node = node[key] as Record<string, unknown>;
  node[last] = value;
}

/**
 * Writes a copy of `sourceDir/metrics.json` with `edits` (dotted path → value) into `dir/<name>/`;
 * returns that directory. */
export function evalCopy(sourceDir: string, dir: string, name: string, edits: Record<string, unknown> = {}): string {
  const doc = JSON.parse(readFileSync(join(sourceDir, 'metrics.json'), 'utf8')) as unknown;
  for (const [path, value] of Object.entries(edits)) setPath(doc, path, value);
  const out = join(dir, name);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'metrics.json'), JSON.stringify(doc));
  return out;
}

/** Repeated runs: copies of `source` whose total wall time is multiplied by each factor. */
export function wallRepeats(source: string, dir: string, prefix: string, factors: readonly number[]): MeasuredRun[] {
  return factors.map((f, i) =>
    run(
      profileCopy(source, dir, `${prefix}-${i + 1}-${basename(source)}`, (doc) => {
        doc.totals.wall_time_s = Math.round(doc.totals.wall_time_s * f * 10000) / 10000;
      }),
    ),
  );
}

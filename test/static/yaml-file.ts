/**
 * The files the static checks read (workflows, starter templates, action metadata), parsed once with
 * positions so every finding can name its file and line.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LineCounter, isMap, isScalar, parseDocument, type Document } from 'yaml';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface Finding {
  file: string;
  line?: number;
  check: string;
  message: string;
}

export function formatFinding(f: Finding): string {
  return `${f.file}${f.line !== undefined ? `:${f.line}` : ''} [${f.check}] ${f.message}`;
}

export type FileKind = 'workflow' | 'template' | 'action';

export interface YamlFile {
  /** Repository-relative path, used in findings. */
  path: string;
  kind: FileKind;
  text: string;
  /** The document as plain data; `undefined` when it does not parse. */
  data: unknown;
  doc: Document.Parsed;
  lines: LineCounter;
}

export function parseYamlFile(path: string, kind: FileKind, text: string): YamlFile {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true });
  const data: unknown = doc.errors.length > 0 ? undefined : doc.toJS({ maxAliasCount: 100 });
  return { path, kind, text, data, doc, lines };
}

/** YAML syntax errors as findings (a file that does not parse gets no other check). */
export function syntaxFindings(file: YamlFile): Finding[] {
  return file.doc.errors.map((e) => ({
    file: file.path,
    line: e.linePos?.[0]?.line,
    check: 'yaml',
    message: e.message.split('\n')[0] ?? e.message,
  }));
}

type KeyPath = readonly (string | number)[];

/** 1-based line of the node at `path` (the nearest existing ancestor when the path is absent). */
export function lineOf(file: YamlFile, path: KeyPath): number | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    // A map entry is located at its key, where a reader looks for it (its value may start lines later).
    const parent: unknown = depth > 0 ? file.doc.getIn(path.slice(0, depth - 1), true) : undefined;
    if (isMap(parent)) {
      const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === path[depth - 1]);
      const keyRange = (pair?.key as { range?: [number, number, number] } | undefined)?.range;
      if (keyRange) return file.lines.linePos(keyRange[0]).line;
    }
    const node: unknown = file.doc.getIn(path.slice(0, depth), true);
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    if (range) return file.lines.linePos(range[0]).line;
  }
  return undefined;
}

/** 1-based line of the first occurrence of `needle` inside the source of the node at `path`. */
export function lineOfTextIn(file: YamlFile, path: KeyPath, needle: string): number | undefined {
  const node: unknown = file.doc.getIn(path, true);
  const range = (node as { range?: [number, number, number] } | undefined)?.range;
  if (!range) return lineOf(file, path);
  const at = file.text.slice(range[0], range[1]).indexOf(needle);
  return at === -1 ? lineOf(file, path) : file.lines.linePos(range[0] + at).line;
}

// Small typed views of parsed YAML.
export type YamlMap = Record<string, unknown>;

export function asMap(value: unknown): YamlMap | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as YamlMap) : undefined;
}

export function asList(value: unknown): unknown[] | undefined {
  return Array.isArray(value) ? value : undefined;
}

export interface StepRef {
  /** Job id for workflow steps; undefined for the steps of a composite action. */
  job?: string;
  index: number;
  step: YamlMap;
  path: (string | number)[];
}

export function describeStep(ref: StepRef): string {
  const name = typeof ref.step.name === 'string' ? `"${ref.step.name}"` : `#${ref.index + 1}`;
  return ref.job !== undefined ? `job ${ref.job}, step ${name}` : `step ${name}`;
}

export interface JobRef {
  id: string;
  job: YamlMap;
  path: (string | number)[];
}

export function jobsOf(file: YamlFile): JobRef[] {
  const jobs = asMap(asMap(file.data)?.jobs) ?? {};
  return Object.entries(jobs).flatMap(([id, job]) => {
    const map = asMap(job);
    return map ? [{ id, job: map, path: ['jobs', id] }] : [];
  });
}

/** Steps of every job of a workflow, or of a composite action's `runs.steps`. */
export function stepsOf(file: YamlFile): StepRef[] {
  if (file.kind === 'action') {
    const steps = asList(asMap(asMap(file.data)?.runs)?.steps) ?? [];
    return steps.flatMap((step, index) => {
      const map = asMap(step);
      return map ? [{ index, step: map, path: ['runs', 'steps', index] }] : [];
    });
  }
  return jobsOf(file).flatMap(({ id, job }) =>
    (asList(job.steps) ?? []).flatMap((step, index) => {
      const map = asMap(step);
      return map ? [{ job: id, index, step: map, path: ['jobs', id, 'steps', index] }] : [];
    }),
  );
}

/** The `on:` triggers of a workflow as a map (a string or list of event names becomes keys). */
export function triggersOf(file: YamlFile): YamlMap {
  const on = asMap(file.data)?.on;
  if (typeof on === 'string') return { [on]: null };
  const list = asList(on);
  if (list) return Object.fromEntries(list.map((e) => [String(e), null]));
  return asMap(on) ?? {};
}

function yamlFilesIn(dir: string): string[] {
  if (!existsSync(join(REPO_ROOT, dir))) return [];
  return readdirSync(join(REPO_ROOT, dir))
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => `${dir}/${name}`);
}

/** Action metadata files: `action.yml` at the root and in first-level folders (composite actions). */
function actionFiles(): string[] {
  const skip = new Set(['node_modules', 'dist', 'test', 'src', 'coverage', 'out']);
  const dirs = readdirSync(REPO_ROOT, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('.') && !skip.has(d.name))
    .map((d) => d.name)
    .sort();
  return ['', ...dirs.map((d) => `${d}/`)].flatMap((prefix) => ['action.yml', 'action.yaml'].map((name) => `${prefix}${name}`).filter((p) => existsSync(join(REPO_ROOT, p))));
}

export const WORKFLOWS_DIR = '.github/workflows';
export const TEMPLATES_DIR = 'workflows-templates';

/** Every file the static checks cover, read from this repository. */
export function loadRepositoryFiles(): YamlFile[] {
  const read = (path: string, kind: FileKind) => parseYamlFile(path, kind, readFileSync(join(REPO_ROOT, path), 'utf8'));
  return [...yamlFilesIn(WORKFLOWS_DIR).map((p) => read(p, 'workflow')), ...yamlFilesIn(TEMPLATES_DIR).map((p) => read(p, 'template')), ...actionFiles().map((p) => read(p, 'action'))];
}

export function listTemplateFiles(): string[] {
  if (!existsSync(join(REPO_ROOT, TEMPLATES_DIR))) return [];
  return readdirSync(join(REPO_ROOT, TEMPLATES_DIR)).sort();
}

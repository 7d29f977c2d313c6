/**
 * Hypotheses in the modes that measure: read from the optimization issue (when one is named and its
 * author is trusted, as thresholds are) and the `thresholds` input, evaluated on the measured runs,
 * logged, written to hypotheses.json. Gate mode gets them through the gate result.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluateHypotheses, renderHypothesesJson, type Hypothesis, type HypothesisResult, type SideName } from '../compare/grammar/hypotheses/index.js';
import { formatProblem, parseInlineThresholds, type ThresholdSpec } from '../compare/grammar/thresholds/index.js';
import type { StatusRun } from './status.js';
import type { MeasuredRun } from '../compare/types.js';
import { errorMessage } from '../errors.js';
import { hypothesisLine } from '../report/hypotheses.js';
import { resolveIssueNumber } from './context.js';
import type { Session } from './session.js';
import { loadThresholds } from './thresholds.js';

export const HYPOTHESES_FILE = 'hypotheses.json';

export interface LoadedHypotheses {
  hypotheses: Hypothesis[];
  /** Why some were not read (an untrusted issue, an unreadable one, problems in the block). */
  notes: string[];
  /** `max-cost-usd:` of the block, if written. */
  maxCostUsd?: number;
  /** The block read (for the issue's status comment), and who wrote the issue's part, when it was read. */
  spec: ThresholdSpec;
  trust?: StatusRun['trust'];
}

/** The hypotheses of this run, for a mode that does not gate; a problem never stops the measurement. */
export async function loadHypotheses(session: Session): Promise<LoadedHypotheses> {
  const { config, context, io, api } = session;
  const notes: string[] = [];
  let trust: StatusRun['trust'];
  const found = resolveIssueNumber(config, context);
  let spec = config.thresholds.trim() !== '' ? parseInlineThresholds(config.thresholds) : { thresholds: [], problems: [] };
  if (found && api) {
    try {
      const loaded = await loadThresholds(config, context, api, (line) => io.info(line));
      if (loaded.issue) trust = { author: loaded.issue.authorLogin, permission: loaded.permission ?? 'none', trusted: loaded.refusal === undefined };
      if (loaded.refusal) notes.push(`hypotheses of issue #${found.number} not evaluated: ${loaded.refusal}`);
      spec = loaded.spec;
    } catch (error) {
      notes.push(`hypotheses of issue #${found.number} not evaluated: the issue could not be read (${errorMessage(error)})`);
    }
  }
  for (const problem of spec.problems) io.warning(formatProblem(problem), { title: 'optimization-gate: problem in the issue block' });
  if (spec.problems.length > 0) notes.push(`${spec.problems.length} problem(s) in the thresholds/hypotheses block (see the warnings): a hypothesis with a problem is not evaluated`);
  for (const note of notes) io.warning(note);
  return { hypotheses: spec.hypotheses ?? [], notes, spec, ...(trust ? { trust } : {}), ...(spec.maxCostUsd !== undefined ? { maxCostUsd: spec.maxCostUsd } : {}) };
}

/** Evaluates them on one side's runs and logs one line each. */
export function evaluateOnRuns(session: Session, hypotheses: readonly Hypothesis[], side: SideName, runs: readonly MeasuredRun[]): HypothesisResult[] {
  const results = evaluateHypotheses(hypotheses, [{ name: side, runs }]);
  logHypotheses(session, results);
  return results;
}

export function logHypotheses(session: Session, results: readonly HypothesisResult[]): void {
  for (const h of results) for (const side of h.sides) session.io.info(hypothesisLine(h.id, side, h.sides.length > 1));
}

/** hypotheses.json in `dir`, when there are any; its path (for the artifact). */
export function writeHypothesesJson(dir: string, results: readonly HypothesisResult[]): string[] {
  if (results.length === 0) return [];
  const path = join(dir, HYPOTHESES_FILE);
  writeFileSync(path, renderHypothesesJson(results));
  return [path];
}

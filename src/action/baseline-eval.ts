/**
 * The baseline's eval results named apart from its profile: the `baseline-eval` input, else the
 * issue's `baseline: { eval: … }` (only when the input does not name the baseline itself: a baseline
 * named by the input brings its own eval results, or none). How the baseline's files are fetched is
 * resolve-baseline.ts's business; this only says which eval directory goes with them.
 */
import { errorMessage, isUserError } from '../errors.js';
import { resolveEvalDir, type ResolvedEvalDir } from '../formats/eval-dir.js';
import type { ActionConfig } from '../inputs/config.js';
import type { ThresholdSpec } from '../compare/grammar/thresholds/index.js';

export interface BaselineEvalName {
  name: string;
  /** `input baseline-eval` or `issue baseline: eval` (issue text stays inside the checkout). */
  from: 'input' | 'issue';
}

export function baselineEvalName(config: Pick<ActionConfig, 'baselineEval' | 'baseline'>, spec: Pick<ThresholdSpec, 'baselineEval'>): BaselineEvalName | undefined {
  if (config.baselineEval !== undefined) return { name: config.baselineEval, from: 'input' };
  if (config.baseline.kind === 'auto' && spec.baselineEval !== undefined) return { name: spec.baselineEval, from: 'issue' };
  return undefined;
}

/**
 * The eval directory, or why it cannot be used (a non-passing outcome for the caller). `workingDir` is
 * the checkout, or the files of the base commit (`at` says which) for a name from the issue.
 */
export function resolveBaselineEval(named: BaselineEvalName, workingDir: string, at?: string): { found: ResolvedEvalDir } | { error: string } {
  try {
    const found = resolveEvalDir(named.name, workingDir, { insideCheckout: named.from === 'issue' });
    return { found: at === undefined ? found : { ...found, origin: `${found.origin} at ${at}` } };
  } catch (error) {
    const where = named.from === 'input' ? "input 'baseline-eval'" : 'issue baseline: eval';
    return { error: `baseline eval results (${where}): ${isUserError(error) ? error.message : errorMessage(error)}` };
  }
}

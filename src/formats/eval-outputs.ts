/**
 * The two outputs of an eval "experiment" run: the scorer's `metrics.json` (quality, gates,
 * latency, sometimes cost) and `eval_pipeline_metrics.json` (per-stage LLM calls, tokens, cost).
 * Both are open-ended; we check the keys we may gate on and keep everything else as it is.
 */
import { Validator, isObject, type JsonObject } from './validate.js';

export const EVAL_METRICS_FILE = 'metrics.json';
export const PIPELINE_METRICS_FILE = 'eval_pipeline_metrics.json';
/** What the eval run was measured on and with (dataset, git, provider, environment, runtime). */
export const FINGERPRINT_FILE = 'fingerprint.json';

export type EvalMetrics = JsonObject;
export type PipelineMetrics = JsonObject;
export type Fingerprint = JsonObject;

/** Numbers that may also be null ("not computed"), as the scorer writes them. */
function numbersOrNull(v: Validator, obj: JsonObject | undefined, path: string): void {
  if (!obj) return;
  for (const [key, value] of Object.entries(obj)) {
    if (typeof value === 'number' || value === null) v.number(value, `${path}.${key}`, { nullable: true });
  }
}

export function validateEvalMetrics(data: unknown, file: string): EvalMetrics {
  const v = new Validator(file);
  const root = v.object(data, '(root)');
  if (root) {
    const intrinsic = v.object(root.intrinsic, 'intrinsic', { optional: true });
    if (intrinsic) {
      const gates = v.object(intrinsic.gates, 'intrinsic.gates', { optional: true });
      if (gates) {
        for (const [key, value] of Object.entries(gates)) {
          if (key.endsWith('_rate')) v.number(value, `intrinsic.gates.${key}`, { nullable: true });
        }
        if (gates.failed_episodes !== undefined && !Array.isArray(gates.failed_episodes)) {
          v.problem('intrinsic.gates.failed_episodes', 'a list', gates.failed_episodes);
        }
      }
      const performance = v.object(intrinsic.performance, 'intrinsic.performance', { optional: true });
      for (const [key, value] of Object.entries(performance ?? {})) {
        v.number(value, `intrinsic.performance.${key}`, { nullable: true });
      }
      numbersOrNull(v, v.object(intrinsic.cost, 'intrinsic.cost', { optional: true, nullable: true }), 'intrinsic.cost');
    }
    const references = v.object(root.vs_reference, 'vs_reference', { optional: true, nullable: true });
    for (const [refId, ref] of Object.entries(references ?? {})) {
      // A failed reference is {"error": ...}; its metrics are then absent (the gate says "missing").
      if (!isObject(ref)) {
        v.problem(`vs_reference.${refId}`, 'a mapping', ref);
        continue;
      }
      numbersOrNull(v, ref, `vs_reference.${refId}`);
    }
  }
  v.finish();
  return data as EvalMetrics;
}

const PIPELINE_NUMERIC = /^(llm_.*_(calls|input_tokens|output_tokens|cost_usd)|total_.*_(usd|tokens))$/;

export function validatePipelineMetrics(data: unknown, file: string): PipelineMetrics {
  const v = new Validator(file);
  const root = v.object(data, '(root)');
  if (root) {
    for (const [key, value] of Object.entries(root)) {
      if (PIPELINE_NUMERIC.test(key)) v.number(value, key, { nullable: true });
    }
    v.record(root.llm_token_totals_by_stage, 'llm_token_totals_by_stage', (stage, path) => numbersOrNull(v, v.object(stage, path), path), { optional: true });
  }
  v.finish();
  return data as PipelineMetrics;
}

/** fingerprint.json: only its shape is checked (a mapping whose known blocks are mappings); every key is kept. */
export function validateFingerprint(data: unknown, file: string): Fingerprint {
  const v = new Validator(file);
  const root = v.object(data, '(root)');
  if (root) {
    const context = v.object(root.run_context, 'run_context', { optional: true, nullable: true });
    v.string(context?.dataset_id, 'run_context.dataset_id', { optional: true, nullable: true });
    for (const key of ['environment', 'runtime', 'provider']) v.object(root[key], key, { optional: true, nullable: true });
  }
  v.finish();
  return data as Fingerprint;
}

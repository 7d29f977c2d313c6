import { createRequire as __ogCreateRequire } from 'node:module'; const require = __ogCreateRequire(import.meta.url);
import {
  evalDirFor,
  stageTruthPathFor,
  validateProfile,
  validateStageTruth
} from "./chunk-D7UG36OI.js";
import {
  readJson,
  readYaml
} from "./chunk-UHNHABYH.js";
import {
  Validator,
  isObject
} from "./chunk-T4TF7QUX.js";
import {
  UserError
} from "./chunk-LDP73T3D.js";

// src/formats/loaders.ts
import { existsSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";

// src/formats/eval-outputs.ts
var EVAL_METRICS_FILE = "metrics.json";
var PIPELINE_METRICS_FILE = "eval_pipeline_metrics.json";
var FINGERPRINT_FILE = "fingerprint.json";
function numbersOrNull(v, obj, path) {
  if (!obj) return;
  for (const [key, value] of Object.entries(obj)) {
    if (typeof value === "number" || value === null) v.number(value, `${path}.${key}`, { nullable: true });
  }
}
function validateEvalMetrics(data, file) {
  const v = new Validator(file);
  const root = v.object(data, "(root)");
  if (root) {
    const intrinsic = v.object(root.intrinsic, "intrinsic", { optional: true });
    if (intrinsic) {
      const gates = v.object(intrinsic.gates, "intrinsic.gates", { optional: true });
      if (gates) {
        for (const [key, value] of Object.entries(gates)) {
          if (key.endsWith("_rate")) v.number(value, `intrinsic.gates.${key}`, { nullable: true });
        }
        if (gates.failed_episodes !== void 0 && !Array.isArray(gates.failed_episodes)) {
          v.problem("intrinsic.gates.failed_episodes", "a list", gates.failed_episodes);
        }
      }
      const performance = v.object(intrinsic.performance, "intrinsic.performance", { optional: true });
      for (const [key, value] of Object.entries(performance ?? {})) {
        v.number(value, `intrinsic.performance.${key}`, { nullable: true });
      }
      numbersOrNull(v, v.object(intrinsic.cost, "intrinsic.cost", { optional: true, nullable: true }), "intrinsic.cost");
    }
    const references = v.object(root.vs_reference, "vs_reference", { optional: true, nullable: true });
    for (const [refId, ref] of Object.entries(references ?? {})) {
      if (!isObject(ref)) {
        v.problem(`vs_reference.${refId}`, "a mapping", ref);
        continue;
      }
      numbersOrNull(v, ref, `vs_reference.${refId}`);
    }
  }
  v.finish();
  return data;
}
var PIPELINE_NUMERIC = /^(llm_.*_(calls|input_tokens|output_tokens|cost_usd)|total_.*_(usd|tokens))$/;
function validatePipelineMetrics(data, file) {
  const v = new Validator(file);
  const root = v.object(data, "(root)");
  if (root) {
    for (const [key, value] of Object.entries(root)) {
      if (PIPELINE_NUMERIC.test(key)) v.number(value, key, { nullable: true });
    }
    v.record(root.llm_token_totals_by_stage, "llm_token_totals_by_stage", (stage, path) => numbersOrNull(v, v.object(stage, path), path), { optional: true });
  }
  v.finish();
  return data;
}
function validateFingerprint(data, file) {
  const v = new Validator(file);
  const root = v.object(data, "(root)");
  if (root) {
    const context = v.object(root.run_context, "run_context", { optional: true, nullable: true });
    v.string(context?.dataset_id, "run_context.dataset_id", { optional: true, nullable: true });
    for (const key of ["environment", "runtime", "provider"]) v.object(root[key], key, { optional: true, nullable: true });
  }
  v.finish();
  return data;
}

// src/formats/loaders.ts
function evalDirCandidates(profilePath) {
  return [evalDirFor(profilePath), dirname(profilePath)];
}
function loadProfileFile(path) {
  return validateProfile(readYaml(path), path);
}
function loadStageTruthFile(path) {
  return validateStageTruth(readJson(path), path);
}
function pickEvalDir(profilePath, given) {
  if (given !== void 0) {
    if (!existsSync(given) || !statSync(given).isDirectory()) throw new UserError(`eval output directory not found: ${given}`);
    return { dir: given, candidates: [given] };
  }
  const candidates = evalDirCandidates(profilePath);
  const dir = candidates.find((d) => existsSync(join(d, EVAL_METRICS_FILE)) || existsSync(join(d, PIPELINE_METRICS_FILE)));
  return { ...dir !== void 0 ? { dir } : {}, candidates };
}
function optionalJson(path, validate) {
  return existsSync(path) ? validate(readJson(path), path) : void 0;
}
function loadMeasuredRun(profilePath, options = {}) {
  const profile = loadProfileFile(profilePath);
  const truthPath = stageTruthPathFor(profilePath);
  const truth = optionalJson(truthPath, validateStageTruth);
  const { dir, candidates } = pickEvalDir(profilePath, options.evalDir);
  const dirs = dir !== void 0 ? [dir] : candidates;
  const evalPath = dir !== void 0 ? join(dir, EVAL_METRICS_FILE) : void 0;
  const costPath = dir !== void 0 ? join(dir, PIPELINE_METRICS_FILE) : void 0;
  const fingerprintPath = dir !== void 0 ? join(dir, FINGERPRINT_FILE) : void 0;
  const evalMetrics = evalPath !== void 0 ? optionalJson(evalPath, validateEvalMetrics) : void 0;
  const costMetrics = costPath !== void 0 ? optionalJson(costPath, validatePipelineMetrics) : void 0;
  const fingerprint = fingerprintPath !== void 0 ? optionalJson(fingerprintPath, validateFingerprint) : void 0;
  const looked = {};
  if (!truth) looked.truth = [truthPath];
  if (!evalMetrics) looked.eval = dirs.map((d) => join(d, EVAL_METRICS_FILE));
  if (!costMetrics) looked.cost = dirs.map((d) => join(d, PIPELINE_METRICS_FILE));
  return {
    label: basename(profilePath),
    files: {
      profile: profilePath,
      ...truth ? { truth: truthPath } : {},
      ...evalMetrics && evalPath ? { eval: evalPath } : {},
      ...costMetrics && costPath ? { cost: costPath } : {},
      ...fingerprint && fingerprintPath ? { fingerprint: fingerprintPath } : {}
    },
    looked,
    profile,
    ...truth ? { truth } : {},
    ...evalMetrics ? { eval: evalMetrics } : {},
    ...costMetrics ? { cost: costMetrics } : {},
    ...fingerprint ? { fingerprint } : {}
  };
}

export {
  EVAL_METRICS_FILE,
  PIPELINE_METRICS_FILE,
  FINGERPRINT_FILE,
  validatePipelineMetrics,
  loadProfileFile,
  loadStageTruthFile,
  loadMeasuredRun
};

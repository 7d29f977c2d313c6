import { createRequire as __ogCreateRequire } from 'node:module'; const require = __ogCreateRequire(import.meta.url);
import {
  require_dist
} from "./chunk-UHNHABYH.js";
import {
  Validator
} from "./chunk-T4TF7QUX.js";
import {
  __toESM
} from "./chunk-Y2US2WXL.js";

// src/formats/run-files.ts
var PROFILE_SUFFIX = ".yaml";
var STAGE_TRUTH_SUFFIX = ".stage_truth.json";
var SAMPLES_SUFFIX = ".samples.jsonl";
var EVENTS_SUFFIX = ".events.jsonl";
var EVAL_DIR_SUFFIX = ".eval";
var RUN_FILE_SUFFIXES = [PROFILE_SUFFIX, STAGE_TRUTH_SUFFIX, SAMPLES_SUFFIX, EVENTS_SUFFIX];
function profileStem(profilePath) {
  return profilePath.replace(/\.ya?ml$/i, "");
}
function runFilesOf(stem, events) {
  return {
    profile: `${stem}${PROFILE_SUFFIX}`,
    stageTruth: `${stem}${STAGE_TRUTH_SUFFIX}`,
    samples: `${stem}${SAMPLES_SUFFIX}`,
    events: events ?? `${stem}${EVENTS_SUFFIX}`
  };
}
function repeatStem(stem, k, repeat) {
  return repeat === 1 ? stem : `${stem}.run-${k}`;
}
function warmupEventsPath(stem) {
  return `${stem}.warmup${EVENTS_SUFFIX}`;
}
function stageTruthPathFor(profilePath) {
  return `${profileStem(profilePath)}${STAGE_TRUTH_SUFFIX}`;
}
function samplesPathFor(profilePath) {
  return `${profileStem(profilePath)}${SAMPLES_SUFFIX}`;
}
function evalDirFor(profilePath) {
  return `${profileStem(profilePath)}${EVAL_DIR_SUFFIX}`;
}
function samplesStem(samplesPath) {
  return samplesPath.endsWith(SAMPLES_SUFFIX) ? samplesPath.slice(0, -SAMPLES_SUFFIX.length) : samplesPath;
}

// src/formats/profile.ts
var import_yaml = __toESM(require_dist(), 1);
function validateProfile(data, file) {
  const v = new Validator(file);
  const root = v.object(data, "(root)");
  if (root) {
    v.string(root.release, "release");
    v.string(root.date, "date");
    v.string(root.dataset_id, "dataset_id");
    v.number(root.episodes_processed, "episodes_processed", { optional: true, nullable: true });
    v.object(root.environment, "environment");
    v.record(root.stages, "stages", (stage, path) => {
      const s = v.object(stage, path);
      if (!s) return;
      v.number(s.wall_time_s, `${path}.wall_time_s`);
      v.number(s.peak_rss_mb, `${path}.peak_rss_mb`);
      v.number(s.avg_cpu_pct, `${path}.avg_cpu_pct`);
    });
    const totals = v.object(root.totals, "totals");
    if (totals) {
      v.number(totals.peak_rss_mb, "totals.peak_rss_mb");
      v.number(totals.wall_time_s, "totals.wall_time_s");
      v.number(totals.avg_wall_time_per_episode_s, "totals.avg_wall_time_per_episode_s", { optional: true, nullable: true });
      v.string(totals.sampling_note, "totals.sampling_note", { optional: true });
      v.string(totals.memory_metric, "totals.memory_metric", { optional: true });
    }
    v.object(root.promoted, "promoted", { optional: true, nullable: true });
    v.string(root.status, "status", { optional: true });
  }
  v.finish();
  return data;
}
function renderProfileYaml(profile) {
  return (0, import_yaml.stringify)(profile, { lineWidth: 90, indent: 2, version: "1.1" });
}

// src/formats/stage-truth.ts
function validateStageTruth(data, file) {
  const v = new Validator(file);
  const root = v.object(data, "(root)");
  if (root) {
    v.number(root.profile_stage_truth_version, "profile_stage_truth_version");
    v.string(root.release, "release");
    v.string(root.dataset_id, "dataset_id");
    v.string(root.source_metrics_path, "source_metrics_path", { optional: true, nullable: true });
    v.number(root.sample_interval_s, "sample_interval_s");
    v.number(root.run_wall_s, "run_wall_s");
    v.number(root.sum_mapped_stage_wall_s, "sum_mapped_stage_wall_s");
    v.number(root.parallelism_hint_ratio, "parallelism_hint_ratio", { nullable: true });
    v.record(root.wall_seconds_by_stage, "wall_seconds_by_stage", (wall, path) => v.number(wall, path));
    v.record(root.resource_by_stage_psutil, "resource_by_stage_psutil", (stage, path) => {
      const s = v.object(stage, path);
      if (!s) return;
      v.number(s.peak_rss_mb, `${path}.peak_rss_mb`);
      v.number(s.avg_cpu_pct, `${path}.avg_cpu_pct`);
    });
    v.number(root.global_peak_rss_mb_sampled, "global_peak_rss_mb_sampled");
    v.object(root.metrics_excerpt, "metrics_excerpt", { optional: true, nullable: true });
    v.object(root.rfc065_monitor, "rfc065_monitor", { optional: true, nullable: true });
  }
  v.finish();
  return data;
}
function renderStageTruthJson(truth) {
  return `${JSON.stringify(truth, null, 2)}
`;
}

export {
  validateProfile,
  renderProfileYaml,
  validateStageTruth,
  renderStageTruthJson,
  PROFILE_SUFFIX,
  STAGE_TRUTH_SUFFIX,
  SAMPLES_SUFFIX,
  RUN_FILE_SUFFIXES,
  profileStem,
  runFilesOf,
  repeatStem,
  warmupEventsPath,
  stageTruthPathFor,
  samplesPathFor,
  evalDirFor,
  samplesStem
};

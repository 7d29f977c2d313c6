import { createRequire as __ogCreateRequire } from 'node:module'; const require = __ogCreateRequire(import.meta.url);
import {
  outputsOf,
  parseEventsText,
  readMetricsFile,
  samplesOf,
  scanSamplesFile,
  writeOutput
} from "./chunk-JHBIKGU6.js";
import {
  profileStem,
  renderProfileYaml,
  renderStageTruthJson,
  runFilesOf,
  samplesStem
} from "./chunk-D7UG36OI.js";
import {
  readText
} from "./chunk-UHNHABYH.js";

// src/measure/rebuild.ts
import { existsSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
function eventsFileFor(samplesPath, headerPath, asked) {
  if (asked !== void 0) return { path: asked, found: existsSync(asked) };
  if (headerPath === null) return { path: null, found: false };
  if (existsSync(headerPath)) return { path: headerPath, found: true };
  const beside = join(dirname(samplesPath), basename(headerPath));
  return existsSync(beside) ? { path: beside, found: true } : { path: headerPath, found: false };
}
function rebuildFromSamples(samplesPath, options = {}) {
  const scan = scanSamplesFile(samplesPath);
  const { header, statuses, end } = scan;
  const warnings = [...scan.warnings];
  const stages = options.stageSource ?? header.stage_source;
  const events = eventsFileFor(samplesPath, header.events_path, options.eventsPath);
  let parsedEvents = { events: [], warnings: [] };
  if (events.found && events.path !== null) parsedEvents = parseEventsText(readText(events.path), events.path);
  else if (events.path !== null) warnings.push(`stage events file not found: ${events.path}`);
  if (stages.kind === "status-file" && header.status_file === null) {
    warnings.push("the run did not poll a status file: there are no status changes to rebuild stages from");
  }
  const endedAt = end?.t ?? scan.lastSampleT ?? header.started_at;
  if (!end) {
    warnings.push(`rebuilt from ${samplesPath} after the sampler stopped before the command ended; the run's end is the last sample`);
  }
  const raw = {
    startedAt: header.started_at,
    endedAt,
    rootPid: header.root_pid,
    memoryMetric: header.memory_metric,
    samples: samplesOf(samplesPath),
    statuses,
    events: parsedEvents.events,
    eventWarnings: parsedEvents.warnings,
    status: end?.status ?? options.statusIfUnfinished ?? "cancelled",
    exitCode: end?.exit_code ?? null,
    signal: end?.signal ?? null,
    warnings,
    probeSummary: { pss_snapshots: scan.pssSnapshots },
    ...header.containment ? { containment: header.containment } : {}
  };
  const stem = options.output !== void 0 ? profileStem(resolve(options.output)) : samplesStem(samplesPath);
  const files = {
    ...runFilesOf(stem, events.path ?? void 0),
    ...options.output !== void 0 ? { profile: resolve(options.output) } : {},
    samples: samplesPath
  };
  const metricsFile = stages.kind === "metrics" ? resolve(stages.path) : header.metrics_file;
  const { profile, truth } = outputsOf(raw, {
    options: {
      version: header.release,
      datasetId: header.dataset_id,
      ...header.episodes !== null ? { episodes: header.episodes } : {}
    },
    checked: { sampleIntervalS: header.sample_interval_s, stages },
    environment: scan.environment ?? header.environment,
    files,
    statusPath: (stages.kind === "status-file" ? stages.path : header.status_file) ?? void 0,
    metrics: metricsFile !== null ? readMetricsFile(metricsFile) : void 0
  });
  truth.rebuilt_from_samples = true;
  if (options.write ?? true) {
    writeOutput(files.profile, renderProfileYaml(profile));
    writeOutput(files.stageTruth, renderStageTruthJson(truth));
  }
  return { profile, truth, profilePath: files.profile, stageTruthPath: files.stageTruth, finished: end !== void 0 };
}

export {
  rebuildFromSamples
};

/**
 * The names of a measured run's files on disk, in one place. A run is named by its stem:
 * `<stem>.yaml` (profile), `<stem>.stage_truth.json`, `<stem>.samples.jsonl` (raw timeline),
 * `<stem>.events.jsonl` (stage events the command wrote), `<stem>.eval/` (eval outputs). Repeated
 * runs are `<stem>.run-K.*`, warm-ups write only `<stem>.warmup.events.jsonl`. Names only: no IO.
 */

export const PROFILE_SUFFIX = '.yaml';
export const STAGE_TRUTH_SUFFIX = '.stage_truth.json';
export const SAMPLES_SUFFIX = '.samples.jsonl';
export const EVENTS_SUFFIX = '.events.jsonl';
export const EVAL_DIR_SUFFIX = '.eval';

/** The files one measured run writes (the freeze, the rebuild), in the order they are listed for an artifact. */
export const RUN_FILE_SUFFIXES = [PROFILE_SUFFIX, STAGE_TRUTH_SUFFIX, SAMPLES_SUFFIX, EVENTS_SUFFIX] as const;

/** Paths of one run's files. */
export interface RunFiles {
  profile: string;
  stageTruth: string;
  samples: string;
  events: string;
}

/** `a/b/run.yaml` → `a/b/run` (the stem its companions are named after). */
export function profileStem(profilePath: string): string {
  return profilePath.replace(/\.ya?ml$/i, '');
}

/** The files of the run named `stem`; `events` is the file the command was told to write, when one was given. */
export function runFilesOf(stem: string, events?: string): RunFiles {
  return {
    profile: `${stem}${PROFILE_SUFFIX}`,
    stageTruth: `${stem}${STAGE_TRUTH_SUFFIX}`,
    samples: `${stem}${SAMPLES_SUFFIX}`,
    events: events ?? `${stem}${EVENTS_SUFFIX}`,
  };
}

/** The stem of the K-th of `repeat` measured runs (a single run keeps the plain stem). */
export function repeatStem(stem: string, k: number, repeat: number): string {
  return repeat === 1 ? stem : `${stem}.run-${k}`;
}

/** The events file of a warm-up run (removed after it unless the user named one). */
export function warmupEventsPath(stem: string): string {
  return `${stem}.warmup${EVENTS_SUFFIX}`;
}

export function stageTruthPathFor(profilePath: string): string {
  return `${profileStem(profilePath)}${STAGE_TRUTH_SUFFIX}`;
}

export function samplesPathFor(profilePath: string): string {
  return `${profileStem(profilePath)}${SAMPLES_SUFFIX}`;
}

/** `a/run.yaml` → `a/run.eval`: where a run's own eval outputs are kept. */
export function evalDirFor(profilePath: string): string {
  return `${profileStem(profilePath)}${EVAL_DIR_SUFFIX}`;
}

/** The stem of a samples file (`a/run.samples.jsonl` → `a/run`); another name is its own stem. */
export function samplesStem(samplesPath: string): string {
  return samplesPath.endsWith(SAMPLES_SUFFIX) ? samplesPath.slice(0, -SAMPLES_SUFFIX.length) : samplesPath;
}

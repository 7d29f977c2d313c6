/** The measuring API the action, the CLI and the scripts use. */
export { freeze, type FreezeOptions, type FreezeProgress, type FreezeResult, type FreezeRunResult, type RunFiles } from './freeze.js';
export { runExternalFreeze, checkFrozenProfile, PROFILE_OUTPUT_ENV, type ExternalFreezeOptions, type ExternalFreezeResult } from './external.js';
export { rebuildFromSamples, SAMPLES_SUFFIX, type RebuildOptions, type RebuildResult } from './rebuild.js';
export { openFreeze, type Freezer } from './freezer.js';
export { planSchedule, runSchedule, confirmationSlots, type RunSlot, type SlotKind, type SlotResult, type ScheduleStop, type ScheduleBudget } from './schedule.js';
export type { RunOrder } from './run-order.js';
export { defaultMeasureDeps, defaultProbeFactory } from './deps.js';
export { processCommandRunner, endStaleTreeGroups } from './containment.js';
export { plainCommandRunner } from './command.js';
export { sharedEnvironment } from './environment.js';
export { parseStageSource, formatStageSource, STAGE_EVENTS_ENV, DEFAULT_STATUS_FILE, type StageSourceSpec } from './stages/source.js';
export { parseSamplesFile, samplesFileEnded, type RunStatus, type Sample, type SamplesHeader } from './samples-file.js';
export type { MeasureDeps, CommandRunner, RunningCommand, TreeProbe, TreeProbeFactory, Clock, EnvironmentProbe, ContainmentMode, ContainmentInfo, TreeEnd } from './ports.js';

/** Picks the stage timeline of a run from what each source yielded (pure). */
import type { JsonObject } from '../../formats/validate.js';
import type { StatusObservation } from '../samples-file.js';
import { timelineFromEvents, type StageEvent } from './events.js';
import { metricsExcerpt, timelineFromMetrics } from './metrics.js';
import { wholeRunTimeline, type StageSourceSpec, type StageTimeline } from './source.js';
import { timelineFromStatus } from './status-file.js';

export interface StageInputs {
  spec: StageSourceSpec;
  runStart: number;
  runEnd: number;
  events: readonly StageEvent[];
  eventWarnings: readonly string[];
  eventsPath: string | null;
  statuses: readonly StatusObservation[];
  statusPath: string | null;
  /** The metrics file read after the run, when one was named: its content, or why it could not be read. */
  metrics?: { path: string; data?: JsonObject; error?: string };
}

export function resolveTimeline(inputs: StageInputs): { timeline: StageTimeline; metricsExcerpt?: JsonObject } {
  const { spec, runStart, runEnd } = inputs;
  const excerpt = inputs.metrics?.data ? { metricsExcerpt: metricsExcerpt(inputs.metrics.data) } : {};
  const eventsFile = inputs.eventsPath ?? 'stage events';
  // Malformed event lines are worth reporting whichever source wins.
  const carried = [...inputs.eventWarnings];
  const withCarried = (timeline: StageTimeline): StageTimeline => ({ ...timeline, warnings: [...carried, ...timeline.warnings] });

  const wantEvents = spec.kind === 'events' || (spec.kind === 'auto' && inputs.events.length > 0);
  if (wantEvents) {
    if (inputs.events.length > 0) {
      return { timeline: withCarried(timelineFromEvents(inputs.events, runStart, runEnd, eventsFile)), ...excerpt };
    }
    return { timeline: wholeRunTimeline(runStart, runEnd, [...carried, `no stage events were written to ${eventsFile}; one stage "run" covers the run`]), ...excerpt };
  }

  const wantStatus = spec.kind === 'status-file' || (spec.kind === 'auto' && inputs.statuses.length > 0);
  if (wantStatus) {
    const file = inputs.statusPath ?? 'status file';
    if (inputs.statuses.length > 0) {
      return { timeline: withCarried(timelineFromStatus(inputs.statuses, runStart, runEnd, file)), ...excerpt };
    }
    return { timeline: wholeRunTimeline(runStart, runEnd, [...carried, `${file} did not change during the run; one stage "run" covers the run`]), ...excerpt };
  }

  const wantMetrics = spec.kind === 'metrics' || (spec.kind === 'auto' && inputs.metrics !== undefined);
  if (wantMetrics && inputs.metrics) {
    const { path, data, error } = inputs.metrics;
    if (data) {
      const timeline = timelineFromMetrics(data, runStart, runEnd, path);
      if (timeline.order.length > 0) return { timeline: withCarried(timeline), ...excerpt };
      return { timeline: wholeRunTimeline(runStart, runEnd, [...carried, ...timeline.warnings]), ...excerpt };
    }
    return { timeline: wholeRunTimeline(runStart, runEnd, [...carried, `${path}: ${error ?? 'not readable'}; one stage "run" covers the run`]) };
  }

  return { timeline: wholeRunTimeline(runStart, runEnd, carried), ...excerpt };
}

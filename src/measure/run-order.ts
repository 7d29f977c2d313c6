/**
 * The run's place in the job, written into its stage_truth by the one who owns a run's files (the
 * measuring side), not patched in by the action.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { samplesPathFor, stageTruthPathFor } from '../formats/run-files.js';

/** Where a measured run stood: side, round, place in the whole sequence, whether it confirmed a first verdict. */
export interface RunOrder {
  side: string;
  round: number;
  sequence: number;
  confirmation: boolean;
}

/**
 * Writes where a run stood in the job into its stage_truth (`run_order`: side, round, place in the
 * sequence, whether it was a confirmation run, start and end), so interleaving and drift can be
 * checked afterwards. The clock is the job's own around the run when given (it covers the freeze's
 * start-up too); else the command's start from the samples header plus the run's wall time.
 */
export function recordRunOrder(profile: string, order: RunOrder, clock?: { startedAt: Date; endedAt: Date }): void {
  const truthPath = stageTruthPathFor(profile);
  const samplesPath = samplesPathFor(profile);
  try {
    const truth = JSON.parse(readFileSync(truthPath, 'utf8')) as Record<string, unknown>;
    let startedAt = clock?.startedAt.toISOString() ?? null;
    let endedAt = clock?.endedAt.toISOString() ?? null;
    if (!clock && existsSync(samplesPath)) {
      const header = JSON.parse(readFileSync(samplesPath, 'utf8').split('\n', 1)[0] ?? '{}') as { started_at?: unknown };
      const wall = typeof truth.run_wall_s === 'number' ? truth.run_wall_s : undefined;
      if (typeof header.started_at === 'number') {
        startedAt = new Date(header.started_at * 1000).toISOString();
        if (wall !== undefined) endedAt = new Date((header.started_at + wall) * 1000).toISOString();
      }
    }
    truth.run_order = { ...order, started_at: startedAt, ended_at: endedAt };
    writeFileSync(truthPath, `${JSON.stringify(truth, null, 2)}\n`);
  } catch {
    // An external freeze may write a stage_truth we cannot parse; the order is in the log.
  }
}

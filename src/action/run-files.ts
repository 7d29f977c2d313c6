/**
 * What every mode leaves of a run: the run-info.json the aggregate reads, the `profile` /
 * `stage-truth` outputs, and the listing of an output directory for the artifact.
 */
import { existsSync } from 'node:fs';
import { PROFILE_SUFFIX, stageTruthPathFor } from '../formats/run-files.js';
import { Outputs } from '../inputs/constants.js';
import type { MeasuredSide } from './measure-sides.js';
import type { Session } from './session.js';

export { BASE_WORKTREE_DIR, filesUnder } from './output-files.js';

export const RUN_INFO_FILE = 'run-info.json';

/** Who measured: read by `mode: aggregate` to label each runner's verdict (written and sealed by publishVerdict). */
export function runInfoText(session: Session, decision: string, issueNumber?: number): string {
  const info = {
    schema: 'optimization-gate/run-info@1',
    decision,
    runner_key: session.keyParts.runnerKey,
    runner_name: session.context.runner.name,
    hostname: session.hostname,
    dataset_id: session.keyParts.datasetId,
    workflow_run_id: session.context.runId,
    run_attempt: session.context.runAttempt,
    // Sealed with the verdict: what `promote` needs to store this run's candidate as the baseline.
    config_hash: session.keyParts.configHash,
    issue_number: issueNumber ?? null,
  };
  return `${JSON.stringify(info, null, 2)}\n`;
}

/** The `profile` / `stage-truth` outputs: the candidate's (median) profile. */
export function setProfileOutputs(session: Session, side: MeasuredSide | undefined): void {
  if (!side) return;
  const profile = [`${side.target.stem}${PROFILE_SUFFIX}`, ...side.profiles].find((p) => existsSync(p));
  if (!profile) return;
  session.io.setOutput(Outputs.Profile, profile);
  const truth = stageTruthPathFor(profile);
  if (existsSync(truth)) session.io.setOutput(Outputs.StageTruth, truth);
}

/**
 * The repository the action's flow and e2e tests gate: issue #7 with a maintainer's thresholds,
 * issue #8 with the same thresholds from an untrusted author, PR #21 closing #7 from a branch, and
 * PR #22 from a fork. The thresholds judge only what a test fixture determines (declared stage
 * times, eval and cost), never the machine's speed.
 */
import type { RepoSpec } from '../fakes/index.js';

export const ISSUE_BODY = [
  '## Objective',
  'Make transcription faster without losing quality.',
  '',
  '```optimization-gate',
  'thresholds:',
  '  profile.stages.transcribe.wall_time_s: { rule: "<= -20%", kind: target }',
  '  profile.stages.summarize.wall_time_s: "<= +10%"',
  '  eval.vs_reference.silver.rougeL_f1: ">= -0.02"',
  '  cost.total_stage_cost_usd: "<= +10%"',
  '```',
  '',
].join('\n');

export const OPTIMIZATION_REPO: RepoSpec = {
  fullName: 'acme/podcast-pipeline',
  collaborators: { maintainer: 'write' },
  issues: [
    { number: 7, user: 'maintainer', title: 'Faster transcription', body: ISSUE_BODY },
    { number: 8, user: 'drive-by', authorAssociation: 'NONE', title: 'Please gate my thresholds', body: ISSUE_BODY },
  ],
  pulls: [
    { number: 21, user: 'maintainer', title: 'Faster transcription', body: 'Closes #7', head: { ref: 'faster-transcribe' } },
    { number: 22, user: 'mallory', title: 'Also faster', body: 'Fixes #7', head: { ref: 'patch-1', repo: 'mallory/podcast-pipeline' } },
  ],
};

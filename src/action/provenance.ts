/**
 * Whether a stored baseline may be trusted: the run that stored it is checked through the API, never
 * through anything stored with it. A baseline refresh of this repository's default branch counts —
 * a run of this repository (not a fork), on the default branch, started by a trusted event
 * (schedule, push, workflow_dispatch), of a refresh workflow, at a commit of the default branch's
 * history. So does a promotion (docs/commands.md): a run of the commands workflow on the default
 * branch started by `issue_comment`, but only once a promote record written by the action's own
 * identity on the issue names that run (promoted-baseline.ts). Anything else (a fork PR from its own
 * `main`, a dispatched candidate, a run on another branch) may have run code nobody reviewed, so
 * what it stored is refused, and the report says why.
 */
import { basename } from 'node:path';
import type { GitHubApi, WorkflowRunInfo } from '../publish/github.js';

/** Events whose runs execute only code already on the branch, started by someone with write access. */
export const TRUSTED_EVENTS: readonly string[] = ['schedule', 'push', 'workflow_dispatch'];

export interface RefreshExpectation {
  /** `owner/name` of this repository. */
  repository: string;
  defaultBranch: string;
  /** Workflow file names that count as a baseline refresh (`refresh-workflows`). */
  refreshWorkflows: readonly string[];
  /** Workflow files whose `issue_comment` runs may store a promoted baseline (none: promotions are refused). */
  commandsWorkflows?: readonly string[];
}

/** The promotion a baseline stored by the commands workflow stands for, as its own-identity record says. */
export interface PromotionProvenance {
  issue: number;
  source_run_id: number;
  source_run_url: string;
  by: string;
  at: string;
  record_url: string;
}

/** Where a stored baseline came from, as recorded in gate.json and the report. */
export interface BaselineProvenance {
  source: 'cache' | 'artifact';
  /** The cache key or the artifact name (and id). */
  entry: string;
  run_id: number;
  run_number: number;
  run_attempt: number;
  event: string;
  workflow: string;
  head_branch: string;
  head_sha: string;
  created_at: string;
  html_url: string;
  /** Set when the baseline was stored by `/optimization-gate promote` (confirmed by its record). */
  promoted?: PromotionProvenance;
}

/** `kind`: what stored it; a `promote` run still needs its record checked (promoted-baseline.ts). */
export type RunVerdict = { ok: true; run: WorkflowRunInfo; kind: 'refresh' | 'promote' } | { ok: false; reason: string };

function fileName(workflowPath: string): string {
  return basename(workflowPath.split('@')[0] ?? '');
}

/** The refresh workflow the run is (its own file) or called (a reusable workflow), if any. */
/** Whether a run is not this repository's own: it belongs to another one, or ran a fork's code. */
export function foreignRun(run: Pick<WorkflowRunInfo, 'repository' | 'headRepository'>, repository: string): 'repository' | 'fork' | undefined {
  const same = (a: string) => a.toLowerCase() === repository.toLowerCase();
  if (!same(run.repository)) return 'repository';
  return same(run.headRepository) ? undefined : 'fork';
}

export function refreshWorkflowOf(run: Pick<WorkflowRunInfo, 'path' | 'referencedWorkflows'>, names: readonly string[]): string | undefined {
  return [run.path, ...run.referencedWorkflows].find((p) => names.includes(fileName(p)));
}

/** A promotion: an `issue_comment` run of a commands workflow (file name, or a reusable one it called). */
function isPromoteRun(run: WorkflowRunInfo, expect: RefreshExpectation): boolean {
  return run.event === 'issue_comment' && refreshWorkflowOf(run, expect.commandsWorkflows ?? []) !== undefined;
}

/** Checks the run that stored a baseline through the API; the first failed condition is the reason. */
export async function verifyStoringRun(api: GitHubApi, runId: number, expect: RefreshExpectation): Promise<RunVerdict> {
  let run: WorkflowRunInfo;
  try {
    run = await api.getWorkflowRun(runId);
  } catch (error) {
    return { ok: false, reason: `its run ${runId} cannot be read through the API (${(error as Error).message})` };
  }
  const foreign = foreignRun(run, expect.repository);
  if (foreign === 'repository') return { ok: false, reason: `run ${runId} belongs to ${run.repository || 'another repository'}` };
  if (foreign === 'fork') {
    return { ok: false, reason: `run ${runId} ran code from ${run.headRepository || 'a deleted repository'}, not from ${expect.repository} (a fork)` };
  }
  const promote = isPromoteRun(run, expect);
  if (!TRUSTED_EVENTS.includes(run.event) && !promote) {
    const commands = (expect.commandsWorkflows ?? []).length > 0 ? `; issue_comment only for a promotion by ${(expect.commandsWorkflows ?? []).join(', ')}` : '';
    return { ok: false, reason: `run ${runId} was started by ${run.event}, not by a trusted event (${TRUSTED_EVENTS.join(', ')}${commands})` };
  }
  if (run.headBranch !== expect.defaultBranch) {
    return { ok: false, reason: `run ${runId} ran on ${run.headBranch || '(no branch)'}, not on the default branch ${expect.defaultBranch}` };
  }
  if (!promote && refreshWorkflowOf(run, expect.refreshWorkflows) === undefined) {
    return {
      ok: false,
      reason: `run ${runId} is of ${run.path || 'an unknown workflow'}, not of a baseline refresh workflow (refresh-workflows: ${expect.refreshWorkflows.join(', ')})`,
    };
  }
  // The commit the run measured must be part of the default branch (a force-push may have dropped it).
  const relation = await api.compareCommits(run.headSha, expect.defaultBranch);
  if (relation !== 'identical' && relation !== 'ahead') {
    return { ok: false, reason: `run ${runId} measured ${run.headSha.slice(0, 12)}, which is not in the history of ${expect.defaultBranch} (${relation ?? 'unknown commit'})` };
  }
  return { ok: true, run, kind: promote ? 'promote' : 'refresh' };
}

export function provenanceOf(run: WorkflowRunInfo, source: BaselineProvenance['source'], entry: string, workflows: readonly string[], promoted?: PromotionProvenance): BaselineProvenance {
  return {
    ...(promoted ? { promoted } : {}),
    source,
    entry,
    run_id: run.id,
    run_number: run.runNumber,
    run_attempt: run.runAttempt,
    event: run.event,
    workflow: refreshWorkflowOf(run, workflows) ?? run.path,
    head_branch: run.headBranch,
    head_sha: run.headSha,
    created_at: run.createdAt,
    html_url: run.htmlUrl,
  };
}

/** `refresh run 12 (schedule, run id 1001), main @ abc1234, 2026-11-27T03:00:12Z, from the actions cache (…)` (no `#`: it would link an issue). */
export function describeProvenance(p: BaselineProvenance): string {
  const where = p.source === 'cache' ? `the actions cache (${p.entry})` : `artifact ${p.entry}`;
  if (p.promoted) {
    const m = p.promoted;
    return `promoted on issue ${m.issue} by ${m.by} from run id ${m.source_run_id} (promote run ${p.run_number}, ${p.event}, run id ${p.run_id}), ${p.head_branch} @ ${p.head_sha.slice(0, 7)}, ${p.created_at}, from ${where}`;
  }
  return `refresh run ${p.run_number} (${p.event}, run id ${p.run_id}), ${p.head_branch} @ ${p.head_sha.slice(0, 7)}, ${p.created_at}, from ${where}`;
}

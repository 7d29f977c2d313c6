/**
 * Which run `/optimization-gate promote` promotes, and its files: the run named in the command, or
 * else the newest ship on the issue's history (the status comment's ledger: only a hint, checked like
 * a named run). The run is checked through the API — this repository's own code (no fork), a run of
 * a measuring workflow, completed — and its verdict artifact must be sealed by the action (so
 * gate.json and run-info.json are what the action wrote): run-info names this run and this issue,
 * gate.json says ship. Only then are its candidate's profiles and eval outputs taken.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Ledger } from '../compare/history/ledger.js';
import { readJson } from '../formats/parse.js';
import { isObject } from '../formats/validate.js';
import { maxOf } from '../collections.js';
import type { ArtifactRef, GitHubApi, WorkflowRunInfo } from '../publish/github.js';
import { foreignRun, refreshWorkflowOf } from './provenance.js';
import { parseSealName, sealMismatch } from './sealed-results.js';
import type { Session } from './session.js';

export interface PromoteSource {
  run: WorkflowRunInfo;
  artifact: ArtifactRef;
  /** The downloaded verdict artifact. */
  dir: string;
  profiles: string[];
  evalDir?: string;
  /** From the sealed run-info.json. */
  keyParts: { datasetId: string; configHash: string; runnerKey: string };
  runnerName: string;
  hostname: string;
}

export type SourceLookup = { ok: true; source: PromoteSource } | { ok: false; reason: string };

/** The newest ship among the gate runs of the issue's history, by its run id (from its run URL). */
export function latestShip(ledger: Ledger, runsUrl: string): number | undefined {
  for (const run of ledger.runs) {
    if (run.mode !== 'gate' || run.decision !== 'ship' || !run.run_url.startsWith(`${runsUrl}/`)) continue;
    const id = /^(\d{1,15})$/.exec(run.run_url.slice(runsUrl.length + 1));
    if (id) return Number(id[1]);
  }
  return undefined;
}

/** The candidate's run profiles in a downloaded verdict artifact: `candidate.run-K.yaml`, else `candidate.yaml`. */
export function candidateProfiles(dir: string): string[] {
  const repeats = readdirSync(dir)
    .map((f) => /^candidate\.run-(\d{1,4})\.yaml$/.exec(f))
    .filter((m): m is RegExpExecArray => m !== null)
    .sort((a, b) => Number(a[1]) - Number(b[1]))
    .map((m) => join(dir, m[0]));
  if (repeats.length > 0) return repeats;
  return existsSync(join(dir, 'candidate.yaml')) ? [join(dir, 'candidate.yaml')] : [];
}

function str(data: Record<string, unknown>, key: string): string | undefined {
  const v = data[key];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** Checks the run through the API: this repository's code, a measuring workflow's run, completed. */
function runRefusal(run: WorkflowRunInfo, repository: string, measureWorkflows: readonly string[]): string | undefined {
  const foreign = foreignRun(run, repository);
  if (foreign === 'repository') return `run ${run.id} belongs to ${run.repository || 'another repository'}, not to ${repository}`;
  if (foreign === 'fork') {
    return `run ${run.id} measured code from ${run.headRepository || 'a deleted repository'} (a fork): merge it first, then the baseline refresh measures it`;
  }
  if (refreshWorkflowOf(run, measureWorkflows) === undefined) return `run ${run.id} is of ${run.path || 'an unknown workflow'}, not of a measuring workflow (${measureWorkflows.join(', ')})`;
  if (run.status !== 'completed') return `run ${run.id} has not completed yet (${run.status || 'status unknown'}): promote it once it has`;
  return undefined;
}

/** Events whose run, on the default branch, ran the default branch's own workflow file. */
const DEFAULT_BRANCH_EVENTS = ['workflow_dispatch', 'push', 'schedule'];

/** This repository's workflow files a run executed: its own, and reusable ones it called from this repository. */
function ownWorkflowFiles(run: WorkflowRunInfo, repository: string): string[] {
  const prefix = `${repository.toLowerCase()}/`;
  const called = run.referencedWorkflows.filter((p) => p.toLowerCase().startsWith(prefix)).map((p) => p.slice(prefix.length).split('@')[0] ?? '');
  return [...new Set([run.path.split('@')[0] ?? '', ...called].filter((p) => p !== ''))];
}

/**
 * A verdict is only as trustworthy as the workflow that wrote it: any step of that workflow could
 * upload a verdict and a matching seal (only the measured command is kept from the runtime token).
 * A run on the default branch ran the default branch's workflow; a pull_request run ran the pull
 * request's own copy, trusted only when every such file is the default branch's (the same git blob).
 */
async function workflowRefusal(api: GitHubApi, run: WorkflowRunInfo, repository: string, defaultBranch: string): Promise<string | undefined> {
  if (DEFAULT_BRANCH_EVENTS.includes(run.event)) {
    if (run.headBranch === defaultBranch) return undefined;
    return `run ${run.id} ran the workflow file of ${run.headBranch || '(no branch)'}, not of the default branch ${defaultBranch}: only a run of reviewed workflow code is promoted`;
  }
  if (run.event !== 'pull_request') return `run ${run.id} was started by ${run.event}: only a pull_request run or a run of the default branch (workflow_dispatch, push, schedule) is promoted`;
  for (const path of ownWorkflowFiles(run, repository)) {
    const [theirs, ours] = [await api.fileSha(path, run.headSha), await api.fileSha(path, defaultBranch)];
    if (theirs === undefined || theirs !== ours) {
      return `run ${run.id} ran its pull request's copy of ${path}, which is not ${defaultBranch}'s (a changed workflow can write any verdict): merge or drop the workflow change, then gate again`;
    }
  }
  return undefined;
}

export async function findSource(session: Session, api: GitHubApi, runId: number, issue: number, measureWorkflows: readonly string[]): Promise<SourceLookup> {
  const { context } = session;
  const refuse = (reason: string): SourceLookup => ({ ok: false, reason });
  let run: WorkflowRunInfo;
  try {
    run = await api.getWorkflowRun(runId);
  } catch (error) {
    return refuse(`run ${runId} cannot be read through the API of this repository (${(error as Error).message})`);
  }
  const repository = `${context.owner}/${context.repo}`;
  const refusal = runRefusal(run, repository, measureWorkflows) ?? (await workflowRefusal(api, run, repository, context.defaultBranch ?? (await api.getDefaultBranch())));
  if (refusal) return refuse(refusal);
  const listed = await api.listRunArtifacts(runId);
  const seals = new Map<string, Set<string>>();
  for (const a of listed) {
    const seal = parseSealName(a.name);
    if (seal) seals.set(seal.artifact, (seals.get(seal.artifact) ?? new Set()).add(seal.digest));
  }
  // The verdict artifact of this action's name first (a runner matrix may leave several).
  const verdicts = listed.filter((a) => seals.has(a.name)).sort((a, b) => Number(b.name === session.config.artifactName) - Number(a.name === session.config.artifactName));
  if (verdicts.length === 0) return refuse(`run ${runId} left no sealed verdict artifact (expired, or not a run of the action)`);
  const read: Array<{ artifact: ArtifactRef; dir: string; verdict: VerdictRead }> = [];
  for (const artifact of verdicts) {
    const dir = join(session.outDir, 'promote-source', String(artifact.id));
    rmSync(dir, { recursive: true, force: true });
    await session.artifacts.download(artifact.id, dir, { token: session.config.token, owner: context.owner, repo: context.repo, workflowRunId: runId });
    read.push({ artifact, dir, verdict: readVerdict(dir, seals.get(artifact.name), runId, issue) });
  }
  const problems = read.flatMap((r) => ('problem' in r.verdict ? [`${r.artifact.name}: ${r.verdict.problem}`] : []));
  if (problems.length > 0) return refuse(`run ${runId}: ${problems.join('; ')}`);
  // Only the newest attempt speaks for the run, and every verdict of it (each runner's, and the
  // newest aggregate of a runner matrix) must be ship: one runner's ship does not outvote the others.
  const runners = read.filter((r) => r.verdict.kind === 'runner');
  const attempt = maxOf(
    runners.map((r) => r.verdict.attempt),
    0,
  );
  const current = [...runners.filter((r) => r.verdict.attempt === attempt), ...read.filter((r) => r.verdict.kind === 'aggregate').slice(0, 1)];
  const notShip = current.filter((r) => r.verdict.decision !== 'ship');
  if (notShip.length > 0) {
    return refuse(`run ${runId} (attempt ${attempt}): ${notShip.map((r) => `${r.artifact.name} decided ${r.verdict.decision}`).join('; ')}: only a run whose every verdict is ship can be promoted`);
  }
  const reasons: string[] = [];
  for (const r of current) {
    if (r.verdict.kind !== 'runner') continue;
    const facts = promotable(r.dir, r.verdict.info);
    if (typeof facts === 'string') {
      reasons.push(`${r.artifact.name}: ${facts}`);
      continue;
    }
    const evalDir = join(r.dir, 'candidate.eval');
    return { ok: true, source: { run, artifact: r.artifact, dir: r.dir, ...facts, ...(existsSync(evalDir) ? { evalDir } : {}) } };
  }
  return refuse(`run ${runId}: ${reasons.join('; ') || 'no runner verdict in it'}`);
}

type VerdictRead =
  | { kind: 'runner'; attempt: number; decision: string; info: Record<string, unknown> }
  | { kind: 'aggregate'; attempt: number; decision: string }
  | { kind: 'unusable'; problem: string; attempt: number; decision: string };

/** A sealed verdict of the run: a runner's (gate.json + run-info.json naming this run and issue) or a matrix's aggregate. */
function readVerdict(dir: string, digests: ReadonlySet<string> | undefined, runId: number, issue: number): VerdictRead {
  const unusable = (problem: string): VerdictRead => ({ kind: 'unusable', problem, attempt: 0, decision: '' });
  const unsealed = sealMismatch(dir, digests);
  if (unsealed) return unusable(unsealed);
  const gate = existsSync(join(dir, 'gate.json')) ? readJson(join(dir, 'gate.json')) : undefined;
  if (!isObject(gate)) return unusable('it holds no gate verdict (gate.json): only a gate run can be promoted');
  const decision = String(gate.decision);
  if (gate.schema === 'optimization-gate/aggregate@1') return { kind: 'aggregate', attempt: 0, decision };
  const info = existsSync(join(dir, 'run-info.json')) ? readJson(join(dir, 'run-info.json')) : undefined;
  if (!isObject(info)) return unusable('it holds no run-info.json: only a gate run can be promoted');
  if (str(info, 'workflow_run_id') !== String(runId)) return unusable(`its run-info names run ${String(info.workflow_run_id)}`);
  if (info.issue_number !== issue) return unusable(`it measured ${typeof info.issue_number === 'number' ? `issue #${info.issue_number}` : 'no issue'}, not this one`);
  return { kind: 'runner', attempt: Number(info.run_attempt) || 1, decision, info };
}

/** The candidate of a ship verdict, ready to store: its profiles and the key it was measured under. */
function promotable(dir: string, info: Record<string, unknown>): Omit<PromoteSource, 'run' | 'artifact' | 'dir' | 'evalDir'> | string {
  const [datasetId, configHash, runnerKey] = [str(info, 'dataset_id'), str(info, 'config_hash'), str(info, 'runner_key')];
  if (!datasetId || !configHash || !runnerKey) return 'its run-info lacks the dataset, config hash or runner key (measured by an older release)';
  const profiles = candidateProfiles(dir);
  if (profiles.length === 0) return 'it holds no candidate profile';
  return { profiles, keyParts: { datasetId, configHash, runnerKey }, runnerName: str(info, 'runner_name') ?? '', hostname: str(info, 'hostname') ?? '' };
}

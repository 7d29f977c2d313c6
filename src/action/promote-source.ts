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
import type { ArtifactRef, GitHubApi, WorkflowRunInfo } from '../publish/github.js';
import { refreshWorkflowOf } from './provenance.js';
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
  const same = (a: string) => a.toLowerCase() === repository.toLowerCase();
  if (!same(run.repository)) return `run ${run.id} belongs to ${run.repository || 'another repository'}, not to ${repository}`;
  if (!same(run.headRepository)) {
    return `run ${run.id} measured code from ${run.headRepository || 'a deleted repository'} (a fork): merge it first, then the baseline refresh measures it`;
  }
  if (refreshWorkflowOf(run, measureWorkflows) === undefined) return `run ${run.id} is of ${run.path || 'an unknown workflow'}, not of a measuring workflow (${measureWorkflows.join(', ')})`;
  if (run.status !== 'completed') return `run ${run.id} has not completed yet (${run.status || 'status unknown'}): promote it once it has`;
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
  const refusal = runRefusal(run, `${context.owner}/${context.repo}`, measureWorkflows);
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
  const reasons: string[] = [];
  for (const artifact of verdicts) {
    const dir = join(session.outDir, 'promote-source', String(artifact.id));
    rmSync(dir, { recursive: true, force: true });
    await session.artifacts.download(artifact.id, dir, { token: session.config.token, owner: context.owner, repo: context.repo, workflowRunId: runId });
    const checked = checkVerdict(dir, seals.get(artifact.name), runId, issue);
    if (typeof checked === 'string') {
      reasons.push(`${artifact.name}: ${checked}`);
      continue;
    }
    const evalDir = join(dir, 'candidate.eval');
    return { ok: true, source: { run, artifact, dir, ...checked, ...(existsSync(evalDir) ? { evalDir } : {}) } };
  }
  return refuse(`run ${runId}: ${reasons.join('; ')}`);
}

/** The sealed verdict's facts, or why it cannot be promoted. */
function checkVerdict(dir: string, digests: ReadonlySet<string> | undefined, runId: number, issue: number): Omit<PromoteSource, 'run' | 'artifact' | 'dir' | 'evalDir'> | string {
  const unsealed = sealMismatch(dir, digests);
  if (unsealed) return unsealed;
  const info = existsSync(join(dir, 'run-info.json')) ? readJson(join(dir, 'run-info.json')) : undefined;
  const gate = existsSync(join(dir, 'gate.json')) ? readJson(join(dir, 'gate.json')) : undefined;
  if (!isObject(info) || !isObject(gate)) return 'it holds no gate verdict (gate.json and run-info.json): only a gate run can be promoted';
  if (str(info, 'workflow_run_id') !== String(runId)) return `its run-info names run ${String(info.workflow_run_id)}`;
  if (info.issue_number !== issue) return `it measured ${typeof info.issue_number === 'number' ? `issue #${info.issue_number}` : 'no issue'}, not this one`;
  if (gate.decision !== 'ship') return `its decision was ${String(gate.decision)}, not ship: only a ship can be promoted`;
  const [datasetId, configHash, runnerKey] = [str(info, 'dataset_id'), str(info, 'config_hash'), str(info, 'runner_key')];
  if (!datasetId || !configHash || !runnerKey) return 'its run-info lacks the dataset, config hash or runner key (measured by an older release)';
  const profiles = candidateProfiles(dir);
  if (profiles.length === 0) return 'it holds no candidate profile';
  return { profiles, keyParts: { datasetId, configHash, runnerKey }, runnerName: str(info, 'runner_name') ?? '', hostname: str(info, 'hostname') ?? '' };
}

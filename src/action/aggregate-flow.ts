/**
 * `mode: aggregate`: the last job of a runner matrix. Downloads every runner's artifact of this
 * workflow run (named `<artifact-name>-…`), reads its gate.json / report.md / run-info.json, and
 * posts one comment with every runner's verdict side by side; the worst decision is the verdict.
 * Artifacts belong to a run attempt: after "Re-run failed jobs" the runners that succeeded left
 * theirs in an earlier attempt, which the runtime token cannot see. The public API by run id lists
 * every attempt's, so the newest artifact of each runner is taken from there (needs `actions: read`),
 * and each verdict says which attempt it came from.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDecision } from '../compare/verdicts/decision.js';
import { errorMessage } from '../errors.js';
import { isObject } from '../formats/validate.js';
import { combinedDecision, renderAggregateReport, type RunnerVerdict } from '../report/aggregate.js';
import { resolveIssueNumber } from './context.js';
import { RUN_INFO_FILE } from './run-files.js';
import { publishVerdict, runUrl, type Publication } from './publish.js';
import { parseSealName, sealMismatch } from './sealed-results.js';
import type { Session } from './session.js';

function readJsonObject(path: string): Record<string, unknown> | undefined {
  if (!existsSync(path)) return undefined;
  try {
    const data = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    return isObject(data) ? data : undefined;
  } catch {
    return undefined;
  }
}

/** One runner's verdict from its downloaded artifact; `missing` when it left no readable gate.json. */
export function readRunnerVerdict(dir: string, name: string, artifactUrl: string | undefined): RunnerVerdict {
  const info = readJsonObject(join(dir, RUN_INFO_FILE));
  const attempt = typeof info?.run_attempt === 'string' || typeof info?.run_attempt === 'number' ? String(info.run_attempt) : undefined;
  return { ...verdictOf(dir, name, info), ...(artifactUrl ? { artifactUrl } : {}), ...(attempt ? { attempt } : {}) };
}

function verdictOf(dir: string, name: string, info: Record<string, unknown> | undefined): RunnerVerdict {
  const gate = readJsonObject(join(dir, 'gate.json'));
  const report = existsSync(join(dir, 'report.md')) ? readFileSync(join(dir, 'report.md'), 'utf8') : '';
  // A gate's decision; else a run that only measured (e.g. a first baseline, nothing to compare yet).
  const decision = isDecision(gate?.decision) ? gate.decision : gate === undefined && info?.decision === 'measured' ? 'measured' : 'missing';
  return {
    name,
    runner: typeof info?.runner_key === 'string' ? info.runner_key : name,
    host: typeof info?.hostname === 'string' ? info.hostname : '?',
    decision,
    headline: decision === 'missing' ? 'no readable gate.json in the artifact' : (report.split('\n').find((l) => l.trim() !== '') ?? decision),
    report: report || '_no report_',
  };
}

interface RunnerArtifact {
  id: number;
  name: string;
  /** Set when found through the public API (another attempt's artifact is downloaded that way). */
  workflowRunId?: number;
}

/**
 * The newest artifact of each runner, of every attempt of this run (public API), else of this attempt
 * only; and the seals uploaded beside them (a seal's name carries the digest of its verdict files).
 */
async function runnerArtifacts(session: Session, prefix: string, own: string): Promise<{ artifacts: RunnerArtifact[]; seals: Map<string, Set<string>> }> {
  const { api, context, io } = session;
  const ours = (name: string) => name.startsWith(prefix) && name !== own;
  let listed: RunnerArtifact[] | undefined;
  if (api) {
    try {
      listed = (await api.listRunArtifacts(Number(context.runId))).map((a) => ({ id: a.id, name: a.name, workflowRunId: a.workflowRunId || Number(context.runId) }));
    } catch (error) {
      io.warning(
        `cannot list the artifacts of every attempt of this run (${errorMessage(error)}); reading this attempt's only. ` +
          'After "Re-run failed jobs" the runners that succeeded earlier then count as missing: give the verdict job `actions: read`.',
      );
    }
  }
  listed ??= await session.artifacts.listThisRun();
  // A runner's verdict counts only with the seal its action uploaded beside it (sealed-results.ts);
  // after a re-run each attempt's artifact of a runner has its own seal.
  const seals = new Map<string, Set<string>>();
  for (const a of listed) {
    const seal = parseSealName(a.name);
    if (seal) seals.set(seal.artifact, (seals.get(seal.artifact) ?? new Set()).add(seal.digest));
  }
  // Newest first from the API: the first of each name is the latest attempt's.
  const newest = new Map<string, RunnerArtifact>();
  for (const a of listed) if (ours(a.name) && parseSealName(a.name) === undefined && !newest.has(a.name)) newest.set(a.name, a);
  return { artifacts: [...newest.values()].sort((a, b) => a.name.localeCompare(b.name)), seals };
}

export async function runAggregate(session: Session): Promise<Publication & { decision: string }> {
  const { config, context, io, outDir } = session;
  const prefix = `${config.artifactName}-`;
  const verdicts: RunnerVerdict[] = [];
  await io.group("Collect the runners' verdicts", async () => {
    const { artifacts, seals } = await runnerArtifacts(session, prefix, `${config.artifactName}-aggregate`);
    io.info(`${artifacts.length} artifact(s) named ${prefix}*: ${artifacts.map((a) => a.name).join(', ') || 'none'}`);
    for (const artifact of artifacts) {
      const dir = join(outDir, 'runners', artifact.name);
      try {
        const fromRun = artifact.workflowRunId !== undefined ? { token: config.token, owner: context.owner, repo: context.repo, workflowRunId: artifact.workflowRunId } : undefined;
        await session.artifacts.download(artifact.id, dir, fromRun);
        const unverified = sealMismatch(dir, seals.get(artifact.name));
        if (unverified) {
          io.warning(`artifact ${artifact.name}: not trusted: ${unverified}`);
          verdicts.push({ name: artifact.name, runner: artifact.name, host: '?', decision: 'missing', headline: `not verified: ${unverified}`, report: '' });
          continue;
        }
        const verdict = readRunnerVerdict(dir, artifact.name, `${runUrl(context)}/artifacts/${artifact.id}`);
        if (verdict.attempt !== undefined && verdict.attempt !== context.runAttempt) io.info(`${artifact.name}: verdict of attempt ${verdict.attempt} (this is attempt ${context.runAttempt})`);
        verdicts.push(verdict);
      } catch (error) {
        io.warning(`artifact ${artifact.name}: ${errorMessage(error)}`);
        verdicts.push({ name: artifact.name, runner: artifact.name, host: '?', decision: 'missing', headline: `download failed: ${errorMessage(error)}`, report: '' });
      }
    }
  });
  const decision = combinedDecision(verdicts);
  const issue = resolveIssueNumber(config, context);
  const aggregateJson = {
    schema: 'optimization-gate/aggregate@1',
    decision,
    runners: verdicts.map(({ report: _report, ...v }) => v),
  };
  const publication = await io.group('Publish', () =>
    publishVerdict(
      {
        decision,
        render: (links) => renderAggregateReport(verdicts, { runUrl: links.runUrl, attempt: context.runAttempt }),
        gateJson: `${JSON.stringify(aggregateJson, null, 2)}\n`,
        annotations: verdicts
          .filter((v) => v.decision !== 'ship' && v.decision !== 'measured')
          .map((v) => ({ title: `optimization-gate: ${v.runner} ${v.decision}`, message: v.headline.replace(/^#+\s*/, '') })),
      },
      {
        outDir,
        artifactName: `${config.artifactName}-aggregate`,
        files: [],
        ...(issue ? { issueNumber: issue.number } : {}),
        ...(context.pullRequest ? { prNumber: context.pullRequest.number } : {}),
      },
      session,
    ),
  );
  return { ...publication, decision };
}

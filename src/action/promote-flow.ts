/**
 * `/optimization-gate promote [run id]` (mode command, after the commenter's permission and the
 * issue's thresholds were checked in command-flow.ts): the source run is checked (promote-source.ts),
 * its candidate stored as the baseline — an artifact and a cache entry of this run, which gates trust
 * only with the promote record written last (promoted-baseline.ts) — and its files offered to the
 * repository as a pull request; then the record (which is the answer) and the ledger's `promoted`.
 */
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { headlineOf } from '../compare/history/headline.js';
import { addRecord, readLedgerBlock, type PromotedRecord } from '../compare/history/ledger.js';
import type { ThresholdSpec } from '../compare/grammar/thresholds/index.js';
import { errorMessage } from '../errors.js';
import { DEFAULT_MEASURE_WORKFLOWS } from '../inputs/constants.js';
import type { GitHubApi } from '../publish/github.js';
import { findStatusComment, writeStatusComment } from '../publish/status-comment.js';
import { refusedAnswer, type AnswerContext } from '../report/commands.js';
import { escapeInline } from '../report/escape.js';
import { promotionReadme, promotionRecordText, type PromotionFacts, type PullOutcome } from '../report/promote.js';
import { renderStatusComment, STATUS_MARKER } from '../report/status.js';
import { baselineArtifactName, baselineCacheKey } from './baseline-key.js';
import { BASELINE_MANIFEST, writeBaselineStore, type BaselineManifest } from './baseline-store.js';
import { recordMarker } from './command-records.js';
import type { CommentEvent } from './context.js';
import { filesUnder } from './run-files.js';
import { findSource, latestShip, type PromoteSource } from './promote-source.js';
import { runUrl } from './publish.js';
import { loadSide, type Session } from './session.js';

type Answer = (result: 'done' | 'refused', body: string) => Promise<{ result: 'ignored' | 'done' | 'refused'; commentUrl?: string }>;

/** Files the pull request adds: profiles and stage_truth (not the raw samples), the eval outputs, the README. */
function pullFiles(storeDir: string, manifest: BaselineManifest, profilesDir: string, evalDir: string): Array<{ path: string; local: string }> {
  const files: Array<{ path: string; local: string }> = [];
  for (const run of manifest.runs) {
    const stem = run.replace(/\.yaml$/, '');
    for (const name of [run, `${stem}.stage_truth.json`]) if (existsSync(join(storeDir, name))) files.push({ path: `${profilesDir}/${name}`, local: join(storeDir, name) });
  }
  if (manifest.eval_dir) {
    const root = join(storeDir, manifest.eval_dir);
    for (const f of filesUnder(root)) files.push({ path: `${evalDir}/${relative(root, f).split('\\').join('/')}`, local: f });
  }
  return files;
}

/** Stores the source's candidate as this run's baseline artifact and cache entry; returns the manifest and where. */
async function storeBaseline(session: Session, source: PromoteSource, promoted: NonNullable<BaselineManifest['promoted']>): Promise<{ manifest: BaselineManifest; storeDir: string; where: string }> {
  const { config, context, io } = session;
  const storeDir = join(session.outDir, 'baseline-store');
  rmSync(storeDir, { recursive: true, force: true });
  const manifest = writeBaselineStore(storeDir, source, {
    created_at: new Date().toISOString(),
    dataset_id: source.keyParts.datasetId,
    runner_key: source.keyParts.runnerKey,
    runner_name: source.runnerName,
    hostname: source.hostname,
    config_hash: source.keyParts.configHash,
    git_sha: source.run.headSha,
    git_ref: source.run.headBranch,
    workflow_run_id: context.runId,
  });
  const withPromotion: BaselineManifest = { ...manifest, promoted };
  writeFileSync(join(storeDir, BASELINE_MANIFEST), `${JSON.stringify(withPromotion, null, 2)}\n`);
  // Named after the gate that measured it (its `artifact-name`), so the same gate finds it next time.
  const name = baselineArtifactName(source.artifact.name, source.keyParts.datasetId, source.keyParts.configHash, source.keyParts.runnerKey);
  await session.artifacts.upload(name, filesUnder(storeDir), storeDir, config.retentionDays);
  io.info(`promoted baseline uploaded as artifact ${name}`);
  let where = `artifact ${name}`;
  if (session.cache.writable()) {
    const key = baselineCacheKey(source.keyParts, context.runId, context.runAttempt);
    try {
      rmSync(session.storePath, { recursive: true, force: true });
      cpSync(storeDir, session.storePath, { recursive: true });
      if (await session.cache.save([session.storePath], key)) where += ` and cache entry ${key}`;
    } catch (error) {
      io.warning(`promoted baseline not saved to the cache (${errorMessage(error)}); the artifact ${name} holds it`);
    } finally {
      rmSync(session.storePath, { recursive: true, force: true });
    }
  }
  return { manifest: withPromotion, storeDir, where };
}

async function openPull(
  api: GitHubApi,
  session: Session,
  facts: PromotionFacts,
  files: Array<{ path: string; local: string }>,
  readme: { path: string; text: string },
  base: string,
): Promise<PullOutcome> {
  const branch = `optimization-gate/promote-issue-${facts.issue}-run-${facts.sourceRunId}`;
  try {
    const pr = await api.openPullRequest({
      branch,
      base,
      message: `Promote run ${facts.sourceRunId} of issue #${facts.issue} to the baseline\n\nMeasured by ${facts.sourceRunUrl}; promoted by ${facts.by} (${facts.promoteRunUrl}).`,
      title: `optimization-gate: promoted baseline of issue #${facts.issue} (run ${facts.sourceRunId})`,
      body: `${readme.text}\nThe gates use this baseline already; merging keeps its trace in the repository.\n`,
      files: [...files.map((f) => ({ path: f.path, content: readFileSync(f.local) })), { path: readme.path, content: Buffer.from(readme.text) }],
    });
    return { kind: pr.reused ? 'updated' : 'opened', url: pr.htmlUrl, number: pr.number, branch };
  } catch (error) {
    const forbidden = /not permitted to create or approve pull requests/.test(errorMessage(error))
      ? ' (Settings → Actions → General → "Allow GitHub Actions to create and approve pull requests" is off; turn it on, or open the pull request from the branch by hand)'
      : '';
    session.io.warning(`promote: the pull request was not opened: ${errorMessage(error)}${forbidden}`);
    return { kind: 'failed', why: `${errorMessage(error)}${forbidden}`, ...(error instanceof Error && error.name === 'PullRequestRefused' ? { branch } : {}) };
  }
}

/** Adds the `promoted` record to the issue's status comment (a failure is a warning: the record comment stands). */
async function tickStatus(session: Session, api: GitHubApi, issue: number, record: PromotedRecord): Promise<void> {
  try {
    const comment = await findStatusComment(api, issue, STATUS_MARKER);
    const read = readLedgerBlock(comment?.body ?? '', issue);
    if (read.warning) session.io.warning(read.warning);
    const { body } = renderStatusComment(addRecord(read.ledger, record));
    await writeStatusComment(api, issue, comment, body);
  } catch (error) {
    session.io.warning(`status comment on issue #${issue} not updated with the promotion: ${errorMessage(error)}`);
  }
}

export async function promote(session: Session, api: GitHubApi, event: CommentEvent, spec: ThresholdSpec, runId: number | undefined, ctx: AnswerContext, answer: Answer) {
  const { config, context, io } = session;
  const refuse = (why: string) => answer('refused', refusedAnswer(ctx, `${why} The baseline stays as it is.`));
  const issue = event.issueNumber;
  const runsUrl = `${context.serverUrl}/${context.owner}/${context.repo}/actions/runs`;
  let sourceId = runId;
  if (sourceId === undefined) {
    const status = await findStatusComment(api, issue, STATUS_MARKER);
    sourceId = latestShip(readLedgerBlock(status?.body ?? '', issue).ledger, runsUrl);
    if (sourceId === undefined) return refuse(`This issue's history shows no gate run that decided ship; name the run to promote: \`/optimization-gate promote <run id>\`.`);
    io.info(`promote: the newest ship on #${issue} is run ${sourceId}`);
  }
  const found = await findSource(session, api, sourceId, issue, DEFAULT_MEASURE_WORKFLOWS);
  if (!found.ok) return refuse(`Run ${sourceId} cannot be promoted: ${escapeInline(found.reason)}.`);
  const source = found.source;
  // Read before anything is stored: a candidate whose files do not load is no baseline.
  const unreadable: string[] = [];
  const runs = loadSide('candidate', source.profiles, source.evalDir, unreadable).runs;
  if (unreadable.length > 0 || runs.length === 0) return refuse(`Run ${sourceId}'s candidate cannot be read: ${escapeInline(unreadable.join('; ') || 'no profile')}.`);
  const at = event.createdAt || new Date().toISOString();
  const promoted = { issue, source_run_id: source.run.id, source_run_url: source.run.htmlUrl, by: event.authorLogin };
  const stored = await storeBaseline(session, source, promoted);
  const fill = (template: string) => template.replace(/\{issue\}/g, String(issue));
  const [profilesDir, evalDir] = [fill(config.promoteProfilesDir), fill(config.promoteEvalDir)];
  const files = pullFiles(stored.storeDir, stored.manifest, profilesDir, evalDir);
  const facts: PromotionFacts = {
    issue,
    by: event.authorLogin,
    at,
    sourceRunId: source.run.id,
    sourceRunUrl: source.run.htmlUrl,
    measured: `${source.run.headBranch} @ ${source.run.headSha.slice(0, 7)}`,
    promoteRunUrl: runUrl(context),
    datasetId: source.keyParts.datasetId,
    configHash: source.keyParts.configHash,
    runnerKey: source.keyParts.runnerKey,
    runnerName: source.runnerName,
    headline: headlineOf(
      runs,
      spec.thresholds.map((t) => t.metric),
    ),
    profileFiles: [...files.filter((f) => f.path.startsWith(`${profilesDir}/`)).map((f) => f.path), `${profilesDir}/README.md`],
    evalFiles: files.filter((f) => f.path.startsWith(`${evalDir}/`)).map((f) => f.path),
  };
  const readme = { path: `${profilesDir}/README.md`, text: promotionReadme(facts) };
  const pull = await openPull(api, session, facts, files, readme, context.defaultBranch ?? (await api.getDefaultBranch()));
  const prUrl = pull.kind === 'failed' ? null : pull.url;
  const record = { ...promoted, run_id: Number(context.runId), run_url: runUrl(context), at, pr_url: prUrl, command_comment: event.id };
  // The record makes the stored baseline count (promoted-baseline.ts): written after it is stored.
  const outcome = await answer('done', `${recordMarker('promote', record)}\n${promotionRecordText(facts, pull, ctx.line, stored.where)}`);
  await tickStatus(session, api, issue, { kind: 'promoted', at, by: event.authorLogin, run_url: source.run.htmlUrl, pr_url: prUrl });
  return outcome;
}

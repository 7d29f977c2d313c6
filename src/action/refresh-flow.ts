/**
 * `mode: measure` (measure and report) and `mode: baseline` (measure, store as the new baseline
 * in the cache and as an artifact, and — with thresholds — check the drift from the previous one,
 * commenting on a tracking issue when it is beyond the bounds).
 */
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { evaluateGate, type GateResult } from '../compare/verdicts/gate.js';
import { renderGateJson } from '../compare/verdicts/gate-json.js';
import { diffSides, type Diff } from '../compare/verdicts/diff.js';
import { parseInlineThresholds, formatProblem } from '../compare/grammar/thresholds/index.js';
import { CancelledError, errorMessage } from '../errors.js';
import { renderMeasurementReport } from '../report/measurement.js';
import { renderReport } from '../report/report.js';
import { baselineArtifactName, baselineCacheKey } from './baseline-key.js';
import { writeBaselineStore, type BaselineFiles } from './baseline-store.js';
import { filesUnder, runInfoText, setProfileOutputs } from './run-files.js';
import { headSha } from './git.js';
import { measuredFiles, measureSides, type MeasuredSide } from './measure-sides.js';
import { publishVerdict, type Publication, type OutcomeToPublish } from './publish.js';
import { restoreFromCache } from './stored-baseline.js';
import { TRUSTED_EVENTS } from './provenance.js';
import { loadSide, type Session } from './session.js';
import { pushAll } from '../collections.js';
import { evaluateOnRuns, loadHypotheses, writeHypothesesJson } from './hypotheses.js';
import { resolveIssueNumber } from './context.js';
import { SpendBudget } from './budget.js';
import { costPerRun, describePlan, planRuns, spendNote } from '../compare/statistics/spend.js';
import type { MeasuredRun } from '../compare/types.js';
import { DEFAULT_MEASURE_REPEAT, DEFAULT_REPEAT } from '../inputs/config.js';
import { closeStatus, openStatus } from './status.js';

export const DRIFT_LABEL = 'optimization-gate-drift';
/** In the tracking issue's body: found by it when the label is missing (never created, or removed). */
export const DRIFT_MARKER = '<!-- optimization-gate:drift-tracking -->';

/**
 * Measures this checkout once per `repeat`, after stating the runs and the expected spend (priced by
 * `previous`, the baseline it refreshes, when there is one); the budget is returned for the verdict.
 */
async function measureHere(session: Session, maxCostUsd: number | undefined, previous?: readonly MeasuredRun[]): Promise<{ side: MeasuredSide; budget: SpendBudget }> {
  const { config, context, io, outDir } = session;
  const repeat = config.repeat ?? (config.mode === 'measure' ? DEFAULT_MEASURE_REPEAT : DEFAULT_REPEAT);
  const plan = planRuns({ sides: 1, experiment: config.experimentCommand !== undefined, warmup: config.warmup, repeat, confirmRuns: 0, confirmSides: 1 });
  const cost = previous ? costPerRun(previous, "the previous baseline's") : undefined;
  const budget = new SpendBudget(config.maxCostUsd ?? maxCostUsd, cost, plan);
  for (const line of describePlan(plan, cost, budget.maxUsd)) io.info(line);
  const sha = (headSha(session.workingDir) ?? context.sha).slice(0, 7);
  const [side] = await io.group(`Measure (${repeat} run${repeat === 1 ? '' : 's'})`, () =>
    measureSides([{ name: 'candidate', cwd: session.workingDir, stem: join(outDir, 'run'), label: `run @ ${sha}`, version: `${config.mode}-${sha}` }], {
      config,
      repeat,
      signal: session.signal,
      runner: session.runner,
      log: (l) => io.info(l),
      env: {},
      budget,
      ...(session.measureDeps ? { measureDeps: session.measureDeps } : {}),
    }),
  );
  if (session.signal.aborted) throw new CancelledError('cancelled while measuring; the post step uploads what was measured');
  setProfileOutputs(session, side);
  return { side: side as MeasuredSide, budget };
}

/** The verdict's line on spend, when anything is known (a budget that stopped runs always is). */
function spendLines(budget: SpendBudget): string[] {
  const note = spendNote(budget.record());
  return note ? [note] : [];
}

export async function runMeasure(session: Session): Promise<Publication> {
  const wanted = await session.io.group('Hypotheses', () => loadHypotheses(session));
  const { side, budget } = await measureHere(session, wanted.maxCostUsd);
  const failures = [...side.failures];
  const loaded = loadSide('candidate', side.profiles, side.evalDir, failures);
  const hypotheses = evaluateOnRuns(session, wanted.hypotheses, 'measured', loaded.runs);
  const verdict: OutcomeToPublish = {
    decision: 'measured',
    render: (links) => renderMeasurementReport(loaded.runs, { title: 'optimization-gate: measured', ...links, failures, hypotheses, notes: [...wanted.notes, ...spendLines(budget)] }),
    annotations: failures.map((f) => ({ title: 'optimization-gate: run failed', message: f })),
  };
  const files = [...measuredFiles([side]), ...writeHypothesesJson(session.outDir, hypotheses)];
  // Measuring for an issue (dispatch with its number, say) reports there, hypotheses included.
  const issue = resolveIssueNumber(session.config, session.context);
  const publication = await session.io.group('Publish', async () => {
    const status = await openStatus(session, issue?.number);
    const published = await publishVerdict(
      verdict,
      { outDir: session.outDir, artifactName: session.config.artifactName, files, runInfo: runInfoText(session, 'measured'), ...(issue ? { issueNumber: issue.number } : {}) },
      session,
    );
    const commentUrl = published.commentUrl ? { commentUrl: published.commentUrl } : {};
    pushAll(
      published.faults,
      await closeStatus(session, status, {
        mode: 'measure',
        decision: 'measured',
        baseline: loaded.runs,
        hypotheses,
        spec: wanted.spec,
        ...(wanted.trust ? { trust: wanted.trust } : {}),
        ...commentUrl,
      }),
    );
    return published;
  });
  if (failures.length > 0)
    pushAll(
      publication.faults,
      failures.map((f) => `measured run failed: ${f}`),
    );
  return publication;
}

/**
 * The configured issue; else the open tracking issue, found by its label or by the marker in its
 * body; else a new one. Labels given when creating an issue are dropped silently unless the token
 * has push access (a refresh job has `contents: read`), so the label is created first when missing
 * and added after the issue exists; the marker finds the issue even if that fails, so a night of
 * drift never opens a second tracking issue.
 */
async function trackingIssue(session: Session): Promise<number | undefined> {
  const { api, config, io, keyParts } = session;
  if (config.issueNumber !== undefined) return config.issueNumber;
  if (!api) return undefined;
  try {
    const self = await api.whoAmI();
    const open = (await api.findOpenIssue(DRIFT_LABEL)) ?? (await api.findOpenIssueWithMarker(DRIFT_MARKER, self));
    if (open) return open.number;
    const created = await api.createIssue(
      `Baseline drift: ${keyParts.datasetId} on ${keyParts.runnerKey}`,
      `${DRIFT_MARKER}\nThe scheduled baseline refresh measured a drift beyond its bounds. optimization-gate comments here on each refresh that drifts.`,
    );
    io.info(`opened tracking issue #${created.number}`);
    try {
      await api.ensureLabel(DRIFT_LABEL, 'Baseline drift found by the optimization-gate refresh');
      await api.addLabels(created.number, [DRIFT_LABEL]);
    } catch (error) {
      io.warning(`tracking issue #${created.number} is not labelled ${DRIFT_LABEL} (${errorMessage(error)}); later refreshes find it by the marker in its body`);
    }
    return created.number;
  } catch (error) {
    io.warning(`cannot find or open the drift tracking issue: ${errorMessage(error)}`);
    return undefined;
  }
}

function driftVerdict(drift: GateResult, diff: Diff | undefined, notes: readonly string[]): OutcomeToPublish {
  return {
    decision: drift.decision,
    render: (links) => `${renderReport(drift, diff, links)}\n${notes.map((n) => `- ${n}`).join('\n')}\n`,
    gateJson: renderGateJson(drift),
    annotations: [
      ...drift.thresholds.filter((t) => t.counts && t.verdict === 'fail').map((t) => ({ title: 'optimization-gate: baseline drift', message: `${t.metric} ${t.threshold.rule.text}: ${t.reason}` })),
      ...drift.problems.map((p) => ({ title: 'optimization-gate: threshold problem', message: formatProblem(p) })),
    ],
  };
}

/** Says so when what this run stores will not count as a baseline for the gates (provenance.ts). */
function warnIfNotTrusted(session: Session): void {
  const { context, io } = session;
  const branch = context.defaultBranch;
  // Without the default branch in the payload there is nothing to compare with (the gate checks the API).
  if (branch === undefined) return;
  if (TRUSTED_EVENTS.includes(context.eventName) && context.ref === `refs/heads/${branch}` && !context.pullRequest) return;
  io.warning(
    `this refresh runs on ${context.eventName} at ${context.ref || '(no ref)'}: gates accept only a baseline stored by a ${TRUSTED_EVENTS.join(' / ')} run ` +
      `of the default branch (${branch}), from a refresh workflow (refresh-workflows), so they will not use this one`,
  );
}

export async function runBaseline(session: Session): Promise<{ publication: Publication; drift?: GateResult }> {
  const { config, context, io, keyParts, storePath } = session;
  const previous: BaselineFiles | undefined = await io.group('Previous baseline', async () => {
    warnIfNotTrusted(session);
    try {
      const lookup = await restoreFromCache(
        { workingDir: session.workingDir, storePath, outDir: session.outDir, keyParts, artifactName: config.artifactName },
        {
          cache: session.cache,
          artifacts: session.artifacts,
          ...(session.api ? { api: session.api } : {}),
          token: config.token,
          context,
          log: (l) => io.info(l),
          refreshWorkflows: config.refreshWorkflows,
        },
        join(session.outDir, 'previous-baseline'),
      );
      for (const r of lookup.refused) io.warning(`previous baseline refused: ${r}`);
      if (!lookup.found) io.info('no verified previous baseline in the cache: this refresh starts one');
      return lookup.found?.files;
    } catch (error) {
      io.warning(`previous baseline not readable: ${errorMessage(error)}`);
      return undefined;
    }
  });

  const wanted = await io.group('Hypotheses', () => loadHypotheses(session));
  const previousRuns = previous ? loadSide('baseline', previous.profiles, previous.evalDir, []).runs : undefined;
  const { side, budget } = await measureHere(session, wanted.maxCostUsd, previousRuns);
  const failures = [...side.failures];
  const fresh = loadSide('candidate', side.profiles, side.evalDir, failures);
  // The fresh runs are the baseline being refreshed: the hypotheses are about them.
  const hypotheses = evaluateOnRuns(session, wanted.hypotheses, 'baseline', fresh.runs);
  const stored = failures.length === 0 && fresh.runs.length > 0;
  const storeDir = join(session.outDir, 'baseline-store');
  if (stored) {
    writeBaselineStore(storeDir, side, {
      created_at: new Date().toISOString(),
      dataset_id: keyParts.datasetId,
      runner_key: keyParts.runnerKey,
      runner_name: context.runner.name,
      hostname: session.hostname,
      config_hash: keyParts.configHash,
      git_sha: headSha(session.workingDir) ?? context.sha,
      git_ref: context.ref,
      workflow_run_id: context.runId,
    });
  }

  const spec = config.thresholds.trim() !== '' ? parseInlineThresholds(config.thresholds) : undefined;
  let drift: GateResult | undefined;
  if (spec && previous && fresh.runs.length > 0) {
    const before = loadSide('baseline', previous.profiles, previous.evalDir, failures);
    drift = { ...evaluateGate(spec, before, fresh, { failOn: config.failOn, failedRuns: failures, spend: budget.record() }), hypotheses };
  }
  const cacheWritable = session.cache.writable();
  const notes = [
    ...wanted.notes,
    ...(drift ? [] : spendLines(budget)),
    stored ? `stored as the new baseline for dataset ${keyParts.datasetId}, runner ${keyParts.runnerKey}, config hash ${keyParts.configHash}` : 'not stored: a measured run failed',
    ...(stored && !cacheWritable
      ? ['cache saves are disabled for this job (ACTIONS_CACHE_MODE is read-only): the baseline is kept as the artifact only, where `baseline: artifact` and the cache fallback find it']
      : []),
    previous ? `previous baseline: ${previous.origin}` : 'no previous baseline',
  ];
  const diff = drift && previous ? diffSides(loadSide('baseline', previous.profiles, previous.evalDir, []), fresh) : undefined;
  const verdict: OutcomeToPublish = drift
    ? driftVerdict(drift, diff, notes)
    : {
        decision: 'measured',
        render: (links) => renderMeasurementReport(fresh.runs, { title: 'optimization-gate: baseline refresh', ...links, notes, failures, hypotheses }),
        annotations: failures.map((f) => ({ title: 'optimization-gate: run failed', message: f })),
      };

  const issueNumber = drift && drift.decision !== 'ship' ? await trackingIssue(session) : undefined;
  // The artifact holds the store itself (baseline.json at its root) so `baseline: artifact` can read it back.
  const outDir = stored ? storeDir : session.outDir;
  const artifactName = stored ? baselineArtifactName(config.artifactName, keyParts.datasetId, keyParts.configHash, keyParts.runnerKey) : config.artifactName;
  mkdirSync(outDir, { recursive: true });
  const files = [...(stored ? filesUnder(storeDir) : measuredFiles([side])), ...writeHypothesesJson(outDir, hypotheses)];
  const runInfo = runInfoText(session, drift?.decision ?? 'measured');
  const publication = await io.group('Publish', async () => {
    // A refresh that names an issue keeps its status comment up to date (a drift tracking issue has none).
    const status = await openStatus(session, config.issueNumber);
    const published = await publishVerdict(
      verdict,
      { outDir, artifactName, files, runInfo, ...(issueNumber !== undefined ? { issueNumber } : {}) },
      { ...session, config: { ...config, comment: { issue: issueNumber !== undefined, pr: false } } },
    );
    const commentUrl = published.commentUrl ? { commentUrl: published.commentUrl } : {};
    pushAll(
      published.faults,
      await closeStatus(session, status, {
        mode: 'baseline',
        decision: drift?.decision ?? 'measured',
        baseline: fresh.runs,
        hypotheses,
        spec: wanted.spec,
        ...(wanted.trust ? { trust: wanted.trust } : {}),
        ...commentUrl,
      }),
    );
    return published;
  });
  if (stored && !cacheWritable) {
    io.info('cache saves are disabled for this job (ACTIONS_CACHE_MODE): the baseline is stored as the artifact only');
  } else if (stored) {
    const key = baselineCacheKey(keyParts, context.runId, context.runAttempt);
    try {
      // The cache saves from a fixed path in the workspace; the copy there lives only for the save.
      rmSync(storePath, { recursive: true, force: true });
      cpSync(storeDir, storePath, { recursive: true });
      if (await session.cache.save([storePath], key)) io.info(`baseline saved to the cache: ${key}`);
      else publication.faults.push(`the cache did not take the baseline (key ${key} exists or saving is denied); the artifact ${artifactName} holds it`);
    } catch (error) {
      publication.faults.push(`baseline not saved to the cache: ${errorMessage(error)}`);
    } finally {
      rmSync(storePath, { recursive: true, force: true });
    }
  }
  if (failures.length > 0)
    pushAll(
      publication.faults,
      failures.map((f) => `measured run failed: ${f}`),
    );
  return { publication, ...(drift ? { drift } : {}) };
}

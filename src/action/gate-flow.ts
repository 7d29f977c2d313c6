/**
 * `mode: gate`: thresholds from the issue → baseline → measure (and the base ref, interleaved) →
 * diff → gate → report → summary, outputs, annotations, artifact, comments.
 */
import { join } from 'node:path';
import { diffSides, type Diff } from '../compare/verdicts/diff.js';
import { evaluateGate, inputErrorResult, type GateResult } from '../compare/verdicts/gate.js';
import { median } from '../compare/statistics/stats.js';
import { nextConfirmation, type ConfirmationRecord } from '../compare/verdicts/confirm.js';
import { renderGateJson, type GateJsonBaseline } from '../compare/verdicts/gate-json.js';
import { ACCEPTED_FORMS, formatProblem, type ThresholdSpec } from '../compare/grammar/thresholds/index.js';
import type { Side } from '../compare/types.js';
import { renderReport } from '../report/report.js';
import { addWorktree, headSha, type Worktree } from './git.js';
import { measuredFiles, measureConfirmationRound, measureSides, type MeasureContext, type MeasuredSide, type SideTarget } from './measure-sides.js';
import { publishVerdict, type Publication, type OutcomeToPublish } from './publish.js';
import { chooseBaselineSource, issueEvalRoot, planBaseline, type BaselinePlan } from './resolve-baseline.js';
import { baselineEvalName, resolveBaselineEval } from './baseline-eval.js';
import { loadSide, type Session } from './session.js';
import { loadThresholds } from './thresholds.js';
import { logHypotheses, writeHypothesesJson } from './hypotheses.js';
import { SpendBudget } from './budget.js';
import { costPerRun, describePlan, planRuns } from '../compare/statistics/spend.js';
import { suggestRepeat } from '../compare/statistics/suggest-repeat.js';
import { DEFAULT_REPEAT } from '../inputs/config.js';
import { BASE_WORKTREE_DIR, runInfoText, setProfileOutputs } from './run-files.js';
import { CancelledError, UserError, errorMessage } from '../errors.js';
import { closeStatus, openStatus } from './status.js';
import { pushAll } from '../collections.js';
import type { Acceptance } from '../compare/verdicts/acceptance.js';
import { readAcceptances } from './command-records.js';

function gateVerdict(result: GateResult, diff: Diff | undefined, issueNumber: number | undefined, baseline: GateJsonBaseline | undefined): OutcomeToPublish {
  const failing = result.thresholds.filter((t) => t.counts && (t.verdict === 'fail' || t.verdict === 'missing'));
  return {
    decision: result.decision,
    render: (links) => renderReport(result, diff, { ...links, ...(baseline ? { baseline: baseline.description } : {}) }),
    gateJson: renderGateJson(result, baseline),
    annotations: [
      ...failing.map((t) => ({
        title: `optimization-gate: ${t.threshold.kind} ${t.verdict}`,
        message: `${t.metric} ${t.threshold.rule.text}: ${t.reason}`,
      })),
      ...result.problems.map((p) => ({
        title: 'optimization-gate: threshold problem',
        message: `${issueNumber !== undefined && p.origin !== 'input' ? `issue #${issueNumber} ` : ''}${formatProblem(p)}`,
      })),
      ...result.inputErrors.map((e) => ({ title: 'optimization-gate: cannot judge', message: e })),
      ...(result.decision === 'reject' && failing.length === 0 && result.problems.length === 0 && result.inputErrors.length === 0
        ? result.reasons.map((r) => ({ title: 'optimization-gate: reject', message: r }))
        : []),
    ],
  };
}

/** gate.json's `baseline`: where it came from, with the verified refresh run when it was stored. */
function baselineRecord(source: string, plan: BaselinePlan): GateJsonBaseline | undefined {
  if (plan.kind === 'missing') return undefined;
  if (plan.kind === 'ref') return { source: 'ref', description: `ref:${plan.ref}, measured in this job`, provenance: null };
  const kind = plan.provenance?.source ?? (source === 'path' ? 'path' : source);
  return { source: kind, description: plan.files.origin, provenance: plan.provenance ? { ...plan.provenance } : null };
}

export interface GateOutcome {
  result: GateResult;
  publication: Publication;
}

export async function runGate(session: Session): Promise<GateOutcome> {
  const { config, context, io, outDir } = session;

  const loaded = await io.group('Thresholds', async () => {
    if (!session.api) throw new UserError("input 'token': expected a token to read the optimization issue");
    return loadThresholds(config, context, session.api, (line) => io.info(line));
  });
  const targets = {
    outDir,
    artifactName: config.artifactName,
    files: [] as string[],
    ...(loaded.issue ? { issueNumber: loaded.issue.number } : {}),
    ...(context.pullRequest ? { prNumber: context.pullRequest.number } : {}),
  };
  let baseline: GateJsonBaseline | undefined;
  const publish = async (result: GateResult, diff?: Diff, sides?: Judged['sides']): Promise<GateOutcome> => {
    pushAll(targets.files, writeHypothesesJson(outDir, result.hypotheses));
    logHypotheses(session, result.hypotheses);
    const publication = await io.group('Publish', async () => {
      // The issue's status comment: found or created before this run's report, edited after it.
      const status = await openStatus(session, loaded.issue?.number);
      const published = await publishVerdict(gateVerdict(result, diff, loaded.issue?.number, baseline), { ...targets, runInfo: runInfoText(session, result.decision, loaded.issue?.number) }, session);
      const trust = loaded.issue ? { author: loaded.issue.authorLogin, permission: loaded.permission ?? 'none', trusted: loaded.refusal === undefined } : undefined;
      pushAll(
        published.faults,
        await closeStatus(session, status, {
          mode: 'gate',
          decision: result.decision,
          baseline: sides?.baseline.runs ?? [],
          ...(sides ? { candidate: sides.candidate.runs } : {}),
          hypotheses: result.hypotheses,
          spec: loaded.spec,
          ...(trust ? { trust } : {}),
          ...(published.commentUrl ? { commentUrl: published.commentUrl } : {}),
        }),
      );
      return published;
    });
    return { result, publication };
  };
  if (loaded.refusal) return publish(inputErrorResult([loaded.refusal], config.failOn));
  const spec = loaded.spec;
  if (spec.problems.length > 0 || spec.thresholds.length === 0) {
    // Nothing is measured for a gate that cannot judge: say so at once.
    return publish(inputErrorResult(spec.problems.length === 0 ? [ACCEPTED_FORMS] : [], config.failOn, spec));
  }

  const source = chooseBaselineSource(config.baseline, spec.baseline);
  const baselineWhere = { workingDir: session.workingDir, storePath: session.storePath, outDir, keyParts: session.keyParts, artifactName: config.artifactName };
  const baselineDeps = {
    cache: session.cache,
    artifacts: session.artifacts,
    ...(session.api ? { api: session.api } : {}),
    token: config.token,
    context,
    log: (l: string) => io.info(l),
    refreshWorkflows: config.refreshWorkflows,
  };
  const plan = await io.group('Baseline', async () => {
    io.info(`baseline source: ${source.kind === 'ref' ? `ref:${source.ref}` : source.kind === 'path' ? source.path : source.kind} (${source.from})`);
    return planBaseline(source, baselineWhere, baselineDeps);
  });
  baseline = baselineRecord(source.kind, plan);
  if (plan.kind === 'missing') return publish(inputErrorResult([`missing baseline: ${plan.reason}`], config.failOn, spec));
  // Eval results stored apart from the profile (the pipeline's data/eval/ tree) go with the baseline's profile.
  const evalName = baselineEvalName(config, spec);
  let namedEval: ReturnType<typeof resolveBaselineEval> | undefined;
  if (evalName?.from === 'issue') {
    // Named on the issue: read from the base commit, like a baseline path named there (10.8).
    const at = await issueEvalRoot(evalName.name, baselineWhere, baselineDeps).catch((error: unknown) => ({ error: errorMessage(error) }));
    namedEval = 'error' in at ? { error: `baseline eval results (issue baseline: eval): ${at.error}` } : resolveBaselineEval(evalName, at.root, at.label);
  } else if (evalName) namedEval = resolveBaselineEval(evalName, session.workingDir);
  if (namedEval && 'error' in namedEval) return publish(inputErrorResult([`missing baseline: ${namedEval.error}`], config.failOn, spec));
  const baselineEvalDir = namedEval?.found.dir;
  if (namedEval) io.info(`baseline eval results: ${namedEval.found.origin}`);
  if (plan.kind === 'files' && baselineEvalDir !== undefined) plan.files.evalDir = baselineEvalDir;

  // A stored baseline is read before measuring: a broken one is reported without spending the runs,
  // and its wall time gives the progress lines something to compare with.
  const failures: string[] = [];
  const storedBaseline = plan.kind === 'files' ? loadSide('baseline', plan.files.profiles, plan.files.evalDir, failures) : undefined;
  if (plan.kind === 'files') io.info(`baseline: ${plan.files.origin}`);
  // Regressions accepted on the issue since this baseline was stored (docs/commands.md).
  const acceptances =
    loaded.issue && session.api
      ? await readAcceptances(session.api, loaded.issue.number, plan.kind === 'files' ? plan.provenance?.created_at : undefined, (l) => io.info(l)).catch((error: unknown) => {
          // Stricter, not looser: without the records every failure stays a failure.
          io.warning(`accepted regressions could not be read (${errorMessage(error)}); none applied`);
          return [];
        })
      : [];
  if (storedBaseline && storedBaseline.runs.length === 0) {
    return publish(inputErrorResult([`missing baseline: no readable profile in ${plan.kind === 'files' ? plan.files.origin : ''}`, ...failures], config.failOn, spec));
  }
  const walls = storedBaseline?.runs.map((r) => r.profile.totals.wall_time_s) ?? [];
  const referenceWallS = walls.length > 0 ? median(walls) : undefined;
  const repeat = config.repeat ?? spec.repeat ?? DEFAULT_REPEAT;
  const sha = (headSha(session.workingDir) ?? context.sha).slice(0, 7);
  const candidate: SideTarget = { name: 'candidate', cwd: session.workingDir, stem: join(outDir, 'candidate'), label: `candidate @ ${sha}`, version: `candidate-${sha}` };
  let worktree: Worktree | undefined;
  const sideTargets: SideTarget[] = [candidate];
  if (plan.kind === 'ref') {
    worktree = addWorktree(session.workingDir, plan.ref, join(outDir, BASE_WORKTREE_DIR));
    const baseSha = worktree.sha.slice(0, 7);
    baseline = { source: 'ref', description: `ref:${plan.ref} @ ${baseSha}, measured in this job`, provenance: null };
    sideTargets.unshift({ name: 'baseline', cwd: worktree.cwd, stem: join(outDir, 'baseline'), label: `baseline ${plan.ref} @ ${baseSha}`, version: `baseline-${baseSha}` });
  }
  const budget = await io.group('Runs and spend', () => Promise.resolve(planSpend(session, spec, repeat, sideTargets.length, storedBaseline)));
  const measureContext = {
    config,
    repeat,
    signal: session.signal,
    runner: session.runner,
    log: (l: string) => io.info(l),
    env: {},
    budget,
    ...(session.measureDeps ? { measureDeps: session.measureDeps } : {}),
    ...(referenceWallS !== undefined ? { referenceWallS } : {}),
  };
  let measured: MeasuredSide[] = [];
  let judged: Judged;
  try {
    measured = await io.group(`Measure (${repeat} run${repeat === 1 ? '' : 's'} per side${worktree ? ', interleaved with the base ref' : ''})`, () => measureSides(sideTargets, measureContext));
    if (session.signal.aborted) throw new CancelledError('cancelled while measuring; the post step uploads what was measured');
    judged = judge({ spec, measured, storedBaseline, failures, baselineEvalDir, acceptances }, config.failOn, undefined, budget);
    judged = await confirm(session, { spec, measured, storedBaseline, failures, repeat, measureContext, baselineEvalDir, acceptances }, judged);
  } finally {
    worktree?.remove();
    targets.files = measuredFiles(measured);
    setProfileOutputs(
      session,
      measured.find((m) => m.target.name === 'candidate'),
    );
  }
  if (session.signal.aborted) throw new CancelledError('cancelled while measuring; the post step uploads what was measured');
  return publish(judged.result, judged.diff, judged.sides);
}

/**
 * States the runs and the expected spend before measuring (and, from a stored baseline of several
 * runs, the `repeat:` its spread suggests); returns the budget that counts the runs as they start.
 */
function planSpend(session: Session, spec: ThresholdSpec, repeat: number, sides: number, storedBaseline: Side | undefined): SpendBudget {
  const { config, io } = session;
  const confirmable = repeat > 1 || (storedBaseline?.runs.length ?? 0) > 1;
  const plan = planRuns({
    sides,
    experiment: config.experimentCommand !== undefined,
    warmup: config.warmup,
    repeat,
    confirmRuns: confirmable ? config.confirmRuns : 0,
    confirmSides: storedBaseline ? 1 : sides,
  });
  const cost = storedBaseline ? costPerRun(storedBaseline.runs, "the baseline's") : undefined;
  const maxCostUsd = config.maxCostUsd ?? spec.maxCostUsd;
  for (const line of describePlan(plan, cost, maxCostUsd)) io.info(line);
  if (storedBaseline) io.info(suggestRepeat(spec.thresholds, storedBaseline.runs).text);
  return new SpendBudget(maxCostUsd, cost, plan);
}

interface Judged {
  result: GateResult;
  diff: Diff;
  sides: { baseline: Side; candidate: Side };
}

interface Measured {
  spec: ThresholdSpec;
  measured: MeasuredSide[];
  storedBaseline: Side | undefined;
  failures: string[];
  repeat: number;
  measureContext: MeasureContext;
  /** The baseline's eval results named apart from it (used by a base ref measured without an experiment). */
  baselineEvalDir: string | undefined;
  acceptances: readonly Acceptance[];
}

/**
 * Confirmation rounds (`confirm-runs`): one round at a time while a guardrail is inconclusive and
 * more runs could decide it (nextConfirmation). Both sides, interleaved, when the base ref is
 * measured in the job; with a stored baseline only the candidate (its runs still narrow the interval).
 */
async function confirm(session: Session, m: Measured, first: Judged): Promise<Judged> {
  const { config, io } = session;
  const allowed = config.confirmRuns;
  // One run per side (and no stored baseline with several) gives point verdicts only: never inconclusive.
  if (allowed > 0 && m.repeat === 1 && (m.storedBaseline?.runs.length ?? 1) <= 1) {
    io.warning(`confirm-runs: ${allowed} has no effect with repeat: 1 (a single run per side has no interval, so no verdict is inconclusive); set repeat to 2 or more`);
    return first;
  }
  const confirming = m.storedBaseline ? m.measured.filter((side) => side.target.name === 'candidate') : m.measured;
  let judged = first;
  let rounds = 0;
  let stoppedByBudget = false;
  for (;;) {
    const step = nextConfirmation(judged.result, rounds, allowed);
    if (!step.confirm) {
      if (allowed > 0) io.info(`${rounds === 0 ? 'No confirmation round' : `Confirmation stops after ${rounds} round${rounds === 1 ? '' : 's'}`}: ${step.why}`);
      break;
    }
    if (session.signal.aborted) break;
    const names = confirming.map((side) => side.target.name);
    if (m.measureContext.budget && !m.measureContext.budget.fits(names)) {
      m.measureContext.budget.stop(`confirmation round ${rounds + 1}`, names);
      io.info(`Confirmation stops after ${rounds} round${rounds === 1 ? '' : 's'}: max-cost-usd: ${m.measureContext.budget.stoppedBecause ?? ''}`);
      stoppedByBudget = true;
      break;
    }
    rounds += 1;
    await io.group(`Confirmation round ${rounds} of at most ${allowed} (${step.why})`, () => measureConfirmationRound(confirming, m.measureContext, rounds));
    judged = judge(m, config.failOn, { rounds, allowed, candidateOnly: m.storedBaseline !== undefined }, m.measureContext.budget);
  }
  // A budget that stopped the next round is said in the verdict: judged again with its record.
  if (stoppedByBudget) {
    const record = rounds > 0 ? { rounds, allowed, candidateOnly: m.storedBaseline !== undefined } : undefined;
    judged = judge(m, config.failOn, record, m.measureContext.budget);
  }
  return judged;
}

/** Loads the measured runs (and the stored baseline) and evaluates the gate on them. */
function judge(
  { spec, measured, storedBaseline, failures: loadFailures, baselineEvalDir, acceptances }: Pick<Measured, 'spec' | 'measured' | 'storedBaseline' | 'failures' | 'baselineEvalDir' | 'acceptances'>,
  failOn: GateResult['failOn'],
  confirmation?: ConfirmationRecord,
  budget?: SpendBudget,
): Judged {
  const failures = [...loadFailures];
  const cand = measured.find((m) => m.target.name === 'candidate') as MeasuredSide;
  const candidateSide = loadSide('candidate', cand.profiles, cand.evalDir, failures);
  let baselineSide: Side;
  if (storedBaseline) baselineSide = storedBaseline;
  else {
    const base = measured.find((m) => m.target.name === 'baseline') as MeasuredSide;
    baselineSide = loadSide('baseline', base.profiles, base.evalDir ?? baselineEvalDir, failures);
  }
  for (const side of measured)
    pushAll(
      failures,
      side.failures.map((f) => `${side.target.name}: ${f}`),
    );
  const result = evaluateGate(spec, baselineSide, candidateSide, {
    failOn,
    failedRuns: failures,
    acceptances,
    ...(confirmation ? { confirmation } : {}),
    ...(budget ? { spend: budget.record() } : {}),
  });
  return { result, diff: diffSides(baselineSide, candidateSide), sides: { baseline: baselineSide, candidate: candidateSide } };
}

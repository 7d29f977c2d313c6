/**
 * The action's main step: set up the session, run the mode, fail the step when the decision does
 * not pass `fail-on` or anything could not be published. Anything thrown fails the step; a user's
 * mistake is told apart from a bug. SIGINT/SIGTERM (a cancelled job) stop the measured commands;
 * what was measured stays on disk for the post step to upload.
 */
import * as core from '@actions/core';
import { mkdirSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { isDecision, passesFailOn } from '../compare/verdicts/decision.js';
import { errorMessage, isUserError, UserError } from '../errors.js';
import { readActionConfig, type ActionConfig } from '../inputs/config.js';
import { Outputs, State } from '../inputs/constants.js';
import { processCommandRunner, type CommandRunner, type MeasureDeps } from '../measure/index.js';
import { createGitHubApi, type GitHubApi } from '../publish/github.js';
import { coreIO, type ActionIO } from '../publish/io.js';
import { createArtifactStore, createCacheStore, type ArtifactStore, type CacheStore } from '../publish/store.js';
import { runAggregate } from './aggregate-flow.js';
import { runCommand } from './command-flow.js';
import { environmentFailure } from './environment-error.js';
import { forkGuard } from './fork-guard.js';
import { enterpriseServerRefusal, readRunContext, type RunContext } from './context.js';
import { runGate } from './gate-flow.js';
import type { Publication } from './publish.js';
import { runBaseline, runMeasure } from './refresh-flow.js';
import { baselineKeyParts, storePathFor, type Session } from './session.js';

export interface ActionDeps {
  io: ActionIO;
  env: NodeJS.ProcessEnv;
  readInput: (name: string) => string;
  github: (config: ActionConfig, context: RunContext, io: ActionIO) => GitHubApi | undefined;
  artifacts: () => ArtifactStore;
  cache: () => CacheStore;
  /** Starts the measured commands (experiment and profile runs). */
  runner: CommandRunner;
  /** The freeze's other ports (clock, tree probe, host facts); its commands come from `runner`. */
  measure: Partial<Omit<MeasureDeps, 'commands'>>;
  hostname: () => string;
  /** Calls `stop` when the job is cancelled (SIGINT/SIGTERM); returns the unsubscribe. */
  onCancel: (stop: (signal: NodeJS.Signals) => void) => () => void;
}

function onProcessSignals(stop: (signal: NodeJS.Signals) => void): () => void {
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return () => {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  };
}

export function defaultActionDeps(): ActionDeps {
  return {
    io: coreIO,
    env: process.env,
    readInput: (name) => core.getInput(name),
    github: (config, context, io) =>
      config.token ? createGitHubApi({ token: config.token, owner: context.owner, repo: context.repo, baseUrl: context.apiUrl, log: (m) => io.warning(m) }) : undefined,
    artifacts: createArtifactStore,
    cache: createCacheStore,
    runner: processCommandRunner,
    measure: {},
    hostname,
    onCancel: onProcessSignals,
  };
}

function failStep(io: ActionIO, error: unknown): void {
  if (isUserError(error)) {
    io.setFailed(`optimization-gate: ${error.message}`);
    return;
  }
  const environment = environmentFailure(error);
  if (environment !== undefined) {
    io.setFailed(`optimization-gate: ${environment}`);
    return;
  }
  const stack = error instanceof Error && error.stack ? `\n${error.stack}` : '';
  io.setFailed(`optimization-gate: internal error (please report it): ${errorMessage(error)}${stack}`);
}

function finish(io: ActionIO, config: ActionConfig, decision: string, publication: Publication): void {
  const faults = publication.faults;
  if (isDecision(decision) && !passesFailOn(decision, config.failOn)) {
    io.setFailed(`optimization-gate: decision ${decision} (fail-on: ${config.failOn}); see ${publication.commentUrl ?? publication.reportPath}`);
  } else if (faults.length > 0) {
    io.setFailed(`optimization-gate: decision ${decision}, but: ${faults.join('; ')}`);
  } else {
    io.info(`optimization-gate: decision ${decision}`);
  }
}

export async function run(overrides: Partial<ActionDeps> = {}): Promise<void> {
  const deps = { ...defaultActionDeps(), ...overrides };
  const { io } = deps;
  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    io.warning(`received ${signal}: stopping the measured commands; what was measured stays on disk and the post step uploads it`);
    controller.abort();
  };
  const unsubscribe = deps.onCancel(onSignal);
  try {
    const config = readActionConfig(deps.readInput);
    if (config.token) io.setSecret(config.token);
    const context = readRunContext(deps.env);
    const ghes = enterpriseServerRefusal(context.serverUrl);
    if (ghes) throw new UserError(ghes);
    const api = deps.github(config, context, io);
    // Before anything else touches the checkout: fork code never runs here unless allowed.
    const refusal = await forkGuard(config, context, api);
    if (refusal) throw new UserError(refusal);
    const workingDir = resolve(context.workspace, config.workingDirectory);
    const outDir = join(context.runnerTemp || tmpdir(), 'optimization-gate', `${context.runId}-${context.runAttempt}-${config.artifactName}`);
    mkdirSync(outDir, { recursive: true });
    io.saveState(State.OutputDir, outDir);
    io.saveState(State.ArtifactName, config.artifactName);
    io.saveState(State.RetentionDays, String(config.retentionDays));
    const keyParts = await baselineKeyParts(config, context, workingDir);
    const session: Session = {
      config,
      context,
      io,
      ...(api ? { api } : {}),
      artifacts: deps.artifacts(),
      cache: deps.cache(),
      runner: deps.runner,
      measureDeps: { ...deps.measure, commands: deps.runner },
      outDir,
      workingDir,
      signal: controller.signal,
      keyParts,
      storePath: storePathFor(context),
      hostname: deps.hostname(),
    };
    io.info(`optimization-gate: mode ${config.mode}, output in ${outDir}, runner key ${keyParts.runnerKey}`);
    switch (config.mode) {
      case 'gate': {
        const { result, publication } = await runGate(session);
        finish(io, config, result.decision, publication);
        break;
      }
      case 'measure':
        finish(io, config, 'measured', await runMeasure(session));
        break;
      case 'baseline': {
        const { publication, drift } = await runBaseline(session);
        finish(io, config, drift?.decision ?? 'measured', publication);
        break;
      }
      case 'aggregate': {
        const publication = await runAggregate(session);
        finish(io, config, publication.decision, publication);
        break;
      }
      case 'command': {
        const outcome = await runCommand(session);
        if (outcome.commentUrl) io.setOutput(Outputs.CommentUrl, outcome.commentUrl);
        io.info(`optimization-gate: command ${outcome.result}`);
        break;
      }
    }
    io.saveState(State.Completed, 'true');
  } catch (error) {
    failStep(io, error);
  } finally {
    unsubscribe();
  }
}

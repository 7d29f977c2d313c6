/**
 * `mode: aggregate`: the last job of a runner matrix. Downloads every runner's artifact of this
 * workflow run (named `<artifact-name>-…`), reads its gate.json / report.md / run-info.json, and
 * posts one comment with every runner's verdict side by side; the worst decision is the verdict.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDecision } from '../compare/decision.js';
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
  const gate = readJsonObject(join(dir, 'gate.json'));
  const info = readJsonObject(join(dir, RUN_INFO_FILE));
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
    ...(artifactUrl ? { artifactUrl } : {}),
  };
}

export async function runAggregate(session: Session): Promise<Publication & { decision: string }> {
  const { config, context, io, outDir } = session;
  const prefix = `${config.artifactName}-`;
  const verdicts: RunnerVerdict[] = [];
  await io.group('Collect the runners\' verdicts', async () => {
    const listed = await session.artifacts.listThisRun();
    // A runner's verdict counts only with the seal its action uploaded beside it (sealed-results.ts).
    const seals = new Map(listed.map((a) => parseSealName(a.name)).filter((s) => s !== undefined).map((s) => [s.artifact, s.digest]));
    const artifacts = listed.filter((a) => a.name.startsWith(prefix) && a.name !== `${config.artifactName}-aggregate` && parseSealName(a.name) === undefined);
    io.info(`${artifacts.length} artifact(s) named ${prefix}*: ${artifacts.map((a) => a.name).join(', ') || 'none'}`);
    for (const artifact of artifacts) {
      const dir = join(outDir, 'runners', artifact.name);
      try {
        await session.artifacts.download(artifact.id, dir);
        const unverified = sealMismatch(dir, seals.get(artifact.name));
        if (unverified) {
          io.warning(`artifact ${artifact.name}: not trusted: ${unverified}`);
          verdicts.push({ name: artifact.name, runner: artifact.name, host: '?', decision: 'missing', headline: `not verified: ${unverified}`, report: '' });
          continue;
        }
        verdicts.push(readRunnerVerdict(dir, artifact.name, `${runUrl(context)}/artifacts/${artifact.id}`));
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
        render: (links) => renderAggregateReport(verdicts, { runUrl: links.runUrl }),
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

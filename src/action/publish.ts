/**
 * Publishing a verdict: report.md and gate.json on disk first (nothing is lost whatever fails
 * next), then the job summary, outputs and annotations, the artifact, and the comments. A failure
 * of the artifact service or the API is reported and returned, never allowed to hide the verdict.
 */
import { rmSync } from 'node:fs';
import { pushAll } from '../collections.js';
import { join } from 'node:path';
import { errorMessage } from '../errors.js';
import type { ActionConfig } from '../inputs/config.js';
import { Outputs, State } from '../inputs/constants.js';
import { postIssueComment, upsertStickyComment } from '../publish/comments.js';
import type { GitHubApi } from '../publish/github.js';
import type { ActionIO } from '../publish/io.js';
import { fitAnnotations, fitSummary } from '../publish/limits.js';
import type { ArtifactStore } from '../publish/store.js';
import type { RunContext } from './context.js';
import { RUN_INFO_FILE } from './run-files.js';
import { alteredFiles, sealDigest, sealFile, sealName, writeResultFile } from './sealed-results.js';

export interface ReportLinks {
  runUrl: string;
  artifactUrl?: string;
}

/** What a flow hands to publishVerdict: its decision and how to render it (compare/verdicts/decision.ts's `Verdict` is one threshold's). */
export interface OutcomeToPublish {
  decision: string;
  /** The report for these links (rendered again once the artifact URL is known). */
  render(links: ReportLinks): string;
  gateJson?: string;
  annotations: Array<{ title: string; message: string }>;
}

export interface PublishTargets {
  outDir: string;
  artifactName: string;
  /** Files to upload (absolute, under outDir); report.md, gate.json and run-info.json are added. */
  files: string[];
  /** run-info.json's text (who measured), written and sealed with the verdict. */
  runInfo?: string;
  issueNumber?: number;
  prNumber?: number;
}

export interface Publication {
  reportPath: string;
  gateJsonPath?: string;
  artifactId?: number;
  commentUrl?: string;
  /** What could not be published (the verdict itself stands). */
  faults: string[];
}

/** Annotations a verdict may emit one by one before they are listed in one (see publish/limits.ts). */
export const VERDICT_ANNOTATIONS = 7;

/** A verdict file rewritten behind the action's back is a fault (and put back as written). */
function checkWritten(dir: string, written: ReadonlyMap<string, Buffer>, when: string): string[] {
  const altered = alteredFiles(dir, written);
  if (altered.length === 0) return [];
  for (const name of altered) writeResultFile(dir, name, written.get(name)!.toString('utf8'));
  return [
    `${altered.join(', ')} changed ${when}, after the action wrote ${altered.length === 1 ? 'it' : 'them'}: a process started by the measured command is still running and rewriting the results; the uploaded verdict is not to be trusted`,
  ];
}

/** The seal artifact that lets `mode: aggregate` check this verdict (a failure is a fault, not fatal). */
async function uploadSeal(artifactName: string, written: ReadonlyMap<string, Buffer>, retentionDays: number, artifacts: ArtifactStore): Promise<string[]> {
  const seal = sealFile(artifactName, written);
  try {
    await artifacts.upload(sealName(artifactName, sealDigest(written)), [seal.path], seal.dir, retentionDays);
    return [];
  } catch (error) {
    return [`seal of ${artifactName} not uploaded (${errorMessage(error)}): mode aggregate will not trust this verdict`];
  } finally {
    rmSync(seal.dir, { recursive: true, force: true });
  }
}

export function runUrl(context: RunContext): string {
  return `${context.serverUrl}/${context.owner}/${context.repo}/actions/runs/${context.runId}`;
}

export async function publishVerdict(
  verdict: OutcomeToPublish,
  targets: PublishTargets,
  deps: { config: ActionConfig; context: RunContext; io: ActionIO; api?: GitHubApi; artifacts: ArtifactStore },
): Promise<Publication> {
  const { config, context, io, api, artifacts } = deps;
  const faults: string[] = [];
  const links: ReportLinks = { runUrl: runUrl(context) };
  // Written fresh and kept in memory: checked before and after the upload, and sealed (sealed-results.ts).
  const written = new Map<string, Buffer>();
  const write = (name: string, text: string): string => {
    written.set(name, writeResultFile(targets.outDir, name, text));
    return join(targets.outDir, name);
  };
  const reportPath = write('report.md', verdict.render(links));
  const gateJsonPath = verdict.gateJson !== undefined ? write('gate.json', verdict.gateJson) : undefined;
  if (targets.runInfo !== undefined) write(RUN_INFO_FILE, targets.runInfo);
  io.setOutput(Outputs.Decision, verdict.decision);
  io.setOutput(Outputs.ReportPath, reportPath);
  if (gateJsonPath) io.setOutput(Outputs.GateJson, gateJsonPath);
  // Errors of this step: these, at most one for the faults, one for the decision (run.ts): ≤ 10.
  for (const a of fitAnnotations(verdict.annotations, VERDICT_ANNOTATIONS, 'optimization-gate: findings')) io.error(a.message, { title: a.title });
  try {
    await io.appendSummary(fitSummary(verdict.render(links)));
  } catch (error) {
    faults.push(`job summary: ${errorMessage(error)}`);
  }

  let artifactId: number | undefined;
  pushAll(faults, checkWritten(targets.outDir, written, 'before the upload'));
  try {
    const files = [...new Set([...targets.files, ...[...written.keys()].map((name) => join(targets.outDir, name))])];
    const uploaded = await artifacts.upload(targets.artifactName, files, targets.outDir, config.retentionDays);
    artifactId = uploaded.id;
    io.saveState(State.ArtifactUploaded, 'true');
    io.setOutput(Outputs.ArtifactId, String(uploaded.id));
    links.artifactUrl = `${links.runUrl}/artifacts/${uploaded.id}`;
    io.info(`artifact ${targets.artifactName} uploaded (id ${uploaded.id}, ${uploaded.size} bytes)`);
    pushAll(faults, checkWritten(targets.outDir, written, 'during the upload'));
    pushAll(faults, await uploadSeal(targets.artifactName, written, config.retentionDays, artifacts));
  } catch (error) {
    faults.push(`artifact upload failed: ${errorMessage(error)}; the files are on the runner in ${targets.outDir}`);
  }

  let commentUrl: string | undefined;
  if (api) {
    const body = verdict.render(links);
    if (config.comment.issue && targets.issueNumber !== undefined && targets.issueNumber !== targets.prNumber) {
      try {
        commentUrl = (await postIssueComment(api, targets.issueNumber, body)).htmlUrl;
        io.info(`report posted on issue #${targets.issueNumber}: ${commentUrl}`);
      } catch (error) {
        faults.push(`comment on issue #${targets.issueNumber}: ${errorMessage(error)}`);
      }
    }
    if (config.comment.pr && targets.prNumber !== undefined) {
      try {
        const posted = await upsertStickyComment(api, targets.prNumber, targets.artifactName, body);
        commentUrl = posted.htmlUrl;
        io.info(`report ${posted.action} on pull request #${targets.prNumber}: ${posted.htmlUrl}`);
      } catch (error) {
        faults.push(`comment on pull request #${targets.prNumber}: ${errorMessage(error)}`);
      }
    }
  }
  if (commentUrl) io.setOutput(Outputs.CommentUrl, commentUrl);
  for (const a of fitAnnotations(
    faults.map((f) => ({ title: 'optimization-gate: not published', message: f })),
    1,
    'optimization-gate: not published',
  )) {
    io.error(a.message, { title: a.title });
  }
  return { reportPath, ...(gateJsonPath ? { gateJsonPath } : {}), ...(artifactId !== undefined ? { artifactId } : {}), ...(commentUrl ? { commentUrl } : {}), faults };
}

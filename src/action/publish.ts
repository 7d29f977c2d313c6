/**
 * Publishing a verdict: report.md and gate.json on disk first (nothing is lost whatever fails
 * next), then the job summary, outputs and annotations, the artifact, and the comments. A failure
 * of the artifact service or the API is reported and returned, never allowed to hide the verdict.
 */
import { writeFileSync } from 'node:fs';
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

export interface ReportLinks {
  runUrl: string;
  artifactUrl?: string;
}

export interface Verdict {
  decision: string;
  /** The report for these links (rendered again once the artifact URL is known). */
  render(links: ReportLinks): string;
  gateJson?: string;
  annotations: Array<{ title: string; message: string }>;
}

export interface PublishTargets {
  outDir: string;
  artifactName: string;
  /** Files to upload (absolute, under outDir); report.md and gate.json are added. */
  files: string[];
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

export function runUrl(context: RunContext): string {
  return `${context.serverUrl}/${context.owner}/${context.repo}/actions/runs/${context.runId}`;
}

export async function publishVerdict(
  verdict: Verdict,
  targets: PublishTargets,
  deps: { config: ActionConfig; context: RunContext; io: ActionIO; api?: GitHubApi; artifacts: ArtifactStore },
): Promise<Publication> {
  const { config, context, io, api, artifacts } = deps;
  const faults: string[] = [];
  const links: ReportLinks = { runUrl: runUrl(context) };
  const reportPath = join(targets.outDir, 'report.md');
  writeFileSync(reportPath, verdict.render(links));
  let gateJsonPath: string | undefined;
  if (verdict.gateJson !== undefined) {
    gateJsonPath = join(targets.outDir, 'gate.json');
    writeFileSync(gateJsonPath, verdict.gateJson);
  }
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
  try {
    const files = [...new Set([...targets.files, reportPath, ...(gateJsonPath ? [gateJsonPath] : [])])];
    const uploaded = await artifacts.upload(targets.artifactName, files, targets.outDir, config.retentionDays);
    artifactId = uploaded.id;
    io.saveState(State.ArtifactUploaded, 'true');
    io.setOutput(Outputs.ArtifactId, String(uploaded.id));
    links.artifactUrl = `${links.runUrl}/artifacts/${uploaded.id}`;
    io.info(`artifact ${targets.artifactName} uploaded (id ${uploaded.id}, ${uploaded.size} bytes)`);
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
  for (const a of fitAnnotations(faults.map((f) => ({ title: 'optimization-gate: not published', message: f })), 1, 'optimization-gate: not published')) {
    io.error(a.message, { title: a.title });
  }
  return { reportPath, ...(gateJsonPath ? { gateJsonPath } : {}), ...(artifactId !== undefined ? { artifactId } : {}), ...(commentUrl ? { commentUrl } : {}), faults };
}

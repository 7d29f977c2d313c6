/**
 * The thresholds of this run: read from the optimization issue (only when its author may write to
 * the repository) and merged with the `thresholds` input. The issue text is only ever parsed.
 * "May write" is the author's repository permission (write, maintain or admin) from GitHub's
 * permission API: `author_association` is relative to the viewer, and the Actions token cannot see
 * a private org membership, so a member with write access through a team reads as CONTRIBUTOR.
 */
import { mergeThresholds, parseInlineThresholds, parseIssueThresholds, type ThresholdSpec } from '../compare/grammar/thresholds/index.js';
import type { ActionConfig } from '../inputs/config.js';
import type { GitHubApi, IssueInfo, RepoPermission } from '../publish/github.js';
import { resolveIssueNumber, type IssueSource, type RunContext } from './context.js';

export interface LoadedThresholds {
  spec: ThresholdSpec;
  issue?: IssueInfo & { source: IssueSource };
  /** The issue author's repository permission, when the issue was read. */
  permission?: RepoPermission;
  /** Set when the issue's thresholds must not be used: the gate refuses, with this reason. */
  refusal?: string;
}

const EMPTY: ThresholdSpec = { thresholds: [], problems: [] };

export const TRUSTED_PERMISSIONS: readonly RepoPermission[] = ['admin', 'maintain', 'write'];

export function trustRefusal(issue: IssueInfo, permission: RepoPermission): string | undefined {
  if (TRUSTED_PERMISSIONS.includes(permission)) return undefined;
  return (
    `the thresholds of issue #${issue.number} are not trusted: its author ${issue.authorLogin || '(unknown)'} has ${permission} permission ` +
    `on this repository, and only authors with write, maintain or admin permission are trusted`
  );
}

export async function loadThresholds(config: Pick<ActionConfig, 'issueNumber' | 'thresholds'>, context: RunContext, api: GitHubApi, log: (line: string) => void): Promise<LoadedThresholds> {
  const inline = config.thresholds.trim() !== '' ? parseInlineThresholds(config.thresholds) : undefined;
  const found = resolveIssueNumber(config, context);
  if (!found) {
    log(`no optimization issue found (input, dispatch input, PR body or branch name)${inline ? '; using the thresholds input alone' : ''}`);
    return { spec: inline ?? EMPTY };
  }
  const issue = { ...(await api.getIssue(found.number)), source: found.source };
  const permission = issue.authorLogin ? await api.getPermission(issue.authorLogin) : 'none';
  log(`optimization issue #${issue.number} (from the ${found.source}), author ${issue.authorLogin}: ${permission} permission (association as this token sees it: ${issue.authorAssociation})`);
  const refusal = trustRefusal(issue, permission);
  if (refusal) return { spec: inline ?? EMPTY, issue, permission, refusal };
  const fromIssue = parseIssueThresholds(issue.body);
  return { spec: inline ? mergeThresholds(fromIssue, inline) : fromIssue, issue, permission };
}

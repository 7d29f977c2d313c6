/**
 * The thresholds of this run: read from the optimization issue (only when its author may write to
 * the repository) and merged with the `thresholds` input. The issue text is only ever parsed.
 */
import { mergeThresholds, parseInlineThresholds, parseIssueThresholds, type ThresholdSpec } from '../compare/thresholds/index.js';
import type { ActionConfig } from '../inputs/config.js';
import type { GitHubApi, IssueInfo } from '../publish/github.js';
import { resolveIssueNumber, type IssueSource, type RunContext } from './context.js';

export interface LoadedThresholds {
  spec: ThresholdSpec;
  issue?: IssueInfo & { source: IssueSource };
  /** Set when the issue's thresholds must not be used: the gate refuses, with this reason. */
  refusal?: string;
}

const EMPTY: ThresholdSpec = { thresholds: [], problems: [] };

export function trustRefusal(issue: IssueInfo, trusted: readonly string[]): string | undefined {
  if (trusted.includes(issue.authorAssociation.toUpperCase())) return undefined;
  return (
    `the thresholds of issue #${issue.number} are not trusted: its author ${issue.authorLogin || '(unknown)'} has association ` +
    `${issue.authorAssociation}, and only ${trusted.join(', ')} are trusted (input trusted-associations)`
  );
}

export async function loadThresholds(
  config: Pick<ActionConfig, 'issueNumber' | 'thresholds' | 'trustedAssociations'>,
  context: RunContext,
  api: GitHubApi,
  log: (line: string) => void,
): Promise<LoadedThresholds> {
  const inline = config.thresholds.trim() !== '' ? parseInlineThresholds(config.thresholds) : undefined;
  const found = resolveIssueNumber(config, context);
  if (!found) {
    log(`no optimization issue found (input, dispatch input, PR body or branch name)${inline ? '; using the thresholds input alone' : ''}`);
    return { spec: inline ?? EMPTY };
  }
  const issue = { ...(await api.getIssue(found.number)), source: found.source };
  log(`optimization issue #${issue.number} (from the ${found.source}), author ${issue.authorLogin} (${issue.authorAssociation})`);
  const refusal = trustRefusal(issue, config.trustedAssociations);
  if (refusal) return { spec: inline ?? EMPTY, issue, refusal };
  const fromIssue = parseIssueThresholds(issue.body);
  return { spec: inline ? mergeThresholds(fromIssue, inline) : fromIssue, issue };
}

/**
 * Records the comment commands leave on the issue (an accepted regression, a promotion), kept as
 * comments written by the action's own identity: a hidden marker at the very start of the body with
 * the record as base64url JSON, then the words a reader sees. A record counts only when the comment's
 * author is the identity of the token reading it (`whoAmI`): anyone can type the marker into a
 * comment of their own, and nothing a human wrote is ever read as a record.
 */
import type { Acceptance } from '../compare/verdicts/acceptance.js';
import { isMetricPath } from '../inputs/comment-command.js';
import type { CommentInfo, GitHubApi } from '../publish/github.js';
import { isObject } from '../formats/validate.js';

export type RecordKind = 'accept' | 'promote';
const MARKER = /^<!-- optimization-gate:record (accept|promote) v1 ([A-Za-z0-9_-]{1,8000}) -->/;
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$/;

/** The marker line that starts a record comment. */
export function recordMarker(kind: RecordKind, record: object): string {
  return `<!-- optimization-gate:record ${kind} v1 ${Buffer.from(JSON.stringify(record), 'utf8').toString('base64url')} -->`;
}

/** The record of a comment body, or undefined when it starts with none (or a malformed one). */
export function decodeRecord(body: string): { kind: RecordKind; data: Record<string, unknown> } | undefined {
  const match = MARKER.exec(body);
  if (!match) return undefined;
  try {
    const data = JSON.parse(Buffer.from(match[2] ?? '', 'base64url').toString('utf8')) as unknown;
    return isObject(data) ? { kind: match[1] as RecordKind, data } : undefined;
  } catch {
    return undefined;
  }
}

export function toAcceptance(data: Record<string, unknown>, url: string): Acceptance | undefined {
  const { metric, by, at, reason } = data;
  if (typeof metric !== 'string' || !isMetricPath(metric)) return undefined;
  if (typeof by !== 'string' || !LOGIN.test(by)) return undefined;
  if (typeof at !== 'string' || Number.isNaN(Date.parse(at))) return undefined;
  if (typeof reason !== 'string' || reason.length === 0 || reason.length > 1000) return undefined;
  return { metric, by, at, reason, url };
}

export interface OwnRecords {
  /** The login the records were checked against; undefined when GitHub did not say (then nothing counts). */
  me: string | undefined;
  records: Array<{ kind: RecordKind; data: Record<string, unknown>; comment: CommentInfo }>;
}

/** Every record comment on the issue written by this token's identity, oldest first. */
export async function readOwnRecords(api: GitHubApi, issueNumber: number): Promise<OwnRecords> {
  const me = await api.whoAmI();
  if (me === undefined) return { me, records: [] };
  const comments = await api.listComments(issueNumber);
  const records: OwnRecords['records'] = [];
  for (const comment of comments) {
    if (comment.authorLogin !== me) continue;
    const record = decodeRecord(comment.body);
    if (record) records.push({ ...record, comment });
  }
  return { me, records };
}

/**
 * The acceptances that count for a gate against a baseline stored at `baselineSince` (ISO; undefined
 * for a baseline with no stored time): those made after it and after the latest promotion.
 */
export async function readAcceptances(api: GitHubApi, issueNumber: number, baselineSince: string | undefined, log: (line: string) => void): Promise<Acceptance[]> {
  const { me, records } = await readOwnRecords(api, issueNumber);
  if (me === undefined) {
    log('accepted regressions: GitHub did not say who this token is, so no record comment can be verified; none applied');
    return [];
  }
  const promotions = records
    .filter((r) => r.kind === 'promote')
    .map((r) => (typeof r.data.at === 'string' ? Date.parse(r.data.at) : NaN))
    .filter((t) => !Number.isNaN(t));
  const cutoff = promotions.reduce((latest, t) => Math.max(latest, t), baselineSince ? Date.parse(baselineSince) || 0 : 0);
  const all = records
    .filter((r) => r.kind === 'accept')
    .map((r) => toAcceptance(r.data, r.comment.htmlUrl))
    .filter((a): a is Acceptance => a !== undefined);
  const current = all.filter((a) => Date.parse(a.at) > cutoff);
  if (all.length > 0) {
    log(`accepted regressions on #${issueNumber}: ${current.length} apply${all.length > current.length ? `, ${all.length - current.length} older than the baseline in use (void)` : ''}`);
  }
  return current;
}

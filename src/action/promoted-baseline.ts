/**
 * The second half of trusting a baseline stored by `/optimization-gate promote`: the run that stored
 * it is a commands-workflow run on the default branch (provenance.ts), and a promote record written
 * by the action's own identity on the issue the manifest names says that this very run promoted
 * that very source run. The manifest alone proves nothing (whoever stores a cache entry writes it);
 * the record can only come from a run of the commands workflow that checked the commenter's
 * permission and the source run (promote-flow.ts), and anyone else's comment is never read as one.
 */
import type { GitHubApi, WorkflowRunInfo } from '../publish/github.js';
import { isObject } from '../formats/validate.js';
import type { BaselineManifest } from './baseline-store.js';
import { readOwnRecords } from './command-records.js';
import type { PromotionProvenance } from './provenance.js';

export type PromotionVerdict = { ok: true; promoted: PromotionProvenance } | { ok: false; reason: string };

const id = (v: unknown): number | undefined => (typeof v === 'number' && Number.isSafeInteger(v) && v > 0 ? v : undefined);

export async function confirmPromotion(api: GitHubApi, run: WorkflowRunInfo, manifest: BaselineManifest | undefined): Promise<PromotionVerdict> {
  const claim = manifest?.promoted;
  const issue = isObject(claim) ? id(claim.issue) : undefined;
  const source = isObject(claim) ? id(claim.source_run_id) : undefined;
  if (issue === undefined || source === undefined) return { ok: false, reason: `run ${run.id} is a commands-workflow run, but its baseline names no promotion (issue and source run)` };
  if (manifest?.workflow_run_id !== String(run.id)) return { ok: false, reason: `its manifest says run ${String(manifest?.workflow_run_id)} stored it, not run ${run.id}` };
  const { me, records } = await readOwnRecords(api, issue);
  if (me === undefined) return { ok: false, reason: `GitHub did not say who this token is, so the promote record of run ${run.id} on issue ${issue} cannot be verified` };
  const record = records.find((r) => r.kind === 'promote' && r.data.run_id === run.id && r.data.source_run_id === source && r.data.issue === issue);
  if (!record) return { ok: false, reason: `no promote record written by ${me} on issue ${issue} names run ${run.id} promoting run ${source}` };
  const { by, at, source_run_url: url } = record.data;
  return {
    ok: true,
    promoted: {
      issue,
      source_run_id: source,
      source_run_url: typeof url === 'string' ? url : '',
      by: typeof by === 'string' ? by : '',
      at: typeof at === 'string' ? at : '',
      record_url: record.comment.htmlUrl,
    },
  };
}

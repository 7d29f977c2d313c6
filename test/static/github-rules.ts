/**
 * Workflow rules that come from how GitHub runs them (issue 9), checked on every workflow we ship or
 * generate: a reusable workflow's concurrency group tells apart two calls in one caller (two datasets
 * or artifact names), and a job that posts comments has the scope its comment targets need — or refuses
 * the targets it cannot write before anything runs.
 */
import { parsePermissions, levelRank } from './policy.js';
import { asMap, describeStep, jobsOf, lineOf, stepsOf, triggersOf, type Finding, type YamlFile } from './yaml-file.js';

const text = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '');

/** A `uses:` of our action (the published name at any ref, or this repository's `./`). */
export const isOurAction = (uses: unknown): boolean => typeof uses === 'string' && (uses === './' || /^optimization-gate\/optimization-gate@[^/]+$/.test(uses));

export function concurrencyFindings(file: YamlFile): Finding[] {
  const call = asMap(triggersOf(file).workflow_call);
  if (!call) return [];
  const inputs = asMap(call.inputs) ?? {};
  const concurrency = asMap(file.data)?.concurrency;
  const group = text(asMap(concurrency)?.group ?? concurrency);
  return ['artifact-name', 'dataset-id']
    .filter((name) => name in inputs && !group.includes(`inputs.${name}`))
    .map((name) => ({
      file: file.path,
      line: lineOf(file, ['concurrency']),
      check: 'concurrency',
      message: `the concurrency group does not include inputs.${name}: two calls of this workflow in one caller (e.g. two datasets) would cancel each other`,
    }));
}

/** The comment targets a step's `comment:` value may ask for. */
function targets(value: unknown): Set<'issue' | 'pr'> {
  if (value === undefined) return new Set(['issue', 'pr']); // the action's default: issue,pr
  const given = text(value);
  if (given.includes('${{')) {
    // An expression: whatever its literals name; an input passed through may be anything.
    const named = new Set<'issue' | 'pr'>();
    if (/inputs\.comment\b/.test(given) || /'issue/.test(given)) named.add('issue');
    if (/inputs\.comment\b/.test(given) || /pr'/.test(given)) named.add('pr');
    return named;
  }
  return new Set(
    given
      .split(',')
      .map((p) => p.trim())
      .filter((p): p is 'issue' | 'pr' => p === 'issue' || p === 'pr'),
  );
}

export function commentPermissionFindings(file: YamlFile): Finding[] {
  if (file.kind === 'action') return [];
  const findings: Finding[] = [];
  const top = asMap(file.data)?.permissions;
  for (const { id, job, path } of jobsOf(file)) {
    const granted = parsePermissions(job.permissions ?? top);
    const level = (scope: string) => (typeof granted === 'string' ? 2 : levelRank(granted.get(scope)));
    const steps = stepsOf(file).filter((s) => s.job === id);
    steps.forEach((ref, index) => {
      if (!isOurAction(ref.step.uses)) return;
      const withs = asMap(ref.step.with) ?? {};
      const mode = text(withs.mode) || 'gate';
      if (mode === 'measure') return;
      const guarded = (target: string) =>
        steps.slice(0, index).some((s) => typeof s.step.if === 'string' && s.step.if.includes(`contains(inputs.comment, '${target}')`) && /exit 1/.test(text(s.step.run)));
      for (const target of targets(withs.comment)) {
        const ok = target === 'issue' ? level('issues') >= 2 || guarded('issue') : level('pull-requests') >= 2 || level('issues') >= 2 || guarded('pr');
        if (!ok) {
          findings.push({
            file: file.path,
            line: lineOf(file, [...path, 'permissions']),
            check: 'comment-permissions',
            message: `${describeStep(ref)} may comment on the ${target === 'issue' ? 'issue (needs issues: write)' : 'pull request (needs pull-requests: write)'}, which job ${id} does not grant; grant it or refuse that target in an earlier step`,
          });
        }
      }
    });
  }
  return findings;
}

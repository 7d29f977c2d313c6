/**
 * Rules of this project for its workflows, beyond what the linters check.
 *
 * The script rule is deliberately the simplest strong one: no `${{` at all inside a `run:` script (or an
 * actions/github-script `script:`). An expression there is pasted into the script text before the shell
 * sees it, so an issue title, a branch name or any input that came from an event can run as code; telling
 * trusted from untrusted expressions is where such rules leak. Every value goes through `env:` and is
 * used as "$VAR".
 */
import { asMap, describeStep, jobsOf, lineOf, lineOfTextIn, stepsOf, triggersOf, type Finding, type YamlFile } from './yaml-file.js';

export function scriptExpressionFindings(file: YamlFile): Finding[] {
  const findings: Finding[] = [];
  for (const ref of stepsOf(file)) {
    const scripts: [string, unknown, (string | number)[]][] = [['run:', ref.step.run, [...ref.path, 'run']]];
    if (typeof ref.step.uses === 'string' && ref.step.uses.startsWith('actions/github-script@')) {
      scripts.push(['github-script `script:`', asMap(ref.step.with)?.script, [...ref.path, 'with', 'script']]);
    }
    for (const [where, script, path] of scripts) {
      if (typeof script !== 'string' || !script.includes('${{')) continue;
      findings.push({
        file: file.path,
        line: lineOfTextIn(file, path, '${{'),
        check: 'script-expression',
        message: `${describeStep(ref)}: \`\${{ … }}\` inside ${where} — pass the value through \`env:\` and use "$NAME" (an expression is pasted into the script before it runs, so event text could run as code)`,
      });
    }
  }
  return findings;
}

const LEVELS = ['none', 'read', 'write'] as const;
export type PermissionLevel = (typeof LEVELS)[number];

/** A `permissions:` value as scope → level, or the reason it is not least-privilege. */
export function parsePermissions(value: unknown): Map<string, PermissionLevel> | string {
  if (typeof value === 'string') return `\`permissions: ${value}\` grants every scope; list the scopes the job needs`;
  const map = asMap(value);
  if (!map) return 'permissions must be a map of scope: read|write|none';
  const scopes = new Map<string, PermissionLevel>();
  for (const [scope, level] of Object.entries(map)) {
    if (!LEVELS.includes(level as PermissionLevel)) return `permission ${scope}: ${String(level)} is not read, write or none`;
    scopes.set(scope, level as PermissionLevel);
  }
  return scopes;
}

export function levelRank(level: PermissionLevel | undefined): number {
  return LEVELS.indexOf(level ?? 'none');
}

/** Branch names a `uses:` must not follow: the code that runs would change under the workflow. */
const MOVING_REFS = new Set(['main', 'master', 'HEAD', 'develop', 'trunk']);

export function workflowPolicyFindings(file: YamlFile): Finding[] {
  if (file.kind === 'action') return actionUsesFindings(file);
  const findings: Finding[] = [];
  const add = (line: number | undefined, check: string, message: string) => findings.push({ file: file.path, line, check, message });
  const root = asMap(file.data) ?? {};
  const triggers = triggersOf(file);

  if ('pull_request_target' in triggers) {
    add(lineOf(file, ['on']), 'no-pull-request-target', 'pull_request_target runs with write access and secrets next to code from the pull request; use pull_request');
  }
  if (!('permissions' in root)) {
    add(1, 'permissions', 'no top-level `permissions:`; without it every job gets the repository default token (often write-all)');
  } else {
    const top = parsePermissions(root.permissions);
    if (typeof top === 'string') add(lineOf(file, ['permissions']), 'permissions', top);
  }
  const reusable = 'workflow_call' in triggers;
  if (reusable && !('concurrency' in root)) {
    add(1, 'concurrency', 'a reusable workflow needs a `concurrency:` group so that runs of one subject do not race on the runners');
  }
  for (const { id, job, path } of jobsOf(file)) {
    if (!('permissions' in job)) {
      add(lineOf(file, path), 'permissions', `job ${id} has no \`permissions:\`; give each job only the scopes it uses`);
    } else {
      const perms = parsePermissions(job.permissions);
      if (typeof perms === 'string') add(lineOf(file, [...path, 'permissions']), 'permissions', `job ${id}: ${perms}`);
    }
    if (reusable && 'runs-on' in job) {
      const runsOn = job['runs-on'];
      if (typeof runsOn !== 'string' || !/\$\{\{.*\b(inputs|matrix)\./.test(runsOn)) {
        add(lineOf(file, [...path, 'runs-on']), 'runs-on', `job ${id}: a reusable workflow takes its runner labels from an input (or a matrix over one), not a fixed label`);
      }
    }
    const uses = job.uses;
    if (typeof uses === 'string') findings.push(...usesRefFindings(file, uses, [...path, 'uses'], `job ${id}`));
  }
  return [...findings, ...actionUsesFindings(file)];
}

function actionUsesFindings(file: YamlFile): Finding[] {
  return stepsOf(file).flatMap((ref) => (typeof ref.step.uses === 'string' ? usesRefFindings(file, ref.step.uses, [...ref.path, 'uses'], describeStep(ref)) : []));
}

function usesRefFindings(file: YamlFile, uses: string, path: (string | number)[], where: string): Finding[] {
  if (uses.startsWith('./') || uses.startsWith('docker://')) return [];
  const at = uses.lastIndexOf('@');
  const ref = at === -1 ? '' : uses.slice(at + 1);
  if (ref === '' || MOVING_REFS.has(ref)) {
    return [
      {
        file: file.path,
        line: lineOf(file, path),
        check: 'uses-ref',
        message: `${where}: \`${uses}\` follows a moving branch; pin a release tag or a commit SHA`,
      },
    ];
  }
  return [];
}

/**
 * Defended in the workflow files (issue 10.2, 10.7): a job that runs code nobody has reviewed yet cannot
 * write what a later run trusts, and a fork's code never starts on the runner.
 * - The dispatch workflow measures a candidate ref in a run of the ref it was dispatched from
 *   (usually the default branch): its caches would land in the default branch's scope, which every
 *   later run — the baseline refresh included — restores. Its setup only restores caches.
 * - setup-pipeline saves a cache only when save-cache is not false.
 * - Only the refresh workflow stores baselines (mode baseline); a gate job never does.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, asMap, formatFinding, jobsOf, loadRepositoryFiles, parseYamlFile, stepsOf } from '../static/yaml-file.js';
import { actionInputs } from '../static/drift.js';
import { actionlintFindings, loadActionlint, validatorFindings } from '../static/linters.js';
import { scriptExpressionFindings, workflowPolicyFindings } from '../static/policy.js';

const files = loadRepositoryFiles();
const workflow = (name: string) => files.find((f) => f.path === `.github/workflows/${name}`)!;
const setup = parseYamlFile('setup-pipeline/action.yml', 'action', readFileSync(join(REPO_ROOT, 'setup-pipeline/action.yml'), 'utf8'));
const usesSetup = (uses: unknown) => typeof uses === 'string' && /(^|\/)setup-pipeline(@|$)/.test(uses);
const usesAction = (uses: unknown) => uses === 'optimization-gate/optimization-gate@v1' || uses === './';

describe('jobs that run candidate code', () => {
  it('the dispatch workflow checks out a candidate and never saves a cache', () => {
    const steps = stepsOf(workflow('optimization-dispatch.yml')).filter((r) => r.job === 'measure');
    const checkout = steps.find((r) => String(r.step.uses).startsWith('actions/checkout@'));
    expect(asMap(checkout?.step.with)?.ref).toBe('${{ inputs.candidate-ref }}');
    const setups = steps.filter((r) => usesSetup(r.step.uses));
    expect(setups.length).toBeGreaterThan(0);
    for (const r of setups) expect(asMap(r.step.with)?.['save-cache']).toBe(false);
  });

  it('setup-pipeline saves a cache only when save-cache is not false', () => {
    const cacheSteps = stepsOf(setup).filter((r) => typeof r.step.uses === 'string' && r.step.uses.startsWith('actions/cache'));
    expect(cacheSteps.length).toBe(4);
    for (const r of cacheSteps) {
      const saves = !String(r.step.uses).startsWith('actions/cache/restore@');
      expect(String(r.step.if), String(r.step.name)).toContain(saves ? "inputs.save-cache != 'false'" : "inputs.save-cache == 'false'");
    }
  });

  it('only the refresh workflow stores baselines', () => {
    for (const file of files) {
      for (const r of stepsOf(file).filter((s) => usesAction(s.step.uses))) {
        const mode = asMap(r.step.with)?.mode;
        if (mode === 'baseline') expect(file.path, `${file.path} job ${r.job}`).toMatch(/baseline-refresh\.yml$/);
      }
    }
  });
});

describe('the safe order documented in docs/security.md', () => {
  const doc = readFileSync(join(REPO_ROOT, 'docs/security.md'), 'utf8');
  const block = /```yaml\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';
  const file = parseYamlFile('docs/security.md', 'template', block);

  it('passes the checks every workflow of this repository passes', async () => {
    const lint = await loadActionlint();
    const findings = [...actionlintFindings(lint, file), ...validatorFindings({ ...file, kind: 'workflow' }), ...scriptExpressionFindings(file), ...workflowPolicyFindings(file)];
    expect(findings.map(formatFinding)).toEqual([]);
  });

  it("refuses a fork in the job's if:, before any step, and uses only inputs the action has", () => {
    const [job] = jobsOf(file);
    expect(String(job?.job.if)).toBe('github.event.pull_request.head.repo.full_name == github.repository');
    const action = parseYamlFile('action.yml', 'action', readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8'));
    const ours = stepsOf(file).filter((r) => usesAction(r.step.uses));
    expect(ours).toHaveLength(1);
    for (const key of Object.keys(asMap(ours[0]?.step.with) ?? {})) expect(actionInputs(action).has(key), key).toBe(true);
  });
});

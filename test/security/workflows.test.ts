/**
 * Defended in the workflow files (issue 10.2): a job that runs code nobody has reviewed yet cannot
 * write what a later run trusts.
 * - The dispatch workflow measures a candidate ref in a run of the ref it was dispatched from
 *   (usually the default branch): its caches would land in the default branch's scope, which every
 *   later run — the baseline refresh included — restores. Its setup only restores caches.
 * - setup-pipeline saves a cache only when save-cache is not false.
 * - Only the refresh workflow stores baselines (mode baseline); a gate job never does.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, asMap, loadRepositoryFiles, parseYamlFile, stepsOf } from '../static/yaml-file.js';

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

import { describe, expect, it } from 'vitest';
import { checkHosts } from '../../src/compare/comparability/host.js';
import { BUNDLED_PROFILE, OLLAMA_PROFILE, STAGED_PROFILE } from '../helpers/fixtures.js';
import { profileCopy, run, side, tempDir } from './helpers.js';

describe('host check', () => {
  it('ollama vs staged differ in git_sha but not host: no flag', () => {
    const check = checkHosts(side('baseline', run(STAGED_PROFILE)), side('candidate', run(OLLAMA_PROFILE)));
    expect(check.comparable).toBe(true);
    expect(check.differences).toEqual([]);
    expect(check.runs.map((r) => [r.side, r.hostname, r.cpu])).toEqual([
      ['baseline', 'Markos-MacBook-Pro.local', 'arm'],
      ['candidate', 'Markos-MacBook-Pro.local', 'arm'],
    ]);
  });

  it('a copy with another hostname is flagged, naming both hosts and runs', () => {
    const dir = tempDir();
    const other = run(profileCopy(BUNDLED_PROFILE, dir, 'ci-copy', (doc) => (doc.environment.hostname = 'ci-runner-7')));
    const check = checkHosts(side('baseline', run(STAGED_PROFILE)), side('candidate', other));
    expect(check.comparable).toBe(false);
    expect(check.differences).toEqual(['hostname differs: Markos-MacBook-Pro.local (baseline issue477-staged-gpt4o.yaml) vs ci-runner-7 (candidate ci-copy.yaml)']);
  });

  it('prefers cpu_model over cpu, and flags a CPU difference within a side too', () => {
    const dir = tempDir();
    const modelled = run(
      profileCopy(STAGED_PROFILE, dir, 'epyc', (doc) => {
        doc.environment.cpu_model = 'AMD EPYC 7763';
      }),
    );
    const check = checkHosts(side('baseline', run(STAGED_PROFILE), modelled), side('candidate', run(STAGED_PROFILE)));
    expect(check.runs[1]?.cpu).toBe('AMD EPYC 7763');
    expect(check.differences).toEqual(['CPU model differs: arm (baseline issue477-staged-gpt4o.yaml; candidate issue477-staged-gpt4o.yaml) vs AMD EPYC 7763 (baseline epyc.yaml)']);
  });

  it('a run without a hostname differs from one with it', () => {
    const dir = tempDir();
    const anonymous = run(profileCopy(STAGED_PROFILE, dir, 'anon', (doc) => delete doc.environment.hostname));
    expect(checkHosts(side('baseline', anonymous), side('candidate', run(STAGED_PROFILE))).differences[0]).toMatch(/^hostname differs: \(not recorded\)/);
  });
});

describe('host check over repeated runs', () => {
  it('names whole sides instead of listing every run', () => {
    const dir = tempDir();
    const ci = profileCopy(BUNDLED_PROFILE, dir, 'ci', (doc) => (doc.environment.hostname = 'ci-runner-7'));
    const check = checkHosts(side('baseline', run(STAGED_PROFILE), run(STAGED_PROFILE)), side('candidate', run(ci), run(ci), run(ci)));
    expect(check.differences).toEqual(['hostname differs: Markos-MacBook-Pro.local (all 2 baseline runs) vs ci-runner-7 (all 3 candidate runs)']);
  });
});

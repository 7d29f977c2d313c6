import { describe, expect, it } from 'vitest';
import { evalDirFor, profileStem, repeatStem, runFilesOf, samplesPathFor, samplesStem, stageTruthPathFor, warmupEventsPath } from '../../src/formats/run-files.js';

describe('the names of a measured run on disk (docs/ARCHITECTURE.md, "A measured run on disk")', () => {
  it('names every file of a run after its stem', () => {
    expect(runFilesOf('out/cand')).toEqual({
      profile: 'out/cand.yaml',
      stageTruth: 'out/cand.stage_truth.json',
      samples: 'out/cand.samples.jsonl',
      events: 'out/cand.events.jsonl',
    });
    expect(runFilesOf('out/cand', '/tmp/ev.jsonl').events).toBe('/tmp/ev.jsonl');
  });

  it('derives the companions from a profile path, .yaml or .yml', () => {
    expect(profileStem('a/b/run.YML')).toBe('a/b/run');
    expect(stageTruthPathFor('a/b/run.yaml')).toBe('a/b/run.stage_truth.json');
    expect(samplesPathFor('a/b/run.yml')).toBe('a/b/run.samples.jsonl');
    expect(evalDirFor('a/b/run.yaml')).toBe('a/b/run.eval');
    expect(samplesStem('a/run.samples.jsonl')).toBe('a/run');
    expect(samplesStem('a/other.jsonl')).toBe('a/other.jsonl');
  });

  it('keeps the plain stem for a single run and numbers repeated ones', () => {
    expect(repeatStem('out/c', 1, 1)).toBe('out/c');
    expect(repeatStem('out/c', 2, 3)).toBe('out/c.run-2');
    expect(warmupEventsPath('out/c')).toBe('out/c.warmup.events.jsonl');
  });
});

import { describe, expect, it } from 'vitest';
import { loadSideFromFlags, pairEvalDirs } from '../../src/cli/sides.js';
import { UserError } from '../../src/errors.js';
import { BUNDLED_PROFILE, NER_EVAL_DIR, OLLAMA_EVAL_DIR, OPENAI_EVAL_DIR, STAGED_PROFILE } from '../helpers/fixtures.js';

describe('eval directories for repeated runs', () => {
  it('none → beside each profile; one → every run; one per run → paired', () => {
    expect(pairEvalDirs('eval-baseline', [], 2, '--baseline')).toEqual([undefined, undefined]);
    expect(pairEvalDirs('eval-baseline', ['d'], 3, '--baseline')).toEqual(['d', 'd', 'd']);
    expect(pairEvalDirs('eval-baseline', ['a', 'b'], 2, '--baseline')).toEqual(['a', 'b']);
  });

  it('any other count is an error naming the flag', () => {
    expect(() => pairEvalDirs('eval-candidate', ['a', 'b'], 3, '--candidate')).toThrow(UserError);
    expect(() => pairEvalDirs('eval-candidate', ['a', 'b'], 3, '--candidate')).toThrow('--eval-candidate got 2 directories for 3 --candidate runs');
  });

  it('loads paired runs from the fixtures', () => {
    const side = loadSideFromFlags('baseline', [STAGED_PROFILE, BUNDLED_PROFILE], [OPENAI_EVAL_DIR, NER_EVAL_DIR], { profiles: '--baseline', evalDirs: 'eval-baseline' });
    expect(side.runs.map((r) => r.eval?.task)).toEqual(['summarization', 'ner_entities']);
    const shared = loadSideFromFlags('candidate', [STAGED_PROFILE, BUNDLED_PROFILE], [OLLAMA_EVAL_DIR], { profiles: '--candidate', evalDirs: 'eval-candidate' });
    expect(shared.runs.map((r) => r.files.eval)).toEqual([`${OLLAMA_EVAL_DIR}/metrics.json`, `${OLLAMA_EVAL_DIR}/metrics.json`]);
    expect(() => loadSideFromFlags('candidate', [], [], { profiles: '--candidate', evalDirs: 'eval-candidate' })).toThrow('no candidate profile given (--candidate)');
  });
});

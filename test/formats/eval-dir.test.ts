/** Finding a run's eval results in the pipeline's own data/eval/ tree (the fixtures are laid out like its repository). */
import { describe, expect, it } from 'vitest';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveEvalDir } from '../../src/formats/eval-dir.js';
import { FIXTURES, OPENAI_EVAL_DIR } from '../helpers/fixtures.js';

const CONFIG = 'data/eval/issue-477/experiment_openai_gpt4o_smoke_bullets_v1.yaml';

describe('resolveEvalDir', () => {
  it('takes a folder, a metrics.json, or a run id looked up in data/eval/{runs,baselines,references}', () => {
    expect(resolveEvalDir('data/eval/baselines/baseline_llm_openai_smoke_bullets_v1', FIXTURES)).toEqual({
      dir: OPENAI_EVAL_DIR,
      origin: 'data/eval/baselines/baseline_llm_openai_smoke_bullets_v1',
    });
    expect(resolveEvalDir('data/eval/baselines/baseline_llm_openai_smoke_bullets_v1/metrics.json', FIXTURES).dir).toBe(OPENAI_EVAL_DIR);
    expect(resolveEvalDir('baseline_llm_openai_smoke_bullets_v1', FIXTURES).dir).toBe(OPENAI_EVAL_DIR);
    expect(resolveEvalDir('silver_opus47_smoke_v1', FIXTURES).origin).toBe('data/eval/references/silver/silver_opus47_smoke_v1');
  });

  it('an experiment config of data/eval/issue-NNN/ names its run by its id; a run not there says every place looked', () => {
    let message = '';
    try {
      resolveEvalDir(CONFIG, FIXTURES);
    } catch (error) {
      message = (error as Error).message;
    }
    // data/eval/runs/ is not committed in the pipeline's repository: the run is not in the fixtures.
    expect(message).toBe(
      [
        `eval results "${CONFIG}" not found`,
        `  - ${CONFIG}: no metrics.json or eval_pipeline_metrics.json in it`,
        '  - data/eval/runs/experiment_openai_gpt4o_smoke_bullets_v1 (run id "experiment_openai_gpt4o_smoke_bullets_v1" of the experiment config data/eval/issue-477/experiment_openai_gpt4o_smoke_bullets_v1.yaml): not found',
      ].join('\n'),
    );
    // Once the run is there (a checkout where it was run), the config finds it.
    const checkout = mkdtempSync(join(tmpdir(), 'og-evaldir-'));
    cpSync(join(FIXTURES, 'data/eval/issue-477'), join(checkout, 'data/eval/issue-477'), { recursive: true });
    mkdirSync(join(checkout, 'data/eval/runs/experiment_openai_gpt4o_smoke_bullets_v1'), { recursive: true });
    copyFileSync(join(OPENAI_EVAL_DIR, 'metrics.json'), join(checkout, 'data/eval/runs/experiment_openai_gpt4o_smoke_bullets_v1/metrics.json'));
    expect(resolveEvalDir(CONFIG, checkout)).toEqual({
      dir: join(checkout, 'data/eval/runs/experiment_openai_gpt4o_smoke_bullets_v1'),
      origin: `data/eval/runs/experiment_openai_gpt4o_smoke_bullets_v1 (run id "experiment_openai_gpt4o_smoke_bullets_v1" of the experiment config ${CONFIG})`,
    });
  });

  it('keeps a name from the issue inside the checkout', () => {
    expect(() => resolveEvalDir('../../etc', FIXTURES)).toThrow('eval results "../../etc": expected a path inside the repository checkout');
    expect(() => resolveEvalDir('/etc', FIXTURES)).toThrow('expected a path inside the repository checkout');
    // The workflow's own input may point anywhere.
    expect(resolveEvalDir(OPENAI_EVAL_DIR, '/', { insideCheckout: false }).dir).toBe(OPENAI_EVAL_DIR);
  });
});

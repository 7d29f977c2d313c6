/** Paths into the real fixtures (copied byte for byte from the pipeline project; see MANIFEST.md). */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const FIXTURES = fileURLToPath(new URL('../fixtures/podcast_scraper/', import.meta.url));

export function fixture(...parts: string[]): string {
  return join(FIXTURES, ...parts);
}

export const STAGED_PROFILE = fixture('data/profiles/issue-477/issue477-staged-gpt4o.yaml');
export const BUNDLED_PROFILE = fixture('data/profiles/issue-477/issue477-bundled-gpt4o.yaml');
export const ANTHROPIC_PROFILE = fixture('data/profiles/v2.6-wip-anthropic.yaml');
export const OLLAMA_PROFILE = fixture('data/profiles/v2.6-wip-ollama-qwen35.yaml');
/** The four v2.6 provider profiles added 2026-11-27; each has a stage with the "no sample" markers (0 MiB, 0.0 %). */
export const GEMINI_PROFILE = fixture('data/profiles/v2.6-wip-gemini.yaml');
export const GROK_PROFILE = fixture('data/profiles/v2.6-wip-grok.yaml');
export const MISTRAL_PROFILE = fixture('data/profiles/v2.6-wip-mistral.yaml');
export const DEEPSEEK_PROFILE = fixture('data/profiles/v2.6-wip-deepseek.yaml');
/** Every real profile YAML in the fixtures. */
export const REAL_PROFILES = [STAGED_PROFILE, BUNDLED_PROFILE, ANTHROPIC_PROFILE, OLLAMA_PROFILE, GEMINI_PROFILE, GROK_PROFILE, MISTRAL_PROFILE, DEEPSEEK_PROFILE];
export const OPENAI_EVAL_DIR = fixture('data/eval/baselines/baseline_llm_openai_smoke_bullets_v1');
export const OLLAMA_EVAL_DIR = fixture('data/eval/baselines/baseline_llm_ollama_qwen35_9b_smoke_bullets_v1');
/** A whole promoted eval run on another dataset (curated_5feeds_benchmark_v1) than the two smoke runs. */
export const ANTHROPIC_BENCHMARK_EVAL_DIR = fixture('data/eval/baselines/baseline_llm_anthropic_benchmark_paragraph_v1');
export const NER_EVAL_DIR = fixture('data/eval/baselines/baseline_ner_prod_authority_v1');
export const SILVER_OPUS_EVAL_DIR = fixture('data/eval/references/silver/silver_opus47_smoke_v1');
export const GEMINI_METRICS = fixture('data/quality_snapshots/eval_refresh_2026-04-23/autoresearch_prompt_gemini25_flash_lite_bundled_benchmark_bullets_v2.metrics.json');
export const PIPELINE_METRICS_SKELETON = fixture('_generated/eval_pipeline_metrics.EMPTY_SKELETON.json');

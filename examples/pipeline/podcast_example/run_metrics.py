"""The pipeline's own metrics, in the key shape of podcast_scraper's metrics.json /
eval_pipeline_metrics.json (metrics_skeleton.json: every key, zero values), filled from a run."""
import copy
import json
import os

_SKELETON = os.path.join(os.path.dirname(__file__), "metrics_skeleton.json")
# Our stage -> (count key, avg key, per-episode key) in that shape.
STAGE_KEYS = {
    "fetch": ("download_media_count", "avg_download_media_seconds", "download_media_time_by_episode"),
    "transcribe": ("transcribe_count", "avg_transcribe_seconds", "transcribe_time_by_episode"),
    "clean": ("cleaning_count", "avg_cleaning_seconds", "cleaning_time_by_episode"),
    "summarize": ("summarize_count", "avg_summarize_seconds", "summarize_time_by_episode"),
    "extract": ("kg_count", "avg_kg_seconds", None),
}
LLM_STAGES = {"cleaning": "llm_cleaning", "summarization": "llm_summarization", "bundled_clean_summary": "llm_bundled_clean_summary"}


def pipeline_metrics(result, usage, run_seconds):
    with open(_SKELETON, encoding="utf-8") as f:
        m = copy.deepcopy(json.load(f))
    n = len(result["episodes"])
    m.update(
        run_duration_seconds=round(run_seconds, 2),
        episodes_scraped_total=n,
        transcripts_transcribed=len(result["meta"]),
        episodes_summarized=len(result["summaries"]),
        kg_artifacts_generated=len(result["keywords"]),
        transcription_device="cpu",
        summarization_device="api",
        download_media_attempts=n,
    )
    for stage, (count_key, avg_key, by_episode_key) in STAGE_KEYS.items():
        seconds = result["seconds"].get(stage, {})
        m[count_key] = len(seconds)
        m[avg_key] = round(sum(seconds.values()) / len(seconds), 4) if seconds else 0.0
        if by_episode_key:
            m[by_episode_key] = {episode: round(s, 4) for episode, s in sorted(seconds.items())}
    total_cost = 0.0
    prompt_tokens = completion_tokens = 0
    for stage, prefix in LLM_STAGES.items():
        entry = usage.by_stage.get(stage, {"calls": 0, "input": 0, "output": 0, "cost_usd": 0.0})
        calls = entry["calls"]
        m[f"{prefix}_calls"] = calls
        m[f"{prefix}_input_tokens"] = entry["input"]
        m[f"{prefix}_output_tokens"] = entry["output"]
        m[f"{prefix}_avg_input_tokens_per_call"] = round(entry["input"] / calls, 1) if calls else 0.0
        m[f"{prefix}_avg_output_tokens_per_call"] = round(entry["output"] / calls, 1) if calls else 0.0
        m[f"{prefix}_cost_usd"] = round(entry["cost_usd"], 6)
        m["llm_token_totals_by_stage"][stage] = {"input": entry["input"], "output": entry["output"], "calls": calls}
        total_cost += entry["cost_usd"]
        prompt_tokens += entry["input"]
        completion_tokens += entry["output"]
    if m["cleaning_count"]:
        m["llm_cleaning_calls_per_recorded_cleaning_episode"] = round(m["llm_cleaning_calls"] / m["cleaning_count"], 2)
    m.update(
        total_stage_cost_usd=round(total_cost, 6),
        total_episode_estimated_cost_usd=round(total_cost, 6),
        total_episode_estimated_cost_usd_legacy=round(total_cost, 6),
        total_episode_prompt_tokens=prompt_tokens,
        total_episode_completion_tokens=completion_tokens,
        episode_statuses=[{"episode": e, "status": "ok"} for e in result["episodes"]],
    )
    return m

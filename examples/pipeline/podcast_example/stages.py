"""The pipeline: fetch -> transcribe -> clean -> summarize -> extract.

Baseline: a cleaning LLM call, then a summarization LLM call, per episode. Bundled (the opt-in
optimization): one call that cleans and summarizes, with lighter inline cleaning. Transcription runs
in a pool of forked worker processes, each holding a "speech model" in memory; the LLM stages run
episodes concurrently on threads, so their stage events overlap.
"""
import multiprocessing
import os
import time
from concurrent.futures import ThreadPoolExecutor

from . import llm, text, work
from .events import Recorder

# Work per unit, before --slow factors (CPU seconds burnt, or seconds waited).
FETCH_WAIT_S = 0.04  # per episode: the download
TRANSCRIBE_CPU_S_PER_MIN = 0.008  # per minute of audio, in a worker process
MODEL_MIB = 24  # the speech model each transcription worker loads
CLEAN_CPU_S = 0.03
SUMMARIZE_CPU_S = 0.05
BUNDLED_CPU_S = 0.06
EXTRACT_CPU_S = 0.03

_worker = {}


def _init_worker(slow):
    _worker["model"] = work.touch_memory(MODEL_MIB)
    _worker["recorder"] = Recorder()
    _worker["slow"] = slow


def _transcribe_one(item):
    episode_id, raw = item
    started = time.perf_counter()
    with _worker["recorder"].stage("transcribe", episode_id):
        meta = text.parse_episode(raw)
        work.burn_cpu(meta["duration_min"] * TRANSCRIBE_CPU_S_PER_MIN * _worker["slow"])
    return episode_id, meta, time.perf_counter() - started


def _pool_context():
    # Forked workers share the parent's pages (what the freeze's PSS accounting is about).
    try:
        return multiprocessing.get_context("fork")
    except ValueError:
        return multiprocessing.get_context("spawn")


def list_episodes(episodes_dir, limit=None):
    names = sorted(n for n in os.listdir(episodes_dir) if n.endswith(".txt"))
    return [(n[:-4], os.path.join(episodes_dir, n)) for n in names[:limit]]


def run_pipeline(config, slow, episodes_dir, recorder, usage, limit=None, fail_at=None):
    """Runs every stage; returns per-episode summaries, keywords, timings and latencies."""
    factor = lambda stage: slow.get(stage, 1.0)  # noqa: E731
    out = {"episodes": [], "meta": {}, "summaries": {}, "keywords": {}, "seconds": {}, "latency_s": {}}

    def enter(stage):
        recorder.status(stage)
        if fail_at == stage:
            raise RuntimeError(f"failing on purpose at stage {stage!r} (--fail-at)")

    enter("fetch")
    raw = {}
    for episode_id, path in list_episodes(episodes_dir, limit):
        started = time.perf_counter()
        with recorder.stage("fetch", episode_id):
            with open(path, encoding="utf-8") as f:
                raw[episode_id] = f.read()
            work.wait(FETCH_WAIT_S * factor("fetch"))
        out["seconds"].setdefault("fetch", {})[episode_id] = time.perf_counter() - started
        out["episodes"].append(episode_id)

    enter("transcribe")
    ctx = _pool_context()
    pool = ctx.Pool(config["transcribe_workers"], initializer=_init_worker, initargs=(factor("transcribe"),))
    try:
        for episode_id, meta, seconds in pool.imap_unordered(_transcribe_one, sorted(raw.items())):
            out["meta"][episode_id] = meta
            out["seconds"].setdefault("transcribe", {})[episode_id] = seconds
    finally:
        pool.close()
        pool.join()

    def timed(stage, episode_id, fn):
        started = time.perf_counter()
        with recorder.stage(stage, episode_id):
            result = fn()
        seconds = time.perf_counter() - started
        out["seconds"].setdefault(stage, {})[episode_id] = seconds
        out["latency_s"][episode_id] = out["latency_s"].get(episode_id, 0.0) + seconds
        return result

    def clean(episode_id):
        segments = out["meta"][episode_id]["segments"]
        raw_text = " ".join(t for _, _, t in segments)
        work.burn_cpu(CLEAN_CPU_S * factor("clean"))
        cleaned = text.clean_transcript(segments)
        return llm.complete(usage, "cleaning", raw_text, cleaned, factor("clean"), work.wait)

    def summarize(episode_id, cleaned):
        work.burn_cpu(SUMMARIZE_CPU_S * factor("summarize"))
        summary = text.summarize(cleaned, config["summary_sentences"])
        return llm.complete(usage, "summarization", cleaned, summary, factor("summarize"), work.wait)

    def bundled(episode_id):
        segments = out["meta"][episode_id]["segments"]
        raw_text = " ".join(t for _, _, t in segments)
        work.burn_cpu(BUNDLED_CPU_S * factor("summarize"))
        summary = text.summarize(text.clean_transcript(segments, light=True), config["summary_sentences"], position_bias=-0.1)
        return llm.complete(usage, "bundled_clean_summary", raw_text, summary, factor("summarize"), work.wait)

    with ThreadPoolExecutor(max_workers=config["llm_concurrency"]) as threads:
        ids = out["episodes"]
        if config["bundled"]:
            enter("summarize")
            summaries = threads.map(lambda e: timed("summarize", e, lambda: bundled(e)), ids)
        else:
            enter("clean")
            cleaned = dict(zip(ids, threads.map(lambda e: timed("clean", e, lambda: clean(e)), ids)))
            enter("summarize")
            summaries = threads.map(lambda e: timed("summarize", e, lambda: summarize(e, cleaned[e])), ids)
        out["summaries"] = dict(zip(ids, summaries))

    enter("extract")
    for episode_id in out["episodes"]:
        def extract(episode_id=episode_id):
            work.burn_cpu(EXTRACT_CPU_S * factor("extract"))
            return text.keywords(out["summaries"][episode_id] + " " + out["meta"][episode_id]["title"])

        started = time.perf_counter()
        with recorder.stage("extract", episode_id):
            out["keywords"][episode_id] = extract()
        out["seconds"].setdefault("extract", {})[episode_id] = time.perf_counter() - started
    recorder.status("done")
    return out

#!/usr/bin/env python3
"""The eval experiment: runs the summarizer over the bundled episodes and scores it against the
bundled reference summaries, in the layout of podcast_scraper's scorer.

    python3 experiment.py --config config/baseline.json --out DIR [--slow summarize=1.2]

Writes DIR/metrics.json (gates, length, latency, cost, vs_reference.<id>.*) and
DIR/eval_pipeline_metrics.json (per-stage LLM calls, tokens and cost). Exits 0 whatever the quality:
the gate is what makes quality binding.
"""
import argparse
import json
import os
import statistics
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from podcast_example import scoring  # noqa: E402
from podcast_example.config import load_config, parse_slow, STAGES  # noqa: E402
from podcast_example.events import Recorder  # noqa: E402
from podcast_example.llm import Usage, count_tokens  # noqa: E402
from podcast_example.run_metrics import pipeline_metrics  # noqa: E402
from podcast_example.stages import run_pipeline  # noqa: E402
from podcast_example.text import BOILERPLATE  # noqa: E402


def read_references(directory):
    refs = {}
    for name in sorted(os.listdir(directory)):
        if name.endswith(".txt"):
            with open(os.path.join(directory, name), encoding="utf-8") as f:
                refs[name[:-4]] = f.read().strip()
    return refs


def gates(summaries):
    failures = {}
    for episode_id, summary in summaries.items():
        failed = []
        if not summary.strip():
            failed.append("empty")
        if BOILERPLATE.search(summary):
            failed.append("boilerplate_leak")
        if scoring.SPEAKER_LABEL.search(summary):
            failed.append("speaker_label_leak")
        if summary.strip() and not scoring.TERMINAL.search(summary.strip()):
            failed.append("truncation")
        if failed:
            failures[episode_id] = failed
    n = max(1, len(summaries))
    rate = lambda gate: sum(gate in f for f in failures.values()) / n  # noqa: E731
    return {
        "boilerplate_leak_rate": rate("boilerplate_leak"),
        "speaker_label_leak_rate": rate("speaker_label_leak"),
        "truncation_rate": rate("truncation"),
        "failed_episodes": sorted(e for e, f in failures.items() if "empty" in f),
        "episode_gate_failures": failures,
    }


def percentile(values, q):
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--config", required=True)
    parser.add_argument("--out", required=True, help="directory for metrics.json and eval_pipeline_metrics.json")
    parser.add_argument("--episodes-dir", default=os.path.join(HERE, "data", "episodes"))
    parser.add_argument("--references-dir", default=os.path.join(HERE, "data", "references"))
    parser.add_argument("--reference", default="silver_example_v1", help="reference summaries to score against")
    parser.add_argument("--dataset-id", default="example_podcasts_v1")
    parser.add_argument("--slow", action="append", metavar="STAGE=FACTOR", help=f"multiply a stage's work ({', '.join(STAGES)})")
    args = parser.parse_args(argv)

    config = load_config(args.config)
    usage = Usage(config["model"])
    started = time.perf_counter()
    # No stage events from the experiment: it is not the run being profiled.
    result = run_pipeline(config, parse_slow(args.slow), args.episodes_dir, Recorder(events_path="", status_path=None), usage)
    seconds = time.perf_counter() - started
    summaries = result["summaries"]
    latencies_ms = [result["latency_s"][e] * 1000 for e in result["episodes"]]
    lengths = [count_tokens(s) for s in summaries.values()]
    total_cost = sum(s["cost_usd"] for s in usage.by_stage.values())

    try:
        references = read_references(os.path.join(args.references_dir, args.reference))
        versus = {"reference_quality": "silver", **scoring.versus_reference(summaries, references)}
    except OSError as error:
        versus = {"error": f"reference {args.reference!r} not readable: {error}"}

    n = len(summaries)
    metrics = {
        "dataset_id": args.dataset_id,
        "run_id": f"experiment_{config['name']}",
        "episode_count": n,
        "intrinsic": {
            "gates": gates(summaries),
            "warnings": {"speaker_name_leak_rate": sum(bool(scoring.SPEAKER_WORD.search(s)) for s in summaries.values()) / max(1, n)},
            "length": {"avg_tokens": sum(lengths) / max(1, n), "min_tokens": min(lengths, default=0), "max_tokens": max(lengths, default=0)},
            "performance": {
                "avg_latency_ms": statistics.fmean(latencies_ms) if latencies_ms else 0.0,
                "median_latency_ms": statistics.median(latencies_ms) if latencies_ms else 0.0,
                "p95_latency_ms": percentile(latencies_ms, 0.95) if latencies_ms else 0.0,
            },
            "cost": {
                "avg_cost_usd": total_cost / max(1, n),
                "total_cost_usd": total_cost,
                "total_input_tokens": sum(s["input"] for s in usage.by_stage.values()),
                "total_output_tokens": sum(s["output"] for s in usage.by_stage.values()),
            },
        },
        "vs_reference": {args.reference: versus},
        "schema": "metrics_summarization_v2",
        "task": "summarization",
        "config": {"name": config["name"], "bundled": config["bundled"], "model": config["model"]},
    }
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "metrics.json"), "w", encoding="utf-8") as f:
        json.dump(metrics, f, indent=2)
    with open(os.path.join(args.out, "eval_pipeline_metrics.json"), "w", encoding="utf-8") as f:
        json.dump(pipeline_metrics(result, usage, seconds), f, indent=2)
    rouge = versus.get("rougeL_f1")
    print(f"experiment ({config['name']}): {n} episodes, rougeL {rouge:.3f}, ${total_cost:.5f}" if rouge is not None else f"experiment ({config['name']}): {n} episodes")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Runs the example podcast pipeline over the bundled episodes.

    python3 pipeline.py --config config/baseline.json [--out DIR] [--slow clean=1.10] [--metrics-out PATH]

Writes summaries and keywords under --out. When $OPTIMIZATION_GATE_STAGE_EVENTS is set (the freeze
sets it) it appends stage events there; it also keeps --status-file up to date.
"""
import argparse
import json
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from podcast_example.config import load_config, parse_slow, STAGES  # noqa: E402
from podcast_example.events import Recorder  # noqa: E402
from podcast_example.llm import Usage  # noqa: E402
from podcast_example.run_metrics import pipeline_metrics  # noqa: E402
from podcast_example.stages import run_pipeline  # noqa: E402


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--config", required=True, help="config/baseline.json or config/optimized.json (opt-in bundled mode)")
    parser.add_argument("--episodes-dir", default=os.path.join(HERE, "data", "episodes"))
    parser.add_argument("--limit", type=int, default=None, help="only the first N episodes")
    parser.add_argument("--out", default="pipeline-out", help="directory for summaries and keywords")
    parser.add_argument("--slow", action="append", metavar="STAGE=FACTOR", help=f"multiply a stage's work ({', '.join(STAGES)})")
    parser.add_argument("--metrics-out", help="write the run's metrics.json (podcast_scraper key shape) here")
    parser.add_argument("--status-file", default=".pipeline_status.json", help="pipeline status file ('' for none)")
    parser.add_argument("--fail-at", choices=STAGES, help="fail on purpose when this stage starts (exit 1)")
    args = parser.parse_args(argv)

    config = load_config(args.config)
    slow = parse_slow(args.slow)
    recorder = Recorder(status_path=args.status_file or None)
    usage = Usage(config["model"])
    started = time.perf_counter()
    try:
        result = run_pipeline(config, slow, args.episodes_dir, recorder, usage, args.limit, args.fail_at)
    except RuntimeError as error:
        print(f"pipeline: {error}", file=sys.stderr)
        return 1
    seconds = time.perf_counter() - started

    os.makedirs(os.path.join(args.out, "summaries"), exist_ok=True)
    for episode_id, summary in result["summaries"].items():
        with open(os.path.join(args.out, "summaries", f"{episode_id}.txt"), "w", encoding="utf-8") as f:
            f.write(summary + "\n")
    with open(os.path.join(args.out, "keywords.json"), "w", encoding="utf-8") as f:
        json.dump(result["keywords"], f, indent=2)
    if args.metrics_out:
        with open(args.metrics_out, "w", encoding="utf-8") as f:
            json.dump(pipeline_metrics(result, usage, seconds), f, indent=2)
    cost = sum(s["cost_usd"] for s in usage.by_stage.values())
    mode = "bundled" if config["bundled"] else "staged"
    print(f"pipeline ({config['name']}, {mode}): {len(result['episodes'])} episodes in {seconds:.2f} s, LLM cost ${cost:.5f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Pipeline configuration (JSON) and the --slow STAGE=FACTOR knob."""
import json
import os

STAGES = ("fetch", "transcribe", "clean", "summarize", "extract")

DEFAULTS = {
    "name": "unnamed",
    "bundled": False,
    "model": "example-llm-small",
    "summary_sentences": 5,
    "transcribe_workers": 2,
    "llm_concurrency": 2,
}


def load_config(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    if not isinstance(data, dict):
        raise SystemExit(f"{path}: expected a JSON object")
    unknown = sorted(set(data) - set(DEFAULTS) - {"description"})
    if unknown:
        raise SystemExit(f"{path}: unknown keys {unknown}; known: {sorted(DEFAULTS)}")
    config = dict(DEFAULTS)
    config.update(data)
    config["source"] = os.path.abspath(path)
    return config


def parse_slow(values):
    """['clean=1.10', ...] -> {'clean': 1.1}: multiplies that stage's work (CPU and latency)."""
    factors = {}
    for value in values or []:
        stage, sep, factor = value.partition("=")
        if not sep or stage not in STAGES:
            raise SystemExit(f"--slow expects STAGE=FACTOR with STAGE one of {', '.join(STAGES)}; got {value!r}")
        try:
            number = float(factor)
        except ValueError:
            number = -1.0
        if not number > 0:
            raise SystemExit(f"--slow {value!r}: FACTOR must be a number > 0")
        factors[stage] = number
    return factors

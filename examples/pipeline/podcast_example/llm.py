"""A simulated LLM service: token counting, a price table, latency, and usage per stage.

Tokens are estimated as 4/3 per word (typical for English BPE). Latency grows with the tokens, like a
real API; it is a sleep (the caller's process is idle while the "service" works), scaled by --slow.
"""
import math
import threading

# USD per million tokens (input, output).
PRICES = {"example-llm-small": (0.15, 0.60), "example-llm-large": (2.50, 10.00)}
PROMPT_TOKENS = {"cleaning": 60, "summarization": 90, "bundled_clean_summary": 140}


def count_tokens(text):
    return math.ceil(len(text.split()) * 4 / 3)


class Usage:
    def __init__(self, model):
        if model not in PRICES:
            raise SystemExit(f"unknown model {model!r}; known: {sorted(PRICES)}")
        self.model = model
        self.by_stage = {}
        self._lock = threading.Lock()

    def record(self, stage, input_tokens, output_tokens):
        price_in, price_out = PRICES[self.model]
        cost = (input_tokens * price_in + output_tokens * price_out) / 1e6
        with self._lock:
            entry = self.by_stage.setdefault(stage, {"calls": 0, "input": 0, "output": 0, "cost_usd": 0.0})
            entry["calls"] += 1
            entry["input"] += input_tokens
            entry["output"] += output_tokens
            entry["cost_usd"] += cost
        return cost


def call_latency_s(input_tokens, output_tokens):
    """Seconds a call takes: a fixed overhead, reading the prompt, writing the answer."""
    return 0.05 + input_tokens * 0.00005 + output_tokens * 0.00025


def complete(usage, stage, prompt_text, answer_text, slow=1.0, wait=None):
    """'Calls' the model: records tokens and cost, waits for the simulated latency, returns the answer."""
    input_tokens = PROMPT_TOKENS[stage] + count_tokens(prompt_text)
    output_tokens = count_tokens(answer_text)
    usage.record(stage, input_tokens, output_tokens)
    if wait is not None:
        wait(call_latency_s(input_tokens, output_tokens) * slow)
    return answer_text

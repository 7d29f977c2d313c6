"""A small podcast pipeline (fetch -> transcribe -> clean -> summarize -> extract) to try optimization-gate on.

Standard library only. The "LLM" and the "speech model" are simulated with calibrated CPU work and
latency, so that the stages cost something real and scale predictably (see work.py).
"""

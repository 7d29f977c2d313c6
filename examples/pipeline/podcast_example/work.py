"""Calibrated work: stage costs that are real (CPU is burnt, memory is touched) and scale exactly.

burn_cpu(s) spins until this thread has used s seconds of CPU time (hashing a buffer, so the CPU
really works), whatever the machine's speed; a --slow factor multiplies s, so the stage's CPU time
scales by exactly that factor. Simulated service latency (the "LLM" answering) is a sleep, scaled
the same way.
"""
import hashlib
import time

_BLOCK = bytes(range(256)) * 64


def burn_cpu(seconds):
    if seconds <= 0:
        return
    until = time.thread_time() + seconds
    digest = b""
    while time.thread_time() < until:
        digest = hashlib.blake2b(_BLOCK + digest, digest_size=16).digest()


def wait(seconds):
    if seconds > 0:
        time.sleep(seconds)


def touch_memory(mib):
    """A buffer of `mib` MiB with every page written, so it is resident (and private to this process)."""
    block = bytearray(mib * 1024 * 1024)
    for offset in range(0, len(block), 4096):
        block[offset] = 1
    return block

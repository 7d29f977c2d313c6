"""Reference meter for the bench: an independent implementation, in Python, of "the tree's memory".

Every 1/HZ s it scans /proc for processes in the root's session (the freeze starts the command as a
session leader) and sums Pss, Pss without file pages (Pss_Anon + Pss_Shmem) and Rss from smaps_rollup; it also keeps the root's own RSS (what a
sampler of only its own process would see). Stops when the root is gone; writes JSON to argv[3].
"""
import json
import os
import sys
import time

ROOT = int(sys.argv[1])
HZ = float(sys.argv[2])
OUT = sys.argv[3]


def session_of(pid):
    with open(f"/proc/{pid}/stat", "rb") as f:
        text = f.read().decode("latin1")
    fields = text[text.rindex(")") + 2:].split()
    return int(fields[3]), fields[0]  # session (field 6), state (field 3)


def rollup(pid):
    """Pss, Rss, and Pss without file pages (Pss_Anon + Pss_Shmem: what a cgroup's anon + shmem counts)."""
    pss = rss = anon_shmem = 0
    with open(f"/proc/{pid}/smaps_rollup") as f:
        for line in f:
            if line.startswith("Pss:"):
                pss = int(line.split()[1])
            elif line.startswith("Rss:"):
                rss = int(line.split()[1])
            elif line.startswith("Pss_Anon:") or line.startswith("Pss_Shmem:"):
                anon_shmem += int(line.split()[1])
    return pss, rss, anon_shmem


peak_pss = peak_rss_sum = peak_root_rss = peak_anon_shmem = 0
count = 0
start = time.monotonic()
k = 0
while True:
    tree_pss = tree_rss = tree_anon_shmem = 0
    root_alive = False
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        pid = int(name)
        try:
            sid, state = session_of(pid)
            if sid != ROOT or state == "Z":
                continue
            pss, rss, anon_shmem = rollup(pid)
        except (OSError, ValueError):
            continue
        tree_pss += pss
        tree_rss += rss
        tree_anon_shmem += anon_shmem
        if pid == ROOT:
            root_alive = True
            peak_root_rss = max(peak_root_rss, rss)
    if not root_alive and count > 0:
        break
    count += 1
    peak_pss = max(peak_pss, tree_pss)
    peak_rss_sum = max(peak_rss_sum, tree_rss)
    peak_anon_shmem = max(peak_anon_shmem, tree_anon_shmem)
    k += 1
    delay = start + k / HZ - time.monotonic()
    if delay > 0:
        time.sleep(delay)
elapsed = time.monotonic() - start
with open(OUT, "w") as f:
    json.dump({
        "hz": HZ,
        "samples": count,
        "achieved_hz": count / elapsed if elapsed > 0 else 0,
        "peak_pss_mb": peak_pss / 1024,
        "peak_pss_anon_shmem_mb": peak_anon_shmem / 1024,
        "peak_rss_sum_mb": peak_rss_sum / 1024,
        "peak_root_rss_mb": peak_root_rss / 1024,
    }, f)

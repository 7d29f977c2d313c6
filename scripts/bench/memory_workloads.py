"""Memory workloads for `npm run bench`, built the way ML pipelines behave (stdlib only).

Usage: memory_workloads.py WORKLOAD TRUTH_JSON
Each workload knows its own truth and writes it to TRUTH_JSON: the sum of PSS over its whole tree,
read by the workload itself (every process's smaps_rollup) while the tree holds its peak, and what
it allocated.

  shared       the parent fills one 512 MiB MAP_SHARED mapping (shared-memory tensors, mmapped
               weights); 4 forked workers read all of it and hold
  cow          20 forked workers at once each write to 25 MiB they inherited (copy-on-write, as
               Python workers touching inherited objects do) and add 25 MiB of their own
  cow_gradual  the same, the inherited pages written 1 MiB every 0.2 s
  churn        100 short-lived children alive at any time (each lives 0.5-1.5 s), for CHURN_S
  spike        the parent maps and fills 2 GiB, holds it 60 ms (shorter than a 10 Hz interval), frees it
  idle         one process sleeping IDLE_S
"""
import json
import mmap
import os
import random
import sys
import time

WORKLOAD, TRUTH = sys.argv[1], sys.argv[2]
HOLD_S = float(os.environ.get("BENCH_HOLD_S", "2.0"))
MiB = 1024 * 1024


def pss_mb(pids):
    total = 0
    for pid in pids:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
    return total / 1024


def touch(buf, value=1, step=4096, start=0, end=None):
    for i in range(start, len(buf) if end is None else end, step):
        buf[i] = value


def workers_holding(n, body):
    """Forks n workers running body(); returns (pids, release) once each has reached its peak. The
    workers then hold it until release() (so the truth is read on the plateau, however slow the host)."""
    r, w = os.pipe()
    hold_r, hold_w = os.pipe()
    pids = []
    for _ in range(n):
        pid = os.fork()
        if pid == 0:
            os.close(r)
            os.close(hold_w)
            body()
            os.write(w, b"x")
            os.read(hold_r, 1)  # returns when the parent closes its end
            os._exit(0)
        pids.append(pid)
    os.close(w)
    os.close(hold_r)
    got = 0
    while got < n:
        got += len(os.read(r, n - got))
    os.close(r)
    return pids, lambda: os.close(hold_w)


def finish(truth, pids, release=None):
    with open(TRUTH, "w") as f:
        json.dump(truth, f)
    if release:
        time.sleep(HOLD_S)
        release()
    for pid in pids:
        os.waitpid(pid, 0)


if WORKLOAD == "shared":
    shared = mmap.mmap(-1, 512 * MiB, flags=mmap.MAP_SHARED)
    touch(shared)

    def reader():
        total = 0
        for i in range(0, len(shared), 4096):
            total += shared[i]

    pids, release = workers_holding(4, reader)
    truth = {"workload": "shared", "tree_pss_mb": pss_mb([os.getpid(), *pids]), "allocated_mb": 512, "processes": 5}
    finish(truth, pids, release)

elif WORKLOAD in ("cow", "cow_gradual"):
    inherited = bytearray(25 * MiB)
    touch(inherited)
    gradual = WORKLOAD == "cow_gradual"

    def worker():
        global own
        own = bytearray(25 * MiB)
        touch(own)
        if gradual:
            for mb in range(25):
                touch(inherited, 2, start=mb * MiB, end=(mb + 1) * MiB)
                time.sleep(0.2)
        else:
            touch(inherited, 2)

    pids, release = workers_holding(20, worker)
    truth = {"workload": WORKLOAD, "tree_pss_mb": pss_mb([os.getpid(), *pids]), "allocated_mb": 25 + 20 * 50, "processes": 21}
    finish(truth, pids, release)

elif WORKLOAD == "churn":
    until = time.time() + float(os.environ.get("CHURN_S", "6"))
    alive = set()
    started = 0
    while time.time() < until:
        while len(alive) < 100:
            life = random.uniform(0.5, 1.5)
            pid = os.fork()
            if pid == 0:
                time.sleep(life)
                os._exit(0)
            alive.add(pid)
            started += 1
        pid, _ = os.wait()
        alive.discard(pid)
    for pid in alive:
        os.waitpid(pid, 0)
    finish({"workload": "churn", "children_started": started, "alive_at_once": 100}, [])

elif WORKLOAD == "spike":
    time.sleep(1.0)
    before = pss_mb([os.getpid()])
    big = mmap.mmap(-1, 2048 * MiB, flags=mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS | getattr(mmap, "MAP_POPULATE", 0))
    if not hasattr(mmap, "MAP_POPULATE"):
        touch(big)
    at_spike = pss_mb([os.getpid()])
    time.sleep(0.06)
    big.close()
    time.sleep(1.0)
    finish({"workload": "spike", "tree_pss_mb": at_spike, "before_mb": before, "allocated_mb": 2048, "processes": 1}, [])

elif WORKLOAD == "idle":
    time.sleep(float(os.environ.get("IDLE_S", "6")))
    finish({"workload": "idle"}, [])

else:
    sys.exit(f"unknown workload {WORKLOAD}")

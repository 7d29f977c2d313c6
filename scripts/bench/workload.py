"""Bench workload with known ground truth (stdlib only).

Stages, each stamped on the workload's own clock (time.time()) into stage events
($OPTIMIZATION_GATE_STAGE_EVENTS), .pipeline_status.json (for the status-file source) and the
truth file given as argv[1]:
  alloc     the parent touches PARENT_MB and holds it
  fork      K children each touch a private CHILD_MB (the parent's pages stay shared copy-on-write)
  cpu_one   one process busy for CPU_S                    (expect ~100 % of a core)
  cpu_two   parent + one child busy for CPU_S             (expect ~200 %)
  short     a 0.15 s stage (shorter than a 2 Hz interval)
  tail      a last quiet stage
"""
import json
import os
import sys
import time

TRUTH = sys.argv[1]
PARENT_MB = int(os.environ.get("BENCH_PARENT_MB", "200"))
CHILD_MB = int(os.environ.get("BENCH_CHILD_MB", "50"))
CHILDREN = int(os.environ.get("BENCH_CHILDREN", "3"))
HOLD_S = float(os.environ.get("BENCH_HOLD_S", "1.5"))
CPU_S = float(os.environ.get("BENCH_CPU_S", "1.5"))
EVENTS = os.environ.get("OPTIMIZATION_GATE_STAGE_EVENTS")
spans = []


def cpu_seconds():
    t = os.times()  # own + waited-for children, user + system
    return t.user + t.system + t.children_user + t.children_system


def mark(stage, event):
    now = time.time()
    cpu = cpu_seconds()
    if EVENTS:
        with open(EVENTS, "a") as f:
            f.write(json.dumps({"ts": now, "stage": stage, "event": event}) + "\n")
    if event == "start":
        spans.append({"stage": stage, "start": now, "cpu_start": cpu})
        with open(".pipeline_status.json.tmp", "w") as f:
            json.dump({"stage": stage, "stage_started_at": now}, f)
        os.replace(".pipeline_status.json.tmp", ".pipeline_status.json")
    else:
        spans[-1]["end"] = now
        # The workload's own account of its CPU use in the stage (children counted once waited for).
        spans[-1]["cpu_pct"] = (cpu - spans[-1].pop("cpu_start")) / (now - spans[-1]["start"]) * 100


def touch(mb):
    block = bytearray(mb * 1024 * 1024)
    for i in range(0, len(block), 4096):
        block[i] = 1
    return block


def busy(seconds):
    until = time.time() + seconds
    n = 0
    while time.time() < until:
        n += 1
    return n


mark("alloc", "start")
parent = touch(PARENT_MB)
time.sleep(0.5)
mark("alloc", "end")

mark("fork", "start")
pids = []
for _ in range(CHILDREN):
    pid = os.fork()
    if pid == 0:
        own = touch(CHILD_MB)
        time.sleep(HOLD_S)
        os._exit(0)
    pids.append(pid)
for pid in pids:
    os.waitpid(pid, 0)
mark("fork", "end")

mark("cpu_one", "start")
busy(CPU_S)
mark("cpu_one", "end")

mark("cpu_two", "start")
pid = os.fork()
if pid == 0:
    busy(CPU_S)
    os._exit(0)
busy(CPU_S)
os.waitpid(pid, 0)
mark("cpu_two", "end")

mark("short", "start")
time.sleep(0.15)
mark("short", "end")

mark("tail", "start")
time.sleep(0.3)
mark("tail", "end")

with open(".pipeline_status.json", "w") as f:
    json.dump({"stage": "done", "stage_started_at": time.time()}, f)
with open(TRUTH, "w") as f:
    json.dump({"parent_mb": PARENT_MB, "child_mb": CHILD_MB, "children": CHILDREN, "spans": spans}, f)

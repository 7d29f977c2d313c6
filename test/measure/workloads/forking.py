"""A small real process tree for the freeze tests (stdlib only).

The parent touches PARENT_MB, then forks CHILDREN workers that each touch CHILD_MB of their own
(the parent's pages stay shared copy-on-write), then burns CPU for a moment. Stage events go to
$OPTIMIZATION_GATE_STAGE_EVENTS when set; with --status it writes .pipeline_status.json instead,
with --metrics it writes metrics.json (wall_seconds_by_stage) at the end.
"""
import json
import os
import sys
import time

args = dict(a.split("=", 1) for a in sys.argv[1:] if "=" in a)
flags = set(a for a in sys.argv[1:] if "=" not in a)
PARENT_MB = int(args.get("parent_mb", 40))
CHILD_MB = int(args.get("child_mb", 30))
CHILDREN = int(args.get("children", 2))
HOLD_S = float(args.get("hold_s", 0.5))
CPU_S = float(args.get("cpu_s", 0.4))
EVENTS = os.environ.get("OPTIMIZATION_GATE_STAGE_EVENTS")
walls = {}


def touch(mb):
    block = bytearray(mb * 1024 * 1024)
    for i in range(0, len(block), 4096):
        block[i] = 1
    return block


def stage(name, event):
    now = time.time()
    if event == "start":
        walls[name] = -now
    else:
        walls[name] += now
    if "--status" in flags:
        if event == "start":
            tmp = ".pipeline_status.json.tmp"
            with open(tmp, "w") as f:
                json.dump({"stage": name, "stage_started_at": now}, f)
            os.replace(tmp, ".pipeline_status.json")
    elif EVENTS:
        with open(EVENTS, "a") as f:
            f.write(json.dumps({"ts": now, "stage": name, "event": event}) + "\n")


stage("load", "start")
parent = touch(PARENT_MB)
stage("load", "end")

stage("workers", "start")
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
stage("workers", "end")

stage("compute", "start")
# CPU_S seconds of CPU, not of wall: on a busy machine the stage takes longer, the work is the same.
until = time.process_time() + CPU_S
while time.process_time() < until:
    pass
stage("compute", "end")

if "--status" in flags:
    with open(".pipeline_status.json", "w") as f:
        json.dump({"stage": "done", "stage_started_at": time.time()}, f)
if "--metrics" in flags:
    with open("metrics.json", "w") as f:
        json.dump({"run_duration_seconds": sum(walls.values()), "wall_seconds_by_stage": walls}, f)
sys.exit(int(args.get("exit", 0)))

"""What measured code can try to find the action's tokens: its own environment, every process's
/proc/<pid>/environ and cmdline (its ancestors' first), and its parent's memory. Writes what it
got (and what was refused) to the JSON file named by argv[2]; argv[1] labels the run.
With `metrics` as argv[3] it also writes the experiment outputs, so the run counts as complete."""
import errno, json, os, sys

label, out = sys.argv[1], sys.argv[2]
found = {"label": label, "env": dict(os.environ), "environ": {}, "cmdline": {}, "refused": {}, "ancestors": []}


def read(path):
    try:
        with open(path, "rb") as f:
            return f.read().decode("latin1")
    except OSError as e:
        found["refused"][path] = errno.errorcode.get(e.errno, str(e.errno))
        return None


pid = os.getppid()
while pid > 1:
    found["ancestors"].append(pid)
    stat = read(f"/proc/{pid}/stat")
    if stat is None:
        break
    pid = int(stat[stat.rindex(")") + 2:].split()[1])
for name in os.listdir("/proc"):
    if name.isdigit():
        for kind in ("environ", "cmdline"):
            text = read(f"/proc/{name}/{kind}")
            if text:
                found[kind][name] = text
try:
    with open(f"/proc/{os.getppid()}/mem", "rb") as f:
        f.read(1)
    found["parent_mem"] = "opened"
except OSError as e:
    found["parent_mem"] = errno.errorcode.get(e.errno, str(e.errno))
with open(out, "w") as f:
    json.dump(found, f)
if len(sys.argv) > 3 and sys.argv[3] == "metrics":
    os.makedirs("eval-out", exist_ok=True)
    with open("eval-out/metrics.json", "w") as f:
        json.dump({"intrinsic": {"gates": {}, "performance": {"avg_latency_ms": 1.0}}}, f)

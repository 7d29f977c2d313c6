"""Stage events for optimization-gate, and a .pipeline_status.json, both optional.

Events go to the JSON-lines file named by $OPTIMIZATION_GATE_STAGE_EVENTS (one line per start / end,
per episode, so concurrent episodes overlap); appends of one short line are atomic, so forked
workers write to the same file safely. The status file holds the pipeline-level stage.
"""
import contextlib
import datetime
import json
import os
import threading
import time

EVENTS_ENV = "OPTIMIZATION_GATE_STAGE_EVENTS"


class Recorder:
    def __init__(self, events_path=None, status_path=None):
        self.events_path = events_path if events_path is not None else os.environ.get(EVENTS_ENV)
        self.status_path = status_path
        self.durations = {}  # stage -> {episode: seconds}
        self._lock = threading.Lock()

    def _emit(self, stage, event, episode):
        if not self.events_path:
            return
        record = {"ts": time.time(), "stage": stage, "event": event}
        if episode is not None:
            record["episode"] = episode
        line = json.dumps(record) + "\n"
        fd = os.open(self.events_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            os.write(fd, line.encode("utf-8"))
        finally:
            os.close(fd)

    @contextlib.contextmanager
    def stage(self, name, episode=None):
        started = time.perf_counter()
        self._emit(name, "start", episode)
        try:
            yield
        finally:
            self._emit(name, "end", episode)
            elapsed = time.perf_counter() - started
            with self._lock:
                self.durations.setdefault(name, {})[episode or "all"] = elapsed

    def status(self, stage):
        """Writes the pipeline-level stage (write + rename, so a reader never sees half a file)."""
        if not self.status_path:
            return
        payload = {
            "stage": stage,
            "stage_started_at": datetime.datetime.now(datetime.timezone.utc).isoformat(),
            "pid": os.getpid(),
        }
        tmp = f"{self.status_path}.tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(payload, f)
        os.replace(tmp, self.status_path)

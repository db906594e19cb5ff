"""gunicorn with and without ``preload_app``: memory, start-up, and a killed worker's replacement.

    .venv/bin/python bench/preload.py                 # 2 workers x 4 threads, the default model
    .venv/bin/python bench/preload.py --workers 4

For each mode (``GUNICORN_PRELOAD=false``, then ``true``) it starts gunicorn with
gunicorn.conf.py on a SQLite database, scoring off (score workers are separate processes), the
classifier the app picks by default (detoxify when its files are present, else the embedded
model), and prints:

- start-up: seconds from starting gunicorn until every worker's nudge model is warm (its log
  line), and until the first toxic draft sent to ``/share/nudge`` comes back flagged;
- memory once warm, from /proc/PID/smaps_rollup: RSS, PSS (shared pages divided among the
  processes that share them; the sum of PSS is what the service really takes) and USS (private
  pages) of the master and of each worker;
- a worker killed (SIGKILL) under steady nudges: how many of the nudges in the next 10 s were
  skipped (answered unflagged because the classifier was not ready in time: the participant got
  no advice), how many lost their connection to the killed worker, the slowest nudge, and how
  long the replacement took to be warm.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WARM_LINE = "nudge model loaded and warmed"
TOXIC = "you stupid worthless idiot"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def memory(pid: int) -> dict[str, int]:
    """RSS, PSS and USS in MiB."""
    fields = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        name, value = line.split(":", 1)
        fields[name] = int(value.split()[0])
    uss = fields.get("Private_Clean", 0) + fields.get("Private_Dirty", 0)
    return {"rss": fields["Rss"] // 1024, "pss": fields["Pss"] // 1024, "uss": uss // 1024}


def children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


def nudge(port: int) -> tuple[bool | None, float]:
    started = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request(
            "POST",
            "/share/nudge",
            json.dumps({"text": TOXIC}),
            {"Content-Type": "application/json"},
        )
        response = connection.getresponse()
        body = response.read()
        flagged = json.loads(body).get("flagged") if response.status == 200 else None
    except OSError:
        flagged = None
    finally:
        connection.close()
    return flagged, time.perf_counter() - started


def run(preload: bool, workers: int, database: Path, folder: Path) -> dict:
    port = free_port()
    log_path = folder / f"gunicorn-preload-{preload}.log"
    env = dict(os.environ)
    env.update(
        KINDNESS_DATABASE_URL=f"sqlite:///{database}",
        KINDNESS_SECRET_KEY="bench",
        KINDNESS_SCORING_MODE="off",
        KINDNESS_WTF_CSRF_ENABLED="false",
        KINDNESS_RATELIMIT_ENABLED="false",
        KINDNESS_LOG_FORMAT="json",  # the warm-up's INFO line goes to the log
        GUNICORN_BIND=f"127.0.0.1:{port}",
        WEB_CONCURRENCY=str(workers),
        GUNICORN_THREADS="4",
        GUNICORN_PRELOAD="true" if preload else "false",
        PROMETHEUS_MULTIPROC_DIR=tempfile.mkdtemp(dir=folder),
    )
    started = time.monotonic()
    with open(log_path, "wb") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "wsgi:app"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    result: dict = {"preload": preload}

    def warm_lines() -> int:
        return log_path.read_text(errors="replace").count(WARM_LINE)

    # Preloading, the master warms once before forking, then each worker's nudge thread does.
    expected = workers + (1 if preload else 0)
    try:
        while warm_lines() < expected:
            if server.poll() is not None or time.monotonic() - started > 300:
                raise SystemExit(log_path.read_text(errors="replace")[-3000:])
            time.sleep(0.05)
        result["all_warm_s"] = time.monotonic() - started
        while nudge(port)[0] is not True:
            time.sleep(0.05)
        result["first_flagged_nudge_s"] = time.monotonic() - started
        time.sleep(1.0)
        pids = children(server.pid)
        result["master"] = memory(server.pid)
        result["workers"] = [memory(pid) for pid in pids]

        # A worker killed under steady nudges (4 clients).
        answers: list[tuple[bool | None, float]] = []
        stop = threading.Event()

        def client() -> None:
            while not stop.is_set():
                answers.append(nudge(port))
                time.sleep(0.1)

        clients = [threading.Thread(target=client) for _ in range(4)]
        before = warm_lines()
        for thread in clients:
            thread.start()
        time.sleep(1.0)
        answers.clear()
        killed_at = time.monotonic()
        os.kill(pids[0], signal.SIGKILL)
        while warm_lines() < before + 1 and time.monotonic() - killed_at < 120:
            time.sleep(0.02)
        result["replacement_warm_s"] = time.monotonic() - killed_at
        time.sleep(max(0.0, 10 - (time.monotonic() - killed_at)))
        stop.set()
        for thread in clients:
            thread.join(timeout=60)
        result["nudges_after_kill"] = len(answers)
        result["skipped_after_kill"] = sum(flagged is False for flagged, _ in answers)
        # A nudge in flight on the killed worker loses its connection: the kill, not a skip.
        result["cut_off_by_kill"] = sum(flagged is None for flagged, _ in answers)
        result["slowest_nudge_after_kill_s"] = max(seconds for _, seconds in answers)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=60)
    text = log_path.read_text(errors="replace")
    result["classifier"] = (re.findall(r"scoring with ([^\n]+)", text, re.I) or ["(see log)"])[0]
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="kindness-preload-"))
    database = folder / "bench.sqlite3"
    env = dict(os.environ, KINDNESS_DATABASE_URL=f"sqlite:///{database}")
    env["KINDNESS_SECRET_KEY"] = "bench"
    subprocess.run(
        [sys.executable, "-m", "flask", "--app", "wsgi", "db", "upgrade"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    print(f"{args.workers} workers x 4 threads; load average {os.getloadavg()[0]:.2f}")
    for preload in (False, True):
        r = run(preload, args.workers, database, folder)
        workers_pss = sum(w["pss"] for w in r["workers"])
        total_pss = workers_pss + r["master"]["pss"]
        print(f"\npreload_app={preload}")
        print(f"  all workers warm after start:      {r['all_warm_s']:6.1f} s")
        print(f"  first flagged nudge after start:   {r['first_flagged_nudge_s']:6.1f} s")
        print(
            f"  master   RSS {r['master']['rss']:5d}  PSS {r['master']['pss']:5d}"
            f"  USS {r['master']['uss']:5d} MiB"
        )
        for i, w in enumerate(r["workers"]):
            print(f"  worker {i} RSS {w['rss']:5d}  PSS {w['pss']:5d}  USS {w['uss']:5d} MiB")
        print(f"  total PSS (what the service takes): {total_pss} MiB")
        print(f"  worker SIGKILLed: replacement warm after {r['replacement_warm_s']:.2f} s;")
        print(
            f"    nudges in the next 10 s: {r['nudges_after_kill']}, skipped"
            f" {r['skipped_after_kill']} (model not ready), cut off by the kill"
            f" {r['cut_off_by_kill']}, slowest {r['slowest_nudge_after_kill_s']:.2f} s"
        )


if __name__ == "__main__":
    main()

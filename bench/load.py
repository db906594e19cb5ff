"""Load benchmark: the real service under a spike of submissions, against a minimal insert route.

    .venv/bin/python bench/load.py --clients 32 --duration 20 --score-workers 2

Starts, all on 127.0.0.1: gunicorn serving the app (gunicorn.conf.py, PostgreSQL in a fresh
schema, Redis rate-limit storage, scoring off in the web processes), N score workers
(``flask score-worker --concurrency N``), and gunicorn serving bench/minimal_app.py (one INSERT
per POST). Then, each phase bounded in time and in concurrent clients:

1. idle wall: readers fetch the wall page at a fixed rate while nothing else happens;
2. capacity, minimal route: C clients POST as fast as answers come back (closed loop);
3. capacity, the service: the same C clients POST the share form (CSRF token and all);
4. spike: C clients submit at a steady total rate (default: half the capacity measured in 3)
   while the wall readers run again.

It waits for the queue to drain and prints accepted/s, submit latency, submit-to-published
times, wall latency under load against idle, the count check (accepted == stored == scored) and
the service's throughput as a share of the minimal route's. Every phase is bounded in time; the
client is asyncio on keep-alive connections so that it takes as little of the machine as it can.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import secrets
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
HOST = "127.0.0.1"
REQUEST_TIMEOUT = 15.0
CLOCK_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100

KIND = [
    "Thank you for cheering me on at the finish line today",
    "My neighbour shovelled my path before I woke up",
    "A stranger paid for my coffee when my card failed",
    "Your video about asking for help made me call my brother",
    "Thanks for the encouraging note on my drawing",
    "The bus driver waited for me while I ran in the rain",
    "You lifted me up when I needed it most this week",
    "My teacher stayed late to help me understand fractions",
]
UNKIND = ["you are a stupid idiot and everyone hates you", "shut up you worthless loser"]


def moment_tag(n: int) -> str:
    """A made-up word per number, distinct even after the duplicate check's normalisation
    (which folds runs of one character, so "moment 4" and "moment 444" would collide)."""
    consonants, vowels, tag = "bdfgklmnprstvz", "aeiou", ""
    while True:
        tag += consonants[n % 14] + vowels[(n // 14) % 5]
        n //= 70
        if not n:
            return tag


def submission_text(i: int) -> tuple[str, bool]:
    """A unique text (one in twenty unkind, for the review path) and whether it is unkind."""
    unkind = i % 20 == 0
    base = UNKIND[i % len(UNKIND)] if unkind else random.choice(KIND)
    return f"{base}, {moment_tag(i)}", unkind


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))]


# -- a small HTTP/1.1 keep-alive client ---------------------------------------------------------


class Connection:
    def __init__(self, port: int) -> None:
        self.port = port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def request(self, method: str, path: str, headers=(), body: bytes = b""):
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(HOST, self.port)
        lines = [f"{method} {path} HTTP/1.1", f"Host: {HOST}:{self.port}"]
        lines += [f"{name}: {value}" for name, value in headers]
        lines.append(f"Content-Length: {len(body)}")
        self.writer.write(("\r\n".join(lines) + "\r\n\r\n").encode() + body)
        try:
            head = await self.reader.readuntil(b"\r\n\r\n")
            status_line, *header_lines = head.decode("latin-1").split("\r\n")
            status = int(status_line.split(" ", 2)[1])
            response_headers: dict[str, list[str]] = {}
            for line in header_lines:
                if line:
                    name, _, value = line.partition(":")
                    response_headers.setdefault(name.strip().lower(), []).append(value.strip())
            length = int(response_headers.get("content-length", ["0"])[0])
            data = await self.reader.readexactly(length) if length else b""
        except BaseException:
            self.close()
            raise
        if response_headers.get("connection", [""])[0].lower() == "close":
            self.close()
        return status, response_headers, data

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


async def share_form(connection: Connection) -> tuple[str, dict[str, str]]:
    """GET /share once: the session cookie, CSRF token and first choice of each radio group."""
    status, headers, body = await connection.request("GET", "/share")
    if status != 200:
        raise RuntimeError(f"GET /share answered {status}")
    cookie = "; ".join(c.split(";", 1)[0] for c in headers.get("set-cookie", []))
    match = re.search(rb'name="csrf_token"[^>]*value="([^"]+)"', body) or re.search(
        rb'value="([^"]+)"[^>]*name="csrf_token"', body
    )
    if match is None:
        raise RuntimeError("no csrf_token in the share form")
    fields = {"csrf_token": match.group(1).decode()}
    for tag in re.findall(rb'<input[^>]*type="radio"[^>]*>', body):
        name = re.search(rb'name="([^"]+)"', tag)
        value = re.search(rb'value="([^"]*)"', tag)
        if name and value:
            fields.setdefault(name.group(1).decode(), value.group(1).decode())
    return cookie, fields


@dataclass
class Record:
    latencies: list[float] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=dict)
    errors: int = 0
    late: int = 0
    started: float = 0.0
    ended: float = 0.0

    def add(self, status: int, latency: float) -> None:
        self.statuses[status] = self.statuses.get(status, 0) + 1
        self.latencies.append(latency)

    @property
    def seconds(self) -> float:
        return max(1e-9, self.ended - self.started)


class Submitter:
    """One client: its own connection, session cookie and CSRF token."""

    counter = 0
    nudge_ack = False  # --nudge-ack: every text as if confirmed after a nudge (no nudge check)

    def __init__(self, port: int, target: str) -> None:
        self.connection = Connection(port)
        self.target = target
        self.headers: list[tuple[str, str]] = []

    async def prepare(self) -> None:
        self.headers = [("Content-Type", "application/x-www-form-urlencoded")]
        if self.target == "service":
            cookie, self.form_fields = await share_form(self.connection)
            self.headers.append(("Cookie", cookie))

    async def submit(self, record: Record) -> None:
        Submitter.counter += 1
        text, unkind = submission_text(Submitter.counter)
        fields = {"text": text}
        if self.target == "service":
            fields.update(self.form_fields, display_name="@bench", consent="y")
            if unkind or self.nudge_ack:
                fields["nudge_ack"] = "1"  # "submit it anyway" after the kindness nudge
            path = "/share"
        else:
            path = "/insert"
        body = urllib.parse.urlencode(fields).encode()
        started = time.perf_counter()
        try:
            status, _, _ = await asyncio.wait_for(
                self.connection.request("POST", path, self.headers, body), REQUEST_TIMEOUT
            )
        except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError):
            record.errors += 1
            self.connection.close()
            return
        record.add(status, time.perf_counter() - started)


async def closed_loop(port: int, target: str, clients: int, duration: float) -> Record:
    submitters = [Submitter(port, target) for _ in range(clients)]
    await asyncio.gather(*(s.prepare() for s in submitters))
    record = Record(started=time.perf_counter())
    deadline = record.started + duration

    async def run(submitter: Submitter) -> None:
        while time.perf_counter() < deadline:
            await submitter.submit(record)

    await asyncio.gather(*(run(s) for s in submitters))
    record.ended = time.perf_counter()
    for submitter in submitters:
        submitter.connection.close()
    return record


async def paced(port: int, target: str, clients: int, rate: float, duration: float) -> Record:
    """``clients`` clients together sending ``rate`` requests/s, each on its own schedule."""
    submitters = [Submitter(port, target) for _ in range(clients)]
    await asyncio.gather(*(s.prepare() for s in submitters))
    record = Record(started=time.perf_counter())
    deadline = record.started + duration
    interval = clients / rate

    async def run(i: int, submitter: Submitter) -> None:
        due = record.started + interval * i / clients
        while due < deadline:
            delay = due - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            elif delay < -interval:
                record.late += 1
            await submitter.submit(record)
            due += interval

    await asyncio.gather(*(run(i, s) for i, s in enumerate(submitters)))
    record.ended = time.perf_counter()
    for submitter in submitters:
        submitter.connection.close()
    return record


async def server_seconds(port: int, endpoint: str) -> dict[str, tuple[float, float]]:
    """The service's own (sum, count) of seconds for ``endpoint``, from /metrics: per request
    (``request``: from its first line of Python to its response, without the queueing before
    it) and in database statements (``database``)."""
    connection = Connection(port)
    try:
        _, _, body = await connection.request("GET", "/metrics")
    finally:
        connection.close()
    names = {
        "request": "kindness_http_request_duration_seconds",
        "database": "kindness_http_request_database_seconds",
    }
    found = {}
    lines = body.decode().splitlines()
    for key, name in names.items():
        values = []
        for kind in ("sum", "count"):
            prefix = f'{name}_{kind}{{endpoint="{endpoint}"}} '
            values.append(sum(float(ln[len(prefix) :]) for ln in lines if ln.startswith(prefix)))
        found[key] = (values[0], values[1])
    return found


NUDGE_SERIES = {
    "scored by the model": 'kindness_nudge_scores_total{source="model"}',
    "from kept scores": 'kindness_nudge_scores_total{source="kept"}',
    "skipped, busy": 'kindness_nudges_skipped_total{reason="busy"}',
    "skipped, late": 'kindness_nudges_skipped_total{reason="late"}',
}


async def nudge_counts(port: int) -> dict[str, float]:
    """The service's nudges so far, from /metrics (every web process's, summed)."""
    connection = Connection(port)
    try:
        _, _, body = await connection.request("GET", "/metrics")
    finally:
        connection.close()
    lines = body.decode().splitlines()
    return {
        name: sum(float(ln[len(series) + 1 :]) for ln in lines if ln.startswith(series + " "))
        for name, series in NUDGE_SERIES.items()
    }


def mean_ms(before: dict, after: dict) -> dict[str, float]:
    """Mean milliseconds per request between two ``server_seconds`` readings."""
    means = {}
    for key in before:
        count = after[key][1] - before[key][1]
        means[key] = (after[key][0] - before[key][0]) / count * 1000 if count else float("nan")
    return means


async def wall_readers(port: int, readers: int, rate: float, duration: float) -> Record:
    """``readers`` visitors together fetching the wall page ``rate`` times a second."""
    record = Record(started=time.perf_counter())
    deadline = record.started + duration
    interval = readers / rate

    async def run(i: int) -> None:
        connection = Connection(port)
        due = record.started + interval * i / readers
        while due < deadline:
            delay = due - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            elif delay < -interval:
                record.late += 1
            started = time.perf_counter()
            try:
                status, _, _ = await asyncio.wait_for(
                    connection.request("GET", "/"), REQUEST_TIMEOUT
                )
                record.add(status, time.perf_counter() - started)
            except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError):
                record.errors += 1
                connection.close()
            due += interval
        connection.close()

    await asyncio.gather(*(run(i) for i in range(readers)))
    record.ended = time.perf_counter()
    return record


# -- processes and database ---------------------------------------------------------------------


def start(command: list[str], env: dict, log: Path, nice: int = 0) -> subprocess.Popen:
    handle = open(log, "wb")  # noqa: SIM115 - closed with the process
    return subprocess.Popen(
        command,
        cwd=ROOT,
        env=env,
        stdout=handle,
        stderr=subprocess.STDOUT,
        start_new_session=True,
        preexec_fn=(lambda: os.nice(nice)) if nice else None,  # noqa: PLW1509 - no threads yet
    )


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


async def wait_ready(port: int, path: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        connection = Connection(port)
        try:
            status, _, _ = await connection.request("GET", path)
            if status == 200:
                return
        except OSError:
            pass
        finally:
            connection.close()
        await asyncio.sleep(0.2)
    raise RuntimeError(f"nothing answered 200 on port {port}{path} within {timeout:.0f}s")


def schema_url(base: str, schema: str) -> str:
    separator = "&" if "?" in base else "?"
    return f"{base}{separator}options=-csearch_path%3D{schema}"


def seed_wall(env: dict, count: int) -> None:
    """Published moments for the wall to show (in the service's own code path: ORM inserts)."""
    code = (
        "from datetime import timedelta\n"
        "import hashlib, sqlalchemy as sa\n"
        "from kindness_challenge import create_app\n"
        "from kindness_challenge.extensions import db\n"
        "from kindness_challenge.models import State, Submission, utcnow\n"
        "app = create_app()\n"
        "now = utcnow()\n"
        f"rows = [dict(text=f'Seeded kind moment {{i}}', display_name='@seed', video_url=None,"
        " consent_public=True, receipt_hash=hashlib.sha256(f'seed{i}'.encode()).hexdigest(),"
        " state=State.published, created_at=now - timedelta(seconds=i),"
        f" published_at=now - timedelta(seconds=i), scored_at=now) for i in range({count})]\n"
        "with app.app_context():\n"
        "    db.session.execute(sa.insert(Submission), rows)\n"
        "    db.session.commit()\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, check=True)


def table_counts(engine: sa.Engine, since: datetime, until: datetime) -> dict:
    with engine.connect() as connection:
        rows = connection.execute(
            sa.text(
                "SELECT state, count(*) FROM submission WHERE display_name = '@bench'"
                " AND created_at >= :since AND created_at < :until GROUP BY state"
            ),
            {"since": since, "until": until},
        ).all()
        waits = (
            connection.execute(
                sa.text(
                    "SELECT extract(epoch FROM published_at - created_at) FROM submission"
                    " WHERE display_name = '@bench' AND state = 'published'"
                    " AND created_at >= :since AND created_at < :until"
                ),
                {"since": since, "until": until},
            )
            .scalars()
            .all()
        )
    return {"states": dict(rows), "waits": [float(w) for w in waits]}


async def wait_drained(engine: sa.Engine, timeout: float) -> float:
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        with engine.connect() as connection:
            pending = connection.execute(
                sa.text("SELECT count(*) FROM submission WHERE state = 'pending'")
            ).scalar_one()
        if pending == 0:
            return time.monotonic() - started
        await asyncio.sleep(0.2)
    raise RuntimeError(f"{pending} submissions still pending after {timeout:.0f}s")


# -- where the CPU went (Linux /proc; empty elsewhere) -------------------------------------------


def _stat_fields(pid: int) -> list[str] | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return stat.rsplit(")", 1)[1].split()  # fields from the state on (the name may hold spaces)


def process_tree(root: int) -> list[int]:
    """``root`` and every process under it."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir() if Path("/proc/self/stat").exists() else ():
        fields = _stat_fields(int(entry.name)) if entry.name.isdigit() else None
        if fields:
            children.setdefault(int(fields[1]), []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo += children.get(pid, [])
    return found


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of one process (0 once it is gone)."""
    fields = _stat_fields(pid)
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS if fields else 0.0


def machine_busy_seconds() -> float:
    """CPU seconds the whole machine spent busy (all cores), from /proc/stat."""
    try:
        values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except (OSError, ValueError):
        return 0.0
    idle = values[3] + (values[4] if len(values) > 4 else 0)  # idle + iowait
    return (sum(values[:8]) - idle) / CLOCK_TICKS


@dataclass
class CpuUse:
    """CPU seconds per process group over a phase, and the machine's busy seconds."""

    groups: dict[str, dict[int, float]]
    machine: float
    seconds: float

    def per_request(self, group: str, requests: int) -> float:
        return sum(self.groups.get(group, {}).values()) / max(1, requests)

    def busiest_share(self, group: str) -> float:
        values = list(self.groups.get(group, {}).values())
        return max(values) / sum(values) if values and sum(values) > 0 else float("nan")


class CpuMeter:
    """The CPU each group of processes (a root pid and whatever runs under it) uses in a phase:
    ``before = meter.sample()``, the phase, then ``meter.since(before)``."""

    def __init__(self, roots: dict[str, int], engine: sa.Engine) -> None:
        self.roots = roots
        self.engine = engine  # its database's server processes are a group of their own

    def sample(self) -> tuple[dict[str, dict[int, float]], float, float]:
        groups = {
            name: {
                pid: cpu_seconds(pid)
                for one in (roots if isinstance(roots, list | tuple) else [roots])
                for pid in process_tree(one)
            }
            for name, roots in self.roots.items()
        }
        groups["client"] = {os.getpid(): cpu_seconds(os.getpid())}
        with self.engine.connect() as connection:
            backends = connection.execute(
                sa.text(
                    "SELECT pid FROM pg_stat_activity"
                    " WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )
            ).scalars()
            groups["postgres"] = {pid: cpu_seconds(pid) for pid in backends}
        return groups, machine_busy_seconds(), time.monotonic()

    def since(self, before: tuple[dict[str, dict[int, float]], float, float]) -> CpuUse:
        groups_then, machine_then, then = before
        groups_now, machine_now, now = self.sample()
        return CpuUse(
            {
                name: {pid: used - groups_then[name].get(pid, 0.0) for pid, used in pids.items()}
                for name, pids in groups_now.items()
            },
            machine_now - machine_then,
            now - then,
        )


# -- report -------------------------------------------------------------------------------------


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f}"


def latency_row(name: str, record: Record, ok: int) -> str:
    lat = record.latencies
    return (
        f"| {name:<34} | {ok / record.seconds:8.1f} | {ms(percentile(lat, 50))} |"
        f" {ms(percentile(lat, 95))} | {ms(percentile(lat, 99))} | {len(lat):6d} |"
        f" {record.errors + sum(n for s, n in record.statuses.items() if s >= 400):5d} |"
    )


def print_cpu(cpu: dict[str, CpuUse], accepted: dict[str, int]) -> None:
    """CPU per accepted submission, by process group, and how busy the whole machine was (the
    rest: Redis, other PostgreSQL sessions, the kernel, whatever else the machine is running)."""
    if not cpu or not any(use.machine for use in cpu.values()):
        return
    print(
        "\n| CPU ms per accepted request | web | busiest web worker | score workers | PostgreSQL"
        " | client | machine busy (cores) | of which not these processes |"
    )
    print("|---|---|---|---|---|---|---|---|")
    names = {
        "minimal": "minimal route",
        "capacity": "service, closed loop",
        "spike": "service, paced",
    }
    for phase, use in cpu.items():
        web = "minimal web" if phase == "minimal" else "web"
        ours = sum(sum(pids.values()) for pids in use.groups.values())
        print(
            f"| {names[phase]} | {use.per_request(web, accepted[phase]) * 1000:.2f} |"
            f" {use.busiest_share(web):.0%} of web |"
            f" {use.per_request('score', accepted[phase]) * 1000:.2f} |"
            f" {use.per_request('postgres', accepted[phase]) * 1000:.2f} |"
            f" {use.per_request('client', accepted[phase]) * 1000:.2f} |"
            f" {use.machine / use.seconds:.2f} | {max(0.0, use.machine - ours) / use.seconds:.2f} |"
        )


async def main(args: argparse.Namespace) -> int:
    Submitter.nudge_ack = args.nudge_ack
    schema = "bench_" + secrets.token_hex(4)
    base_url = args.database_url
    url = schema_url(base_url, schema)
    admin = sa.create_engine(base_url.replace("postgresql://", "postgresql+psycopg://", 1))
    with admin.begin() as connection:
        connection.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    engine = sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    workdir = Path(tempfile.mkdtemp(prefix="kindness-bench-"))
    (workdir / "prometheus").mkdir()
    env = dict(os.environ)
    env.update(
        KINDNESS_DATABASE_URL=url,
        KINDNESS_SECRET_KEY=secrets.token_hex(16),
        KINDNESS_SCORING_MODE="off",
        KINDNESS_CLASSIFIER=args.classifier,
        KINDNESS_SUBMIT_RATE_LIMIT="1000000 per minute",
        KINDNESS_RATELIMIT_KEY_PREFIX=schema,
        PROMETHEUS_MULTIPROC_DIR=str(workdir / "prometheus"),
        WEB_CONCURRENCY=str(args.web_workers),
        GUNICORN_THREADS=str(args.threads),
    )
    if args.redis_url:
        env["KINDNESS_REDIS_URL"] = args.redis_url
    processes: list[subprocess.Popen] = []
    cpu: dict[str, CpuUse] = {}
    try:
        migrated = subprocess.run(
            [str(BIN / "flask"), "--app", "wsgi", "db", "upgrade"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
        )
        if migrated.returncode:
            raise RuntimeError(f"flask db upgrade failed:\n{migrated.stderr}")
        seed_wall(env, args.seed)
        gunicorn = [str(BIN / "gunicorn"), "-c", "gunicorn.conf.py"]
        processes.append(
            start(gunicorn + ["-b", f"{HOST}:{args.port}", "wsgi:app"], env, workdir / "app.log")
        )
        processes.append(
            start(
                gunicorn
                + [
                    "-b",
                    f"{HOST}:{args.port + 1}",
                    "--pythonpath",
                    "bench",
                    "minimal_app:create_app()",
                ],
                env,
                workdir / "minimal.log",
            )
        )
        processes.append(
            start(
                [
                    str(BIN / "flask"),
                    "--app",
                    "wsgi",
                    "score-worker",
                    "--nice",
                    str(args.worker_nice),
                    "--concurrency",
                    str(args.score_workers),
                    "--batch-size",
                    str(args.batch_size),
                ],
                env,
                workdir / "workers.log",
            )
        )
        submit_port = args.port
        if args.submit_pool_nice is not None:
            # POST /share on a gunicorn of its own at lower priority, as a proxy would route it
            # (README "Running at scale"): page views never share a process with a submission.
            submit_port = args.port + 2
            processes.append(
                start(
                    gunicorn + ["-b", f"{HOST}:{submit_port}", "wsgi:app"],
                    env,
                    workdir / "submit-pool.log",
                    nice=args.submit_pool_nice,
                )
            )
            await wait_ready(submit_port, "/readyz")
        await wait_ready(args.port, "/readyz")
        await wait_ready(args.port + 1, "/healthz")
        await asyncio.sleep(2)  # let the workers load the classifier and start listening
        # Warm both servers (imports, connections, templates) before measuring anything.
        await closed_loop(args.port + 1, "minimal", args.clients, 2)
        await closed_loop(submit_port, "service", args.clients, 2)
        await wall_readers(args.port, args.readers, args.wall_rate, 2)
        await wait_drained(engine, 120)

        served = await server_seconds(args.port, "wall.index")
        wall_idle = await wall_readers(args.port, args.readers, args.wall_rate, args.idle)
        wall_server = {"idle": mean_ms(served, await server_seconds(args.port, "wall.index"))}
        meter = CpuMeter(
            {
                "web": [processes[0].pid] + [p.pid for p in processes[3:]],
                "minimal web": processes[1].pid,
                "score": processes[2].pid,
            },
            admin,
        )
        before = meter.sample()
        minimal = await closed_loop(args.port + 1, "minimal", args.clients, args.duration)
        cpu["minimal"] = meter.since(before)
        t0 = datetime.now(UTC)
        before = meter.sample()
        nudged = await nudge_counts(args.port)
        capacity = await closed_loop(submit_port, "service", args.clients, args.duration)
        cpu["capacity"] = meter.since(before)
        nudges = {"closed loop": (nudged, await nudge_counts(args.port))}
        t1 = datetime.now(UTC)
        drain_capacity = await wait_drained(engine, 300)
        capacity_ok = capacity.statuses.get(302, 0)
        rate = args.rate or max(1.0, round(args.rate_share * capacity_ok / capacity.seconds))
        t2 = datetime.now(UTC)
        before = meter.sample()
        served = await server_seconds(args.port, "wall.index")
        nudged = await nudge_counts(args.port)
        spike, wall_busy = await asyncio.gather(
            paced(submit_port, "service", args.clients, rate, args.duration),
            wall_readers(args.port, args.readers, args.wall_rate, args.duration),
        )
        cpu["spike"] = meter.since(before)
        nudges["paced"] = (nudged, await nudge_counts(args.port))
        wall_server["spike"] = mean_ms(served, await server_seconds(args.port, "wall.index"))
        t3 = datetime.now(UTC)
        drain_spike = await wait_drained(engine, 300)
        during_capacity = table_counts(engine, t0, t1)
        during_spike = table_counts(engine, t2, t3)
    finally:
        for process in reversed(processes):
            stop(process)
        engine.dispose()
        if not args.keep:
            with admin.begin() as connection:
                connection.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()

    minimal_ok = minimal.statuses.get(201, 0) + minimal.statuses.get(302, 0)
    spike_ok = spike.statuses.get(302, 0)
    print(
        f"\nbench/load.py  clients={args.clients} duration={args.duration:.0f}s"
        f" web={args.web_workers}x{args.threads} gthread  score workers={args.score_workers}"
        f"  classifier={args.classifier}  redis={'yes' if args.redis_url else 'no'}"
        f"  {os.cpu_count()} cores"
        f"  worker nice={args.worker_nice}"
        + (
            f"  submit pool (POST /share on its own gunicorn) nice={args.submit_pool_nice}"
            if args.submit_pool_nice is not None
            else ""
        )
        + ("  NUDGE SKIPPED (--nudge-ack)" if args.nudge_ack else "")
    )
    print(
        "\n| phase (closed loop = as fast as answers come) | req/s | p50 ms | p95 ms | p99 ms |"
        "      n | errors |"
    )
    print(
        f"| {'':<34} | {'ok/s':>8} | {'p50 ms':>7} | {'p95 ms':>7} | {'p99 ms':>7} | {'n':>6} |"
        f" {'err':>5} |"
    )
    print(f"|{'-' * 36}|{'-' * 10}|{'-' * 9}|{'-' * 9}|{'-' * 9}|{'-' * 8}|{'-' * 7}|")
    print(latency_row("minimal insert route, closed loop", minimal, minimal_ok))
    print(latency_row("service /share, closed loop", capacity, capacity_ok))
    print(latency_row(f"service /share, paced {rate:.0f}/s", spike, spike_ok))
    print(latency_row("wall /, idle", wall_idle, wall_idle.statuses.get(200, 0)))
    print(
        latency_row(
            f"wall /, during the {rate:.0f}/s spike", wall_busy, wall_busy.statuses.get(200, 0)
        )
    )
    print("\nnudges (a submission without nudge_ack=1 asks for one):")
    for phase, (first, last) in nudges.items():
        counts = ", ".join(f"{name} {last[name] - first[name]:.0f}" for name in NUDGE_SERIES)
        print(f"  {phase:<12} {counts}")
    idle, busy = wall_server["idle"], wall_server["spike"]
    print(
        "\nwall /, mean ms per request: seen by the client / inside the app (its own metrics) /"
        " of that in database statements"
    )
    print(
        f"  idle   {statistics.fmean(wall_idle.latencies) * 1000:5.1f} / {idle['request']:5.1f}"
        f" / {idle['database']:5.1f}"
    )
    print(
        f"  spike  {statistics.fmean(wall_busy.latencies) * 1000:5.1f} / {busy['request']:5.1f}"
        f" / {busy['database']:5.1f}"
    )

    print_cpu(cpu, {"minimal": minimal_ok, "capacity": capacity_ok, "spike": spike_ok})

    ratio = (capacity_ok / capacity.seconds) / (minimal_ok / minimal.seconds)
    wall_ratio_50 = percentile(wall_busy.latencies, 50) / percentile(wall_idle.latencies, 50)
    wall_ratio_95 = percentile(wall_busy.latencies, 95) / percentile(wall_idle.latencies, 95)
    print("\n| submit -> published (server clock) | p50 s | p95 s | max s | drained after |")
    print("|---|---|---|---|---|")
    for name, counts, drained in (
        ("closed loop (saturated)", during_capacity, drain_capacity),
        (f"paced {rate:.0f}/s", during_spike, drain_spike),
    ):
        waits = counts["waits"]
        print(
            f"| {name} | {percentile(waits, 50):.3f} | {percentile(waits, 95):.3f} |"
            f" {max(waits, default=float('nan')):.3f} | {drained:.1f} s |"
        )
    print("\n| count check | accepted (302) | stored | scored (not pending) | states |")
    print("|---|---|---|---|---|")
    all_ok = True
    for name, record, counts in (
        ("closed loop", capacity, during_capacity),
        ("paced", spike, during_spike),
    ):
        accepted = record.statuses.get(302, 0)
        states = counts["states"]
        stored = sum(states.values())
        scored = stored - states.get("pending", 0)
        ok = accepted == stored == scored
        all_ok &= ok
        print(
            f"| {name} | {accepted} | {stored} | {scored} | "
            + ", ".join(f"{k} {v}" for k, v in sorted(states.items()))
            + (" | OK |" if ok else " | MISMATCH |")
        )
    print("\n| target | measured | met |")
    print("|---|---|---|")
    rows = [
        (
            f"submit p99 < 100 ms at {args.clients} clients, paced {rate:.0f}/s",
            f"{ms(percentile(spike.latencies, 99)).strip()} ms",
            percentile(spike.latencies, 99) < 0.1,
        ),
        (
            f"submit p99 < 100 ms at {args.clients} clients, closed loop",
            f"{ms(percentile(capacity.latencies, 99)).strip()} ms",
            percentile(capacity.latencies, 99) < 0.1,
        ),
        ("submit throughput >= 50% of the minimal route's", f"{ratio:.0%}", ratio >= 0.5),
        (
            "wall latency during the spike <= 1.5x idle (p50, p95)",
            f"{wall_ratio_50:.2f}x, {wall_ratio_95:.2f}x",
            max(wall_ratio_50, wall_ratio_95) <= 1.5,
        ),
        (
            "submit -> published p95 < 2 s (paced)",
            f"{percentile(during_spike['waits'], 95):.3f} s",
            percentile(during_spike["waits"], 95) < 2,
        ),
        ("accepted == stored == scored", "yes" if all_ok else "NO", all_ok),
    ]
    for name, value, met in rows:
        print(f"| {name} | {value} | {'yes' if met else 'NO'} |")
    if spike.late:
        print(f"\n({spike.late} paced sends left more than one interval late: client saturated)")
    print(f"\nlogs: {workdir}")
    return 0 if all_ok else 1


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--database-url",
        default=os.environ.get(
            "KINDNESS_BENCH_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test"
        ),
    )
    parser.add_argument(
        "--redis-url",
        default="redis://127.0.0.1:6379/0",
        help="rate-limit storage; '' for in-memory",
    )
    parser.add_argument("--port", type=int, default=8731, help="service port (+1: minimal)")
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--duration", type=float, default=20.0, help="seconds per load phase")
    parser.add_argument(
        "--idle",
        type=float,
        help="seconds of idle wall reads (default: --duration, so that the idle and spike "
        "percentiles come from as many requests)",
    )
    parser.add_argument(
        "--rate",
        type=float,
        default=0.0,
        help="paced submissions/s (default: --rate-share of the capacity)",
    )
    parser.add_argument("--rate-share", type=float, default=0.5)
    parser.add_argument("--readers", type=int, default=4)
    parser.add_argument("--wall-rate", type=float, default=20.0, help="wall requests/s")
    parser.add_argument("--web-workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--score-workers", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--seed", type=int, default=300, help="published moments on the wall")
    parser.add_argument(
        "--classifier",
        default="embedded",
        help="KINDNESS_CLASSIFIER for the service (the submit path's nudge scores with it)",
    )
    parser.add_argument(
        "--worker-nice",
        type=int,
        default=10,
        help="score-worker --nice: lower the workers' priority by this much (scoring can wait; "
        "pages cannot)",
    )
    parser.add_argument(
        "--nudge-ack",
        action="store_true",
        help="diagnosis: send every text as confirmed after a nudge (skips the nudge check)",
    )
    parser.add_argument(
        "--submit-pool-nice",
        type=int,
        default=None,
        help="serve /share from a second gunicorn (port+2) lowered by this much, as a proxy "
        "routing /share to its own pool would; the wall stays on the first",
    )
    parser.add_argument("--keep", action="store_true", help="keep the bench schema")
    args = parser.parse_args(argv)
    for name in ("clients", "readers", "web_workers", "threads", "score_workers"):
        if not 1 <= getattr(args, name) <= 256:
            parser.error(f"--{name.replace('_', '-')} must be between 1 and 256")
    if args.idle is None:
        args.idle = args.duration
    if not 1 <= args.duration <= 600 or not 1 <= args.idle <= 600:
        parser.error("phases last between 1 and 600 seconds")
    return args


if __name__ == "__main__":
    sys.exit(asyncio.run(main(parse_args())))

"""The database restarted while submissions arrive: nothing acknowledged is lost, nothing hangs.

The test starts a PostgreSQL server of its own (``initdb`` into a temporary folder, its own port),
serves the app over real HTTP, and keeps four clients submitting while it stops the server and
starts it again.
"""

import glob
import http.client
import os
import shutil
import socket
import subprocess
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from kindness_challenge.extensions import db
from kindness_challenge.participate.submit import find_by_receipt

from conftest import IN_CI, make_app

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


def postgres_bin() -> Path:
    configured = os.environ.get("KINDNESS_TEST_PG_BIN")
    candidates = [configured] if configured else sorted(glob.glob("/usr/lib/postgresql/*/bin"))
    for folder in reversed(candidates):
        if folder and Path(folder, "initdb").exists() and Path(folder, "pg_ctl").exists():
            return Path(folder)
    message = "PostgreSQL server binaries (initdb, pg_ctl) not found; set KINDNESS_TEST_PG_BIN"
    if IN_CI:
        pytest.fail(message)
    pytest.skip(message)


class ThrowawayPostgres:
    """A PostgreSQL server in a temporary folder on a free port (as user postgres under root)."""

    def __init__(self) -> None:
        self.bin = postgres_bin()
        self.folder = Path(tempfile.mkdtemp(prefix="kindness-pg-"))
        self.data = self.folder / "data"
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.as_user: list[str] = []
        if os.geteuid() == 0:  # initdb and postgres refuse to run as root
            shutil.chown(self.folder, "postgres")
            self.as_user = ["runuser", "-u", "postgres", "--"]
        self.run("initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust", "-N")

    def run(self, program: str, *args: str) -> None:
        subprocess.run(
            [*self.as_user, str(self.bin / program), *args],
            check=True,
            capture_output=True,
            timeout=60,
        )

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def start(self) -> None:
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1"
            f" -c unix_socket_directories={self.folder} -c fsync=off"
        )
        log = str(self.folder / "server.log")
        self.run(
            "pg_ctl", "-D", str(self.data), "-l", log, "-o", options, "-w", "-t", "30", "start"
        )

    def stop(self) -> None:
        self.run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "-t", "30", "stop")

    def remove(self) -> None:
        subprocess.run(
            [
                *self.as_user,
                str(self.bin / "pg_ctl"),
                "-D",
                str(self.data),
                "-m",
                "immediate",
                "stop",
            ],
            capture_output=True,
            timeout=60,
        )
        shutil.rmtree(self.folder, ignore_errors=True)


@pytest.fixture
def throwaway_postgres():
    server = ThrowawayPostgres()
    try:
        server.start()
        yield server
    finally:
        server.remove()


def moment_tag(n: int) -> str:
    """A made-up word per number, distinct even after the duplicate check's normalisation
    (which folds runs of one character, so "moment 4" and "moment 444" would collide)."""
    consonants, vowels, tag = "bdfgklmnprstvz", "aeiou", ""
    while True:
        tag += consonants[n % 14] + vowels[(n // 14) % 5]
        n //= 70
        if not n:
            return tag


def test_database_restart_loses_no_acknowledged_submission(tmp_path, throwaway_postgres):
    app = make_app(
        tmp_path, SQLALCHEMY_DATABASE_URI=throwaway_postgres.url, DATABASE_CONNECT_TIMEOUT=2
    )
    server = make_server("127.0.0.1", 0, app, threaded=True)
    serving = threading.Thread(target=server.serve_forever, daemon=True)
    serving.start()
    results: list[tuple] = []
    lock = threading.Lock()
    stop_clients = threading.Event()
    counter = iter(range(10**6))

    def client() -> None:
        while not stop_clients.is_set():
            with lock:
                n = next(counter)
            body = urllib.parse.urlencode(
                {
                    "text": f"Thank you for the kind words, {moment_tag(n)}",
                    "display_name": "@sam",
                    "consent": "y",
                    "category": "received",
                    "nudge_ack": "1",
                }
            )
            started = time.monotonic()
            connection = http.client.HTTPConnection("127.0.0.1", server.server_port, timeout=10)
            try:
                connection.request(
                    "POST", "/share", body, {"Content-Type": "application/x-www-form-urlencoded"}
                )
                response = connection.getresponse()
                outcome = (response.status, response.getheader("Location"), response.read())
            except OSError as error:  # a timeout or a dropped connection: what must not happen
                outcome = ("error", repr(error), b"")
            finally:
                connection.close()
            with lock:
                results.append((started, time.monotonic() - started, *outcome))
            time.sleep(0.01)

    clients = [threading.Thread(target=client) for _ in range(4)]
    try:
        for thread in clients:
            thread.start()
        time.sleep(1.5)
        down_at = time.monotonic()
        throwaway_postgres.stop()
        time.sleep(1.5)
        throwaway_postgres.start()
        up_at = time.monotonic()
        time.sleep(2.0)
    finally:
        stop_clients.set()
        for thread in clients:
            thread.join(timeout=30)
        server.shutdown()
        serving.join(timeout=10)

    errors = [r for r in results if r[2] == "error"]
    assert errors == []
    assert {r[2] for r in results} <= {302, 503}
    assert max(r[1] for r in results) < 5  # answered, never hung
    unavailable = [r for r in results if r[2] == 503]
    assert unavailable, "the outage was not noticed"
    assert all(b"briefly unavailable" in r[4] for r in unavailable)
    assert all(down_at - 1 <= r[0] <= up_at for r in unavailable)
    accepted = [r for r in results if r[2] == 302]
    assert any(r[0] > up_at for r in accepted), "no submission got through after the restart"
    with app.app_context():
        for _, _, _, location, _ in accepted:
            token = location.rsplit("/", 1)[1]
            assert find_by_receipt(db.session, token) is not None, location
        db.session.remove()
        db.engine.dispose()

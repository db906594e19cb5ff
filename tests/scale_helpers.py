"""Helpers for the scale tests: score workers as real processes, bulk seeding, and classifiers
that misbehave on marked texts, loaded by the workers through ``--classifier module:attribute``
(this folder is on the workers' PYTHONPATH).

Each classifier is the real embedded one except on texts carrying its marker, so a worker's
warm-up and every other text are scored for real.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy import func, select

from kindness_challenge.core.pg_notify import notify_pending
from kindness_challenge.extensions import db
from kindness_challenge.models import ActorKind, State, Submission, Transition, utcnow
from kindness_challenge.participate.submit import hash_receipt_token
from kindness_challenge.scoring.classifiers import ProfanityCheckClassifier

ROOT = Path(__file__).resolve().parent.parent
TESTS = Path(__file__).resolve().parent


class FailingOnPoison(ProfanityCheckClassifier):
    """Raises on any batch holding a text with POISON (the worker then scores one by one)."""

    def score_batch(self, texts):
        if any("POISON" in text for text in texts):
            raise ValueError("cannot score this text")
        return super().score_batch(texts)


class Slow(ProfanityCheckClassifier):
    """Takes two seconds over a batch holding a text with SLOW."""

    def score_batch(self, texts):
        if any("SLOW" in text for text in texts):
            time.sleep(2)
        return super().score_batch(texts)


class Hanging(ProfanityCheckClassifier):
    """Never finishes (within a test) a batch holding a text with HANG."""

    def score_batch(self, texts):
        if any("HANG" in text for text in texts):
            time.sleep(120)
        return super().score_batch(texts)


class Crashing(ProfanityCheckClassifier):
    """Kills its whole process on a text with CRASH, as a segfault or the OOM killer would."""

    def score_batch(self, texts):
        if any("CRASH" in text for text in texts):
            os._exit(70)
        return super().score_batch(texts)


class FreezingInRouting(ProfanityCheckClassifier):
    """Scores a batch holding a text with FREEZE, then freezes its whole process (SIGSTOP, as a
    debugger, a paused VM or a stalled disk would) just before the routing transaction commits:
    every row of the batch is updated and row-locked, nothing is committed. Once per process."""

    armed = False
    frozen = False

    def __init__(self) -> None:
        super().__init__()
        if not getattr(FreezingInRouting, "_listening", False):
            sa.event.listen(sa.engine.Engine, "commit", FreezingInRouting._before_commit)
            FreezingInRouting._listening = True

    def score_batch(self, texts):
        if any("FREEZE" in text for text in texts) and not FreezingInRouting.frozen:
            FreezingInRouting.armed = True  # the next commit is this batch's routing
        return super().score_batch(texts)

    @staticmethod
    def _before_commit(connection) -> None:
        if FreezingInRouting.armed:
            FreezingInRouting.armed, FreezingInRouting.frozen = False, True
            os.kill(os.getpid(), signal.SIGSTOP)


def seed_pending(app, texts: list[str], notify: bool = True) -> list[int]:
    """Store pending submissions in bulk (one transaction), as the share form would."""
    now = utcnow()
    rows = [
        dict(
            text=text,
            display_name="@seed",
            video_url=None,
            consent_public=True,
            receipt_hash=hash_receipt_token(f"seed-{now.timestamp()}-{i}"),
            state=State.pending,
            created_at=now,
        )
        for i, text in enumerate(texts)
    ]
    with app.app_context():
        ids = list(db.session.scalars(sa.insert(Submission).returning(Submission.id), rows))
        db.session.execute(
            sa.insert(Transition),
            [
                dict(
                    submission_id=submission_id,
                    from_state=None,
                    to_state=State.pending,
                    actor_kind=ActorKind.participant,
                    actor="participant",
                    reason="submitted",
                    created_at=now,
                )
                for submission_id in ids
            ],
        )
        if notify:
            notify_pending(db.session)
        db.session.commit()
    return ids


def count_pending(app) -> int:
    with app.app_context():
        count = db.session.scalar(select(func.count()).where(Submission.state == State.pending))
        db.session.remove()
    return count


def wait_until(predicate, timeout: float, interval: float = 0.1, what: str = "condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout:.0f}s waiting for {what}")


class WorkerProcess:
    """``flask --app wsgi score-worker ...`` in a process of its own, logging JSON to a file."""

    def __init__(
        self, database_url: str, log_path: Path, *args: str, env: dict | None = None
    ) -> None:
        settings = env or {}
        env = dict(os.environ)
        env.update(
            KINDNESS_DATABASE_URL=database_url,
            KINDNESS_SECRET_KEY="scale-test",
            KINDNESS_SCORING_MODE="off",
            KINDNESS_CLASSIFIER="profanity-check",
            KINDNESS_SCORE_KINDNESS="false",
            KINDNESS_LOG_FORMAT="json",
            PYTHONPATH=os.pathsep.join([str(TESTS), env.get("PYTHONPATH", "")]).rstrip(os.pathsep),
        )
        env.update(settings)
        env.pop("PROMETHEUS_MULTIPROC_DIR", None)
        self.log_path = log_path
        self.signalled = False
        self._log = open(log_path, "wb")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "flask", "--app", "wsgi", "score-worker", *args],
            cwd=ROOT,
            env=env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, so teardown reaches its children
        )

    @property
    def pid(self) -> int:
        return self.process.pid

    def records(self) -> list[dict]:
        found = []
        for line in self.log_path.read_text(errors="replace").splitlines():
            if line.startswith("{"):
                try:
                    found.append(json.loads(line))
                except ValueError:
                    pass
        return found

    def listening(self) -> int:
        """How many of its processes are listening for new submissions."""
        return sum("listening for new submissions" in r["message"] for r in self.records())

    def wait_listening(self, count: int = 1, timeout: float = 60) -> None:
        wait_until(
            lambda: self.listening() >= count or self.process.poll() is not None,
            timeout,
            what=f"worker {self.pid} to listen",
        )
        assert self.process.poll() is None, self.log_path.read_text()

    def state(self) -> str:
        """The process's state letter in /proc (R, S, T for stopped, Z...)."""
        stat = Path(f"/proc/{self.pid}/stat").read_text()
        return stat.rsplit(")", 1)[1].split()[0]

    def signal(self, signum: int = signal.SIGTERM) -> None:
        self.signalled = True
        self.process.send_signal(signum)

    def stop(self, timeout: float = 20) -> int:
        """SIGTERM (unless a signal was sent already), and the exit status once it stopped."""
        if self.process.poll() is None and not self.signalled:
            self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
            raise AssertionError(f"worker {self.pid} ignored SIGTERM") from None
        finally:
            self._log.close()

    def kill_everything(self) -> None:
        """Test teardown: nothing outlives the test."""
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.process.wait(timeout=10)
        if not self._log.closed:
            self._log.close()


@contextmanager
def gunicorn(tmp_path: Path, port: int, **settings: str) -> Iterator[subprocess.Popen]:
    """A real gunicorn (``gunicorn.conf.py``, ``wsgi:app``) on the test's SQLite database, its
    output in ``tmp_path / "gunicorn.log"``; ``settings`` are environment variables over quiet
    defaults (no scoring, alt-profanity-check, no kindness model). Stopped with SIGTERM when the
    block ends; the caller checks ``returncode`` where a clean exit matters."""
    env = dict(os.environ)
    env.pop("PROMETHEUS_MULTIPROC_DIR", None)
    env.update(
        KINDNESS_DATABASE_URL=f"sqlite:///{tmp_path / 'test.sqlite3'}",
        KINDNESS_SECRET_KEY="gunicorn-test",
        KINDNESS_SCORING_MODE="off",
        KINDNESS_CLASSIFIER="profanity-check",
        KINDNESS_SCORE_KINDNESS="false",
        GUNICORN_BIND=f"127.0.0.1:{port}",
    )
    env.update(settings)
    with open(tmp_path / "gunicorn.log", "wb") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "wsgi:app"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        yield server
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)

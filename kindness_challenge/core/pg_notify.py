"""Waking idle score workers: PostgreSQL LISTEN/NOTIFY, or an in-process event.

A new submission sends ``NOTIFY kindness_pending`` inside its own transaction (PostgreSQL delivers
it at commit, never for a rollback). Each score worker holds one connection that LISTENs on the
channel, so an idle worker claims a new submission within milliseconds instead of at its next
poll. The poll stays as the safety net: a notification lost to a dropped connection costs at most
one poll interval. On SQLite there is nothing to listen to; workers poll (and the in-process
worker is woken by an event).
"""

from __future__ import annotations

import logging
import threading
import time

from sqlalchemy import func, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

CHANNEL = "kindness_pending"
# How often a blocked listener looks at the wake event (a stop request).
WAKE_CHECK_SECONDS = 0.2

log = logging.getLogger(__name__)


def notify_pending(session: Session) -> None:
    """Announce a pending submission to listening workers, in the caller's transaction."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(select(func.pg_notify(CHANNEL, "")))


class EventWaiter:
    """Waits for ``wake`` (set by the web process after a submission, or by a stop request)."""

    def __init__(self, wake: threading.Event) -> None:
        self.wake = wake

    def __call__(self, timeout: float) -> None:
        self.wake.wait(timeout)
        self.wake.clear()

    def close(self) -> None:
        pass


class PostgresListener:
    """Waits for a NOTIFY on ``CHANNEL``, for ``wake``, or for the timeout, whichever is first.

    Holds one connection from ``engine`` for LISTEN. If the database goes away, it reconnects on
    the next wait and meanwhile sleeps the timeout out, like a plain poll.
    """

    def __init__(self, engine: Engine, wake: threading.Event) -> None:
        self.engine = engine
        self.wake = wake
        self._raw = None

    def _listen(self) -> None:
        raw = self.engine.raw_connection()
        try:
            connection = raw.driver_connection
            connection.autocommit = True
            connection.execute(f"LISTEN {CHANNEL}")
        except Exception:
            raw.invalidate()
            raise
        self._raw = raw
        log.info("listening for new submissions on %s", CHANNEL)

    def __call__(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while not self.wake.is_set():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                break
            try:
                if self._raw is None:
                    self._listen()
                    break  # now listening: claim whatever came in while nobody was
                connection = self._raw.driver_connection
                slice_seconds = min(remaining, WAKE_CHECK_SECONDS)
                if any(True for _ in connection.notifies(timeout=slice_seconds, stop_after=1)):
                    # One claim serves every notification that came in meanwhile.
                    for _ in connection.notifies(timeout=0):
                        pass
                    break
            except Exception as error:  # noqa: BLE001 - fall back to polling until it is back
                log.warning("LISTEN connection lost (%s); polling until it is back", error)
                self.close()
                self.wake.wait(max(0.0, deadline - time.monotonic()))
                break
        self.wake.clear()

    def close(self) -> None:
        if self._raw is not None:
            raw, self._raw = self._raw, None
            try:
                raw.invalidate()  # an autocommit, listening connection never goes back to the pool
            except Exception:  # noqa: BLE001
                pass

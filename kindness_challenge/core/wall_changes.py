"""Telling every web process at once that a moment left the wall (or its featured row).

A take-down, an undo, a report that hides a moment, a withdrawal or an unfeature calls
``announce`` in its own transaction: PostgreSQL delivers ``NOTIFY kindness_wall`` at commit, and
never for a rollback. Each web process that keeps wall snapshots runs one ``ChangeListener``: a
thread with its own connection that LISTENs on the channel and calls ``on_change`` for every
notification. It reports whether it is listening (``on_live``), so that while its connection is
down nothing is served from a snapshot that a missed notification could have made wrong.
SQLite has no NOTIFY: ``announce`` does nothing there, and the snapshots are off. No Flask here.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from sqlalchemy import func, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

CHANNEL = "kindness_wall"
# How long a listening thread blocks before it looks at its stop event.
WAKE_CHECK_SECONDS = 0.5
RETRY_SECONDS = 1.0

log = logging.getLogger(__name__)


def announce(session: Session) -> None:
    """Tell every web process, at this transaction's commit, that the wall lost something."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(select(func.pg_notify(CHANNEL, "")))


class ChangeListener:
    """A daemon thread LISTENing on ``CHANNEL``; reconnects every ``retry_seconds`` when cut off.

    ``on_live(True)`` comes once it listens (after an ``on_change``: anything may have changed
    while it was not), ``on_live(False)`` as soon as its connection fails or it stops.
    """

    def __init__(
        self,
        engine: Engine,
        on_change: Callable[[], None],
        on_live: Callable[[bool], None],
        retry_seconds: float = RETRY_SECONDS,
    ) -> None:
        self.engine = engine
        self.on_change = on_change
        self.on_live = on_live
        self.retry_seconds = retry_seconds
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="wall-change-listener", daemon=True)

    def start(self) -> ChangeListener:
        self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                raw = self.engine.raw_connection()
            except Exception as error:  # noqa: BLE001 - the database is away; try again soon
                log.warning("wall change listener cannot connect (%s); retrying", error)
                self._stop.wait(self.retry_seconds)
                continue
            try:
                self._listen(raw.driver_connection)
            except Exception as error:  # noqa: BLE001 - connection lost: snapshots off until back
                log.warning("wall change listener lost its connection (%s); retrying", error)
            finally:
                self.on_live(False)
                self.on_change()
                try:
                    raw.invalidate()  # a listening connection never goes back to the pool
                except Exception:  # noqa: BLE001
                    pass
            self._stop.wait(self.retry_seconds)

    def _listen(self, connection) -> None:
        connection.autocommit = True
        connection.execute(f"LISTEN {CHANNEL}")
        self.on_change()
        self.on_live(True)
        while not self._stop.is_set():
            if any(True for _ in connection.notifies(timeout=WAKE_CHECK_SECONDS, stop_after=1)):
                self.on_change()

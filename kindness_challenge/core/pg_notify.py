"""PostgreSQL LISTEN/NOTIFY for the two things other processes must hear about at once.

- ``PENDING``: a new submission awaits scoring. Each score worker waits on it
  (``PostgresListener``), so an idle worker claims it within milliseconds instead of at its
  next poll; the poll stays as the safety net.
- ``WALL``: a moment left the wall or its featured row (take-down, undo, a report that hides it,
  a withdrawal, an unfeature). Each web process that keeps wall snapshots runs one
  ``ChangeListener`` thread that drops them, and serves nothing from them while it cannot listen.

``notify`` sends in the caller's transaction: PostgreSQL delivers at commit, never for a
rollback. Both listeners use one ``ChannelConnection``: its own connection, autocommit,
LISTENing, invalidated (never returned to the pool) when done. SQLite has no NOTIFY: ``notify``
does nothing there. No Flask here.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from sqlalchemy import func, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from .outages import Outage

PENDING = "kindness_pending"
WALL = "kindness_wall"
# How long a blocked listener waits before it looks at its stop or wake event.
WAKE_CHECK_SECONDS = 0.2
RETRY_SECONDS = 1.0

log = logging.getLogger(__name__)


def notify(session: Session, channel: str) -> None:
    """NOTIFY ``channel`` at this transaction's commit (PostgreSQL only)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(select(func.pg_notify(channel, "")))


def notify_pending(session: Session) -> None:
    """Announce a pending submission to listening score workers."""
    notify(session, PENDING)


def announce(session: Session) -> None:
    """Tell every web process that the wall lost something."""
    notify(session, WALL)


class ChannelConnection:
    """One connection of its own LISTENing on a channel."""

    def __init__(self, engine: Engine, channel: str) -> None:
        self.engine = engine
        self.channel = channel
        self._raw = None

    @property
    def connected(self) -> bool:
        return self._raw is not None

    def connect(self) -> None:
        raw = self.engine.raw_connection()
        try:
            connection = raw.driver_connection
            connection.autocommit = True
            connection.execute(f"LISTEN {self.channel}")
        except Exception:
            raw.invalidate()
            raise
        self._raw = raw

    def wait(self, timeout: float) -> bool:
        """Whether a notification came within ``timeout``; every one already in is consumed.
        Raises when the connection fails."""
        connection = self._raw.driver_connection
        if any(True for _ in connection.notifies(timeout=timeout, stop_after=1)):
            for _ in connection.notifies(timeout=0):
                pass
            return True
        return False

    def close(self) -> None:
        if self._raw is not None:
            raw, self._raw = self._raw, None
            try:
                raw.invalidate()  # a listening connection never goes back to the pool
            except Exception:  # noqa: BLE001
                pass


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
    """A score worker's wait: a NOTIFY on ``PENDING``, ``wake``, or the timeout, whichever is
    first. If the database goes away, it reconnects on the next wait and meanwhile sleeps the
    timeout out, like a plain poll."""

    def __init__(self, engine: Engine, wake: threading.Event) -> None:
        self.wake = wake
        self.channel = ChannelConnection(engine, PENDING)
        # When the last notification was received (monotonic), for measuring the wake-up path.
        self.last_notified: float | None = None
        self.outage = Outage(f"LISTEN {PENDING} (polling meanwhile)", log)

    def __call__(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while not self.wake.is_set():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                break
            try:
                if not self.channel.connected:
                    self.channel.connect()
                    self.outage.succeeded()
                    log.info("listening for new submissions on %s", PENDING)
                    break  # now listening: claim whatever came in while nobody was
                if self.channel.wait(min(remaining, WAKE_CHECK_SECONDS)):
                    self.last_notified = time.monotonic()
                    break  # one claim serves every notification that came in meanwhile
            except Exception as error:  # noqa: BLE001 - fall back to polling until it is back
                self.outage.failed(error)  # logged when it starts and when it ends
                self.close()
                self.wake.wait(max(0.0, deadline - time.monotonic()))
                break
        self.wake.clear()

    def close(self) -> None:
        self.channel.close()


class ChangeListener:
    """A daemon thread LISTENing on ``WALL``; reconnects every ``retry_seconds`` when cut off.

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
        self.channel = ChannelConnection(engine, WALL)
        self.on_change = on_change
        self.on_live = on_live
        self.retry_seconds = retry_seconds
        self._stop = threading.Event()
        self._started = threading.Lock()
        self._thread = threading.Thread(target=self._run, name="wall-change-listener", daemon=True)
        self.outage = Outage(f"LISTEN {WALL} (wall snapshots off meanwhile)", log)

    def start(self) -> ChangeListener:
        """Start listening (once; later calls do nothing)."""
        with self._started:
            if not self._thread.is_alive() and not self._stop.is_set():
                self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.channel.connect()
            except Exception as error:  # noqa: BLE001 - the database is away; try again soon
                self.outage.failed(error)
                self._stop.wait(self.retry_seconds)
                continue
            self.outage.succeeded()
            try:
                self.on_change()
                self.on_live(True)
                while not self._stop.is_set():
                    if self.channel.wait(WAKE_CHECK_SECONDS):
                        self.on_change()
            except Exception as error:  # noqa: BLE001 - connection lost: snapshots off until back
                self.outage.failed(error)
            finally:
                self.on_live(False)
                self.on_change()
                self.channel.close()
            self._stop.wait(self.retry_seconds)

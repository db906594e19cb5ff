"""An outage said once in the log: a warning when a dependency goes away, one when it is back.

A Redis or a PostgreSQL that is down fails every request that touches it; a warning per failure
(two per submission, thousands a minute) buries everything else in the log. ``Outage`` keeps
one dependency's state per process: its first failure logs "unavailable" with the error, the
failures after it only count, and the first success after them logs "available again" with how
long it lasted and how many failures it cost. No Flask here.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from sqlalchemy import exc as sa_exc


class Outage:
    """Whether ``name`` is down, as this process last saw it; thread-safe."""

    def __init__(
        self,
        name: str,
        logger: logging.Logger,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.name = name
        self.log = logger
        self.clock = clock
        self.failures = 0
        self.since: float | None = None
        self._lock = threading.Lock()

    @property
    def down(self) -> bool:
        return self.since is not None

    def failed(self, error: BaseException | str, *, exc_info: bool = False) -> bool:
        """Count a failure; logs (and returns True) only when it begins an outage."""
        with self._lock:
            self.failures += 1
            if self.since is not None:
                return False
            self.since = self.clock()
        self.log.warning(
            "%s unavailable: %s",
            self.name,
            _describe(error),
            exc_info=error if exc_info and isinstance(error, BaseException) else None,
            extra={"outage": self.name, "outage_event": "start"},
        )
        return True

    def succeeded(self) -> bool:
        """Note a success; logs (and returns True) only when it ends an outage."""
        if self.since is None:  # the usual case: no lock taken
            return False
        with self._lock:
            if self.since is None:
                return False
            seconds, failures = self.clock() - self.since, self.failures
            self.since, self.failures = None, 0
        self.log.warning(
            "%s available again after %.1fs (%d failed %s)",
            self.name,
            seconds,
            failures,
            "call" if failures == 1 else "calls",
            extra={"outage": self.name, "outage_event": "end", "outage_seconds": seconds},
        )
        return True


def _describe(error: BaseException | str) -> str:
    if isinstance(error, str):
        return error
    # A driver's message can run to several lines (PostgreSQL's hints); the first says it.
    text = str(getattr(error, "orig", None) or error).strip().splitlines()
    return f"{type(error).__name__}: {text[0] if text else ''}"


def database_unavailable(error: BaseException | None) -> bool:
    """Whether ``error`` (or what it was raised from) says the database cannot be reached or
    cannot answer: a refused or dropped connection, a server shutting down, a statement or
    idle-transaction timeout, no pooled connection free in time."""
    seen = 0
    while error is not None and seen < 8:
        if isinstance(
            error,
            sa_exc.OperationalError
            | sa_exc.InterfaceError
            | sa_exc.DisconnectionError
            | sa_exc.TimeoutError,
        ):
            return True
        if isinstance(error, sa_exc.DBAPIError) and error.connection_invalidated:
            return True
        error = getattr(error, "original_exception", None) or error.__cause__
        seen += 1
    return False

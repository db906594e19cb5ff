"""The wall's running counts, cached per process so a million-row COUNT is not run per view.

The published count is recounted at most every ``ttl`` seconds. In between, each read checks
the newest published moment (one index seek) and, when there are newer ones, adds just those
(an index range): a new publication shows in the count at once, for the cost of counting the
few rows that are new. A take-down shows at the next full count, within ``ttl`` seconds. No
Flask here; the views keep one ``CountCache`` per app in ``app.extensions``.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from ..core.wall_queries import newest_key, published_count, published_hearts, published_since


@dataclass
class _Entry:
    value: int
    expires: float
    key: tuple[datetime, int] | None = None


class CountCache:
    def __init__(self, ttl: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.ttl = ttl
        self.clock = clock
        self._entries: dict[str, _Entry] = {}
        self._lock = threading.Lock()

    def _fresh(self, name: str, now: float) -> _Entry | None:
        with self._lock:
            entry = self._entries.get(name)
        return entry if entry is not None and entry.expires > now else None

    def _store(self, name: str, entry: _Entry) -> int:
        with self._lock:
            self._entries[name] = entry
        return entry.value

    def published(self, session: Session) -> int:
        now = self.clock()
        key = newest_key(session)
        entry = self._fresh("published", now)
        if entry is not None and entry.key == key:
            return entry.value
        if entry is not None and entry.key is not None and key is not None:
            added = published_since(session, entry.key)
            return self._store("published", _Entry(entry.value + added, entry.expires, key))
        return self._store("published", _Entry(published_count(session), now + self.ttl, key))

    def hearts(self, session: Session) -> int:
        """Hearts on published moments: a full sum, reused for ``ttl`` seconds."""
        now = self.clock()
        entry = self._fresh("hearts", now)
        if entry is not None:
            return entry.value
        return self._store("hearts", _Entry(published_hearts(session), now + self.ttl))

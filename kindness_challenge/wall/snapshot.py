"""The wall's first page as plain values, and a per-process cache of it for a moment.

A viral wall is read far more often than it changes, and while submissions pour in every
database round trip of a page view waits behind theirs (bench/load.py measured the wall's time
in database statements go from 1.8 to 6.5 ms under a spike). So each web process may keep the
first page of each category (moments, featured row, running count) for ``ttl`` seconds, then
serves it ``ttl`` more while one background build replaces it. The page is still rendered per
request: CSRF tokens and hearts stay each visitor's own.

Fail closed: a moment that leaves the wall must leave every kept copy at once, not ``ttl``
later. ``invalidate`` is called for every ``wall.changes`` notification; while the cache is not
``live`` (its listener is not listening), ``get`` builds every page afresh. A page built while
an invalidation came in is not kept, since its query may have run before that change. New
publications show within two ``ttl``. No Flask here.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Hashable
from dataclasses import dataclass, fields
from datetime import datetime

from ..models import Submission


@dataclass(frozen=True)
class MomentView:
    """What a wall card shows of a published moment, detached from any database session.

    The one source of a card's fields: the wall's first page, "load more", the permalink and the
    event display all render these, so a field added here shows on every path, and a field the
    card macro reads must be added here (tests/test_wall.py checks the macro against it).
    """

    id: int
    text: str
    display_name: str
    video_url: str | None
    category: str | None
    for_whom: str | None
    published_at: datetime
    heart_count: int
    # Imported moments: the platform and the link to the original (None for shared ones).
    source: str | None = None
    source_url: str | None = None

    @classmethod
    def of(cls, moment: Submission) -> MomentView:
        return cls(**{field.name: getattr(moment, field.name) for field in fields(cls)})


@dataclass(frozen=True)
class WallPage:
    moments: tuple[MomentView, ...]
    featured: tuple[MomentView, ...]
    next_cursor: str | None
    total: int

    @property
    def ids(self) -> list[int]:
        return [m.id for m in self.moments + self.featured]


@dataclass
class _Entry:
    expires: float
    value: object
    refreshing: bool = False


def _in_a_thread(work: Callable[[], None]) -> None:
    threading.Thread(target=work, name="wall-snapshot-refresh", daemon=True).start()


class SnapshotCache:
    """Values kept for ``ttl`` seconds, dropped by ``invalidate``, bypassed while not ``live``.

    For ``ttl`` seconds more a kept value is still served while one background build replaces
    it, so that no visitor waits for a rebuild in the steady state: a new publication shows
    within two ``ttl``. After ``invalidate`` nothing old is served; the next visitor waits.
    """

    def __init__(
        self,
        ttl: float,
        clock: Callable[[], float] = time.monotonic,
        background: Callable[[Callable[[], None]], None] = _in_a_thread,
    ) -> None:
        self.ttl = ttl
        self.clock = clock
        self.background = background
        self.live = False
        self._entries: dict[Hashable, _Entry] = {}
        self._generation = 0
        self._lock = threading.Lock()

    def set_live(self, live: bool) -> None:
        self.live = live

    def invalidate(self) -> None:
        with self._lock:
            self._generation += 1
            self._entries.clear()

    def get(self, key: Hashable, build: Callable[[], object]) -> tuple[object, str]:
        """The value kept for ``key``, else ``build()`` (kept if nothing changed meanwhile).
        Also says which: "hit", "stale" (kept, being rebuilt), "miss" or "bypass" (not live).
        ``build`` may run on another thread."""
        if not self.live:
            return build(), "bypass"
        now = self.clock()
        with self._lock:
            entry = self._entries.get(key)
            generation = self._generation
            if entry is not None and entry.expires > now:
                return entry.value, "hit"
            stale = entry is not None and entry.expires + self.ttl > now
            rebuild = stale and not entry.refreshing
            if rebuild:
                entry.refreshing = True
        if stale:
            if rebuild:  # started outside the lock: the build takes it to keep its value
                self.background(lambda: self._refresh(key, build, generation, entry))
            return entry.value, "stale"
        value = build()
        self._keep(key, value, generation, now)
        return value, "miss"

    def _keep(self, key: Hashable, value: object, generation: int, now: float) -> None:
        with self._lock:
            if self._generation == generation and self.live:
                self._entries[key] = _Entry(now + self.ttl, value)

    def _refresh(self, key: Hashable, build: Callable[[], object], generation: int, entry) -> None:
        try:
            self._keep(key, build(), generation, self.clock())
        finally:
            entry.refreshing = False  # a failed build is tried again by the next visitor

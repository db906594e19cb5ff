"""Scores a draft already got, kept a few minutes so that the same text is not scored twice.

The share form scores a draft while it is typed (``POST /share/nudge`` after each pause) and
again when it is sent, and in a campaign many people send the same words (a creator's suggested
line). Each of those is a model inference in a web process, the largest part of what a
submission costs there. So the scores a nudge computes are kept for ``ttl`` seconds, keyed by
an HMAC of the classifier's version and the text's scoring form: in Redis when one is
configured (every web process shares them), else in this process (at most ``size`` entries).
The value is the ``prescores`` a submission stores, checked again when read
(``scoring.worker.reusable_prescores``), so a reused nudge spares the score worker too.

Only scores are kept, never text. A cache that is away only means scoring again. No Flask here.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable

from ..core.outages import Outage

log = logging.getLogger(__name__)

PREFIX = "kindness:nudge:"


def score_key(secret: str, classifier_version: str, scoring_text: str) -> str:
    message = f"{classifier_version}\n{scoring_text}".encode()
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


class MemoryScoreCache:
    """This process's scores, the ``size`` most recently stored, each for ``ttl`` seconds."""

    def __init__(
        self, ttl: float, size: int = 4096, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.ttl = ttl
        self.size = size
        self.clock = clock
        self._entries: OrderedDict[str, tuple[float, dict]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str) -> dict | None:
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return None
            if entry[0] <= self.clock():
                del self._entries[key]
                return None
            return entry[1]

    def put(self, key: str, prescores: dict) -> None:
        with self._lock:
            self._entries[key] = (self.clock() + self.ttl, prescores)
            self._entries.move_to_end(key)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)


class RedisScoreCache:
    """Scores in Redis, shared by every process, each for ``ttl`` seconds (Redis expires them).
    Redis errors are logged and read as a miss: scoring again is always correct."""

    def __init__(self, url: str, ttl: float, prefix: str = PREFIX) -> None:
        import redis

        self.ttl = max(1, round(ttl))
        self.prefix = prefix
        self._redis = redis.Redis.from_url(url, socket_timeout=0.2, socket_connect_timeout=0.2)
        self._error = redis.RedisError
        # Logged when Redis goes away and when it is back, not twice per submission between.
        self.outage = Outage("Redis (nudge score cache: scoring again meanwhile)", log)

    def get(self, key: str) -> dict | None:
        try:
            raw = self._redis.get(self.prefix + key)
        except self._error as error:
            self.outage.failed(error)
            return None
        self.outage.succeeded()
        if raw is None:
            return None
        try:
            value = json.loads(raw)
        except ValueError:
            return None
        return value if isinstance(value, dict) else None

    def put(self, key: str, prescores: dict) -> None:
        try:
            self._redis.set(self.prefix + key, json.dumps(prescores), ex=self.ttl)
        except self._error as error:
            self.outage.failed(error)
            return
        self.outage.succeeded()

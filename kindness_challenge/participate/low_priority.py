"""Run a heavy call (the share form's nudge: a model inference) on one thread of this process
whose CPU priority is lowered, and give up waiting after a bound. No Flask here.

A page view and a nudge that run at once on a busy machine share its cores. At the same
priority the page view gets its fair half and takes twice as long; with the nudge's thread
niced, the kernel runs the page view first and the nudge takes what is left. On Linux the nice
value is per thread, so only this thread is lowered; elsewhere nothing is reniced.

One thread per process, made on first use in the process that uses it (a forked child gets its
own): calls queue for it in order. A call that is not done within ``timeout`` seconds raises
``TimeoutError``; if it had not started, it is cancelled. With ``max_queue_seconds``, a call
that would wait longer than that behind the calls before it (their number times the mean time
of the last calls; the first call, which may load a model, is not counted) is not queued at
all: ``Busy`` at once. Under a spike the nudge is then
skipped without a wait, and the submission costs the web process no inference.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from typing import TypeVar

log = logging.getLogger(__name__)
T = TypeVar("T")


def _lower_this_thread(nice: int) -> None:
    if nice > 0 and sys.platform.startswith("linux"):
        try:
            os.nice(nice)  # Linux: the calling thread only
        except OSError:
            log.warning("could not lower the nudge thread's priority by %d", nice)


class Busy(RuntimeError):
    """The call would wait longer than ``max_queue_seconds``: it was not queued."""


# Weight of the newest call in the mean call time.
MEAN_WEIGHT = 0.2


class LowPriorityRunner:
    """``run(function, *args)`` on this process's low-priority thread, waiting ``timeout`` s."""

    def __init__(self, nice: int, timeout: float, max_queue_seconds: float | None = None) -> None:
        self.nice = nice
        self.timeout = timeout
        self.max_queue_seconds = max_queue_seconds
        self._lock = threading.Lock()
        self._pid: int | None = None
        self._executor: ThreadPoolExecutor | None = None
        self._queued = 0  # submitted and not finished (or cancelled)
        self._calls = 0
        self.mean_seconds: float | None = None

    @property
    def queued(self) -> int:
        """Calls submitted and not yet finished (the running one included)."""
        return self._queued

    def _pool(self) -> ThreadPoolExecutor:
        with self._lock:
            if self._executor is None or self._pid != os.getpid():
                self._pid = os.getpid()
                self._queued = 0  # a forked child has none of its parent's calls
                self._executor = ThreadPoolExecutor(
                    max_workers=1,
                    thread_name_prefix="low-priority",
                    initializer=_lower_this_thread,
                    initargs=(self.nice,),
                )
            return self._executor

    def run(self, function: Callable[..., T], *args) -> T:
        pool = self._pool()
        with self._lock:
            if self.max_queue_seconds is not None and self.mean_seconds is not None:
                wait = self._queued * self.mean_seconds
                if wait > self.max_queue_seconds:
                    raise Busy(f"{self._queued} calls ahead, about {wait:.3f} s")
            self._queued += 1
        future = pool.submit(self._timed, function, args)
        try:
            return future.result(timeout=self.timeout)
        except FutureTimeout:
            if future.cancel():
                self._finished(None)
            raise TimeoutError(f"not done within {self.timeout:g} s") from None

    def _timed(self, function: Callable[..., T], args: tuple) -> T:
        started = time.perf_counter()
        try:
            return function(*args)
        finally:
            self._finished(time.perf_counter() - started)

    def _finished(self, seconds: float | None) -> None:
        with self._lock:
            self._queued -= 1
            self._calls += seconds is not None
            if seconds is not None and self._calls > 1:
                mean = self.mean_seconds
                self.mean_seconds = (
                    seconds if mean is None else mean + MEAN_WEIGHT * (seconds - mean)
                )

"""Run a heavy call (the share form's nudge: a model inference) on one thread of this process
whose CPU priority is lowered, and give up waiting after a bound. No Flask here.

A page view and a nudge that run at once on a busy machine share its cores. At the same
priority the page view gets its fair half and takes twice as long; with the nudge's thread
niced, the kernel runs the page view first and the nudge takes what is left. On Linux the nice
value is per thread, so only this thread is lowered; elsewhere nothing is reniced.

One thread per process, made on first use in the process that uses it (a forked child gets its
own): calls queue for it in order. A call that is not done within ``timeout`` seconds raises
``TimeoutError``; if it had not started, it is cancelled.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
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


class LowPriorityRunner:
    """``run(function, *args)`` on this process's low-priority thread, waiting ``timeout`` s."""

    def __init__(self, nice: int, timeout: float) -> None:
        self.nice = nice
        self.timeout = timeout
        self._lock = threading.Lock()
        self._pid: int | None = None
        self._executor: ThreadPoolExecutor | None = None

    def _pool(self) -> ThreadPoolExecutor:
        with self._lock:
            if self._executor is None or self._pid != os.getpid():
                self._pid = os.getpid()
                self._executor = ThreadPoolExecutor(
                    max_workers=1,
                    thread_name_prefix="low-priority",
                    initializer=_lower_this_thread,
                    initargs=(self.nice,),
                )
            return self._executor

    def run(self, function: Callable[..., T], *args) -> T:
        future = self._pool().submit(function, *args)
        try:
            return future.result(timeout=self.timeout)
        except FutureTimeout:
            future.cancel()
            raise TimeoutError(f"not done within {self.timeout:g} s") from None

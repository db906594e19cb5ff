"""Run a heavy call (the share form's nudge: a model inference) on one thread of this process
whose CPU priority is lowered, batch what queues for it, and give up waiting after a bound.
No Flask here.

A page view and a nudge that run at once on a busy machine share its cores. At the same
priority the page view gets its fair half and takes twice as long; with the nudge's thread
niced, the kernel runs the page view first and the nudge takes what is left. On Linux the nice
value is per thread, so only this thread is lowered; elsewhere nothing is reniced.

One thread per process, started on first use in the process that uses it (a forked child gets
its own). Items that queue while it is busy are handed to ``handle`` together, one call per
key (a model scores a batch of texts for much less than one call per text). A caller that gets
no answer within ``timeout`` seconds gets ``TimeoutError``; its item, if not yet started, is
dropped.
"""

from __future__ import annotations

import logging
import os
import queue
import sys
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout

log = logging.getLogger(__name__)


def lower_this_thread(nice: int) -> None:
    """Lower the calling thread's CPU priority by ``nice`` (Linux only: elsewhere nice is the
    whole process's, so nothing is changed)."""
    if nice > 0 and sys.platform.startswith("linux"):
        try:
            os.nice(nice)  # Linux: the calling thread only
        except OSError:
            log.warning("could not lower a thread's priority by %d", nice)


class LowPriorityBatcher:
    """``run(key, item)``: ``handle(key, items)`` on this process's low-priority thread, with
    the items of the same key (compared by identity) that queued meanwhile; one result per
    item, in order."""

    def __init__(
        self,
        handle: Callable[[object, Sequence[object]], Sequence[object]],
        nice: int,
        timeout: float,
        max_batch: int = 16,
    ) -> None:
        self.handle = handle
        self.nice = nice
        self.timeout = timeout
        self.max_batch = max_batch
        self._lock = threading.Lock()
        self._pid: int | None = None
        self._queue: queue.SimpleQueue = queue.SimpleQueue()

    def _ensure_thread(self) -> None:
        with self._lock:
            if self._pid != os.getpid():
                self._pid = os.getpid()
                self._queue = queue.SimpleQueue()
                threading.Thread(target=self._serve, name="low-priority", daemon=True).start()

    def run(self, key, item):
        self._ensure_thread()
        future: Future = Future()
        self._queue.put((key, item, future))
        try:
            return future.result(timeout=self.timeout)
        except FutureTimeout:
            future.cancel()  # dropped if it has not started
            raise TimeoutError(f"not done within {self.timeout:g} s") from None

    def _serve(self) -> None:
        lower_this_thread(self.nice)
        jobs = self._queue
        while True:
            batch = [jobs.get()]
            while len(batch) < self.max_batch:
                try:
                    batch.append(jobs.get_nowait())
                except queue.Empty:
                    break
            groups: list[tuple[object, list]] = []
            for key, item, future in batch:
                if not future.set_running_or_notify_cancel():
                    continue  # its caller stopped waiting
                for group_key, members in groups:
                    if group_key is key:
                        members.append((item, future))
                        break
                else:
                    groups.append((key, [(item, future)]))
            for key, members in groups:
                self._handle(key, members)

    def _handle(self, key, members: list) -> None:
        try:
            results = self.handle(key, [item for item, _ in members])
            if len(results) != len(members):
                raise RuntimeError(f"{len(results)} results for {len(members)} items")
        except BaseException as error:  # noqa: BLE001 - each caller gets it; the thread goes on
            for _, future in members:
                future.set_exception(error)
            return
        for (_, future), result in zip(members, results, strict=True):
            future.set_result(result)

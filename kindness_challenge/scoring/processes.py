"""Score workers as operating-system processes: stopping on signals, and several under one parent.

Stopping: the first SIGTERM (or SIGINT) lets the batch in hand finish and be committed, then the
worker exits. A second one raises ``StopNow`` wherever the worker is; the batch in hand is given
back (``release_claim``) so another worker takes it at once. SIGKILL gives no chance to do
either: the claim's lease runs out and another worker takes the rows then.

``supervise`` forks ``count`` workers, starts a new one in place of one that dies (after a
pause), and passes SIGTERM/SIGINT on to all of them.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import threading
from collections.abc import Callable

log = logging.getLogger(__name__)

Work = Callable[[threading.Event, threading.Event], None]


class StopNow(BaseException):
    """A second stop signal: abandon the batch in hand (it is released) and exit."""


def install_stop_handlers(
    stop: threading.Event, wake: threading.Event, signals=(signal.SIGTERM, signal.SIGINT)
) -> None:
    def request_stop(signum, frame):
        name = signal.Signals(signum).name
        if stop.is_set():
            raise StopNow(name)
        log.info("%s: finishing the batch in hand, then stopping (again to stop at once)", name)
        stop.set()
        wake.set()

    for signum in signals:
        signal.signal(signum, request_stop)


def run_process(work: Work, signals=(signal.SIGTERM, signal.SIGINT)) -> None:
    """Run ``work(stop, wake)`` in this process until a stop signal."""
    stop, wake = threading.Event(), threading.Event()
    install_stop_handlers(stop, wake, signals)
    try:
        work(stop, wake)
    except StopNow:
        log.info("stopped at once")


def _child(work: Work) -> None:
    # Ctrl-C reaches the whole process group; only the parent acts on it and passes it on.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    run_process(work, signals=(signal.SIGTERM,))


def supervise(count: int, work: Work, restart_pause: float = 1.0) -> int:
    """Run ``work`` in ``count`` forked processes until SIGTERM/SIGINT; returns an exit status.

    Each stop signal the parent gets is passed on to every child as SIGTERM, so a second one
    stops them at once too.
    """
    context = multiprocessing.get_context("fork")
    stop = threading.Event()
    received = 0

    def request_stop(signum, frame):
        nonlocal received
        received += 1
        stop.set()

    def start() -> multiprocessing.process.BaseProcess:
        process = context.Process(target=_child, args=(work,), name="kindness-score-worker")
        process.start()
        log.info("score worker %d started", process.pid)
        return process

    signal.signal(signal.SIGTERM, request_stop)
    signal.signal(signal.SIGINT, request_stop)
    children = [start() for _ in range(count)]
    while not stop.is_set():
        for i, process in enumerate(children):
            if not process.is_alive() and not stop.is_set():
                log.error(
                    "score worker %d exited with %s; starting another in %.1fs",
                    process.pid,
                    process.exitcode,
                    restart_pause,
                )
                if stop.wait(restart_pause):
                    break
                children[i] = start()
        stop.wait(0.5)
    # Those that died on their own were reported above; the status says how the stop went.
    running = [process for process in children if process.is_alive()]
    forwarded = 0
    while any(process.is_alive() for process in running):
        for _ in range(received - forwarded):
            for process in running:
                if process.is_alive():
                    os.kill(process.pid, signal.SIGTERM)
        forwarded = received
        for process in running:
            process.join(timeout=0.1)
    log.info("all %d score workers stopped", count)
    return 0 if all(process.exitcode == 0 for process in running) else 1

"""Load and warm the nudge's model at start-up, in the background, so that the first nudge after
a start is scored within its bound instead of skipped while the model loads. No Flask here.

The warm-up goes through the nudge's own low-priority runner: the model loads, and the thread
that will run every nudge makes its first (slowest) call, before any participant waits on it.
The runner does not count a first call in its mean call time, so the warm-up does not make the
runner look busy.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

import click

from ..scoring.kindness import unwrap
from .low_priority import LowPriorityRunner

log = logging.getLogger(__name__)

WARM_UP_TEXT = "Thank you for being so kind to me today."


class WarmUp:
    """One background warm-up. ``done`` is set when it has finished (or failed: a nudge is
    advice, and a classifier that cannot load fails closed later, in the worker)."""

    def __init__(self, load_classifier: Callable[[], object], runner: LowPriorityRunner) -> None:
        self._load_classifier = load_classifier
        self._runner = runner
        self.done = threading.Event()
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, name="kindness-nudge-warm-up", daemon=True)

    def start(self) -> WarmUp:
        self.thread.start()
        return self

    def _score_once(self) -> None:
        self._load_classifier().score_batch([WARM_UP_TEXT])

    def _run(self) -> None:
        try:
            # Waits up to the runner's timeout; a slower load goes on in the runner's thread,
            # and ``done`` is set when it is over, whichever comes last.
            future_done = threading.Event()

            def call() -> None:
                try:
                    self._score_once()
                finally:
                    future_done.set()

            try:
                self._runner.run(call)
            except TimeoutError:
                future_done.wait()
            log.info("nudge model loaded and warmed")
        except Exception as error:  # noqa: BLE001 - logged; the nudge fails open
            self.error = error
            log.warning("the nudge model could not be warmed up: %s", error)
        finally:
            self.done.set()


def warm_up_nudges(config, scorer, runner: LowPriorityRunner) -> WarmUp | None:
    """At start-up: warm the nudge's classifier (the scorer's, without an added kindness head,
    as the nudge uses it) on the nudge's ``runner``, in a daemon thread; returns at once.
    None when ``NUDGE_WARM_UP`` is off, or under the flask command line (a migration or a
    score worker has no share form to serve)."""
    if not config.get("NUDGE_WARM_UP") or click.get_current_context(silent=True) is not None:
        return None
    return WarmUp(lambda: unwrap(scorer.classifier), runner).start()

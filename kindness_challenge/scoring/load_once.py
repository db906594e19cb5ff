"""A model built on first use, once per instance, thread-safe, with a pause after a failure.

Every classifier loads its model lazily: constructing one is cheap, the first score (or the
warm-up) builds the model. A model that fails to build is not built again for a while (reading
and hashing hundreds of MB per text of a batch would stall the worker): calls in that time raise
``ModelLoadError`` at once, and the worker sends the batch to review.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class ModelLoadError(RuntimeError):
    """The model failed to load a moment ago; not tried again until the pause is over."""


def loading_failed(error: Exception) -> ModelLoadError:
    """A failed build said as ``ModelLoadError`` (for ``LoadOnce``'s ``wrap``)."""
    return ModelLoadError(f"the model did not load: {error}")


class LoadOnce(Generic[T]):
    """``build()``'s result, built by the first ``get`` and kept. A failed build is remembered
    for ``retry_seconds``; ``wrap`` turns the failure itself into another error (None: it is
    raised as it is)."""

    def __init__(
        self,
        build: Callable[[], T],
        retry_seconds: float,
        wrap: Callable[[Exception], Exception] | None = None,
    ) -> None:
        self._build = build
        self.retry_seconds = retry_seconds
        self._wrap = wrap
        self.value: T | None = None
        self._failure: tuple[float, Exception] | None = None
        self._lock = threading.Lock()

    def get(self) -> T:
        with self._lock:
            if self.value is not None:
                return self.value
            if self._failure is not None:
                failed_at, error = self._failure
                if time.monotonic() - failed_at < self.retry_seconds:
                    raise loading_failed(error) from error
            try:
                self.value = self._build()
            except Exception as error:
                self._failure = (time.monotonic(), error)
                if self._wrap is None:
                    raise
                raise self._wrap(error) from error
            self._failure = None
            return self.value

"""Kindness for classifiers that only score toxicity.

detoxify and alt-profanity-check answer "is it toxic?"; the routing policy also asks "does it
read as kind?" (``routing.kindness_check``). ``WithKindness`` scores a batch with the toxicity
classifier and adds the ``kindness`` probability of the embedded sentence-embedding head, so
the kindness rule holds whichever classifier is active. Everything else (truncation, labels,
languages, loading, ``classifier info``) is the toxicity classifier's.

If the kindness head fails, its score is NaN: routing then sends the moment to review
("kindness could not be scored"), never publishes it unchecked.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from ..core.labels import THREAT
from ..core.routing import KINDNESS_LABEL

log = logging.getLogger(__name__)


class WithKindness:
    """``inner``'s scores plus ``kindness_source``'s ``kindness`` score, per text; and its
    ``threat`` score too when ``inner`` has none (alt-profanity-check, detoxify's multilingual
    model), so a threat is held whichever classifier is active."""

    def __init__(self, inner, kindness_source) -> None:
        self.inner = inner
        self.kindness_source = kindness_source
        self.name = inner.name
        source_marker = getattr(kindness_source, "version_marker", None)
        marker = f"+kindness:{source_marker or kindness_source.version.rsplit(':', 1)[-1][:8]}"
        self.version = inner.version[: 80 - len(marker)] + marker
        inner_labels = getattr(inner, "labels", None) or ()
        source_labels = getattr(kindness_source, "labels", None) or ()
        self.added = (KINDNESS_LABEL,) + (
            (THREAT,) if THREAT in source_labels and THREAT not in inner_labels else ()
        )
        self.description = (
            f"{inner.description} + {' and '.join(self.added)} from "
            f"{getattr(kindness_source, 'name', 'sentence embeddings')}"
        )

    def __getattr__(self, name: str):
        # Only called for attributes not set above: the toxicity classifier's (files, engine,
        # settings, languages, fallback_from, load, ...).
        return getattr(self.__dict__["inner"], name)

    @property
    def labels(self) -> tuple[str, ...] | None:
        labels = getattr(self.inner, "labels", None)
        return None if labels is None else tuple(dict.fromkeys((*labels, *self.added)))

    def score_batch(self, texts: Sequence[str]) -> list[dict[str, float]]:
        rows = self.inner.score_batch(texts)
        if not rows:
            return rows
        try:
            added = [
                {label: row[label] for label in self.added}
                for row in self.kindness_source.score_batch(texts)
            ]
            if len(added) != len(rows):
                raise RuntimeError(f"{len(added)} kindness scores for {len(rows)} texts")
        except Exception:  # noqa: BLE001 - fail closed: NaN kindness (and threat) -> review
            log.exception("the kindness head failed on a batch of %d", len(texts))
            added = [dict.fromkeys(self.added, float("nan"))] * len(rows)
        # The inner classifier's own label wins (detoxify's threat); the added fill the gaps.
        return [{**extra, **row} for row, extra in zip(rows, added, strict=True)]

    def truncation_flags(self, texts: Sequence[str]) -> list[bool]:
        return self.inner.truncation_flags(texts)


def unwrap(classifier):
    """The toxicity classifier inside a ``WithKindness`` (or the classifier itself)."""
    return getattr(classifier, "inner", classifier)

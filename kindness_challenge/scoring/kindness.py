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
from .selfharm_guard import GUARD_LABEL

log = logging.getLogger(__name__)


class WithKindness:
    """``inner``'s scores plus ``kindness_source``'s ``kindness`` score, per text; and its
    ``threat`` score too when ``inner`` has none (alt-profanity-check, detoxify's multilingual
    model), so a threat is held whichever classifier is active. When ``inner`` has its own
    threat (detoxify) and the source a self-harm guard (``selfharm_guard``), the guard's
    probability joins that threat (the higher of the two): quiet pushes toward self-harm are
    held whichever classifier is active."""

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
        self.guard_joins = (
            getattr(kindness_source, "guard", None) is not None and THREAT in inner_labels
        )
        self.description = (
            f"{inner.description} + {' and '.join(self.added)} from "
            f"{getattr(kindness_source, 'name', 'sentence embeddings')}"
        )
        if self.guard_joins:
            self.description += " + its self-harm guard on threat"

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
        wanted = self.added + ((GUARD_LABEL,) if self.guard_joins else ())
        try:
            source = (
                self.kindness_source.score_batch(texts, guard_apart=True)
                if self.guard_joins
                else self.kindness_source.score_batch(texts)
            )
            # (the guard reads English only: other languages have no self_harm)
            added = [{label: row[label] for label in wanted if label in row} for row in source]
            if len(added) != len(rows):
                raise RuntimeError(f"{len(added)} kindness scores for {len(rows)} texts")
        except Exception:  # noqa: BLE001 - fail closed: NaN kindness (and threat) -> review
            log.exception("the kindness head failed on a batch of %d", len(texts))
            added = [dict.fromkeys(wanted, float("nan"))] * len(rows)
        # The inner classifier's own label wins (detoxify's threat); the added fill the gaps;
        # the self-harm guard joins the inner threat.
        out = []
        for row, extra in zip(rows, added, strict=True):
            guard = extra.pop(GUARD_LABEL, None)
            merged = {**extra, **row}
            if guard is not None and THREAT in merged:
                # (a failed guard is NaN, with NaN kindness: routing sends it to review)
                merged[THREAT] = max(merged[THREAT], guard) if guard == guard else guard
            out.append(merged)
        return out

    def truncation_flags(self, texts: Sequence[str]) -> list[bool]:
        return self.inner.truncation_flags(texts)


def unwrap(classifier):
    """The toxicity classifier inside a ``WithKindness`` (or the classifier itself)."""
    return getattr(classifier, "inner", classifier)

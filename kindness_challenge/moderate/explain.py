"""Why was it flagged? Leave-one-word-out occlusion: a word's weight is how much the label's
score drops when that word alone is removed. Honest for any classifier (linear or detoxify),
at the cost of one extra score per word; a queue page scores all its items' variants together.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..core.text.matching import normalize

SEGMENTS = re.compile(r"\s+|[^\s]+")
MAX_WORDS = 80


@dataclass(frozen=True)
class Segment:
    text: str
    weight: float = 0.0
    marked: bool = False


def occlusion_weights(classifier, text: str, label: str) -> list[tuple[str, float]] | None:
    """(word, weight) for each word of the text, or None if the classifier cannot score it."""
    return occlusion_weights_many(classifier, [(text, label)])[0]


def occlusion_weights_many(
    classifier, requests: Sequence[tuple[str, str]], *, fast_only: bool = False
) -> list[list[tuple[str, float]] | None]:
    """``occlusion_weights`` for each (text, label) of a page, scored together.

    Where the classifier has ``score_occlusions(text, words)`` (the same scores, computed
    without re-reading each variant) and it scores the label, that answers; every other text's
    variants go to one ``score_batch`` call (each distinct variant once), unless ``fast_only``
    (a page that only shows what is cheap to explain: those get None).
    """
    scores_of: dict[int, list[dict]] = {}
    try:
        asked = [
            (i, text, words, label)
            for i, (text, label) in enumerate(requests)
            if (words := _words(text)) is not None
        ]
        score_occlusions = getattr(classifier, "score_occlusions", None)
        rest = []  # to score variant by variant
        for i, text, words, label in asked:
            scores = score_occlusions(text, words) if score_occlusions is not None else None
            if scores is not None and label in scores[0]:
                scores_of[i] = scores
            elif not fast_only:
                rest.append((i, text, words, label))
        if rest:
            scores_of.update(_score_variants(classifier, rest))
        results: list[list[tuple[str, float]] | None] = [None] * len(requests)
        for i, _text, words, label in asked:
            scores = scores_of.get(i)
            if scores is None or label not in scores[0]:
                continue
            base = scores[0][label]
            results[i] = [
                (word, base - s[label]) for word, s in zip(words, scores[1:], strict=True)
            ]
    except Exception:  # noqa: BLE001 - an explanation is optional; the card still shows
        return [None] * len(requests)
    return results


def _words(text: str) -> list[str] | None:
    """The words occlusion leaves out in turn (None: nothing to explain, or too long)."""
    words = [m.group(0) for m in SEGMENTS.finditer(text) if not m.group(0).isspace()]
    return words if 0 < len(words) <= MAX_WORDS else None


def _score_variants(classifier, asked: list[tuple]) -> dict[int, list[dict]]:
    """For each (i, text, words, label): the scores of the text, then of the text less each
    word, from one ``score_batch`` call."""
    rows: dict[str, int] = {}  # distinct variant -> its row in the batch
    for _i, text, words, _label in asked:
        for variant in _variants(text, words):
            rows.setdefault(variant, len(rows))
    scores = classifier.score_batch(list(rows))
    return {i: [scores[rows[v]] for v in _variants(text, words)] for i, text, words, _ in asked}


def _variants(text: str, words: list[str]) -> list[str]:
    """The text itself, then the text with each word left out in turn (the rest joined by one
    space)."""
    return [text] + [" ".join(words[:i] + words[i + 1 :]) for i in range(len(words))]


def highlight(
    text: str,
    weights: list[tuple[str, float]] | None = None,
    phrases: tuple[str, ...] = (),
    min_weight: float = 0.05,
) -> list[Segment]:
    """Split ``text`` into segments, marking words that drove the flag or matched a phrase."""
    weight_iter = iter(weights or [])
    phrase_words = {w for phrase in phrases for w in normalize(phrase).split()}
    segments = []
    for match in SEGMENTS.finditer(text):
        piece = match.group(0)
        if piece.isspace():
            segments.append(Segment(piece))
            continue
        weight = next(weight_iter, ("", 0.0))[1] if weights else 0.0
        by_phrase = bool(phrase_words) and any(w in phrase_words for w in normalize(piece).split())
        segments.append(Segment(piece, weight, by_phrase or weight >= min_weight))
    return segments

"""Why was it flagged? Leave-one-word-out occlusion: a word's weight is how much the label's
score drops when that word alone is removed. Honest for any classifier (linear or detoxify),
at the cost of one extra score per word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .textnorm import normalize

SEGMENTS = re.compile(r"\s+|[^\s]+")
MAX_WORDS = 80


@dataclass(frozen=True)
class Segment:
    text: str
    weight: float = 0.0
    marked: bool = False


def occlusion_weights(classifier, text: str, label: str) -> list[tuple[str, float]] | None:
    """(word, weight) for each word of the text, or None if the classifier cannot score it."""
    words = [m.group(0) for m in SEGMENTS.finditer(text) if not m.group(0).isspace()]
    if not words or len(words) > MAX_WORDS:
        return None
    variants = [text] + [" ".join(words[:i] + words[i + 1 :]) for i in range(len(words))]
    try:
        scores = classifier.score_batch(variants)
    except Exception:  # noqa: BLE001 - an explanation is optional; the card still shows
        return None
    if label not in scores[0]:
        return None
    base = scores[0][label]
    return [(word, base - s[label]) for word, s in zip(words, scores[1:], strict=True)]


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
        by_phrase = bool(phrase_words) and any(
            w in phrase_words for w in normalize(piece).split()
        )
        segments.append(Segment(piece, weight, by_phrase or weight >= min_weight))
    return segments

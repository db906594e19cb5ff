"""Label polarity, in one place: which classifier labels are good news.

Every other label a classifier scores (toxicity, threat, insult, ...) is a harm: the higher, the
worse. ``kindness`` is the one positive label: a moment is published only when it scores *at or
over* its threshold, it is never a severity, and a high kindness never flags anything.
"""

from __future__ import annotations

from collections.abc import Mapping

KINDNESS = "kindness"
POSITIVE_LABELS: frozenset[str] = frozenset({KINDNESS})
# A threat (of violence, or an incitement to self-harm) is never published without a
# moderator, and its review comes before everything else in the queue.
THREAT = "threat"


def is_positive(label: str) -> bool:
    return label in POSITIVE_LABELS


def harm_scores(scores: Mapping[str, float]) -> dict[str, float]:
    """The scores of the harm labels only."""
    return {label: p for label, p in scores.items() if not is_positive(label)}

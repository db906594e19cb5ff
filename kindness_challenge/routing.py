"""Routing policy: a submission's scores and the thresholds in force -> where it goes next.

Pure functions over plain values, so the policy can be tested and measured without a database.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .models import State

# detoxify's maintainers suggest 0.7 as a starting point for toxicity; Discourse's defaults
# are severe_toxicity 0.3 and 0.6 for the other labels.
DEFAULT_THRESHOLDS: dict[str, float] = {
    "toxicity": 0.7,
    "severe_toxicity": 0.3,
    "obscene": 0.6,
    "threat": 0.6,
    "insult": 0.6,
    "identity_attack": 0.6,
    "sexual_explicit": 0.6,
}

CLASSIFIER_UNAVAILABLE = "classifier unavailable"


@dataclass(frozen=True)
class RoutingDecision:
    state: State
    reason: str
    flagged_labels: tuple[str, ...] = ()


def route(scores: Mapping[str, float], thresholds: Mapping[str, float]) -> RoutingDecision:
    """Publish only when every thresholded label scored below its threshold.

    Fails closed: no scores at all, or a score that is not a number, sends it to review.
    """
    if not scores:
        return RoutingDecision(State.needs_review, "no scores from the classifier")
    flagged = []
    for label, probability in sorted(scores.items()):
        if probability != probability:  # NaN
            return RoutingDecision(State.needs_review, f"{label} score is not a number")
        threshold = thresholds.get(label)
        if threshold is not None and probability >= threshold:
            flagged.append(f"{label} {probability:.2f} ≥ {threshold:.2f}")
    if not any(label in thresholds for label in scores):
        return RoutingDecision(State.needs_review, "no thresholded label among the scores")
    if flagged:
        labels = tuple(item.split(" ", 1)[0] for item in flagged)
        return RoutingDecision(State.needs_review, "flagged: " + "; ".join(flagged), labels)
    return RoutingDecision(State.published, "scored below every threshold")


def classifier_failed(error: str) -> RoutingDecision:
    return RoutingDecision(State.needs_review, f"{CLASSIFIER_UNAVAILABLE}: {error}"[:500])

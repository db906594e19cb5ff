"""Routing policy: a submission's text, its scores and the policy in force -> where it goes next.

Pure functions over plain values, so the policy can be tested and measured without a database.
Order of checks: a banned phrase rejects at once (with a reason the participant sees); then a
classifier failure, premoderation, a suspect phrase, a link, and any label at or over its
threshold each send it to review; only what passes all of them is published.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from .models import State
from .textnorm import find_links, find_phrase, normalize

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
MODES = ("auto", "premoderate")
CLASSIFIER_UNAVAILABLE = "classifier unavailable"
CATEGORIES: dict[str, str] = {
    "received": "A kind comment I received",
    "gave": "A kind comment I gave",
    "inspiring": "An inspiring moment",
}
# Why an item is in review, as shown in the queue's filter.
REVIEW_KINDS: dict[str, str] = {
    "threshold": "Scored over a threshold",
    "suspect_word": "Suspect phrase",
    "link": "Contains a link",
    "premoderate": "Premoderation",
    "classifier_unavailable": "Classifier unavailable",
    "taken_down": "Taken down",
    "undone": "Decision undone",
    "reported": "Reported by visitors",
    "appeal": "Appeal",
}
DEFAULT_BANNED_REASON = "It contains language that is not allowed on the kindness wall."


@dataclass(frozen=True)
class ListEntry:
    phrase: str
    normalized: str
    public_reason: str | None = None


@dataclass(frozen=True)
class Policy:
    thresholds: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_THRESHOLDS))
    mode: str = "auto"
    banned: Sequence[ListEntry] = ()
    suspect: Sequence[ListEntry] = ()
    links_to_review: bool = True


@dataclass(frozen=True)
class RoutingDecision:
    state: State
    reason: str
    flagged_labels: tuple[str, ...] = ()
    review_kind: str | None = None
    public_note: str | None = None
    matched: tuple[str, ...] = ()


def route(scores: Mapping[str, float], thresholds: Mapping[str, float]) -> RoutingDecision:
    """Thresholds only: publish when every thresholded label scored below its threshold.

    Fails closed: no scores at all, or a score that is not a number, sends it to review.
    """
    if not scores:
        return RoutingDecision(State.needs_review, "no scores from the classifier", (), "threshold")
    flagged = []
    for label, probability in sorted(scores.items()):
        if probability != probability:  # NaN
            return RoutingDecision(
                State.needs_review, f"{label} score is not a number", (), "threshold"
            )
        threshold = thresholds.get(label)
        if threshold is not None and probability >= threshold:
            flagged.append((label, f"{label} {probability:.2f} ≥ {threshold:.2f}"))
    if not any(label in thresholds for label in scores):
        return RoutingDecision(
            State.needs_review, "no thresholded label among the scores", (), "threshold"
        )
    if flagged:
        return RoutingDecision(
            State.needs_review,
            "flagged: " + "; ".join(text for _, text in flagged),
            tuple(label for label, _ in flagged),
            "threshold",
        )
    return RoutingDecision(State.published, "scored below every threshold")


def classifier_failed(error: str) -> RoutingDecision:
    return RoutingDecision(
        State.needs_review,
        f"{CLASSIFIER_UNAVAILABLE}: {error}"[:500],
        review_kind="classifier_unavailable",
    )


def matching_entries(normalized_text: str, entries: Sequence[ListEntry]) -> list[ListEntry]:
    return [entry for entry in entries if find_phrase(normalized_text, entry.normalized)]


def route_submission(
    text: str,
    scores: Mapping[str, float] | Exception,
    policy: Policy,
) -> RoutingDecision:
    """The full policy for one submission. ``scores`` is the classifier's exception if it failed."""
    normalized = normalize(text)
    banned = matching_entries(normalized, policy.banned)
    if banned:
        entry = banned[0]
        return RoutingDecision(
            State.rejected,
            f"banned phrase: {entry.phrase!r}",
            review_kind=None,
            public_note=entry.public_reason or DEFAULT_BANNED_REASON,
            matched=tuple(e.phrase for e in banned),
        )
    if isinstance(scores, Exception):
        return classifier_failed(f"{type(scores).__name__}: {scores}")
    by_scores = route(scores, policy.thresholds)
    if policy.mode == "premoderate":
        return RoutingDecision(
            State.needs_review,
            "premoderation: every moment is reviewed"
            + (f" ({by_scores.reason})" if by_scores.flagged_labels else ""),
            by_scores.flagged_labels,
            "premoderate",
        )
    suspect = matching_entries(normalized, policy.suspect)
    if suspect:
        return RoutingDecision(
            State.needs_review,
            "suspect phrase: " + ", ".join(repr(e.phrase) for e in suspect),
            by_scores.flagged_labels,
            "suspect_word",
            matched=tuple(e.phrase for e in suspect),
        )
    links = find_links(text) if policy.links_to_review else []
    if links:
        return RoutingDecision(
            State.needs_review,
            "contains a link: " + ", ".join(links[:3]),
            by_scores.flagged_labels,
            "link",
            matched=tuple(links),
        )
    return by_scores

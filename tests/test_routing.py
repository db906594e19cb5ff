import math

import pytest

from kindness_challenge.core.lifecycle import (
    ALLOWED_TRANSITIONS,
    IllegalTransition,
    check_transition,
)
from kindness_challenge.core.routing import (
    DEFAULT_KINDNESS_THRESHOLD,
    DEFAULT_THRESHOLDS,
    ListEntry,
    Policy,
    classifier_failed,
    route_submission,
    severity,
)
from kindness_challenge.core.routing import (
    threshold_decision as route,
)
from kindness_challenge.models import ReviewKind, State


@pytest.mark.parametrize(
    ("scores", "state", "reason_part"),
    [
        ({"toxicity": 0.01}, State.published, "below every threshold"),
        ({"toxicity": 0.69}, State.published, "below every threshold"),
        ({"toxicity": 0.70}, State.needs_review, "toxicity 0.70 ≥ 0.70"),
        ({"toxicity": 0.2, "severe_toxicity": 0.31}, State.needs_review, "severe_toxicity"),
        ({"toxicity": 0.2, "insult": 0.9, "threat": 0.7}, State.needs_review, "insult 0.90"),
        ({}, State.needs_review, "no scores"),
        ({"toxicity": math.nan}, State.needs_review, "not a number"),
        ({"unknown_label": 0.0}, State.needs_review, "no thresholded label"),
    ],
)
def test_route_table(scores, state, reason_part):
    decision = route(scores, DEFAULT_THRESHOLDS)
    assert decision.state is state
    assert reason_part in decision.reason


def test_route_names_every_flagged_label():
    decision = route({"toxicity": 0.9, "insult": 0.8, "obscene": 0.1}, DEFAULT_THRESHOLDS)
    assert decision.flagged_labels == ("insult", "toxicity")


def test_classifier_failure_fails_closed():
    decision = classifier_failed("RuntimeError: out of memory")
    assert decision.state is State.needs_review
    assert decision.reason.startswith("classifier unavailable")


@pytest.mark.parametrize(
    ("from_state", "to_state"),
    [(a, b) for a in State for b in State if b not in ALLOWED_TRANSITIONS[a]],
)
def test_illegal_transitions_are_refused(from_state, to_state):
    with pytest.raises(IllegalTransition):
        check_transition(from_state, to_state)


def test_only_moderators_and_reports_reopen_decided_items():
    assert ALLOWED_TRANSITIONS[State.published] == frozenset({State.needs_review})
    assert ALLOWED_TRANSITIONS[State.rejected] == frozenset({State.needs_review})
    assert State.pending not in {s for targets in ALLOWED_TRANSITIONS.values() for s in targets}


# --- The kindness-aware policy: toxic x kind x language ----------------------------------------

KIND, NEUTRAL = 0.9, 0.2
CLEAN, TOXIC = 0.05, 0.95


@pytest.mark.parametrize(
    ("toxicity", "kindness", "language", "state", "review_kind"),
    [
        (CLEAN, KIND, "en", State.published, None),
        (CLEAN, KIND, None, State.published, None),  # too short to tell: scored as usual
        (CLEAN, NEUTRAL, "en", State.needs_review, "not_kind"),
        (TOXIC, KIND, "en", State.needs_review, "threshold"),
        (TOXIC, NEUTRAL, "en", State.needs_review, "threshold"),
        (CLEAN, KIND, "fr", State.needs_review, "language"),
        (CLEAN, NEUTRAL, "fr", State.needs_review, "language"),
        (TOXIC, KIND, "fr", State.needs_review, "language"),
        (TOXIC, NEUTRAL, "fr", State.needs_review, "language"),
        (CLEAN, KIND, "und", State.needs_review, "language"),  # not English, language unknown
        (TOXIC, NEUTRAL, "und", State.needs_review, "language"),
        (CLEAN, KIND, "mul", State.needs_review, "language"),  # English with a foreign clause
    ],
)
def test_policy_table(toxicity, kindness, language, state, review_kind):
    decision = route_submission(
        "a moment",
        {"toxicity": toxicity, "kindness": kindness},
        Policy(),
        language=language,
        covered_languages=frozenset({"en"}),
    )
    assert decision.state is state
    assert decision.review_kind == review_kind


def test_not_clearly_kind_is_the_reason_given():
    decision = route_submission("the bus was late", {"toxicity": 0.01, "kindness": 0.12}, Policy())
    assert decision.reason == (
        f"not clearly kind: kindness 0.12 < {DEFAULT_KINDNESS_THRESHOLD:.2f}"
    )
    assert decision.flagged_labels == ("kindness",)
    assert ReviewKind.not_kind.label == "Not clearly kind"


def test_kindness_is_never_a_toxicity_flag():
    # A very kind moment must not be flagged by its (high) kindness score.
    decision = route({"toxicity": 0.01, "kindness": 0.99}, DEFAULT_THRESHOLDS)
    assert decision.state is State.published
    assert severity({"toxicity": 0.2, "kindness": 0.99}) == 0.2


@pytest.mark.parametrize("kindness", [math.nan, 0.0])
def test_kindness_fails_closed(kindness):
    decision = route_submission("hi", {"toxicity": 0.01, "kindness": kindness}, Policy())
    assert decision.state is State.needs_review


def test_kindness_threshold_is_the_admins():
    scores = {"toxicity": 0.01, "kindness": DEFAULT_KINDNESS_THRESHOLD - 0.05}
    assert route_submission("x", scores, Policy()).state is State.needs_review
    lenient = Policy(kindness_threshold=DEFAULT_KINDNESS_THRESHOLD - 0.1)
    assert route_submission("x", scores, lenient).state is State.published
    off = Policy(require_kindness=False)
    assert route_submission("x", scores, off).state is State.published


def test_a_classifier_without_kindness_decides_on_toxicity_alone():
    assert route_submission("x", {"toxicity": 0.01}, Policy()).state is State.published
    assert route_submission("x", {"toxicity": 0.9}, Policy()).state is State.needs_review


def test_a_banned_phrase_still_rejects_whatever_the_language():
    policy = Policy(banned=(ListEntry("go away", "go away"),))
    decision = route_submission(
        "go away",
        {"toxicity": 0.01, "kindness": 0.9},
        policy,
        language="fr",
        covered_languages=frozenset({"en"}),
    )
    assert decision.state is State.rejected


def test_premoderation_reviews_everything_kind_or_not():
    decision = route_submission(
        "thank you", {"toxicity": 0.01, "kindness": 0.99}, Policy(mode="premoderate")
    )
    assert decision.review_kind == "premoderate"


def test_an_undetermined_language_is_reviewed_unless_the_classifier_covers_any():
    kind = {"toxicity": 0.01, "kindness": 0.9}
    decision = route_submission(
        "kamu baik", kind, Policy(), language="und", covered_languages=frozenset({"en"})
    )
    assert decision.review_kind == "language"
    assert decision.reason == (
        "not recognisably written in English, nor in a language that could be told, "
        "which the classifier (en) does not cover"
    )
    anything = route_submission("kamu baik", kind, Policy(), language="und")
    assert anything.state is State.published


def test_language_reason_names_the_language_and_what_is_covered():
    decision = route_submission(
        "merci beaucoup",
        {"toxicity": 0.01, "kindness": 0.9},
        Policy(),
        language="fr",
        covered_languages=frozenset({"en"}),
    )
    assert decision.reason == "written in French (fr), which the classifier (en) does not cover"
    multilingual = frozenset({"en", "fr", "es", "it", "pt", "tr", "ru"})
    covered = route_submission(
        "merci beaucoup",
        {"toxicity": 0.01, "kindness": 0.9},
        Policy(),
        language="fr",
        covered_languages=multilingual,
    )
    assert covered.state is State.published
    anything = route_submission(
        "merci", {"toxicity": 0.01, "kindness": 0.9}, Policy(), language="fr"
    )
    assert anything.state is State.published  # a classifier that does not say what it covers
    # Mixed text goes to review even when the classifier covers several languages: it may
    # read only one of the text's.
    mixed = route_submission(
        "merci beaucoup, you made my day",
        {"toxicity": 0.01, "kindness": 0.9},
        Policy(),
        language="mul",
        covered_languages=multilingual,
    )
    assert mixed.state is State.needs_review and mixed.review_kind.value == "language"
    assert "mixed text is read by a moderator" in mixed.reason

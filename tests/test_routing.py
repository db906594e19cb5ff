import math

import pytest

from kindness_challenge.lifecycle import ALLOWED_TRANSITIONS, IllegalTransition, check_transition
from kindness_challenge.models import State
from kindness_challenge.routing import DEFAULT_THRESHOLDS, classifier_failed, route


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

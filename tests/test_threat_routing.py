"""A threat never publishes without a moderator, and its review comes first in the queue."""

from __future__ import annotations

import pytest

from kindness_challenge.core.routing import DEFAULT_THRESHOLDS, Policy, route_submission
from kindness_challenge.extensions import db
from kindness_challenge.models import ReviewKind, Score, State, Transition
from kindness_challenge.moderate.service import QueueFilter, review_queue

from history import add_submission, at, route


@pytest.mark.parametrize(
    "scores",
    [
        {"toxicity": 0.01, "threat": 0.9, "kindness": 0.95},  # "kindly" worded threat
        {"toxicity": 0.2, "threat": 0.6},  # exactly at its threshold
    ],
)
def test_a_threat_is_never_published_whatever_the_kindness(scores):
    decision = route_submission("you will be so happy when you stop posting", scores, Policy())
    assert decision.state is State.needs_review
    assert "threat" in decision.flagged_labels
    assert decision.review_kind is ReviewKind.threshold


def test_below_its_threshold_a_threat_score_alone_does_not_hold_a_kind_moment():
    scores = {"toxicity": 0.01, "threat": DEFAULT_THRESHOLDS["threat"] - 0.01, "kindness": 0.9}
    assert route_submission("thank you so much", scores, Policy()).state is State.published


@pytest.mark.parametrize("sort", ["oldest", "severe", "kind"])
def test_threats_sort_first_in_the_queue(app, sort):
    with app.app_context():
        session = db.session
        ids = {}
        for name, minutes, labels, severity in [
            ("old insult", 1, "insult,toxicity", 0.95),
            ("link", 2, None, None),
            ("new threat", 30, "threat", 0.61),
        ]:
            ids[name] = add_submission(session, at(1, 9, minutes), text=name, severity=severity)
            route(
                session, ids[name], State.needs_review, at(1, 9, minutes), name, "threshold", labels
            )
        session.commit()
        order = [s.id for s in review_queue(session, QueueFilter(sort=sort))]
        assert order[0] == ids["new threat"]
        assert set(order[1:]) == {ids["old insult"], ids["link"]}
        if sort == "oldest":
            assert order[1:] == [ids["old insult"], ids["link"]]
        # The transition recorded why, as data.
        kinds = session.scalars(
            db.select(Transition.review_kind).where(Transition.to_state == State.needs_review)
        ).all()
        assert set(kinds) == {ReviewKind.threshold}


@pytest.mark.parametrize("database", ["sqlite", "postgresql"])
def test_most_likely_kind_first_sorts_on_the_latest_kindness_score(request, database):
    """Moments held as not clearly kind, likeliest kind first (a rescored item by its latest
    score); items with no kindness score last; a threat still first of all."""
    app = request.getfixturevalue("app" if database == "sqlite" else "pg_app")
    with app.app_context():
        session = db.session
        ids = {}
        for name, minutes, kind, labels, scores in [
            ("unsure thanks", 1, "not_kind", None, [0.3]),
            ("no kindness score", 2, "threshold", "toxicity", []),
            ("warm praise", 3, "not_kind", None, [0.75]),
            ("rescored support", 4, "not_kind", None, [0.1, 0.7]),  # oldest score first
            ("calm threat", 5, "threshold", "threat", [0.9]),
        ]:
            ids[name] = add_submission(session, at(1, 9, minutes), text=name)
            for probability in scores:
                session.add(Score(submission_id=ids[name], label="kindness",
                                  probability=probability, classifier_name="test",
                                  classifier_version="1"))  # fmt: skip
                session.flush()
            route(session, ids[name], State.needs_review, at(1, 9, minutes), name, kind, labels)
        session.commit()
        order = [s.id for s in review_queue(session, QueueFilter(sort="kind"))]
        assert order == [
            ids[name]
            for name in ["calm threat", "warm praise", "rescored support", "unsure thanks",
                         "no kindness score"]
        ]  # fmt: skip

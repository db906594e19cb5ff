"""A text is scored once: the share form's nudge stores what the classifier said, and a worker
running that same classifier routes on it instead of scoring the text again. Anything else (a
nudge skipped, another classifier or version, a NaN, a doctored value) is scored as before."""

from __future__ import annotations

import sqlalchemy as sa

from kindness_challenge.core.text.scoring_form import scoring_text
from kindness_challenge.extensions import db
from kindness_challenge.models import Score, State, Submission
from kindness_challenge.participate import service as participation
from kindness_challenge.scoring.worker import reusable_prescores
from kindness_challenge.services import get_scorer

from conftest import score_all, submit

KIND = "Thank you for cheering me on at the finish line today!"


def only_submission(app) -> Submission:
    with app.app_context():
        (submission,) = db.session.scalars(sa.select(Submission)).all()
        db.session.expunge(submission)
        return submission


def set_prescores(app, prescores) -> None:
    with app.app_context():
        db.session.execute(sa.update(Submission).values(prescores=prescores))
        db.session.commit()


def scores_of(app, submission_id) -> dict[str, float]:
    with app.app_context():
        rows = db.session.scalars(sa.select(Score).where(Score.submission_id == submission_id))
        return {row.label: row.probability for row in rows}


def test_the_nudge_stores_what_the_classifier_said(app, client):
    response = submit(client, KIND, nudge_ack="")

    assert response.status_code == 302
    submission = only_submission(app)
    classifier = get_scorer(app).classifier
    with app.app_context():
        (expected,) = classifier.score_batch([scoring_text(KIND)])
    assert submission.state is State.pending  # stored pending all the same: routing is the worker's
    assert submission.prescores == {
        "name": classifier.name,
        "version": classifier.version,
        "scores": expected,
    }


def test_the_worker_routes_on_the_stored_scores_and_clears_them(app, client):
    submit(client, KIND, nudge_ack="")
    submission = only_submission(app)
    # Doctor the stored toxicity: if the worker scored the kind text itself, it would publish it.
    doctored = dict(submission.prescores, scores={"toxicity": 0.99})
    set_prescores(app, doctored)

    result = score_all(app)

    after = only_submission(app)
    assert result.reused == 1
    assert after.state is State.needs_review
    assert after.prescores is None
    assert scores_of(app, after.id) == {"toxicity": 0.99}


def test_scores_of_another_classifier_version_are_not_reused(app, client):
    submit(client, KIND, nudge_ack="")
    submission = only_submission(app)
    set_prescores(app, dict(submission.prescores, version="older", scores={"toxicity": 0.99}))

    result = score_all(app)

    after = only_submission(app)
    assert result.reused == 0
    assert after.state is State.published  # scored again: the kind text is kind
    assert scores_of(app, after.id)["toxicity"] < 0.5


def test_a_submission_sent_past_the_nudge_has_nothing_to_reuse(app, client):
    submit(client, KIND)  # nudge_ack=1: the participant confirmed after a nudge

    assert only_submission(app).prescores is None
    assert score_all(app).published == 1


def test_only_complete_plausible_scores_of_the_same_classifier_are_reused(app):
    classifier = get_scorer(app).classifier
    good = participation.prescores_of(classifier, {"toxicity": 0.25})

    assert reusable_prescores(classifier, good) == {"toxicity": 0.25}
    assert participation.prescores_of(classifier, {"toxicity": float("nan")}) is None
    for broken in (
        dict(good, name="detoxify"),
        dict(good, scores={}),
        dict(good, scores={"toxicity": 0.25, "insult": 0.1}),  # not this classifier's labels
        dict(good, scores={"toxicity": 1.5}),
        dict(good, scores={"toxicity": "0.25"}),
        {"scores": {"toxicity": 0.25}},
        "not a dict",
    ):
        assert reusable_prescores(classifier, broken) is None, broken

"""The claim-and-score worker on a real SQLite database, with the real embedded classifier
and, for failure paths, classifiers that really raise."""

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from kindness_challenge.extensions import db
from kindness_challenge.models import ActorKind, Score, State, Submission, Transition, utcnow
from kindness_challenge.scoring.classifiers import ProfanityCheckClassifier
from kindness_challenge.scoring.worker import RetryPolicy, claim_pending_batch, score_claim
from kindness_challenge.services import get_scorer

from conftest import score_all, submit


class ExplodingClassifier:
    """A classifier whose model cannot run at all (e.g. out of memory)."""

    name = "exploding"
    version = "1"
    description = "exploding test classifier"

    def score_batch(self, texts):
        raise RuntimeError("model weights failed to load")


class PickyClassifier(ProfanityCheckClassifier):
    """The real embedded classifier, except that it raises on texts containing 'POISON'."""

    def score_batch(self, texts):
        if any("POISON" in text for text in texts):
            raise ValueError("cannot score this text")
        return super().score_batch(texts)


def states(app):
    with app.app_context():
        return dict(db.session.execute(select(Submission.text, Submission.state)).all())


def test_submission_is_stored_pending_before_scoring(app, client):
    response = submit(client, text="You lifted me up when I needed it.")
    assert response.status_code == 302
    with app.app_context():
        submission = db.session.scalar(select(Submission))
        assert submission.state is State.pending
        assert submission.scores == []
        assert [t.to_state for t in submission.transitions] == [State.pending]
        assert submission.transitions[0].actor_kind is ActorKind.participant


def test_worker_publishes_kind_and_flags_abusive(app, client):
    submit(client, text="Thank you for helping my grandma with her shopping!")
    submit(client, text="you are a stupid fucking idiot")
    result = score_all(app)
    assert (result.claimed, result.published, result.needs_review) == (2, 1, 1)
    with app.app_context():
        kind, abusive = db.session.scalars(select(Submission).order_by(Submission.id)).all()
        assert kind.state is State.published and kind.published_at is not None
        assert abusive.state is State.needs_review and abusive.published_at is None
        assert abusive.state_reason.startswith("flagged: toxicity")
        for submission in (kind, abusive):
            assert submission.classifier_name == "alt-profanity-check"
            assert submission.classifier_version == ProfanityCheckClassifier().version
            assert set(submission.score_map()) == {"toxicity"}
            assert submission.claim_token is None and submission.claim_expires_at is None
            last = submission.transitions[-1]
            assert last.actor_kind is ActorKind.classifier
            assert last.actor.startswith("alt-profanity-check")
        assert kind.score_map()["toxicity"] < 0.5 < abusive.score_map()["toxicity"]


def test_classifier_that_raises_sends_everything_to_review(app, client):
    submit(client, text="A stranger paid for my coffee today.")
    get_scorer(app).classifier = ExplodingClassifier()
    get_scorer(app).retry = RetryPolicy(max_attempts=1)  # retries: tests/test_scale_workers.py
    result = score_all(app)
    assert result.failed == 1 and result.published == 0
    with app.app_context():
        submission = db.session.scalar(select(Submission))
        assert submission.state is State.needs_review
        assert submission.state_reason.startswith("classifier unavailable")
        assert "model weights failed to load" in submission.last_error
        assert submission.scores == []
    assert b"stranger paid" not in client.get("/").data


def test_one_poison_text_fails_alone(app, client):
    for text in ("Kind words one", "POISON pill", "Kind words two"):
        submit(client, text=text)
    get_scorer(app).classifier = PickyClassifier()
    get_scorer(app).retry = RetryPolicy(max_attempts=1)
    result = score_all(app)
    assert result.claimed == 3 and result.failed == 1
    assert states(app) == {
        "Kind words one": State.published,
        "POISON pill": State.needs_review,
        "Kind words two": State.published,
    }


def test_dead_worker_claim_expires_and_is_scored_by_the_next(app, client):
    submit(client, text="My neighbour shovelled my path before I woke up.")
    with app.app_context():
        # A worker claims the row, then dies without scoring it.
        dead = claim_pending_batch(db.session, batch_size=10, lease_seconds=60)
        assert len(dead.ids) == 1
    # While the lease runs, nobody else takes it.
    assert score_all(app).claimed == 0
    assert states(app) == {"My neighbour shovelled my path before I woke up.": State.pending}
    with app.app_context():
        later = utcnow() + timedelta(seconds=61)
        claim = claim_pending_batch(db.session, batch_size=10, lease_seconds=60, now=later)
        assert claim.ids == dead.ids and claim.token != dead.token
        result = score_claim(
            db.session, claim, get_scorer(app).classifier, get_scorer(app).thresholds
        )
        assert result.published == 1
        submission = db.session.get(Submission, claim.ids[0])
        assert submission.score_attempts == 2
        # The dead worker, coming back late, cannot route it a second time.
        late = score_claim(db.session, dead, get_scorer(app).classifier, get_scorer(app).thresholds)
        assert late.lost == 1 and late.published == 0
        assert db.session.scalar(select(func.count()).select_from(Score)) == 1
        transitions = db.session.scalars(
            select(Transition.to_state).where(Transition.submission_id == claim.ids[0])
        ).all()
        assert transitions == [State.pending, State.published]


def test_claims_take_oldest_first_and_respect_batch_size(app, client):
    for i in range(5):
        submit(client, text=f"Kind moment number {i}")
    with app.app_context():
        first = claim_pending_batch(db.session, batch_size=2, lease_seconds=60)
        second = claim_pending_batch(db.session, batch_size=10, lease_seconds=60)
    assert len(first.ids) == 2 and len(second.ids) == 3
    assert max(first.ids) < min(second.ids)
    assert first.texts == ("Kind moment number 0", "Kind moment number 1")


@pytest.mark.parametrize("mode", ["thread"])
def test_background_thread_scores_without_being_asked(tmp_path, mode):
    import time

    from conftest import make_app

    app = make_app(tmp_path, SCORING_MODE=mode, SCORING_POLL_SECONDS=0.05)
    scorer = get_scorer(app)
    try:
        client = app.test_client()
        submit(client, text="Thanks for the encouraging note on my drawing!")
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            if states(app) == {"Thanks for the encouraging note on my drawing!": State.published}:
                break
            time.sleep(0.05)
        assert states(app) == {"Thanks for the encouraging note on my drawing!": State.published}
    finally:
        scorer.stop.set()
        scorer.wake.set()
        scorer._thread.join(timeout=10)
        with app.app_context():
            db.engine.dispose()
    assert not scorer._thread.is_alive()

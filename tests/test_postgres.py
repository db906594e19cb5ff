"""The service on the real PostgreSQL at 127.0.0.1:5432: the journey, and SKIP LOCKED claims
shared by several concurrent workers."""

import threading
import time

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import sessionmaker

from kindness_challenge.extensions import db
from kindness_challenge.models import State, Submission, Transition
from kindness_challenge.participate.submit import create_submission
from kindness_challenge.scoring.worker import claim_pending_batch, drain
from kindness_challenge.services import get_scorer

from conftest import ModeratorActions, receipt_token, score_all, submit

pytestmark = pytest.mark.postgres


def add_pending(app, count, text="Thank you for being kind to me today"):
    with app.app_context():
        for i in range(count):
            create_submission(db.session, f"{text} #{i}", "@sam", None, True)


def test_journey_on_postgres(pg_app):
    client = pg_app.test_client()
    kind = receipt_token(submit(client, text="Thanks for the lift home in the rain!"))
    rude = receipt_token(submit(client, text="you are a stupid fucking idiot"))
    result = score_all(pg_app)
    assert (result.published, result.needs_review) == (1, 1)
    assert b"Published on the wall" in client.get(f"/receipt/{kind}").data
    assert b"Waiting for a moderator" in client.get(f"/receipt/{rude}").data
    assert b"lift home in the rain" in client.get("/").data
    assert b"stupid" not in client.get("/").data

    moderator = ModeratorActions(pg_app, client)
    moderator.create()
    moderator.login()
    with pg_app.app_context():
        rude_id = db.session.scalar(
            select(Submission.id).where(Submission.state == State.needs_review)
        )
    client.post(f"/moderate/submission/{rude_id}/reject", data={"reason": "unkind"})
    assert b"Not published" in client.get(f"/receipt/{rude}").data
    with pg_app.app_context():
        assert db.session.get(Submission, rude_id).state is State.rejected


def test_claims_skip_rows_locked_by_another_worker(pg_app):
    add_pending(pg_app, 6)
    with pg_app.app_context():
        factory = sessionmaker(bind=db.engine)
        holder = factory()
        # Another worker is mid-claim: it holds row locks on the two oldest rows.
        locked = holder.scalars(
            select(Submission.id).order_by(Submission.id).limit(2).with_for_update()
        ).all()
        started = time.monotonic()
        with factory() as session:
            claim = claim_pending_batch(session, batch_size=10, lease_seconds=60)
        waited = time.monotonic() - started
        holder.rollback()
        holder.close()
    # It neither waited for the locks nor took the locked rows.
    assert waited < 5
    assert len(claim.ids) == 4 and not set(claim.ids) & set(locked)


@pytest.mark.slow
def test_three_concurrent_workers_score_each_submission_once(pg_app):
    add_pending(pg_app, 300)
    scorer = get_scorer(pg_app)
    with pg_app.app_context():
        factory = sessionmaker(bind=db.engine, expire_on_commit=False)
    results, errors = [], []
    barrier = threading.Barrier(3)

    def work():
        try:
            barrier.wait()
            results.append(drain(factory, scorer.classifier, scorer.thresholds, 16, 60))
        except Exception as error:  # noqa: BLE001 - surfaced by the assertion below
            errors.append(error)

    threads = [threading.Thread(target=work) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    claimed = [set(result.outcomes) for result in results]
    assert sum(len(ids) for ids in claimed) == 300
    assert len(set().union(*claimed)) == 300
    with pg_app.app_context():
        left = db.session.scalar(select(func.count()).where(Submission.state == State.pending))
        routed = db.session.scalar(
            select(func.count()).where(Transition.from_state == State.pending)
        )
    assert left == 0
    assert routed == 300  # exactly one routing transition per submission

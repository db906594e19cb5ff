"""Retention: past RETENTION_DAYS, rejected moments' texts, client hashes and resolved reports'
details are deleted (by ``flask purge`` and by the score worker on a schedule), and nothing else;
the audit log keeps who decided what and when, without the text."""

from __future__ import annotations

import json
import threading
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from kindness_challenge.core.retention import purge
from kindness_challenge.extensions import db
from kindness_challenge.models import (
    ActorKind,
    AuditEvent,
    Heart,
    Moderator,
    Report,
    ReportReason,
    ReviewKind,
    State,
    Submission,
    Transition,
    utcnow,
)
from kindness_challenge.moderate.service import decide
from kindness_challenge.participate.service import withdraw
from kindness_challenge.participate.submit import hash_receipt_token
from kindness_challenge.scoring.worker import run_worker
from kindness_challenge.services import get_scorer

from conftest import ModeratorActions
from helpers import add_moment

OLD = timedelta(days=100)


def age(app, submission_id, by=OLD):
    """Make a moment, its transitions, hearts and reports ``by`` older."""
    with app.app_context():
        submission = db.session.get(Submission, submission_id)
        submission.created_at -= by
        rows = [*submission.transitions, *submission.reports]
        rows += db.session.scalars(select(Heart).where(Heart.submission_id == submission_id))
        for row in rows:
            row.created_at -= by
            if getattr(row, "resolved_at", None) is not None:
                row.resolved_at -= by
        db.session.commit()


@pytest.fixture
def world(app, client):
    """Old and new moments in every state, with hashes, hearts and reports."""
    ModeratorActions(app, client).create("mod")
    ids = {}
    ids["old_rejected"] = add_moment(app, "My old unkind words", state=State.needs_review)
    ids["new_rejected"] = add_moment(app, "My new unkind words", state=State.needs_review)
    ids["old_published"] = add_moment(app, "An old kind moment")
    ids["old_review"] = add_moment(app, "An old moment in review", state=State.needs_review)
    with app.app_context():
        moderator = db.session.scalar(select(Moderator).where(Moderator.username == "mod"))
        for name in ("old_rejected", "new_rejected"):
            decide(db.session, ids[name], moderator, False, "unkind", "sorry, not this one")
        db.session.execute(
            update(Submission).values(
                client_hash="c" * 64,
                text_hash="t" * 64,
                for_whom="my neighbour Jo",
                video_url="https://www.tiktok.com/@jo/video/7311111111111111111",
            )
        )
        # The old rejected one was appealed earlier (and its note quoted in a transition).
        db.session.add(
            Transition(
                submission_id=ids["old_rejected"],
                from_state=State.rejected,
                to_state=State.needs_review,
                actor_kind=ActorKind.participant,
                actor="participant",
                reason="appeal: please, my friend Jo Bloggs wrote it",
                review_kind=ReviewKind.appeal,
                created_at=utcnow() - timedelta(minutes=5),
            )
        )
        published = ids["old_published"]
        db.session.add_all(
            [
                Heart(submission_id=published, visitor_key="v1", client_hash="h" * 64),
                Report(
                    submission_id=published,
                    reason=ReportReason.other,
                    note="resolved report note",
                    reporter_key="r1",
                    client_hash="n" * 64,
                    resolved_at=utcnow(),
                ),
                Report(
                    submission_id=published,
                    reason=ReportReason.spam,
                    note="open report note",
                    reporter_key="r2",
                    client_hash="m" * 64,
                ),
            ]
        )
        db.session.commit()
    for name in ("old_rejected", "old_published", "old_review"):
        age(app, ids[name])
    return ids


def snapshot(app):
    with app.app_context():
        rows = {
            s.id: (s.text, s.display_name, s.client_hash, s.for_whom, s.purged_at is None)
            for s in db.session.scalars(select(Submission))
        }
        reports = {
            r.reporter_key: (r.note, r.client_hash) for r in db.session.scalars(select(Report))
        }
        hearts = [h.client_hash for h in db.session.scalars(select(Heart))]
        return rows, reports, hearts


def test_purge_is_a_dry_run_first_then_deletes_what_it_should_and_nothing_else(app, runner, world):
    before = snapshot(app)
    dry = runner.invoke(args=["purge"])
    assert dry.exit_code == 0, dry.output
    assert "Would delete, past 90 days of retention:" in dry.output
    assert "texts of rejected moments: 1" in dry.output
    assert "client hashes of submissions: 3" in dry.output
    assert "client hashes of hearts: 1" in dry.output
    assert "details of resolved reports: 1" in dry.output
    assert "Dry run: nothing was deleted." in dry.output
    assert snapshot(app) == before

    done = runner.invoke(args=["purge", "--apply"])
    assert done.exit_code == 0, done.output
    assert "Deleted, past 90 days of retention:" in done.output
    with app.app_context():
        old = db.session.get(Submission, world["old_rejected"])
        assert (old.text, old.display_name, old.for_whom, old.video_url) == ("", "", None, None)
        assert (old.client_hash, old.text_hash, old.state) == (None, None, State.rejected)
        assert old.purged_at is not None
        reasons = [t.reason for t in old.transitions]
        assert "appeal" in reasons and not any("Jo Bloggs" in (r or "") for r in reasons)
        # Who decided what, and when, is still there; the text is not.
        decision = db.session.scalar(
            select(AuditEvent).where(
                AuditEvent.submission_id == world["old_rejected"], AuditEvent.action == "reject"
            )
        )
        assert decision.actor == "mod" and decision.after["reason"] == "unkind"
        everything = json.dumps(
            [[e.before, e.after, e.note, e.subject] for e in db.session.scalars(select(AuditEvent))]
        )
        assert "My old unkind words" not in everything
        purge_row = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "purge"))
        assert purge_row.after == {
            "rejected_texts": 1,
            "submission_client_hashes": 3,
            "heart_client_hashes": 1,
            "report_details": 1,
            "days": 90,
        }
        # Nothing else: the recent rejection, the old published and in-review texts.
        new = db.session.get(Submission, world["new_rejected"])
        assert (new.text, new.client_hash, new.purged_at) == ("My new unkind words", "c" * 64, None)
        published = db.session.get(Submission, world["old_published"])
        assert (published.text, published.client_hash) == ("An old kind moment", None)
        assert published.for_whom == "my neighbour Jo"
        review = db.session.get(Submission, world["old_review"])
        assert review.text == "An old moment in review"
        reports = {r.note: r for r in db.session.scalars(select(Report))}
        assert set(reports) == {None, "open report note"}
        assert reports["open report note"].client_hash == "m" * 64
        assert (
            reports[None].reporter_key.startswith("purged:") and reports[None].client_hash is None
        )
        assert [h.client_hash for h in db.session.scalars(select(Heart))] == [None]

    again = runner.invoke(args=["purge", "--apply"])
    assert "texts of rejected moments: 0" in again.output  # idempotent


def test_the_receipt_of_a_purged_moment_says_so(app, client, runner, world):
    runner.invoke(args=["purge", "--apply"])
    with app.app_context():
        token = "receipt-token-for-test"
        db.session.execute(
            update(Submission)
            .where(Submission.id == world["old_rejected"])
            .values(receipt_hash=hash_receipt_token(token))
        )
        db.session.commit()
    page = client.get(f"/receipt/{token}").get_data(as_text=True)
    assert "deleted after the retention period" in page


def test_retention_days_come_from_the_configuration(app, runner, world):
    app.config["RETENTION_DAYS"] = 365
    result = runner.invoke(args=["purge"])
    assert "past 365 days" in result.output and "texts of rejected moments: 0" in result.output
    app.config["RETENTION_DAYS"] = 0
    result = runner.invoke(args=["purge"])
    assert result.exit_code != 0 and "Retention is off" in result.output
    assert "texts of rejected moments: 1" in runner.invoke(args=["purge", "--days", "30"]).output


def test_the_score_worker_purges_on_a_schedule(app, world):
    scorer = get_scorer(app)
    assert scorer.retention_days == 90
    stop = threading.Event()
    purged = []
    real = scorer.purge_expired

    def purge_then_stop():
        purged.append(real())
        stop.set()

    scorer.purge_expired = purge_then_stop
    scorer.run_forever(stop)  # returns once the first scheduled purge has run
    assert purged[0].rejected_texts == 1
    with app.app_context():
        assert db.session.get(Submission, world["old_rejected"]).purged_at is not None


def test_the_worker_loop_runs_housekeeping_on_its_interval(app):
    scorer = get_scorer(app)
    stop, calls = threading.Event(), []

    def housekeeping():
        calls.append(1)
        if len(calls) == 2:
            stop.set()

    run_worker(
        scorer.session_factory(),
        scorer.classifier,
        scorer.thresholds,
        stop,
        poll_seconds=0.01,
        housekeeping=housekeeping,
        housekeeping_seconds=0.0,
    )
    assert len(calls) == 2


def test_a_failing_housekeeping_never_stops_scoring(app):
    scorer = get_scorer(app)
    stop = threading.Event()

    def broken():
        stop.set()
        raise RuntimeError("database away")

    run_worker(
        scorer.session_factory(), scorer.classifier, scorer.thresholds, stop, housekeeping=broken
    )


@pytest.mark.postgres
def test_purge_on_postgres(pg_app):
    submission = add_moment(pg_app, "Unkind words on postgres", state=State.rejected)
    age(pg_app, submission)
    with pg_app.app_context():
        result = purge(db.session, 90, apply=True)
        assert result.rejected_texts == 1
        assert db.session.get(Submission, submission).text == ""


def test_a_withdrawn_moment_leaves_who_decided_in_the_audit_log(app, client):
    ModeratorActions(app, client).create("mod")
    submission_id = add_moment(app, "Withdrawn later", state=State.needs_review)
    with app.app_context():
        moderator = db.session.scalar(select(Moderator).where(Moderator.username == "mod"))
        decide(db.session, submission_id, moderator, True)
        withdraw(db.session, db.session.get(Submission, submission_id))
        assert db.session.get(Submission, submission_id) is None
        approve = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "approve"))
        assert (approve.actor, approve.submission_id) == ("mod", None)
        assert approve.subject == f"submission #{submission_id}"

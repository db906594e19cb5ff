"""Submission histories with known timestamps, built through the models and lifecycle.move.

Shared by the statistics, calibration and export tests.
"""

from datetime import UTC, datetime
from uuid import uuid4

from kindness_challenge.core.lifecycle import Actor, move
from kindness_challenge.models import ActorKind, Moderator, State, Submission, Transition

CLASSIFIER = Actor(ActorKind.classifier, "alt-profanity-check test")


def at(day: int, hour: int, minute: int = 0, second: int = 0) -> datetime:
    return datetime(2025, 3, day, hour, minute, second, tzinfo=UTC)


def add_submission(session, created_at: datetime, text: str = "A kind moment", **columns) -> int:
    submission = Submission(
        text=text,
        display_name=columns.pop("display_name", "@t"),
        consent_public=True,
        receipt_hash=uuid4().hex,
        state=State.pending,
        created_at=created_at,
        **columns,
    )
    submission.transitions.append(
        Transition(
            from_state=None,
            to_state=State.pending,
            actor_kind=ActorKind.participant,
            actor="participant",
            reason="submitted",
            created_at=created_at,
        )
    )
    session.add(submission)
    session.flush()
    return submission.id


def route(session, submission_id, to_state, when, reason, review_kind=None, flagged=None):
    move(
        session,
        submission_id,
        State.pending,
        to_state,
        CLASSIFIER,
        reason=reason,
        now=when,
        extra={"review_kind": review_kind, "flagged_labels": flagged},
    )


def decide(session, submission_id, moderator: Moderator, approve: bool, when: datetime):
    move(
        session,
        submission_id,
        State.needs_review,
        State.published if approve else State.rejected,
        Actor(ActorKind.moderator, moderator.username, moderator.id),
        reason="approved by a moderator" if approve else "rejected: unkind",
        now=when,
    )


def flagged(session, submission_id, when, labels="toxicity"):
    reason = "flagged: " + "; ".join(f"{label} 0.90 ≥ 0.70" for label in labels.split(","))
    route(session, submission_id, State.needs_review, when, reason, "threshold", labels)

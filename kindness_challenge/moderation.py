"""Moderator decisions and the views of the queue. Plain functions over a Session."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from .lifecycle import Actor, StaleTransition, move
from .models import ActorKind, Moderator, State, Submission, Transition

# Reasons a participant may be given for a rejection (shown on their receipt page).
REJECTION_REASONS: dict[str, str] = {
    "unkind": "It is unkind or hurtful towards someone.",
    "harassment": "It targets or harasses a person or group.",
    "hate": "It attacks people for who they are.",
    "explicit": "It contains sexual or graphic content.",
    "spam": "It is spam, advertising or off-topic for the campaign.",
    "personal_info": "It shares someone's private information.",
    "other": "It does not fit the campaign's guidelines.",
}


class DecisionRefused(RuntimeError):
    """The decision cannot be made (already decided by someone else, or not in review)."""


def review_queue(session: Session, limit: int = 100) -> list[Submission]:
    """Submissions waiting for a moderator, oldest first, with their scores loaded."""
    return list(
        session.scalars(
            select(Submission)
            .where(Submission.state == State.needs_review)
            .order_by(Submission.created_at, Submission.id)
            .options(selectinload(Submission.scores))
            .limit(limit)
        )
    )


def queue_depth(session: Session) -> dict[State, int]:
    rows = session.execute(select(Submission.state, func.count()).group_by(Submission.state))
    return {State(state): count for state, count in rows}


def recent_decisions(session: Session, limit: int = 50) -> list[Transition]:
    return list(
        session.scalars(
            select(Transition)
            .where(Transition.actor_kind == ActorKind.moderator)
            .order_by(Transition.id.desc())
            .options(selectinload(Transition.submission))
            .limit(limit)
        )
    )


def decide(
    session: Session,
    submission_id: int,
    moderator: Moderator,
    approve: bool,
    reason_code: str | None = None,
    note: str | None = None,
) -> Transition:
    """Approve (publish) or reject a submission in review. Commits.

    Refused with ``DecisionRefused`` when it is no longer in review, so two moderators deciding
    the same item at once cannot both succeed.
    """
    actor = Actor(ActorKind.moderator, moderator.username, moderator.id)
    if approve:
        to_state, reason, public_note = State.published, "approved by a moderator", None
    else:
        if reason_code not in REJECTION_REASONS:
            raise DecisionRefused("Choose a reason for the rejection.")
        to_state = State.rejected
        reason = f"rejected: {reason_code}" + (f" — {note}" if note else "")
        public_note = REJECTION_REASONS[reason_code] + (f" {note}" if note else "")
    try:
        transition = move(
            session,
            submission_id,
            State.needs_review,
            to_state,
            actor,
            reason=reason,
            public_note=public_note,
        )
        session.commit()
    except StaleTransition:
        session.rollback()
        current = session.get(Submission, submission_id)
        if current is None:
            raise DecisionRefused("That submission no longer exists.") from None
        last = current.transitions[-1] if current.transitions else None
        who = f" by {last.actor}" if last and last.actor_kind == ActorKind.moderator else ""
        raise DecisionRefused(
            f"Submission #{submission_id} was already decided{who}: it is now {current.state}."
        ) from None
    return transition

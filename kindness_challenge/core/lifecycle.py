"""The submission state machine: which moves are allowed, and the audit row each one writes.

    pending ──> published                    (classifier: scored below every threshold)
    pending ──> needs_review                 (classifier: flagged, or classifier unavailable)
    pending ──> rejected                     (policy: a banned phrase)
    needs_review ──> published | rejected    (moderator)
    published ──> needs_review               (moderator takes it down or undoes; reports)
    rejected ──> needs_review                (moderator undoes; participant appeals)

Every move is a conditional UPDATE on the current state, so two actors racing for the same
submission (two workers, two moderators) cannot both win: the loser gets ``StaleTransition``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import update
from sqlalchemy.orm import Session

from ..models import ActorKind, State, Submission, Transition, utcnow
from .pg_notify import announce

ALLOWED_TRANSITIONS: dict[State, frozenset[State]] = {
    State.pending: frozenset({State.published, State.needs_review, State.rejected}),
    State.needs_review: frozenset({State.published, State.rejected}),
    State.published: frozenset({State.needs_review}),
    State.rejected: frozenset({State.needs_review}),
}


class IllegalTransition(ValueError):
    """The state machine has no such move."""


class StaleTransition(RuntimeError):
    """The submission was no longer in the expected state (someone else moved it first)."""


@dataclass(frozen=True)
class Actor:
    kind: ActorKind
    name: str
    moderator_id: int | None = None


def check_transition(from_state: State, to_state: State) -> None:
    if to_state not in ALLOWED_TRANSITIONS[from_state]:
        raise IllegalTransition(f"cannot move a submission from {from_state} to {to_state}")


def move(
    session: Session,
    submission_id: int,
    from_state: State,
    to_state: State,
    actor: Actor,
    reason: str | None = None,
    public_note: str | None = None,
    claim_token: str | None = None,
    now: datetime | None = None,
    extra: dict | None = None,
    public_reason: str | None = None,
) -> Transition:
    """Move one submission from ``from_state`` to ``to_state`` and record who did it.

    ``claim_token``, when given, must still be the row's claim (a worker whose lease expired and
    was taken over loses the race). ``extra`` sets more columns in the same UPDATE; a move into
    review records its ``review_kind`` and ``matched_phrases`` on the transition too. Does not
    commit: the caller owns the transaction.
    """
    check_transition(from_state, to_state)
    now = now or utcnow()
    values: dict = {"state": to_state, "state_reason": reason, "viewing_until": None}
    if to_state is State.published:
        values.update(published_at=now, review_kind=None, matched_phrases=None)
    if from_state is State.published:
        values.update(published_at=None, featured_at=None)
    if to_state is State.rejected:
        values.update(review_kind=None, matched_phrases=None)
    values.update(extra or {})
    if from_state is State.pending:
        values.update(claim_token=None, claim_expires_at=None)
    stmt = (
        update(Submission)
        .where(Submission.id == submission_id, Submission.state == from_state)
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    if claim_token is not None:
        stmt = stmt.where(Submission.claim_token == claim_token)
    if session.execute(stmt).rowcount != 1:
        raise StaleTransition(f"submission {submission_id} is no longer {from_state}")
    transition = Transition(
        submission_id=submission_id,
        from_state=from_state,
        to_state=to_state,
        actor_kind=actor.kind,
        actor=actor.name,
        moderator_id=actor.moderator_id,
        reason=reason,
        public_note=public_note,
        public_reason=public_reason,
        created_at=now,
    )
    if to_state is State.needs_review:
        transition.review_kind = values.get("review_kind")
        transition.matched = values.get("matched_phrases")
    session.add(transition)
    if from_state is State.published:
        announce(session)  # web processes drop their copies of the wall at commit
    return transition

"""Query pieces shared by the statistics, the calibration and the exports."""

from __future__ import annotations

from sqlalchemy import ColumnElement, Select, and_, exists, func, select
from sqlalchemy.orm import Session, aliased

from ..models import ActorKind, ReviewKind, State, Submission, Transition

DECIDED_STATES = (State.published, State.rejected)


def is_decision(transition=Transition) -> ColumnElement[bool]:
    """A moderator's decision: out of review, into published (approved) or rejected."""
    return and_(
        transition.actor_kind == ActorKind.moderator,
        transition.from_state == State.needs_review,
        transition.to_state.in_(DECIDED_STATES),
    )


def was_undone(transition=Transition) -> ColumnElement[bool]:
    """The decision ``transition`` was undone: the very next move of its submission is a
    moderator's undo (review kind ``undone``) out of the state the decision put it in."""
    undo = aliased(Transition)
    between = aliased(Transition)
    return (
        exists()
        .where(
            undo.submission_id == transition.submission_id,
            undo.id > transition.id,
            undo.from_state == transition.to_state,
            undo.to_state == State.needs_review,
            undo.review_kind == ReviewKind.undone,
            ~exists()
            .where(
                between.submission_id == transition.submission_id,
                between.id > transition.id,
                between.id < undo.id,
            )
            .correlate_except(between),
        )
        .correlate_except(undo, between)
    )


def standing_decisions() -> Select:
    """The latest decision on each submission, where it still stands (not undone or taken down).

    Selects ``Transition.submission_id, Transition.to_state, Transition.created_at`` joined to
    ``Submission``; callers add columns and conditions.
    """
    later = aliased(Transition)
    return (
        select(Transition.submission_id, Transition.to_state, Transition.created_at)
        .join(Submission, Submission.id == Transition.submission_id)
        .where(
            is_decision(Transition),
            Submission.state == Transition.to_state,
            ~exists().where(
                later.submission_id == Transition.submission_id,
                later.id > Transition.id,
                is_decision(later),
            ),
        )
    )


def flagged_by_threshold() -> ColumnElement[bool]:
    """The classifier sent the submission to review because a label crossed its threshold.

    The routing transition keeps its review kind; the submission's own ``review_kind`` is
    cleared once a moderator decides.
    """
    routing = aliased(Transition)
    return exists().where(
        routing.submission_id == Transition.submission_id,
        routing.from_state == State.pending,
        routing.to_state == State.needs_review,
        routing.actor_kind == ActorKind.classifier,
        routing.review_kind == ReviewKind.threshold,
    )


def utc_day(session: Session, column) -> ColumnElement[str]:
    """The UTC calendar day of a timestamp column, as ``YYYY-MM-DD`` text, on either backend."""
    if session.get_bind().dialect.name == "postgresql":
        # timestamptz -> the UTC wall clock, whatever the session's TimeZone is.
        return func.to_char(func.timezone("UTC", column), "YYYY-MM-DD")
    # SQLite stores UTCDateTime as naive UTC text ("2025-03-01 09:30:00.000000").
    return func.date(column)

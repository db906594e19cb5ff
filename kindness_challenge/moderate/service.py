"""Moderator decisions and the views of the queue. Plain functions over a Session.

Every decision is a conditional state change (see ``lifecycle.move``): two moderators deciding
the same item at once cannot both succeed, and the loser is told who won. Each decision also
writes an audit row in the same transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from sqlalchemy import Select, case, func, select, update
from sqlalchemy.orm import Session, selectinload

from ..core import audit
from ..core.labels import KINDNESS, THREAT
from ..core.lifecycle import Actor, StaleTransition, move
from ..core.pg_notify import announce
from ..core.reasons import REJECTION_REASONS
from ..i18n import lm_
from ..models import (
    ActorKind,
    AuditEvent,
    Moderator,
    Report,
    ReviewKind,
    Score,
    State,
    Submission,
    Transition,
    utcnow,
)

TAKE_DOWN_REASONS: dict[str, str] = {
    "reported": "Visitors reported it and it needs a second look.",
    "mistake": "It was published by mistake.",
    "author_request": "Its author asked for it to come down.",
    "other": "Another reason (see note).",
}
SORTS = {
    "oldest": lm_("Oldest first"),
    "severe": lm_("Most severe first"),
    # Many moments held as "not clearly kind" are kind: the likeliest first, so a moderator
    # clears them in fewer, surer decisions (each is still read and decided one by one or in bulk).
    "kind": lm_("Most likely kind first"),
}
UNDO_GRACE = timedelta(minutes=10)
VIEWING_FOR = timedelta(minutes=3)


class DecisionRefused(RuntimeError):
    """The decision cannot be made (already decided by someone else, or not in review)."""


@dataclass(frozen=True)
class QueueFilter:
    review_kind: str | None = None
    label: str | None = None
    older_than_hours: float | None = None
    category: str | None = None
    sort: str = "oldest"
    # The language detected when the item was scored (``Submission.language``: "de", "und").
    language: str | None = None


def review_query(filters: QueueFilter = QueueFilter(), now: datetime | None = None) -> Select:
    query = select(Submission).where(Submission.state == State.needs_review)
    if filters.review_kind:
        query = query.where(Submission.review_kind == filters.review_kind)
    if filters.label:
        query = query.where(func.coalesce(Submission.flagged_labels, "").contains(filters.label))
    if filters.older_than_hours:
        cutoff = (now or utcnow()) - timedelta(hours=filters.older_than_hours)
        query = query.where(Submission.created_at < cutoff)
    if filters.category:
        query = query.where(Submission.category == filters.category)
    if filters.language:
        query = query.where(Submission.language == filters.language)
    # Threats first, whatever the sort: someone may be in danger.
    threat_first = case((func.coalesce(Submission.flagged_labels, "").contains(THREAT), 0), else_=1)
    if filters.sort == "severe":
        return query.order_by(
            threat_first,
            func.coalesce(Submission.severity, 2.0).desc(),
            Submission.created_at,
            Submission.id,
        )
    if filters.sort == "kind":  # the latest kindness score; items with none come last
        kindness = (
            select(Score.probability)
            .where(Score.submission_id == Submission.id, Score.label == KINDNESS)
            .order_by(Score.id.desc())
            .limit(1)
            .correlate(Submission)
            .scalar_subquery()
        )
        return query.order_by(
            threat_first,
            func.coalesce(kindness, -1.0).desc(),
            Submission.created_at,
            Submission.id,
        )
    return query.order_by(threat_first, Submission.created_at, Submission.id)


def review_queue(
    session: Session, filters: QueueFilter = QueueFilter(), limit: int = 100
) -> list[Submission]:
    """Submissions waiting for a moderator, with their scores and reports loaded."""
    return list(
        session.scalars(
            review_query(filters)
            .options(
                selectinload(Submission.scores),
                selectinload(Submission.reports),
                selectinload(Submission.viewing_moderator),
            )
            .limit(limit)
        )
    )


def reported_queue(session: Session, limit: int = 100) -> list[Submission]:
    """Moments with unresolved visitor reports, most reported first (published or hidden)."""
    open_reports = (
        select(Report.submission_id, func.count().label("n"))
        .where(Report.resolved_at.is_(None))
        .group_by(Report.submission_id)
        .subquery()
    )
    return list(
        session.scalars(
            select(Submission)
            .join(open_reports, open_reports.c.submission_id == Submission.id)
            .order_by(open_reports.c.n.desc(), Submission.id)
            .options(selectinload(Submission.scores), selectinload(Submission.reports))
            .limit(limit)
        )
    )


def queue_depth(session: Session) -> dict[State, int]:
    """Items waiting (to be scored, or for a moderator). Only the small states are counted, so
    this stays cheap however large the wall grows (the statistics page has the rest)."""
    rows = session.execute(
        select(Submission.state, func.count())
        .where(Submission.state.in_((State.pending, State.needs_review)))
        .group_by(Submission.state)
    )
    return {State(state): count for state, count in rows}


def queue_languages(
    session: Session, filters: QueueFilter = QueueFilter()
) -> list[tuple[str, int]]:
    """The languages detected among the items waiting for a moderator within ``filters`` other
    than the language itself, with how many of each, most first: so that moderators who read a
    language can take its items (every language the classifier does not cover waits here), and
    a count is what choosing that language would show."""
    waiting = review_query(replace(filters, language=None)).order_by(None)
    rows = session.execute(
        waiting.with_only_columns(Submission.language, func.count())
        .where(Submission.language.is_not(None))
        .group_by(Submission.language)
        .order_by(func.count().desc(), Submission.language)
    )
    return [(language, count) for language, count in rows]


def newest_review_id(session: Session) -> int:
    return (
        session.scalar(
            select(func.max(Submission.id)).where(Submission.state == State.needs_review)
        )
        or 0
    )


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


def mark_viewing(session: Session, submission_id: int, moderator: Moderator) -> None:
    """Mark an item as open by this moderator, so others see someone is on it."""
    session.execute(
        update(Submission)
        .where(Submission.id == submission_id, Submission.state == State.needs_review)
        .values(viewing_moderator_id=moderator.id, viewing_until=utcnow() + VIEWING_FOR)
        .execution_options(synchronize_session=False)
    )
    session.commit()


def viewed_by_other(submission: Submission, moderator: Moderator) -> str | None:
    if (
        submission.viewing_moderator_id
        and submission.viewing_moderator_id != moderator.id
        and submission.viewing_until
        and submission.viewing_until > utcnow()
        and submission.viewing_moderator
    ):
        return submission.viewing_moderator.username
    return None


def _refusal(session: Session, submission_id: int, expected: State) -> DecisionRefused:
    session.rollback()
    current = session.get(Submission, submission_id)
    if current is None:
        return DecisionRefused("That submission no longer exists.")
    last = current.transitions[-1] if current.transitions else None
    who = f" by {last.actor}" if last and last.actor_kind == ActorKind.moderator else ""
    if expected is State.needs_review:
        return DecisionRefused(
            f"Submission #{submission_id} was already decided{who}: it is now {current.state}."
        )
    return DecisionRefused(
        f"Submission #{submission_id} is {current.state} now (changed{who}), not {expected}."
    )


def own_appeal(session: Session, submission: Submission | None, moderator: Moderator) -> bool:
    """The item is an appeal against this moderator's own rejection, and another active
    moderator could decide it instead (so this one may not)."""
    if submission is None or submission.review_kind != ReviewKind.appeal:
        return False
    rejected_by = next(
        (
            t.moderator_id
            for t in reversed(submission.transitions)
            if t.to_state is State.rejected and t.actor_kind is ActorKind.moderator
        ),
        None,
    )
    if rejected_by != moderator.id:
        return False
    others = session.scalar(
        select(func.count()).where(Moderator.active.is_(True), Moderator.id != moderator.id)
    )
    return bool(others)


def check_appeal_decider(session: Session, submission_id: int, moderator: Moderator) -> None:
    """An appeal is decided by someone other than the moderator who rejected it, if anyone is."""
    if own_appeal(session, session.get(Submission, submission_id), moderator):
        raise DecisionRefused(
            f"#{submission_id} is an appeal against your own decision: "
            "another moderator should decide it."
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
    check_appeal_decider(session, submission_id, moderator)
    if approve:
        to_state, reason, public_note = State.published, "approved by a moderator", None
        public_reason = None
    else:
        if reason_code not in REJECTION_REASONS:
            raise DecisionRefused("Choose a reason for the rejection.")
        to_state = State.rejected
        reason = f"rejected: {reason_code}" + (f" — {note}" if note else "")
        # The reason as a code (translated on the receipt), the moderator's words as written.
        public_reason, public_note = reason_code, note or None
    try:
        transition = move(
            session,
            submission_id,
            State.needs_review,
            to_state,
            actor,
            reason=reason,
            public_note=public_note,
            public_reason=public_reason,
        )
    except StaleTransition:
        raise _refusal(session, submission_id, State.needs_review) from None
    # The decision answers every report made before it: an approved moment starts again with
    # none open, so one new report cannot hide it again at once.
    resolved = _resolve_reports(session, submission_id, transition.created_at)
    audit.record(
        session,
        moderator,
        "approve" if approve else "reject",
        submission_id=submission_id,
        before={"state": "needs_review"},
        after={"state": to_state.value, "reason": reason_code}
        | ({"reports_resolved": resolved} if resolved else {}),
        note=note,
    )
    session.commit()
    return transition


@dataclass
class BulkResult:
    done: list[int]
    refused: list[str]


def bulk_decide(
    session: Session,
    submission_ids: list[int],
    moderator: Moderator,
    approve: bool,
    reason_code: str | None = None,
    note: str | None = None,
) -> BulkResult:
    """Decide each selected item on its own; items someone else decided are reported back."""
    result = BulkResult([], [])
    for submission_id in dict.fromkeys(submission_ids):
        try:
            decide(session, submission_id, moderator, approve, reason_code, note)
            result.done.append(submission_id)
        except DecisionRefused as refused:
            result.refused.append(str(refused))
    return result


def undo(session: Session, submission_id: int, moderator: Moderator) -> Transition:
    """Send a just-decided item back to review: the deciding moderator, within the grace period."""
    submission = session.get(Submission, submission_id)
    if submission is None:
        raise DecisionRefused("That submission no longer exists.")
    last = submission.transitions[-1] if submission.transitions else None
    if (
        last is None
        or last.actor_kind != ActorKind.moderator
        or last.to_state not in (State.published, State.rejected)
        or last.from_state is not State.needs_review
    ):
        raise DecisionRefused(f"Submission #{submission_id} has no decision to undo.")
    if last.moderator_id != moderator.id and moderator.role != "admin":
        raise DecisionRefused(f"Only {last.actor} (or an admin) can undo that decision.")
    if utcnow() - last.created_at > UNDO_GRACE:
        minutes = int(UNDO_GRACE.total_seconds() // 60)
        raise DecisionRefused(f"Decisions can be undone for {minutes} minutes; that one is older.")
    decided = last.to_state
    try:
        transition = move(
            session,
            submission_id,
            decided,
            State.needs_review,
            Actor(ActorKind.moderator, moderator.username, moderator.id),
            reason=f"undo: the {decided.value} decision was withdrawn",
            extra={"review_kind": ReviewKind.undone},
        )
    except StaleTransition:
        raise _refusal(session, submission_id, decided) from None
    audit.record(
        session,
        moderator,
        "undo",
        submission_id=submission_id,
        before={"state": decided.value},
        after={"state": "needs_review"},
    )
    session.commit()
    return transition


def set_featured(session: Session, submission_id: int, moderator: Moderator, on: bool) -> None:
    changed = session.execute(
        update(Submission)
        .where(Submission.id == submission_id, Submission.state == State.published)
        .values(featured_at=utcnow() if on else None)
        .execution_options(synchronize_session=False)
    ).rowcount
    if changed != 1:
        session.rollback()
        raise DecisionRefused(f"Only published moments can be featured (#{submission_id}).")
    audit.record(
        session,
        moderator,
        "feature" if on else "unfeature",
        submission_id=submission_id,
        after={"featured": on},
    )
    announce(session)  # the featured row changes in every web process's wall at commit
    session.commit()


def take_down(
    session: Session, submission_id: int, moderator: Moderator, reason_code: str, note: str | None
) -> Transition:
    """Take a published moment off the wall and back to review, with a reason."""
    if reason_code not in TAKE_DOWN_REASONS:
        raise DecisionRefused("Choose a reason for taking it down.")
    try:
        transition = move(
            session,
            submission_id,
            State.published,
            State.needs_review,
            Actor(ActorKind.moderator, moderator.username, moderator.id),
            reason=f"taken down: {reason_code}" + (f" — {note}" if note else ""),
            extra={"review_kind": ReviewKind.taken_down},
        )
    except StaleTransition:
        raise _refusal(session, submission_id, State.published) from None
    audit.record(
        session,
        moderator,
        "take_down",
        submission_id=submission_id,
        before={"state": "published"},
        after={"state": "needs_review", "reason": reason_code},
        note=note,
    )
    session.commit()
    return transition


def _resolve_reports(session: Session, submission_id: int, at: datetime) -> int:
    """Mark the open reports of a moment made up to ``at`` resolved; how many there were."""
    return session.execute(
        update(Report)
        .where(
            Report.submission_id == submission_id,
            Report.resolved_at.is_(None),
            Report.created_at <= at,
        )
        .values(resolved_at=at)
        .execution_options(synchronize_session=False)
    ).rowcount


def dismiss_reports(session: Session, submission_id: int, moderator: Moderator) -> int:
    """Mark a moment's open reports as resolved (the moment stays as it is)."""
    count = session.execute(
        update(Report)
        .where(Report.submission_id == submission_id, Report.resolved_at.is_(None))
        .values(resolved_at=utcnow())
        .execution_options(synchronize_session=False)
    ).rowcount
    audit.record(
        session, moderator, "report_dismiss", submission_id=submission_id, after={"reports": count}
    )
    session.commit()
    return count


def item_history(session: Session, submission_id: int):
    """Transitions and audit rows of one item, oldest first, as (when, who, what, detail)."""
    transitions = session.scalars(
        select(Transition).where(Transition.submission_id == submission_id)
    ).all()
    events = session.scalars(
        select(AuditEvent).where(AuditEvent.submission_id == submission_id)
    ).all()
    rows = [
        (t.created_at, t.actor, f"{t.from_state or 'new'} → {t.to_state}", t.reason)
        for t in transitions
    ]
    rows += [
        (e.created_at, e.actor, audit.ACTIONS.get(e.action, e.action), e.note)
        for e in events
        if e.action not in ("approve", "reject", "undo", "take_down")
    ]
    return sorted(rows, key=lambda row: row[0])

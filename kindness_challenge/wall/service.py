"""What visitors do to published moments: heart them and report them. Plain functions over a
Session (no Flask): the views pass a visitor key, these own the commit.

A visitor is a keyed hash of a random id kept in a signed cookie (see ``wall.cookies``); the
unique constraints on Heart(submission_id, visitor_key) and Report(submission_id, reporter_key)
make "one per visitor per moment" hold even when two requests race.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..core.lifecycle import Actor, StaleTransition, move
from ..models import REPORT_REASON_LABELS, ActorKind, Heart, Report, ReviewKind, State, Submission

REPORT_NOTE_MAX = 300
VISITORS = Actor(ActorKind.visitor, "visitors")


class NotPublished(LookupError):
    """The moment does not exist or is not public: visitors can do nothing with it."""


@dataclass(frozen=True)
class HeartResult:
    hearted: bool
    count: int


@dataclass(frozen=True)
class ReportResult:
    recorded: bool  # False: this visitor had reported this moment already
    open_reports: int
    hidden: bool  # this report took it off the wall, pending review


def _lock_published(session: Session, submission_id: int) -> None:
    """Raise NotPublished unless the moment is public; on PostgreSQL, lock its row so that
    concurrent hearts and reports of one moment queue up behind each other."""
    found = session.scalar(
        select(Submission.id)
        .where(Submission.id == submission_id, Submission.state == State.published)
        .with_for_update()
    )
    if found is None:
        session.rollback()
        raise NotPublished(submission_id)


def _insert_once(session: Session, model, values: dict, keys: list[str]) -> bool:
    """INSERT unless the unique key exists already. True when a row was inserted."""
    dialect = session.get_bind().dialect
    if dialect.name in ("postgresql", "sqlite"):
        module = postgresql if dialect.name == "postgresql" else sqlite
        stmt = module.insert(model).values(**values).on_conflict_do_nothing(index_elements=keys)
        if dialect.insert_returning:
            # With RETURNING (which SQLAlchemy adds on PostgreSQL anyway) rowcount is -1:
            # a returned row is the reliable "inserted".
            return session.execute(stmt.returning(model.id)).first() is not None
        return session.execute(stmt).rowcount == 1
    try:
        with session.begin_nested():
            session.execute(insert(model).values(**values))
    except IntegrityError:
        return False
    return True


def _heart_count(session: Session, submission_id: int) -> int:
    return session.scalar(select(Submission.heart_count).where(Submission.id == submission_id))


def set_heart(
    session: Session, submission_id: int, visitor_key: str, hearted: bool = True
) -> HeartResult:
    """Heart (or un-heart) a published moment for one visitor. Idempotent: asking for the state
    it is already in changes nothing. ``heart_count`` moves only with a row inserted or deleted,
    in the same transaction. Raises NotPublished."""
    _lock_published(session, submission_id)
    if hearted:
        changed = _insert_once(
            session,
            Heart,
            {"submission_id": submission_id, "visitor_key": visitor_key},
            ["submission_id", "visitor_key"],
        )
        step = 1
    else:
        changed = (
            session.execute(
                delete(Heart).where(
                    Heart.submission_id == submission_id, Heart.visitor_key == visitor_key
                )
            ).rowcount
            == 1
        )
        step = -1
    if changed:
        stmt = update(Submission).where(Submission.id == submission_id)
        if step < 0:
            stmt = stmt.where(Submission.heart_count > 0)
        session.execute(
            stmt.values(heart_count=Submission.heart_count + step).execution_options(
                synchronize_session=False
            )
        )
    count = _heart_count(session, submission_id)
    session.commit()
    return HeartResult(hearted=hearted, count=count)


def hearted_ids(session: Session, visitor_key: str | None, submission_ids: list[int]) -> set[int]:
    """Which of these moments this visitor has hearted: one query for a whole page."""
    if not visitor_key or not submission_ids:
        return set()
    return set(
        session.scalars(
            select(Heart.submission_id).where(
                Heart.visitor_key == visitor_key, Heart.submission_id.in_(submission_ids)
            )
        )
    )


def has_reported(session: Session, reporter_key: str | None, submission_id: int) -> bool:
    if not reporter_key:
        return False
    found = session.scalar(
        select(Report.id).where(
            Report.submission_id == submission_id, Report.reporter_key == reporter_key
        )
    )
    return found is not None


def report(
    session: Session,
    submission_id: int,
    reporter_key: str,
    reason: str,
    note: str | None,
    hide_threshold: int,
) -> ReportResult:
    """Record a visitor's report of a published moment. One per visitor per moment. When the
    moment has ``hide_threshold`` open reports from different visitors, it leaves the wall for
    review in the same transaction. Raises NotPublished, or ValueError for an unknown reason."""
    if reason not in REPORT_REASON_LABELS:
        raise ValueError(f"unknown report reason {reason!r}")
    note = (note or "").strip()[:REPORT_NOTE_MAX] or None
    _lock_published(session, submission_id)
    recorded = _insert_once(
        session,
        Report,
        {
            "submission_id": submission_id,
            "reporter_key": reporter_key,
            "reason": reason,
            "note": note,
        },
        ["submission_id", "reporter_key"],
    )
    open_reports = session.scalar(
        select(func.count())
        .select_from(Report)
        .where(Report.submission_id == submission_id, Report.resolved_at.is_(None))
    )
    hidden = False
    if recorded and hide_threshold > 0 and open_reports >= hide_threshold:
        try:
            move(
                session,
                submission_id,
                State.published,
                State.needs_review,
                VISITORS,
                reason=f"hidden after {open_reports} reports",
                extra={"review_kind": ReviewKind.reported},
            )
            hidden = True
        except StaleTransition:
            pass  # a concurrent report hid it first
    session.commit()
    return ReportResult(recorded=recorded, open_reports=open_reports, hidden=hidden)

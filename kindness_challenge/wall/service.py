"""What visitors do to published moments: heart them and report them. Plain functions over a
Session (no Flask): the views pass a visitor key, these own the commit.

A visitor is a keyed hash of a random id kept in a signed cookie (see ``wall.cookies``); the
unique constraints on Heart(submission_id, visitor_key) and Report(submission_id, reporter_key)
make "one per visitor per moment" hold even when two requests race. Cookies are free to clear,
so what must come from distinct people counts distinct client networks too (``client``: a
keyed hash of the client's /24 or /64, ``core.clients``): a moment's heart count is the number
of networks that hearted it, and reports hide a moment only from enough distinct networks, each
from a visitor cookie old enough to count (``counted``).
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


def _network_has_heart(session: Session, submission_id: int, client: str | None) -> bool:
    if client is None:
        return False
    found = session.scalar(
        select(Heart.id)
        .where(Heart.submission_id == submission_id, Heart.client_hash == client)
        .limit(1)
    )
    return found is not None


def set_heart(
    session: Session,
    submission_id: int,
    visitor_key: str,
    hearted: bool = True,
    client: str | None = None,
) -> HeartResult:
    """Heart (or un-heart) a published moment for one visitor from the network ``client``.
    Idempotent: asking for the state it is already in changes nothing. ``heart_count`` counts
    networks: it moves only with the first heart of a network (or the last one taken back), in
    the same transaction, under the moment's row lock. Raises NotPublished."""
    _lock_published(session, submission_id)
    if hearted:
        first_of_network = not _network_has_heart(session, submission_id, client)
        changed = _insert_once(
            session,
            Heart,
            {"submission_id": submission_id, "visitor_key": visitor_key, "client_hash": client},
            ["submission_id", "visitor_key"],
        )
        changed = changed and first_of_network
        step = 1
    else:
        mine = Heart.submission_id == submission_id, Heart.visitor_key == visitor_key
        network = session.scalar(select(Heart.client_hash).where(*mine))
        changed = session.execute(delete(Heart).where(*mine)).rowcount == 1
        changed = changed and not _network_has_heart(session, submission_id, network)
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


def independent_reports(session: Session, submission_id: int) -> int:
    """Open reports of a moment that count towards hiding it: one per network (rows from before
    networks were recorded: one per visitor), from visitor cookies old enough."""
    reporter = func.coalesce(Report.client_hash, Report.reporter_key)
    return session.scalar(
        select(func.count(func.distinct(reporter))).where(
            Report.submission_id == submission_id,
            Report.resolved_at.is_(None),
            Report.counted.is_(True),
        )
    )


def report(
    session: Session,
    submission_id: int,
    reporter_key: str,
    reason: str,
    note: str | None,
    hide_threshold: int,
    client: str | None = None,
    counts: bool = True,
) -> ReportResult:
    """Record a visitor's report of a published moment. One per visitor per moment; ``client``
    is the reporter's network, ``counts`` False when the visitor's cookie is too new to count
    towards hiding (the report is kept for moderators all the same). When ``hide_threshold``
    networks have open, counted reports, the moment leaves the wall for review in the same
    transaction. Raises NotPublished, or ValueError for an unknown reason."""
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
            "client_hash": client,
            "counted": counts,
        },
        ["submission_id", "reporter_key"],
    )
    open_reports = independent_reports(session, submission_id)
    hidden = False
    if recorded and counts and hide_threshold > 0 and open_reports >= hide_threshold:
        try:
            move(
                session,
                submission_id,
                State.published,
                State.needs_review,
                VISITORS,
                reason=f"hidden after reports from {open_reports} different visitors",
                extra={"review_kind": ReviewKind.reported},
            )
            hidden = True
        except StaleTransition:
            pass  # a concurrent report hid it first
    session.commit()
    return ReportResult(recorded=recorded, open_reports=open_reports, hidden=hidden)

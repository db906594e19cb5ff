"""Queries for the public wall. Only ``published`` submissions ever leave this module."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import Select, func, select, tuple_
from sqlalchemy.orm import Session

from ..models import State, Submission

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
MICROSECOND = timedelta(microseconds=1)


@dataclass(frozen=True)
class Cursor:
    """Where a wall page ends: the last (published_at, id) shown. Key pagination, no OFFSET."""

    published_at: datetime
    id: int

    def encode(self) -> str:
        micros = (self.published_at - EPOCH) // MICROSECOND
        return f"{micros}-{self.id}"

    @classmethod
    def decode(cls, raw: str | None) -> Cursor | None:
        if not raw or len(raw) > 40:
            return None
        try:
            micros, ident = (int(part) for part in raw.split("-", 1))
            if not 0 <= ident < 2**62:
                return None
            return cls(EPOCH + micros * MICROSECOND, ident)
        except (ValueError, OverflowError, OSError):
            return None


def published() -> Select[tuple[Submission]]:
    return select(Submission).where(Submission.state == State.published)


def wall_query(
    after: Cursor | None = None, category: str | None = None, exclude: Collection[int] = ()
) -> Select[tuple[Submission]]:
    """Published moments newest first, after a cursor (ix_submission_wall; no OFFSET ever).
    ``category`` narrows it to one of routing.CATEGORIES; ``exclude`` leaves out a few ids (the
    featured row's, so that each moment shows once)."""
    query = published().order_by(Submission.published_at.desc(), Submission.id.desc())
    if exclude:
        query = query.where(Submission.id.not_in(list(exclude)))
    if category is not None:
        query = query.where(Submission.category == category)
    if after is not None:
        query = query.where(
            tuple_(Submission.published_at, Submission.id) < (after.published_at, after.id)
        )
    return query


def wall_page(
    session: Session,
    size: int,
    after: Cursor | None = None,
    category: str | None = None,
    exclude: Collection[int] = (),
) -> tuple[list[Submission], Cursor | None]:
    """One page of ``wall_query`` and the cursor of the next page (None at the end)."""
    rows = list(session.scalars(wall_query(after, category, exclude).limit(size + 1)))
    next_cursor = None
    if len(rows) > size:
        rows = rows[:size]
        last = rows[-1]
        next_cursor = Cursor(last.published_at, last.id)
    return rows, next_cursor


def featured_query(category: str | None = None) -> Select[tuple[Submission]]:
    """Moments moderators featured, newest featured first (ix_submission_featured)."""
    query = published().where(Submission.featured_at.is_not(None))
    if category is not None:
        query = query.where(Submission.category == category)
    return query.order_by(Submission.featured_at.desc(), Submission.id.desc())


def featured(session: Session, limit: int, category: str | None = None) -> list[Submission]:
    return list(session.scalars(featured_query(category).limit(limit)))


def newest_key(session: Session) -> tuple[datetime, int] | None:
    """The (published_at, id) of the newest published moment: one index seek."""
    row = session.execute(
        select(Submission.published_at, Submission.id)
        .where(Submission.state == State.published)
        .order_by(Submission.published_at.desc(), Submission.id.desc())
        .limit(1)
    ).first()
    return (row[0], row[1]) if row else None


def published_moment(session: Session, submission_id: int) -> Submission | None:
    return session.scalar(published().where(Submission.id == submission_id))


def published_count(session: Session) -> int:
    return (
        session.scalar(
            select(func.count()).select_from(Submission).where(Submission.state == State.published)
        )
        or 0
    )


def published_since(session: Session, key: tuple[datetime, int]) -> int:
    """Published moments newer than ``key`` (a range of ix_submission_wall: cheap)."""
    return (
        session.scalar(
            select(func.count())
            .select_from(Submission)
            .where(
                Submission.state == State.published,
                tuple_(Submission.published_at, Submission.id) > key,
            )
        )
        or 0
    )


def published_hearts(session: Session) -> int:
    return (
        session.scalar(
            select(func.coalesce(func.sum(Submission.heart_count), 0)).where(
                Submission.state == State.published
            )
        )
        or 0
    )

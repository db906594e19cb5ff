"""Queries for the public wall. Only ``published`` submissions ever leave this module."""

from __future__ import annotations

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


def wall_page(
    session: Session, size: int, after: Cursor | None = None
) -> tuple[list[Submission], Cursor | None]:
    """Newest first. Returns the page and the cursor of the next page (None at the end)."""
    query = published().order_by(Submission.published_at.desc(), Submission.id.desc())
    if after is not None:
        query = query.where(
            tuple_(Submission.published_at, Submission.id) < (after.published_at, after.id)
        )
    rows = list(session.scalars(query.limit(size + 1)))
    next_cursor = None
    if len(rows) > size:
        rows = rows[:size]
        last = rows[-1]
        next_cursor = Cursor(last.published_at, last.id)
    return rows, next_cursor


def published_moment(session: Session, submission_id: int) -> Submission | None:
    return session.scalar(published().where(Submission.id == submission_id))


def published_count(session: Session) -> int:
    return session.scalar(
        select(func.count()).select_from(Submission).where(Submission.state == State.published)
    ) or 0

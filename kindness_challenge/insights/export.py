"""CSV exports of moderator decisions and of the published wall, produced row by row.

Rows are read in key-ordered pages (``WHERE id > :last ORDER BY id LIMIT n``), so an export of
any size streams with bounded memory and holds no cursor open between pages. Every cell that a
spreadsheet would read as a formula gets a leading apostrophe (CSV injection, OWASP).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from itertools import chain

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from ..models import ActorKind, State, Submission, Transition

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PAGE = 500

DECISION_COLUMNS = (
    "when_utc",
    "moderator",
    "submission_id",
    "from_state",
    "to_state",
    "reason",
    "public_note",
)
WALL_COLUMNS = (
    "id",
    "published_at_utc",
    "display_name",
    "text",
    "category",
    "video_url",
    "featured",
)


def csv_cell(value) -> str:
    """A value as CSV text that no spreadsheet will evaluate."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat()
    text = str(value)  # the states are StrEnums: their value
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_lines(header: Sequence[str], rows: Iterable[Sequence]) -> Iterator[str]:
    """The header, then one CSV line per row (RFC 4180 quoting, CRLF line ends)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for values in chain([header], rows):
        writer.writerow([csv_cell(value) for value in values])
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()


def _pages(session: Session, query: Select, key) -> Iterator[tuple]:
    """Plain rows (no ORM objects piling up in the session), a page at a time, by ``key``."""
    last = None
    while True:
        page = query if last is None else query.where(key > last)
        rows = session.execute(page.order_by(key).limit(PAGE)).all()
        yield from rows
        if len(rows) < PAGE:
            return
        last = getattr(rows[-1], key.key)


def decision_rows(session: Session) -> Iterator[tuple]:
    """Every moderator transition (approvals, rejections, undos, take-downs), oldest first."""
    query = select(
        Transition.created_at,
        Transition.actor,
        Transition.submission_id,
        Transition.from_state,
        Transition.to_state,
        Transition.reason,
        Transition.public_note,
        Transition.id,
    ).where(Transition.actor_kind == ActorKind.moderator)
    return (row[:7] for row in _pages(session, query, Transition.id))


def wall_rows(session: Session) -> Iterator[tuple]:
    """Every published moment, by id."""
    query = select(
        Submission.id,
        Submission.published_at,
        Submission.display_name,
        Submission.text,
        Submission.category,
        Submission.video_url,
        Submission.featured_at,
    ).where(Submission.state == State.published)
    return (
        (*row[:6], "yes" if row.featured_at else "no")
        for row in _pages(session, query, Submission.id)
    )

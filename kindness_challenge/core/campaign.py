"""The campaign window: when the share form opens and closes. Stored as admin settings, audited.

Before the opening time the share form says when the campaign opens; after the closing time,
that it has closed. The wall, permalinks, the display, the feed and the API stay up throughout,
and the API says which it is (``/api/v1/campaign``). Either end may be unset (open from the
start, or with no end).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from ..models import Moderator, Setting, utcnow
from . import audit

OPENS_KEY = "campaign_opens_at"
CLOSES_KEY = "campaign_closes_at"


class CampaignState(enum.StrEnum):
    not_yet_open = "not_yet_open"
    open = "open"
    closed = "closed"


class CampaignError(ValueError):
    """A window that cannot be saved; the message says why."""


@dataclass(frozen=True)
class CampaignWindow:
    opens_at: datetime | None = None
    closes_at: datetime | None = None

    def state(self, now: datetime | None = None) -> CampaignState:
        now = now or utcnow()
        if self.opens_at is not None and now < self.opens_at:
            return CampaignState.not_yet_open
        if self.closes_at is not None and now >= self.closes_at:
            return CampaignState.closed
        return CampaignState.open

    def as_data(self) -> dict:
        return {
            "opens_at": self.opens_at.isoformat() if self.opens_at else None,
            "closes_at": self.closes_at.isoformat() if self.closes_at else None,
        }


def _read(session: Session, key: str) -> datetime | None:
    row = session.get(Setting, key)
    if row is None or not row.value:
        return None
    return datetime.fromisoformat(str(row.value))


def load_window(session: Session) -> CampaignWindow:
    return CampaignWindow(_read(session, OPENS_KEY), _read(session, CLOSES_KEY))


def update_window(
    session: Session,
    moderator: Moderator,
    opens_at: datetime | None,
    closes_at: datetime | None,
) -> bool:
    """Save the window with an audit row of before and after. Commits. False: nothing changed."""
    for value in (opens_at, closes_at):
        if value is not None and value.tzinfo is None:
            raise ValueError("naive datetime given; use timezone-aware UTC")
    if opens_at and closes_at and closes_at <= opens_at:
        raise CampaignError("The campaign must close after it opens.")
    before = load_window(session)
    after = CampaignWindow(opens_at, closes_at)
    if before == after:
        return False
    now = utcnow()
    for key, value in ((OPENS_KEY, opens_at), (CLOSES_KEY, closes_at)):
        stored = value.isoformat() if value else None
        row = session.get(Setting, key)
        if row is None:
            session.add(Setting(key=key, value=stored, updated_at=now, updated_by_id=moderator.id))
        else:
            row.value, row.updated_at, row.updated_by_id = stored, now, moderator.id
    audit.record(
        session,
        moderator,
        "campaign_window",
        subject="campaign window",
        before=before.as_data(),
        after=after.as_data(),
    )
    session.commit()
    return True

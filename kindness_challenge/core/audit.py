"""The audit log: one row per decision, setting change, list change and login."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models import AuditEvent, Moderator, utcnow

ACTIONS: dict[str, str] = {
    "login": "Logged in",
    "login_failed": "Failed login",
    "login_throttled": "Logins refused for a name (too many failures)",
    "logout": "Logged out",
    "approve": "Approved",
    "reject": "Rejected",
    "undo": "Undid a decision",
    "feature": "Featured",
    "unfeature": "Unfeatured",
    "take_down": "Took down",
    "settings": "Changed settings",
    "word_add": "Added a list entry",
    "word_remove": "Removed a list entry",
    "account_create": "Created an account",
    "account_update": "Changed an account",
    "password_change": "Changed a password",
    "password_reset": "Reset a password (to be changed at next login)",
    "report_dismiss": "Dismissed reports",
    "withdrawn": "Withdrawn by its author",
    "campaign_window": "Changed the campaign window",
    "purge": "Deleted texts past the retention period",
}


def record_once(
    session: Session,
    action: str,
    subject: str,
    within: timedelta,
    *,
    note: str | None = None,
    actor: str = "anonymous",
) -> AuditEvent | None:
    """Add a row for ``action`` on ``subject`` unless one was recorded within ``within`` (a
    burst is one row, not one per request). The caller commits."""
    since = utcnow() - within
    recent = session.scalar(
        select(AuditEvent.id)
        .where(
            AuditEvent.action == action,
            AuditEvent.subject == subject,
            AuditEvent.created_at > since,
        )
        .limit(1)
    )
    if recent is not None:
        return None
    return record(session, None, action, subject=subject, note=note, actor=actor)


def record(
    session: Session,
    moderator: Moderator | None,
    action: str,
    *,
    submission_id: int | None = None,
    subject: str | None = None,
    before=None,
    after=None,
    note: str | None = None,
    actor: str | None = None,
) -> AuditEvent:
    """Add an audit row to the session (the caller commits with the change it describes)."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    event = AuditEvent(
        created_at=utcnow(),
        moderator_id=moderator.id if moderator else None,
        actor=actor or (moderator.username if moderator else "system"),
        action=action,
        submission_id=submission_id,
        subject=subject or (f"submission #{submission_id}" if submission_id else None),
        before=before,
        after=after,
        note=note,
    )
    session.add(event)
    return event

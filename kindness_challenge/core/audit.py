"""The audit log: one row per decision, setting change, list change and login."""

from __future__ import annotations

from sqlalchemy.orm import Session

from ..models import AuditEvent, Moderator, utcnow

ACTIONS: dict[str, str] = {
    "login": "Logged in",
    "login_failed": "Failed login",
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
    "report_dismiss": "Dismissed reports",
    "withdrawn": "Withdrawn by its author",
}


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

"""Creating submissions and finding them again by receipt token. Owns its commits."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..core.lifecycle import Actor
from ..core.pg_notify import notify_pending
from ..models import ActorKind, State, Submission, Transition, utcnow


def hash_receipt_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_submission(
    text: str,
    display_name: str,
    video_url: str | None,
    consent_public: bool,
    *,
    for_whom: str | None = None,
    category: str | None = None,
    client_hash: str | None = None,
    text_hash: str | None = None,
    prescores: dict | None = None,
    reason: str = "submitted",
    now: datetime | None = None,
    **imported,
) -> tuple[Submission, str]:
    """A new pending submission with its first transition, not yet added to a session: what
    the share form (``create_submission``) and an import (``importing``) both store, so both
    are scored and routed alike. ``imported``: the source columns of an imported row.

    Returns the submission and its receipt token (only the token's hash is stored)."""
    token = secrets.token_urlsafe(24)
    now = now or utcnow()
    submission = Submission(
        text=text,
        display_name=display_name,
        video_url=video_url,
        consent_public=consent_public,
        for_whom=for_whom,
        category=category,
        client_hash=client_hash,
        text_hash=text_hash,
        prescores=prescores,
        receipt_hash=hash_receipt_token(token),
        state=State.pending,
        created_at=now,
        **imported,
    )
    actor = Actor(ActorKind.participant, "participant")
    submission.transitions.append(
        Transition(
            from_state=None,
            to_state=State.pending,
            actor_kind=actor.kind,
            actor=actor.name,
            reason=reason,
            created_at=now,
        )
    )
    return submission, token


def create_submission(
    session: Session,
    text: str,
    display_name: str,
    video_url: str | None,
    consent_public: bool,
    *,
    for_whom: str | None = None,
    category: str | None = None,
    client_hash: str | None = None,
    text_hash: str | None = None,
    prescores: dict | None = None,
    locale: str | None = None,
) -> tuple[Submission, str]:
    """Store a new pending submission (persist first, score later). Commits.

    ``prescores``: scores already computed for its text (the share form's nudge), which a
    worker running the same classifier may route on instead of scoring again. It stays pending
    either way: routing happens in the worker only. ``locale``: the language of the page it
    was shared from; its receipt follows it.

    Returns the submission and its receipt token. Only the token's hash is stored, so the
    database alone does not reveal anyone's receipt link.
    """
    submission, token = new_submission(
        text,
        display_name,
        video_url,
        consent_public,
        for_whom=for_whom,
        category=category,
        client_hash=client_hash,
        text_hash=text_hash,
        prescores=prescores,
        locale=locale,
    )
    session.add(submission)
    notify_pending(session)  # delivered to idle score workers at commit
    session.commit()
    return submission, token


def find_by_receipt(session: Session, token: str) -> Submission | None:
    if not token or len(token) > 100:
        return None
    return session.scalar(
        select(Submission).where(Submission.receipt_hash == hash_receipt_token(token))
    )

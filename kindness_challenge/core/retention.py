"""Retention: what people wrote and what identifies them is deleted after ``RETENTION_DAYS``.

Past the retention period (counted from the decision, or from when a hash was made):

* **Rejected moments**: the text, display name, "for whom", video link, appeal note, link to an
  imported original, matched phrases and links, and the links and appeal notes quoted in their
  transitions are deleted. The row stays, marked ``purged_at``, with its transitions (who or
  what moved it, when, and the policy's or moderator's reason) and its audit rows (who decided
  what, and when), so the audit log stays whole without the text. Its scores stay (numbers,
  for statistics and calibration). An appeal brings a moment out of ``rejected`` before that.
* **Withdrawn moments** are deleted at once, when their author asks (``participate.service``);
  the audit log keeps its rows about them (who decided what, when, and "withdrawn"), without
  the text: their link to the deleted row is set to NULL.
* **Client hashes** (a keyed hash of a network, for the duplicate window and to count hearts and
  reports once per network) on submissions and hearts.
* **Report details** (the visitor's note, network and visitor key) of reports a moderator's
  decision has resolved. Open reports wait for that decision: they are what it is about.

Run by the score workers on a schedule (``RETENTION_INTERVAL_SECONDS``) and by ``flask purge``.
Idempotent: what is already purged is not counted again.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime, timedelta

from sqlalchemy import String, cast, func, literal, select, update
from sqlalchemy.orm import Session

from ..models import Heart, Report, ReviewKind, State, Submission, Transition, utcnow
from . import audit


@dataclass
class PurgeResult:
    rejected_texts: int = 0
    submission_client_hashes: int = 0
    heart_client_hashes: int = 0
    report_details: int = 0

    @property
    def total(self) -> int:
        return sum(asdict(self).values())

    def lines(self, days: int, applied: bool) -> list[str]:
        verb = "Deleted" if applied else "Would delete"
        return [
            f"{verb}, past {days} days of retention:",
            f"  texts of rejected moments: {self.rejected_texts}",
            f"  client hashes of submissions: {self.submission_client_hashes}",
            f"  client hashes of hearts: {self.heart_client_hashes}",
            f"  details of resolved reports: {self.report_details}",
        ]


def _rejected_before(cutoff: datetime):
    """Rejected, not yet purged, and rejected (its latest transition) before ``cutoff``."""
    latest = (
        select(func.max(Transition.created_at))
        .where(Transition.submission_id == Submission.id)
        .scalar_subquery()
    )
    return (Submission.state == State.rejected, Submission.purged_at.is_(None), latest < cutoff)


def _count(session: Session, model, *where) -> int:
    return session.scalar(select(func.count()).select_from(model).where(*where)) or 0


def purge(session: Session, days: int, *, apply: bool, now: datetime | None = None) -> PurgeResult:
    """Delete (``apply``) or count what is past ``days`` of retention. Commits when applying,
    with an audit row of the counts (never any text)."""
    if days < 1:
        raise ValueError("retention is at least one day")
    now = now or utcnow()
    cutoff = now - timedelta(days=days)
    rejected = _rejected_before(cutoff)
    old_submission_hash = (Submission.client_hash.is_not(None), Submission.created_at < cutoff)
    old_heart_hash = (Heart.client_hash.is_not(None), Heart.created_at < cutoff)
    old_report = (
        Report.resolved_at.is_not(None),
        Report.created_at < cutoff,
        ~Report.reporter_key.startswith("purged:"),
    )
    result = PurgeResult(
        rejected_texts=_count(session, Submission, *rejected),
        submission_client_hashes=_count(session, Submission, *old_submission_hash),
        heart_client_hashes=_count(session, Heart, *old_heart_hash),
        report_details=_count(session, Report, *old_report),
    )
    if not apply or result.total == 0:
        return result
    ids = list(session.scalars(select(Submission.id).where(*rejected)))
    for start in range(0, len(ids), 500):
        _purge_texts(session, ids[start : start + 500], now)
    session.execute(
        update(Submission)
        .where(*old_submission_hash)
        .values(client_hash=None)
        .execution_options(synchronize_session=False)
    )
    session.execute(
        update(Heart)
        .where(*old_heart_hash)
        .values(client_hash=None)
        .execution_options(synchronize_session=False)
    )
    session.execute(
        update(Report)
        .where(*old_report)
        .values(
            note=None,
            client_hash=None,
            reporter_key=literal("purged:", String) + cast(Report.id, String(20)),
        )
        .execution_options(synchronize_session=False)
    )
    audit.record(
        session,
        None,
        "purge",
        subject="retention",
        after=asdict(result) | {"days": days},
        actor="retention",
    )
    session.commit()
    return result


def _purge_texts(session: Session, ids: list[int], now: datetime) -> None:
    session.execute(
        update(Submission)
        .where(Submission.id.in_(ids))
        .values(
            text="",
            display_name="",
            for_whom=None,
            video_url=None,
            appeal_note=None,
            source_url=None,
            client_hash=None,
            text_hash=None,
            prescores=None,
            matched_phrases=None,
            purged_at=now,
        )
        .execution_options(synchronize_session=False)
    )
    # Transitions keep who, when and why; what quoted the participant's words goes.
    mine = Transition.submission_id.in_(ids)
    session.execute(
        update(Transition)
        .where(mine)
        .values(matched=None)
        .execution_options(synchronize_session=False)
    )
    for kind, reason in ((ReviewKind.appeal, "appeal"), (ReviewKind.link, "contains a link")):
        session.execute(
            update(Transition)
            .where(mine, Transition.review_kind == kind)
            .values(reason=reason)
            .execution_options(synchronize_session=False)
        )

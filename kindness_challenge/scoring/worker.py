"""The claim-and-score loop: claim a batch of pending submissions, score them, route them.

Claims are leases: a worker writes a random token and an expiry onto up to ``batch_size`` pending
rows in one statement (``FOR UPDATE SKIP LOCKED`` on PostgreSQL, so several workers never wait on
or take each other's rows; SQLite has a single writer, so the same UPDATE is atomic there). A
worker that dies leaves its lease to expire; the next claim takes those rows again. Results are
written with a conditional UPDATE on the token, so a worker whose lease was taken over cannot
route a row a second time.
"""

from __future__ import annotations

import logging
import secrets
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from ..lifecycle import Actor, StaleTransition, move
from ..models import ActorKind, Score, State, Submission, utcnow
from ..policy_store import load_policy
from ..routing import route_submission
from .classifiers import Classifier

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Claim:
    token: str
    ids: tuple[int, ...]
    texts: tuple[str, ...]


@dataclass
class BatchResult:
    claimed: int = 0
    published: int = 0
    needs_review: int = 0
    rejected: int = 0
    lost: int = 0
    failed: int = 0
    outcomes: dict[int, State] = field(default_factory=dict)


def claim_pending_batch(
    session: Session,
    batch_size: int,
    lease_seconds: float,
    now: datetime | None = None,
) -> Claim:
    """Claim up to ``batch_size`` pending, unclaimed (or lease-expired) submissions, oldest first.

    Commits the claim, so other workers see it at once.
    """
    now = now or utcnow()
    token = secrets.token_hex(16)
    claimable = (
        select(Submission.id)
        .where(
            Submission.state == State.pending,
            or_(Submission.claim_expires_at.is_(None), Submission.claim_expires_at < now),
        )
        .order_by(Submission.id)
        .limit(batch_size)
        .with_for_update(skip_locked=True)
        .scalar_subquery()
    )
    stmt = (
        update(Submission)
        .where(Submission.id.in_(claimable))
        .values(
            claim_token=token,
            claim_expires_at=now + timedelta(seconds=lease_seconds),
            score_attempts=Submission.score_attempts + 1,
        )
        .returning(Submission.id, Submission.text)
        .execution_options(synchronize_session=False)
    )
    rows = sorted(session.execute(stmt).all())
    session.commit()
    return Claim(token, tuple(r.id for r in rows), tuple(r.text for r in rows))


def _score_with_isolation(
    classifier: Classifier, texts: Sequence[str]
) -> list[dict[str, float] | Exception]:
    """Score the batch; if the batch raises, score one by one so one bad text fails alone."""
    try:
        results = classifier.score_batch(texts)
        if len(results) != len(texts):
            raise RuntimeError(f"classifier returned {len(results)} results for {len(texts)}")
        return list(results)
    except Exception:  # noqa: BLE001 - any classifier failure must fail closed, not crash
        log.exception("batch of %d failed to score; retrying one by one", len(texts))
    isolated: list[dict[str, float] | Exception] = []
    for text in texts:
        try:
            (result,) = classifier.score_batch([text])
            isolated.append(result)
        except Exception as exc:  # noqa: BLE001
            isolated.append(exc)
    return isolated


def score_claim(
    session: Session,
    claim: Claim,
    classifier: Classifier,
    thresholds: Mapping[str, float],
) -> BatchResult:
    """Score the claimed texts and route each submission; one commit for the whole batch."""
    result = BatchResult(claimed=len(claim.ids))
    if not claim.ids:
        return result
    scored = _score_with_isolation(classifier, claim.texts)
    now = utcnow()
    actor = Actor(ActorKind.classifier, f"{classifier.name} {classifier.version}"[:120])
    # The policy admins set in the UI (thresholds over the configured defaults, word lists).
    policy = load_policy(session, thresholds)
    for submission_id, text, outcome in zip(claim.ids, claim.texts, scored, strict=True):
        if isinstance(outcome, Exception):
            result.failed += 1
        decision = route_submission(text, outcome, policy)
        try:
            # move() changes nothing when it raises, so no savepoint is needed.
            move(
                session,
                submission_id,
                State.pending,
                decision.state,
                actor,
                reason=decision.reason,
                public_note=decision.public_note,
                claim_token=claim.token,
                now=now,
                extra={
                    "review_kind": decision.review_kind,
                    "flagged_labels": ",".join(decision.flagged_labels) or None,
                    "severity": None if isinstance(outcome, Exception) else max(
                        outcome.values(), default=None
                    ),
                },
            )
            values = {"scored_at": now, "last_error": None}
            if isinstance(outcome, Exception):
                values["last_error"] = str(outcome)[:2000]
            else:
                values.update(
                    classifier_name=classifier.name, classifier_version=classifier.version
                )
                session.add_all(
                    Score(
                        submission_id=submission_id,
                        label=label,
                        probability=probability,
                        classifier_name=classifier.name,
                        classifier_version=classifier.version,
                        created_at=now,
                    )
                    for label, probability in outcome.items()
                )
            session.execute(
                update(Submission)
                .where(Submission.id == submission_id)
                .values(**values)
                .execution_options(synchronize_session=False)
            )
        except StaleTransition:
            # Our lease expired and another worker took the row: it is theirs to route.
            result.lost += 1
            continue
        result.outcomes[submission_id] = decision.state
        if decision.state is State.published:
            result.published += 1
        elif decision.state is State.rejected:
            result.rejected += 1
        else:
            result.needs_review += 1
    session.commit()
    return result


def score_pending_once(
    session_factory: Callable[[], Session],
    classifier: Classifier,
    thresholds: Mapping[str, float],
    batch_size: int = 32,
    lease_seconds: float = 120.0,
) -> BatchResult:
    """Claim one batch and score it. Returns what happened (``claimed == 0`` when idle)."""
    with session_factory() as session:
        claim = claim_pending_batch(session, batch_size, lease_seconds)
        return score_claim(session, claim, classifier, thresholds)


def drain(
    session_factory: Callable[[], Session],
    classifier: Classifier,
    thresholds: Mapping[str, float],
    batch_size: int = 32,
    lease_seconds: float = 120.0,
) -> BatchResult:
    """Score batches until no claimable submission is left; returns the totals."""
    total = BatchResult()
    while True:
        batch = score_pending_once(
            session_factory, classifier, thresholds, batch_size, lease_seconds
        )
        if batch.claimed == 0:
            return total
        total.claimed += batch.claimed
        total.published += batch.published
        total.needs_review += batch.needs_review
        total.rejected += batch.rejected
        total.lost += batch.lost
        total.failed += batch.failed
        total.outcomes.update(batch.outcomes)


def run_worker(
    session_factory: Callable[[], Session],
    classifier: Classifier,
    thresholds: Mapping[str, float],
    stop: threading.Event,
    wake: threading.Event | None = None,
    batch_size: int = 32,
    lease_seconds: float = 120.0,
    poll_seconds: float = 1.0,
) -> None:
    """Score until ``stop`` is set; sleep ``poll_seconds`` (or until ``wake``) when idle.

    A database error is logged and retried after the poll interval: the worker never dies of a
    transient outage, and rows it held are simply re-claimed when their lease runs out.
    """
    wake = wake or threading.Event()
    while not stop.is_set():
        try:
            batch = score_pending_once(
                session_factory, classifier, thresholds, batch_size, lease_seconds
            )
        except Exception:  # noqa: BLE001 - keep the loop alive through outages
            log.exception("scoring batch failed; retrying in %.1fs", poll_seconds)
            batch = BatchResult()
        if batch.claimed:
            log.info(
                "scored %d: %d published, %d to review, %d lost to another worker",
                batch.claimed,
                batch.published,
                batch.needs_review,
                batch.lost,
            )
            continue
        wake.wait(poll_seconds)
        wake.clear()

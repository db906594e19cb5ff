"""The claim-and-score loop: claim a batch of pending submissions, score them, route them.

Claims are leases: a worker writes a random token and an expiry onto up to ``batch_size`` pending
rows in one statement (``FOR UPDATE SKIP LOCKED`` on PostgreSQL, so several workers never wait on
or take each other's rows; SQLite has a single writer, so the same UPDATE is atomic there). A
worker that dies leaves its lease to expire; the next claim takes those rows again. Results are
written with a conditional UPDATE on the token, so a worker whose lease was taken over cannot
route a row a second time.

Failures are bounded: every claim counts an attempt. A text the classifier raises on goes back to
pending and is retried after a delay (doubling) until ``RetryPolicy.max_attempts``, then it goes to
review with its error. A text that kills its worker (a crash mid-batch) is claimed again when the
lease runs out, and once it has been claimed more than ``max_attempts`` times it goes to review
unscored. Nothing can loop forever.
"""

from __future__ import annotations

import logging
import secrets
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from .. import metrics
from ..core.lifecycle import Actor, StaleTransition, move
from ..core.outages import Outage, database_unavailable
from ..core.pg_notify import EventWaiter
from ..core.policy_store import load_policy
from ..core.routing import route_submission, severity
from ..models import ActorKind, Score, State, Submission, utcnow
from .classifiers import Classifier, kindness_threshold_of, truncation_flags_for
from .prepare import covered_languages, detect_languages, scoring_texts

log = logging.getLogger(__name__)
# This process's view of the database, as its scoring loop sees it: an outage is logged when it
# starts and when it ends, not once per poll.
DATABASE = Outage("database (scoring)", log)


@dataclass(frozen=True)
class RetryPolicy:
    """How often a submission is claimed before a failure sends it to review, and the pause."""

    max_attempts: int = 1
    delay_seconds: float = 0.0

    def delay(self, attempt: int) -> float:
        return min(self.delay_seconds * 2 ** max(0, attempt - 1), 3600.0)


class GaveUp(RuntimeError):
    """Claimed more often than the retry limit: its workers kept dying on it."""


@dataclass(frozen=True)
class Claim:
    token: str
    ids: tuple[int, ...]
    texts: tuple[str, ...]
    # Per row, this claim's attempt number (1 for the first claim), the error of the last
    # attempt and when it was submitted. Empty for a claim built by hand.
    attempts: tuple[int, ...] = ()
    last_errors: tuple[str | None, ...] = ()
    created: tuple[datetime, ...] = ()
    # Per row, scores computed when it was submitted (``Submission.prescores``), or None.
    prescores: tuple[dict | None, ...] = ()
    # Per row, its video link (the routing policy's link rule reads it), or None.
    video_urls: tuple[str | None, ...] = ()


@dataclass
class BatchResult:
    claimed: int = 0
    published: int = 0
    needs_review: int = 0
    rejected: int = 0
    lost: int = 0
    reused: int = 0  # routed on the scores computed at submission, not scored again
    failed: int = 0
    retried: int = 0
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
        .returning(
            Submission.id,
            Submission.text,
            Submission.score_attempts,
            Submission.last_error,
            Submission.created_at,
            Submission.prescores,
            Submission.video_url,
        )
        .execution_options(synchronize_session=False)
    )
    rows = sorted(session.execute(stmt).all())
    session.commit()
    return Claim(
        token,
        tuple(r.id for r in rows),
        tuple(r.text for r in rows),
        tuple(r.score_attempts for r in rows),
        tuple(r.last_error for r in rows),
        tuple(r.created_at for r in rows),
        tuple(r.prescores for r in rows),
        tuple(r.video_url for r in rows),
    )


def release_claim(session: Session, claim: Claim) -> int:
    """Give back the rows of a claim that will not be scored (a worker stopping at once).

    They are claimable again at once, and the attempt is not counted. Commits.
    """
    if not claim.ids:
        return 0
    released = session.execute(
        update(Submission)
        .where(
            Submission.id.in_(claim.ids),
            Submission.claim_token == claim.token,
            Submission.state == State.pending,
        )
        .values(
            claim_token=None,
            claim_expires_at=None,
            score_attempts=Submission.score_attempts - 1,
        )
        .execution_options(synchronize_session=False)
    ).rowcount
    session.commit()
    return released


def _release_for_retry(
    session: Session,
    submission_id: int,
    claim: Claim,
    error: Exception,
    retry_at: datetime,
) -> bool:
    """Put a row whose scoring failed back to pending, claimable again from ``retry_at``."""
    return (
        session.execute(
            update(Submission)
            .where(
                Submission.id == submission_id,
                Submission.claim_token == claim.token,
                Submission.state == State.pending,
            )
            .values(
                claim_token=None,
                claim_expires_at=retry_at,
                last_error=f"{type(error).__name__}: {error}"[:2000],
            )
            .execution_options(synchronize_session=False)
        ).rowcount
        == 1
    )


def reusable_prescores(classifier: Classifier, prescores) -> dict[str, float] | None:
    """The scores computed at submission, if ``classifier`` is the one that computed them and
    they are complete and numeric; otherwise None (the text is scored again)."""
    if not isinstance(prescores, dict):
        return None
    scores = prescores.get("scores")
    if (
        prescores.get("name") != classifier.name
        or prescores.get("version") != classifier.version
        or not isinstance(scores, dict)
        or not scores
    ):
        return None
    labels = getattr(classifier, "labels", None)
    if labels is not None and set(scores) != set(labels):
        return None
    if not all(isinstance(p, float) and 0.0 <= p <= 1.0 for p in scores.values()):
        return None
    return {label: float(p) for label, p in scores.items()}


def _score_claimed(
    classifier: Classifier, claim: Claim, retry: RetryPolicy | None, texts: Sequence[str]
) -> tuple[list[dict[str, float] | Exception], int]:
    """Score ``texts`` (the claimed texts in their scoring form), except those claimed more
    often than the retry limit, and those whose scores were computed when they were submitted
    by this same classifier (``Claim.prescores``: the share form's nudge scored them).
    Returns the outcome per text and how many came from those stored scores.

    A row claimed more often than the limit was claimed and never finished again and again: a
    worker died on it each time. It is not given to the classifier once more; its outcome is
    ``GaveUp``.
    """
    outcomes: list[dict[str, float] | Exception | None] = [None] * len(texts)
    attempts = claim.attempts or (1,) * len(texts)
    errors = claim.last_errors or (None,) * len(texts)
    prescores = claim.prescores or (None,) * len(texts)
    for i, (n, error, stored) in enumerate(zip(attempts, errors, prescores, strict=True)):
        if retry is not None and claim.attempts and n > retry.max_attempts:
            outcomes[i] = GaveUp(
                f"gave up after {n - 1} unfinished attempts"
                + (f"; last error: {error}" if error else "")
            )
        elif stored is not None:
            outcomes[i] = reusable_prescores(classifier, stored)
    reused = sum(isinstance(outcome, dict) for outcome in outcomes)
    todo = [i for i, outcome in enumerate(outcomes) if outcome is None]
    if todo:
        scored = _score_with_isolation(classifier, [texts[i] for i in todo])
        for i, outcome in zip(todo, scored, strict=True):
            outcomes[i] = outcome
    return outcomes, reused


def score_rows(
    submission_id: int, scores: Mapping[str, float], classifier: Classifier, now: datetime
) -> list[Score]:
    """The Score rows a routing stores for ``scores`` (a NaN, a failed head, is not a score)."""
    return [
        Score(
            submission_id=submission_id,
            label=label,
            probability=probability,
            classifier_name=classifier.name,
            classifier_version=classifier.version,
            created_at=now,
        )
        for label, probability in scores.items()
        if probability == probability
    ]


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
    retry: RetryPolicy | None = None,
) -> BatchResult:
    """Score the claimed texts and route each submission; one commit for the whole batch.

    With a ``retry`` policy, a row the classifier failed on goes back to pending for another try
    while its attempts are under ``retry.max_attempts``; after that it is routed (to review,
    with the error). Without one, a failure is routed at once and attempts are not checked.
    """
    result = BatchResult(claimed=len(claim.ids))
    if not claim.ids:
        return result
    # The classifier reads the scoring form of each text (invisible characters, look-alike
    # letters and disguises undone); what is stored and shown stays as it was written.
    texts = scoring_texts(claim.texts)
    scored, result.reused = _score_claimed(classifier, claim, retry, texts)
    flags = truncation_flags_for(classifier, texts, scored)
    languages = detect_languages(texts)
    covered = covered_languages(classifier)
    truncated = dict(zip(claim.ids, flags, strict=True))
    now = utcnow()
    attempts = dict(zip(claim.ids, claim.attempts, strict=False))
    actor = Actor(ActorKind.classifier, f"{classifier.name} {classifier.version}"[:120])
    # The policy admins set in the UI (thresholds over the configured defaults, word lists).
    policy = load_policy(session, thresholds, kindness_threshold_of(classifier))
    # One UPDATE per row; its transition and scores are inserted together at the commit
    # (no autoflush between rows), so a batch costs about one round trip per row.
    video_urls = dict(zip(claim.ids, claim.video_urls, strict=False))
    with session.no_autoflush:
        for submission_id, text, outcome, language in zip(
            claim.ids, claim.texts, scored, languages, strict=True
        ):
            attempt = attempts.get(submission_id, 1)
            if isinstance(outcome, Exception) and retry and attempt < retry.max_attempts:
                retry_at = now + timedelta(seconds=retry.delay(attempt))
                if _release_for_retry(session, submission_id, claim, outcome, retry_at):
                    result.retried += 1
                else:
                    result.lost += 1
                continue
            if isinstance(outcome, Exception):
                result.failed += 1
            decision = route_submission(
                text,
                outcome,
                policy,
                language=language,
                covered_languages=covered,
                video_url=video_urls.get(submission_id),
            )
            values = {
                "review_kind": decision.review_kind,
                "flagged_labels": ",".join(decision.flagged_labels) or None,
                "matched_phrases": list(decision.matched) or None,
                "severity": None if isinstance(outcome, Exception) else severity(outcome),
                "scored_at": now,
                "last_error": None,
                "language": language,
                "prescores": None,
            }
            if isinstance(outcome, Exception):
                values["last_error"] = str(outcome)[:2000]
            else:
                values.update(
                    classifier_name=classifier.name,
                    classifier_version=classifier.version,
                    scoring_truncated=truncated[submission_id],
                )
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
                    public_reason=decision.public_reason,
                    claim_token=claim.token,
                    now=now,
                    extra=values,
                )
            except StaleTransition:
                # Our lease expired and another worker took the row: it is theirs to route.
                result.lost += 1
                continue
            if not isinstance(outcome, Exception):
                session.add_all(score_rows(submission_id, outcome, classifier, now))
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
    *,
    retry: RetryPolicy | None = None,
) -> BatchResult:
    """Claim one batch and score it. Returns what happened (``claimed == 0`` when idle).

    Interrupted mid-batch (KeyboardInterrupt, or a stop-now signal raised as an exception that is
    not an ``Exception``), it gives the batch back before the interruption goes on.
    """
    with session_factory() as session:
        claim = claim_pending_batch(session, batch_size, lease_seconds)
        if not claim.ids:
            return BatchResult()
        started = time.perf_counter()
        try:
            result = score_claim(session, claim, classifier, thresholds, retry)
        except BaseException as interruption:
            if not isinstance(interruption, Exception):
                _abandon(session_factory, session, claim)
            raise
    _record(claim, result, time.perf_counter() - started)
    return result


def _abandon(session_factory: Callable[[], Session], session: Session, claim: Claim) -> None:
    try:
        session.rollback()  # first let go of the row locks the unfinished batch holds
    except Exception:  # noqa: BLE001 - a broken connection: drop it
        session.invalidate()
    try:
        with session_factory() as fresh:
            released = release_claim(fresh, claim)
        log.warning("stopped mid-batch: gave back %d claimed submissions", released)
    except Exception:  # noqa: BLE001 - the lease runs out instead
        log.warning("stopped mid-batch: could not give back the claim; its lease will run out")


def _record(claim: Claim, result: BatchResult, seconds: float) -> None:
    metrics.BATCH_SIZE.observe(len(claim.ids))
    metrics.BATCH_SECONDS.observe(seconds)
    if result.reused:
        metrics.REUSED.inc(result.reused)
    for outcome in ("published", "needs_review", "rejected", "retried", "lost"):
        count = getattr(result, outcome)
        if count:
            metrics.SCORED.labels(outcome).inc(count)
    now = utcnow()
    created = dict(zip(claim.ids, claim.created, strict=False))
    for submission_id in result.outcomes:
        if submission_id in created:
            metrics.WAIT_SECONDS.observe((now - created[submission_id]).total_seconds())


def drain(
    session_factory: Callable[[], Session],
    classifier: Classifier,
    thresholds: Mapping[str, float],
    batch_size: int = 32,
    lease_seconds: float = 120.0,
    *,
    retry: RetryPolicy | None = None,
) -> BatchResult:
    """Score batches until no claimable submission is left; returns the totals.

    A row put back for a retry is not claimable until its delay has passed, so it is left
    pending for a later run.
    """
    total = BatchResult()
    while True:
        batch = score_pending_once(
            session_factory, classifier, thresholds, batch_size, lease_seconds, retry=retry
        )
        if batch.claimed == 0:
            return total
        total.claimed += batch.claimed
        total.published += batch.published
        total.needs_review += batch.needs_review
        total.rejected += batch.rejected
        total.lost += batch.lost
        total.failed += batch.failed
        total.retried += batch.retried
        total.reused += batch.reused
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
    *,
    retry: RetryPolicy | None = None,
    waiter: Callable[[float], None] | None = None,
    gather_seconds: float = 0.0,
    housekeeping: Callable[[], object] | None = None,
    housekeeping_seconds: float = 3600.0,
) -> None:
    """Score until ``stop`` is set, then return after finishing the batch in hand.

    ``housekeeping`` (retention's purge) runs at the start and then every
    ``housekeeping_seconds``, between batches; a failure of it is logged, never fatal.

    After a full batch it claims again at once; otherwise it waits ``poll_seconds`` or less:
    ``waiter`` returns early on news of a submission (a PostgreSQL LISTEN; by default the
    ``wake`` event), then ``gather_seconds`` more, so that a burst is claimed as one batch
    rather than a claim (and a transaction) per submission. A database error is logged (once
    when an outage starts, once when it ends) and retried after the poll interval: the worker
    never dies of a transient outage, and rows it held are re-claimed when their lease runs
    out.
    """
    wait = waiter or EventWaiter(wake or threading.Event())
    housekeeping_due = time.monotonic()
    while not stop.is_set():
        if housekeeping is not None and time.monotonic() >= housekeeping_due:
            try:
                housekeeping()
            except Exception:  # noqa: BLE001 - scoring goes on; the next round tries again
                log.exception("housekeeping (retention) failed")
            housekeeping_due = time.monotonic() + housekeeping_seconds
        try:
            batch = score_pending_once(
                session_factory, classifier, thresholds, batch_size, lease_seconds, retry=retry
            )
        except Exception as error:  # noqa: BLE001 - keep the loop alive through outages
            if database_unavailable(error):
                DATABASE.failed(error)
            else:
                log.exception("scoring batch failed; retrying in %.1fs", poll_seconds)
            batch = BatchResult()
        else:
            DATABASE.succeeded()
        if batch.claimed:
            log.info(
                "scored %d: %d published, %d to review, %d rejected, %d to retry, "
                "%d lost to another worker",
                batch.claimed,
                batch.published,
                batch.needs_review,
                batch.rejected,
                batch.retried,
                batch.lost,
            )
        if batch.claimed >= batch_size or stop.is_set():
            continue
        wait(poll_seconds)
        if gather_seconds > 0:
            stop.wait(gather_seconds)

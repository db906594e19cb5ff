"""Rescoring stored moments with the active classifier and policy (``flask rescore``). No Flask.

After a change of classifier, version or thresholds: what would the policy in force now do with
what is already on the wall, in the queue, or refused? Each chosen moment is scored again in its
scoring form, in batches, by the same classifier call, language rule and routing policy as the
worker (``route_submission``), and the outcome counted per current state.

* **Dry run** (default): nothing moves. The report counts, per current state, where each moment
  would now go, and lists the published moments that would now be held, with their new scores.
* **Apply**: those published moments move to review (``ReviewKind.rescored``) with a transition
  naming the run, the classifier and version and the thresholds, and their new scores. Nothing
  is ever published by a rescore (a moment a moderator rejected stays rejected; one in review
  stays for a moderator), and a moment a moderator published is left alone unless
  ``include_decided``. A classifier failure moves nothing.
* **Resumable**: progress (the last id done, the counts) is committed with each batch's moves,
  so an interrupted run carries on where it stopped (``resume_run``), with nothing counted or
  moved twice.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from ..core.lifecycle import Actor, StaleTransition, move
from ..core.policy_store import load_policy
from ..core.routing import Policy, route_submission, severity
from ..models import (
    ActorKind,
    RescoreRun,
    RescoreStatus,
    ReviewKind,
    Score,
    State,
    Submission,
    Transition,
    utcnow,
)
from .classifiers import Classifier, kindness_threshold_of
from .prepare import covered_languages, detect_languages, scoring_texts
from .worker import _score_with_isolation, score_rows

RESCORABLE = (State.published, State.needs_review, State.rejected)
HELD_LISTED = 1000  # the report lists this many held moments (all are counted)


class RescoreError(ValueError):
    """The run cannot start or resume as asked; the message says why."""


@dataclass(frozen=True)
class RescoreRequest:
    states: tuple[State, ...] = RESCORABLE
    since: datetime | None = None
    until: datetime | None = None
    apply: bool = False
    include_decided: bool = False


def policy_record(policy: Policy) -> dict:
    """The policy a run routes with, as data (stored with the run, named in its transitions)."""
    return {
        "mode": policy.mode,
        "thresholds": {k: round(float(v), 4) for k, v in sorted(policy.thresholds.items())},
        "require_kindness": policy.require_kindness,
        "kindness_threshold": round(float(policy.kindness_threshold), 4),
        "links_to_review": policy.links_to_review,
        "banned": len(policy.banned),
        "suspect": len(policy.suspect),
    }


def current_policy(session: Session, classifier: Classifier, thresholds: Mapping) -> Policy:
    return load_policy(session, thresholds, kindness_threshold_of(classifier))


def _candidates(run: RescoreRun):
    query = select(Submission.id).where(
        Submission.state.in_([State(s) for s in run.states]),
        Submission.id > run.last_id,
        Submission.purged_at.is_(None),
    )
    if run.since is not None:
        query = query.where(Submission.created_at >= run.since)
    if run.until is not None:
        query = query.where(Submission.created_at < run.until)
    return query


def remaining(session: Session, run: RescoreRun) -> int:
    return session.scalar(select(func.count()).select_from(_candidates(run).subquery())) or 0


def start_run(
    session: Session,
    request: RescoreRequest,
    classifier: Classifier,
    thresholds: Mapping[str, float],
) -> RescoreRun:
    """A new run (an unfinished earlier one is marked abandoned). Commits."""
    states = [State(s) for s in request.states]
    if not states or any(s not in RESCORABLE for s in states):
        raise RescoreError("Rescore published, needs_review or rejected moments.")
    if request.since and request.until and request.since >= request.until:
        raise RescoreError("The start of the date range must be before its end.")
    session.execute(
        update(RescoreRun)
        .where(RescoreRun.status == RescoreStatus.running)
        .values(status=RescoreStatus.abandoned, updated_at=utcnow())
    )
    policy = current_policy(session, classifier, thresholds)
    run = RescoreRun(
        status=RescoreStatus.running,
        apply=request.apply,
        include_decided=request.include_decided,
        states=[s.value for s in states],
        since=request.since,
        until=request.until,
        classifier_name=classifier.name,
        classifier_version=classifier.version,
        policy=policy_record(policy),
        last_id=0,
        checked=0,
        counts={s.value: {} for s in states},
        held=[],
    )
    session.add(run)
    session.flush()
    run.total = remaining(session, run)
    session.commit()
    return run


def unfinished_run(session: Session) -> RescoreRun | None:
    return session.scalar(
        select(RescoreRun)
        .where(RescoreRun.status == RescoreStatus.running)
        .order_by(RescoreRun.id.desc())
        .limit(1)
    )


def last_run(session: Session) -> RescoreRun | None:
    return session.scalar(select(RescoreRun).order_by(RescoreRun.id.desc()).limit(1))


def check_resumable(
    session: Session, run: RescoreRun, classifier: Classifier, thresholds: Mapping[str, float]
) -> None:
    """A run resumes only with the classifier and policy it started with (else its report
    would mix two policies)."""
    if (run.classifier_name, run.classifier_version) != (classifier.name, classifier.version):
        raise RescoreError(
            f"Run #{run.id} scored with {run.classifier_name} {run.classifier_version}, and the "
            f"active classifier is {classifier.name} {classifier.version}: start a new run."
        )
    if policy_record(current_policy(session, classifier, thresholds)) != run.policy:
        raise RescoreError(
            f"The routing settings changed since run #{run.id} started: start a new run."
        )


def _moderator_decided(session: Session, ids: list[int]) -> set[int]:
    """The ids whose current state a moderator chose (their latest transition is a moderator's)."""
    latest = (
        select(func.max(Transition.id))
        .where(Transition.submission_id.in_(ids))
        .group_by(Transition.submission_id)
    )
    return set(
        session.scalars(
            select(Transition.submission_id).where(
                Transition.id.in_(latest), Transition.actor_kind == ActorKind.moderator
            )
        )
    )


def rescore_batch(
    session: Session,
    run: RescoreRun,
    classifier: Classifier,
    policy: Policy,
    batch_size: int,
) -> int:
    """Rescore the next batch of the run; commits its moves with the run's progress. Returns
    how many were checked (0: the run is done)."""
    ids = list(session.scalars(_candidates(run).order_by(Submission.id).limit(batch_size)))
    if not ids:
        return 0
    rows = session.execute(
        select(Submission.id, Submission.text, Submission.state, Submission.video_url)
        .where(Submission.id.in_(ids))
        .order_by(Submission.id)
    ).all()
    decided = _moderator_decided(session, ids)
    texts = scoring_texts([row.text for row in rows])
    outcomes = _score_with_isolation(classifier, texts)
    languages = detect_languages(texts)
    covered = covered_languages(classifier)
    counts = copy.deepcopy(run.counts)
    held = list(run.held)
    now = utcnow()
    actor = Actor(ActorKind.classifier, f"{classifier.name} {classifier.version}"[:120])
    for row, outcome, language in zip(rows, outcomes, languages, strict=True):
        state = State(row.state)
        tally = counts.setdefault(state.value, {})
        tally["checked"] = tally.get("checked", 0) + 1
        if isinstance(outcome, Exception):
            tally["failed"] = tally.get("failed", 0) + 1
            continue
        decision = route_submission(
            row.text,
            outcome,
            policy,
            language=language,
            covered_languages=covered,
            video_url=row.video_url,
        )
        tally[decision.state.value] = tally.get(decision.state.value, 0) + 1
        by_moderator = row.id in decided
        if by_moderator:
            tally["decided"] = tally.get("decided", 0) + 1
        if state is not State.published or decision.state is State.published:
            continue
        # "moved": moved to review by this run, or (a dry run) would be.
        movable = run.include_decided or not by_moderator
        moved = movable and run.apply
        if moved:
            moved = _hold(session, run, row.id, outcome, decision, classifier, actor, now)
        if moved or (movable and not run.apply):
            tally["moved"] = tally.get("moved", 0) + 1
        if len(held) < HELD_LISTED:
            held.append(
                {
                    "id": row.id,
                    "scores": {k: round(float(v), 4) for k, v in sorted(outcome.items())},
                    "reason": decision.reason,
                    "decided": by_moderator,
                    "moved": moved,
                }
            )
        tally["held"] = tally.get("held", 0) + 1
    run.counts = counts
    run.held = held
    run.checked += len(rows)
    run.last_id = ids[-1]
    run.updated_at = now
    session.commit()
    return len(rows)


def _hold(session, run, submission_id, scores, decision, classifier, actor, now) -> bool:
    thresholds = ", ".join(f"{k} {v}" for k, v in run.policy["thresholds"].items())
    reason = (
        f"rescore #{run.id}: {decision.reason} ({classifier.name} {classifier.version}; "
        f"thresholds {thresholds}; kindness {run.policy['kindness_threshold']})"
    )
    try:
        move(
            session,
            submission_id,
            State.published,
            State.needs_review,
            actor,
            reason=reason,
            now=now,
            extra={
                "review_kind": ReviewKind.rescored,
                "flagged_labels": ",".join(decision.flagged_labels) or None,
                "matched_phrases": list(decision.matched) or None,
                "severity": severity(scores),
                "classifier_name": classifier.name,
                "classifier_version": classifier.version,
                "scored_at": now,
            },
        )
    except StaleTransition:
        return False  # a moderator moved it meanwhile: theirs to decide
    session.execute(delete(Score).where(Score.submission_id == submission_id))
    session.add_all(score_rows(submission_id, scores, classifier, now))
    return True


def run_rescore(
    session: Session,
    run: RescoreRun,
    classifier: Classifier,
    thresholds: Mapping[str, float],
    batch_size: int = 64,
    on_batch: Callable[[int], None] = lambda checked: None,
) -> RescoreRun:
    """Carry the run to its end (from where it stopped). Interrupted, it stays ``running``
    with its progress committed, for ``--resume``."""
    policy = current_policy(session, classifier, thresholds)
    while True:
        checked = rescore_batch(session, run, classifier, policy, batch_size)
        if not checked:
            break
        on_batch(checked)
    run.status = RescoreStatus.finished
    run.finished_at = run.updated_at = utcnow()
    session.commit()
    return run


def report_lines(run: RescoreRun) -> list[str]:
    """The run's report as text: per current state, where its moments would now go."""
    verb = "moved" if run.apply else "would move"
    lines = [
        f"Rescore #{run.id} ({'applied' if run.apply else 'dry run'}, {run.status.value}) with "
        f"{run.classifier_name} {run.classifier_version}: checked {run.checked} of {run.total}."
    ]
    for state, tally in run.counts.items():
        checked = tally.get("checked", 0)
        same = tally.get(state, 0)
        differently = checked - same - tally.get("failed", 0)
        outcomes = ", ".join(
            f"{tally[s.value]} {s.value}" for s in State if tally.get(s.value) and s.value != state
        )
        lines.append(
            f"  {state}: {checked} checked, {differently} would now route differently"
            + (f" ({outcomes})" if outcomes else "")
            + (f"; {tally['decided']} decided by a moderator" if tally.get("decided") else "")
            + (f"; {tally['failed']} could not be scored" if tally.get("failed") else "")
        )
    held = run.counts.get("published", {}).get("held", 0)
    if held:
        moved = run.counts.get("published", {}).get("moved", 0)
        lines.append(
            f"Published moments that would now be held: {held} ({moved} {verb} to review"
            + ("" if run.include_decided else "; moderator-approved ones left alone")
            + ")."
        )
        for entry in run.held[:50]:
            scores = ", ".join(f"{k} {v:.2f}" for k, v in entry["scores"].items())
            left = entry["decided"] and not run.include_decided
            flag = " [moderator-approved, left alone]" if left else ""
            lines.append(f"  #{entry['id']}: {scores} — {entry['reason']}{flag}")
        if held > 50:
            lines.append(f"  ... {held - 50} more (all of them on /moderate/rescore)")
    return lines

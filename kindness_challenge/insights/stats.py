"""Statistics for the moderators' stats page: plain queries over a Session, returning dataclasses.

Days are UTC calendar days; a period is the last N of them, today included. Counting happens in
SQL (GROUP BY day); percentiles and the per-label split of flags happen in Python over bounded
result sets (one row per decision of the period).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session, aliased

from ..i18n import lm_
from ..models import ActorKind, State, Submission, Transition, utcnow
from .queries import flagged_by_threshold, is_decision, standing_decisions, utc_day, was_undone

PERIODS = (7, 30, 90)
DEFAULT_PERIOD = 30
# Where the submissions of a day are now, in the order the stacked bars draw them.
OUTCOMES: dict[str, str] = {
    "published_classifier": lm_("Published by the classifier"),
    "published_moderator": lm_("Published by a moderator"),
    "needs_review": lm_("In review"),
    "rejected": lm_("Rejected"),
    "pending": lm_("Waiting to be scored"),
}


@dataclass(frozen=True)
class Period:
    days: int
    first: date
    last: date

    @property
    def since(self) -> datetime:
        return datetime.combine(self.first, time.min, tzinfo=UTC)

    @property
    def until(self) -> datetime:
        return datetime.combine(self.last + timedelta(days=1), time.min, tzinfo=UTC)

    @property
    def dates(self) -> list[date]:
        return [self.first + timedelta(days=i) for i in range(self.days)]

    def contains(self, column):
        return and_(column >= self.since, column < self.until)


def period_ending(days: int, now: datetime | None = None) -> Period:
    """The last ``days`` UTC days, today included."""
    today = (now or utcnow()).astimezone(UTC).date()
    return Period(days, today - timedelta(days=days - 1), today)


@dataclass(frozen=True)
class DayOutcomes:
    day: date
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


@dataclass(frozen=True)
class Rates:
    """How routing (classifier and word lists) and then moderators dealt with the period."""

    auto_published: int = 0
    sent_to_review: int = 0
    rejected_at_once: int = 0
    approved: int = 0
    rejected_by_moderator: int = 0
    undone: int = 0  # decisions withdrawn by an undo: in neither approved nor rejected

    @property
    def routed(self) -> int:
        return self.auto_published + self.sent_to_review + self.rejected_at_once

    @property
    def decided(self) -> int:
        return self.approved + self.rejected_by_moderator


@dataclass(frozen=True)
class QueueDay:
    day: date
    entered: int
    left: int
    size: int  # in review at the end of the day


@dataclass(frozen=True)
class DecisionTimes:
    """Time from entering review to a moderator's decision, in seconds (decisions that were
    undone are left out: the item went back to the queue)."""

    count: int
    median: float | None
    p90: float | None


@dataclass(frozen=True)
class ModeratorDecisions:
    moderator: str
    approved: int
    rejected: int
    undone: int = 0  # decisions this moderator (or an admin) withdrew with undo

    @property
    def total(self) -> int:
        """Decisions that were not undone."""
        return self.approved + self.rejected


@dataclass(frozen=True)
class LabelAgreement:
    """Items a label's threshold sent to review, and what moderators then decided."""

    label: str
    approved: int  # the moderator overruled the flag
    rejected: int  # the moderator agreed with it

    @property
    def total(self) -> int:
        return self.approved + self.rejected

    @property
    def agreement(self) -> float | None:
        return share(self.rejected, self.total)


@dataclass(frozen=True)
class Stats:
    period: Period
    per_day: list[DayOutcomes]
    rates: Rates
    queue: list[QueueDay]
    decision_times: DecisionTimes
    per_moderator: list[ModeratorDecisions]
    agreement: list[LabelAgreement] = field(default_factory=list)
    agreement_overall: LabelAgreement = LabelAgreement("any label", 0, 0)

    @property
    def outcome_totals(self) -> dict[str, int]:
        return {key: sum(day.counts[key] for day in self.per_day) for key in OUTCOMES}

    @property
    def submitted(self) -> int:
        return sum(day.total for day in self.per_day)

    @property
    def busiest_day(self) -> DayOutcomes | None:
        busiest = max(self.per_day, key=lambda day: day.total, default=None)
        return busiest if busiest and busiest.total else None


def percentile(values: Sequence[float], q: float) -> float | None:
    """Linear interpolation between closest ranks (PostgreSQL's percentile_cont)."""
    if not values:
        return None
    ordered = sorted(values)
    position = (len(ordered) - 1) * q
    low = math.floor(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def outcomes_per_day(session: Session, period: Period) -> list[DayOutcomes]:
    """Submissions created each day, by where they are now."""
    last_publisher = (
        select(Transition.actor_kind)
        .where(Transition.submission_id == Submission.id, Transition.to_state == State.published)
        .order_by(Transition.id.desc())
        .limit(1)
        .correlate(Submission)
        .scalar_subquery()
    )
    per_submission = (
        select(
            utc_day(session, Submission.created_at).label("day"),
            Submission.state.label("state"),
            case((Submission.state == State.published, last_publisher)).label("publisher"),
        )
        .where(period.contains(Submission.created_at))
        .subquery()
    )
    c = per_submission.c
    rows = session.execute(
        select(c.day, c.state, c.publisher, func.count()).group_by(c.day, c.state, c.publisher)
    )
    counts: dict[date, Counter] = {day: Counter() for day in period.dates}
    for day, state, publisher, count in rows:
        outcome = State(state).value
        if outcome == State.published:
            by_moderator = publisher is not None and ActorKind(publisher) is ActorKind.moderator
            outcome = "published_moderator" if by_moderator else "published_classifier"
        counts.setdefault(date.fromisoformat(str(day)[:10]), Counter())[outcome] += count
    return [DayOutcomes(day, {key: counts[day][key] for key in OUTCOMES}) for day in period.dates]


def rates(session: Session, period: Period) -> Rates:
    routed = dict(
        session.execute(
            select(Transition.to_state, func.count())
            .where(Transition.from_state == State.pending, period.contains(Transition.created_at))
            .group_by(Transition.to_state)
        ).all()
    )
    decided = dict(
        session.execute(
            select(Transition.to_state, func.count())
            .where(is_decision(), ~was_undone(), period.contains(Transition.created_at))
            .group_by(Transition.to_state)
        ).all()
    )
    undone = session.scalar(
        select(func.count())
        .select_from(Transition)
        .where(is_decision(), was_undone(), period.contains(Transition.created_at))
    )
    return Rates(
        auto_published=routed.get(State.published, 0),
        sent_to_review=routed.get(State.needs_review, 0),
        rejected_at_once=routed.get(State.rejected, 0),
        approved=decided.get(State.published, 0),
        rejected_by_moderator=decided.get(State.rejected, 0),
        undone=undone or 0,
    )


def queue_over_time(session: Session, period: Period) -> list[QueueDay]:
    """The review queue each day: moves into review, moves out of it, and its size at day's end."""
    entering = case((Transition.to_state == State.needs_review, 1), else_=0)
    leaving = case((Transition.from_state == State.needs_review, 1), else_=0)
    touches_review = or_(
        Transition.to_state == State.needs_review, Transition.from_state == State.needs_review
    )
    before = session.execute(
        select(func.coalesce(func.sum(entering), 0), func.coalesce(func.sum(leaving), 0)).where(
            touches_review, Transition.created_at < period.since
        )
    ).one()
    day = utc_day(session, Transition.created_at).label("day")
    moves = {
        date.fromisoformat(str(row.day)[:10]): (int(row.entered), int(row.left))
        for row in session.execute(
            select(day, func.sum(entering).label("entered"), func.sum(leaving).label("left"))
            .where(touches_review, period.contains(Transition.created_at))
            .group_by(day)
        )
    }
    size = int(before[0]) - int(before[1])
    result = []
    for each in period.dates:
        entered, left = moves.get(each, (0, 0))
        size += entered - left
        result.append(QueueDay(each, entered, left, size))
    return result


def decision_times(session: Session, period: Period) -> DecisionTimes:
    """Each decision of the period, measured from its item's latest move into review."""
    entry = aliased(Transition)
    entered_at = (
        select(func.max(entry.created_at))
        .where(
            entry.submission_id == Transition.submission_id,
            entry.to_state == State.needs_review,
            entry.id < Transition.id,
        )
        .correlate(Transition)
        .scalar_subquery()
    )
    rows = session.execute(
        select(Transition.created_at, entered_at).where(
            is_decision(), ~was_undone(), period.contains(Transition.created_at)
        )
    )
    seconds = [
        (decided - entered).total_seconds() for decided, entered in rows if entered is not None
    ]
    return DecisionTimes(len(seconds), percentile(seconds, 0.5), percentile(seconds, 0.9))


def decisions_per_moderator(session: Session, period: Period) -> list[ModeratorDecisions]:
    """Each moderator's decisions of the period: approved and rejected (those not undone), and
    undone (counted apart, whoever undid them)."""
    counts: dict[str, Counter] = {}
    for undone in (False, True):
        rows = session.execute(
            select(Transition.actor, Transition.to_state, func.count())
            .where(
                is_decision(),
                was_undone() if undone else ~was_undone(),
                period.contains(Transition.created_at),
            )
            .group_by(Transition.actor, Transition.to_state)
        )
        for actor, to_state, count in rows:
            counts.setdefault(actor, Counter())["undone" if undone else State(to_state)] += count
    result = [
        ModeratorDecisions(name, c[State.published], c[State.rejected], c["undone"])
        for name, c in counts.items()
    ]
    return sorted(result, key=lambda m: (-m.total, -m.undone, m.moderator))


def agreement(session: Session, period: Period) -> tuple[list[LabelAgreement], LabelAgreement]:
    """Of the items a threshold sent to review and a moderator decided in the period (decisions
    that still stand): how many were approved and rejected, per flagged label and overall."""
    rows = session.execute(
        standing_decisions()
        .add_columns(Submission.flagged_labels)
        .where(period.contains(Transition.created_at), flagged_by_threshold())
    )
    per_label: dict[str, Counter] = {}
    overall: Counter = Counter()
    for _, to_state, _, flagged in rows:
        outcome = State(to_state)
        overall[outcome] += 1
        for label in filter(None, (flagged or "").split(",")):
            per_label.setdefault(label.strip(), Counter())[outcome] += 1
    labels = [
        LabelAgreement(label, c[State.published], c[State.rejected])
        for label, c in sorted(per_label.items())
    ]
    return labels, LabelAgreement("any label", overall[State.published], overall[State.rejected])


def collect(session: Session, days: int = DEFAULT_PERIOD, now: datetime | None = None) -> Stats:
    """Every figure of the stats page for the last ``days`` UTC days."""
    period = period_ending(days, now)
    labels, overall = agreement(session, period)
    return Stats(
        period=period,
        per_day=outcomes_per_day(session, period),
        rates=rates(session, period),
        queue=queue_over_time(session, period),
        decision_times=decision_times(session, period),
        per_moderator=decisions_per_moderator(session, period),
        agreement=labels,
        agreement_overall=overall,
    )


def format_duration(seconds: float | None) -> str:
    """``45 s``, ``12 min``, ``3 h 20 min``, ``2 d 4 h``; a dash when there is nothing."""
    if seconds is None:
        return "—"
    seconds = round(seconds)
    if seconds < 60:
        return f"{seconds} s"
    minutes = round(seconds / 60)
    if minutes < 60:
        return f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    if hours < 24:
        return f"{hours} h {minutes} min" if minutes else f"{hours} h"
    days, hours = divmod(hours, 24)
    return f"{days} d {hours} h" if hours else f"{days} d"

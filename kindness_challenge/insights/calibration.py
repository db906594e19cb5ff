"""Calibration: what other thresholds would have done, from labelled examples.

The examples are either past moderator decisions (approved = harmless, rejected = harmful) or a
JSON Lines file of labelled texts (``toxic`` / ``ok``, the format of moderation-dev). For one
label and a threshold t, a harmful item scoring below t would have been auto-published (missed)
and a harmless one scoring t or more would have been sent to review needlessly.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models import Score, State
from .queries import standing_decisions

GRID: tuple[float, ...] = tuple(round(0.05 * i, 2) for i in range(1, 20))  # 0.05 .. 0.95
Z_95 = 1.959963984540054


@dataclass(frozen=True)
class Interval:
    """k of n, with a Wilson score interval (sound near 0 %, 100 % and for small n)."""

    k: int
    n: int
    low: float | None
    high: float | None

    @property
    def rate(self) -> float | None:
        return self.k / self.n if self.n else None


def wilson(k: int, n: int, z: float = Z_95) -> Interval:
    if n == 0:
        return Interval(k, n, None, None)
    p = k / n
    denominator = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denominator
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denominator
    return Interval(k, n, max(0.0, centre - half), min(1.0, centre + half))


@dataclass(frozen=True)
class Sample:
    """One label's scores of harmful and of harmless examples."""

    harmful: list[float]
    harmless: list[float]


@dataclass(frozen=True)
class ThresholdRow:
    threshold: float
    missed: int  # harmful items scoring below the threshold: auto-published
    harmful: int
    needless: int  # harmless items scoring at or above it: reviewed for nothing
    harmless: int
    current: bool = False

    @property
    def missed_share(self) -> float | None:
        return self.missed / self.harmful if self.harmful else None

    @property
    def needless_share(self) -> float | None:
        return self.needless / self.harmless if self.harmless else None


def threshold_grid(current: float | None = None) -> list[float]:
    """0.05 to 0.95 in steps of 0.05, plus the current threshold."""
    grid = set(GRID)
    if current is not None:
        grid.add(current)
    return sorted(grid)


def sweep(
    sample: Sample,
    thresholds: Iterable[float],
    current: float | None = None,
    *,
    publish_at_or_above: bool = False,
) -> list[ThresholdRow]:
    """Per threshold: harmful items below it (missed) and harmless items at or above it.

    ``publish_at_or_above`` is for a label whose high scores are the good ones (kindness): an
    item scoring at or over the threshold passes, so a harmful one there is missed and a
    harmless one under it is reviewed for nothing.
    """

    def passes(score: float, t: float) -> bool:
        return score >= t if publish_at_or_above else score < t

    return [
        ThresholdRow(
            threshold=t,
            missed=sum(1 for score in sample.harmful if passes(score, t)),
            harmful=len(sample.harmful),
            needless=sum(1 for score in sample.harmless if not passes(score, t)),
            harmless=len(sample.harmless),
            current=current is not None and t == current,
        )
        for t in thresholds
    ]


@dataclass(frozen=True)
class DecidedSamples:
    """Scores of items moderators decided, per label, from one classifier."""

    by_label: dict[str, Sample]
    items: int  # decided items with scores from this classifier
    other_classifiers: int  # decided items scored only by another classifier (left out)


def decided_samples(
    session: Session, classifier_name: str, classifier_version: str
) -> DecidedSamples:
    """Standing moderator decisions with this classifier's scores: approved items are harmless,
    rejected ones harmful. Only reviewed items count, so what auto-publishing let through
    unnoticed is not in the sample."""
    decided = standing_decisions().subquery()
    rows = session.execute(
        select(
            decided.c.submission_id,
            decided.c.to_state,
            Score.label,
            Score.probability,
            Score.classifier_name,
            Score.classifier_version,
        )
        .join(Score, Score.submission_id == decided.c.submission_id)
        .order_by(Score.id)
    )
    latest: dict[tuple[int, str], tuple[State, float]] = {}
    scored_elsewhere: set[int] = set()
    for submission_id, to_state, label, probability, name, version in rows:
        if (name, version) == (classifier_name, classifier_version):
            latest[(submission_id, label)] = (State(to_state), probability)
        else:
            scored_elsewhere.add(submission_id)
    by_label: dict[str, Sample] = {}
    for (_, label), (outcome, probability) in sorted(latest.items()):
        sample = by_label.setdefault(label, Sample([], []))
        (sample.harmful if outcome is State.rejected else sample.harmless).append(probability)
    items = {submission_id for submission_id, _ in latest}
    return DecidedSamples(by_label, len(items), len(scored_elsewhere - items))


# --- Labelled files (moderation-dev's JSON Lines) ------------------------------------------

LABELS = ("toxic", "ok")


@dataclass(frozen=True)
class LabelledText:
    text: str
    label: str  # "toxic" or "ok"
    source: str
    category: str | None = None


def source_name(source: str | None) -> str:
    """``owner/repo@commit:path`` -> ``owner/repo``: one group per dataset, not per file."""
    if not source:
        return "(no source)"
    return source.split("@", 1)[0].split(":", 1)[0]


def read_labelled(paths: Sequence[Path]) -> list[LabelledText]:
    """Rows of JSON Lines files; a malformed row raises ValueError naming its file and line."""
    rows = []
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                    text, label = row["text"], row["label"]
                except (ValueError, KeyError, TypeError) as error:
                    raise ValueError(f"{path}:{number}: not a labelled row ({error})") from None
                if label not in LABELS or not isinstance(text, str):
                    raise ValueError(f"{path}:{number}: label must be 'toxic' or 'ok'")
                rows.append(
                    LabelledText(text, label, source_name(row.get("source")), row.get("category"))
                )
    return rows


def sample_of(rows: Sequence[LabelledText], scores: Sequence[float]) -> Sample:
    sample = Sample([], [])
    for row, score in zip(rows, scores, strict=True):
        (sample.harmful if row.label == "toxic" else sample.harmless).append(score)
    return sample


@dataclass(frozen=True)
class PolicyResult:
    """At the policy in force: toxic rows held back (recall) and ok rows held back (false flags).

    Held back means not published: sent to review or rejected."""

    source: str
    recall: Interval
    false_flags: Interval


def policy_results(rows: Sequence[LabelledText], published: Sequence[bool]) -> list[PolicyResult]:
    """Per source (sorted), then all sources together as ``"all sources"``."""
    groups: dict[str, list[tuple[LabelledText, bool]]] = {}
    for row, was_published in zip(rows, published, strict=True):
        groups.setdefault(row.source, []).append((row, was_published))
    groups_sorted = sorted(groups.items())
    if len(groups_sorted) != 1:
        groups_sorted.append(("all sources", list(zip(rows, published, strict=True))))
    results = []
    for source, members in groups_sorted:
        toxic = [p for row, p in members if row.label == "toxic"]
        ok = [p for row, p in members if row.label == "ok"]
        results.append(
            PolicyResult(
                source,
                wilson(sum(1 for p in toxic if not p), len(toxic)),
                wilson(sum(1 for p in ok if not p), len(ok)),
            )
        )
    return results

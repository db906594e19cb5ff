"""``flask calibrate``: score labelled texts with the active classifier and compare thresholds."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy.exc import DatabaseError

from ..core.policy_store import load_policy
from ..core.routing import KINDNESS_LABEL, Policy, route_submission
from ..extensions import db
from ..insights.calibration import (
    Interval,
    LabelledText,
    PolicyResult,
    ThresholdRow,
    policy_results,
    read_labelled,
    sample_of,
    sweep,
    threshold_grid,
)
from ..models import State
from ..scoring.classifiers import Classifier
from ..scoring.prepare import covered_languages, detect_languages, scoring_texts
from ..services import get_scorer


def score_in_batches(
    classifier: Classifier, texts: Sequence[str], batch_size: int
) -> list[dict[str, float]]:
    scores: list[dict[str, float]] = []
    for start in range(0, len(texts), batch_size):
        scores += classifier.score_batch(list(texts[start : start + batch_size]))
    if len(scores) != len(texts):
        raise click.ClickException(
            f"the classifier returned {len(scores)} results for {len(texts)} texts"
        )
    return scores


def _count(part: int, whole: int) -> str:
    """``  12/581    2.1%``, or a dash when there is nothing to count (14 characters wide)."""
    if not whole:
        return f"{'—':>14}"
    return f"{part:5d}/{whole:<4d}{100 * part / whole:5.1f}%"


def _interval(interval: Interval) -> str:
    """``  16/181    8.8%  [ 5.5, 13.9]``: k/n, rate and 95% Wilson interval (30 wide)."""
    if not interval.n:
        return f"{'—':>14}{'':16}"
    low, high = 100 * interval.low, 100 * interval.high
    return f"{_count(interval.k, interval.n)}  [{low:4.1f}, {high:5.1f}]"


def sweep_lines(title: str, rows: Sequence[ThresholdRow]) -> list[str]:
    lines = [title, "  threshold   toxic auto-published (missed)   ok sent to review"]
    for row in rows:
        mark = "*" if row.current else " "
        lines.append(
            f"  {mark} {row.threshold:.2f}     {_count(row.missed, row.harmful)}"
            f"{'':19}{_count(row.needless, row.harmless)}"
        )
    return lines


def policy_lines(policy: Policy, labels: Sequence[str], results: Sequence[PolicyResult]):
    thresholds = ", ".join(
        f"{label} {policy.thresholds[label]:.2f}" for label in labels if label in policy.thresholds
    )
    width = max(len(r.source) for r in results)
    return [
        f"At the current policy ({policy.mode} mode; thresholds: {thresholds or 'none'}; "
        f"{len(policy.banned)} banned, {len(policy.suspect)} suspect phrases; links to review "
        f"{'on' if policy.links_to_review else 'off'}; {kindness_rule(policy, labels)}).",
        "Held back = sent to review or rejected. Rates with 95% Wilson intervals.",
        f"  {'source':<{width}}  {'toxic recall (held back)':<30}    ok false flags (held back)",
    ] + [
        f"  {r.source:<{width}}  {_interval(r.recall)}    {_interval(r.false_flags)}".rstrip()
        for r in results
    ]


def kindness_rule(policy: Policy, labels: Sequence[str]) -> str:
    if not policy.require_kindness:
        return "kindness not required"
    if KINDNESS_LABEL not in labels:
        return "kindness required, but not scored by this classifier"
    return f"published only at kindness {policy.kindness_threshold:.2f} or more"


@click.command("calibrate")
@with_appcontext
@click.argument(
    "files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option("--label", default="toxicity", show_default=True, help="The label to sweep.")
@click.option("--by-source", is_flag=True, help="Also sweep the thresholds for each source.")
@click.option("--batch-size", type=click.IntRange(1, 4096), default=256, show_default=True)
def calibrate_command(files: tuple[Path, ...], label: str, by_source: bool, batch_size: int):
    """Score labelled JSON Lines FILES ("toxic"/"ok", as in moderation-dev) with the active
    classifier; print what each threshold would miss and flag, and the current policy's recall
    and false-flag rate per source with 95% Wilson intervals."""
    scorer = get_scorer(current_app)
    try:
        rows: list[LabelledText] = read_labelled(files)
    except ValueError as error:
        raise click.ClickException(str(error)) from None
    if not rows:
        raise click.ClickException("no labelled rows in those files")
    toxic = sum(1 for row in rows if row.label == "toxic")
    click.echo(
        f"Scoring {len(rows)} rows ({toxic} toxic, {len(rows) - toxic} ok) from "
        f"{len(files)} file(s) with {scorer.classifier.description}."
    )
    texts = [row.text for row in rows]
    # As the scoring worker does: the scoring form of each text, and its language.
    forms = scoring_texts(texts)
    scores = score_in_batches(scorer.classifier, forms, batch_size)
    languages = detect_languages(forms)
    covered = covered_languages(scorer.classifier)
    labels = sorted({name for score in scores for name in score})
    if label not in labels:
        raise click.ClickException(
            f"the active classifier gives no {label!r} score (it gives: {', '.join(labels)})"
        )
    try:
        policy = load_policy(db.session, scorer.thresholds, scorer.kindness_threshold)
    except DatabaseError as error:
        db.session.rollback()
        click.echo(
            f"No stored policy could be read ({type(error).__name__}; has `flask db upgrade` "
            "run?): using the configured thresholds with no word lists.",
            err=True,
        )
        policy = Policy(thresholds=dict(scorer.thresholds))
    kindness = label == KINDNESS_LABEL
    if kindness:
        current = policy.kindness_threshold if policy.require_kindness else None
    else:
        current = policy.thresholds.get(label)
    grid = threshold_grid(current)
    label_scores = [score[label] for score in scores]
    marked = f"; * = current threshold {current:.2f}" if current is not None else ""
    click.echo()
    click.echo(
        "\n".join(
            sweep_lines(
                f"Label {label}, all sources{marked}:",
                sweep(sample_of(rows, label_scores), grid, current, publish_at_or_above=kindness),
            )
        )
    )
    if by_source:
        for source in sorted({row.source for row in rows}):
            picked = [(r, s) for r, s in zip(rows, label_scores, strict=True) if r.source == source]
            sample = sample_of([r for r, _ in picked], [s for _, s in picked])
            click.echo()
            rows_of_source = sweep(sample, grid, current, publish_at_or_above=kindness)
            lines = sweep_lines(f"Label {label}, {source}:", rows_of_source)
            click.echo("\n".join(lines))
    published = [
        route_submission(
            row.text, score, policy, language=language, covered_languages=covered
        ).state
        is State.published
        for row, score, language in zip(rows, scores, languages, strict=True)
    ]
    click.echo()
    click.echo("\n".join(policy_lines(policy, labels, policy_results(rows, published))))

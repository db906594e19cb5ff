"""``flask rescore``: what the active classifier and policy would now do with stored moments."""

from __future__ import annotations

import sys
from datetime import UTC, datetime

import click
from flask import current_app
from flask.cli import with_appcontext

from ..extensions import db
from ..models import State
from ..scoring.rescore import (
    RESCORABLE,
    RescoreError,
    RescoreRequest,
    check_resumable,
    remaining,
    report_lines,
    run_rescore,
    start_run,
    unfinished_run,
)
from ..services import get_scorer


def _day_or_time(value: str | None, param: str) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(
            "a date (2026-12-01) or date and time, UTC", param_hint=param
        ) from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


@click.command("rescore")
@with_appcontext
@click.option(
    "--state",
    "states",
    multiple=True,
    type=click.Choice([s.value for s in RESCORABLE]),
    help="Current states to rescore (repeatable) [all three].",
)
@click.option("--since", help="Only moments submitted at or after this (UTC date or time).")
@click.option("--until", help="Only moments submitted before this (UTC date or time).")
@click.option(
    "--apply",
    is_flag=True,
    help="Move the published moments that would now be held to review. Without it: a dry run.",
)
@click.option(
    "--include-decided",
    is_flag=True,
    help="Also move moments a moderator published (left alone by default).",
)
@click.option("--resume", is_flag=True, help="Carry on the last interrupted run.")
@click.option("--batch-size", type=click.IntRange(1, 1024), default=64, show_default=True)
def rescore_command(states, since, until, apply, include_decided, resume, batch_size) -> None:
    """Rescore stored moments with the active classifier and routing policy.

    Reports, per current state, how many would now route differently, and lists the published
    moments that would now be held. Nothing is ever published by a rescore.
    """
    app = current_app._get_current_object()
    scorer = get_scorer(app)
    classifier = scorer.classifier
    session = db.session
    try:
        if resume:
            run = unfinished_run(session)
            if run is None:
                raise click.ClickException("There is no interrupted run to resume.")
            check_resumable(session, run, classifier, scorer.thresholds)
            click.echo(f"Resuming rescore #{run.id} after #{run.last_id}.")
        else:
            earlier = unfinished_run(session)
            if earlier is not None:
                click.echo(f"Run #{earlier.id} was interrupted; starting a new one instead.")
            request = RescoreRequest(
                tuple(State(s) for s in states) or RESCORABLE,
                _day_or_time(since, "--since"),
                _day_or_time(until, "--until"),
                apply,
                include_decided,
            )
            run = start_run(session, request, classifier, scorer.thresholds)
    except RescoreError as error:
        raise click.ClickException(str(error)) from None
    click.echo(
        f"Rescoring with {classifier.description}"
        + (" (applying)." if run.apply else " (dry run: nothing moves; --apply to move).")
    )
    todo = remaining(session, run)
    try:
        with click.progressbar(
            length=todo, label="Rescoring", show_pos=True, file=sys.stderr
        ) as bar:
            run_rescore(session, run, classifier, scorer.thresholds, batch_size, bar.update)
    except KeyboardInterrupt:
        session.rollback()
        click.echo(
            f"\nInterrupted after #{run.last_id}: `flask --app wsgi rescore --resume` carries on.",
            err=True,
        )
        raise SystemExit(130) from None
    for line in report_lines(run):
        click.echo(line)

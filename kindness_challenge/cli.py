"""Flask commands: moderator accounts, and the scoring worker as a separate process."""

from __future__ import annotations

import signal
import threading

import click
from flask import Flask, current_app
from flask.cli import with_appcontext

from .accounts import ROLES, AccountError, create_moderator
from .extensions import db
from .scorer import get_scorer


@click.command("create-moderator")
@with_appcontext
@click.argument("username")
@click.option("--role", type=click.Choice(ROLES), default="moderator", show_default=True)
@click.password_option(envvar="KINDNESS_NEW_MODERATOR_PASSWORD", help="Asked for if not given.")
def create_moderator_command(username: str, role: str, password: str) -> None:
    """Create a moderator account (password hashed with scrypt)."""
    try:
        moderator = create_moderator(db.session, username, password, role)
    except AccountError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Created {moderator.role} {moderator.username!r}.")


@click.command("score-worker")
@with_appcontext
@click.option("--once", is_flag=True, help="Score everything pending now, then exit.")
@click.option("--batch-size", type=click.IntRange(1, 1024), default=None)
@click.option("--lease", "lease_seconds", type=click.FloatRange(1), default=None)
@click.option("--poll", "poll_seconds", type=click.FloatRange(0.05), default=None)
def score_worker_command(once, batch_size, lease_seconds, poll_seconds) -> None:
    """Claim and score pending submissions (stops cleanly on SIGTERM or Ctrl-C)."""
    scorer = get_scorer(current_app)
    if batch_size:
        scorer.batch_size = batch_size
    if lease_seconds:
        scorer.lease_seconds = lease_seconds
    if poll_seconds:
        scorer.poll_seconds = poll_seconds
    click.echo(f"Scoring with {scorer.classifier.description}.")
    if once:
        result = scorer.drain()
        click.echo(
            f"Scored {result.claimed}: {result.published} published, "
            f"{result.needs_review} to review."
        )
        return
    stop = threading.Event()

    def request_stop(signum, frame):
        click.echo("Stopping after the current batch…")
        stop.set()
        scorer.wake.set()

    signal.signal(signal.SIGTERM, request_stop)
    signal.signal(signal.SIGINT, request_stop)
    scorer.run_forever(stop)
    click.echo("Worker stopped.")


def register_commands(app: Flask) -> None:
    app.cli.add_command(create_moderator_command)
    app.cli.add_command(score_worker_command)

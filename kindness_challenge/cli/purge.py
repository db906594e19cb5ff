"""``flask purge``: delete what is past the retention period (a dry run unless --apply)."""

from __future__ import annotations

import click
from flask import current_app
from flask.cli import with_appcontext

from ..core.retention import purge
from ..extensions import db


@click.command("purge")
@with_appcontext
@click.option(
    "--days",
    type=click.IntRange(1),
    default=None,
    help="Retention period in days [RETENTION_DAYS].",
)
@click.option("--apply", is_flag=True, help="Delete. Without it: count what would be deleted.")
def purge_command(days, apply) -> None:
    """Delete rejected moments' texts, client hashes and resolved reports' details older than
    the retention period. The audit log keeps who decided what and when, without the text."""
    days = days or int(current_app.config["RETENTION_DAYS"] or 0)
    if not days:
        raise click.ClickException(
            "Retention is off (RETENTION_DAYS is 0); say --days N to purge anyway."
        )
    result = purge(db.session, days, apply=apply)
    for line in result.lines(days, apply):
        click.echo(line)
    if not apply:
        click.echo("Dry run: nothing was deleted. Run again with --apply to delete.")

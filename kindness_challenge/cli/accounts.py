"""``flask create-moderator``: moderator and admin accounts from the command line."""

from __future__ import annotations

import click
from flask.cli import with_appcontext
from sqlalchemy import func, select

from ..core.accounts import ROLES, AccountError, create_moderator, set_password
from ..extensions import db
from ..models import Moderator


@click.command("create-moderator")
@with_appcontext
@click.argument("username")
@click.option(
    "--role",
    type=click.Choice(ROLES),
    default=None,
    help="Default: admin for the first account (someone must manage the others), else moderator.",
)
@click.password_option(envvar="KINDNESS_NEW_MODERATOR_PASSWORD", help="Asked for if not given.")
def create_moderator_command(username: str, role: str | None, password: str) -> None:
    """Create a moderator account (password hashed with scrypt). The first account is an admin
    unless --role says otherwise."""
    first = db.session.scalar(select(func.count()).select_from(Moderator)) == 0
    chosen = role or ("admin" if first else "moderator")
    try:
        moderator = create_moderator(db.session, username, password, chosen)
    except AccountError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Created {moderator.role} {moderator.username!r}.")
    if first and role is None:
        click.echo("This is the first account, so it is an admin: it can create the others.")
    elif first:
        click.echo(
            "There is no admin yet: settings, word lists and accounts need one "
            "(create-moderator NAME --role admin)."
        )


@click.command("set-password")
@with_appcontext
@click.argument("username")
@click.password_option(envvar="KINDNESS_NEW_MODERATOR_PASSWORD", help="Asked for if not given.")
def set_password_command(username: str, password: str) -> None:
    """Give an account a new password; every session it has ends."""
    try:
        moderator = set_password(db.session, username, password)
    except AccountError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"New password set for {moderator.username!r}; its sessions have ended.")

"""``flask create-moderator``: moderator and admin accounts from the command line."""

from __future__ import annotations

import click
from flask.cli import with_appcontext

from ..core.accounts import ROLES, AccountError, create_moderator, set_password
from ..extensions import db


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

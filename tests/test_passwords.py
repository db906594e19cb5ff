"""Passwords: a moderator changes their own; an admin resets another's, which must then be
changed at the next login; the first account made on the command line is an admin."""

import pytest
from sqlalchemy import select

from kindness_challenge.core.accounts import authenticate
from kindness_challenge.extensions import db
from kindness_challenge.models import AuditEvent, Moderator

from conftest import MODERATOR_PASSWORD, ModeratorActions

NEW = "a-brand-new-kind-password"
TEMPORARY = "temporary-password-1"


def account(app, name="mod") -> Moderator:
    with app.app_context():
        return db.session.scalar(select(Moderator).where(Moderator.username == name))


def change(client, current=MODERATOR_PASSWORD, new=NEW, confirm=None):
    return client.post(
        "/moderate/account/password",
        data={"current": current, "new": new, "confirm": new if confirm is None else confirm},
    )


def test_change_own_password_keeps_this_session_and_ends_the_others(app, client, moderator):
    other = app.test_client()
    ModeratorActions(app, other).login()
    assert other.get("/moderate/").status_code == 200
    page = client.get("/moderate/account/password")
    assert page.status_code == 200 and "Change your password" in page.get_data(as_text=True)

    response = change(client)
    assert response.status_code == 302 and response.headers["Location"] == "/moderate/"
    assert client.get("/moderate/").status_code == 200  # this session goes on
    assert other.get("/moderate/").status_code == 302  # the other device is logged out
    with app.app_context():
        assert authenticate(db.session, "mod", NEW) is not None
        assert authenticate(db.session, "mod", MODERATOR_PASSWORD) is None
        actions = db.session.scalars(select(AuditEvent.action)).all()
    assert "password_change" in actions


@pytest.mark.parametrize(
    ("current", "new", "confirm", "message"),
    [
        ("wrong-password-here", NEW, None, "That is not your current password."),
        (MODERATOR_PASSWORD, "short", None, "Passwords need 10 to 200 characters."),
        (MODERATOR_PASSWORD, NEW, NEW + "x", "The two new passwords differ."),
        (MODERATOR_PASSWORD, MODERATOR_PASSWORD, None, "different from the current one"),
        ("", NEW, None, "Type your current password."),
    ],
)
def test_bad_password_changes_are_refused_in_place(
    app, client, moderator, current, new, confirm, message
):
    response = change(client, current, new, confirm)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    with app.app_context():
        assert authenticate(db.session, "mod", MODERATOR_PASSWORD) is not None


def test_admin_resets_a_password_which_must_be_changed_at_next_login(app, client):
    admin = ModeratorActions(app, client)
    admin.create("boss", role="admin")
    admin.create("mod")
    admin.login("boss")
    mod_client = app.test_client()
    ModeratorActions(app, mod_client).login("mod")
    target = account(app, "mod")

    response = client.post(
        f"/moderate/accounts/{target.id}/reset-password",
        data={f"r{target.id}-temporary": TEMPORARY},
        follow_redirects=True,
    )
    assert "Password of &#39;mod&#39; reset" in response.get_data(as_text=True)
    assert mod_client.get("/moderate/").status_code == 302  # its sessions ended
    assert account(app, "mod").must_change_password
    with app.app_context():
        event = db.session.scalars(
            select(AuditEvent).where(AuditEvent.action == "password_reset")
        ).one()
    assert event.actor == "boss" and event.subject == "account mod"
    assert TEMPORARY not in str(event.after) + str(event.note)

    # With the temporary password every page leads to the change, until it is made.
    assert ModeratorActions(app, mod_client).login("mod", TEMPORARY).status_code == 302
    for path in ("/moderate/", "/moderate/stats", "/moderate/audit"):
        blocked = mod_client.get(path)
        assert blocked.status_code == 302
        assert blocked.headers["Location"] == "/moderate/account/password"
    page = mod_client.get("/moderate/account/password").get_data(as_text=True)
    assert "An admin reset your password" in page
    assert change(mod_client, TEMPORARY, NEW).status_code == 302
    assert mod_client.get("/moderate/").status_code == 200
    assert not account(app, "mod").must_change_password


@pytest.mark.parametrize(
    ("temporary", "message"), [("short", "Passwords need 10 to 200 characters."), ("", "Type a")]
)
def test_reset_refuses_short_passwords(app, client, temporary, message):
    admin = ModeratorActions(app, client)
    admin.create("boss", role="admin")
    admin.create("mod")
    admin.login("boss")
    target = account(app, "mod")
    page = client.post(
        f"/moderate/accounts/{target.id}/reset-password",
        data={f"r{target.id}-temporary": temporary},
        follow_redirects=True,
    ).get_data(as_text=True)
    assert message in page
    assert not account(app, "mod").must_change_password


def test_only_admins_reset_and_not_their_own(app, client, moderator):
    ModeratorActions(app, client).create("boss", role="admin")
    boss = account(app, "boss")
    forbidden = client.post(
        f"/moderate/accounts/{boss.id}/reset-password", data={f"r{boss.id}-temporary": TEMPORARY}
    )
    assert forbidden.status_code == 403
    admin_client = app.test_client()
    ModeratorActions(app, admin_client).login("boss")
    own = admin_client.post(
        f"/moderate/accounts/{boss.id}/reset-password",
        data={f"r{boss.id}-temporary": TEMPORARY},
        follow_redirects=True,
    ).get_data(as_text=True)
    assert "Change your own password on the Password page." in own
    assert not account(app, "boss").must_change_password


def test_first_account_from_the_command_line_is_an_admin(app, runner):
    first = runner.invoke(args=["create-moderator", "alice"], input=f"{NEW}\n{NEW}\n")
    assert first.exit_code == 0, first.output
    assert "first account, so it is an admin" in first.output
    second = runner.invoke(args=["create-moderator", "bob"], input=f"{NEW}\n{NEW}\n")
    assert second.exit_code == 0, second.output
    third = runner.invoke(
        args=["create-moderator", "carol", "--role", "admin"], input=f"{NEW}\n{NEW}\n"
    )
    assert third.exit_code == 0, third.output
    assert [account(app, n).role for n in ("alice", "bob", "carol")] == [
        "admin",
        "moderator",
        "admin",
    ]


def test_first_account_asked_for_as_a_moderator_is_one(app, runner):
    result = runner.invoke(
        args=["create-moderator", "alice", "--role", "moderator"], input=f"{NEW}\n{NEW}\n"
    )
    assert result.exit_code == 0, result.output
    assert account(app, "alice").role == "moderator"
    assert "no admin yet" in result.output

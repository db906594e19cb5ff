"""Moderator sessions can be revoked, and cookies are Secure over https (issue 14, finding 6).

A copy of a session cookie taken before a logout, a password change, a switch-off or a role
change opens nothing afterwards, even once the account is switched on again. Over https
(KINDNESS_HTTPS, or https forwarded by a trusted proxy) every cookie is Secure and HSTS is sent.
"""

import pytest
from flask import make_response
from sqlalchemy import select

from kindness_challenge.core.accounts import update_moderator
from kindness_challenge.extensions import db
from kindness_challenge.models import Moderator

from conftest import MODERATOR_PASSWORD, ModeratorActions, make_app


def copy_session(app, client):
    """A second client holding a copy of ``client``'s session cookie (a stolen cookie)."""
    cookie = client.get_cookie("session", domain="kind.test")
    assert cookie is not None
    thief = app.test_client()
    thief.set_cookie("session", cookie.value, domain="kind.test")
    return thief


def opens_the_queue(client) -> bool:
    response = client.get("/moderate/")
    return response.status_code == 200


def account_form(moderator_id: int, role: str, active: bool) -> dict:
    form = {f"m{moderator_id}-role": role}
    if active:
        form[f"m{moderator_id}-active"] = "y"
    return form


def account(app, username):
    with app.app_context():
        return db.session.scalar(select(Moderator).where(Moderator.username == username))


def test_a_copied_cookie_dies_at_logout(app, client, moderator):
    thief = copy_session(app, client)
    assert opens_the_queue(thief)
    moderator.logout()
    assert not opens_the_queue(thief)
    assert not opens_the_queue(client)


def test_logging_out_ends_the_accounts_other_sessions_too(app, client, moderator):
    laptop = app.test_client()
    ModeratorActions(app, laptop).login()
    assert opens_the_queue(laptop)
    moderator.logout()
    assert not opens_the_queue(laptop)
    # Logging in again works, and makes a new session.
    ModeratorActions(app, laptop).login()
    assert opens_the_queue(laptop)


@pytest.mark.parametrize(
    ("change", "role", "active"),
    [("switched off", "moderator", False), ("promoted", "admin", True)],
)
def test_a_copied_cookie_dies_when_an_admin_changes_the_account(app, change, role, active):
    ModeratorActions(app, None).create("boss", role="admin")
    victim = app.test_client()
    ModeratorActions(app, victim).create("mod")
    ModeratorActions(app, victim).login("mod")
    thief = copy_session(app, victim)
    assert opens_the_queue(thief)
    admin = app.test_client()
    ModeratorActions(app, admin).login("boss")
    mod_id = account(app, "mod").id
    response = admin.post(f"/moderate/accounts/{mod_id}", data=account_form(mod_id, role, active))
    assert response.status_code == 302
    assert (account(app, "mod").role, account(app, "mod").active) == (role, active)
    assert not opens_the_queue(thief), change
    if not active:
        # Switched on again: the old sessions stay dead.
        admin.post(f"/moderate/accounts/{mod_id}", data=account_form(mod_id, "moderator", True))
        assert account(app, "mod").active
        assert not opens_the_queue(thief)
        assert not opens_the_queue(victim)


def test_an_unchanged_account_keeps_its_sessions(app):
    ModeratorActions(app, None).create("boss", role="admin")
    ModeratorActions(app, None).create("mod")
    with app.app_context():
        boss = db.session.scalar(select(Moderator).where(Moderator.username == "boss"))
        mod = db.session.scalar(select(Moderator).where(Moderator.username == "mod"))
        before = mod.session_version
        update_moderator(db.session, boss, mod.id, "moderator", True)
        assert mod.session_version == before


def test_a_new_password_ends_every_session(app, client, moderator):
    thief = copy_session(app, client)
    runner = app.test_cli_runner()
    new_password = "another-long-password"
    result = runner.invoke(args=["set-password", "mod", "--password", new_password])
    assert result.exit_code == 0, result.output
    assert not opens_the_queue(thief)
    assert not opens_the_queue(client)
    assert moderator.login(password=MODERATOR_PASSWORD).status_code == 400
    assert moderator.login(password=new_password).status_code == 302
    assert opens_the_queue(client)
    with app.app_context():
        from kindness_challenge.models import AuditEvent

        actions = db.session.scalars(select(AuditEvent.action)).all()
    assert "password_change" in actions


@pytest.mark.parametrize(
    "user_id",
    ["1", "1:", "1:1", ":0", "x:0", "1:0:0", "²:0", "99999999999999999999999:0", "-1:0", ""],
)
def test_only_the_current_id_and_version_load_a_moderator(app, user_id):
    from kindness_challenge.core.accounts import moderator_for_session

    ModeratorActions(app, None).create("mod")
    with app.app_context():
        assert moderator_for_session(db.session, "1:0").username == "mod"
        assert moderator_for_session(db.session, user_id) is None


def https_app(tmp_path, **overrides):
    app = make_app(tmp_path, **overrides)

    @app.get("/_cookie")
    def cookie():
        response = make_response("ok")
        response.set_cookie("visitor", "abc", httponly=True)
        return response

    return app


def test_cookies_are_secure_and_hsts_is_sent_with_kindness_https(tmp_path):
    app = https_app(tmp_path, HTTPS=True)
    ModeratorActions(app, None).create()
    client = app.test_client()
    login = ModeratorActions(app, client).login()
    assert login.status_code == 302
    assert login.headers["Location"].startswith(("/", "https://"))
    cookies = login.headers.getlist("Set-Cookie")
    assert cookies and all("; Secure" in c for c in cookies), cookies
    assert login.headers["Strict-Transport-Security"] == "max-age=31536000"
    assert "; Secure" in client.get("/_cookie").headers["Set-Cookie"]


def test_over_plain_http_cookies_are_not_secure_and_no_hsts(tmp_path):
    app = https_app(tmp_path)
    response = app.test_client().get("/_cookie")
    assert "Secure" not in response.headers["Set-Cookie"]
    assert "Strict-Transport-Security" not in response.headers


@pytest.mark.parametrize(("peer", "secure"), [("127.0.0.1", True), ("203.0.113.9", False)])
def test_https_forwarded_by_a_trusted_proxy_counts(tmp_path, peer, secure):
    app = https_app(tmp_path, PROXY_FIX_X_FOR=1, PROXY_FIX_X_PROTO=1)
    response = app.test_client().get(
        "/_cookie", headers={"X-Forwarded-Proto": "https"}, environ_base={"REMOTE_ADDR": peer}
    )
    assert ("; Secure" in response.headers["Set-Cookie"]) is secure
    assert ("Strict-Transport-Security" in response.headers) is secure

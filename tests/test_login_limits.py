"""Issue 14, finding 5: password guessing is limited per username as well as per address, with
back-off, for names that exist and names that do not alike, and bursts show in the audit log.

The limiter's clock (``limits``' in-memory storage) is moved by hand, so windows end when the
test says, not after real minutes.
"""

from __future__ import annotations

import itertools

import pytest
from limits.storage import memory
from sqlalchemy import select

from kindness_challenge.extensions import db
from kindness_challenge.models import AuditEvent

from conftest import MODERATOR_PASSWORD, ModeratorActions, make_app

ADDRESSES = ("198.51.100.7", "203.0.113.20", "192.0.2.33")


class Clock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def time(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch):
    fake = Clock()
    monkeypatch.setattr(memory, "time", fake)
    return fake


@pytest.fixture
def limited_app(tmp_path, clock):
    app = make_app(
        tmp_path,
        RATELIMIT_ENABLED=True,
        LOGIN_RATE_LIMIT="10 per minute",  # per address, as configured by default
        LOGIN_NAME_RATE_LIMIT="5 per minute;20 per hour",
        LOGIN_NAME_BACKOFF="5 per hour",
    )
    ModeratorActions(app, app.test_client()).create("mod")
    yield app
    with app.app_context():
        db.engine.dispose()


def _try(app, username, password, address):
    client = app.test_client()
    response = client.post(
        "/moderate/login",
        data={"username": username, "password": password},
        environ_base={"REMOTE_ADDR": address},
    )
    return response, client


def _guesses(app, username, count):
    addresses = itertools.cycle(ADDRESSES)
    return [_try(app, username, f"guess-{i}", next(addresses))[0].status_code for i in range(count)]


def test_many_addresses_guessing_one_account_are_throttled(limited_app):
    """The issue's attack: 27 wrong passwords for one account from three addresses in a minute,
    then the right one. Fails on the old code: none was refused and the right one logged in."""
    statuses = _guesses(limited_app, "mod", 27)
    assert statuses[:5] == [400] * 5  # "That username and password do not match an account."
    assert statuses[5:] == [429] * 22
    response, client = _try(limited_app, "mod", MODERATOR_PASSWORD, "192.0.2.200")
    assert response.status_code == 429
    assert client.get("/moderate/").status_code == 302  # not logged in


@pytest.mark.slow
def test_unknown_names_are_limited_the_same_way(limited_app):
    ModeratorActions(limited_app, limited_app.test_client()).create("quokka")
    known = _guesses(limited_app, "quokka", 8)
    unknown = _guesses(limited_app, "wombat", 8)
    assert known == unknown == [400] * 5 + [429] * 3
    known_page = _try(limited_app, "quokka", "x", "192.0.2.1")[0].get_data(as_text=True)
    unknown_page = _try(limited_app, "wombat", "x", "192.0.2.1")[0].get_data(as_text=True)
    assert "quokka" not in known_page and "wombat" not in unknown_page
    assert "Slow down" in known_page and "Slow down" in unknown_page


@pytest.mark.slow
@pytest.mark.parametrize("spelling", ["MOD", " mod ", "ＭＯＤ", "Mod"])
def test_spellings_of_one_name_share_its_budget(limited_app, spelling):
    assert _guesses(limited_app, "mod", 5) == [400] * 5
    assert _try(limited_app, spelling, "guess", "192.0.2.9")[0].status_code == 429


def test_other_accounts_are_not_held_up(limited_app):
    ModeratorActions(limited_app, limited_app.test_client()).create("alice")
    _guesses(limited_app, "mod", 12)
    response, _ = _try(limited_app, "alice", MODERATOR_PASSWORD, ADDRESSES[0])
    assert response.status_code == 302


@pytest.mark.slow
def test_back_off_keeps_a_name_refused_after_its_window(limited_app, clock):
    ModeratorActions(limited_app, limited_app.test_client()).create("alice")
    # "mod": past its limit and still hammering (5 refusals); "alice": one refusal.
    assert _guesses(limited_app, "mod", 10) == [400] * 5 + [429] * 5
    assert _guesses(limited_app, "alice", 6) == [400] * 5 + [429]
    clock.now += 61  # the per-minute window is over
    assert _try(limited_app, "alice", MODERATOR_PASSWORD, ADDRESSES[1])[0].status_code == 302
    assert _try(limited_app, "mod", MODERATOR_PASSWORD, ADDRESSES[1])[0].status_code == 429
    clock.now += 3600  # and the back-off's hour
    assert _try(limited_app, "mod", MODERATOR_PASSWORD, ADDRESSES[1])[0].status_code == 302


@pytest.mark.slow
def test_a_burst_is_one_audit_row_naming_the_account(limited_app, clock):
    _guesses(limited_app, "mod", 15)
    _guesses(limited_app, "nobody", 7)
    with limited_app.app_context():
        rows = db.session.scalars(
            select(AuditEvent).where(AuditEvent.action == "login_throttled")
        ).all()
        assert sorted(row.subject for row in rows) == ["username 'mod'", "username 'nobody'"]
        assert all(row.actor == "anonymous" and row.moderator_id is None for row in rows)
        failed = db.session.scalar(
            select(db.func.count()).where(AuditEvent.action == "login_failed")
        )
        assert failed == 10  # each try that reached the password check


def test_the_audit_page_lists_throttled_logins(limited_app):
    _guesses(limited_app, "mod", 7)
    ModeratorActions(limited_app, limited_app.test_client()).create("admin", role="admin")
    response, client = _try(limited_app, "admin", MODERATOR_PASSWORD, "192.0.2.77")
    assert response.status_code == 302
    page = client.get("/moderate/audit?action=login_throttled").get_data(as_text=True)
    assert "Logins refused for a name" in page and "username &#39;mod&#39;" in page

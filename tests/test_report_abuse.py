"""Issue 14, findings 3 and 11: one person cannot hide a moment, nor inflate its hearts.

Reports hide a moment only when they come from distinct client networks (a keyed hash of the
/24 or /64, ``core.clients``), each from a visitor cookie old enough to count; a moderator's
approval resolves the reports before it. A moment's heart count is the number of networks that
hearted it. Clearing cookies or walking through one's own /24 or /64 changes neither.
"""

from __future__ import annotations

import secrets
import time

import pytest
from itsdangerous import URLSafeSerializer
from sqlalchemy import func, select

from kindness_challenge.core.clients import client_bucket, client_hash
from kindness_challenge.extensions import db
from kindness_challenge.models import Report, State, Submission
from kindness_challenge.wall.cookies import COOKIE, cookie_value

from conftest import ModeratorActions
from helpers import add_moment

DAY = 24 * 3600


def visitor(app, address: str, cookie_age: float | None = DAY):
    """A browser at ``address``; with a visitor cookie ``cookie_age`` seconds old (None: none,
    as after clearing cookies)."""
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = address
    if cookie_age is not None:
        with app.test_request_context():
            value = cookie_value(secrets.token_urlsafe(24), time.time() - cookie_age)
        client.set_cookie(COOKIE, value, domain="kind.test")
    return client


def report(client, moment_id: int):
    return client.post(f"/moment/{moment_id}/report", data={"reason": "spam"})


def heart(client, moment_id: int, on: bool = True):
    return client.post(f"/moment/{moment_id}/heart", data={"hearted": "1" if on else "0"})


def state_of(app, moment_id: int) -> State:
    with app.app_context():
        return db.session.get(Submission, moment_id).state


def heart_count(app, moment_id: int) -> int:
    with app.app_context():
        return db.session.scalar(select(Submission.heart_count).where(Submission.id == moment_id))


def open_reports(app, moment_id: int) -> int:
    with app.app_context():
        return db.session.scalar(
            select(func.count())
            .select_from(Report)
            .where(Report.submission_id == moment_id, Report.resolved_at.is_(None))
        )


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("198.51.100.7", "198.51.100.0/24"),
        ("198.51.100.254", "198.51.100.0/24"),
        ("::ffff:198.51.100.9", "198.51.100.0/24"),
        ("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64"),
        ("2001:db8:1:2::1", "2001:db8:1:2::/64"),
        ("2001:db8:1:3::1", "2001:db8:1:3::/64"),
        ("fe80::1%eth0", "fe80::/64"),
        (None, "unknown"),
        ("not an address", "not an address"),
    ],
)
def test_client_buckets(address, expected):
    assert client_bucket(address) == expected


def test_the_keyed_hash_names_the_network_not_the_address():
    assert client_hash("s", "198.51.100.7") == client_hash("s", "198.51.100.200")
    assert client_hash("s", "198.51.100.7") != client_hash("s", "198.51.101.7")
    assert client_hash("s", "198.51.100.7") != client_hash("other secret", "198.51.100.7")
    assert "198.51" not in client_hash("s", "198.51.100.7")


def test_one_address_clearing_cookies_cannot_hide_a_moment(app):
    """The issue's attack. Fails on the old code: three reports hid it (permalink 404)."""
    moment = add_moment(app, "Kind words for the bus driver")
    for _ in range(5):
        assert report(visitor(app, "203.0.113.9", cookie_age=None), moment).status_code == 302
    assert state_of(app, moment) is State.published
    assert app.test_client().get(f"/moment/{moment}").status_code == 200
    assert open_reports(app, moment) == 5  # kept for moderators all the same


@pytest.mark.parametrize(
    "addresses",
    [
        ["203.0.113.9", "203.0.113.10", "203.0.113.250"],  # one /24
        ["2001:db8:5:6::1", "2001:db8:5:6::2", "2001:db8:5:6:ffff::3"],  # one /64
    ],
)
def test_one_network_cannot_hide_a_moment_even_with_old_cookies(app, addresses):
    """Fails on the old code: three cookies were three independent reporters."""
    moment = add_moment(app, "Thanks to my coach")
    for address in addresses:
        report(visitor(app, address), moment)
    assert state_of(app, moment) is State.published


def test_new_visitors_reports_wait_for_a_moderator(app):
    """Fails on the old code: three brand-new cookies hid the moment."""
    moment = add_moment(app, "Thanks to the nurses")
    for n in range(3):
        report(visitor(app, f"192.0.{n}.1", cookie_age=60), moment)
    assert state_of(app, moment) is State.published
    assert open_reports(app, moment) == 3


def test_three_networks_with_settled_visitors_hide_it(app):
    moment = add_moment(app, "A moment people object to")
    for n in range(3):
        assert state_of(app, moment) is State.published
        report(visitor(app, f"192.0.{n}.1"), moment)
    assert state_of(app, moment) is State.needs_review
    assert app.test_client().get(f"/moment/{moment}").status_code == 404


def test_approval_resolves_the_reports_before_it(app):
    """Fails on the old code: after approval the old reports stayed open, and one more report
    hid the moment again at once."""
    moment = add_moment(app, "Approved after review")
    for n in range(3):
        report(visitor(app, f"192.0.{n}.1"), moment)
    assert state_of(app, moment) is State.needs_review
    moderators = app.test_client()
    ModeratorActions(app, moderators).create()
    ModeratorActions(app, moderators).login()
    assert moderators.post(f"/moderate/submission/{moment}/approve").status_code == 302
    assert state_of(app, moment) is State.published
    assert open_reports(app, moment) == 0
    report(visitor(app, "192.0.9.1"), moment)
    assert state_of(app, moment) is State.published  # one new report: still public
    for n in range(10, 12):
        report(visitor(app, f"192.0.{n}.1"), moment)
    assert state_of(app, moment) is State.needs_review  # three new networks: hidden again
    with app.app_context():
        reports = db.session.scalars(select(Report).where(Report.submission_id == moment)).all()
        assert sum(r.resolved_at is not None for r in reports) == 3


def test_hearts_count_networks_not_cookies(app):
    """Fails on the old code: every cleared cookie added a heart."""
    moment = add_moment(app, "Heart inflation")
    for last in range(1, 8):
        heart(visitor(app, f"203.0.113.{last}", cookie_age=None), moment)
    assert heart_count(app, moment) == 1
    for _ in range(3):
        heart(visitor(app, "2001:db8:7:7::1", cookie_age=None), moment)
    heart(visitor(app, "2001:db8:7:7:1::2", cookie_age=None), moment)
    assert heart_count(app, moment) == 2
    heart(visitor(app, "198.51.100.1", cookie_age=None), moment)
    assert heart_count(app, moment) == 3


def test_taking_a_heart_back_counts_the_network_until_its_last_heart(app):
    moment = add_moment(app, "Heart and unheart")
    first, second = visitor(app, "203.0.113.1"), visitor(app, "203.0.113.2")
    heart(first, moment)
    heart(second, moment)
    assert heart_count(app, moment) == 1
    heart(first, moment, on=False)
    assert heart_count(app, moment) == 1  # the network still hearts it
    heart(second, moment, on=False)
    assert heart_count(app, moment) == 0
    heart(first, moment, on=False)  # idempotent
    assert heart_count(app, moment) == 0


def test_a_cookie_from_before_the_change_counts_as_settled(app):
    """Cookies given out before they carried a time are at least as old as the change."""
    moment = add_moment(app, "Old cookies")
    for n in range(3):
        client = visitor(app, f"192.0.{n}.1", cookie_age=None)
        with app.test_request_context():
            legacy = URLSafeSerializer(app.secret_key, salt="kindness-visitor")
            client.set_cookie(COOKIE, legacy.dumps(secrets.token_urlsafe(24)), domain="kind.test")
        report(client, moment)
    assert state_of(app, moment) is State.needs_review

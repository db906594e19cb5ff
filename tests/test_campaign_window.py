"""The campaign window: set by an admin (audited); before and after it the share form says when
the campaign opens or that it has closed, keeping the words of a moment sent too late; the API
says so; the wall, permalinks and display stay up."""

from __future__ import annotations

from datetime import timedelta

import pytest
from babel.dates import format_date
from sqlalchemy import func, select

from kindness_challenge.extensions import db
from kindness_challenge.models import AuditEvent, Submission, utcnow

from conftest import ModeratorActions, submit
from helpers import add_moment


@pytest.fixture
def admin(app, client):
    actions = ModeratorActions(app, client)
    actions.create("admin", role="admin")
    actions.login("admin")
    return actions


def set_window(client, opens=None, closes=None):
    fmt = "%Y-%m-%dT%H:%M"
    return client.post(
        "/moderate/settings/campaign",
        data={
            "opens_at": opens.strftime(fmt) if opens else "",
            "closes_at": closes.strftime(fmt) if closes else "",
        },
    )


def submissions(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(Submission))


def test_before_the_campaign_opens(app, client, admin):
    opens = (utcnow() + timedelta(days=3)).replace(second=0, microsecond=0)
    response = set_window(client, opens=opens)
    assert response.status_code == 302 and response.headers["Location"].endswith("#campaign")
    admin.logout()
    page = client.get("/share")
    assert page.status_code == 200
    body = page.get_data(as_text=True)
    assert "The #CreateKindness campaign opens soon" in body
    # In Babel's format for the page's language (English here), as every public date.
    assert f"{format_date(opens, 'long', locale='en')}, {opens:%H:%M} UTC" in body
    assert 'name="text"' not in body  # no form to fill in for nothing
    api = client.get("/api/v1/campaign").get_json()
    assert api == {
        "state": "not_yet_open",
        "opens_at": opens.isoformat(),
        "closes_at": None,
        "share_url": None,
    }


def test_after_the_campaign_closes_a_late_moment_keeps_its_words(app, client, admin):
    moment = add_moment(app, "Held the door for a stranger with a pram")
    closes = (utcnow() - timedelta(hours=1)).replace(second=0, microsecond=0)
    set_window(client, closes=closes)
    admin.logout()
    assert "The #CreateKindness campaign has closed" in client.get("/share").get_data(as_text=True)
    response = submit(client, text="My words, sent a minute too late")
    assert response.status_code == 403
    body = response.get_data(as_text=True)
    assert "Your moment was not sent" in body and "My words, sent a minute too late" in body
    assert submissions(app) == 1  # only the moment from before
    assert client.get("/api/v1/campaign").get_json()["state"] == "closed"
    # Everything that shows what was shared stays up.
    assert "Held the door" in client.get("/").get_data(as_text=True)
    assert client.get(f"/moment/{moment}").status_code == 200
    assert client.get("/display").status_code == 200
    assert client.get("/api/v1/moments").status_code == 200


def test_while_open_the_form_takes_moments_and_the_api_says_so(app, client, admin):
    set_window(client, utcnow() - timedelta(days=1), utcnow() + timedelta(days=1))
    admin.logout()
    assert 'name="text"' in client.get("/share").get_data(as_text=True)
    assert submit(client).status_code == 302
    api = client.get("/api/v1/campaign").get_json()
    assert api["state"] == "open" and api["share_url"] == "http://kind.test/share"


def test_no_window_set_means_open(client):
    assert client.get("/api/v1/campaign").get_json() == {
        "state": "open",
        "opens_at": None,
        "closes_at": None,
        "share_url": "http://kind.test/share",
    }


def test_changes_are_audited_and_a_backwards_window_is_refused(app, client, admin):
    opens = utcnow().replace(second=0, microsecond=0) + timedelta(days=1)
    set_window(client, opens, opens + timedelta(days=30))
    response = set_window(client, opens, opens - timedelta(days=1))
    assert response.status_code == 302
    page = client.get("/moderate/settings").get_data(as_text=True)
    assert "The campaign must close after it opens." in page
    assert "Campaign window" in page and "not open yet" in page
    with app.app_context():
        events = db.session.scalars(
            select(AuditEvent).where(AuditEvent.action == "campaign_window")
        ).all()
        assert len(events) == 1
        assert events[0].actor == "admin"
        assert events[0].before == {"opens_at": None, "closes_at": None}
        assert events[0].after["closes_at"] == (opens + timedelta(days=30)).isoformat()
    assert "Changed the campaign window" in client.get("/moderate/audit").get_data(as_text=True)


def test_only_admins_set_the_window(app, client):
    actions = ModeratorActions(app, client)
    actions.create()
    actions.login()
    assert set_window(client, closes=utcnow()).status_code == 403
    assert client.get("/api/v1/campaign").get_json()["state"] == "open"

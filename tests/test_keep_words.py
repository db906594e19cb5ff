"""Issue 14, finding 13: participants keep their words. When the share form cannot be taken
(its security token expired with the session, or the rate limit), the form comes back with
what they wrote and a plain sentence asking them to send it again, never a bare error page.
CSRF stays on here (``csrf_app``), and is still enforced: nothing is stored without a token."""

from __future__ import annotations

import re

import pytest
from markupsafe import escape
from sqlalchemy import func, select

from kindness_challenge.extensions import db
from kindness_challenge.models import Submission

from conftest import make_app

WORDS = "My neighbour shovelled our whole street at 6am & didn't tell anyone 💛"
FORM = {
    "text": WORDS,
    "display_name": "@sam",
    "for_whom": "my neighbour",
    "consent": "y",
    "category": "received",
    "nudge_ack": "1",
}


def _token(page: str) -> str:
    match = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page) or re.search(
        r'value="([^"]+)"[^>]*name="csrf_token"', page
    )
    assert match, "no CSRF token in the page"
    return match.group(1)


def _stored(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(Submission))


def _kept(page: str) -> None:
    assert str(escape(WORDS)) in page
    assert "my neighbour" in page and 'value="@sam"' in page
    assert "Please send it again" in page
    assert "didn't make sense" not in page  # not the generic error page


@pytest.mark.parametrize("token", [None, "not-a-token", "from-another-session"])
def test_an_expired_token_shows_the_form_again_with_the_words(csrf_app, token):
    """Fails on the old code: a bare "400 That request didn't make sense" page, words lost."""
    client = csrf_app.test_client()
    client.get("/share")  # a session, as a browser that opened the form long ago
    data = dict(FORM)
    if token == "from-another-session":
        data["csrf_token"] = _token(csrf_app.test_client().get("/share").get_data(as_text=True))
    elif token is not None:
        data["csrf_token"] = token
    response = client.post("/share", data=data)
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    _kept(page)
    assert "security check had run out" in page
    assert _stored(csrf_app) == 0  # CSRF still holds
    # Sending it again from that page goes through.
    again = client.post("/share", data={**FORM, "csrf_token": _token(page)})
    assert again.status_code == 302 and "/receipt/" in again.headers["Location"]
    assert _stored(csrf_app) == 1


def test_a_new_session_after_expiry_keeps_the_words_too(csrf_app):
    """The session cookie is gone (expired or cleared) when the form is sent."""
    old = csrf_app.test_client()
    token = _token(old.get("/share").get_data(as_text=True))
    fresh = csrf_app.test_client()  # no session cookie at all
    response = fresh.post("/share", data={**FORM, "csrf_token": token})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    _kept(page)
    again = fresh.post("/share", data={**FORM, "csrf_token": _token(page)})
    assert again.status_code == 302


def test_other_forms_still_refuse_a_missing_token(csrf_app):
    client = csrf_app.test_client()
    response = client.post("/share/nudge", json={"text": "hello"})
    assert response.status_code == 400
    assert response.is_json


@pytest.fixture
def limited(tmp_path):
    app = make_app(
        tmp_path, WTF_CSRF_ENABLED=True, RATELIMIT_ENABLED=True, SUBMIT_RATE_LIMIT="1 per minute"
    )
    yield app
    with app.app_context():
        db.engine.dispose()


def test_the_rate_limit_shows_the_form_again_with_the_words(limited):
    """Fails on the old code: a bare 429 page ("Slow down a little"), words lost."""
    client = limited.test_client()
    token = _token(client.get("/share").get_data(as_text=True))
    first = client.post(
        "/share", data={**FORM, "text": "Thank you, bus driver!", "csrf_token": token}
    )
    assert first.status_code == 302
    response = client.post("/share", data={**FORM, "csrf_token": token})
    assert response.status_code == 429
    assert response.headers.get("Retry-After")
    page = response.get_data(as_text=True)
    _kept(page)
    assert "wait a minute" in page
    assert _stored(limited) == 1


def test_the_nudge_endpoint_answers_its_rate_limit_in_json(tmp_path):
    app = make_app(tmp_path, RATELIMIT_ENABLED=True, NUDGE_RATE_LIMIT="1 per minute")
    client = app.test_client()
    assert client.post("/share/nudge", json={"text": "hello"}).status_code == 200
    response = client.post("/share/nudge", json={"text": "hello"})
    assert response.status_code == 429 and response.get_json()["error"]["code"] == 429
    with app.app_context():
        db.engine.dispose()

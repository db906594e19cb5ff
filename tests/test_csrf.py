"""CSRF is enforced on every state-changing POST, as in production (the ``csrf_app`` fixture).

A POST without a valid token is refused with the site's 400 page saying the security token was
missing or expired, and changes nothing. The same POST with the token from the form succeeds.
"""

from __future__ import annotations

import html
import re

import pytest
from markupsafe import escape
from sqlalchemy import func, select

from kindness_challenge.extensions import db
from kindness_challenge.models import State, Submission

from conftest import MODERATOR_PASSWORD, ModeratorActions, receipt_token, score_all

KIND = {"text": "Thank you for cheering me on today!", "display_name": "@sam", "consent": "y"}
ABUSIVE = "you are a stupid fucking idiot"
TOKEN_MESSAGE = "Your form's security token was missing or had expired."


def csrf_token(page: str) -> str:
    """The value of the page's ``csrf_token`` hidden input."""
    for tag in re.findall(r"<input\b[^>]*>", page):
        if re.search(r'\bname="csrf_token"', tag):
            value = re.search(r'\bvalue="([^"]*)"', tag)
            assert value and value.group(1), tag
            return html.unescape(value.group(1))
    raise AssertionError("no csrf_token field on the page")


def token_from(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return csrf_token(response.get_data(as_text=True))


def assert_token_refused(response) -> None:
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert '<p class="error-code">400</p>' in page
    assert str(escape(TOKEN_MESSAGE)) in page
    assert "Traceback" not in page


def assert_share_refused(response) -> None:
    """The share form is refused, but shown again with the words and a sentence asking to send
    it again (issue 14, finding 13; tests/test_keep_words.py), never the bare error page."""
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Please send it again" in page and str(escape(KIND["text"])) in page
    assert '<p class="error-code">400</p>' not in page
    assert "Traceback" not in page


def submission_count(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(Submission))


def state_of(app, submission_id: int) -> State:
    with app.app_context():
        return db.session.get(Submission, submission_id).state


def log_in(app, client) -> None:
    """Log the client in as a moderator, the way a browser does: token from the login page."""
    token = token_from(client, "/moderate/login")
    response = client.post(
        "/moderate/login",
        data={"username": "mod", "password": MODERATOR_PASSWORD, "csrf_token": token},
    )
    assert response.status_code == 302, response.get_data(as_text=True)[:500]


@pytest.fixture
def csrf_client(csrf_app):
    return csrf_app.test_client()


@pytest.fixture
def flagged(csrf_app):
    """A submission the embedded classifier sent to review, sent with a proper token."""
    participant = csrf_app.test_client()
    response = participant.post(
        "/share",
        data=dict(KIND, text=ABUSIVE, nudge_ack="1", csrf_token=token_from(participant, "/share")),
    )
    assert response.status_code == 302
    score_all(csrf_app)
    token = receipt_token(response)
    with csrf_app.app_context():
        submission = db.session.scalar(select(Submission).order_by(Submission.id.desc()))
        assert submission.state == State.needs_review, submission.state_reason
        submission_id = submission.id
    assert participant.get(f"/receipt/{token}").status_code == 200
    return submission_id


@pytest.fixture
def logged_in(csrf_app, csrf_client):
    ModeratorActions(csrf_app, csrf_client).create()
    log_in(csrf_app, csrf_client)
    return csrf_client


# --- the share form ------------------------------------------------------------------------


def test_share_without_token_is_refused_and_stores_nothing(csrf_app, csrf_client):
    assert csrf_app.config["WTF_CSRF_ENABLED"] is True
    csrf_client.get("/share")  # a session exists; the POST still lacks the token
    response = csrf_client.post("/share", data=KIND)
    assert_share_refused(response)
    assert submission_count(csrf_app) == 0


@pytest.mark.parametrize("bad", ["", "not-a-token", "IjAwMDAi.ZZZZZZ.xxxxxxxxxxxxxxxxxxxxxxxxxxx"])
def test_share_with_a_bad_token_is_refused(csrf_app, csrf_client, bad):
    csrf_client.get("/share")
    response = csrf_client.post("/share", data=dict(KIND, csrf_token=bad))
    assert_share_refused(response)
    assert submission_count(csrf_app) == 0


def test_share_with_the_form_token_succeeds(csrf_app, csrf_client):
    token = token_from(csrf_client, "/share")
    response = csrf_client.post("/share", data=dict(KIND, csrf_token=token))
    assert response.status_code == 302
    assert re.search(r"/receipt/[A-Za-z0-9_-]+$", response.headers["Location"])
    assert submission_count(csrf_app) == 1


def test_token_from_another_session_is_refused(csrf_app, csrf_client):
    """A token is bound to its session: one taken from another browser does not work here."""
    attacker = csrf_app.test_client()
    stolen = token_from(attacker, "/share")
    csrf_client.get("/share")
    response = csrf_client.post("/share", data=dict(KIND, csrf_token=stolen))
    assert_share_refused(response)
    assert submission_count(csrf_app) == 0


def test_token_without_a_session_is_refused(csrf_app, csrf_client):
    token = token_from(csrf_client, "/share")
    fresh = csrf_app.test_client()  # no session cookie
    response = fresh.post("/share", data=dict(KIND, csrf_token=token))
    assert_share_refused(response)
    assert submission_count(csrf_app) == 0


def test_refused_share_keeps_the_form_usable(csrf_app, csrf_client):
    """The refusal page is the form again, with a fresh token; a fresh GET gives one too."""
    assert_share_refused(csrf_client.post("/share", data=KIND))
    token = token_from(csrf_client, "/share")
    assert csrf_client.post("/share", data=dict(KIND, csrf_token=token)).status_code == 302


# --- moderator login, decisions and logout -------------------------------------------------


def test_login_without_token_is_refused(csrf_app, csrf_client):
    ModeratorActions(csrf_app, csrf_client).create()
    csrf_client.get("/moderate/login")
    response = csrf_client.post(
        "/moderate/login", data={"username": "mod", "password": MODERATOR_PASSWORD}
    )
    assert_token_refused(response)
    # not logged in: the queue still asks for a login
    queue = csrf_client.get("/moderate/")
    assert queue.status_code == 302
    assert "/moderate/login" in queue.headers["Location"]


def test_login_with_token_succeeds(csrf_app, csrf_client):
    ModeratorActions(csrf_app, csrf_client).create()
    log_in(csrf_app, csrf_client)
    assert csrf_client.get("/moderate/").status_code == 200


@pytest.mark.parametrize("action", ["approve", "reject"])
def test_decision_without_token_is_refused_and_changes_nothing(
    csrf_app, logged_in, flagged, action
):
    data = {"reason": "unkind"} if action == "reject" else {}
    response = logged_in.post(f"/moderate/submission/{flagged}/{action}", data=data)
    assert_token_refused(response)
    assert state_of(csrf_app, flagged) == State.needs_review


@pytest.mark.parametrize("action", ["approve", "reject"])
def test_decision_with_a_token_from_another_session_is_refused(
    csrf_app, logged_in, flagged, action
):
    stranger = csrf_app.test_client()
    stolen = token_from(stranger, "/share")
    data = {"csrf_token": stolen, **({"reason": "unkind"} if action == "reject" else {})}
    response = logged_in.post(f"/moderate/submission/{flagged}/{action}", data=data)
    assert_token_refused(response)
    assert state_of(csrf_app, flagged) == State.needs_review


@pytest.mark.parametrize(
    ("action", "expected"), [("approve", State.published), ("reject", State.rejected)]
)
def test_decision_with_the_queue_token_succeeds(csrf_app, logged_in, flagged, action, expected):
    token = token_from(logged_in, "/moderate/")
    data = {"csrf_token": token, **({"reason": "unkind"} if action == "reject" else {})}
    response = logged_in.post(f"/moderate/submission/{flagged}/{action}", data=data)
    assert response.status_code == 302
    assert state_of(csrf_app, flagged) == expected


def test_logout_is_post_only(csrf_app, logged_in):
    response = logged_in.get("/moderate/logout")
    assert response.status_code == 405
    assert "That can&#39;t be done here" in response.get_data(as_text=True)
    assert logged_in.get("/moderate/").status_code == 200  # still logged in


def test_logout_without_token_is_refused(csrf_app, logged_in):
    assert_token_refused(logged_in.post("/moderate/logout"))
    assert logged_in.get("/moderate/").status_code == 200  # still logged in


def test_logout_with_token_logs_out(csrf_app, logged_in):
    token = token_from(logged_in, "/moderate/")  # the header's logout form
    response = logged_in.post("/moderate/logout", data={"csrf_token": token})
    assert response.status_code == 302
    assert logged_in.get("/moderate/").status_code == 302


def test_oversize_post_without_token_is_413_not_500(csrf_app, csrf_client):
    response = csrf_client.post("/share", data=dict(KIND, text="k" * (70 * 1024)))
    assert response.status_code == 413
    assert "That was too much" in response.get_data(as_text=True)
    assert submission_count(csrf_app) == 0

"""The queue's decisions in place: the same endpoints answer JSON to the queue's script
(``Accept: application/json``) and flash-and-redirect to a plain form post (no JavaScript)."""

import re

import pytest
from sqlalchemy import select

from kindness_challenge.extensions import db
from kindness_challenge.insights.stats import collect
from kindness_challenge.models import State, Submission

from conftest import MODERATOR_PASSWORD, ModeratorActions, score_all, submit
from helpers import add_moment

ABUSIVE = "you are a stupid fucking idiot"
JSON = {"Accept": "application/json"}


def flagged_item(app, client) -> int:
    submit(client, text=ABUSIVE)
    score_all(app)
    with app.app_context():
        item = db.session.scalar(select(Submission).where(Submission.text == ABUSIVE))
        assert item.state is State.needs_review
        return item.id


def add_in_review(app) -> int:
    return add_moment(app, ABUSIVE, state=State.needs_review)


def state(app, item):
    with app.app_context():
        return db.session.get(Submission, item).state


def test_approve_and_undo_answer_json_and_flash_nothing(app, client, moderator):
    item = flagged_item(app, client)
    response = client.post(f"/moderate/submission/{item}/approve", headers=JSON)
    assert response.status_code == 200 and response.is_json
    assert response.get_json() == {
        "ok": True,
        "id": item,
        "message": f"Submission #{item} approved and published.",
        "undo_url": f"/moderate/submission/{item}/undo",
    }
    assert state(app, item) is State.published
    undone = client.post(f"/moderate/submission/{item}/undo", headers=JSON)
    assert undone.status_code == 200
    assert undone.get_json()["message"] == f"Undone: #{item} is back in the queue."
    assert undone.get_json()["undo_url"] is None
    assert state(app, item) is State.needs_review
    # Nothing was flashed for the next page: the script showed it already.
    page = client.get("/moderate/").get_data(as_text=True)
    assert "approved and published" not in page and "is back in the queue" not in page
    # Statistics: one undone decision, none standing.
    with app.app_context():
        stats = collect(db.session, 7)
    assert stats.rates.decided == 0 and stats.rates.undone == 1
    assert [(m.moderator, m.total, m.undone) for m in stats.per_moderator] == [("mod", 0, 1)]


def test_feature_in_place(app, client, moderator):
    item = flagged_item(app, client)
    response = client.post(
        f"/moderate/submission/{item}/approve", data={"feature": "1"}, headers=JSON
    )
    assert response.get_json()["message"] == f"Submission #{item} approved, published and featured."
    with app.app_context():
        assert db.session.get(Submission, item).featured_at is not None


@pytest.mark.parametrize(
    ("path", "data", "status", "message"),
    [
        ("reject", {}, 400, "not rejected: Choose a reason for the rejection."),
        ("reject", {"reason": "nonsense"}, 400, "not rejected: Not a valid choice"),
        ("undo", {}, 409, "has no decision to undo"),
    ],
)
def test_refusals_answer_json_with_the_reason(app, client, moderator, path, data, status, message):
    item = flagged_item(app, client)
    response = client.post(f"/moderate/submission/{item}/{path}", data=data, headers=JSON)
    assert response.status_code == status
    body = response.get_json()
    assert body["ok"] is False and message in body["message"]
    assert state(app, item) is State.needs_review


def test_a_decision_someone_else_made_first_is_409(app, client, moderator):
    item = flagged_item(app, client)
    other = app.test_client()
    ModeratorActions(app, other).create("kim")
    ModeratorActions(app, other).login("kim")
    other.post(f"/moderate/submission/{item}/reject", data={"reason": "unkind"})
    response = client.post(f"/moderate/submission/{item}/approve", headers=JSON)
    assert response.status_code == 409
    assert "already decided by kim" in response.get_json()["message"]
    assert state(app, item) is State.rejected


def test_without_javascript_the_form_path_stays(app, client, moderator):
    item = flagged_item(app, client)
    response = client.post(f"/moderate/submission/{item}/approve", data={"back": "/moderate/"})
    assert response.status_code == 302 and response.headers["Location"] == "/moderate/"
    page = client.get("/moderate/").get_data(as_text=True)
    assert f"Submission #{item} approved and published." in page
    assert f"/moderate/submission/{item}/undo" in page


def test_the_queue_page_carries_the_toast_and_the_focus_rule(app, client, moderator):
    flagged_item(app, client)
    page = client.get("/moderate/").get_data(as_text=True)
    assert 'id="decision-toast"' in page and 'role="status"' in page
    assert "they act on the item that has focus" in page
    assert 'class="current-marker"' in page


def test_an_expired_form_token_answers_json_to_the_script(csrf_app):
    client = csrf_app.test_client()
    actions = ModeratorActions(csrf_app, client)
    actions.create()
    item = add_in_review(csrf_app)
    page = client.get("/moderate/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    client.post(
        "/moderate/login",
        data={"username": "mod", "password": MODERATOR_PASSWORD, "csrf_token": token},
    )
    refused = client.post(f"/moderate/submission/{item}/approve", headers=JSON)
    assert refused.status_code == 400 and refused.is_json
    assert "security token" in refused.get_json()["error"]["message"]
    assert state(csrf_app, item) is State.needs_review

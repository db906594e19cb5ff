"""The whole journey through the test client: submit, score, route, moderate, publish."""

import re

import pytest
from sqlalchemy import select

from kindness_challenge.extensions import db
from kindness_challenge.models import ActorKind, State, Submission

from conftest import ModeratorActions, receipt_token, score_all, submit

ABUSIVE = "you are a stupid fucking idiot"


def only_submission(app) -> Submission:
    with app.app_context():
        submission = db.session.scalar(select(Submission))
        db.session.expunge(submission)
        return submission


def item_id(app, text) -> int:
    with app.app_context():
        return db.session.scalar(select(Submission.id).where(Submission.text == text))


def test_kind_moment_is_published_and_shown(app, client):
    response = submit(client, text="My teacher stayed late to help me. Thank you, Ms. Ade!")
    assert response.status_code == 302
    token = receipt_token(response)
    receipt = client.get(f"/receipt/{token}")
    assert receipt.status_code == 200
    assert b"Waiting for its kindness check" in receipt.data
    assert receipt.headers["Cache-Control"] == "no-store"
    assert b"Ms. Ade" not in client.get("/").data

    score_all(app)

    receipt = client.get(f"/receipt/{token}").get_data(as_text=True)
    assert "Published on the wall" in receipt
    moment_id = item_id(app, "My teacher stayed late to help me. Thank you, Ms. Ade!")
    assert f"/moment/{moment_id}" in receipt
    wall = client.get("/").get_data(as_text=True)
    assert "Ms. Ade" in wall and "1</strong> kind moment shared" in wall
    permalink = client.get(f"/moment/{moment_id}").get_data(as_text=True)
    assert "Ms. Ade" in permalink and 'property="og:description"' in permalink


def test_abusive_goes_to_queue_then_is_approved(app, client, moderator):
    token = receipt_token(submit(client, text=ABUSIVE))
    score_all(app)
    assert b"Waiting for a moderator" in client.get(f"/receipt/{token}").data
    assert ABUSIVE.encode() not in client.get("/").data

    queue = client.get("/moderate/").get_data(as_text=True)
    assert ABUSIVE in queue
    assert "flagged: toxicity" in queue
    assert "alt-profanity-check" in queue and "embedded offline default" in queue
    assert re.search(r'<meter min="0" max="1" value="[01]\.\d{3}"', queue)

    submission_id = item_id(app, ABUSIVE)
    response = client.post(f"/moderate/submission/{submission_id}/approve")
    assert response.status_code == 302 and response.headers["Location"] == "/moderate/"
    assert ABUSIVE.encode() in client.get("/").data
    assert b"Published on the wall" in client.get(f"/receipt/{token}").data
    submission = only_submission(app)
    assert submission.state is State.published
    with app.app_context():
        last = db.session.get(Submission, submission_id).transitions[-1]
        assert (last.actor_kind, last.actor, last.from_state) == (
            ActorKind.moderator,
            "mod",
            State.needs_review,
        )
    decisions = client.get("/moderate/decisions").get_data(as_text=True)
    assert "approved" in decisions and "mod" in decisions


def test_rejection_reason_reaches_the_receipt(app, client, moderator):
    token = receipt_token(submit(client, text=ABUSIVE))
    score_all(app)
    submission_id = item_id(app, ABUSIVE)
    response = client.post(
        f"/moderate/submission/{submission_id}/reject",
        data={"reason": "unkind", "note": "Try saying it with kindness."},
        follow_redirects=True,
    )
    assert f"Submission #{submission_id} rejected." in response.get_data(as_text=True)
    receipt = client.get(f"/receipt/{token}").get_data(as_text=True)
    assert "Not published" in receipt
    # The reason, translated from its code; the moderator's own words after it, as written.
    assert (
        "It is unkind or hurtful towards someone. "
        '<span dir="auto">Try saying it with kindness.</span>' in receipt
    )
    assert ABUSIVE not in client.get("/").get_data(as_text=True)
    assert only_submission(app).state is State.rejected


def test_reject_needs_a_reason(app, client, moderator):
    submit(client, text=ABUSIVE)
    score_all(app)
    submission_id = item_id(app, ABUSIVE)
    response = client.post(
        f"/moderate/submission/{submission_id}/reject", data={"reason": ""}, follow_redirects=True
    )
    assert "Choose a reason for the rejection." in response.get_data(as_text=True)
    assert only_submission(app).state is State.needs_review


def test_second_decision_on_the_same_item_is_refused(app, client, moderator):
    submit(client, text=ABUSIVE)
    score_all(app)
    submission_id = item_id(app, ABUSIVE)
    other = app.test_client()
    other_mod = ModeratorActions(app, other)
    other_mod.create("kim")
    other_mod.login("kim")
    # Both moderators had the item on screen; kim approves first.
    assert other.post(f"/moderate/submission/{submission_id}/approve").status_code == 302
    late = client.post(
        f"/moderate/submission/{submission_id}/reject",
        data={"reason": "unkind"},
        follow_redirects=True,
    ).get_data(as_text=True)
    assert f"Submission #{submission_id} was already decided by kim: it is now published." in late
    with app.app_context():
        submission = db.session.get(Submission, submission_id)
        assert submission.state is State.published
        assert [t.to_state for t in submission.transitions] == [
            State.pending,
            State.needs_review,
            State.published,
        ]


def test_moderator_cannot_decide_pending_or_published_items(app, client, moderator):
    submit(client, text="Pending kindness")
    submission_id = item_id(app, "Pending kindness")
    page = client.post(
        f"/moderate/submission/{submission_id}/approve", follow_redirects=True
    ).get_data(as_text=True)
    assert "it is now pending" in page
    assert only_submission(app).state is State.pending


@pytest.mark.parametrize("path", ["/moderate/", "/moderate/decisions"])
def test_moderator_pages_need_login(client, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/moderate/login?next=")


def test_decisions_need_login(app, client):
    submit(client, text=ABUSIVE)
    score_all(app)
    submission_id = item_id(app, ABUSIVE)
    response = client.post(f"/moderate/submission/{submission_id}/approve")
    assert response.status_code == 302 and "/moderate/login" in response.headers["Location"]
    assert only_submission(app).state is State.needs_review


def test_login_wrong_password_and_safe_redirect(app, client):
    actions = ModeratorActions(app, client)
    actions.create()
    bad = actions.login(password="not-the-password")
    assert bad.status_code == 400
    assert b"That username and password do not match an account." in bad.data
    unknown = actions.login(username="nobody")
    assert unknown.status_code == 400
    good = client.post(
        "/moderate/login",
        data={"username": "mod", "password": "a-long-kind-password", "next": "//evil.example/"},
    )
    assert good.status_code == 302 and good.headers["Location"] == "/moderate/"
    assert client.get("/moderate/").status_code == 200
    actions.logout()
    assert client.get("/moderate/").status_code == 302


def test_unknown_receipt_is_404(client):
    assert client.get("/receipt/not-a-real-token").status_code == 404
    assert client.get("/receipt/" + "x" * 500).status_code == 404


def test_wall_paginates_by_key(app, client):
    app.config["WALL_PAGE_SIZE"] = 3
    texts = [f"Kind moment number {i}" for i in range(7)]
    for text in texts:
        submit(client, text=text)
    score_all(app)
    seen, url = [], "/"
    while url:
        page = client.get(url).get_data(as_text=True)
        seen += re.findall(r"Kind moment number \d", page)
        match = re.search(r'rel="next" href="([^"]+)"', page)
        url = match.group(1).replace("&amp;", "&") if match else None
    # Newest first, each exactly once, across three pages.
    assert seen == list(reversed(texts))

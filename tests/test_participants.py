"""Participants: the kindness nudge, honeypot, duplicate window, receipt withdraw and appeal."""

import re

import pytest
from sqlalchemy import func, select

from kindness_challenge.core.text.videolinks import video_platform
from kindness_challenge.extensions import db
from kindness_challenge.models import AuditEvent, Score, State, Submission, Transition

from conftest import ModeratorActions, make_app, receipt_token, score_all, submit

UNKIND = "you are a stupid fucking idiot"


def count(app, model=Submission):
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(model))


def only(app) -> Submission:
    with app.app_context():
        submission = db.session.scalar(select(Submission))
        db.session.expunge(submission)
        return submission


# --- the nudge ----------------------------------------------------------------------------


def test_unkind_draft_is_nudged_on_submit_and_nothing_is_stored(app, client):
    response = submit(client, text=UNKIND, nudge_ack="")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "Before you share…" in page and "might come across as unkind" in page
    assert "Submit for review anyway" in page and "Edit my moment" in page
    assert UNKIND in page  # the draft is kept in the form
    assert count(app) == 0
    anyway = submit(client, text=UNKIND, nudge_ack="1")
    assert anyway.status_code == 302
    score_all(app)
    assert only(app).state is State.needs_review


def test_kind_draft_is_not_nudged(app, client):
    response = submit(client, text="Thank you for lending me your umbrella!", nudge_ack="")
    assert response.status_code == 302
    assert count(app) == 1


def test_nudge_endpoint_scores_drafts_without_storing(app, client):
    flagged = client.post("/share/nudge", json={"text": UNKIND})
    assert flagged.status_code == 200
    assert flagged.get_json()["flagged"] is True
    assert "might come across as unkind" in flagged.get_json()["message"]
    kind = client.post("/share/nudge", json={"text": "You are wonderful"}).get_json()
    assert kind == {"flagged": False, "message": ""}
    assert count(app) == 0 and count(app, Score) == 0
    for body in ({"text": 5}, {"nope": 1}, ["text"]):
        assert client.post("/share/nudge", json=body).status_code == 400
    assert client.post("/share/nudge", data="not json").status_code == 400
    assert client.post("/share/nudge", json={"text": "x" * 1001}).status_code == 400


def test_nudge_follows_banned_words_but_not_premoderation(app, client, tmp_path):
    from kindness_challenge.models import Setting

    with app.app_context():
        db.session.add(Setting(key="mode", value="premoderate"))
        db.session.commit()
    assert client.post("/share/nudge", json={"text": "You are lovely"}).get_json()["flagged"] is (
        False
    )


def test_nudge_needs_csrf_when_csrf_is_on(csrf_app):
    client = csrf_app.test_client()
    assert client.post("/share/nudge", json={"text": UNKIND}).status_code == 400
    page = client.get("/share").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    ok = client.post("/share/nudge", json={"text": UNKIND}, headers={"X-CSRFToken": token})
    assert ok.status_code == 200 and ok.get_json()["flagged"] is True


def test_nudge_is_rate_limited(tmp_path):
    app = make_app(tmp_path, RATELIMIT_ENABLED=True, NUDGE_RATE_LIMIT="2 per minute")
    client = app.test_client()
    codes = [client.post("/share/nudge", json={"text": "hi there"}).status_code for _ in range(3)]
    assert codes == [200, 200, 429]
    limited = client.post("/share/nudge", json={"text": "hi"})
    assert limited.get_json()["error"]["code"] == 429
    with app.app_context():
        db.engine.dispose()


# --- abuse controls ---------------------------------------------------------------------------


def test_honeypot_refuses_and_stores_nothing(app, client):
    response = submit(client, website="http://spam.example")
    assert response.status_code == 400
    assert "This field must be left empty." in response.get_data(as_text=True)
    assert count(app) == 0


def test_same_text_from_same_client_within_window_is_a_duplicate(app, client):
    assert submit(client, text="Thanks for the soup, neighbour!").status_code == 302
    again = submit(client, text="  THANKS for the soup,   neighbour!! ")
    assert again.status_code == 400
    assert "You shared this same moment a few minutes ago" in again.get_data(as_text=True)
    # Another client may say the same thing.
    other = app.test_client()
    response = other.post(
        "/share",
        data={
            "text": "Thanks for the soup, neighbour!",
            "display_name": "b",
            "consent": "y",
            "category": "gave",
        },
        environ_base={"REMOTE_ADDR": "10.1.2.3"},
    )
    assert response.status_code == 302
    # And after the window, the same client may too.
    app.config["DUPLICATE_WINDOW_SECONDS"] = 0
    assert submit(client, text="Thanks for the soup, neighbour!").status_code == 302
    assert count(app) == 3
    with app.app_context():
        hashes = db.session.scalars(select(Submission.client_hash)).all()
    assert all(h and "127.0.0.1" not in h for h in hashes)


# --- the form's new fields ----------------------------------------------------------------


def test_category_and_for_whom_are_stored_and_shown(app, client):
    token = receipt_token(
        submit(
            client,
            text="You saved my day",
            for_whom="the bus driver on route 12",
            category="inspiring",
        )
    )
    submission = only(app)
    assert (submission.category, submission.for_whom) == ("inspiring", "the bus driver on route 12")
    receipt = client.get(f"/receipt/{token}").get_data(as_text=True)
    assert 'for <bdi dir="auto">the bus driver on route 12</bdi>' in receipt
    assert "An inspiring moment" in receipt


def test_category_is_optional_but_must_be_known(app, client):
    assert submit(client, text="No category here", category="").status_code == 302
    assert only(app).category is None
    response = submit(client, text="A made-up category", category="evil")
    assert response.status_code == 400
    assert "Choose one of the kinds of moment listed, or none." in response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("url", "platform"),
    [
        ("https://www.tiktok.com/@kind.creator/video/7234567890123456789", "tiktok.com"),
        ("https://vm.tiktok.com/ZMabc123/", "vm.tiktok.com"),
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "youtube.com"),
        ("https://youtu.be/dQw4w9WgXcQ", "youtu.be"),
        ("https://youtube.com/shorts/abcdef123", "youtube.com"),
        ("https://www.instagram.com/reel/Cxyz123/", "instagram.com"),
        ("https://vimeo.com/123456", "vimeo.com"),
        ("https://x.com/someone/status/123456789", "x.com"),
        ("https://www.tiktok.com/@kind.creator", None),  # a profile, not a video
        ("https://www.youtube.com/watch", None),
        ("https://example.com/video.mp4", None),
        ("https://evil.com/www.tiktok.com/@a/video/1", None),
        ("https://tiktok.com.evil.com/@a/video/1", None),
        ("javascript:alert(1)//tiktok.com/@a/video/1", None),
    ],
)
def test_video_link_must_be_a_video_page(url, platform):
    assert video_platform(url) == platform


def test_video_link_error_is_specific(app, client):
    response = submit(client, video_url="https://example.com/my-video")
    assert response.status_code == 400
    assert "doesn&#39;t look like a link to a video page" in response.get_data(as_text=True)


# --- receipt: withdraw and appeal ---------------------------------------------------------


def test_withdraw_deletes_for_good(app, client):
    token = receipt_token(submit(client, text="My kind moment to withdraw"))
    score_all(app)
    assert b"My kind moment to withdraw" in client.get("/").data
    unconfirmed = client.post(f"/receipt/{token}/withdraw", follow_redirects=True)
    assert "Tick the box to confirm" in unconfirmed.get_data(as_text=True)
    assert count(app) == 1
    done = client.post(f"/receipt/{token}/withdraw", data={"confirm": "y"})
    assert done.status_code == 200 and b"Your moment is withdrawn" in done.data
    assert count(app) == 0 and count(app, Transition) == 0
    assert client.get(f"/receipt/{token}").status_code == 404
    assert b"My kind moment to withdraw" not in client.get("/").data
    with app.app_context():
        event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "withdrawn"))
        assert event.before == {"state": "published"} and event.submission_id is None


def reject_as(app, client, username, reason="unkind"):
    actions = ModeratorActions(app, client)
    actions.login(username)
    submission_id = only(app).id
    client.post(f"/moderate/submission/{submission_id}/reject", data={"reason": reason})
    actions.logout()
    return submission_id


def test_appeal_once_and_decided_by_another_moderator(app, client):
    mods = app.test_client()
    ModeratorActions(app, mods).create("mod")
    ModeratorActions(app, mods).create("kim")
    token = receipt_token(submit(client, text=UNKIND))
    score_all(app)
    submission_id = reject_as(app, mods, "mod")

    receipt = client.get(f"/receipt/{token}").get_data(as_text=True)
    assert "Appeal this decision" in receipt
    empty = client.post(f"/receipt/{token}/appeal", data={"note": "  "})
    # Shown in place, the appeal panel open, the error tied to the field: not a redirect.
    assert empty.status_code == 400
    html = empty.get_data(as_text=True)
    assert '<details id="appeal" open>' in html
    assert 'aria-describedby="note-errors"' in html and 'id="note-errors"' in html
    assert "Please say in a few words why" in html
    client.post(f"/receipt/{token}/appeal", data={"note": "It was a quote from a film!"})
    submission = only(app)
    assert submission.state is State.needs_review and submission.review_kind == "appeal"
    assert submission.appeal_note == "It was a quote from a film!"
    assert "Your appeal is with a moderator" in client.get(f"/receipt/{token}").get_data(
        as_text=True
    )

    # The moderator who rejected it may not decide the appeal while someone else can.
    ModeratorActions(app, mods).login("mod")
    queue = mods.get("/moderate/?reason=appeal").get_data(as_text=True)
    assert "appeal: It was a quote from a film!" in queue
    # No live decision buttons for them, on the queue or the item's page; a note says why.
    page = mods.get(f"/moderate/submission/{submission_id}").get_data(as_text=True)
    for html in (queue, page):
        assert "An appeal against your own rejection." in html
        assert f"/moderate/submission/{submission_id}/approve" not in html
        assert f"/moderate/submission/{submission_id}/reject" not in html
    refused = mods.post(
        f"/moderate/submission/{submission_id}/reject",
        data={"reason": "unkind"},
        follow_redirects=True,
    ).get_data(as_text=True)
    assert "an appeal against your own decision" in refused
    assert only(app).state is State.needs_review
    ModeratorActions(app, mods).logout()
    ModeratorActions(app, mods).login("kim")
    other = mods.get(f"/moderate/submission/{submission_id}").get_data(as_text=True)
    assert f"/moderate/submission/{submission_id}/approve" in other
    assert "An appeal against your own rejection." not in other
    ModeratorActions(app, mods).logout()
    reject_as(app, mods, "kim", reason="hate")
    receipt = client.get(f"/receipt/{token}").get_data(as_text=True)
    assert "It attacks people for who they are." in receipt
    assert "This decision is final." in receipt and "Appeal this decision" not in receipt
    again = client.post(f"/receipt/{token}/appeal", data={"note": "please"}, follow_redirects=True)
    assert "You have already appealed" in again.get_data(as_text=True)


def test_sole_moderator_may_decide_an_appeal_against_themselves(app, client):
    mods = app.test_client()
    ModeratorActions(app, mods).create("mod")
    token = receipt_token(submit(client, text=UNKIND))
    score_all(app)
    submission_id = reject_as(app, mods, "mod")
    client.post(f"/receipt/{token}/appeal", data={"note": "Please look again"})
    ModeratorActions(app, mods).login("mod")
    mods.post(f"/moderate/submission/{submission_id}/approve")
    assert only(app).state is State.published


def test_appeal_only_for_rejected(app, client):
    token = receipt_token(submit(client, text="A kind one"))
    response = client.post(f"/receipt/{token}/appeal", data={"note": "why"}, follow_redirects=True)
    assert "Only a moment that was not published can be appealed." in response.get_data(
        as_text=True
    )

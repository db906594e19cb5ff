"""Hearts and reports: one per visitor per moment, only on published moments, rate limited, and
enough independent reports hide a moment for review."""

from __future__ import annotations

import re
import secrets
import threading
import time

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kindness_challenge.extensions import db
from kindness_challenge.models import ActorKind, Heart, Report, State, Submission, Transition
from kindness_challenge.wall import service as visitors
from kindness_challenge.wall.cookies import COOKIE, cookie_value

from conftest import ModeratorActions, make_app
from helpers import add_moment


def heart_state(app, moment_id: int) -> tuple[int, int]:
    """(heart_count on the moment, heart rows): they must always agree."""
    with app.app_context():
        count = db.session.scalar(select(Submission.heart_count).where(Submission.id == moment_id))
        rows = db.session.scalar(
            select(func.count()).select_from(Heart).where(Heart.submission_id == moment_id)
        )
        return count, rows


def state_of(app, moment_id: int) -> State:
    with app.app_context():
        return db.session.get(Submission, moment_id).state


def visitor(app, n: int):
    """A visitor of their own: their own network (198.51.n.0/24), and a visitor cookie a day
    old, so their reports count (issue 14, findings 3 and 11: tests/test_report_abuse.py)."""
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = f"198.51.{n}.7"
    with app.test_request_context():
        value = cookie_value(secrets.token_urlsafe(24), time.time() - 24 * 3600)
    client.set_cookie(COOKIE, value, domain="kind.test")
    return client


def report(client, moment_id: int, reason: str = "spam", note: str = ""):
    return client.post(f"/moment/{moment_id}/report", data={"reason": reason, "note": note})


# --- hearts -------------------------------------------------------------------------------


def test_set_heart_is_once_per_visitor_and_idempotent(app):
    moment = add_moment(app, "Heart me")
    with app.app_context():
        session = db.session
        assert visitors.set_heart(session, moment, "visitor-a").count == 1
        assert visitors.set_heart(session, moment, "visitor-a").count == 1
        assert visitors.set_heart(session, moment, "visitor-b").count == 2
        assert visitors.set_heart(session, moment, "visitor-a", hearted=False).count == 1
        assert visitors.set_heart(session, moment, "visitor-a", hearted=False).count == 1
        assert visitors.hearted_ids(session, "visitor-b", [moment, 999]) == {moment}
        assert visitors.hearted_ids(session, "visitor-a", [moment]) == set()
    assert heart_state(app, moment) == (1, 1)


def test_two_cookies_are_two_hearts_and_the_same_cookie_twice_is_one(app):
    moment = add_moment(app, "Heart me twice")
    first, second = app.test_client(), visitor(app, 2)
    for _ in range(2):
        response = first.post(f"/moment/{moment}/heart", data={"back": "/"})
        assert response.status_code == 302
        assert response.headers["Location"] == f"/#moment-{moment}"
    assert heart_state(app, moment) == (1, 1)
    second.post(f"/moment/{moment}/heart")
    assert heart_state(app, moment) == (2, 2)
    # The wall shows the count, and to each visitor whether they hearted it.
    page = first.get("/").get_data(as_text=True)
    assert '<span class="heart-count">2</span>' in page
    assert 'aria-pressed="true" data-moment-id' in page
    assert 'name="hearted" value="0"' in page  # the button now takes the heart back
    stranger = app.test_client().get("/").get_data(as_text=True)
    assert 'aria-pressed="false" data-moment-id' in stranger
    # Taking it back.
    first.post(f"/moment/{moment}/heart", data={"hearted": "0"})
    assert heart_state(app, moment) == (1, 1)


def test_visitor_cookie_is_signed_httponly_samesite_lax_and_set_once(app):
    moment = add_moment(app, "Cookie check")
    client = app.test_client()
    response = client.post(f"/moment/{moment}/heart")
    cookie = response.headers["Set-Cookie"]
    assert cookie.startswith(f"{COOKIE}=")
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Max-Age=" in cookie
    assert "Set-Cookie" not in client.post(f"/moment/{moment}/heart").headers
    # The database keeps a keyed hash, not the id in the cookie.
    visitor_id = cookie.split(";")[0].split("=", 1)[1].split(".")[0]
    with app.app_context():
        key = db.session.scalar(select(Heart.visitor_key))
    assert len(key) == 64 and visitor_id not in key


def test_a_forged_cookie_is_a_new_visitor(app):
    moment = add_moment(app, "Forgery")
    client = app.test_client()
    client.post(f"/moment/{moment}/heart")
    forged = visitor(app, 2)
    forged.set_cookie(COOKIE, "eyJhIjoiYiJ9.forged-signature", domain="kind.test")
    response = forged.post(f"/moment/{moment}/heart")
    assert COOKIE in response.headers["Set-Cookie"]  # replaced
    assert heart_state(app, moment) == (2, 2)


def test_heart_answers_json_for_scripts(app):
    moment = add_moment(app, "Fetch me")
    response = app.test_client().post(
        f"/moment/{moment}/heart", headers={"Accept": "application/json"}
    )
    assert response.status_code == 200
    assert response.get_json() == {"id": moment, "hearted": True, "count": 1}
    assert COOKIE in response.headers["Set-Cookie"]


@pytest.mark.parametrize(
    "back, location",
    [
        ("/?after=1-1&category=gave", "/?after=1-1&category=gave#moment-{id}"),
        ("https://evil.example/", "/moment/{id}#moment-{id}"),
        ("//evil.example/", "/moment/{id}#moment-{id}"),
        ("/\\evil.example", "/moment/{id}#moment-{id}"),
        ("", "/moment/{id}#moment-{id}"),
    ],
)
def test_heart_goes_back_only_to_our_own_pages(app, back, location):
    moment = add_moment(app, "Where to")
    response = app.test_client().post(f"/moment/{moment}/heart", data={"back": back})
    assert response.headers["Location"] == location.format(id=moment)


@pytest.mark.parametrize("state", [State.pending, State.needs_review, State.rejected])
def test_heart_on_an_unpublished_moment_is_404(app, state):
    moment = add_moment(app, "Not public", state=state)
    client = app.test_client()
    response = client.post(f"/moment/{moment}/heart")
    assert response.status_code == 404
    assert "We couldn&#39;t find that page" in response.get_data(as_text=True)
    assert client.post(f"/moment/{moment}/heart", data={"hearted": "0"}).status_code == 404
    assert client.post("/moment/9999/heart").status_code == 404
    assert client.post(f"/moment/{2**63}/heart").status_code == 404
    assert heart_state(app, moment) == (0, 0)


def test_heart_is_post_only_and_needs_the_csrf_token(csrf_app):
    moment = add_moment(csrf_app, "CSRF")
    client = csrf_app.test_client()
    assert client.get(f"/moment/{moment}/heart").status_code == 405
    refused = client.post(f"/moment/{moment}/heart")
    assert refused.status_code == 400
    assert "security token" in refused.get_data(as_text=True)
    page = client.get("/").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    assert client.post(f"/moment/{moment}/heart", data={"csrf_token": token}).status_code == 302
    assert heart_state(csrf_app, moment) == (1, 1)


def test_concurrent_hearts_from_one_visitor_count_once(app):
    moment = add_moment(app, "Race")
    barrier = threading.Barrier(6)
    errors = []

    def heart(key):
        try:
            with app.app_context():
                barrier.wait()
                visitors.set_heart(db.session, moment, key)
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=heart, args=(k,)) for k in ["same"] * 4 + ["x", "y"]]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert heart_state(app, moment) == (3, 3)


# --- reports ------------------------------------------------------------------------------


def test_reports_hide_a_moment_only_at_the_threshold_of_independent_visitors(app):
    moment = add_moment(app, "Reported moment")
    add_moment(app, "Another moment")
    first, second, third = (visitor(app, n) for n in range(3))

    response = report(first, moment, "bullying", "Mean to my friend")
    assert response.status_code == 302
    assert response.headers["Location"] == f"/moment/{moment}"
    page = first.get(f"/moment/{moment}").get_data(as_text=True)
    assert "Thank you for telling us. A moderator will look at this moment." in page
    assert "You reported this moment." in page and "Send report" not in page
    # The same visitor again counts once.
    report(first, moment, "spam")
    assert "You reported this moment already." in first.get("/").get_data(as_text=True)
    report(second, moment, "hate")
    assert state_of(app, moment) is State.published  # two visitors: still public
    assert "Reported moment" in app.test_client().get("/").get_data(as_text=True)

    hidden = report(third, moment, "spam")
    assert hidden.headers["Location"] == "/"
    assert "hidden until a moderator" in third.get("/").get_data(as_text=True)
    assert state_of(app, moment) is State.needs_review
    assert app.test_client().get(f"/moment/{moment}").status_code == 404
    assert "Reported moment" not in app.test_client().get("/").get_data(as_text=True)
    with app.app_context():
        submission = db.session.get(Submission, moment)
        assert submission.review_kind == "reported"
        assert submission.state_reason == "hidden after reports from 3 different visitors"
        last = db.session.scalar(
            select(Transition)
            .where(Transition.submission_id == moment)
            .order_by(Transition.id.desc())
        )
        assert (last.actor_kind, last.actor) == (ActorKind.visitor, "visitors")
        assert (last.from_state, last.to_state) == (State.published, State.needs_review)
        reports = db.session.scalars(select(Report).order_by(Report.id)).all()
        assert [(r.reason, r.note) for r in reports] == [
            ("bullying", "Mean to my friend"),
            ("hate", None),
            ("spam", None),
        ]
        assert len({r.reporter_key for r in reports}) == 3

    # The moderators see it in the reported view and in the queue, as "reported".
    moderators = app.test_client()
    actions = ModeratorActions(app, moderators)
    actions.create()
    actions.login()
    reported = moderators.get("/moderate/reported").get_data(as_text=True)
    assert "Reported moment" in reported and "3 open report(s)" in reported
    queue = moderators.get("/moderate/?reason=reported").get_data(as_text=True)
    assert "Reported moment" in queue and "Reported by visitors" in queue
    assert "Another moment" not in queue


@pytest.mark.parametrize("threshold", [1, 2, 5])
def test_hide_threshold_is_configurable(tmp_path, threshold):
    app = make_app(tmp_path, REPORT_HIDE_THRESHOLD=threshold)
    moment = add_moment(app, "Threshold")
    for n in range(threshold):
        assert state_of(app, moment) is State.published
        report(visitor(app, n), moment)
    assert state_of(app, moment) is State.needs_review
    with app.app_context():
        db.engine.dispose()


def test_threshold_zero_never_hides(tmp_path):
    app = make_app(tmp_path, REPORT_HIDE_THRESHOLD=0)
    moment = add_moment(app, "Never hidden")
    for n in range(4):
        report(visitor(app, n), moment)
    assert state_of(app, moment) is State.published
    with app.app_context():
        db.engine.dispose()


def test_dismissed_reports_no_longer_count(app):
    moment = add_moment(app, "Dismissed")
    for n in range(2):
        report(visitor(app, n), moment)
    moderators = app.test_client()
    actions = ModeratorActions(app, moderators)
    actions.create()
    actions.login()
    moderators.post(f"/moderate/submission/{moment}/dismiss-reports")
    report(visitor(app, 2), moment)  # the third ever, but the first open one
    assert state_of(app, moment) is State.published


@pytest.mark.parametrize(
    "data, message",
    [
        ({}, "Please choose a reason."),
        ({"reason": "nonsense"}, "Not a valid choice"),
        ({"reason": "spam", "note": "n" * 301}, "Keep the note to 300 characters or fewer."),
        ({"reason": "spam", "note": "bad\x00note"}, "invisible control character"),
    ],
)
def test_bad_report_is_refused_with_a_message(app, data, message):
    moment = add_moment(app, "Bad report")
    response = app.test_client().post(f"/moment/{moment}/report", data=data)
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert message in page
    assert '<details class="report panel" open>' in page
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Report)) == 0


def test_report_note_of_300_characters_is_kept(app):
    moment = add_moment(app, "Long note")
    report(app.test_client(), moment, "other", "n" * 300)
    with app.app_context():
        assert db.session.scalar(select(Report.note)) == "n" * 300


@pytest.mark.parametrize("state", [State.pending, State.needs_review, State.rejected])
def test_report_on_an_unpublished_moment_is_404(app, state):
    moment = add_moment(app, "Not public", state=state)
    assert report(app.test_client(), moment).status_code == 404
    assert report(app.test_client(), 9999).status_code == 404
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Report)) == 0


def test_report_needs_the_csrf_token(csrf_app):
    moment = add_moment(csrf_app, "CSRF report")
    client = csrf_app.test_client()
    assert report(client, moment).status_code == 400
    page = client.get(f"/moment/{moment}").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page) or re.search(
        r'name="csrf_token" value="([^"]+)"', page
    )
    response = client.post(
        f"/moment/{moment}/report", data={"reason": "spam", "csrf_token": token.group(1)}
    )
    assert response.status_code == 302


def test_report_domain_function_refuses_unknown_reasons(app):
    moment = add_moment(app, "Domain")
    with app.app_context():
        with pytest.raises(ValueError):
            visitors.report(db.session, moment, "k", "made-up", None, 3)
        with pytest.raises(visitors.NotPublished):
            visitors.report(db.session, 9999, "k", "spam", None, 3)
        result = visitors.report(db.session, moment, "k", "spam", "  a note  ", 3)
        assert (result.recorded, result.open_reports, result.hidden) == (True, 1, False)
        again = visitors.report(db.session, moment, "k", "hate", None, 3)
        assert (again.recorded, again.open_reports) == (False, 1)
        assert db.session.scalar(select(Report.note)) == "a note"


# --- rate limits --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "setting, post",
    [
        ("HEART_RATE_LIMIT", lambda client, moment: client.post(f"/moment/{moment}/heart")),
        ("REPORT_RATE_LIMIT", lambda client, moment: report(client, moment)),
    ],
    ids=["hearts", "reports"],
)
def test_hearts_and_reports_are_rate_limited_with_the_friendly_page(tmp_path, setting, post):
    app = make_app(tmp_path, RATELIMIT_ENABLED=True, **{setting: "2 per minute"})
    moments = [add_moment(app, f"Limited {i}") for i in range(4)]
    client = app.test_client()
    codes = [post(client, moment).status_code for moment in moments]
    assert codes == [302, 302, 429, 429]
    limited = post(client, moments[0])
    assert limited.status_code == 429
    page = limited.get_data(as_text=True)
    assert "Slow down a little" in page and 'class="site-header"' in page
    assert "Retry-After" in limited.headers
    # Reading is not limited.
    assert client.get(f"/moment/{moments[0]}").status_code == 200
    # A script gets the same 429 (wall.js tells the visitor to slow down).
    assert client.post(
        f"/moment/{moments[0]}/heart", headers={"Accept": "application/json"}
    ).status_code == (429 if setting == "HEART_RATE_LIMIT" else 200)
    with app.app_context():
        db.engine.dispose()


# --- PostgreSQL: the same rules with its own INSERT ... ON CONFLICT and row locks ------------


@pytest.mark.postgres
def test_hearts_and_reports_on_postgres(pg_app):
    moment = add_moment(pg_app, "On PostgreSQL")
    with pg_app.app_context():
        engine = db.engine
    barrier = threading.Barrier(8)
    errors = []

    def act(index):
        try:
            with Session(engine) as session:
                barrier.wait()
                visitors.set_heart(session, moment, "same" if index < 4 else f"v{index}")
                visitors.report(session, moment, f"r{index % 4}", "spam", None, 3)
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=act, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # Some visitors found it hidden by then: NotPublished is the right answer for them.
    assert all(isinstance(error, visitors.NotPublished) for error in errors), errors
    count, rows = heart_state(pg_app, moment)
    assert count == rows and 1 <= rows <= 5
    assert state_of(pg_app, moment) is State.needs_review
    with pg_app.app_context():
        hidden = db.session.scalars(
            select(Transition).where(
                Transition.submission_id == moment, Transition.to_state == State.needs_review
            )
        ).all()
        assert len(hidden) == 1  # hidden once, however the reports raced
        assert db.session.scalar(select(func.count()).select_from(Report)) == 3

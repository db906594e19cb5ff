"""Error pages: in the site's look, with a clear message, never a stack trace."""

import pytest
from sqlalchemy import func, select, text

from kindness_challenge.extensions import db
from kindness_challenge.models import Submission

from conftest import ModeratorActions, make_app, stop_wall_listener, submit


def test_404_page_in_site_look(client):
    response = client.get("/no/such/page")
    assert response.status_code == 404
    body = response.get_data(as_text=True)
    assert "We couldn&#39;t find that page" in body and 'class="site-header"' in body


def test_405_for_get_on_post_only_routes(client):
    assert client.get("/moderate/logout").status_code == 405
    assert client.get("/moderate/submission/1/approve").status_code == 405


@pytest.mark.postgres
def test_500_rolls_back_and_shows_friendly_page(tmp_path, postgres_url):
    """On PostgreSQL a failed statement aborts the transaction: until it is rolled back, every
    query on that session fails. The 500 page greets the logged-in moderator, which loads them
    from the database, so it renders only if the handler rolled back first."""
    app = make_app(
        tmp_path, SQLALCHEMY_DATABASE_URI=postgres_url, TESTING=False, PROPAGATE_EXCEPTIONS=False
    )

    @app.route("/boom")
    def boom():
        db.session.add(
            Submission(
                text="half-done", display_name="x", consent_public=True, receipt_hash="0" * 64
            )
        )
        db.session.flush()
        db.session.execute(text("SELECT 1 / 0"))  # a bug in a query: the transaction is aborted
        return "unreachable"

    try:
        client = app.test_client()
        moderator = ModeratorActions(app, client)
        moderator.create()
        assert moderator.login().status_code == 302
        response = client.get("/boom")
        assert response.status_code == 500
        body = response.get_data(as_text=True)
        assert "Something went wrong on our side" in body and 'class="site-header"' in body
        assert "Log out mod" in body
        assert "DivisionByZero" not in body and "division by zero" not in body
        # The next request (on the same pooled connection) is served normally.
        assert client.get("/moderate/").status_code == 200
        with app.app_context():
            assert db.session.scalar(select(func.count()).select_from(Submission)) == 0
    finally:
        stop_wall_listener(app)
        with app.app_context():
            db.session.remove()
            db.engine.dispose()


def test_database_outage_is_503_not_500(tmp_path):
    app = make_app(tmp_path, TESTING=False)
    with app.app_context():
        db.engine.dispose()
    (tmp_path / "test.sqlite3").unlink()
    (tmp_path / "test.sqlite3").mkdir()  # the database file is now unreadable
    response = app.test_client().get("/")
    assert response.status_code == 503
    assert "briefly unavailable" in response.get_data(as_text=True)


def test_submit_flood_is_rate_limited(tmp_path):
    app = make_app(tmp_path, RATELIMIT_ENABLED=True, SUBMIT_RATE_LIMIT="3 per minute")
    client = app.test_client()
    codes = [submit(client, text=f"Kind moment {i}").status_code for i in range(5)]
    assert codes == [302, 302, 302, 429, 429]
    page = submit(client, text="one more").get_data(as_text=True)
    # The form again, with the words (issue 14, finding 13), not a bare 429 page.
    assert "Please send it again" in page and "one more" in page
    # Reading the form is not limited.
    assert client.get("/share").status_code == 200
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Submission)) == 3
        db.engine.dispose()


def test_login_brute_force_is_rate_limited(tmp_path):
    app = make_app(tmp_path, RATELIMIT_ENABLED=True, LOGIN_RATE_LIMIT="2 per minute")
    client = app.test_client()
    codes = [
        client.post("/moderate/login", data={"username": "a", "password": "b"}).status_code
        for _ in range(3)
    ]
    assert codes == [400, 400, 429]
    with app.app_context():
        db.engine.dispose()

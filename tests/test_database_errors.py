"""A database that fails at any point of a request answers 503 (page or JSON), never 500.

The PostgreSQL cases close the request's own connection from the server side
(``pg_terminate_backend``, what a restart does to every connection) right after the view has
run its queries: the request's teardown then rolls back on a closed connection, which escaped
every error handler as a 500 before (issue 19). The other cases make every new connection fail,
as a stopped server does, on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

import logging
import sqlite3
import time

import psycopg
import pytest
import sqlalchemy as sa
from sqlalchemy import event

from kindness_challenge import create_app
from kindness_challenge.extensions import db
from kindness_challenge.participate.submit import create_submission
from kindness_challenge.services import DATABASE

from conftest import POSTGRES_URL, ModeratorActions, base_config, make_app

READ_PATHS = ["/receipt/{token}", "/api/v1/counts", "/readyz", "/api/v1/moments"]


def _stored(app) -> str:
    with app.app_context():
        _, token = create_submission(db.session, "Thank you for the flowers", "@sam", None, True)
        db.session.remove()
    return token


@pytest.fixture
def admin_engine():
    engine = sa.create_engine(POSTGRES_URL)
    yield engine
    engine.dispose()


def _terminate_own_connection_after_the_view(app, admin) -> list[int]:
    """After each view, the server closes the connection the request's session holds."""
    killed: list[int] = []

    @app.after_request
    def terminate(response):
        if db.session().in_transaction():
            pid = db.session.connection().connection.driver_connection.info.backend_pid
            with admin.begin() as connection:
                connection.execute(sa.text("SELECT pg_terminate_backend(:pid, 5000)"), {"pid": pid})
            killed.append(pid)
        return response

    return killed


@pytest.mark.postgres
@pytest.mark.parametrize("path", READ_PATHS)
def test_a_connection_closed_after_the_query_is_no_500(pg_app, admin_engine, path):
    """Fails on the old code with 500: the teardown's rollback raised on the closed connection."""
    url = path.format(token=_stored(pg_app))
    killed = _terminate_own_connection_after_the_view(pg_app, admin_engine)
    client = pg_app.test_client()
    answers = [client.get(url).status_code for _ in range(3)]
    assert killed, "the request held no connection to close"
    # The page was built from a query that had run: it goes out as it is, never as a 500.
    assert answers == [200, 200, 200]


@pytest.mark.postgres
@pytest.mark.parametrize("path", ["/receipt/{token}", "/api/v1/counts"])
def test_a_failure_in_an_after_request_hook_is_a_503(pg_app, admin_engine, path):
    url = path.format(token=_stored(pg_app))
    _terminate_own_connection_after_the_view(pg_app, admin_engine)

    # Registered first, runs last (after_request runs in reverse): queries on the dead session.
    @pg_app.after_request
    def query_again(response):
        db.session.execute(sa.text("SELECT 1"))
        return response

    pg_app.after_request_funcs[None].reverse()
    pg_app.config["PROPAGATE_EXCEPTIONS"] = False  # as in production: Flask's 500 path
    answer = pg_app.test_client().get(url)
    assert answer.status_code == 503
    if path.startswith("/api/"):
        assert answer.json["error"]["code"] == 503
    else:
        assert b"briefly unavailable" in answer.data


def _refuse_new_connections(app, error: Exception):
    """Every new connection fails as one to a stopped server would; returns the undo."""
    with app.app_context():
        engine = db.engine
    engine.dispose()

    def refuse(dialect, connection_record, cargs, cparams):
        raise error

    event.listen(engine, "do_connect", refuse)
    return lambda: event.remove(engine, "do_connect", refuse)


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_an_outage_is_logged_once_when_it_starts_and_once_when_it_ends(
    request, tmp_path, caplog, backend
):
    if backend == "postgresql":
        app = request.getfixturevalue("pg_app")
        failure = psycopg.OperationalError("connection refused (the test's stopped server)")
    else:
        app = make_app(tmp_path)
        failure = sqlite3.OperationalError("unable to open database file")
    token = _stored(app)
    client = app.test_client()
    DATABASE.succeeded()  # an earlier test's outage does not carry over
    caplog.set_level(logging.INFO)
    restore = _refuse_new_connections(app, failure)
    paths = [f"/receipt/{token}", "/api/v1/counts", "/readyz", "/"] * 6
    answers = [client.get(path) for path in paths]
    assert {a.status_code for a in answers} == {503}
    assert client.get("/share").status_code == 200  # the form itself needs no database
    assert all(
        a.json["error"]["code"] == 503 for a, p in zip(answers, paths, strict=True) if "/api/" in p
    )
    restore()
    assert client.get(f"/receipt/{token}").status_code == 200
    assert client.get(f"/receipt/{token}").status_code == 200
    said = [r for r in caplog.records if getattr(r, "outage", None) == "database"]
    assert [r.outage_event for r in said] == ["start", "end"], [r.getMessage() for r in said]
    assert "24 failed calls" in said[1].getMessage()
    # Nothing else at warning level but other outages' own single lines (on PostgreSQL the wall's
    # LISTEN connection has one): no traceback, no line per request.
    warnings = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert all(hasattr(r, "outage") for r in warnings), [r.getMessage() for r in warnings]
    starts = [r.outage for r in warnings if r.outage_event == "start"]
    assert len(starts) == len(set(starts)), starts


def test_a_logged_in_moderator_gets_the_503_page_not_a_500(tmp_path):
    app = make_app(tmp_path)
    client = app.test_client()
    moderator = ModeratorActions(app, client)
    moderator.create()
    assert moderator.login().status_code == 302
    assert client.get("/moderate/").status_code == 200
    restore = _refuse_new_connections(app, sqlite3.OperationalError("unable to open database"))
    for path in ("/moderate/", "/", "/share", "/moderate/stats"):
        answer = client.get(path)
        assert answer.status_code == 503, path
        assert b"briefly unavailable" in answer.data
        assert b"Log out" not in answer.data  # drawn for a visitor: the account could not load
    restore()
    assert client.get("/moderate/").status_code == 200


def test_the_json_endpoints_outside_the_api_answer_the_outage_in_json(tmp_path):
    app = make_app(tmp_path)
    token = _stored(app)
    restore = _refuse_new_connections(app, sqlite3.OperationalError("unable to open database"))
    try:
        answer = app.test_client().get(f"/receipt/{token}/status")
    finally:
        restore()
    assert answer.status_code == 503 and answer.json["error"]["code"] == 503


@pytest.mark.postgres
def test_a_session_ended_by_the_idle_transaction_timeout_is_a_503(tmp_path, postgres_url):
    """psycopg raises this one as InternalError, not OperationalError: still the database."""
    # The tables are made first, without the timeout: the migrations run in one transaction,
    # and on a loaded 2-core machine the pauses between their statements outlasted 1 s (0.3 s
    # before that).
    migrated = make_app(tmp_path, SQLALCHEMY_DATABASE_URI=postgres_url)
    with migrated.app_context():
        db.engine.dispose()
    app = create_app(
        base_config(
            tmp_path, SQLALCHEMY_DATABASE_URI=postgres_url, DATABASE_IDLE_IN_TRANSACTION_TIMEOUT=1.0
        )
    )

    @app.get("/api/v1/test-slow-reader")
    def slow_reader():
        db.session.execute(sa.text("SELECT 1"))
        time.sleep(2.5)  # idle inside the transaction: the server ends the session
        db.session.execute(sa.text("SELECT 1"))
        return {"never": "answered"}

    client = app.test_client()
    answer = client.get("/api/v1/test-slow-reader")
    assert answer.status_code == 503 and answer.json["error"]["code"] == 503
    assert client.get("/api/v1/counts").status_code == 200  # the next request is served
    with app.app_context():
        db.session.remove()
        db.engine.dispose()

"""Fixtures: a fresh app and database per test, test client, CLI runner, a logged-in moderator.

Databases are real: SQLite in a temporary folder, and (for tests marked ``postgres``) the
PostgreSQL server named by KINDNESS_TEST_POSTGRES_URL, default 127.0.0.1:5432 database ``test``,
each test in a schema of its own. In CI (CI=true) an unreachable PostgreSQL fails those tests;
elsewhere they are skipped with the reason. A SQLite test's database is a copy of a template
migrated once per session (tests/template_db.py); PostgreSQL schemas are migrated per test.

Helpers shared by several modules are in helpers.py and (for the browser tests) browser_helpers.py.
"""

from __future__ import annotations

import os
import re
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask_migrate import upgrade

from kindness_challenge import create_app
from kindness_challenge.core.accounts import create_moderator
from kindness_challenge.extensions import db
from kindness_challenge.services import get_scorer

from template_db import copy_migrated

POSTGRES_URL = os.environ.get(
    "KINDNESS_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
REDIS_URL = os.environ.get("KINDNESS_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
MODERATOR_PASSWORD = "a-long-kind-password"


def _shared_data() -> Path:
    """The team's shared data (BLNS, the moderation sets): $KINDNESS_SHARED_DATA, else
    ../shared/data beside the checkout, else /work/shared/data."""
    if os.environ.get("KINDNESS_SHARED_DATA"):
        return Path(os.environ["KINDNESS_SHARED_DATA"])
    for candidate in (Path(__file__).resolve().parents[2] / "shared" / "data",
                      Path("/work/shared/data")):  # fmt: skip
        if candidate.is_dir():
            return candidate
    return Path(__file__).resolve().parents[2] / "shared" / "data"


SHARED_DATA = _shared_data()


def require_data(path: Path) -> Path:
    """``path`` under SHARED_DATA; the test skips, saying so, on a machine without it."""
    if not path.exists():
        pytest.skip(f"{path} is not there (set KINDNESS_SHARED_DATA to the shared data folder)")
    return path


def base_config(tmp_path, **overrides) -> dict:
    config = {
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'test.sqlite3'}",
        "WTF_CSRF_ENABLED": False,
        "RATELIMIT_ENABLED": False,
        "SCORING_MODE": "off",
        "SERVER_NAME": "kind.test",
        # alt-profanity-check: fast and toxicity-only, so most tests follow the toxicity rules
        # alone; tests/test_kindness_routing.py runs the embedded default and its kindness rule.
        "CLASSIFIER": "profanity-check",
        "SCORE_KINDNESS": False,
        # No background model load per test app; tests/test_nudge_rules.py turns it on.
        "NUDGE_WARM_UP": False,
        # The first nudge of a test app loads its model; on a loaded CI machine that can pass the
        # production 2 s budget and skip the nudge. Tests of the time-out set their own.
        "NUDGE_TIMEOUT_SECONDS": 30.0,
    }
    config.update(overrides)
    return config


def make_app(tmp_path, *, template: bool = True, **overrides):
    """An app on a migrated database: a copy of the session's migrated SQLite template when the
    database is a new SQLite file (see tests/template_db.py), the migrations run otherwise.
    ``template=False`` runs the real migrations always (tests/test_migrations.py)."""
    config = base_config(tmp_path, **overrides)
    copied = template and copy_migrated(config["SQLALCHEMY_DATABASE_URI"], base_config(tmp_path))
    app = create_app(config)
    if not copied:
        with app.app_context():
            upgrade()
    return app


@pytest.fixture
def app(tmp_path):
    app = make_app(tmp_path)
    yield app
    with app.app_context():
        db.engine.dispose()


@pytest.fixture
def csrf_app(tmp_path):
    """An app with CSRF protection on, as in production."""
    app = make_app(tmp_path, WTF_CSRF_ENABLED=True)
    yield app
    with app.app_context():
        db.engine.dispose()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


def require_postgres() -> None:
    try:
        engine = sa.create_engine(POSTGRES_URL)
        with engine.connect() as connection:
            connection.execute(sa.text("select 1"))
        engine.dispose()
    except sa.exc.OperationalError as error:
        message = f"PostgreSQL unreachable at {POSTGRES_URL}: {error}"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture
def postgres_url():
    """A PostgreSQL URL whose connections use a fresh, empty schema (dropped afterwards)."""
    require_postgres()
    schema = "t_" + uuid.uuid4().hex[:12]
    admin = sa.create_engine(POSTGRES_URL)
    with admin.begin() as connection:
        connection.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    separator = "&" if "?" in POSTGRES_URL else "?"
    yield f"{POSTGRES_URL}{separator}options=-csearch_path%3D{schema}"
    with admin.begin() as connection:
        connection.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


@pytest.fixture
def pg_app(tmp_path, postgres_url):
    app = make_app(tmp_path, SQLALCHEMY_DATABASE_URI=postgres_url)
    yield app
    stop_wall_listener(app)
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


def stop_wall_listener(app) -> None:
    """The thread (and connection) that listens for take-downs, if the wall started one."""
    listener = app.extensions.get("kindness_wall_listener")
    if listener is not None:
        listener.stop()


def require_redis() -> None:
    """Like ``require_postgres``: Redis at KINDNESS_TEST_REDIS_URL; in CI, missing fails."""
    import redis

    try:
        client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2, socket_timeout=2)
        client.ping()
        client.close()
    except redis.RedisError as error:
        message = f"Redis unreachable at {REDIS_URL}: {error}"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture
def redis_url():
    """The test Redis URL, and a key prefix of this test's own (its keys are deleted after)."""
    import redis

    require_redis()
    prefix = "kindness-test-" + uuid.uuid4().hex[:12]
    yield REDIS_URL, prefix
    client = redis.Redis.from_url(REDIS_URL)
    for key in client.scan_iter(match=f"*{prefix}*", count=1000):
        client.delete(key)
    client.close()


class ModeratorActions:
    def __init__(self, app, client):
        self.app = app
        self.client = client

    def create(self, username="mod", password=MODERATOR_PASSWORD, role="moderator"):
        with self.app.app_context():
            create_moderator(db.session, username, password, role)

    def login(self, username="mod", password=MODERATOR_PASSWORD):
        return self.client.post(
            "/moderate/login", data={"username": username, "password": password}
        )

    def logout(self):
        return self.client.post("/moderate/logout")


@pytest.fixture
def moderator(app, client):
    actions = ModeratorActions(app, client)
    actions.create()
    actions.login()
    return actions


def submit(client, text="Thank you for cheering me on today!", name="@sam", **extra):
    """POST the share form; returns the response (not followed)."""
    # nudge_ack: as if the participant chose "submit for review anyway" after a kindness nudge.
    data = {
        "text": text,
        "display_name": name,
        "consent": "y",
        "category": "received",
        "nudge_ack": "1",
    }
    data.update(extra)
    return client.post("/share", data=data)


def receipt_token(response) -> str:
    match = re.search(r"/receipt/([A-Za-z0-9_-]+)$", response.headers["Location"])
    assert match, response.headers.get("Location")
    return match.group(1)


def score_all(app):
    """Run the real scoring worker over everything pending, as the background thread would."""
    return get_scorer(app).drain()


# Real-browser tests: Debian's Chromium driven by Playwright (no browser download). Each browser
# test module defines a ``live`` fixture (browser_helpers.serve_app with its own settings) that
# ``context`` and ``page`` open.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
]


@pytest.fixture(scope="module")
def browser():
    if IN_CI:  # a missing Playwright or Chromium is an error in CI, a skip on a workstation
        from playwright import sync_api
    else:
        sync_api = pytest.importorskip("playwright.sync_api")
    if not os.path.exists(CHROMIUM):
        message = f"Chromium not found at {CHROMIUM}"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def new_context(browser, live, **options):
    """A fresh browser profile (cookies, storage) on the live server.

    bypass_csp: the harness's own tools run inline script in the page (axe-core's injection,
    wait_for_function's string predicates), which the site's CSP rightly refuses;
    tests/test_browser_csp.py checks every page with the policy in force.
    """
    options = {"viewport": {"width": 1200, "height": 900}, "bypass_csp": True, **options}
    context = browser.new_context(base_url=live.url, **options)
    context.set_default_timeout(10_000)
    return context


@pytest.fixture
def context(browser, live):
    context = new_context(browser, live)
    yield context
    context.close()


@pytest.fixture
def page(context):
    return context.new_page()

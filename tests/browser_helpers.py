"""Helpers for the real-browser tests (Chromium through Playwright; the ``browser``, ``context``
and ``page`` fixtures are in conftest.py): the app served on a real socket, screenshots, and the
share form filled in with the mouse.

Importing this module skips the importing test module on a workstation without Playwright; in CI
(CI=true) a missing Playwright is an error.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import func, select
from werkzeug.serving import make_server

from kindness_challenge.extensions import db
from kindness_challenge.models import Submission
from kindness_challenge.participate.submit import create_submission
from kindness_challenge.services import get_scorer

from conftest import IN_CI, make_app

if IN_CI:
    from playwright import sync_api
else:
    sync_api = pytest.importorskip("playwright.sync_api")
expect = sync_api.expect

# Full-page screenshots for humans to look at (not assertions).
SCREENS = Path("/tmp/kindness-screens")
KIND_TEXT = "A stranger paid for my coffee this morning and said: pass it on."
ABUSIVE_TEXT = "you are a stupid fucking idiot"


@dataclass
class LiveServer:
    app: object
    url: str

    def count_submissions(self) -> int:
        with self.app.app_context():
            return db.session.scalar(select(func.count()).select_from(Submission))

    def publish_directly(self, text: str, name: str) -> None:
        """Seed a moment the way /share stores it; the background worker scores it."""
        with self.app.app_context():
            create_submission(db.session, text, name, None, True)
        get_scorer(self.app).notify_new_submission()


@contextmanager
def serve_app(tmp_path, **overrides) -> Iterator[LiveServer]:
    """The app on 127.0.0.1 with its background scorer, as in production (CSRF on)."""
    config = {
        "SCORING_MODE": "thread",
        "SCORING_POLL_SECONDS": 0.2,
        "WTF_CSRF_ENABLED": True,
        "SERVER_NAME": None,
        **overrides,
    }
    app = make_app(tmp_path, **config)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="live-server", daemon=True)
    thread.start()
    try:
        yield LiveServer(app, f"http://127.0.0.1:{server.server_port}")
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
        scorer = get_scorer(app)
        scorer.stop.set()
        scorer.wake.set()
        worker = getattr(scorer, "_thread", None)
        if worker is not None:
            worker.join(timeout=5)
        with app.app_context():
            db.engine.dispose()


def screenshot(page, name: str) -> None:
    """For humans to look at, not an assertion."""
    SCREENS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENS / f"{name}.png"), full_page=True)


def submit_with_mouse(page, text: str, name: str, expect_nudge: bool = False) -> None:
    page.goto("/share")
    page.get_by_label("Your kind moment").fill(text)
    page.get_by_label("A kind comment I received").check()
    page.get_by_label("Display name or @handle").fill(name)
    page.get_by_label("I agree that this moment may be shown publicly").check()
    page.get_by_role("button", name="Share my kind moment").click()
    if expect_nudge:
        # The kindness nudge: the draft is kept, nothing is stored until the person decides.
        expect(page.get_by_role("heading", name="Before you share…")).to_be_visible()
        expect(page.get_by_label("Your kind moment")).to_have_value(text)
        page.get_by_role("button", name="Submit for review anyway").click()
    expect(page.get_by_role("heading", name="Your kind moment", exact=True)).to_be_visible()

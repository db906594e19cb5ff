"""Helpers shared by several test modules (fixtures are in conftest.py; the browser tests' helpers
in browser_helpers.py): seeding the wall and reading its cards back, a free port and a plain GET
for servers started in a process of their own."""

from __future__ import annotations

import re
import socket
import urllib.error
import urllib.request
from datetime import timedelta

from sqlalchemy import update

from kindness_challenge.core.lifecycle import Actor, move
from kindness_challenge.extensions import db
from kindness_challenge.models import ActorKind, State, Submission, utcnow
from kindness_challenge.participate.submit import create_submission

CLASSIFIER = Actor(ActorKind.classifier, "test-classifier 1")


def add_moment(
    app,
    text: str,
    *,
    name: str = "@sam",
    state: State = State.published,
    minutes_ago: float = 0,
    category: str | None = None,
    for_whom: str | None = None,
    video_url: str | None = None,
    featured_minutes_ago: float | None = None,
    hearts: int = 0,
) -> int:
    """A moment stored the way /share stores it, then moved through the real state machine."""
    with app.app_context():
        submission, _ = create_submission(db.session, text, name, video_url, True)
        when = utcnow() - timedelta(minutes=minutes_ago)
        values = {"category": category, "for_whom": for_whom, "heart_count": hearts}
        db.session.execute(
            update(Submission).where(Submission.id == submission.id).values(**values)
        )
        if state is not State.pending:
            target = State.needs_review if state is State.rejected else state
            move(db.session, submission.id, State.pending, target, CLASSIFIER, now=when)
            if state is State.rejected:
                move(db.session, submission.id, State.needs_review, State.rejected, CLASSIFIER)
        if featured_minutes_ago is not None:
            db.session.execute(
                update(Submission)
                .where(Submission.id == submission.id)
                .values(featured_at=utcnow() - timedelta(minutes=featured_minutes_ago))
            )
        db.session.commit()
        return submission.id


def card_ids(page: str, prefix: str = "moment") -> list[int]:
    return [int(i) for i in re.findall(rf'<article class="moment" id="{prefix}-(\d+)"', page)]


def wall_section(page: str) -> str:
    start = page.index('aria-label="Kind moments, newest first"')
    return page[start : page.index("</section>", start)]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(port: int, path: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()
    except OSError:
        return 0, ""  # not listening yet

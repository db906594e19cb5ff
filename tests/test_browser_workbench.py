"""The review queue in a real browser, keyboard only: move, approve, undo, select, help, and
new items arriving without a reload."""

import re
import time

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from kindness_challenge.core.accounts import create_moderator
from kindness_challenge.extensions import db
from kindness_challenge.models import State, Submission

from browser_helpers import screenshot, serve_app

pytestmark = pytest.mark.slow

PASSWORD = "a-long-kind-password"


@pytest.fixture
def live(tmp_path):
    with serve_app(tmp_path, QUEUE_POLL_SECONDS=0.5) as server:
        yield server


def wait_scored(live, count, timeout=20.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with live.app.app_context():
            pending = db.session.scalars(
                select(Submission).where(Submission.state == State.pending)
            ).all()
            total = len(db.session.scalars(select(Submission)).all())
        if not pending and total >= count:
            return
        time.sleep(0.1)
    raise AssertionError("the background worker did not score in time")


def state(live, text):
    with live.app.app_context():
        return db.session.scalar(select(Submission.state).where(Submission.text == text))


def test_queue_by_keyboard(live, page):
    with live.app.app_context():
        create_moderator(db.session, "mod", PASSWORD)
    texts = [f"you are a stupid fucking idiot #{i}" for i in range(3)]
    for text in texts:
        live.publish_directly(text, "@angry")
    wait_scored(live, 3)

    page.goto("/moderate/login")
    page.get_by_label("Username").fill("mod")
    page.get_by_label("Password").fill(PASSWORD)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Review queue")).to_be_visible()
    expect(page.locator(".queue-item")).to_have_count(3)
    expect(page.locator("#new-items")).to_be_hidden()

    page.keyboard.press("?")
    expect(page.get_by_role("dialog", name="Keyboard shortcuts")).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.get_by_role("dialog", name="Keyboard shortcuts")).to_be_hidden()

    page.keyboard.press("j")
    page.keyboard.press("j")
    expect(page.locator(".queue-item.is-current")).to_have_attribute("data-id", re.compile(r"\d+"))
    current_text = page.locator(".queue-item.is-current blockquote").inner_text()
    page.keyboard.press("a")
    # In place: the toast says so and offers Undo; the item leaves the page.
    expect(page.locator("#decision-toast")).to_contain_text("approved and published")
    expect(page.locator(".queue-item")).to_have_count(2)
    assert state(live, current_text) is State.published
    screenshot(page, "queue-after-approve")

    page.keyboard.press("u")
    expect(page.locator("#decision-toast")).to_contain_text("is back in the queue")
    expect(page.locator(".queue-item")).to_have_count(3)
    assert state(live, current_text) is State.needs_review

    # Select two items with x and reject them in bulk: focus is back on the restored item.
    expect(page.locator(".queue-item.is-current blockquote")).to_have_text(current_text)
    page.keyboard.press("x")
    page.keyboard.press("j")
    page.keyboard.press("x")
    expect(page.locator('input[name="ids"]:checked')).to_have_count(2)
    page.get_by_label("With the selected").select_option("reject")
    page.get_by_label("Rejection reason").select_option("unkind")
    page.get_by_role("button", name="Apply to selected").click()
    expect(page.locator(".flash-success")).to_contain_text("2 rejected")
    expect(page.locator(".queue-item")).to_have_count(1)

    # r focuses the reason; choosing one and pressing Enter rejects the item.
    page.keyboard.press("j")
    page.keyboard.press("r")
    reason = page.locator(".queue-item.is-current select[data-action=reject]")
    expect(reason).to_be_focused()
    reason.select_option("hate")
    reason.press("Enter")
    expect(page.get_by_role("heading", name="All clear")).to_be_visible()

    # A new flagged item is announced without a reload, and shown on request.
    live.publish_directly("you are a stupid fucking idiot, again", "@angry")
    expect(page.locator("#new-items")).to_contain_text("1 new item arrived.", timeout=15_000)
    page.get_by_role("button", name="Show them").click()
    expect(page.locator(".queue-item")).to_have_count(1)
    expect(page.locator(".queue-item blockquote")).to_contain_text("again")
    screenshot(page, "queue-new-item")

"""Real-browser journeys: Chromium (through Playwright) against the app served on a real socket.

The app runs as in production: CSRF on, the in-process scoring thread on, the embedded
alt-profanity-check classifier. Assertions are on what a person sees (roles, labels, text).
Full-page screenshots for humans are written to /tmp/kindness-screens/.
"""

from __future__ import annotations

import re
import time

import pytest

from browser_helpers import (
    ABUSIVE_TEXT,
    KIND_TEXT,
    expect,
    screenshot,
    serve_app,
    submit_with_mouse,
)
from conftest import MODERATOR_PASSWORD, ModeratorActions, new_context

pytestmark = pytest.mark.slow

SCORING_TIMEOUT_S = 20.0

# Kind, but sweary: alt-profanity-check flags it (about 0.84) and a moderator lets it through.
SWEARY_KIND_TEXT = "Holy shit, my neighbour shovelled my whole driveway before I woke up!"
UNKIND_REASON = "It is unkind or hurtful towards someone."


@pytest.fixture
def live(tmp_path):
    with serve_app(tmp_path) as server:
        yield server


@pytest.fixture
def moderator_context(browser, live):
    context = new_context(browser, live)
    yield context
    context.close()


def reload_until_heading(page, heading: str, timeout: float = SCORING_TIMEOUT_S) -> None:
    """Reload the receipt until its status heading reads ``heading`` (bounded)."""
    target = page.get_by_role("heading", name=heading)
    deadline = time.monotonic() + timeout
    while target.count() == 0:
        if time.monotonic() > deadline:
            status = page.locator(".status").inner_text()
            raise AssertionError(f"no {heading!r} within {timeout:.0f}s; status reads {status!r}")
        page.wait_for_timeout(200)
        page.reload()
    expect(target).to_be_visible()


def wall(page):
    return page.get_by_role("region", name="Kind moments, newest first")


def test_participant_keyboard_only_journey_to_the_wall(live, page):
    page.goto("/")
    expect(page.get_by_role("heading", name="The kindness wall")).to_be_visible()
    expect(
        page.get_by_role("heading", name="The wall is waiting for its first moment")
    ).to_be_visible()
    expect(page.get_by_text("0 kind moments shared so far.")).to_be_visible()
    expect(page.locator("article.moment")).to_have_count(0)
    share_link = page.get_by_role("main").get_by_role("link", name="Share a kind moment")
    expect(share_link).to_be_visible()
    screenshot(page, "wall-empty")

    # The first Tab reaches the skip link; Enter moves focus into <main>; next Tab: the hero link.
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to content")).to_be_focused()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    expect(share_link).to_be_focused()
    page.keyboard.press("Enter")
    page.wait_for_url("**/share")
    expect(page.get_by_role("heading", name="Share a kind moment")).to_be_visible()

    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # skip link again, straight to the form
    page.keyboard.press("Tab")
    expect(page.get_by_label("Your kind moment")).to_be_focused()
    page.keyboard.type(KIND_TEXT)
    page.keyboard.press("Tab")
    expect(page.get_by_label("Who is it for or about? (optional)")).to_be_focused()
    page.keyboard.type("a stranger at the café")
    page.keyboard.press("Tab")
    first_category = page.get_by_label("A kind comment I received")
    expect(first_category).to_be_focused()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    expect(page.get_by_label("An inspiring moment")).to_be_checked()
    page.keyboard.press("Tab")
    expect(page.get_by_label("Display name or @handle")).to_be_focused()
    page.keyboard.type("@kind-keys")
    page.keyboard.press("Tab")
    expect(page.get_by_label("Link to your video (optional)")).to_be_focused()
    page.keyboard.press("Tab")
    consent = page.get_by_role("checkbox", name=re.compile("may be shown publicly"))
    expect(consent).to_be_focused()
    page.keyboard.press("Space")
    expect(consent).to_be_checked()
    page.keyboard.press("Tab")
    submit = page.get_by_role("button", name="Share my kind moment")
    expect(submit).to_be_focused()
    page.keyboard.press("Enter")

    page.wait_for_url(re.compile(r"/receipt/[A-Za-z0-9_-]+$"))
    expect(page.get_by_text("Thank you! Your kind moment is in.")).to_be_visible()
    expect(page.get_by_role("blockquote")).to_have_text(KIND_TEXT)
    reload_until_heading(page, "Published on the wall")
    expect(page.get_by_text("published after its kindness check")).to_be_visible()
    screenshot(page, "receipt-published")

    # The slashes are escaped: Playwright hands the pattern's source to JavaScript as /.../.
    permalink = page.get_by_role("link", name=re.compile(r"\/moment\/\d+$"))
    permalink.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/moment/\d+$"))
    expect(page.get_by_role("heading", name="A kind moment from @kind-keys")).to_be_attached()
    expect(page.get_by_text(KIND_TEXT)).to_be_visible()
    expect(page.get_by_text("— @kind-keys")).to_be_visible()

    page.get_by_role("link", name="Back to the wall").focus()  # the arrow is decoration
    page.keyboard.press("Enter")
    page.wait_for_url(live.url + "/")
    expect(wall(page).get_by_text(KIND_TEXT)).to_be_visible()
    expect(page.get_by_text("1 kind moment shared so far.")).to_be_visible()

    # A few more moments, for the lead's screenshot of a populated wall.
    live.publish_directly("My little brother made me a card that says I am the best sister.", "Ana")
    live.publish_directly("Mi abuela me dijo que estaba orgullosa de mí.", "@lucia")
    deadline = time.monotonic() + SCORING_TIMEOUT_S
    while page.locator("article.moment").count() < 3 and time.monotonic() < deadline:
        page.wait_for_timeout(200)
        page.reload()
    expect(page.locator("article.moment")).to_have_count(3)
    expect(page.get_by_text("3 kind moments shared so far.")).to_be_visible()
    screenshot(page, "wall")


def test_empty_form_shows_every_error_and_stores_nothing(live, page):
    page.goto("/share")
    with page.expect_response(lambda r: r.request.method == "POST") as posted:
        page.get_by_role("button", name="Share my kind moment").click()
    assert posted.value.status == 400

    summary = page.locator("#form-problems")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    expect(summary.get_by_role("heading")).to_have_text("Please check these before sending:")
    messages = [
        "Please write your kind moment.",
        "Please give a name or @handle to show with your moment.",
        "Please agree to public display, or we cannot show it.",
    ]
    expect(summary.get_by_role("link")).to_have_text(messages)
    for message in messages:
        # Once in the summary, once beside its field.
        expect(page.get_by_text(message, exact=True)).to_have_count(2)

    text = page.get_by_label("Your kind moment")
    name = page.get_by_label("Display name or @handle")
    expect(text).to_have_attribute("aria-invalid", "true")
    expect(name).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_label("Link to your video (optional)")).to_have_attribute(
        "aria-invalid", "false"
    )
    # Each field's message is part of its accessible description.
    expect(text).to_have_accessible_description(re.compile("Please write your kind moment."))
    expect(name).to_have_accessible_description(re.compile("Please give a name or @handle"))
    screenshot(page, "share-errors")

    # The summary links take you to the field.
    summary.get_by_role("link", name=messages[1]).click()
    expect(name).to_be_focused()

    assert live.count_submissions() == 0


def test_flagged_moments_are_moderated_and_the_outcome_reaches_the_participant(
    live, page, moderator_context
):
    # The participant shares something abusive: it waits for a person, and stays off the wall.
    submit_with_mouse(page, ABUSIVE_TEXT, "@angry", expect_nudge=True)
    reload_until_heading(page, "Waiting for a moderator")
    receipt_url = page.url
    page.goto("/")
    expect(page.get_by_text("0 kind moments shared so far.")).to_be_visible()
    expect(page.get_by_text(ABUSIVE_TEXT)).to_have_count(0)

    # A kind but sweary one, from a second participant in the same browser: also flagged.
    second = page.context.new_page()
    submit_with_mouse(second, SWEARY_KIND_TEXT, "@grateful", expect_nudge=True)
    reload_until_heading(second, "Waiting for a moderator")

    # The moderator, with cookies of their own.
    ModeratorActions(live.app, live.app.test_client()).create(username="mod")
    mod = moderator_context.new_page()
    mod.goto("/moderate/")
    expect(mod).to_have_url(re.compile(r"/moderate/login\?next="))
    expect(mod.get_by_text("Please log in to moderate.")).to_be_visible()
    mod.get_by_label("Username").fill("mod")
    mod.get_by_label("Password").fill(MODERATOR_PASSWORD)
    mod.get_by_role("button", name="Log in").click()
    expect(mod.get_by_role("heading", name="Review queue")).to_be_visible()
    expect(mod.get_by_text("Welcome back, mod.")).to_be_visible()
    expect(mod.get_by_text(re.compile(r"Scoring with alt-profanity-check \S+"))).to_be_visible()
    expect(mod.get_by_text("2 in review")).to_be_visible()

    abusive = mod.get_by_role("article", name=re.compile("from @angry"))
    expect(abusive.get_by_role("blockquote")).to_have_text(ABUSIVE_TEXT)
    flag_reason = re.compile(
        r"Why it is here: Scored over a threshold flagged: toxicity 1\.00 ≥ 0\.70"
    )
    expect(abusive.get_by_text(flag_reason)).to_be_visible()
    expect(abusive.get_by_role("meter")).to_have_count(1)
    expect(abusive.get_by_text("Scored by alt-profanity-check")).to_be_visible()
    sweary = mod.get_by_role("article", name=re.compile("from @grateful"))
    expect(sweary.get_by_role("blockquote")).to_have_text(SWEARY_KIND_TEXT)
    expect(sweary.get_by_role("meter")).to_have_count(1)
    screenshot(mod, "moderator-queue")

    # Reject the abusive one, with a reason and a note.
    abusive.get_by_label("Reason the participant will see").select_option(label=UNKIND_REASON)
    abusive.get_by_label("Note to the participant (optional)").fill("Please keep it kind.")
    abusive.get_by_role("button", name="Reject").click()
    expect(mod.get_by_text(re.compile(r"Submission #\d+ rejected\."))).to_be_visible()
    expect(mod.get_by_role("article", name=re.compile("from @angry"))).to_have_count(0)

    # Approve the sweary-but-kind one.
    sweary.get_by_role("button", name="Approve and publish").click()
    expect(mod.get_by_text(re.compile(r"Submission #\d+ approved and published\."))).to_be_visible()
    expect(mod.get_by_role("heading", name="All clear")).to_be_visible()

    # The rejection reaches the participant on their receipt.
    page.goto(receipt_url)
    expect(page.get_by_role("heading", name="Not published")).to_be_visible()
    expect(page.get_by_text(f"Reason: {UNKIND_REASON} Please keep it kind.")).to_be_visible()
    expect(page.get_by_text("not published by a moderator")).to_be_visible()
    screenshot(page, "receipt-rejected")

    # The participant appeals, once.
    page.get_by_text("Appeal this decision").click()
    page.get_by_label("Why should it be published?").fill("I was quoting a bully to call it out.")
    page.get_by_role("button", name="Send my appeal").click()
    expect(page.get_by_text("Your appeal is in.")).to_be_visible()
    expect(page.get_by_role("heading", name="Your appeal is with a moderator")).to_be_visible()
    expect(page.get_by_text("you appealed")).to_be_visible()
    expect(page.get_by_text("Appeal this decision")).to_have_count(0)

    # The approved one is published, and on the wall; the rejected one never is.
    second.reload()
    expect(second.get_by_role("heading", name="Published on the wall")).to_be_visible()
    expect(second.get_by_text("published by a moderator")).to_be_visible()
    page.goto("/")
    expect(wall(page).get_by_text(SWEARY_KIND_TEXT)).to_be_visible()
    expect(page.get_by_text(ABUSIVE_TEXT)).to_have_count(0)
    expect(page.get_by_text("1 kind moment shared so far.")).to_be_visible()


def test_character_counter_counts_down_as_you_type(page):
    page.goto("/share")
    counter = page.locator('[data-counter-for="text"]')
    expect(counter).to_have_text("500 characters left")
    area = page.get_by_label("Your kind moment")
    area.press_sequentially("Thank you")
    expect(counter).to_have_text("491 characters left")
    # An emoji is one character to a person (one code point), not two UTF-16 units.
    area.press_sequentially(" 💗")
    expect(counter).to_have_text("489 characters left")
    expect(counter).not_to_have_class(re.compile("counter-low"))
    area.fill("x" * 480)
    expect(counter).to_have_text("20 characters left")
    expect(counter).to_have_class(re.compile("counter-low"))
    page.keyboard.press("Backspace")
    expect(counter).to_have_text("21 characters left")

"""The moderators' pages in a real browser (Chromium through Playwright): decisions in place
without a reload and their undo, shortcuts that act only on the focused item, the no-JavaScript
form path, no sideways scrolling at 390 px, tables that wrap between words, and axe-core.

Screenshots go to /tmp/kindness-screens/ (for people, not assertions).
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect
from sqlalchemy import select, update
from test_browser_visitor import AXE, axe_violations

from kindness_challenge.core.accounts import create_moderator
from kindness_challenge.extensions import db
from kindness_challenge.models import Moderator, State, Submission
from kindness_challenge.moderate import service as moderation
from kindness_challenge.participate import service as participation

from browser_helpers import screenshot, serve_app
from conftest import IN_CI, new_context
from helpers import add_moment

pytestmark = pytest.mark.slow

PASSWORD = "a-long-kind-password"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}


@pytest.fixture
def live(tmp_path):
    # Nothing to score (items are seeded in review); no polling noise during the checks.
    with serve_app(tmp_path, SCORING_MODE="off", QUEUE_POLL_SECONDS=60) as server:
        yield server


def seed_queue(live, count=3) -> list[int]:
    with live.app.app_context():
        if db.session.scalar(select(Moderator).where(Moderator.username == "mod")) is None:
            create_moderator(db.session, "mod", PASSWORD)
            create_moderator(db.session, "boss", PASSWORD, "admin")
    return [
        add_moment(
            live.app,
            f"Moderationsentscheidung number {i}: you are a stupid idiot",
            name=f"@angry{i}",
            state=State.needs_review,
            minutes_ago=10 - i,
        )
        for i in range(count)
    ]


def login(page, username="mod"):
    page.goto("/moderate/login")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name=f"Log out {username}")).to_be_visible()


def state(live, item):
    with live.app.app_context():
        return db.session.get(Submission, item).state


def queue_ids(page) -> list[int]:
    ids = page.locator(".queue-item").evaluate_all("els => els.map(e => e.dataset.id)")
    return [int(i) for i in ids]


def test_decisions_in_place_keep_the_page_and_undo_puts_the_item_back(live, page):
    ids = seed_queue(live)
    page.set_viewport_size(DESKTOP)
    login(page)
    page.goto("/moderate/")
    assert queue_ids(page) == ids
    # A marker on the window: a reload or navigation would lose it.
    page.evaluate("window.__kindnessMarker = 'still here'")

    page.keyboard.press("j")
    page.keyboard.press("j")
    second = page.locator(f"#item-{ids[1]}")
    expect(second).to_be_focused()
    expect(second.locator(".current-marker")).to_be_visible()
    expect(page.locator(".current-marker:visible")).to_have_count(1)
    page.keyboard.press("a")
    toast = page.locator("#decision-toast")
    expect(toast).to_contain_text(f"Submission #{ids[1]} approved and published.")
    expect(page.locator(f"#item-{ids[1]}")).to_have_count(0)
    assert queue_ids(page) == [ids[0], ids[2]]
    expect(page.locator(f"#item-{ids[2]}")).to_be_focused()  # the next item, place kept
    assert state(live, ids[1]) is State.published
    expect(page.locator("#in-review-count")).to_have_text("2 in review")
    screenshot(page, "queue-in-place-toast")

    page.keyboard.press("u")
    expect(toast).to_contain_text(f"Undone: #{ids[1]} is back in the queue.")
    assert queue_ids(page) == ids  # back where it was
    expect(page.locator(f"#item-{ids[1]}")).to_be_focused()
    assert state(live, ids[1]) is State.needs_review

    # With the mouse: reject with a reason, in place; the Undo button in the toast undoes it.
    first = page.locator(f"#item-{ids[0]}")
    first.get_by_label("Reason the participant will see").select_option("unkind")
    first.get_by_role("button", name=f"Reject #{ids[0]}").click()
    expect(toast).to_contain_text(f"Submission #{ids[0]} rejected.")
    assert state(live, ids[0]) is State.rejected
    page.get_by_role("button", name=f"Undo the decision on #{ids[0]}").click()
    expect(toast).to_contain_text(f"Undone: #{ids[0]} is back in the queue.")
    assert queue_ids(page) == ids

    # A rejection without a reason: the browser asks for one, nothing is sent, the item stays.
    third = page.locator(f"#item-{ids[2]}")
    third.get_by_role("button", name=f"Reject #{ids[2]}").click()
    reason = third.get_by_label("Reason the participant will see")
    assert reason.evaluate("e => e.validity.valueMissing")
    expect(toast).to_contain_text(f"Undone: #{ids[0]}")  # unchanged: nothing was sent
    assert queue_ids(page) == ids and state(live, ids[2]) is State.needs_review

    # Every item decided: "All clear" without a reload.
    for item in ids:
        card = page.locator(f"#item-{item}")
        card.get_by_role("button", name=f"Approve and publish #{item}").click()
        expect(page.locator(f"#item-{item}")).to_have_count(0)
    expect(page.get_by_role("heading", name="All clear")).to_be_visible()
    assert page.evaluate("window.__kindnessMarker") == "still here"
    assert [state(live, i) for i in ids] == [State.published] * 3


def test_polling_tells_of_new_items_only_within_the_pages_filters(tmp_path, browser):
    def waiting(app, text, language):
        item = add_moment(app, text, name="@traveller", state=State.needs_review)
        with app.app_context():
            db.session.execute(
                update(Submission).where(Submission.id == item).values(language=language)
            )
            db.session.commit()
        return item

    with serve_app(tmp_path, SCORING_MODE="off", QUEUE_POLL_SECONDS=0.5) as server:
        context = new_context(browser, server)
        page = context.new_page()
        seed_queue(server, count=1)
        waiting(server.app, "Merci pour ton aide, tu es formidable", "fr")
        login(page)
        page.goto("/moderate/?language=fr")
        banner = page.locator("#new-items")
        expect(page.locator(".queue-item")).to_have_count(1)

        waiting(server.app, "Vielen Dank, du bist wunderbar", "de")
        page.wait_for_timeout(2000)  # four polls
        expect(banner).to_be_hidden()

        waiting(server.app, "Bravo, quelle belle idée", "fr")
        expect(banner).to_be_visible(timeout=5000)
        expect(banner).to_contain_text("1 new item arrived.")
        page.get_by_role("button", name="Show them").click()
        expect(page.locator(".queue-item")).to_have_count(2)
        context.close()


def test_a_shortcut_with_nothing_focused_does_nothing(live, page):
    ids = seed_queue(live)
    login(page)
    page.goto("/moderate/")
    expect(page.locator(".queue-item")).to_have_count(3)
    for key in ("f", "a", "x", "r", "o"):
        page.keyboard.press(key)
    # Keys are handled in order: once "?" has opened the help, the keys before it were handled.
    page.keyboard.press("?")
    expect(page.get_by_role("dialog", name="Keyboard shortcuts")).to_be_visible()
    assert page.url.endswith("/moderate/")
    expect(page.locator(".queue-item")).to_have_count(3)
    expect(page.locator(".queue-item[aria-busy]")).to_have_count(0)
    expect(page.locator('input[name="ids"]:checked')).to_have_count(0)
    expect(page.locator("#decision-toast")).to_be_hidden()
    expect(page.locator(".current-marker:visible")).to_have_count(0)
    assert [state(live, i) for i in ids] == [State.needs_review] * 3
    page.keyboard.press("Escape")

    # Focus inside an item (its link, with Tab or a click) makes that item the one keys act on.
    page.locator(f"#item-{ids[2]} h2 a").focus()
    expect(page.locator(f"#item-{ids[2]} .current-marker")).to_be_visible()
    page.keyboard.press("f")
    expect(page.locator("#decision-toast")).to_contain_text(
        f"Submission #{ids[2]} approved, published and featured."
    )
    assert state(live, ids[2]) is State.published and state(live, ids[0]) is State.needs_review


def test_without_javascript_decisions_are_plain_forms(live, browser):
    ids = seed_queue(live, 1)
    context = new_context(browser, live, java_script_enabled=False)
    page = context.new_page()
    try:
        login(page)
        page.goto("/moderate/")
        page.get_by_role("button", name=f"Approve and publish #{ids[0]}").click()
        expect(page.locator(".flash-undo")).to_contain_text("approved and published")
        assert state(live, ids[0]) is State.published
        page.get_by_role("button", name=f"Undo the decision on #{ids[0]}").click()
        expect(page.locator(".flash-success")).to_contain_text("is back in the queue")
        assert state(live, ids[0]) is State.needs_review
    finally:
        context.close()


def seed_everything(live) -> dict:
    """An item of each kind the pages show: in review, an appeal of mod's own rejection, decided
    and undone ones (stats, audit, decisions), a reported moment, a word-list entry."""
    ids = seed_queue(live, 3)
    with live.app.app_context():
        mod = db.session.scalar(select(Moderator).where(Moderator.username == "mod"))
        moderation.decide(db.session, ids[0], mod, approve=True)
        moderation.decide(db.session, ids[1], mod, approve=False, reason_code="unkind")
        moderation.undo(db.session, ids[0], mod)
        appealed = db.session.get(Submission, ids[1])
        participation.appeal(db.session, appealed, "It was a line from a film, honestly!")
    long_url = "https://www.youtube.com/watch?v=" + "x" * 11 + "&t=" + "9" * 40
    add_moment(
        live.app,
        "A" * 120 + " unbroken and long, with a long video link",
        name="@" + "long" * 9,
        state=State.needs_review,
        video_url=long_url,
    )
    return {"queue": ids, "appeal": ids[1]}


MODERATOR_PAGES = [
    "/moderate/",
    "/moderate/?reason=appeal",
    "/moderate/submission/{appeal}",
    "/moderate/reported",
    "/moderate/decisions",
    "/moderate/audit",
    "/moderate/stats",
    "/moderate/stats?days=7",
    "/moderate/account/password",
]
ADMIN_PAGES = [
    "/moderate/settings",
    "/moderate/words",
    "/moderate/accounts",
    "/moderate/calibration",
]


def widest(page) -> list[str]:
    """What sticks out past the viewport, for the failure message."""
    return page.evaluate(
        """() => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right
                         > document.documentElement.clientWidth + 0.5)
            .filter(e => !e.closest('.table-scroll, .chart-scroll'))
            .slice(0, 8)
            .map(e => e.tagName.toLowerCase() + '.' + e.className + ' '
                      + Math.round(e.getBoundingClientRect().right))"""
    )


@pytest.mark.parametrize("who", ["mod", "boss"])
def test_no_moderator_page_scrolls_sideways_on_a_phone(live, browser, who):
    seeded = seed_everything(live)
    context = new_context(browser, live, viewport=PHONE)
    page = context.new_page()
    try:
        login(page, who)
        paths = MODERATOR_PAGES + (ADMIN_PAGES if who == "boss" else [])
        for path in paths:
            page.goto(path.format(**seeded))
            page.wait_for_load_state("load")
            scroll, client = page.evaluate(
                "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
            )
            assert scroll <= client, f"{path}: {scroll} px wide at {client}: {widest(page)}"
            if path == "/moderate/":
                screenshot(page, f"phone-queue-{who}")
        page.goto("/moderate/")
        page.locator(".queue-item").first.get_by_role("button", name="Approve and publish").click()
        expect(page.locator("#decision-toast")).to_be_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    finally:
        context.close()


SPLIT_WORDS = """() => {
  // Every word of every table cell: a word set on more than one line was broken inside. (A
  // compound may still wrap after its hyphen or slash, as text does: "test-|classifier".)
  const split = [];
  const cells = 'table.decisions th, table.decisions td, table.figures th, table.figures td';
  for (const cell of document.querySelectorAll(cells)) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const re = /[^\\s\\-\\/]+/g;
      let m;
      while ((m = re.exec(node.data))) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const rects = [...range.getClientRects()].filter(r => r.width > 0);
        const tops = new Set(rects.map(r => Math.round(r.top)));
        if (tops.size > 1) split.push(m[0]);
      }
    }
  }
  return split;
}"""


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_tables_wrap_between_words_never_inside_one(live, browser, viewport):
    seeded = seed_everything(live)
    context = new_context(browser, live, viewport=viewport)
    page = context.new_page()
    try:
        login(page, "boss")
        for path in [
            "/moderate/audit",
            "/moderate/decisions",
            "/moderate/stats?days=7",
            "/moderate/accounts",
            "/moderate/submission/{appeal}",
        ]:
            page.goto(path.format(**seeded))
            assert page.locator("table").count() >= 1, path
            assert page.evaluate(SPLIT_WORDS) == [], path
        screenshot(page, f"tables-{viewport['width']}")
    finally:
        context.close()


def test_settings_threshold_inputs_are_styled(live, page):
    seed_queue(live, 0)
    login(page, "boss")
    page.goto("/moderate/settings")
    number = page.locator('input[type="number"]').first
    text_like = page.locator("select").first
    style = (
        "e => [getComputedStyle(e).borderTopWidth, getComputedStyle(e).borderTopColor,"
        " getComputedStyle(e).borderTopLeftRadius]"
    )
    assert number.evaluate(style) == text_like.evaluate(style)
    assert number.evaluate("e => getComputedStyle(e).borderTopLeftRadius") != "0px"


def test_own_appeal_has_no_decision_buttons_in_the_browser(live, page):
    seeded = seed_everything(live)
    login(page, "mod")
    page.goto("/moderate/?reason=appeal")
    card = page.locator(f"#item-{seeded['appeal']}")
    expect(card.get_by_text("An appeal against your own rejection.")).to_be_visible()
    expect(card.get_by_role("button")).to_have_count(0)
    # The shortcuts find nothing to press on it either.
    card.focus()
    page.keyboard.press("a")
    page.keyboard.press("?")
    expect(page.get_by_role("dialog", name="Keyboard shortcuts")).to_be_visible()
    assert state(live, seeded["appeal"]) is State.needs_review


def test_empty_appeal_keeps_the_panel_open_in_the_browser(live, page):
    from kindness_challenge.core.lifecycle import Actor, move
    from kindness_challenge.models import ActorKind
    from kindness_challenge.participate.submit import create_submission

    with live.app.app_context():
        submission, token = create_submission(db.session, "Rejected words", "@r", None, True)
        actor = Actor(ActorKind.classifier, "test")
        move(db.session, submission.id, State.pending, State.needs_review, actor)
        move(db.session, submission.id, State.needs_review, State.rejected, actor)
        db.session.commit()
    page.goto(f"/receipt/{token}")
    page.get_by_text("Appeal this decision").click()
    page.get_by_role("button", name="Send my appeal").click()
    expect(page.locator("details#appeal")).to_have_attribute("open", "")
    note = page.get_by_label("Why should it be published?")
    expect(note).to_be_visible()
    expect(note).to_be_focused()
    error = page.get_by_text("Please say in a few words why it should be published.")
    expect(error).to_be_visible()
    if AXE.exists():
        assert axe_violations(page) == []


AXE_PAGES = [
    ("mod", "/moderate/", "toast"),
    ("mod", "/moderate/?reason=appeal", None),
    ("mod", "/moderate/submission/{appeal}", None),
    ("mod", "/moderate/account/password", "errors"),
    ("mod", "/moderate/stats?days=7", None),
    ("mod", "/moderate/audit", None),
    ("mod", "/moderate/decisions", None),
    ("boss", "/moderate/accounts", None),
    ("boss", "/moderate/settings", None),
    ("boss", "/moderate/words", None),
    ("boss", "/moderate/calibration", None),
    ("mod", "/moderate/reported", None),
]


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_no_serious_accessibility_violations_on_moderator_pages(live, browser, viewport):
    if not AXE.exists():
        message = f"{AXE} is missing: run `npm ci --no-audit --no-fund` at the repository root"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    seeded = seed_everything(live)
    found = []
    for who in ("mod", "boss"):
        context = new_context(browser, live, viewport=viewport)
        page = context.new_page()
        try:
            login(page, who)
            for user, path, state_shown in AXE_PAGES:
                if user != who:
                    continue
                page.goto(path.format(**seeded))
                if state_shown == "toast":
                    page.keyboard.press("j")
                    page.keyboard.press("a")
                    expect(page.locator("#decision-toast")).to_be_visible()
                    page.keyboard.press("j")
                if state_shown == "errors":
                    page.get_by_role("button", name="Change my password").click()
                    expect(page.get_by_text("Type your current password.")).to_be_visible()
                found += [f"{path}: {v}" for v in axe_violations(page)]
        finally:
            context.close()
    assert not found, "\n".join(found)

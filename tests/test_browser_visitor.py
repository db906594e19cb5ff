"""The visitor's journey in a real browser (Chromium through Playwright): the wall, load more,
a permalink, hearts, a report, the event display, and axe-core's accessibility check.

Screenshots go to /tmp/kindness-screens/ (and are copied to $KINDNESS_TEST_ARTIFACTS when set).
axe-core comes from the npm registry (package.json; `npm ci --no-audit --no-fund`): without
node_modules/axe-core the accessibility test fails in CI and is skipped elsewhere.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import time
from pathlib import Path

import pytest
from playwright.sync_api import expect
from sqlalchemy import func, select

from kindness_challenge.core.lifecycle import Actor, move
from kindness_challenge.extensions import db
from kindness_challenge.models import ActorKind, Report, State, Submission
from kindness_challenge.participate.submit import create_submission
from kindness_challenge.wall.cookies import COOKIE, cookie_value

from browser_helpers import SCREENS, screenshot, serve_app
from conftest import IN_CI, new_context
from helpers import add_moment

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
ROTATE_SECONDS = 3


@pytest.fixture
def live(tmp_path):
    with serve_app(
        tmp_path,
        SCORING_MODE="off",  # moments are seeded already published; nothing to score
        WALL_PAGE_SIZE=4,
        WALL_COUNT_CACHE_SECONDS=0,
        DISPLAY_ROTATE_SECONDS=ROTATE_SECONDS,
        # The browser is its own proxy here: X-Forwarded-For gives each visitor a network.
        PROXY_FIX_X_FOR=1,
    ) as server:
        yield server


def shot(tab, name: str) -> None:
    screenshot(tab, name)
    target = os.environ.get("KINDNESS_TEST_ARTIFACTS")
    if target:
        Path(target).mkdir(parents=True, exist_ok=True)
        shutil.copy(SCREENS / f"{name}.png", Path(target) / f"{name}.png")


def seed(live) -> dict[str, int]:
    app = live.app
    ids = {}
    texts = [  # newest first
        ("Grandpa learned to video call just to see my recital.", "@nora", "received", "Grandpa"),
        ("Our team clapped for the new intern's first demo.", "Dee", "inspiring", None),
        ("I left a thank-you note for our school cleaner.", "@sam", "gave", "Mr. Okafor"),
        ("Mi vecino arregló mi bicicleta sin pedir nada.", "@carlos", "received", None),
        ("A classmate shared her notes after I missed a week.", "Priya", "received", "Asha"),
        ("Watching strangers help an old man across the ice.", "@li", "inspiring", None),
        ("I told the bus driver she made my morning. She beamed!", "Jonas", "gave", None),
        ("My neighbour left soup at my door when I was ill.", "@maya", "received", None),
        ("The first kind moment on the wall 🌷", "@first", None, None),
    ]
    for minutes_ago, (text, name, category, for_whom) in enumerate(texts, start=1):
        ids[name] = add_moment(
            app, text, name=name, category=category, for_whom=for_whom, minutes_ago=minutes_ago
        )
    ids["featured"] = add_moment(
        app,
        "A whole stadium sang happy birthday to a boy whose party nobody came to.",
        name="@stadium",
        category="inspiring",
        minutes_ago=120,
        featured_minutes_ago=5,
        hearts=41,
    )
    ids["featured2"] = add_moment(
        app,
        "Nurses on the night shift wrote a card for every patient.",
        name="@ward7",
        category="inspiring",
        minutes_ago=130,
        featured_minutes_ago=10,
        hearts=12,
    )
    add_moment(app, "SECRET moment still waiting for review", state=State.needs_review)
    return ids


def heart_count(live, moment_id: int) -> int:
    with live.app.app_context():
        return db.session.scalar(select(Submission.heart_count).where(Submission.id == moment_id))


def mark_page(tab) -> None:
    """Set a marker that a navigation would wipe out."""
    tab.evaluate("window.__stillHere = true")


def assert_not_navigated(tab) -> None:
    assert tab.evaluate("window.__stillHere === true"), "the page was reloaded"


def test_visitor_journey(live, page):
    ids = seed(live)
    page.goto("/")
    expect(page.get_by_role("heading", name="The kindness wall")).to_be_visible()
    expect(page.get_by_text("11 kind moments shared so far.")).to_be_visible()
    featured = page.get_by_role("region", name="Featured moments")
    expect(featured.get_by_role("article")).to_have_count(2)
    expect(featured.get_by_role("article").first).to_contain_text("A whole stadium sang")
    wall = page.get_by_role("region", name="Kind moments, newest first")
    expect(wall.get_by_role("article")).to_have_count(4)
    expect(wall.get_by_role("article").first).to_contain_text("Grandpa learned to video call")
    expect(wall.get_by_role("article").first).to_contain_text("for Grandpa")
    expect(wall.get_by_role("article").first).to_contain_text("A kind comment I received")
    expect(page.get_by_text("SECRET")).to_have_count(0)
    # Without JavaScript this is a link; with it, a button that appends in place.
    expect(page.get_by_role("link", name="Older moments", exact=True)).to_be_hidden()
    shot(page, "visitor-wall")

    # Load more, by keyboard: the cards are appended, the page is not replaced.
    mark_page(page)
    url = page.url
    more = page.get_by_role("button", name="Load more moments")
    more.focus()
    page.keyboard.press("Enter")
    expect(wall.get_by_role("article")).to_have_count(8)
    expect(wall.get_by_role("article").nth(4)).to_be_focused()
    expect(page.get_by_role("status")).to_have_text("4 more moments loaded.")
    expect(page.locator("a[rel=next]")).to_have_attribute("href", re.compile(r"^/\?after=\d+-\d+$"))
    more.focus()
    page.keyboard.press("Enter")
    # Nine: the two featured moments are in the featured row only (each moment once).
    expect(wall.get_by_role("article")).to_have_count(9)
    expect(page.get_by_role("button", name="Load more moments")).to_have_count(0)
    expect(page.get_by_text("That's everything")).to_be_visible()
    expect(wall.get_by_role("article").last).to_contain_text("The first kind moment")
    expect(wall.get_by_text("Nurses on the night shift")).to_have_count(0)
    assert page.url == url
    assert_not_navigated(page)
    shot(page, "visitor-wall-load-more")

    # Heart a moment that came with "load more": the count changes in place.
    card = wall.get_by_role("article").filter(has_text="bus driver")
    heart = card.get_by_role("button", name=re.compile("Heart the moment from Jonas"))
    expect(heart).to_have_attribute("aria-pressed", "false")
    expect(heart).to_have_accessible_name("Heart the moment from Jonas: 0 hearts")
    heart.focus()
    page.keyboard.press("Enter")
    expect(heart).to_have_attribute("aria-pressed", "true")
    expect(heart).to_have_accessible_name("Heart the moment from Jonas: 1 heart")
    expect(page.get_by_role("status")).to_have_text("Hearted. 1 heart.")
    assert_not_navigated(page)
    assert heart_count(live, ids["Jonas"]) == 1

    # A featured moment is on the page twice: both buttons follow.
    page.goto("/")
    stadium = page.locator(f'.heart-button[data-moment-id="{ids["featured"]}"]')
    expect(stadium).to_have_count(1)  # 120 minutes old: on the featured row only
    stadium.click()
    expect(stadium.locator(".heart-count")).to_have_text("42")
    page.reload()
    expect(stadium).to_have_attribute("aria-pressed", "true")  # the cookie remembers

    # The permalink: share tags, the heart, a report.
    first = wall.get_by_role("article").first
    first.get_by_role("link", name=re.compile("link to this moment")).click()
    page.wait_for_url(re.compile(rf"/moment/{ids['@nora']}$"))
    expect(page.locator('meta[property="og:title"]')).to_have_attribute(
        "content", "A kind moment from @nora for Grandpa #CreateKindness"
    )
    expect(page.locator('meta[property="og:site_name"]')).to_have_attribute(
        "content", "#CreateKindness"
    )
    expect(page.locator('meta[name="twitter:description"]')).to_have_attribute(
        "content", re.compile("^Grandpa learned to video call")
    )
    nora = page.get_by_role("button", name=re.compile("Heart the moment from @nora"))
    mark_page(page)
    nora.click()
    expect(nora.locator(".heart-count")).to_have_text("1")
    nora.click()  # and taken back
    expect(nora).to_have_attribute("aria-pressed", "false")
    expect(nora.locator(".heart-count")).to_have_text("0")
    assert_not_navigated(page)
    assert heart_count(live, ids["@nora"]) == 0
    shot(page, "visitor-permalink")

    summary = page.get_by_text("Report this moment")
    summary.focus()
    page.keyboard.press("Enter")
    reason = page.get_by_role("radio", name="Spam or advertising")
    expect(reason).to_be_visible()
    reason.focus()
    page.keyboard.press("Space")
    expect(reason).to_be_checked()
    page.get_by_label("Anything a moderator should know? (optional)").fill("Looks copied.")
    shot(page, "visitor-report-form")
    page.get_by_role("button", name="Send report").click()
    thanks = "Thank you for telling us. A moderator will look at this moment."
    expect(page.get_by_text(thanks)).to_be_visible()
    expect(page.get_by_text("You reported this moment.")).to_be_visible()
    expect(page.get_by_text("Grandpa learned to video call")).to_be_visible()  # still public
    shot(page, "visitor-report-sent")
    with live.app.app_context():
        report = db.session.scalar(select(Report))
        assert (report.submission_id, report.reason, report.note) == (
            ids["@nora"],
            "spam",
            "Looks copied.",
        )

    # The event display: large, no controls, featured and recent moments taking turns.
    page.goto("/display")
    shown = page.locator(".display-moment:visible")
    expect(shown).to_have_count(1)
    expect(shown).to_contain_text("A whole stadium sang")
    expect(page.locator("a, button, input, select, textarea, summary")).to_have_count(0)
    size = page.locator(".display-moment:visible blockquote").evaluate(
        "el => parseFloat(getComputedStyle(el).fontSize)"
    )
    assert size >= 40, size
    page.wait_for_function("document.getAnimations().every(a => a.playState === 'finished')")
    shot(page, "visitor-display")
    mark_page(page)
    expect(shown).to_contain_text("Grandpa learned", timeout=(ROTATE_SECONDS + 3) * 1000)
    expect(shown).to_contain_text("Nurses on the night shift", timeout=(ROTATE_SECONDS + 3) * 1000)
    assert_not_navigated(page)
    assert page.url.endswith("/display")


def new_visitor(browser, live, **options):
    """A browser context of its own: another visitor, with cookies of their own."""
    return new_context(browser, live, **options)


def test_three_visitors_reports_hide_a_moment(live, browser):
    """Three settled visitors (cookies a day old) on three networks (issue 14, finding 3)."""
    moment = add_moment(live.app, "A moment three people find hurtful", name="@x")
    for n in range(3):
        visitor = new_visitor(
            browser, live, extra_http_headers={"X-Forwarded-For": f"198.51.{n}.7"}
        )
        with live.app.test_request_context():
            value = cookie_value(secrets.token_urlsafe(24), time.time() - 24 * 3600)
        visitor.add_cookies([{"name": COOKIE, "value": value, "url": live.url}])
        try:
            tab = visitor.new_page()
            tab.goto(f"/moment/{moment}")
            tab.get_by_text("Report this moment").click()
            tab.get_by_role("radio", name="Bullying or harassment").check()
            tab.get_by_role("button", name="Send report").click()
            if n < 2:
                expect(tab.get_by_text("A moderator will look at this moment.")).to_be_visible()
            else:
                tab.wait_for_url(live.url + "/")
                expect(tab.get_by_text("hidden until a moderator looks at it")).to_be_visible()
                expect(tab.get_by_text("A moment three people find hurtful")).to_have_count(0)
                shot(tab, "visitor-report-hidden")
        finally:
            visitor.close()
    with live.app.app_context():
        submission = db.session.get(Submission, moment)
        assert (submission.state, submission.review_kind) == (State.needs_review, "reported")
        assert db.session.scalar(select(func.count()).select_from(Report)) == 3


def test_without_javascript_hearts_and_display_still_work(live, browser):
    moment = add_moment(live.app, "No script needed", name="@plain", featured_minutes_ago=1)
    add_moment(live.app, "Second featured", name="@two", featured_minutes_ago=2)
    visitor = new_visitor(browser, live, java_script_enabled=False)
    try:
        tab = visitor.new_page()
        tab.goto("/")
        older = tab.locator(f"#featured-{moment} .heart-button")  # featured: on its row only
        older.click()
        tab.wait_for_url(re.compile(rf"/#moment-{moment}$"))
        expect(older).to_have_attribute("aria-pressed", "true")
        expect(older.locator(".heart-count")).to_have_text("1")
        tab.goto("/display")
        expect(tab.locator(".display-moment:visible")).to_contain_text("No script needed")
        tab.wait_for_url(re.compile(r"/display\?at=1$"), timeout=(ROTATE_SECONDS + 5) * 1000)
        expect(tab.locator(".display-moment:visible")).to_contain_text("Second featured")
    finally:
        visitor.close()
    assert heart_count(live, moment) == 1


@pytest.mark.parametrize("motion, animation", [("reduce", "none"), ("no-preference", "display-in")])
def test_display_respects_reduced_motion(live, browser, motion, animation):
    add_moment(live.app, "Calm, please", featured_minutes_ago=1)
    visitor = new_visitor(browser, live, reduced_motion=motion)
    try:
        tab = visitor.new_page()
        tab.goto("/display")
        name = tab.locator(".display-moment:visible").evaluate(
            "el => getComputedStyle(el).animationName"
        )
        assert name == animation
    finally:
        visitor.close()


def test_phone_width_pages_do_not_scroll_sideways(live, browser):
    ids = seed(live)  # featured cards scroll inside their row, never the page
    visitor = new_visitor(browser, live, viewport={"width": 390, "height": 844})
    try:
        tab = visitor.new_page()
        for url in ("/", f"/moment/{ids['@nora']}", "/display"):
            tab.goto(url)
            assert tab.evaluate("document.documentElement.scrollWidth") <= 390, url
        tab.goto("/")
        shot(tab, "visitor-wall-phone")
    finally:
        visitor.close()


# --- accessibility: axe-core -----------------------------------------------------------------


def axe_violations(tab) -> list[str]:
    tab.add_script_tag(path=str(AXE))
    results = tab.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['impact']}: {v['id']} — {v['help']} at "
        + ", ".join(" ".join(node["target"]) for node in v["nodes"][:5])
        for v in results["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize(
    "name",
    [
        "wall",
        "wall-filtered",
        "share",
        "receipt-published",
        "receipt-pending",
        "permalink",
        "permalink-report-errors",
        "display",
    ],
)
def test_no_serious_accessibility_violations(live, page, name):
    if not AXE.exists():
        message = f"{AXE} is missing: run `npm ci --no-audit --no-fund` at the repository root"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    ids = seed(live)
    with live.app.app_context():
        _, pending_token = create_submission(db.session, "Waiting to be read", "@wait", None, True)
        published, published_token = create_submission(
            db.session, "Published, with a receipt", "@done", None, True
        )
        move(
            db.session,
            published.id,
            State.pending,
            State.published,
            Actor(ActorKind.classifier, "test"),
        )
        db.session.commit()
    urls = {
        "wall": "/",
        "wall-filtered": "/?category=gave",
        "share": "/share",
        "receipt-published": f"/receipt/{published_token}",
        "receipt-pending": f"/receipt/{pending_token}",
        "permalink": f"/moment/{ids['@nora']}",
        "permalink-report-errors": f"/moment/{ids['@nora']}",
        "display": "/display",
    }
    page.goto(urls[name])
    if name == "wall":  # with "load more" cards and a pressed heart too
        page.get_by_role("button", name="Load more moments").click()
        expect(page.locator("[data-wall] article")).to_have_count(8)
        page.locator(".heart-button").first.click()
        expect(page.locator('.heart-button[aria-pressed="true"]')).to_have_count(1)
    if name.startswith("permalink"):
        page.get_by_text("Report this moment").click()
    if name == "permalink-report-errors":
        page.get_by_role("button", name="Send report").click()
        expect(page.get_by_text("Please choose a reason.")).to_be_visible()
    # Contrast is judged on the settled page, not halfway through the display's fade-in.
    page.wait_for_function("document.getAnimations().every(a => a.playState === 'finished')")
    violations = axe_violations(page)
    assert not violations, "\n".join(violations)

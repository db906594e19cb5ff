"""Issue 15's public half in a real browser (Chromium through Playwright), at a phone's 390×844
and a laptop's 1366×900: the event display rotates through every moment and never overflows
from 1280×720 to 3840×2160 or on a portrait screen, with and without JavaScript; a permalink's
og:image is a PNG with the text on it; the share button shares or copies the link; Arabic is set
right to left; the share form's counter and the server agree; no public page scrolls sideways
at 390 px; a phone's first screen shows moments.

Screenshots for people to look at go to /tmp/kindness-screens/ (browser_helpers.screenshot).
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from PIL import Image, ImageChops
from playwright.sync_api import expect

from kindness_challenge.core.lifecycle import Actor, move
from kindness_challenge.core.text.length import text_length
from kindness_challenge.extensions import db
from kindness_challenge.models import ActorKind, State
from kindness_challenge.participate.forms import TEXT_MAX
from kindness_challenge.participate.submit import create_submission
from kindness_challenge.wall import cards

from browser_helpers import SCREENS, screenshot, serve_app
from conftest import IN_CI, new_context
from helpers import add_moment

pytestmark = pytest.mark.slow

ROTATE_SECONDS = 3
PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1366, "height": 900}
ARABIC = "شكرا لجاري العزيز الذي ساعدني في حمل المشتريات اليوم 💖"
LONG = (
    "On my first day at the new school I sat alone at lunch, and a girl I had never met walked "
    "over with her tray, asked my name, and introduced me to everyone at her table. She saved "
    "me a seat every day that week, showed me the shortcut to the library and the best spot "
    "on the field, and when I got lost she waited by the gate for me. Three years later she "
    "is still my best friend and we still share lunch. Thank you, Amira, for everything. 💖"
)
# The hardest texts to fit: the longest allowed, wide characters (CJK, emoji), one long word.
EXTREMES = {
    "long": (LONG + " " + LONG)[:TEXT_MAX],
    "emoji": "💖🌷🤝" * (TEXT_MAX // 3),
    "cjk": ("谢谢你在雨天把伞借给我，你的善意让我温暖了一整天。" * 20)[:TEXT_MAX],
    "word": "Thankyou" * (TEXT_MAX // 8),
}
SCREENS_TO_FIT = [(1280, 720), (1366, 768), (1920, 1080), (3840, 2160), (1080, 1920), (390, 844)]


@pytest.fixture
def live(tmp_path):
    with serve_app(
        tmp_path,
        SCORING_MODE="off",
        WALL_PAGE_SIZE=6,
        WALL_COUNT_CACHE_SECONDS=0,
        DISPLAY_ROTATE_SECONDS=ROTATE_SECONDS,
    ) as server:
        yield server


def seed(live) -> dict[str, int]:
    app = live.app
    ids = {
        "arabic": add_moment(app, ARABIC, name="سارة", minutes_ago=1),
        "long": add_moment(app, LONG, name="@maya", for_whom="Amira", minutes_ago=2),
        "short": add_moment(app, "Grandpa learned to video call for my recital.", minutes_ago=3),
    }
    ids["featured"] = add_moment(
        app,
        "A whole stadium sang happy birthday to a boy whose party nobody came to.",
        name="@stadium",
        minutes_ago=60,
        featured_minutes_ago=5,
        hearts=41,
    )
    return ids


def no_sideways_scroll(tab) -> None:
    width = tab.evaluate("document.documentElement.scrollWidth")
    assert width <= tab.viewport_size["width"], (tab.url, width)


# --- the event display -----------------------------------------------------------------------


def test_display_rotates_through_every_featured_and_recent_moment(live, browser):
    ids = seed(live)
    context = new_context(browser, live, viewport={"width": 1920, "height": 1080})
    try:
        tab = context.new_page()
        tab.goto("/display")
        seen = []
        expected = {ids["featured"], ids["arabic"], ids["long"], ids["short"]}
        for _ in range(7):  # six turns make a round: F A F L F S
            shown = tab.locator(".display-moment:not([hidden])")
            current = int(shown.get_attribute("data-moment-id"))
            seen.append(current)
            if expected <= set(seen) and len(seen) >= 6:
                break
            tab.wait_for_function(
                f"document.querySelector('.display-moment:not([hidden])')"
                f".getAttribute('data-moment-id') !== '{current}'",
                timeout=(ROTATE_SECONDS + 3) * 1000,
            )
        assert set(seen) == expected
        assert seen[0::2] == [ids["featured"]] * len(seen[0::2])  # featured every other turn
        assert seen[1:6:2] == [ids["arabic"], ids["long"], ids["short"]]
        assert tab.locator("svg.display-qr").is_visible()
        expect(tab.locator("[data-display-count]")).to_have_text("4 kind moments shared")
    finally:
        context.close()


def _overflow(tab) -> dict:
    return tab.evaluate(
        """() => {
          const main = document.querySelector('.display-main').getBoundingClientRect();
          const figure = document.querySelector('.display-moment:not([hidden])');
          const box = figure.getBoundingClientRect();
          const text = figure.querySelector('.display-text');
          const foot = document.querySelector('.display-footer').getBoundingClientRect();
          const qr = document.querySelector('.display-qr').getBoundingClientRect();
          return {
            top: box.top - main.top, bottom: main.bottom - box.bottom,
            left: box.left - main.left, right: main.right - box.right,
            textWide: text.scrollWidth - text.clientWidth,
            footer: window.innerHeight - foot.bottom, qr: window.innerHeight - qr.bottom,
            pageTall: document.documentElement.scrollHeight - window.innerHeight,
            pageWide: document.documentElement.scrollWidth - window.innerWidth,
            size: parseFloat(getComputedStyle(text).fontSize),
          };
        }"""
    )


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_display_text_always_fits(live, browser, javascript):
    moments = {name: add_moment(live.app, text, name="@x") for name, text in EXTREMES.items()}
    moments["short"] = add_moment(live.app, "Thank you!", name="@y")
    context = new_context(
        browser,
        live,
        java_script_enabled=javascript,
        reduced_motion="reduce",  # measured at rest, not halfway through the fade-in
    )
    try:
        tab = context.new_page()
        order = None
        for width, height in SCREENS_TO_FIT:
            tab.set_viewport_size({"width": width, "height": height})
            for at in range(len(moments)):
                tab.goto(f"/display?at={at}&seconds=600")
                if javascript:
                    tab.wait_for_selector(".display-moment:not([hidden])[data-fitted]")
                found = _overflow(tab)
                where = f"{width}x{height} at={at} js={javascript}: {found}"
                for edge in ("top", "bottom", "left", "right", "footer", "qr"):
                    assert found[edge] >= -1, where
                assert found["textWide"] <= 0 and found["pageTall"] <= 0, where
                assert found["pageWide"] <= 0, where
                assert found["size"] >= 12, where
            order = order or tab.locator(".display-moment").count()
        assert order == len(moments)
    finally:
        context.close()


def test_display_screenshot_with_a_long_moment(live, browser):
    add_moment(live.app, LONG, name="@maya", for_whom="Amira", featured_minutes_ago=1)
    add_moment(live.app, "Thank you!", name="@y")
    context = new_context(
        browser, live, viewport={"width": 1920, "height": 1080}, reduced_motion="reduce"
    )
    try:
        tab = context.new_page()
        tab.goto("/display?seconds=600")
        tab.wait_for_selector(".display-moment:not([hidden])[data-fitted]")
        found = _overflow(tab)
        assert min(found["top"], found["bottom"], found["footer"]) >= -1, found
        assert found["size"] >= 40, found  # fills the screen: readable across a room
        screenshot(tab, "display-1920x1080-long-moment")
    finally:
        context.close()


# --- share cards, share buttons --------------------------------------------------------------


def test_permalink_og_image_is_a_png_showing_the_text(live, browser):
    ids = seed(live)
    context = new_context(browser, live, viewport=LAPTOP)
    try:
        tab = context.new_page()
        tab.goto(f"/moment/{ids['long']}")
        url = tab.locator('meta[property="og:image"]').get_attribute("content")
        assert url.endswith(f"/moment/{ids['long']}/card.png")
        assert tab.locator('meta[name="twitter:image"]').get_attribute("content") == url
        response = tab.request.get(url)
        assert response.status == 200 and response.headers["content-type"] == "image/png"
        png = Image.open(io.BytesIO(response.body())).convert("RGB")
        assert png.size == (1200, 630)
        left, top, right, bottom = cards.TEXT_BOX
        region = png.crop((left, top, right, bottom))
        ink = ImageChops.difference(region, Image.new("RGB", region.size, "white"))
        dark = sum(1 for value in ink.convert("L").get_flattened_data() if value > 128)
        assert dark > 5000, dark  # the text is drawn: many pixels far from the background
        SCREENS.mkdir(parents=True, exist_ok=True)
        (SCREENS / "share-card-long.png").write_bytes(response.body())
        arabic = tab.request.get(f"/moment/{ids['arabic']}/card.png")
        (SCREENS / "share-card-arabic.png").write_bytes(arabic.body())
        # Taken down: the card goes with it.
        with live.app.app_context():
            move(
                db.session,
                ids["long"],
                State.published,
                State.needs_review,
                Actor(ActorKind.classifier, "test"),
            )
            db.session.commit()
        assert tab.request.get(url).status == 404
    finally:
        context.close()


@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["phone", "laptop"])
def test_share_button_copies_the_link_or_uses_web_share(live, browser, viewport):
    ids = seed(live)
    permalink = f"{live.url}/moment/{ids['short']}"
    context = new_context(
        browser, live, viewport=viewport, permissions=["clipboard-read", "clipboard-write"]
    )
    try:
        # Without the Web Share API (desktop Chromium on Linux): copy the link.
        tab = context.new_page()
        tab.add_init_script("delete Navigator.prototype.share; delete navigator.share;")
        tab.goto(f"/moment/{ids['short']}")
        button = tab.get_by_role("button", name="Copy link")
        button.click()
        expect(tab.get_by_role("status").filter(has_text="Link copied")).to_be_visible()
        assert tab.evaluate("navigator.clipboard.readText()") == permalink
        no_sideways_scroll(tab)
        # With it (a phone): the system share sheet gets the permalink.
        tab = context.new_page()
        tab.add_init_script(
            "navigator.share = (data) => { window.__shared = data; return Promise.resolve(); };"
        )
        tab.goto(f"/moment/{ids['short']}")
        tab.get_by_role("button", name="Share…").click()
        expect(tab.get_by_text("Thank you for sharing.")).to_be_visible()
        shared = tab.evaluate("window.__shared")
        assert shared["url"] == permalink and "#CreateKindness" in shared["title"]
    finally:
        context.close()


def test_share_link_without_javascript_and_on_a_published_receipt(live, browser):
    ids = seed(live)
    with live.app.app_context():
        published, token = create_submission(
            db.session, "Published, with a receipt", "@d", None, True
        )
        move(
            db.session,
            published.id,
            State.pending,
            State.published,
            Actor(ActorKind.classifier, "t"),
        )
        db.session.commit()
        published_id = published.id
    plain = new_context(browser, live, java_script_enabled=False, viewport=PHONE)
    try:
        tab = plain.new_page()
        tab.goto(f"/moment/{ids['short']}")
        expect(tab.get_by_label("Share this moment's page")).to_have_value(
            f"{live.url}/moment/{ids['short']}"
        )
        expect(tab.locator("[data-share-button]")).to_be_hidden()
    finally:
        plain.close()
    context = new_context(
        browser, live, viewport=PHONE, permissions=["clipboard-read", "clipboard-write"]
    )
    try:
        tab = context.new_page()
        tab.add_init_script("delete Navigator.prototype.share; delete navigator.share;")
        tab.goto(f"/receipt/{token}")
        tab.get_by_role("button", name="Copy link").click()
        expect(tab.get_by_text("Link copied")).to_be_visible()
        assert tab.evaluate("navigator.clipboard.readText()") == f"{live.url}/moment/{published_id}"
        no_sideways_scroll(tab)
    finally:
        context.close()


# --- text: direction, length -----------------------------------------------------------------


@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["phone", "laptop"])
def test_arabic_is_laid_out_right_to_left_everywhere(live, browser, viewport):
    ids = seed(live)
    context = new_context(browser, live, viewport=viewport)
    direction = "el => getComputedStyle(el).direction"
    try:
        tab = context.new_page()
        tab.goto("/")
        card = tab.locator(f"#moment-{ids['arabic']}")
        assert card.locator(".moment-text").evaluate(direction) == "rtl"
        assert card.locator(".moment-by bdi").evaluate(direction) == "rtl"
        english = tab.locator(f"#moment-{ids['short']} .moment-text")
        assert english.evaluate(direction) == "ltr"
        # The emoji at the end of the Arabic sentence sits at its left, where it ends.
        text_box = card.locator(".moment-text").bounding_box()
        tab.goto(f"/moment/{ids['arabic']}")
        assert tab.locator(".moment-text").evaluate(direction) == "rtl"
        tab.goto(f"/display?at={1}&seconds=600")  # featured, then the newest: the Arabic one
        assert (
            tab.locator(".display-moment:not([hidden]) .display-text").evaluate(direction) == "rtl"
        )
        tab.goto("/share")
        area = tab.get_by_label("Your kind moment")
        area.fill(ARABIC)
        assert area.evaluate(direction) == "rtl"
        area.fill("Hello")
        assert area.evaluate(direction) == "ltr"
        assert text_box["width"] > 0
    finally:
        context.close()


COUNTED = [
    "Thank you 💖",
    "👨\u200d👩\u200d👧\u200d👦 family",
    "🇫🇷🇯🇵🇧🇷 flags",
    "👍🏽👋🏿 tones",
    "Cafe\u0301 combining",
    "क्षि conjunct",
    "شكرا لك",
    "line one\nline two",
    "  spaces around  ",
]


def chars_left(count: int) -> str:
    """The counter's words in English (the catalog's plural forms: issue 16)."""
    return f"{count} character left" if count == 1 else f"{count} characters left"


def test_counter_and_server_agree(live, browser):
    context = new_context(browser, live, viewport=PHONE)
    try:
        tab = context.new_page()
        tab.goto("/share")
        area = tab.get_by_label("Your kind moment")
        counter = tab.locator('[data-counter-for="text"]')
        for text in COUNTED:
            area.fill(text)
            expect(counter).to_have_text(chars_left(TEXT_MAX - text_length(text.strip())))
        # At the limit in emoji (two UTF-16 units each: a maxlength would have stopped at 250).
        area.fill("💖" * TEXT_MAX)
        expect(counter).to_have_text(chars_left(0))
        assert area.evaluate("el => el.value.length") == 2 * TEXT_MAX  # UTF-16 units: not cut
        area.fill("👨\u200d👩\u200d👧" * (TEXT_MAX + 1))
        expect(counter).to_have_text("1 character too many")
        tab.get_by_label("A kind comment I received").check()
        tab.get_by_label("Display name or @handle").fill("@fam")
        tab.get_by_label("I agree that this moment may be shown publicly").check()
        tab.get_by_role("button", name="Share my kind moment").click()
        expect(tab.get_by_text(f"Keep it to {TEXT_MAX} characters or fewer.").first).to_be_visible()
        expect(area).to_have_value("👨\u200d👩\u200d👧" * (TEXT_MAX + 1))  # kept
        # One fewer is taken, as the counter said.
        area.fill("👨\u200d👩\u200d👧" * TEXT_MAX)
        expect(counter).to_have_text(chars_left(0))
        tab.get_by_role(
            "button", name=re.compile("Share my kind moment|Submit for review")
        ).first.click()
        expect(tab.get_by_role("heading", name="Your kind moment", exact=True)).to_be_visible()
    finally:
        context.close()


# --- the look on a phone ---------------------------------------------------------------------


def test_phone_first_screen_shows_moments_and_no_page_scrolls_sideways(live, browser):
    ids = seed(live)
    with live.app.app_context():
        _, token = create_submission(db.session, "Waiting to be read", "@wait", None, True)
        db.session.commit()
    context = new_context(browser, live, viewport=PHONE)
    try:
        tab = context.new_page()
        tab.goto("/")
        first = tab.locator("article.moment").first
        box = first.bounding_box()
        assert box["y"] + 80 < PHONE["height"], box  # a moment starts on the first screen
        # Each moment once: the featured one is not in the grid too.
        assert tab.locator(f"#moment-{ids['featured']}").count() == 0
        assert tab.locator(f"#featured-{ids['featured']}").count() == 1
        tab.screenshot(path=str(SCREENS / "wall-phone-first-screen.png"))
        for url in (
            "/",
            "/?category=gave",
            f"/moment/{ids['long']}",
            f"/moment/{ids['arabic']}",
            "/share",
            f"/receipt/{token}",
            "/display",
            "/moment/999999",
        ):
            tab.goto(url)
            no_sideways_scroll(tab)
    finally:
        context.close()


# --- accessibility at both widths: axe-core ------------------------------------------------

AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"


@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["phone", "laptop"])
def test_no_serious_accessibility_violations_at_both_widths(live, browser, viewport):
    if not AXE.exists():
        message = f"{AXE} is missing: run `npm ci --no-audit --no-fund` at the repository root"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    ids = seed(live)
    with live.app.app_context():
        published, token = create_submission(db.session, "Published", "@d", None, True)
        move(
            db.session,
            published.id,
            State.pending,
            State.published,
            Actor(ActorKind.classifier, "t"),
        )
        db.session.commit()
    context = new_context(browser, live, viewport=viewport, reduced_motion="reduce")
    try:
        tab = context.new_page()
        for url in ("/", f"/moment/{ids['arabic']}", f"/receipt/{token}", "/share", "/display"):
            tab.goto(url)
            tab.add_script_tag(path=str(AXE))
            results = tab.evaluate(
                "async () => await axe.run(document, {resultTypes: ['violations']})"
            )
            serious = [
                f"{url}: {v['id']} at " + ", ".join(" ".join(n["target"]) for n in v["nodes"][:3])
                for v in results["violations"]
                if v["impact"] in ("serious", "critical")
            ]
            assert not serious, "\n".join(serious)
    finally:
        context.close()

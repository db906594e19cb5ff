"""In a real Chromium, the Content-Security-Policy is in force and no page breaks it (issue 14,
finding 7): the wall, share, receipt, permalink, display, moderator login, queue, settings,
stats and the other moderator pages, with their scripts doing their work (the nudge's draft
check, a heart, the queue's keys), log no violation, while a script injected into a page does
not run. A site that frames the wall is refused; the display, only its configured embedder.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from kindness_challenge.models import State

from browser_helpers import ABUSIVE_TEXT, KIND_TEXT, serve_app, submit_with_mouse
from conftest import MODERATOR_PASSWORD, ModeratorActions
from helpers import add_moment

pytestmark = pytest.mark.slow

EMBEDDER = "http://localhost:*"  # another origin than the server's http://127.0.0.1:port
# Every violation the page reports, and every console line Chromium writes about one.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


@pytest.fixture
def live(tmp_path):
    with serve_app(
        tmp_path, SCORING_MODE="off", DISPLAY_FRAME_ANCESTORS=EMBEDDER, WALL_COUNT_CACHE_SECONDS=0
    ) as server:
        yield server


class Watched:
    """A browser tab whose CSP violations are collected, from the page and from the console."""

    def __init__(self, browser, live):
        self.context = browser.new_context(base_url=live.url)
        self.context.set_default_timeout(10_000)
        self.context.add_init_script(RECORD_VIOLATIONS)
        self.page = self.context.new_page()
        self.console: list[str] = []
        self.page.on("console", self._console)

    def _console(self, message) -> None:
        if "Content Security Policy" in message.text or "Refused to" in message.text:
            self.console.append(message.text)

    def violations(self) -> list[str]:
        return self.page.evaluate("window.__cspViolations || []") + self.console

    def visit(self, path: str, checked: list[str]) -> None:
        response = self.page.goto(path)
        assert response is not None and response.ok, path
        assert "script-src 'self'" in response.headers["content-security-policy"], path
        self.page.wait_for_load_state("load")
        assert self.violations() == [], f"{path}: {self.violations()}"
        checked.append(path)


def test_no_page_logs_a_csp_violation(live, browser):
    moment = add_moment(live.app, "Thank you for walking my dog while I was ill.", name="@lee")
    add_moment(live.app, ABUSIVE_TEXT, name="@angry", state=State.needs_review)
    ModeratorActions(live.app, None).create("boss", MODERATOR_PASSWORD, role="admin")
    checked: list[str] = []
    tab = Watched(browser, live)
    page = tab.page
    try:
        tab.visit("/", checked)
        page.get_by_role("button", name=re.compile("Heart the moment from @lee")).first.click()
        expect(page.get_by_role("button", name=re.compile("from @lee")).first).to_have_attribute(
            "aria-pressed", "true"
        )
        assert tab.violations() == []
        tab.visit("/share", checked)
        # The draft check (share.js fetches the nudge while typing) and the counter.
        with page.expect_response(re.compile(r"/share/nudge$")):
            page.get_by_label("Your kind moment").fill(KIND_TEXT)
        assert tab.violations() == []
        submit_with_mouse(page, KIND_TEXT + " Again!", "@csp")
        receipt = page.url
        assert "/receipt/" in receipt
        tab.visit(receipt, checked)
        tab.visit(f"/moment/{moment}", checked)
        tab.visit("/display", checked)
        tab.visit("/feed.atom", checked)
        tab.visit("/moderate/login", checked)
        page.get_by_label("Username").fill("boss")
        page.get_by_label("Password").fill(MODERATOR_PASSWORD)
        page.get_by_role("button", name="Log in").click()
        expect(page.get_by_role("heading", name="Review queue")).to_be_visible()
        assert tab.violations() == []
        tab.visit("/moderate/", checked)
        page.keyboard.press("j")
        page.keyboard.press("?")
        assert tab.violations() == []
        for path in (
            "/moderate/settings",
            "/moderate/stats",
            "/moderate/words",
            "/moderate/accounts",
            "/moderate/audit",
            "/moderate/decisions",
            "/moderate/reported",
            "/moderate/calibration",
            "/does-not-exist-404",
        ):
            if path.startswith("/does-not"):
                response = page.goto(path)
                assert response.status == 404 and tab.violations() == []
            else:
                tab.visit(path, checked)
        # The policy is really in force: a script slipped into the page does not run.
        ran = page.evaluate(
            """() => {
                const script = document.createElement("script");
                script.textContent = "window.__injected = true";
                document.body.appendChild(script);
                return window.__injected === true;
            }"""
        )
        assert ran is False
        page.wait_for_function("window.__cspViolations.length > 0")
        assert tab.violations()[0].startswith("script-src")
    finally:
        tab.context.close()
    assert len(checked) >= 16


def test_other_sites_cannot_frame_the_wall_only_the_display(live, browser):
    @live.app.get("/_embedder")
    def embedder_page():
        # Served as http://localhost:port, another origin than the app's http://127.0.0.1:port.
        return (
            f'<iframe id="display" src="{live.url}/display"></iframe>'
            f'<iframe id="wall" src="{live.url}/"></iframe>'
        )

    # The embedding page is someone else's: without this site's policy (which allows no frames).
    embedder_page.talisman_view_options = {"content_security_policy": None}

    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(live.url.replace("127.0.0.1", "localhost") + "/_embedder")
        expect(page.frame_locator("#display").locator("body.display")).to_be_attached()
        # The refused frame holds Chromium's error page, never the wall.
        expect(page.frame_locator("#wall").locator("main")).to_have_count(0)
        wall = page.frame(url=re.compile("chrome-error"))
        assert wall is not None, [frame.url for frame in page.frames]
    finally:
        context.close()

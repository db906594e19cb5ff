"""Browser security headers on every response (issue 14, finding 7).

Pages, the JSON API, feeds, probes, static files and error pages all carry a strict CSP,
frame protection, nosniff and a Referrer-Policy; nothing in templates/ needs 'unsafe-inline'.
The real-browser check that no page logs a violation is tests/test_browser_csp.py.
"""

import re
from pathlib import Path

import pytest

from kindness_challenge.participate.submit import create_submission

from conftest import make_app
from helpers import add_moment

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"


def csp(response) -> dict[str, str]:
    header = response.headers.get("Content-Security-Policy", "")
    parts = (part.strip().partition(" ") for part in header.split(";") if part.strip())
    return {name: value.strip() for name, _, value in parts}


@pytest.fixture
def moment_app(tmp_path):
    app = make_app(tmp_path)
    moment = add_moment(app, "You made my whole week, thank you!")
    with app.app_context():
        from kindness_challenge.extensions import db

        _, token = create_submission(db.session, "Thanks for the lift home", "@ann", None, True)
        db.session.commit()
    return app, moment, token


def every_kind_of_response(client, moment: int, token: str):
    yield "wall", client.get("/")
    yield "share", client.get("/share")
    yield "permalink", client.get(f"/moment/{moment}")
    yield "receipt", client.get(f"/receipt/{token}")
    yield "receipt status", client.get(f"/receipt/{token}/status")
    yield "display", client.get("/display")
    yield "feed", client.get("/feed.atom")
    yield "api list", client.get("/api/v1/moments")
    yield "api spec", client.get("/api/openapi.json")
    yield "api 404", client.get("/api/v1/nothing-here")
    yield "login", client.get("/moderate/login")
    yield "redirect", client.get("/moderate/")
    yield "page 404", client.get("/nothing-here")
    yield "405", client.delete("/")
    yield "400", client.get("/?category=not-a-category")
    yield "static", client.get("/static/kindness.css")
    yield "healthz", client.get("/healthz")


def test_every_response_carries_the_security_headers(moment_app):
    app, moment, token = moment_app
    for name, response in every_kind_of_response(app.test_client(), moment, token):
        policy = csp(response)
        assert policy.get("default-src") == "'self'", name
        assert policy.get("script-src") == "'self'", name
        assert policy.get("style-src") == "'self'", name
        assert policy.get("object-src") == "'none'", name
        assert policy.get("base-uri") == "'none'", name
        assert policy.get("frame-ancestors") == "'none'", name
        assert "unsafe-inline" not in response.headers["Content-Security-Policy"], name
        assert "unsafe-eval" not in response.headers["Content-Security-Policy"], name
        assert response.headers.get("X-Frame-Options") == "DENY", name
        assert response.headers.get("X-Content-Type-Options") == "nosniff", name
        # No path, so no receipt token, ever leaves as a Referer; the origin still does.
        assert response.headers.get("Referrer-Policy") == "strict-origin", name
        assert "camera=()" in response.headers.get("Permissions-Policy", ""), name
        response.close()


def test_a_500_page_carries_them_too(tmp_path):
    app = make_app(tmp_path, PROPAGATE_EXCEPTIONS=False)

    @app.get("/_boom")
    def boom():
        raise RuntimeError("boom")

    response = app.test_client().get("/_boom")
    assert response.status_code == 500
    assert csp(response)["frame-ancestors"] == "'none'"
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_the_display_may_be_framed_by_the_configured_embedders_only(tmp_path):
    app = make_app(
        tmp_path, DISPLAY_FRAME_ANCESTORS="https://events.example.org https://tv.example.net:8443"
    )
    client = app.test_client()
    display = client.get("/display")
    assert csp(display)["frame-ancestors"] == (
        "https://events.example.org https://tv.example.net:8443"
    )
    assert "X-Frame-Options" not in display.headers
    wall = client.get("/")
    assert csp(wall)["frame-ancestors"] == "'none'"
    assert wall.headers["X-Frame-Options"] == "DENY"


def test_by_default_not_even_the_display_may_be_framed(moment_app):
    app, _, _ = moment_app
    display = app.test_client().get("/display")
    assert csp(display)["frame-ancestors"] == "'none'"
    assert display.headers["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize(
    "embedder", ["https://a.example; script-src *", "*", "'unsafe-inline'", "javascript:x"]
)
def test_a_bad_embedder_stops_the_app_at_start(tmp_path, embedder):
    with pytest.raises(ValueError, match="DISPLAY_FRAME_ANCESTORS"):
        make_app(tmp_path, DISPLAY_FRAME_ANCESTORS=embedder)


INLINE = [
    # A JSON data block (the scripts' words, i18n.py) is never run, so CSP does not apply to it.
    (
        re.compile(r'<script(?![^>]*\b(?:src=|type="application/json"))[^>]*>', re.I),
        "an inline <script>",
    ),
    (re.compile(r"<style\b", re.I), "a <style> element"),
    (re.compile(r"\sstyle\s*=", re.I), "a style attribute"),
    (re.compile(r"\son[a-z]+\s*=", re.I), "an on* handler attribute"),
    (re.compile(r"javascript:", re.I), "a javascript: URL"),
]


@pytest.mark.parametrize("template", sorted(TEMPLATES.rglob("*.html")), ids=lambda p: p.name)
def test_templates_need_no_inline_script_or_style(template):
    text = template.read_text()
    for pattern, what in INLINE:
        assert not pattern.search(text), f"{template.name} has {what}: CSP would block it"

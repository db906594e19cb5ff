"""The app shell's defences, wired by ``create_app`` in one call (README "Running at scale").

- The site's own address, refused hosts and Cache-Control: ``canonical.py``.
- Which proxies are believed, https and Secure cookies: ``proxies.py``, at the WSGI layer.
- Receipt tokens kept out of every log: ``log_redaction.py``.
- No versions in the development server's ``Server`` header.
- Browser security headers on every response, pages, API, static files and errors alike, by
  Flask-Talisman: a strict Content-Security-Policy (every script and style is a file under
  ``static/``; no inline script, style or handler anywhere), ``frame-ancestors 'none'`` with
  X-Frame-Options DENY as the older browsers' fallback, ``nosniff``, a Referrer-Policy, a
  Permissions-Policy, and HSTS on https. The event display (``/display``) may be framed by the
  embedders an operator names in DISPLAY_FRAME_ANCESTORS.

Referrer-Policy is ``strict-origin``: a receipt link is the participant's only key, so no
path (and no token) ever leaves a page as a Referer, not even to this site's own static files;
the origin still goes with every same-site POST, which Flask-WTF's https check needs.
"""

from __future__ import annotations

import re

from flask import Flask, request
from flask_talisman import Talisman
from werkzeug.serving import WSGIRequestHandler

from .canonical import init_public_url
from .log_redaction import init_log_redaction
from .proxies import init_proxies

CONTENT_SECURITY_POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self'",
    "connect-src": "'self'",
    "font-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'none'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}
PERMISSIONS_POLICY = {
    "browsing-topics": "()",
    "camera": "()",
    "geolocation": "()",
    "microphone": "()",
    "payment": "()",
}
REFERRER_POLICY = "strict-origin"
# A CSP source expression an operator may name as the display's embedder.
EMBEDDER = re.compile(r"'self'|https?://[A-Za-z0-9.*-]+(:([0-9]{1,5}|\*))?")
FRAMEABLE_ENDPOINTS = frozenset({"wall.display"})


def init_security(app: Flask) -> None:
    init_public_url(app)
    init_proxies(app)
    init_log_redaction(app)
    WSGIRequestHandler.version_string = _server_without_versions
    embedders = display_frame_ancestors(app.config["DISPLAY_FRAME_ANCESTORS"])
    if embedders:
        # Registered before Talisman's, so it runs after it (Flask runs them last first).
        app.after_request(_let_embedders_frame(embedders))
    # One Talisman per app: it keeps its options on itself.
    app.extensions["talisman"] = Talisman(
        app,
        force_https=False,  # the proxy redirects; probes on http must still answer
        session_cookie_secure=False,  # proxies.py makes every cookie Secure on https
        session_cookie_samesite=app.config["SESSION_COOKIE_SAMESITE"],
        content_security_policy=CONTENT_SECURITY_POLICY,
        frame_options="DENY",
        referrer_policy=REFERRER_POLICY,
        permissions_policy=PERMISSIONS_POLICY,
        strict_transport_security=True,
        strict_transport_security_max_age=int(app.config["HSTS_SECONDS"]),
        strict_transport_security_include_subdomains=False,
    )


def _server_without_versions(handler) -> str:
    """Werkzeug's development server (``make run``) named itself and Python, with versions, in
    every ``Server`` header; gunicorn says "gunicorn" only."""
    return "kindness-challenge"


def display_frame_ancestors(value: str | list[str] | None) -> str:
    """ "https://a.example https://b.example" (or a list) as a frame-ancestors value."""
    sources = value.replace(",", " ").split() if isinstance(value, str) else list(value or [])
    for source in sources:
        if not EMBEDDER.fullmatch(source):
            raise ValueError(f"DISPLAY_FRAME_ANCESTORS: not an origin: {source!r}")
    return " ".join(sources)


def _let_embedders_frame(embedders: str):
    def frame_ancestors(response):
        if request.endpoint in FRAMEABLE_ENDPOINTS:
            policy = response.headers.get("Content-Security-Policy", "")
            response.headers["Content-Security-Policy"] = policy.replace(
                "frame-ancestors 'none'", f"frame-ancestors {embedders}"
            )
            # X-Frame-Options cannot name an origin; browsers with CSP ignore it anyway.
            response.headers.pop("X-Frame-Options", None)
        return response

    return frame_ancestors

"""The site's own address, and what shared caches may keep.

Absolute URLs (Open Graph and canonical tags, the Atom feed, the API's links, the display's
"share yours" address, the receipt's permalink) are built by ``url_for(..., _external=True)``;
Flask takes their host from SERVER_NAME when it is set, otherwise from the request's ``Host``,
which a client chooses. PUBLIC_URL (``https://kindness.example.org``) sets SERVER_NAME, the
scheme (HTTPS defaults to true for an https address), and TRUSTED_HOSTS: its host and the
loopback names (probes on the host), so a request naming any other host is refused with a plain
400 before anything runs. KINDNESS_TRUSTED_HOSTS widens or narrows that list.

Cache-Control, decided once per response (views may set a stricter one of their own):

- ``private, no-store`` for anything that sets a cookie, carries a CSRF token or shows a
  logged-in moderator's page (or nav), for every receipt and moderator URL and for every state
  change: no shared cache keeps one visitor's cookie, token or page for another, and the
  browser keeps no copy on disk;
- ``public, max-age=PUBLIC_CACHE_SECONDS`` for the anonymous reads that are the same for
  everyone: the Atom feed, the event display, share cards, the emoji font and the JSON API's GETs;
- ``no-cache`` for everything else (error pages, probes): stored at most, and never served again
  without asking this server.
"""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

import click
from flask import Flask, Response, current_app, g, request
from werkzeug.exceptions import SecurityError

log = logging.getLogger(__name__)

PUBLIC_ENDPOINTS = frozenset(
    {
        "wall.feed",
        "wall.display",
        "wall.card",
        "wall.wall_card",
        "wall.emoji_font",
        "api.moments",
        "api.moment",
        "api.count_totals",
        "api.openapi",
    }
)
PRIVATE_PREFIXES = ("/moderate", "/receipt/")
LOOPBACK_HOSTS = ["localhost", "127.0.0.1"]


def parse_public_url(url: str) -> tuple[str, str]:
    """``https://host[:port]`` -> (scheme, host[:port]); anything else is a start-up error."""
    parts = urlsplit(url.strip())
    if (
        parts.scheme not in ("http", "https")
        or not parts.hostname
        or parts.username is not None
        or parts.path not in ("", "/")
        or parts.query
        or parts.fragment
    ):
        raise ValueError(f"PUBLIC_URL must be like https://kindness.example.org, not {url!r}")
    return parts.scheme, parts.netloc.lower()


def _quiet_command() -> bool:
    """A flask command that serves nothing (`db upgrade`, `create-moderator`): no advice about
    serving, so a first `make run` says it once, under `run`."""
    context = click.get_current_context(silent=True)
    return context is not None and context.info_name != "run"


def init_public_url(app: Flask) -> None:
    config = app.config
    if config.get("PUBLIC_URL"):
        scheme, netloc = parse_public_url(config["PUBLIC_URL"])
        config["SERVER_NAME"] = netloc
        config["PREFERRED_URL_SCHEME"] = scheme
        if config["HTTPS"] is None:
            config["HTTPS"] = scheme == "https"
        if config["TRUSTED_HOSTS"] is None:
            config["TRUSTED_HOSTS"] = [netloc.rsplit(":", 1)[0].strip("[]"), *LOOPBACK_HOSTS]
    elif not (config.get("SERVER_NAME") or app.debug or app.testing or _quiet_command()):
        log.warning(
            "KINDNESS_PUBLIC_URL is not set: absolute URLs follow each request's Host header "
            "(set it in production)"
        )
    config["HTTPS"] = bool(config["HTTPS"])

    @app.before_request
    def refuse_unknown_hosts():
        # Flask found the Host outside TRUSTED_HOSTS and could build no URL adapter: answer
        # before any view or error page (they build URLs) runs.
        if isinstance(request.routing_exception, SecurityError):
            return Response("Unknown host.\n", 400, mimetype="text/plain")
        return None

    max_age = int(config["PUBLIC_CACHE_SECONDS"])

    @app.after_request
    def cache_control(response: Response) -> Response:
        response.headers["Cache-Control"] = _cache_control(response, max_age)
        return response


def _cache_control(response: Response, max_age: int) -> str:
    current = response.headers.get("Cache-Control")
    if current and "no-store" in current:
        return current  # a view's own "no-store" is as strict already
    if (
        "Set-Cookie" in response.headers
        or _per_visitor()
        or request.method not in ("GET", "HEAD")
        or request.path.startswith(PRIVATE_PREFIXES)
    ):
        return "private, no-store"
    if current:
        return current
    if request.endpoint in PUBLIC_ENDPOINTS and response.status_code == 200 and max_age > 0:
        return f"public, max-age={max_age}"
    return "no-cache"


def _per_visitor() -> bool:
    """The response shows something of this visitor's: a form's CSRF token (Flask-WTF keeps the
    one it rendered in ``g``) or a logged-in moderator (Flask-Login keeps one it loaded there).
    Not ``session.accessed``: Flask-Login reads the session after every request, so it is
    always true. A response that sets the session cookie is caught in ``proxies.py``."""
    if g.get(current_app.config.get("WTF_CSRF_FIELD_NAME", "csrf_token")):
        return True
    user = g.get("_login_user")
    return user is not None and user.is_authenticated

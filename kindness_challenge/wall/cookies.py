"""Who a visitor is: a random id in a signed, HttpOnly, SameSite=Lax cookie, set on their first
heart or report. The database stores only a keyed hash of the id (``visitor_key``), so neither
the cookie nor the database alone links a heart to a browser.

The cookie also carries when it was first given out (signed, so it cannot be backdated): a
report counts towards hiding a moment only from a visitor who has been around a while
(``REPORT_MIN_VISITOR_SECONDS``), so clearing cookies makes new visitors whose reports wait for
a moderator, not new votes. Cookies from before this carried only the id; they are at least as
old as this change, and count as old.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time

from flask import current_app, g, request
from itsdangerous import BadSignature, URLSafeSerializer

COOKIE = "kindness_visitor"
MAX_AGE = 365 * 24 * 3600


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.secret_key, salt="kindness-visitor")


def _key_of(visitor_id: str) -> str:
    secret = str(current_app.secret_key).encode()
    return hmac.new(secret, b"visitor:" + visitor_id.encode(), hashlib.sha256).hexdigest()


def _valid_id(value) -> bool:
    return isinstance(value, str) and 16 <= len(value) <= 64


def _visitor() -> tuple[str, float] | None:
    """(id, when the cookie was first given out) from this request's cookie, or None."""
    raw = request.cookies.get(COOKIE)
    if not raw or len(raw) > 200:
        return None
    try:
        value = _serializer().loads(raw)
    except BadSignature:
        return None
    if _valid_id(value):  # a cookie from before the time was carried
        return value, 0.0
    if (
        isinstance(value, list)
        and len(value) == 2
        and _valid_id(value[0])
        and isinstance(value[1], int)
    ):
        return value[0], float(value[1])
    return None


def cookie_value(visitor_id: str, issued_at: float) -> str:
    """The signed cookie value for a visitor first seen at ``issued_at`` (epoch seconds)."""
    return _serializer().dumps([visitor_id, int(issued_at)])


def visitor_key() -> str | None:
    """This request's visitor key, or None for a visitor who has no (valid) cookie yet."""
    visitor = _visitor()
    return _key_of(visitor[0]) if visitor else None


def ensure_visitor_key() -> str:
    """The visitor key, making a new visitor (cookie set by ``set_cookie_if_new``) if needed."""
    visitor = _visitor()
    if visitor is None:
        visitor_id = secrets.token_urlsafe(24)
        g.new_visitor_id = visitor_id
        return _key_of(visitor_id)
    return _key_of(visitor[0])


def visitor_age() -> float:
    """Seconds since this visitor's cookie was first given out (0 for a new visitor)."""
    visitor = _visitor()
    if visitor is None or "new_visitor_id" in g:
        return 0.0
    return max(0.0, time.time() - visitor[1])


def set_cookie_if_new(response):
    visitor_id = g.pop("new_visitor_id", None)
    if visitor_id is not None:
        response.set_cookie(
            COOKIE,
            cookie_value(visitor_id, time.time()),
            max_age=MAX_AGE,
            httponly=True,
            samesite="Lax",
            secure=request.is_secure or bool(current_app.config.get("SESSION_COOKIE_SECURE")),
        )
    return response

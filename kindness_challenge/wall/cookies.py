"""Who a visitor is: a random id in a signed, HttpOnly, SameSite=Lax cookie, set on their first
heart or report. The database stores only a keyed hash of the id (``visitor_key``), so neither
the cookie nor the database alone links a heart to a browser.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from flask import current_app, g, request
from itsdangerous import BadSignature, URLSafeSerializer

COOKIE = "kindness_visitor"
MAX_AGE = 365 * 24 * 3600


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.secret_key, salt="kindness-visitor")


def _key_of(visitor_id: str) -> str:
    secret = str(current_app.secret_key).encode()
    return hmac.new(secret, b"visitor:" + visitor_id.encode(), hashlib.sha256).hexdigest()


def _visitor_id() -> str | None:
    raw = request.cookies.get(COOKIE)
    if not raw or len(raw) > 200:
        return None
    try:
        value = _serializer().loads(raw)
    except BadSignature:
        return None
    return value if isinstance(value, str) and 16 <= len(value) <= 64 else None


def visitor_key() -> str | None:
    """This request's visitor key, or None for a visitor who has no (valid) cookie yet."""
    visitor_id = _visitor_id()
    return _key_of(visitor_id) if visitor_id else None


def ensure_visitor_key() -> str:
    """The visitor key, making a new visitor (cookie set by ``set_cookie_if_new``) if needed."""
    visitor_id = _visitor_id()
    if visitor_id is None:
        visitor_id = secrets.token_urlsafe(24)
        g.new_visitor_id = visitor_id
    return _key_of(visitor_id)


def set_cookie_if_new(response):
    visitor_id = g.pop("new_visitor_id", None)
    if visitor_id is not None:
        response.set_cookie(
            COOKIE,
            _serializer().dumps(visitor_id),
            max_age=MAX_AGE,
            httponly=True,
            samesite="Lax",
            secure=request.is_secure or bool(current_app.config.get("SESSION_COOKIE_SECURE")),
        )
    return response

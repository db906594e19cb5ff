"""Error pages in the site's look. Every error is a page that says what happened, never a trace."""

from __future__ import annotations

import logging

from flask import Flask, jsonify, render_template, request
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import OperationalError
from werkzeug.exceptions import HTTPException, InternalServerError, ServiceUnavailable
from werkzeug.http import HTTP_STATUS_CODES

from .extensions import db

log = logging.getLogger(__name__)

FRIENDLY = {
    400: (
        "That request didn't make sense",
        "Something in it was malformed. Please go back and try again.",
    ),
    403: ("That is for admins", "Your account cannot open this page. Ask an admin."),
    404: ("We couldn't find that page", "It may have moved, or it may not be public."),
    405: ("That can't be done here", "This page doesn't accept that kind of request."),
    413: (
        "That was too much",
        "What you sent is larger than we accept. Kind moments are up to 500 characters.",
    ),
    429: (
        "Slow down a little",
        "You've sent a lot in a short time. Take a breath and try again in a minute.",
    ),
    500: ("Something went wrong on our side", "It's not you. Please try again in a moment."),
    503: (
        "We're briefly unavailable",
        "Our database is not answering just now. Please try again in a moment.",
    ),
}


# The API's own wording: for programs and the people writing them, not for visitors. The title
# is the HTTP reason phrase, ``type`` a stable name to branch on.
API_ERRORS = {
    400: ("bad_request", "The request is malformed."),
    403: ("forbidden", "This client may not use this resource."),
    404: ("not_found", "There is no API resource at this path."),
    405: ("method_not_allowed", "This resource does not support this method."),
    413: ("payload_too_large", "The request body is larger than this API accepts."),
    429: ("rate_limited", "This client has used up its request budget; retry later."),
    500: ("internal_error", "The server failed to answer this request; retry later."),
    503: ("unavailable", "The service's database is not answering; retry later."),
}

# Endpoints outside /api/ that speak JSON (the share form's live nudge).
JSON_ENDPOINTS = frozenset({"participate.nudge", "participate.receipt_status"})


def is_api() -> bool:
    return request.path.startswith("/api/")


def wants_json() -> bool:
    """The JSON API, the pages' own JSON endpoints and scripts that ask for JSON (the queue's
    decisions in place) get errors in JSON; people get pages."""
    if is_api() or request.endpoint in JSON_ENDPOINTS:
        return True
    accepted = request.accept_mimetypes
    return accepted.quality("application/json") > accepted.quality("text/html")


def api_error(code: int, detail: str | None = None, headers=None):
    """An error answer of the API: ``{"error": {code, type, title, message}}``."""
    kind, message = API_ERRORS.get(code, ("error", "The request failed."))
    body = {
        "code": code,
        "type": kind,
        "title": HTTP_STATUS_CODES.get(code, "Error"),
        "message": detail or message,
    }
    return jsonify(error=body), code, headers or {}


def render_error(code: int, detail: str | None = None, headers=None):
    if is_api():
        return api_error(code, detail, headers)
    title, message = FRIENDLY.get(code, ("Something went wrong", "Please try again."))
    if wants_json():
        body = {"code": code, "title": title, "message": detail or message}
        return jsonify(error=body), code, headers or {}
    return (
        render_template("error.html", code=code, title=title, message=message, detail=detail),
        code,
        headers or {},
    )


def _kept_headers(error: HTTPException) -> dict[str, str]:
    """The headers an HTTP error carries besides its body's type: ``Allow`` on a 405 (RFC 9110
    requires it), ``Retry-After`` where the raiser set one."""
    return {
        name: value
        for name, value in error.get_headers()
        if name.lower() in ("allow", "retry-after", "www-authenticate")
    }


def register_error_handlers(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def csrf_error(error: CSRFError):
        return render_error(
            400,
            "Your form's security token was missing or had expired. "
            "Please reload the page and send it again.",
        )

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        if error.response is not None:
            # An answer of its own (the share form's rate limit shows the form again with the
            # participant's words: Flask-Limiter's on_breach).
            return error.response
        headers = _kept_headers(error)
        if is_api():
            # Our own descriptions (a bad parameter, an unknown id) are written for the API;
            # Werkzeug's defaults are not, and give way to the API's wording.
            own = error.description != type(error).description
            methods = ", ".join(getattr(error, "valid_methods", None) or ())
            if error.code == 405 and methods:
                return api_error(405, f"This resource supports only {methods}.", headers)
            if error.code == 429:
                detail = f"This client has used up its request budget ({error.description}); "
                return api_error(429, detail + "retry later.", headers)
            return api_error(error.code or 500, error.description if own else None, headers)
        detail = error.description if error.code == 400 else None
        if error.code not in FRIENDLY:
            title = error.name
            if wants_json():
                return (
                    jsonify(
                        error={"code": error.code, "title": title, "message": error.description}
                    ),
                    error.code,
                    headers,
                )
            return (
                render_template(
                    "error.html",
                    code=error.code,
                    title=title,
                    message=error.description,
                    detail=None,
                ),
                error.code,
                headers,
            )
        return render_error(error.code or 500, detail, headers)

    @app.errorhandler(OperationalError)
    def database_unavailable(error: OperationalError):
        db.session.rollback()
        log.error("database unavailable: %s", error)
        return render_error(ServiceUnavailable.code)

    @app.errorhandler(InternalServerError)
    def internal_error(error: InternalServerError):
        db.session.rollback()
        return render_error(500)

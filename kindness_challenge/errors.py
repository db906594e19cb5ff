"""Error pages in the site's look. Every error is a page that says what happened, never a trace."""

from __future__ import annotations

import logging

from flask import Flask, jsonify, render_template, request
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import OperationalError
from werkzeug.exceptions import HTTPException, InternalServerError, ServiceUnavailable

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


# Endpoints outside /api/ that speak JSON (the share form's live nudge).
JSON_ENDPOINTS = frozenset({"participate.nudge", "participate.receipt_status"})


def wants_json() -> bool:
    """The JSON API (and feeds' machine clients) get errors in JSON, people get pages."""
    return request.path.startswith("/api/") or request.endpoint in JSON_ENDPOINTS


def render_error(code: int, detail: str | None = None):
    title, message = FRIENDLY.get(code, ("Something went wrong", "Please try again."))
    if wants_json():
        return jsonify(error={"code": code, "title": title, "message": detail or message}), code
    return render_template(
        "error.html", code=code, title=title, message=message, detail=detail
    ), code


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
        detail = error.description if error.code == 400 else None
        if error.code not in FRIENDLY:
            title = error.name
            if wants_json():
                return jsonify(
                    error={"code": error.code, "title": title, "message": error.description}
                ), error.code
            return render_template(
                "error.html", code=error.code, title=title, message=error.description, detail=None
            ), error.code
        return render_error(error.code or 500, detail)

    @app.errorhandler(OperationalError)
    def database_unavailable(error: OperationalError):
        db.session.rollback()
        log.error("database unavailable: %s", error)
        return render_error(ServiceUnavailable.code)

    @app.errorhandler(InternalServerError)
    def internal_error(error: InternalServerError):
        db.session.rollback()
        return render_error(500)

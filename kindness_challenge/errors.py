"""Error pages in the site's look. Every error is a page that says what happened, never a trace."""

from __future__ import annotations

import logging

from flask import Flask, jsonify, render_template, request
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import OperationalError
from werkzeug.exceptions import HTTPException, InternalServerError, ServiceUnavailable

from .extensions import db

log = logging.getLogger(__name__)

FRIENDLY = {
    400: (
        _l("That request didn't make sense"),
        _l("Something in it was malformed. Please go back and try again."),
    ),
    403: (_l("That is for admins"), _l("Your account cannot open this page. Ask an admin.")),
    404: (_l("We couldn't find that page"), _l("It may have moved, or it may not be public.")),
    405: (_l("That can't be done here"), _l("This page doesn't accept that kind of request.")),
    413: (
        _l("That was too much"),
        _l("What you sent is larger than we accept. Kind moments are up to 500 characters."),
    ),
    429: (
        _l("Slow down a little"),
        _l("You've sent a lot in a short time. Take a breath and try again in a minute."),
    ),
    500: (
        _l("Something went wrong on our side"),
        _l("It's not you. Please try again in a moment."),
    ),
    503: (
        _l("We're briefly unavailable"),
        _l("Our database is not answering just now. Please try again in a moment."),
    ),
}


# Endpoints outside /api/ that speak JSON (the share form's live nudge).
JSON_ENDPOINTS = frozenset({"participate.nudge", "participate.receipt_status"})


def wants_json() -> bool:
    """The JSON API (and feeds' machine clients) get errors in JSON, people get pages."""
    return request.path.startswith("/api/") or request.endpoint in JSON_ENDPOINTS


def render_error(code: int, detail: str | None = None):
    title, message = FRIENDLY.get(code, (_l("Something went wrong"), _l("Please try again.")))
    title, message = str(title), str(message)
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
            _(
                "Your form's security token was missing or had expired. "
                "Please reload the page and send it again."
            ),
        )

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        if error.response is not None:
            # An answer of its own (the share form's rate limit shows the form again with the
            # participant's words: Flask-Limiter's on_breach).
            return error.response
        # Werkzeug's own English wording adds nothing to the page's: only a view's own detail.
        custom = error.description != type(error).description
        detail = error.description if error.code == 400 and custom else None
        if error.code not in FRIENDLY:
            title = error.name
            if wants_json():
                return jsonify(
                    error={"code": error.code, "title": title, "message": error.description}
                ), error.code
            # People get the page in their language: Werkzeug's wording is English only.
            return render_template(
                "error.html",
                code=error.code,
                title=_("Something went wrong"),
                message=_("Please try again."),
                detail=None,
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

"""Error pages in the site's look. Every error is a page that says what happened, never a trace.

A database that goes away answers 503 (page or JSON), never 500, at whatever point of a request
it fails: in a view, in an ``after_request`` hook, while an error page is being made, or when the
request's session is ended after the response is built (``end_session``: a rollback on a
connection the server has just closed). An outage is logged once when it starts and once when a
new connection succeeds again (``core.outages``), not once per request.
"""

from __future__ import annotations

import logging

from flask import Flask, g, jsonify, render_template, request
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import AnonymousUserMixin, current_user
from flask_wtf.csrf import CSRFError
from sqlalchemy import event
from sqlalchemy import exc as sa_exc
from werkzeug.exceptions import HTTPException, InternalServerError, ServiceUnavailable
from werkzeug.http import HTTP_STATUS_CODES

from .core.outages import database_unavailable
from .extensions import db
from .services import DATABASE, discard_session

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
    title, message = FRIENDLY.get(code, (_l("Something went wrong"), _l("Please try again.")))
    title, message = str(title), str(message)
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


def end_session(error: BaseException | None = None) -> None:
    """Teardown: close the request's session. The response is built and correct by now (a view
    commits what it writes), so a rollback that fails on a connection the server has just
    closed is no longer the client's business: the connection is thrown away, the response
    goes out as it is. Runs before Flask-SQLAlchemy's own teardown, which then finds no
    session left to close."""
    try:
        db.session.remove()
    except Exception as failure:  # noqa: BLE001 - see above; never a 500 after the fact
        if database_unavailable(failure):
            DATABASE.failed(failure)
        else:
            log.warning("could not close the request's session: %s", failure)
        try:
            db.session.invalidate()
        except Exception:  # noqa: BLE001
            pass
        db.session.registry.clear()


def _anonymous_if_unloadable() -> None:
    """An error page shows the moderator's menu when it can; if loading the moderator needs
    the database that just failed, the page is drawn for a visitor instead."""
    try:
        current_user._get_current_object()
    except Exception:  # noqa: BLE001 - the database again: render without the menu
        discard_session()
        g._login_user = AnonymousUserMixin()


def unavailable(error: BaseException):
    DATABASE.failed(error)
    discard_session()
    _anonymous_if_unloadable()
    return render_error(ServiceUnavailable.code)


def register_error_handlers(app: Flask) -> None:
    # Teardown functions run last-registered first: this one before Flask-SQLAlchemy's.
    app.teardown_appcontext(end_session)
    with app.app_context():
        # A new connection is the database answering again: the end of an outage, if any.
        engine = db.engine
    if not event.contains(engine, "connect", _database_answered):
        event.listen(engine, "connect", _database_answered)

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
        # Werkzeug's own English wording adds nothing to the page's: only a view's own detail.
        custom = error.description != type(error).description
        detail = error.description if error.code == 400 and custom else None
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
            # People get the page in their language: Werkzeug's wording is English only.
            return (
                render_template(
                    "error.html",
                    code=error.code,
                    title=_("Something went wrong"),
                    message=_("Please try again."),
                    detail=None,
                ),
                error.code,
                headers,
            )
        return render_error(error.code or 500, detail, headers)

    @app.errorhandler(sa_exc.SQLAlchemyError)
    def database_error(error: sa_exc.SQLAlchemyError):
        # A connection refused, dropped or ended by the server (a restart; an idle-transaction
        # or statement timeout, which psycopg raises as InternalError or OperationalError).
        if database_unavailable(error):
            return unavailable(error)
        raise error  # a bug (a constraint, a bad query): Flask's 500 path, logged with its trace

    @app.errorhandler(InternalServerError)
    def internal_error(error: InternalServerError):
        # Flask sends here what no handler took: a database failure in an after_request hook,
        # or in an error handler itself. That is still the database being away: 503.
        if database_unavailable(error.original_exception):
            return unavailable(error.original_exception)
        discard_session()
        _anonymous_if_unloadable()
        return render_error(500)


def _database_answered(dbapi_connection, connection_record) -> None:
    DATABASE.succeeded()

"""Logs: a request id on every request, and one JSON object per line when LOG_FORMAT is "json".

The request id is the caller's ``X-Request-ID`` when it is a plausible one (a proxy or load
balancer sets it), otherwise a new random one; it goes back in the response's ``X-Request-ID``
and into every log record written while the request is handled. With LOG_FORMAT "json" the root
logger writes to stderr (gunicorn and the score workers alike) and each request adds one access
line (method, path, status, duration).
"""

from __future__ import annotations

import json
import logging
import re
import sys
import time
import uuid
from datetime import UTC, datetime

from flask import Flask, g, has_request_context, request

HANDLER_NAME = "kindness-json"
VALID_REQUEST_ID = re.compile(r"[A-Za-z0-9._:\-]{1,128}")
TEXT_FORMAT = "%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"
# LogRecord attributes that are not "extra" fields given by the caller.
STANDARD_ATTRIBUTES = frozenset(
    vars(logging.LogRecord("", 0, "", 0, "", (), None)).keys() | {"message", "asctime"}
)

access_log = logging.getLogger("kindness_challenge.access")


def current_request_id() -> str | None:
    return g.get("request_id") if has_request_context() else None


class JsonFormatter(logging.Formatter):
    """One JSON object per record: time, level, logger, message, request id, pid, extras."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "pid": record.process,
        }
        request_id = getattr(record, "request_id", None) or current_request_id()
        if request_id:
            entry["request_id"] = request_id
        for key, value in vars(record).items():
            if key not in STANDARD_ATTRIBUTES and key not in entry:
                entry[key] = value
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        elif record.exc_text:  # already formatted (and redacted: log_redaction.py)
            entry["exception"] = record.exc_text
        return json.dumps(entry, default=str, ensure_ascii=False)


def configure_root_logging(log_format: str, level: str) -> None:
    """Send the root logger to stderr in the given format, once per process."""
    root = logging.getLogger()
    if any(handler.get_name() == HANDLER_NAME for handler in root.handlers):
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.set_name(HANDLER_NAME)
    formatter = JsonFormatter() if log_format == "json" else logging.Formatter(TEXT_FORMAT)
    handler.setFormatter(formatter)
    root.addHandler(handler)
    root.setLevel(level)


def init_logging(app: Flask) -> None:
    log_format = app.config["LOG_FORMAT"]
    if log_format not in ("text", "json"):
        raise ValueError(f"LOG_FORMAT must be 'text' or 'json', not {log_format!r}")
    if log_format == "json":
        configure_root_logging("json", app.config["LOG_LEVEL"])
        # Flask's own handler would write every app.logger record a second time, as text.
        from flask.logging import default_handler

        app.logger.removeHandler(default_handler)

    @app.before_request
    def assign_request_id() -> None:
        incoming = request.headers.get("X-Request-ID", "")
        g.request_id = incoming if VALID_REQUEST_ID.fullmatch(incoming) else uuid.uuid4().hex
        g.request_started = time.perf_counter()

    @app.after_request
    def report_request_id(response):
        request_id = g.get("request_id")
        if request_id:
            response.headers["X-Request-ID"] = request_id
        if log_format == "json" and "request_started" in g:
            access_log.info(
                "%s %s %s",
                request.method,
                request.path,
                response.status_code,
                extra={
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "duration_ms": round((time.perf_counter() - g.request_started) * 1000, 2),
                    "remote_addr": request.remote_addr,
                },
            )
        return response

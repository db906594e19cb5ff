"""Receipt tokens never reach a log.

A receipt link (``/receipt/<token>``) is the participant's only key to withdraw or appeal; the
database keeps only its hash, so a log line must not keep the token either. Every path, request
line, referrer, redirect target and message that passes a log is written as
``/receipt/<redacted>``: the app's own loggers and its JSON access log, Werkzeug's development
server, and gunicorn's access and error logs (``gunicorn.conf.py`` uses the same pattern).
"""

from __future__ import annotations

import logging
import re

from flask import Flask

# A token runs to the next "/", "?", "#", quote or space; %2F cannot hide one (it stays in it).
RECEIPT_TOKEN = re.compile(r"(/receipt/)[^/?#\s\"'<>]+")
REDACTED = r"\1<redacted>"
# Records from these loggers (children propagate past them, so each is named).
LOGGERS = ("kindness_challenge", "kindness_challenge.access", "werkzeug", "flask.app")


def redact(text: str) -> str:
    return RECEIPT_TOKEN.sub(REDACTED, text)


class RedactReceiptTokens(logging.Filter):
    """Rewrites a record in place: its message (with its arguments) and any text extra."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if "/receipt/" in message:
            record.msg, record.args = redact(message), ()
        if record.exc_info and not record.exc_text:
            # The exception's text (its message, a URL in it) may carry one too: then keep the
            # redacted traceback as text and drop the live exception.
            text = _FORMATTER.formatException(record.exc_info)
            if "/receipt/" in text:
                record.exc_text, record.exc_info = text, None
        for key, value in list(vars(record).items()):
            if isinstance(value, str) and "/receipt/" in value and key != "msg":
                setattr(record, key, redact(value))
        return True


_FORMATTER = logging.Formatter()


REDACTING_FILTER = RedactReceiptTokens()


def init_log_redaction(app: Flask) -> None:
    """Filter the loggers a request's path reaches, and every handler on the root logger (the
    JSON handler), so records of other loggers are redacted on their way out too."""
    for name in {*LOGGERS, app.logger.name}:
        logger = logging.getLogger(name)
        if REDACTING_FILTER not in logger.filters:
            logger.addFilter(REDACTING_FILTER)
    for handler in logging.getLogger().handlers:
        if REDACTING_FILTER not in handler.filters:
            handler.addFilter(REDACTING_FILTER)

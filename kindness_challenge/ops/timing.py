"""Time in database statements per request, for `/metrics`.

SQLAlchemy's engine events are process-wide, so they are installed once, by the app factory
(``services``), never as an import side effect. They add to ``g.metrics_db_seconds``, which the
ops blueprint starts and reads around each request.
"""

from __future__ import annotations

import threading
import time

from flask import g, has_app_context
from sqlalchemy import Engine, event

_installed = False
_install_lock = threading.Lock()


def _statement_started(conn, cursor, statement, parameters, context, executemany) -> None:
    if has_app_context() and "metrics_db_seconds" in g:
        conn.info["kindness_statement_started"] = time.perf_counter()


def _statement_done(conn, cursor, statement, parameters, context, executemany) -> None:
    started = conn.info.pop("kindness_statement_started", None)
    if started is not None and has_app_context() and "metrics_db_seconds" in g:
        g.metrics_db_seconds += time.perf_counter() - started


def install_statement_timer() -> None:
    """Listen to every engine's statements (once per process)."""
    global _installed
    with _install_lock:
        if not _installed:
            event.listen(Engine, "before_cursor_execute", _statement_started)
            event.listen(Engine, "after_cursor_execute", _statement_done)
            _installed = True

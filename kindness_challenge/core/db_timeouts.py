"""Bounded transactions: PostgreSQL ends a statement or an idle transaction that runs too long.

A score worker that is frozen (SIGSTOP, a debugger, a VM paused) or wedged inside its routing
transaction holds row locks on the rows it has updated; other workers claim with ``SKIP LOCKED``,
so they would pass those rows by for as long as it stays frozen, lease or no lease. With
``idle_in_transaction_session_timeout`` the server ends such a session (rolling back, releasing
the locks) and the rows are claimed again once their lease runs out; with ``statement_timeout``
a statement stuck behind a lock or a runaway plan is cancelled instead of waited on for ever.

Both are set as connection options (``-c name=value`` at connect: no extra round trip), on every
new connection of the engine. No Flask here.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable

from sqlalchemy import event
from sqlalchemy.engine import Engine

# Per engine, the listener that adds its options (a later call replaces an earlier one: the
# score-worker command narrows the web's settings on the same engine).
_LISTENERS: weakref.WeakKeyDictionary[Engine, Callable] = weakref.WeakKeyDictionary()


def limit_transactions(
    engine: Engine,
    *,
    statement_seconds: float | None,
    idle_in_transaction_seconds: float | None,
) -> str:
    """Every connection ``engine`` opens from now on (PostgreSQL only) cancels a statement
    after ``statement_seconds`` and ends a session idle inside a transaction for
    ``idle_in_transaction_seconds``; None or 0 leaves the server's setting. Returns the
    options added ("" when none). Connections already in the pool keep what they had."""
    if engine.dialect.name != "postgresql":
        return ""
    settings = {
        "statement_timeout": statement_seconds,
        "idle_in_transaction_session_timeout": idle_in_transaction_seconds,
    }
    options = " ".join(
        f"-c {name}={round(float(seconds) * 1000)}"
        for name, seconds in settings.items()
        if seconds and float(seconds) > 0
    )
    previous = _LISTENERS.pop(engine, None)
    if previous is not None:
        event.remove(engine, "do_connect", previous)
    if options:

        def add_options(dialect, connection_record, cargs, cparams) -> None:
            # After any options the URL already carries (a search_path, say): both apply.
            cparams["options"] = f"{cparams.get('options', '')} {options}".strip()

        event.listen(engine, "do_connect", add_options)
        _LISTENERS[engine] = add_options
    return options

"""The routing policy for advice, reused for a moment instead of read on every request.

The kindness nudge runs on every submit and every pause in typing, and loading the policy costs
two queries; the policy changes a few times a day. ``RecentPolicy`` keeps what ``load_policy``
returned for up to ``max_age`` seconds. A change committed through the ORM in this process
(settings page, word lists, a test's own ``Setting`` row) applies at once; one made by another
process applies within ``max_age``. Only advice may lag like this: routing (the score worker)
always loads the policy afresh. The session listeners that notice a change are installed by
``install_listeners`` (the app factory), not on import.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Mapping

from sqlalchemy import event
from sqlalchemy.orm import ORMExecuteState, Session

from ..models import Setting, WordEntry
from .policy_store import load_policy
from .routing import Policy

POLICY_TABLES = (Setting, WordEntry)
_PENDING = "kindness_policy_changed"  # session.info key: a policy change awaits the commit
_generation = 0  # bumped by every committed change to the policy tables in this process
_generation_lock = threading.Lock()


class RecentPolicy:
    """``load_policy``, reused for up to ``max_age`` seconds (thread-safe; one per app)."""

    def __init__(self, max_age: float = 2.0) -> None:
        self.max_age = max_age
        self._entry: tuple[float, int, tuple, Policy] | None = None

    def get(self, session: Session, default_thresholds: Mapping[str, float]) -> Policy:
        key = tuple(sorted(default_thresholds.items()))
        entry = self._entry  # one read: another thread may replace it meanwhile
        now = time.monotonic()
        if (
            entry is not None
            and entry[1] == _generation
            and entry[2] == key
            and now - entry[0] < self.max_age
        ):
            return entry[3]
        generation = _generation  # before loading: a change committed meanwhile reloads next time
        policy = load_policy(session, default_thresholds)
        self._entry = (now, generation, key, policy)
        return policy


def _bump() -> None:
    global _generation
    with _generation_lock:
        _generation += 1


def _touches_policy(session: Session) -> bool:
    return any(
        isinstance(obj, POLICY_TABLES) for obj in (*session.new, *session.dirty, *session.deleted)
    )


def _note_policy_flush(session: Session, _context, _instances) -> None:
    if _touches_policy(session):
        session.info[_PENDING] = True


def _note_policy_statement(state: ORMExecuteState) -> None:
    """Bulk UPDATE / DELETE / INSERT statements on the policy tables (``remove_word``)."""
    if state.is_select or not (state.is_update or state.is_delete or state.is_insert):
        return
    mapper = state.bind_mapper
    if mapper is not None and mapper.class_ in POLICY_TABLES:
        state.session.info[_PENDING] = True


def _policy_committed(session: Session) -> None:
    if session.info.pop(_PENDING, False):
        _bump()


def _policy_rolled_back(session: Session, _previous_transaction) -> None:
    if not session.in_transaction():
        session.info.pop(_PENDING, None)


_LISTENERS = (
    ("before_flush", _note_policy_flush),
    ("do_orm_execute", _note_policy_statement),
    ("after_commit", _policy_committed),
    ("after_soft_rollback", _policy_rolled_back),
)
_installed = False


def install_listeners() -> None:
    """Watch every ORM session for policy changes (once per process; the app factory calls it,
    so importing this module changes nothing)."""
    global _installed
    with _generation_lock:
        if not _installed:
            for name, listener in _LISTENERS:
                event.listen(Session, name, listener)
            _installed = True

"""Every per-app object, built once by ``create_app`` into ``app.extensions``.

What a request needs beyond the database lives here, so the factory shows all of it and no view
builds anything on first use:

- the scorer: the active classifier, its thresholds, the in-process scoring worker;
- the share form's nudge: the low-priority runner its model calls wait in, the kept nudge scores
  (Redis when configured, else this process), the recently loaded routing policy;
- the wall: the running counts, and on PostgreSQL the first-page snapshots with the listener
  that drops them when a moment leaves the wall (started on first use, so an app that never
  serves the wall holds no connection);
- the process-wide SQLAlchemy listeners that the policy cache and the metrics rely on.

Expensive things (a torch model, a LISTEN connection) still load lazily and once.
"""

from __future__ import annotations

import logging
import sys

import click
from flask import Flask, current_app
from sqlalchemy.engine import make_url

from .core import policy_cache
from .core.db_timeouts import limit_transactions
from .core.outages import Outage, database_unavailable
from .core.pg_notify import ChangeListener
from .core.policy_cache import RecentPolicy
from .extensions import db
from .ops.timing import install_statement_timer
from .participate.low_priority import LowPriorityRunner
from .participate.nudge_cache import MemoryScoreCache, RedisScoreCache
from .participate.warm_up import warm_up_nudges
from .scoring.scorer import Scorer
from .wall.cards import CardCache
from .wall.counts import CountCache
from .wall.snapshot import SnapshotCache

SCORER = "kindness_scorer"
NUDGE_RUNNER = "kindness_nudge_runner"
NUDGE_SCORES = "kindness_nudge_scores"
NUDGE_POLICY = "kindness_nudge_policy"
NUDGE_WARM_UP = "kindness_nudge_warm_up"

log = logging.getLogger(__name__)
# This process's view of the database, as its requests see it (every app of the process shares
# the one server): an outage is logged when it starts and when it ends (errors.py, ops).
DATABASE = Outage("database", log)
WALL_COUNTS = "kindness_wall_counts"
WALL_SNAPSHOTS = "kindness_wall_snapshots"
WALL_LISTENER = "kindness_wall_listener"
SHARE_CARDS = "kindness_share_cards"


# Information for the operator, not a fault: INFO, shown in the text and JSON logs alike.
notice_log = logging.getLogger("kindness_challenge.notice")
notice_log.setLevel(logging.INFO)
_said: set[str] = set()
# Commands that serve or score, where the classifier in use matters; `db upgrade` and the rest
# stay quiet (a first `make run` runs `db upgrade`, then `run`: one notice per start).
SCORING_COMMANDS = frozenset({"run", "score-worker"})


def say_classifier_notice(scorer: Scorer) -> None:
    """Once per process: which classifier stands in when detoxify's files are missing, and the
    settings that change it."""
    notice = scorer.fallback_notice
    context = click.get_current_context(silent=True)
    serving = context is None or context.info_name in SCORING_COMMANDS
    if notice and serving and notice not in _said:
        _said.add(notice)
        notice_log.info(notice)


def init_services(app: Flask) -> None:
    config = app.config
    policy_cache.install_listeners()
    install_statement_timer()

    def engine():
        with app.app_context():
            return db.engine

    # Bounded statements and transactions on PostgreSQL for the web. Not under the flask
    # command line: a migration over a large table may rightly run for minutes (the
    # score-worker command sets its own bounds).
    if click.get_current_context(silent=True) is None:
        limit_transactions(
            engine(),
            statement_seconds=config["DATABASE_STATEMENT_TIMEOUT"],
            idle_in_transaction_seconds=config["DATABASE_IDLE_IN_TRANSACTION_TIMEOUT"],
        )

    app.extensions[SCORER] = Scorer(
        config,
        engine,
        # Under the flask command line, `classifier fetch` (and `db upgrade`) must run even
        # when DETOXIFY_REQUIRED's files are missing: the error waits for the first use.
        defer_missing_files=click.get_current_context(silent=True) is not None,
    )
    say_classifier_notice(app.extensions[SCORER])
    queue = config["NUDGE_MAX_QUEUE_SECONDS"]
    app.extensions[NUDGE_RUNNER] = LowPriorityRunner(
        int(config["NUDGE_NICE"]),
        float(config["NUDGE_TIMEOUT_SECONDS"]),
        float(queue) if queue is not None else None,
    )
    app.extensions[NUDGE_SCORES] = _nudge_scores(config)
    app.extensions[NUDGE_POLICY] = RecentPolicy()
    app.extensions[WALL_COUNTS] = CountCache(float(config["WALL_COUNT_CACHE_SECONDS"]))
    snapshots = None
    ttl = float(config["WALL_SNAPSHOT_SECONDS"])
    # SQLite cannot announce a take-down to other processes: no snapshots there.
    if ttl > 0 and _backend(config) == "postgresql":
        snapshots = SnapshotCache(ttl)
        app.extensions[WALL_LISTENER] = ChangeListener(
            engine(),
            snapshots.invalidate,
            snapshots.set_live,
        )
    app.extensions[WALL_SNAPSHOTS] = snapshots
    app.extensions[SHARE_CARDS] = CardCache(int(config["SHARE_CARD_CACHE_SIZE"]))

    @app.before_request
    def start_background_work() -> None:
        # Pending rows left by a restart are scored as soon as the service takes traffic.
        app.extensions[SCORER].ensure_background_thread()


class UnsafeToFork(RuntimeError):
    """torch ran on several threads in this process: a process forked from it would hang."""


def warm_before_fork(app: Flask, timeout: float = 300.0) -> bool:
    """gunicorn with ``preload_app``, in the master before it forks its workers: wait for the
    nudge model's warm-up, so that every worker (a replacement too) is forked with the model
    already in memory, shared copy-on-write. Returns whether it is warm.

    Raises ``UnsafeToFork`` when torch runs more than one thread here: its OpenMP thread team,
    once started, does not survive a fork, and a worker forked after it hangs on its first
    parallel operation (checked with this torch build). The embedded model runs one thread
    (``EMBEDDED_THREADS``); detoxify runs every core unless ``DETOXIFY_THREADS=1``."""
    warm_up = nudge_warm_up(app)
    warm = warm_up is None or (warm_up.done.wait(timeout) and warm_up.error is None)
    torch = sys.modules.get("torch")
    if torch is not None and torch.get_num_threads() > 1:
        raise UnsafeToFork(
            f"torch runs {torch.get_num_threads()} threads in the preloading master; workers "
            "forked from it would hang. Run the model on one thread (KINDNESS_EMBEDDED_THREADS=1"
            ", KINDNESS_DETOXIFY_THREADS=1, or OMP_NUM_THREADS=1) or turn GUNICORN_PRELOAD off."
        )
    return warm


def after_fork(app: Flask) -> None:
    """In a worker forked from a preloading master: no connection of the master's is used (the
    pool starts empty), and the nudge's own thread, new in this process, makes its first call
    (the model is already loaded: milliseconds) before a participant's nudge does."""
    with app.app_context():
        db.engine.dispose(close=False)
    if nudge_warm_up(app) is not None:
        app.extensions[NUDGE_WARM_UP] = warm_up_nudges(
            app.config, get_scorer(app), nudge_runner(app)
        )


def discard_session() -> None:
    """End the request's session without asking the server anything: a rollback on a dead
    connection raises, so the connections are invalidated (closed, never back to the pool)."""
    try:
        db.session.rollback()
    except Exception as error:  # noqa: BLE001 - any failure here: drop the connections
        if not database_unavailable(error):
            log.warning("could not roll back the request's session: %s", error)
        try:
            db.session.invalidate()
        except Exception:  # noqa: BLE001 - already as closed as it gets
            pass


def _backend(config) -> str:
    return make_url(config["SQLALCHEMY_DATABASE_URI"]).get_backend_name()


def _nudge_scores(config) -> MemoryScoreCache | RedisScoreCache | None:
    """Where nudge scores are kept (None: NUDGE_CACHE_SECONDS is 0)."""
    ttl = float(config["NUDGE_CACHE_SECONDS"])
    if ttl <= 0:
        return None
    if config.get("REDIS_URL"):
        prefix = f"{config.get('RATELIMIT_KEY_PREFIX') or 'kindness'}:nudge:"
        return RedisScoreCache(config["REDIS_URL"], ttl, prefix)
    return MemoryScoreCache(ttl)


def _app(app: Flask | None) -> Flask:
    return app if app is not None else current_app._get_current_object()


def get_scorer(app: Flask | None = None) -> Scorer:
    return _app(app).extensions[SCORER]


def nudge_runner(app: Flask | None = None) -> LowPriorityRunner:
    return _app(app).extensions[NUDGE_RUNNER]


def nudge_warm_up(app: Flask | None = None):
    """The start-up warm-up of the nudge's model (``participate.warm_up.WarmUp``), or None
    where there is none (turned off, or under the flask command line)."""
    return _app(app).extensions.get(NUDGE_WARM_UP)


def nudge_scores(app: Flask | None = None) -> MemoryScoreCache | RedisScoreCache | None:
    return _app(app).extensions[NUDGE_SCORES]


def nudge_policy(app: Flask | None = None) -> RecentPolicy:
    return _app(app).extensions[NUDGE_POLICY]


def wall_counts(app: Flask | None = None) -> CountCache:
    return _app(app).extensions[WALL_COUNTS]


def share_cards(app: Flask | None = None) -> CardCache:
    return _app(app).extensions[SHARE_CARDS]


def wall_snapshots(app: Flask | None = None) -> SnapshotCache | None:
    """The wall's first-page snapshots (None where they are off); the take-down listener starts
    with their first use."""
    app = _app(app)
    listener = app.extensions.get(WALL_LISTENER)
    if listener is not None:
        listener.start()
    return app.extensions[WALL_SNAPSHOTS]

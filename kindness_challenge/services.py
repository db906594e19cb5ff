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

import click
from flask import Flask, current_app
from sqlalchemy.engine import make_url

from .core import policy_cache
from .core.pg_notify import ChangeListener
from .core.policy_cache import RecentPolicy
from .extensions import db
from .ops.timing import install_statement_timer
from .participate.low_priority import LowPriorityRunner
from .participate.nudge_cache import MemoryScoreCache, RedisScoreCache
from .scoring.scorer import Scorer
from .wall.cards import CardCache
from .wall.counts import CountCache
from .wall.snapshot import SnapshotCache

SCORER = "kindness_scorer"
NUDGE_RUNNER = "kindness_nudge_runner"
NUDGE_SCORES = "kindness_nudge_scores"
NUDGE_POLICY = "kindness_nudge_policy"
WALL_COUNTS = "kindness_wall_counts"
WALL_SNAPSHOTS = "kindness_wall_snapshots"
WALL_LISTENER = "kindness_wall_listener"
SHARE_CARDS = "kindness_share_cards"


def init_services(app: Flask) -> None:
    config = app.config
    policy_cache.install_listeners()
    install_statement_timer()

    def engine():
        with app.app_context():
            return db.engine

    app.extensions[SCORER] = Scorer(
        config,
        engine,
        # Under the flask command line, `classifier fetch` (and `db upgrade`) must run even
        # when DETOXIFY_REQUIRED's files are missing: the error waits for the first use.
        defer_missing_files=click.get_current_context(silent=True) is not None,
    )
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

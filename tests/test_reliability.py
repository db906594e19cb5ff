"""Reliability settings and their pieces (issue 19): outages logged once, bounded transactions on
PostgreSQL, a lease that fits the classifier, readiness while the model warms up, and the
preloading gunicorn's fork hooks. The faults themselves, on servers the tests own, are in
tests/test_scale_faults.py and tests/test_database_errors.py."""

from __future__ import annotations

import logging
import runpy
import threading

import pytest
import sqlalchemy as sa

from kindness_challenge.core.db_timeouts import limit_transactions
from kindness_challenge.core.outages import Outage, database_unavailable
from kindness_challenge.extensions import db
from kindness_challenge.participate.nudge_cache import RedisScoreCache
from kindness_challenge.scoring.classifiers import ProfanityCheckClassifier
from kindness_challenge.scoring.detoxify_classifier import DetoxifySettings
from kindness_challenge.scoring.scorer import default_lease_seconds
from kindness_challenge.services import (
    NUDGE_WARM_UP,
    UnsafeToFork,
    after_fork,
    get_scorer,
    warm_before_fork,
)

from conftest import make_app
from helpers import free_port
from scale_helpers import ROOT


def test_an_outage_is_said_when_it_starts_and_when_it_ends(caplog):
    now = [100.0]
    outage = Outage("the thing", logging.getLogger("test.outage"), clock=lambda: now[0])
    caplog.set_level(logging.INFO, "test.outage")
    assert outage.succeeded() is False  # nothing to end
    assert outage.failed(ConnectionError("refused")) is True
    assert [outage.failed(ConnectionError("refused")) for _ in range(99)] == [False] * 99
    now[0] += 12.5
    assert outage.succeeded() is True and outage.succeeded() is False
    assert [r.getMessage() for r in caplog.records] == [
        "the thing unavailable: ConnectionError: refused",
        "the thing available again after 12.5s (100 failed calls)",
    ]
    assert outage.failed("again") is True  # a second outage is a new one


def test_the_outage_state_holds_under_threads():
    outage = Outage("shared", logging.getLogger("test.outage"))
    starts = []

    def fail() -> None:
        for _ in range(200):
            starts.append(outage.failed("down"))

    threads = [threading.Thread(target=fail) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert starts.count(True) == 1 and outage.failures == 1600


def test_the_nudge_cache_says_a_redis_outage_once(caplog):
    """Fails on the old code: a warning per get and per put (two per submission)."""
    cache = RedisScoreCache(f"redis://127.0.0.1:{free_port()}/0", ttl=60)  # nobody listens
    caplog.set_level(logging.INFO)
    for i in range(50):
        assert cache.get(f"key-{i}") is None
        cache.put(f"key-{i}", {"scores": {"toxicity": 0.1}})
    lines = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(lines) == 1 and "unavailable" in lines[0].getMessage()
    assert cache.outage.failures == 100


class _Detoxify:
    name = "detoxify"

    def __init__(self, device: str) -> None:
        self.settings = DetoxifySettings(device=device)


@pytest.mark.parametrize(
    ("classifier", "batch_size", "lease"),
    [
        (ProfanityCheckClassifier(), 32, 15),
        (None, 32, 15),
        (_Detoxify("cpu"), 32, 77),
        (_Detoxify("cpu"), 8, 19),
        (_Detoxify("cpu"), 128, 307),
        (_Detoxify("cuda"), 32, 15),
        (_Detoxify("cuda"), 128, 51),
    ],
)
def test_the_default_lease_is_a_few_batch_times(classifier, batch_size, lease):
    assert default_lease_seconds(classifier, batch_size) == lease


def test_the_lease_follows_the_classifier_unless_set(tmp_path):
    scorer = get_scorer(make_app(tmp_path))
    assert scorer.lease_seconds == 15  # alt-profanity-check at 32
    scorer.batch_size = 100
    assert scorer.lease_seconds == 40
    scorer.lease_seconds = 9
    assert scorer.lease_seconds == 9
    assert get_scorer(make_app(tmp_path, SCORING_LEASE_SECONDS=45)).lease_seconds == 45


def _settings(engine) -> tuple[str, str, str]:
    with engine.connect() as connection:
        return (
            connection.exec_driver_sql("SHOW statement_timeout").scalar(),
            connection.exec_driver_sql("SHOW idle_in_transaction_session_timeout").scalar(),
            connection.exec_driver_sql("SHOW search_path").scalar(),
        )


@pytest.mark.postgres
def test_web_connections_bound_their_statements_and_idle_transactions(pg_app):
    with pg_app.app_context():
        statement, idle, search_path = _settings(db.engine)
    assert (statement, idle) == ("30s", "1min")
    assert search_path.startswith("t_")  # the URL's own options still apply


@pytest.mark.postgres
def test_score_workers_get_their_own_bounds_and_the_server_enforces_them(pg_app):
    with pg_app.app_context():
        engine = db.engine
        engine.dispose()
        options = limit_transactions(engine, statement_seconds=0.5, idle_in_transaction_seconds=1)
        assert options == "-c statement_timeout=500 -c idle_in_transaction_session_timeout=1000"
        assert _settings(engine)[:2] == ("500ms", "1s")
        with engine.connect() as connection:
            with pytest.raises(sa.exc.OperationalError, match="statement timeout"):
                connection.exec_driver_sql("SELECT pg_sleep(2)")
        with engine.connect() as connection:
            connection.exec_driver_sql("SELECT 1")  # a transaction, then idle inside it
            threading.Event().wait(1.6)
            with pytest.raises(sa.exc.DBAPIError, match="idle-in-transaction") as ended:
                connection.exec_driver_sql("SELECT 1")
            assert database_unavailable(ended.value)  # a 503 in a request, an outage in a worker
        # 0 turns a bound off again (the server's default: none).
        limit_transactions(engine, statement_seconds=0, idle_in_transaction_seconds=None)
        engine.dispose()
        assert _settings(engine)[:2] == ("0", "0")


def test_sqlite_has_nothing_to_bound(app):
    with app.app_context():
        assert (
            limit_transactions(db.engine, statement_seconds=1, idle_in_transaction_seconds=1) == ""
        )


@pytest.mark.postgres
def test_the_score_worker_command_sets_the_worker_bounds(pg_app):
    pg_app.config["SCORING_IDLE_IN_TRANSACTION_TIMEOUT"] = 7
    result = pg_app.test_cli_runner().invoke(args=["score-worker", "--once", "--nice", "0"])
    assert result.exit_code == 0, result.output
    with pg_app.app_context():
        assert _settings(db.engine)[:2] == ("30s", "7s")


class _WarmUp:
    def __init__(self) -> None:
        self.done = threading.Event()
        self.error = None


def test_readyz_says_warming_until_the_model_is_warm(app, client):
    warm_up = app.extensions[NUDGE_WARM_UP] = _WarmUp()
    warming = client.get("/readyz")
    assert warming.status_code == 503 and warming.json["status"] == "warming"
    assert warming.json["database"] == "ok"  # an operator sees why
    warm_up.done.set()
    ready = client.get("/readyz")
    assert ready.status_code == 200 and ready.json["status"] == "ready"


def test_a_preloading_master_waits_for_the_warm_up_and_workers_warm_their_own_thread(
    tmp_path, monkeypatch
):
    import torch

    # torch's thread count is per process: an earlier test may have left it at several, which
    # the guard (next test) rightly refuses. A preloading master runs the model on one.
    monkeypatch.setattr(torch, "get_num_threads", lambda: 1)
    app = make_app(tmp_path, NUDGE_WARM_UP=True)
    master_warm_up = app.extensions[NUDGE_WARM_UP]
    assert warm_before_fork(app, timeout=120)
    assert master_warm_up.done.is_set()
    after_fork(app)  # as gunicorn's post_fork does in each worker
    child_warm_up = app.extensions[NUDGE_WARM_UP]
    assert child_warm_up is not master_warm_up
    assert child_warm_up.done.wait(60) and child_warm_up.error is None


def test_gunicorn_preloads_only_when_asked(monkeypatch, tmp_path):
    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", str(tmp_path))
    monkeypatch.delenv("GUNICORN_PRELOAD", raising=False)
    assert runpy.run_path(str(ROOT / "gunicorn.conf.py"))["preload_app"] is False
    monkeypatch.setenv("GUNICORN_PRELOAD", "true")
    assert runpy.run_path(str(ROOT / "gunicorn.conf.py"))["preload_app"] is True


def test_a_master_whose_torch_runs_several_threads_refuses_to_fork(tmp_path):
    """A child forked after torch ran on two threads hangs on its first parallel operation."""
    import torch

    app = make_app(tmp_path)
    before = torch.get_num_threads()
    torch.set_num_threads(2)
    try:
        with pytest.raises(UnsafeToFork, match="DETOXIFY_THREADS=1"):
            warm_before_fork(app)
        torch.set_num_threads(1)
        assert warm_before_fork(app) is True
    finally:
        torch.set_num_threads(before)


@pytest.mark.postgres
def test_other_flask_commands_are_not_bounded(tmp_path, postgres_url):
    """A migration over a large table may run for minutes: under the command line the web's
    bounds are not set (the score-worker command sets its own)."""
    import click

    with click.Context(click.Command("db")):
        app = make_app(tmp_path, SQLALCHEMY_DATABASE_URI=postgres_url)
    with app.app_context():
        assert _settings(db.engine)[:2] == ("0", "0")
        db.engine.dispose()

"""Operations: health and readiness, Prometheus metrics (in gunicorn's multiprocess mode too),
request ids and JSON logs, ProxyFix, and rate limits shared through the real Redis."""

import json
import logging
import os
import re
import runpy
import signal
import socket
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from flask_migrate import upgrade

from kindness_challenge import create_app
from kindness_challenge.extensions import db
from kindness_challenge.logging_setup import JsonFormatter

from conftest import base_config, make_app, score_all, submit
from helpers import fetch, free_port
from scale_helpers import ROOT, gunicorn, seed_pending, wait_until


def test_healthz_needs_no_database(tmp_path):
    app = create_app(base_config(tmp_path, SQLALCHEMY_DATABASE_URI="sqlite:////nonexistent/x"))
    response = app.test_client().get("/healthz")
    assert response.status_code == 200 and response.json == {"status": "ok"}


def test_readyz_reports_queue_depth_and_oldest_pending(app, client):
    empty = client.get("/readyz")
    assert empty.status_code == 200
    assert empty.json["queue"] == {"pending": 0, "oldest_pending_seconds": None}
    seed_pending(app, ["Thank you for the lift", "Thanks for the soup"], notify=False)
    time.sleep(0.2)
    ready = client.get("/readyz").json
    assert ready["status"] == "ready" and ready["database"] == "ok"
    assert ready["queue"]["pending"] == 2
    assert 0.1 < ready["queue"]["oldest_pending_seconds"] < 60


@pytest.mark.postgres
def test_readyz_on_postgres(pg_app):
    seed_pending(pg_app, ["Thank you for the lift"], notify=False)
    ready = pg_app.test_client().get("/readyz")
    assert ready.status_code == 200 and ready.json["queue"]["pending"] == 1


def test_readyz_answers_503_in_json_when_the_database_is_down(tmp_path):
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    port = closed.getsockname()[1]
    closed.close()  # nothing listens there: connections are refused at once
    app = create_app(
        base_config(
            tmp_path,
            SQLALCHEMY_DATABASE_URI=f"postgresql://postgres@127.0.0.1:{port}/none",
            DATABASE_CONNECT_TIMEOUT=2,
        )
    )
    started = time.monotonic()
    response = app.test_client().get("/readyz")
    assert time.monotonic() - started < 5
    assert response.status_code == 503
    assert response.json == {"status": "unavailable", "database": "OperationalError"}
    with app.app_context():
        db.engine.dispose()


def metric(text: str, name: str, **labels) -> float:
    """The value of one sample in a Prometheus text exposition (0 if absent)."""
    for line in text.splitlines():
        if line.startswith(name + "{") or line.startswith(name + " "):
            found = dict(re.findall(r'(\w+)="([^"]*)"', line.split("}")[0]))
            if all(found.get(k) == v for k, v in labels.items()):
                return float(line.rsplit(" ", 1)[1])
    return 0.0


def test_metrics_count_requests_scoring_and_queue(app, client):
    before = client.get("/metrics").get_data(as_text=True)
    client.get("/")
    submit(client, text="Thank you for fixing my bike, neighbour")
    submit(client, text="you are a stupid fucking idiot")
    score_all(app)
    response = client.get("/metrics")
    assert response.status_code == 200
    assert response.mimetype == "text/plain"
    text = response.get_data(as_text=True)

    def grew(name, **labels):
        return metric(text, name, **labels) - metric(before, name, **labels)

    assert grew("kindness_http_requests_total", endpoint="wall.index", status="200") == 1
    assert grew("kindness_http_requests_total", endpoint="participate.share", status="302") == 2
    assert grew("kindness_submissions_scored_total", outcome="published") == 1
    assert grew("kindness_submissions_scored_total", outcome="needs_review") == 1
    assert grew("kindness_scoring_batch_size_count") >= 1
    assert grew("kindness_submission_wait_seconds_count") == 2
    assert metric(text, "kindness_queue_depth", state="pending") == 0
    assert metric(text, "kindness_queue_depth", state="needs_review") == 1
    assert metric(text, "kindness_database_up") == 1
    # The wall's time in database statements: some, and less than the whole request.
    db_seconds = grew("kindness_http_request_database_seconds_sum", endpoint="wall.index")
    assert grew("kindness_http_request_database_seconds_count", endpoint="wall.index") == 1
    request_seconds = grew("kindness_http_request_duration_seconds_sum", endpoint="wall.index")
    assert 0 < db_seconds < request_seconds
    # /healthz makes no database call.
    client.get("/healthz")
    after = client.get("/metrics").get_data(as_text=True)
    assert metric(after, "kindness_http_request_database_seconds_sum", endpoint="ops.healthz") == 0


def test_metrics_can_be_turned_off(tmp_path):
    app = make_app(tmp_path, METRICS_ENABLED=False)
    assert app.test_client().get("/metrics").status_code == 404


@pytest.mark.slow  # real gunicorn with several workers
def test_gunicorn_workers_add_up_their_metrics(tmp_path):
    """Real gunicorn with gunicorn.conf.py: /metrics sums every worker (multiprocess mode)."""
    app = make_app(tmp_path)  # migrates the SQLite database the server will use
    with app.app_context():
        db.engine.dispose()
    port = free_port()
    settings = {"WEB_CONCURRENCY": "3", "GUNICORN_THREADS": "1", "GUNICORN_KEEPALIVE": "0"}
    with gunicorn(tmp_path, port, **settings) as server:
        wait_until(lambda: fetch(port, "/readyz")[0] == 200, 60, 0.2, "gunicorn to start")
        for _ in range(30):
            assert fetch(port, "/healthz")[0] == 200
        # Whichever worker answers, it reports all 30 requests.
        for _ in range(3):
            status, text = fetch(port, "/metrics")
            assert status == 200
            assert metric(text, "kindness_http_requests_total", endpoint="ops.healthz") == 30
    assert server.returncode == 0, (tmp_path / "gunicorn.log").read_text()


def _nudge(port: int) -> bool | None:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/share/nudge",
        data=json.dumps({"text": "you stupid worthless idiot"}).encode(),
        headers={"Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.loads(response.read())["flagged"]
    except OSError:
        return None


@pytest.mark.slow  # real gunicorn, the real embedded model loaded in its master
def test_gunicorn_preload_forks_warm_workers_and_warm_replacements(tmp_path):
    """GUNICORN_PRELOAD=true: the master warms the model, the workers share it and answer
    nudges at once; a killed worker's replacement is warm within a second (it loaded nothing)."""
    app = make_app(tmp_path)
    with app.app_context():
        db.engine.dispose()
    port = free_port()
    log_path = tmp_path / "gunicorn.log"

    def warm_lines() -> int:
        return log_path.read_text(errors="replace").count("nudge model loaded and warmed")

    settings = {
        "KINDNESS_CLASSIFIER": "embedded",
        "KINDNESS_SCORE_KINDNESS": "true",
        "KINDNESS_WTF_CSRF_ENABLED": "false",
        "KINDNESS_RATELIMIT_ENABLED": "false",
        "KINDNESS_LOG_FORMAT": "json",
        "GUNICORN_PRELOAD": "true",
        "WEB_CONCURRENCY": "2",
        "GUNICORN_THREADS": "2",
    }
    with gunicorn(tmp_path, port, **settings) as server:
        # The master's warm-up, then one per worker's own nudge thread.
        wait_until(lambda: warm_lines() >= 3, 120, 0.1, "the master and both workers to warm")
        assert server.poll() is None, log_path.read_text()
        assert [_nudge(port) for _ in range(10)] == [True] * 10  # every worker, no skip
        children = Path(f"/proc/{server.pid}/task/{server.pid}/children")
        workers = [int(p) for p in children.read_text().split()]
        assert len(workers) == 2
        before = warm_lines()
        killed_at = time.monotonic()
        os.kill(workers[0], signal.SIGKILL)
        wait_until(lambda: warm_lines() > before, 30, 0.02, "the replacement to warm")
        assert time.monotonic() - killed_at < 5  # forked warm: no model to load
        assert [_nudge(port) for _ in range(10)] == [True] * 10
        assert fetch(port, "/readyz")[0] == 200
    assert server.returncode == 0, log_path.read_text()[-3000:]


@pytest.mark.parametrize(("setting", "expected"), [(None, 0.001), ("0.002", 0.002)])
def test_gunicorn_workers_hand_the_gil_over_sooner(monkeypatch, tmp_path, setting, expected):
    """A page view waits at most this long for a submission's thread to let go of the GIL."""
    if setting is None:
        monkeypatch.delenv("GUNICORN_SWITCH_INTERVAL", raising=False)
    else:
        monkeypatch.setenv("GUNICORN_SWITCH_INTERVAL", setting)
    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", str(tmp_path))
    settings = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    before = sys.getswitchinterval()
    try:
        settings["post_worker_init"](None)
        assert sys.getswitchinterval() == pytest.approx(expected)
    finally:
        sys.setswitchinterval(before)


def test_request_id_is_kept_or_made_and_returned(client):
    made = client.get("/healthz").headers["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", made)
    kept = client.get("/healthz", headers={"X-Request-ID": "edge-42.abc"})
    assert kept.headers["X-Request-ID"] == "edge-42.abc"
    replaced = client.get("/healthz", headers={"X-Request-ID": "<script> with spaces"})
    assert re.fullmatch(r"[0-9a-f]{32}", replaced.headers["X-Request-ID"])


def test_json_log_lines_carry_the_request_id(app):
    formatter = JsonFormatter()
    with app.test_request_context("/"):
        app.preprocess_request()
        record = logging.LogRecord("kindness", logging.WARNING, __file__, 1, "hi %s", ("x",), None)
        entry = json.loads(formatter.format(record))
        from flask import g

        assert entry["request_id"] == g.request_id
    assert entry["message"] == "hi x" and entry["level"] == "WARNING"
    assert entry["logger"] == "kindness" and entry["pid"] == os.getpid()


@pytest.mark.parametrize(
    ("proxy_fix", "second_client_status"),
    [(1, 302), (0, 429)],  # behind a trusted proxy, each client has its own limit
)
def test_proxy_fix_gives_each_forwarded_client_its_own_limit(
    tmp_path, proxy_fix, second_client_status
):
    app = make_app(
        tmp_path,
        RATELIMIT_ENABLED=True,
        SUBMIT_RATE_LIMIT="1 per minute",
        PROXY_FIX_X_FOR=proxy_fix,
    )
    client = app.test_client()

    def submit_from(address, text):
        data = {"text": text, "display_name": "@sam", "consent": "y", "category": "received"}
        return client.post("/share", data=data, headers={"X-Forwarded-For": address})

    assert submit_from("203.0.113.5", "Thanks a lot").status_code == 302
    assert submit_from("203.0.113.5", "Thanks again").status_code == 429
    assert submit_from("198.51.100.7", "Thanks too").status_code == second_client_status


def test_rate_limits_live_in_memory_by_default(app):
    assert app.config["RATELIMIT_STORAGE_URI"] == "memory://"


def test_rate_limits_are_shared_through_redis(tmp_path, redis_url):
    url, prefix = redis_url

    def web_process(name):
        app = create_app(
            base_config(
                tmp_path / name,
                SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path / 'shared.sqlite3'}",
                RATELIMIT_ENABLED=True,
                SUBMIT_RATE_LIMIT="3 per minute",
                REDIS_URL=url,
                RATELIMIT_KEY_PREFIX=prefix,
            )
        )
        return app

    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    one, two = web_process("one"), web_process("two")
    with one.app_context():
        upgrade()
    assert one.config["RATELIMIT_STORAGE_URI"] == url
    statuses = [
        submit(web.test_client(), text=f"Thank you, friend number {word}").status_code
        for web, word in ((one, "one"), (two, "two"), (one, "three"), (two, "four"))
    ]
    # Two processes, one limit: the fourth submission in a minute is refused by either.
    assert statuses == [302, 302, 302, 429]

"""/metrics and /readyz's details are for operators; /healthz is open; no versions in Server
(issue 14, finding 12)."""

import re
import socket
import threading
import urllib.request

import pytest
from werkzeug.serving import make_server

from kindness_challenge import create_app
from kindness_challenge.extensions import db

from conftest import base_config, make_app
from helpers import free_port
from scale_helpers import gunicorn, wait_until

PUBLIC = {"REMOTE_ADDR": "203.0.113.9"}
TOKEN = "s3cret-scrape-token"


@pytest.fixture
def token_app(tmp_path):
    return make_app(tmp_path, METRICS_TOKEN=TOKEN)


@pytest.mark.parametrize(
    ("environ", "headers", "status"),
    [
        (PUBLIC, {}, 403),
        (PUBLIC, {"Authorization": "Bearer wrong-token"}, 403),
        (PUBLIC, {"Authorization": f"Basic {TOKEN}"}, 403),
        (PUBLIC, {"Authorization": f"Bearer {TOKEN}x"}, 403),
        (PUBLIC, {"Authorization": f"Bearer {TOKEN}"}, 200),
        (PUBLIC, {"Authorization": f"bearer {TOKEN}"}, 200),
        ({"REMOTE_ADDR": "127.0.0.1"}, {}, 200),  # a Prometheus on this host
        ({"REMOTE_ADDR": "::1"}, {}, 200),
        # Through a proxy on this host that the app was not told about: not by address.
        ({"REMOTE_ADDR": "127.0.0.1"}, {"X-Forwarded-For": "203.0.113.9"}, 403),
        ({"REMOTE_ADDR": "127.0.0.1"}, {"X-Real-IP": "203.0.113.9"}, 403),
        ({"REMOTE_ADDR": "127.0.0.1"}, {"Forwarded": "for=203.0.113.9"}, 403),
        (
            {"REMOTE_ADDR": "127.0.0.1"},
            {"X-Forwarded-For": "203.0.113.9", "Authorization": f"Bearer {TOKEN}"},
            200,
        ),
    ],
)
def test_metrics_are_for_operators_only(token_app, environ, headers, status):
    response = token_app.test_client().get("/metrics", headers=headers, environ_base=environ)
    assert response.status_code == status
    if status == 403:
        assert "kindness_" not in response.get_data(as_text=True)
        assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_without_a_token_only_allowed_addresses_may_scrape(app):
    client = app.test_client()
    assert client.get("/metrics", environ_base=PUBLIC).status_code == 403
    empty = client.get("/metrics", headers={"Authorization": "Bearer "}, environ_base=PUBLIC)
    assert empty.status_code == 403
    assert client.get("/metrics").status_code == 200


@pytest.mark.parametrize(("forwarded_for", "status"), [("10.2.3.4", 200), ("203.0.113.9", 403)])
def test_behind_a_trusted_proxy_the_clients_address_counts(tmp_path, forwarded_for, status):
    app = make_app(tmp_path, PROXY_FIX_X_FOR=1, METRICS_ALLOWED="10.0.0.0/8")
    response = app.test_client().get(
        "/metrics", headers={"X-Forwarded-For": forwarded_for}, environ_base={"REMOTE_ADDR": "::1"}
    )
    assert response.status_code == status


def test_readyz_tells_strangers_only_whether_it_is_ready(token_app):
    client = token_app.test_client()
    public = client.get("/readyz", environ_base=PUBLIC)
    assert public.status_code == 200 and public.json == {"status": "ready"}
    operator = client.get(
        "/readyz", headers={"Authorization": f"Bearer {TOKEN}"}, environ_base=PUBLIC
    )
    assert operator.json["queue"] == {"pending": 0, "oldest_pending_seconds": None}


def test_readyz_down_tells_strangers_no_error_names(tmp_path):
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    port = closed.getsockname()[1]
    closed.close()
    dead = create_app(
        base_config(
            tmp_path / "dead",
            SQLALCHEMY_DATABASE_URI=f"postgresql://postgres@127.0.0.1:{port}/none",
            DATABASE_CONNECT_TIMEOUT=2,
        )
    )
    response = dead.test_client().get("/readyz", environ_base=PUBLIC)
    assert response.status_code == 503 and response.json == {"status": "unavailable"}
    with dead.app_context():
        db.engine.dispose()


def test_healthz_stays_open(token_app):
    assert token_app.test_client().get("/healthz", environ_base=PUBLIC).status_code == 200


def test_a_bad_allowed_address_stops_the_app_at_start(tmp_path):
    with pytest.raises(ValueError, match="not an address"):
        make_app(tmp_path, METRICS_ALLOWED="prometheus.internal")


def test_the_development_server_names_no_versions(app):
    app.config["SERVER_NAME"] = None
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{server.server_port}/healthz") as r:
            assert r.status == 200
            header = r.headers["Server"]
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
    assert not re.search(r"\d|werkzeug|python", header, re.I), header


@pytest.mark.slow
def test_gunicorn_names_no_version_and_guards_metrics(tmp_path):
    """Real gunicorn with gunicorn.conf.py and the settings from the environment."""
    app = make_app(tmp_path)
    with app.app_context():
        db.engine.dispose()
    port = free_port()

    def get(path, **headers):
        request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, response.headers
        except urllib.error.HTTPError as error:
            return error.code, error.headers
        except OSError:
            return 0, {}

    settings = {
        "KINDNESS_NUDGE_WARM_UP": "false",
        "KINDNESS_METRICS_TOKEN": TOKEN,
        "KINDNESS_METRICS_ALLOWED": '["10.0.0.0/8"]',  # not this host: the token is needed
        "WEB_CONCURRENCY": "1",
        "GUNICORN_KEEPALIVE": "0",
    }
    with gunicorn(tmp_path, port, **settings):
        wait_until(lambda: get("/healthz")[0] == 200, 60, 0.2, "gunicorn to start")
        status, headers = get("/healthz")
        assert headers["Server"] == "gunicorn"
        assert get("/metrics")[0] == 403
        assert get("/metrics", Authorization=f"Bearer {TOKEN}")[0] == 200

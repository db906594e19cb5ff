"""Receipt tokens never reach a log (issue 14, finding 8): not the app's own (JSON access log,
error messages), not Werkzeug's development server, not gunicorn's access or error log."""

import logging
import threading
import urllib.request

import pytest
from werkzeug.serving import make_server

from kindness_challenge.extensions import db
from kindness_challenge.logging_setup import HANDLER_NAME
from kindness_challenge.participate.submit import create_submission

from conftest import make_app
from helpers import fetch, free_port
from scale_helpers import ROOT, gunicorn, wait_until


def new_receipt(app) -> str:
    with app.app_context():
        _, token = create_submission(db.session, "Thanks for the lift, Sam", "@jo", None, True)
        db.session.commit()
    return token


def everything_logged(records) -> str:
    return "\n".join(f"{r.getMessage()} {vars(r)}" for r in records)


@pytest.fixture
def json_app(tmp_path):
    app = make_app(tmp_path, LOG_FORMAT="json")
    yield app
    root = logging.getLogger()
    for handler in [h for h in root.handlers if h.get_name() == HANDLER_NAME]:
        root.removeHandler(handler)


def test_the_apps_json_access_log_and_errors_never_hold_a_token(json_app, caplog):
    app = json_app
    app.config["PROPAGATE_EXCEPTIONS"] = False
    token = new_receipt(app)

    @app.get("/receipt/<token>/boom")
    def boom(token):
        app.logger.warning("looking at %s", f"/receipt/{token}")
        raise RuntimeError(f"failed for /receipt/{token}")

    client = app.test_client()
    caplog.set_level(logging.DEBUG)
    for path in (f"/receipt/{token}", f"/receipt/{token}/status", f"/receipt/{token}/boom"):
        client.get(path, headers={"Referer": f"https://kind.test/receipt/{token}"})
    access = [r for r in caplog.records if r.name == "kindness_challenge.access"]
    assert len(access) == 3
    assert {r.path for r in access} == {
        "/receipt/<redacted>",
        "/receipt/<redacted>/status",
        "/receipt/<redacted>/boom",
    }
    assert token not in everything_logged(caplog.records)
    # The JSON lines themselves, as the root handler writes them.
    handler = next(h for h in logging.getLogger().handlers if h.get_name() == HANDLER_NAME)
    lines = [handler.format(r) for r in caplog.records if handler.filter(r)]
    assert lines and not any(token in line for line in lines)


def test_the_development_servers_request_lines_never_hold_a_token(app, caplog):
    token = new_receipt(app)
    app.config["SERVER_NAME"] = None
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    caplog.set_level(logging.INFO, logger="werkzeug")
    try:
        for path in (f"/receipt/{token}", f"/receipt/{token}/status?x=1"):
            with urllib.request.urlopen(f"http://127.0.0.1:{server.server_port}{path}") as r:
                assert r.status == 200
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
    lines = [r.getMessage() for r in caplog.records if r.name == "werkzeug"]
    assert any("/receipt/<redacted>" in line for line in lines), lines
    assert token not in everything_logged(caplog.records)


@pytest.mark.slow
def test_gunicorns_access_and_error_logs_never_hold_a_token(tmp_path):
    app = make_app(tmp_path)
    token = new_receipt(app)
    with app.app_context():
        db.engine.dispose()
    port = free_port()
    access_log = tmp_path / "access.log"
    settings = {
        "KINDNESS_LOG_FORMAT": "json",
        "KINDNESS_NUDGE_WARM_UP": "false",
        "GUNICORN_ACCESSLOG": str(access_log),
        "WEB_CONCURRENCY": "1",
        "GUNICORN_KEEPALIVE": "0",
    }
    output = tmp_path / "gunicorn.log"
    with gunicorn(tmp_path, port, **settings):
        wait_until(lambda: fetch(port, "/healthz")[0] == 200, 60, 0.2, "gunicorn to start")
        referer = f"http://127.0.0.1:{port}/receipt/{token}"
        for path in (f"/receipt/{token}", f"/receipt/{token}/status?since=1"):
            request = urllib.request.Request(
                f"http://127.0.0.1:{port}{path}", headers={"Referer": referer}
            )
            with urllib.request.urlopen(request, timeout=10) as response:
                assert response.status == 200
    accessed = access_log.read_text()
    assert accessed.count("/receipt/<redacted>") >= 4, accessed  # paths and referrers
    assert token not in accessed
    assert token not in output.read_text()
    assert '"path": "/receipt/<redacted>"' in output.read_text()  # the app's JSON access log


def test_gunicorn_and_the_app_redact_alike(monkeypatch, tmp_path):
    import runpy

    from kindness_challenge.security.log_redaction import RECEIPT_TOKEN

    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", str(tmp_path))
    settings = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    assert settings["RECEIPT_TOKEN"].pattern == RECEIPT_TOKEN.pattern
    assert settings["logger_class"].__name__ == "RedactingLogger"

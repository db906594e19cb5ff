"""gunicorn settings for kindness-challenge:  .venv/bin/gunicorn -c gunicorn.conf.py wsgi:app

Each setting can be changed from the environment (values below are the defaults):

    GUNICORN_BIND=127.0.0.1:8000   where to listen (put nginx or a load balancer in front)
    WEB_CONCURRENCY=2*cores        worker processes
    GUNICORN_THREADS=4             threads per worker (gthread: a request waiting on the
                                   database does not hold a whole process)
    GUNICORN_TIMEOUT=30            a worker silent this long is killed and replaced
    GUNICORN_KEEPALIVE=5           seconds an idle keep-alive connection is kept
    GUNICORN_ACCESSLOG=            "-" for gunicorn's access log on stdout (with
                                   KINDNESS_LOG_FORMAT=json the app logs its own, with ids)
    GUNICORN_SWITCH_INTERVAL=0.001 seconds a thread may hold the GIL while another waits
    GUNICORN_PRELOAD=false         true: load the app and warm the nudge's model once in the
                                   master, then fork warm workers (see bench/preload.py)

Behind a proxy, set KINDNESS_PROXY_FIX_X_FOR=1 (and _X_PROTO=1) so the app sees the client's
address and scheme, and KINDNESS_TRUSTED_PROXIES to the proxy's addresses when it is not on this
host (loopback is the default); forwarded headers from anyone else are dropped, by the app and by
gunicorn alike. See README "Running at scale". Scoring runs beside gunicorn, not in it:
KINDNESS_SCORING_MODE=off here and `flask --app wsgi score-worker --concurrency N` under the
same supervisor. Prometheus: every worker writes its samples under PROMETHEUS_MULTIPROC_DIR
(made here when unset; give score workers on this host the same folder to include theirs).
"""

import glob
import json
import logging
import os
import re
import tempfile

from gunicorn.glogging import Logger


def _env(name: str, default):
    value = os.environ.get(name)
    return type(default)(value) if value not in (None, "") else default


bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = _env("WEB_CONCURRENCY", 2 * (os.cpu_count() or 1))
worker_class = "gthread"
threads = _env("GUNICORN_THREADS", 4)
timeout = _env("GUNICORN_TIMEOUT", 30)
graceful_timeout = _env("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = _env("GUNICORN_KEEPALIVE", 5)
# Replace each worker now and then, so a slow leak can never grow without bound.
max_requests = _env("GUNICORN_MAX_REQUESTS", 20000)
max_requests_jitter = max_requests // 10
# The heartbeat file on tmpfs: a slow disk cannot make gunicorn think a worker hung.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
accesslog = os.environ.get("GUNICORN_ACCESSLOG") or None
# Receipt tokens are keys: logged as /receipt/<redacted>, in the request line, the path, the
# referrer and every other field (the same pattern as
# kindness_challenge/security/log_redaction.py, kept here so that gunicorn's master does not
# import the app).
RECEIPT_TOKEN = re.compile(r"(/receipt/)[^/?#\s\"'<>]+")


class _RedactReceiptTokens(logging.Filter):
    def filter(self, record):
        message = record.getMessage()
        if "/receipt/" in message:
            record.msg, record.args = RECEIPT_TOKEN.sub(r"\1<redacted>", message), ()
        return True


class RedactingLogger(Logger):
    """gunicorn's logger, with receipt tokens taken out of access and error lines."""

    def setup(self, cfg):
        super().setup(cfg)
        self.error_log.addFilter(_RedactReceiptTokens())

    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        return {
            key: RECEIPT_TOKEN.sub(r"\1<redacted>", value) if isinstance(value, str) else value
            for key, value in atoms.items()
        }


logger_class = RedactingLogger
# How long a thread may hold the GIL while another waits (Python's default: 5 ms). A page view
# arriving while a submission's thread runs Python waited up to that long. bench/load.py on
# 2 cores, alternating runs: the wall's p95 under a spike 2.01x and 2.05x its idle p95 at 5 ms,
# 1.24x and 1.55x at 1 ms, with the same submit throughput.
switch_interval = _env("GUNICORN_SWITCH_INTERVAL", 0.001)
errorlog = "-"


def _trusted_proxies() -> str:
    """The app's KINDNESS_TRUSTED_PROXIES ("a, b" or a JSON list), loopback when unset."""
    value = os.environ.get("KINDNESS_TRUSTED_PROXIES", "").strip()
    if value.startswith("["):
        value = ",".join(json.loads(value))
    return ",".join(value.replace(",", " ").split()) or "127.0.0.1,::1"


# Peers whose X-Forwarded-Proto gunicorn believes (the scheme); the same as the app's, where the
# app's own middleware (kindness_challenge/security/proxies.py) does the rest.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS") or _trusted_proxies()


def _prometheus_folder() -> str:
    """prometheus_client multiprocess mode: one folder shared by every process of this host."""
    folder = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if not folder:
        folder = tempfile.mkdtemp(prefix="kindness-prometheus-")
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = folder
    os.makedirs(folder, exist_ok=True)
    # Files of processes that no longer exist (an earlier run) would be counted in this one.
    for path in glob.glob(os.path.join(folder, "*_*.db")):
        try:
            pid = int(os.path.basename(path).rsplit("_", 1)[1].split(".")[0])
            os.kill(pid, 0)
        except (ValueError, ProcessLookupError):
            try:
                os.remove(path)
            except FileNotFoundError:
                pass  # another process of this host cleaned it first
        except PermissionError:
            pass
    return folder


_prometheus_folder()


def _env_flag(name: str, default: bool) -> bool:
    value = os.environ.get(name, "").strip().lower()
    return default if not value else value in ("1", "true", "yes", "on")


# Load the app in the master, warm the nudge's model there (when_ready), then fork: every
# worker, and every replacement of one that died or was recycled, starts with the model in
# memory, shared copy-on-write. Off by default; bench/preload.py measures both and README
# "Running at scale" says when to turn it on.
preload_app = _env_flag("GUNICORN_PRELOAD", False)


def when_ready(server):
    if server.cfg.preload_app:
        from kindness_challenge.services import UnsafeToFork, warm_before_fork

        try:
            warm = warm_before_fork(server.app.wsgi())
        except UnsafeToFork as unsafe:
            server.log.error("cannot preload: %s", unsafe)
            raise SystemExit(1) from None
        if not warm:
            server.log.warning("the nudge model did not warm up in the master; workers will")


def post_fork(server, worker):
    if server.cfg.preload_app:
        from kindness_challenge.services import after_fork

        after_fork(worker.app.wsgi())


def child_exit(server, worker):
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)


def post_worker_init(worker):
    import sys

    sys.setswitchinterval(switch_interval)

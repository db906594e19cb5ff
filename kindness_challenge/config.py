"""Configuration: embedded defaults, then instance/config.py, KINDNESS_* variables, tests."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from flask import Flask


def defaults(app: Flask) -> dict:
    return {
        "SQLALCHEMY_DATABASE_URI": "sqlite:///"
        + os.path.join(app.instance_path, "kindness.sqlite3"),
        # Text is 500 characters at most; a form post is never near this. Larger bodies get 413.
        "MAX_CONTENT_LENGTH": 64 * 1024,
        "MAX_FORM_PARTS": 50,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "REMEMBER_COOKIE_SAMESITE": "Lax",
        "REMEMBER_COOKIE_HTTPONLY": True,
        # Scoring: "detoxify" when its files are present (`flask classifier fetch MODEL` puts them
        # in DETOXIFY_MODELS_DIR), else the embedded default, said in the log and to moderators;
        # DETOXIFY_REQUIRED makes missing files an error instead. "embedded": sentence
        # embeddings (all-MiniLM-L6-v2, shipped in a package) with this project's trained
        # toxicity and kindness heads. "profanity-check": alt-profanity-check (toxicity only).
        "CLASSIFIER": "detoxify",
        # detoxify and alt-profanity-check score toxicity only: add the embedded kindness head
        # to them, so "publish only what reads as kind" holds with any classifier.
        "SCORE_KINDNESS": True,
        # torch's CPU threads for the embedded sentence model. One: on a small machine a second
        # thread fights the web workers and the database for the cores (measured: 2 threads ran
        # 300/s on an idle 2-core machine but 24-160/s on a busy one; 1 thread 175/s and
        # 56-164/s). Run more score-worker processes (--concurrency) to use more cores.
        "EMBEDDED_THREADS": 1,
        "DETOXIFY_REQUIRED": False,
        "DETOXIFY_MODEL": "original",
        "DETOXIFY_MODELS_DIR": os.path.join(app.instance_path, "models"),
        "DETOXIFY_CHECKPOINT": None,
        "DETOXIFY_HF_CONFIG": None,
        "DETOXIFY_DEVICE": "cpu",
        # "exact" (fp32, as detoxify) or "fast" (int8 on a CPU); None: fast on CPU, exact on CUDA.
        "DETOXIFY_PRECISION": None,
        "DETOXIFY_THREADS": None,  # torch CPU threads; None: every core the process may use
        "DETOXIFY_TOKENS_PER_BATCH": None,  # padded tokens per sub-batch; None: measured default
        # Languages a local checkpoint covers ("en,fr"); None: those of DETOXIFY_MODEL. Moments
        # in other languages go to review instead of being scored as if they were English.
        "DETOXIFY_LANGUAGES": None,
        # Per-label overrides of routing.DEFAULT_THRESHOLDS and of the active classifier's
        # recommended ones (KINDNESS_THRESHOLDS__toxicity=0.6); admins change them in the UI.
        "THRESHOLDS": {},
        # "thread": score in a background thread of this process; "off": only the
        # score-worker command scores (run it beside gunicorn).
        "SCORING_MODE": "thread",
        "SCORING_BATCH_SIZE": 32,
        # How long a claim keeps other workers off its rows: a killed or frozen worker's rows
        # wait this long for another. None: a few batch-times of the active classifier
        # (scoring.scorer.default_lease_seconds: 15 s for the embedded model at 32 a batch,
        # 2.4 s per text of the batch, 77 s at 32, for detoxify on a CPU).
        "SCORING_LEASE_SECONDS": None,
        "SCORING_POLL_SECONDS": 2.0,
        # After news of a submission, wait this long before claiming, so that a burst is scored
        # as one batch (one claim, one transaction) instead of a batch per submission.
        "SCORING_GATHER_SECONDS": 0.1,
        # `score-worker` processes lower their CPU priority by this much (0-19): on a shared
        # machine the web processes are served first, and scoring takes the idle time.
        "SCORING_NICE": 10,
        # A submission whose scoring fails is retried (after SCORING_RETRY_SECONDS, doubling)
        # until it has been claimed this many times, then sent to review with its error.
        "SCORING_MAX_ATTEMPTS": 3,
        "SCORING_RETRY_SECONDS": 5.0,
        # PostgreSQL: score workers LISTEN for new submissions instead of waiting for the poll.
        "SCORING_NOTIFY": True,
        # Seconds to wait for a PostgreSQL connection before answering 503.
        "DATABASE_CONNECT_TIMEOUT": 5,
        # PostgreSQL ends a web request's statement after this many seconds (a page nobody
        # waits for any more: gunicorn's own timeout is 30 s) and a session left idle inside a
        # transaction this long (a wedged thread's locks); 0 leaves the server's setting.
        "DATABASE_STATEMENT_TIMEOUT": 30,
        "DATABASE_IDLE_IN_TRANSACTION_TIMEOUT": 60,
        # The same for score-worker processes. Their routing transaction is a few quick
        # statements (the scoring itself runs outside any transaction), so a worker idle inside
        # one for 10 s is frozen or wedged: the server ends its session, its row locks go, and
        # another worker claims its rows once their lease runs out.
        "SCORING_STATEMENT_TIMEOUT": 30,
        "SCORING_IDLE_IN_TRANSACTION_TIMEOUT": 10,
        # The nudge's scores are kept this long (HMAC of the text as key, no text), so that a
        # draft checked while typing, then sent, or the same words sent by many, are scored
        # once; in Redis when REDIS_URL is set (shared), else per process. 0 turns it off.
        "NUDGE_CACHE_SECONDS": 600,
        # redis://host:port/db: rate-limit storage shared by every web process.
        "REDIS_URL": None,
        # Behind a reverse proxy: how many proxies set each X-Forwarded-* header (0: trust none),
        # believed only on connections from TRUSTED_PROXIES (addresses or networks, a list or
        # "a, b"); from anyone else the headers are dropped (proxies.py).
        "TRUSTED_PROXIES": ["127.0.0.1", "::1"],
        "PROXY_FIX_X_FOR": 0,
        "PROXY_FIX_X_PROTO": 0,
        "PROXY_FIX_X_HOST": 0,
        "PROXY_FIX_X_PREFIX": 0,
        # The site's address, "https://kindness.example.org": absolute URLs (OG tags, feed, API
        # links) use it, never the request's Host, and other hosts are refused (canonical.py).
        "PUBLIC_URL": None,
        # Served over https (TLS ends in front of the app): every request counts as https, so
        # cookies are Secure and HSTS is sent. Behind a trusted proxy with PROXY_FIX_X_PROTO,
        # requests it forwards as https count as https without this. None: true when
        # PUBLIC_URL is https.
        "HTTPS": None,
        # Cache-Control max-age of the anonymous reads that are the same for everyone (the feed,
        # the display, the API); pages with a cookie or a form token are never shared.
        "PUBLIC_CACHE_SECONDS": 30,
        # Strict-Transport-Security max-age, sent on https responses (no includeSubDomains).
        "HSTS_SECONDS": 365 * 24 * 3600,
        # Sites allowed to frame the event display (/display), e.g. "https://events.example.org";
        # every other page, and the display by default, refuses to be framed.
        "DISPLAY_FRAME_ANCESTORS": None,
        # "text" (Flask's default logging) or "json": one JSON object per line, with request ids.
        "LOG_FORMAT": "text",
        "LOG_LEVEL": "INFO",
        "METRICS_ENABLED": True,
        # /metrics and /readyz's details: for "Authorization: Bearer <METRICS_TOKEN>", or from
        # these addresses or networks (reached directly or through a trusted proxy).
        "METRICS_TOKEN": None,
        "METRICS_ALLOWED": ["127.0.0.1", "::1"],
        "WALL_PAGE_SIZE": 20,
        # Visitors: the wall's running counts are cached per process this long (a new
        # publication shows at once; a take-down within this many seconds).
        "WALL_COUNT_CACHE_SECONDS": 10,
        # PostgreSQL: each web process keeps the wall's first page (per category, for visitors
        # without a cookie) this long, and as long again while a background build replaces it;
        # 0 turns it off. A take-down reaches every process at once (LISTEN/NOTIFY, see
        # wall/snapshot.py); a new publication shows within twice this many seconds.
        "WALL_SNAPSHOT_SECONDS": 1.0,
        "HEART_RATE_LIMIT": "30 per minute;300 per hour",
        "REPORT_RATE_LIMIT": "3 per minute;10 per hour",
        "API_RATE_LIMIT": "120 per minute",
        # This many open reports from different visitors hide a moment pending review (0: never).
        "REPORT_HIDE_THRESHOLD": 3,
        # A report counts towards hiding only from a visitor cookie at least this old (given on
        # the first heart or report); newer ones are kept for moderators but hide nothing.
        "REPORT_MIN_VISITOR_SECONDS": 3600,
        # Event display mode (/display): seconds per moment, and how often it fetches new ones.
        "DISPLAY_ROTATE_SECONDS": 12,
        "DISPLAY_REFRESH_SECONDS": 120,
        # Whether the display shows the newest moments as well as the featured ones (taking
        # turns); an operator can also set both per screen: /display?seconds=8&recent=0.
        "DISPLAY_SHOW_RECENT": True,
        # Share cards (/moment/<id>/card.png, og:image) kept rendered per process.
        "SHARE_CARD_CACHE_SIZE": 256,
        # Drawing a card takes a tenth of a second of CPU: share cards per client address.
        "CARD_RATE_LIMIT": "120 per minute",
        # How often the review queue page asks for new items (seconds).
        "QUEUE_POLL_SECONDS": 10,
        "RATELIMIT_STORAGE_URI": "memory://",
        "RATELIMIT_HEADERS_ENABLED": True,
        "SUBMIT_RATE_LIMIT": "10 per minute;60 per hour",
        "LOGIN_RATE_LIMIT": "10 per minute",
        # Login attempts per username (normalised; known or not, the same): guessing one
        # account's password from many addresses is throttled too. Each attempt refused past
        # this counts towards LOGIN_NAME_BACKOFF: past that, the name is refused for the rest of
        # its window (an hour), whatever is sent.
        "LOGIN_NAME_RATE_LIMIT": "5 per minute;20 per hour",
        "LOGIN_NAME_BACKOFF": "5 per hour",
        "NUDGE_RATE_LIMIT": "30 per minute",
        # The nudge's model runs on one thread per web process, this much lower in CPU priority
        # (Linux; 0: as the request), so page views go first on a busy machine. A nudge not done
        # within NUDGE_TIMEOUT_SECONDS is skipped (no nudge); the worker still scores the text.
        # Under a spike, a nudge that would wait behind others longer than
        # NUDGE_MAX_QUEUE_SECONDS is skipped at once (None: never), so the web processes store
        # submissions at once and the score workers catch up.
        "NUDGE_NICE": 10,
        "NUDGE_TIMEOUT_SECONDS": 2.0,
        "NUDGE_MAX_QUEUE_SECONDS": 0.05,
        # Load and warm the nudge's model in a background thread when the app starts (not on
        # the first nudge, which would be skipped while the model loads).
        "NUDGE_WARM_UP": True,
        # The same text from the same client within this window is refused as a duplicate.
        "DUPLICATE_WINDOW_SECONDS": 600,
        # Retention (core/retention.py): texts of rejected moments, client hashes and resolved
        # reports' details are deleted after this many days (0: kept), by the score workers
        # every RETENTION_INTERVAL_SECONDS and by `flask purge`.
        "RETENTION_DAYS": 90,
        "RETENTION_INTERVAL_SECONDS": 3600,
    }


def load(app: Flask, test_config: dict | None) -> None:
    app.config.from_mapping(defaults(app))
    app.config.from_pyfile("config.py", silent=True)
    app.config.from_prefixed_env("KINDNESS")
    if "DATABASE_URL" in app.config:
        app.config["SQLALCHEMY_DATABASE_URI"] = app.config["DATABASE_URL"]
    elif os.environ.get("SQLALCHEMY_DATABASE_URI"):
        app.config["SQLALCHEMY_DATABASE_URI"] = os.environ["SQLALCHEMY_DATABASE_URI"]
    if test_config is not None:
        app.config.from_mapping(test_config)
    app.config["SQLALCHEMY_DATABASE_URI"] = normalise_database_url(
        app.config["SQLALCHEMY_DATABASE_URI"]
    )
    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        # sqlite3's timeout is its busy timeout: wait for a writer rather than fail at once.
        options = app.config.setdefault("SQLALCHEMY_ENGINE_OPTIONS", {})
        options.setdefault("connect_args", {}).setdefault("timeout", 15)
    else:
        options = app.config.setdefault("SQLALCHEMY_ENGINE_OPTIONS", {})
        options.setdefault("pool_pre_ping", True)
        # A stopped or unreachable server answers 503 after this long, never hangs a request.
        timeout = int(app.config["DATABASE_CONNECT_TIMEOUT"])
        options.setdefault("connect_args", {}).setdefault("connect_timeout", timeout)
    if app.config.get("REDIS_URL") and app.config["RATELIMIT_STORAGE_URI"] == "memory://":
        app.config["RATELIMIT_STORAGE_URI"] = app.config["REDIS_URL"]
    if app.config["RATELIMIT_STORAGE_URI"].startswith(("redis://", "rediss://")):
        # If Redis goes away, limit in memory per process rather than fail every request.
        app.config.setdefault("RATELIMIT_IN_MEMORY_FALLBACK_ENABLED", True)
        app.config.setdefault(
            "RATELIMIT_STORAGE_OPTIONS", {"socket_connect_timeout": 1, "socket_timeout": 1}
        )
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = instance_secret_key(Path(app.instance_path))


def normalise_database_url(url: str) -> str:
    """Accept the usual postgres:// and postgresql:// spellings; PostgreSQL goes via psycopg 3."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def instance_secret_key(instance: Path) -> str:
    """No built-in secret: generate one into instance/ on first run and keep it there."""
    path = instance / "secret_key"
    if not path.exists():
        instance.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_hex(32))
    return path.read_text().strip()

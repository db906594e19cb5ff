"""Configuration: embedded defaults, then instance/config.py, KINDNESS_* variables, tests."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from flask import Flask

from .routing import DEFAULT_THRESHOLDS


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
        # Scoring: "embedded" (alt-profanity-check, offline) or "detoxify".
        "CLASSIFIER": "embedded",
        "DETOXIFY_MODEL": "original",
        "DETOXIFY_CHECKPOINT": None,
        "DETOXIFY_HF_CONFIG": None,
        "DETOXIFY_DEVICE": "cpu",
        "THRESHOLDS": dict(DEFAULT_THRESHOLDS),
        # "thread": score in a background thread of this process; "off": only the
        # score-worker command scores (run it beside gunicorn).
        "SCORING_MODE": "thread",
        "SCORING_BATCH_SIZE": 32,
        "SCORING_LEASE_SECONDS": 120,
        "SCORING_POLL_SECONDS": 2.0,
        "WALL_PAGE_SIZE": 20,
        "RATELIMIT_STORAGE_URI": "memory://",
        "RATELIMIT_HEADERS_ENABLED": True,
        "SUBMIT_RATE_LIMIT": "10 per minute;60 per hour",
        "LOGIN_RATE_LIMIT": "10 per minute",
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
        app.config.setdefault("SQLALCHEMY_ENGINE_OPTIONS", {}).setdefault("pool_pre_ping", True)
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

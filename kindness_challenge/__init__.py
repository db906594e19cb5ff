"""kindness-challenge: a #CreateKindness campaign service."""

from __future__ import annotations

import os
import sqlite3

from flask import Flask
from sqlalchemy import event
from sqlalchemy.engine import Engine
from werkzeug.middleware.proxy_fix import ProxyFix

from . import config
from .extensions import csrf, db, limiter, login_manager, migrate
from .logging_setup import init_logging
from .models import Moderator

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MIGRATIONS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "migrations")


@event.listens_for(Engine, "connect")
def _sqlite_pragmas(dbapi_connection, connection_record) -> None:
    """SQLite: WAL so readers never block the writer, foreign keys on."""
    if isinstance(dbapi_connection, sqlite3.Connection):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=15000")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()


def create_app(test_config: dict | None = None) -> Flask:
    app = Flask(
        __name__,
        instance_relative_config=True,
        template_folder=os.path.join(ROOT, "templates"),
    )
    os.makedirs(app.instance_path, exist_ok=True)
    config.load(app, test_config)
    init_logging(app)
    proxies = {
        name: int(app.config[f"PROXY_FIX_{name.upper()}"])
        for name in ("x_for", "x_proto", "x_host", "x_prefix")
    }
    if any(proxies.values()):
        # Behind a reverse proxy: the client's address (rate limits, logs) and scheme.
        app.wsgi_app = ProxyFix(app.wsgi_app, **proxies)

    db.init_app(app)
    migrate.init_app(app, db, directory=MIGRATIONS, render_as_batch=True)
    csrf.init_app(app)
    limiter.init_app(app)
    login_manager.init_app(app)
    login_manager.login_view = "moderate.login"
    login_manager.login_message = "Please log in to moderate."

    @login_manager.user_loader
    def load_moderator(moderator_id: str) -> Moderator | None:
        moderator = db.session.get(Moderator, int(moderator_id))
        return moderator if moderator and moderator.active else None

    from .scoring.scorer import Scorer

    scorer = Scorer(app)
    app.extensions["kindness_scorer"] = scorer

    @app.before_request
    def start_scoring() -> None:
        # Pending rows left by a restart are scored as soon as the service takes traffic.
        scorer.ensure_background_thread()

    from .api.views import bp as api_bp
    from .moderate.views import bp as moderate_bp
    from .ops.views import bp as ops_bp
    from .participate.views import bp as participate_bp
    from .wall.views import bp as wall_bp

    app.register_blueprint(wall_bp)
    app.register_blueprint(api_bp)
    app.register_blueprint(participate_bp)
    app.register_blueprint(moderate_bp)
    app.register_blueprint(ops_bp)

    from .cli import register_commands
    from .errors import register_error_handlers

    register_error_handlers(app)
    register_commands(app)
    return app

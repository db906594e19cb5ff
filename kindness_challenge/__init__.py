"""kindness-challenge: a #CreateKindness campaign service."""

from __future__ import annotations

import os
import sqlite3

from flask import Flask
from sqlalchemy import event
from sqlalchemy.engine import Engine
from werkzeug.routing import IntegerConverter

from . import config
from .api import views as api_views
from .cli import register_commands
from .core.accounts import moderator_for_session
from .errors import register_error_handlers
from .extensions import csrf, db, limiter, login_manager, migrate
from .i18n import init_i18n, lm_
from .logging_setup import init_logging
from .models import Moderator
from .moderate import account, admin, insight_pages  # noqa: F401 - routes on moderate.views.bp
from .moderate import views as moderate_views
from .ops import views as ops_views
from .participate import views as participate_views
from .participate.warm_up import warm_up_nudges
from .security import init_security
from .services import NUDGE_WARM_UP, get_scorer, init_services, nudge_runner
from .wall import views as wall_views

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


class BoundedInt(IntegerConverter):
    """``<int:...>`` in every route: ASCII digits (``\\d`` would take "١٢"), at most what a
    database integer holds. A larger id matches no route (404) instead of overflowing in the
    database driver (a 500)."""

    regex = r"[0-9]{1,19}"

    def __init__(self, map, fixed_digits=0, min=None, max=2**63 - 1, signed=False) -> None:
        super().__init__(map, fixed_digits, min, max, signed)


def create_app(test_config: dict | None = None) -> Flask:
    app = Flask(
        __name__,
        instance_relative_config=True,
        template_folder=os.path.join(ROOT, "templates"),
    )
    os.makedirs(app.instance_path, exist_ok=True)
    app.url_map.converters["int"] = BoundedInt  # before any route is added
    config.load(app, test_config)
    init_logging(app)
    init_security(app)
    init_i18n(app)  # after init_security: its Set-Cookie makes the answer private

    db.init_app(app)
    migrate.init_app(app, db, directory=MIGRATIONS, render_as_batch=True)
    csrf.init_app(app)
    limiter.init_app(app)
    login_manager.init_app(app)
    login_manager.login_view = "moderate.login"
    login_manager.login_message = lm_("Please log in to moderate.")

    @login_manager.user_loader
    def load_moderator(user_id: str) -> Moderator | None:
        return moderator_for_session(db.session, user_id)  # "id:session version"

    init_services(app)
    app.extensions[NUDGE_WARM_UP] = warm_up_nudges(app.config, get_scorer(app), nudge_runner(app))

    app.register_blueprint(wall_views.bp)
    app.register_blueprint(api_views.bp)
    app.register_blueprint(participate_views.bp)
    app.register_blueprint(moderate_views.bp)
    app.register_blueprint(ops_views.bp)

    register_error_handlers(app)
    register_commands(app)
    return app

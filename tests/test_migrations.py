"""Migrations build exactly the models' schema, on SQLite and on PostgreSQL, and undo cleanly."""

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade

from kindness_challenge.extensions import db

from conftest import make_app

TABLES = {"submission", "score", "transition", "moderator", "alembic_version"}


def check_round_trip(app):
    with app.app_context():
        # make_app already upgraded to head.
        inspector = sa.inspect(db.engine)
        assert TABLES <= set(inspector.get_table_names())
        with db.engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"render_as_batch": True})
            assert compare_metadata(context, db.metadata) == []
        downgrade(revision="base")
        assert set(sa.inspect(db.engine).get_table_names()) <= {"alembic_version"}
        upgrade()
        assert TABLES <= set(sa.inspect(db.engine).get_table_names())


def test_migrations_on_sqlite(tmp_path):
    app = make_app(tmp_path)
    check_round_trip(app)
    with app.app_context():
        with db.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 15000
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        db.engine.dispose()


@pytest.mark.postgres
def test_migrations_on_postgres(pg_app):
    assert pg_app.config["SQLALCHEMY_DATABASE_URI"].startswith("postgresql+psycopg://")
    check_round_trip(pg_app)

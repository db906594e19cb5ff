"""Migrations build exactly the models' schema, on SQLite and on PostgreSQL, and undo cleanly;
the per-test copies of the migrated template are that schema."""

import shutil

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from flask_migrate import downgrade, upgrade

from kindness_challenge.extensions import db

import template_db
from conftest import make_app

TABLES = {"submission", "score", "transition", "moderator", "alembic_version"}


def check_round_trip(app):
    with app.app_context():
        # make_app already upgraded to head (on SQLite, for real: template=False).
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
    app = make_app(tmp_path, template=False)  # the real migrations, not a copy of the template
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


def test_each_tests_copy_of_the_template_is_at_head_with_the_models_schema(app):
    """The ``app`` fixture's database is a copy of a template migrated once per session
    (tests/template_db.py): the same schema the migrations build, at the newest revision."""
    head = ScriptDirectory(str(template_db.MIGRATIONS)).get_current_head()
    with app.app_context(), db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"render_as_batch": True})
        assert context.get_current_revision() == head
        assert compare_metadata(context, db.metadata) == []
    with app.app_context():
        db.engine.dispose()


def test_the_template_is_rebuilt_when_a_migration_changes(tmp_path, monkeypatch):
    migrations = tmp_path / "migrations"
    ignore = shutil.ignore_patterns("__pycache__")
    shutil.copytree(template_db.MIGRATIONS, migrations, ignore=ignore)
    monkeypatch.setattr(template_db, "MIGRATIONS", migrations)
    before = template_db.migrations_digest()
    assert template_db.migrations_digest() == before
    (migrations / "versions" / "0999_new.py").write_text('"""A new migration."""\n')
    added = template_db.migrations_digest()
    assert added != before
    (migrations / "versions" / "0999_new.py").write_text('"""An edited migration."""\n')
    assert template_db.migrations_digest() not in (before, added)

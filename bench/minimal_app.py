"""The baseline for bench/load.py: a minimal Flask route that inserts one row and redirects.

Same gunicorn settings, same PostgreSQL, same driver and pool as the real service, and nothing
else: no forms, CSRF, rate limit, session or templates. Served by bench/load.py as
``gunicorn -c gunicorn.conf.py --pythonpath bench 'minimal_app:create_app()'``.
"""

import os

from flask import Flask, redirect, request
from sqlalchemy import create_engine, text


def create_app() -> Flask:
    app = Flask(__name__)
    url = os.environ["KINDNESS_DATABASE_URL"].replace("postgresql://", "postgresql+psycopg://", 1)
    engine = create_engine(url, pool_pre_ping=True)
    with engine.begin() as connection:
        # every gunicorn worker runs this at once: IF NOT EXISTS alone races in the catalogue
        connection.execute(text("SELECT pg_advisory_xact_lock(hashtext('bench_minimal'))"))
        connection.execute(
            text(
                "CREATE TABLE IF NOT EXISTS bench_minimal"
                " (id bigserial PRIMARY KEY, body text NOT NULL,"
                " created_at timestamptz NOT NULL DEFAULT now())"
            )
        )

    @app.get("/healthz")
    def healthz():
        return "ok"

    @app.post("/insert")
    def insert():
        with engine.begin() as connection:
            new_id = connection.execute(
                text("INSERT INTO bench_minimal (body) VALUES (:body) RETURNING id"),
                {"body": request.form["text"]},
            ).scalar_one()
        return redirect(f"/row/{new_id}")

    return app

"""Growth benchmark: do the wall and the moderation queue cost the same at 1,000 and 1,000,000
stored moments?

    .venv/bin/python bench/growth.py                    # 1,000 then 1,000,000
    .venv/bin/python bench/growth.py --large 100000     # a quicker look

PostgreSQL in a fresh schema (dropped afterwards). The rows are made by the database itself
(``INSERT ... SELECT FROM generate_series``: a million rows in seconds, no Python loop), with a
mix like a long campaign's: 93% published, 5% rejected, 2% waiting for a moderator (and 50 more
among the oldest 100, so that the queue's first page is full at both sizes). Two schemas,
one per size, each VACUUM ANALYZEd after its fill (as autovacuum would); then each page is
requested through the real app (Flask test client, no network), alternating between the two
sizes so that noise from the rest of the machine weighs on both alike: median and p90 of
--repeat requests per page and size, after warm-up.
"""

from __future__ import annotations

import argparse
import os
import re
import secrets
import statistics
import sys
import time
from pathlib import Path

import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from flask_migrate import upgrade  # noqa: E402

from kindness_challenge import create_app  # noqa: E402
from kindness_challenge.core.accounts import create_moderator  # noqa: E402
from kindness_challenge.extensions import db  # noqa: E402
from kindness_challenge.models import Submission  # noqa: E402

PASSWORD = "growth-bench-password"
# Values for the columns this benchmark sets; ``i`` is the row number from generate_series.
# The oldest 100 rows hold 50 more waiting items, so that the queue page (oldest first, 50 a
# page) is full at both sizes: otherwise 1,000 rows show 20 cards and 1,000,000 show 50, and the
# comparison measures card rendering, not growth.
STATE = (
    "CASE WHEN i % 50 = 7 OR (i <= 100 AND i % 2 = 0) THEN 'needs_review'"
    " WHEN i % 20 = 3 THEN 'rejected' ELSE 'published' END"
)
CREATED = "timestamptz '2025-06-01 00:00:00+00' + make_interval(secs => i * 2)"
COLUMNS = {
    "text": "'A kind moment from the campaign, number ' || i",
    "display_name": "'@grower' || (i % 997)",
    "video_url": "NULL",
    "consent_public": "true",
    "receipt_hash": "md5('receipt' || i) || md5('hash' || i)",
    "state": STATE,
    "state_reason": "NULL",
    "created_at": CREATED,
    "scored_at": f"{CREATED} + interval '1 second'",
    "published_at": f"CASE WHEN ({STATE}) = 'published' THEN {CREATED} + interval '1 second' END",
    "classifier_name": "'alt-profanity-check'",
    "classifier_version": "'bench'",
    "score_attempts": "1",
    "category": "'received'",
    "review_kind": f"CASE WHEN ({STATE}) = 'needs_review' THEN 'threshold' END",
    "severity": "(i % 100) / 100.0",
}


def insert_sql() -> str:
    """INSERT ... SELECT for every column the model has: ours above, else its default or NULL."""
    names, values = [], []
    for column in Submission.__table__.columns:
        if column.primary_key:
            continue
        if column.name in COLUMNS:
            value = COLUMNS[column.name]
        elif column.server_default is not None or column.nullable:
            continue
        elif column.default is not None and column.default.is_scalar:
            value = (
                repr(column.default.arg).lower()
                if isinstance(column.default.arg, bool)
                else (repr(column.default.arg))
            )
        else:
            raise SystemExit(f"growth.py does not know how to fill submission.{column.name}")
        names.append(column.name)
        values.append(value)
    return (
        f"INSERT INTO submission ({', '.join(names)}) SELECT {', '.join(values)}"
        " FROM generate_series(CAST(:first AS integer), CAST(:last AS integer)) AS i"
    )


def fill(app, first: int, last: int) -> float:
    started = time.perf_counter()
    with app.app_context():
        with db.engine.begin() as connection:
            connection.execute(sa.text(insert_sql()), {"first": first, "last": last})
            connection.execute(
                sa.text(
                    "INSERT INTO score (submission_id, label, probability, classifier_name,"
                    " classifier_version, created_at) SELECT id, 'toxicity', 0.8,"
                    " 'alt-profanity-check', 'bench', created_at FROM submission"
                    " WHERE state = 'needs_review' AND id >= :first"
                ),
                {"first": first},
            )
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(sa.text("VACUUM ANALYZE submission"))
            connection.execute(sa.text("VACUUM ANALYZE score"))
    return time.perf_counter() - started


def pages(app) -> dict[str, tuple[object, str]]:
    """Each page to time: the client to ask with (visitor or moderator) and its path."""
    visitor = app.test_client()
    moderator = app.test_client()
    moderator.post("/moderate/login", data={"username": "grower", "password": PASSWORD})
    first_page = visitor.get("/").get_data(as_text=True)
    after = re.search(r"[?&]after=([0-9-]+)", first_page)
    with app.app_context():
        some_id = db.session.scalar(
            sa.select(Submission.id).where(Submission.state == "published").limit(1)
        )
        db.session.remove()
    return {
        "wall, first page  GET /": (visitor, "/"),
        "wall, next page   GET /?after=...": (visitor, f"/?after={after.group(1)}"),
        "permalink         GET /moment/<id>": (visitor, f"/moment/{some_id}"),
        "moderation queue  GET /moderate/": (moderator, "/moderate/"),
        "readiness         GET /readyz": (visitor, "/readyz"),
        "metrics           GET /metrics": (visitor, "/metrics"),
    }


def queue_cards(app) -> int:
    """How many cards the moderator's first queue page shows."""
    client, path = pages(app)["moderation queue  GET /moderate/"]
    return client.get(path).get_data(as_text=True).count('data-id="')


def get(client, path: str) -> float:
    started = time.perf_counter()
    response = client.get(path)
    elapsed = time.perf_counter() - started
    assert response.status_code == 200, (path, response.status_code)
    return elapsed


def measure(small_app, large_app, repeat: int) -> dict[str, tuple[list[float], list[float]]]:
    """Time each page on both databases, alternating requests, so that whatever else the
    machine is doing weighs on both sizes alike."""
    small_pages, large_pages = pages(small_app), pages(large_app)
    results = {}
    for name in small_pages:
        small_client, small_path = small_pages[name]
        large_client, large_path = large_pages[name]
        for _ in range(3):  # warm-up
            get(small_client, small_path), get(large_client, large_path)
        small, large = [], []
        for _ in range(repeat):
            small.append(get(small_client, small_path))
            large.append(get(large_client, large_path))
        results[name] = (small, large)
    return results


def make_app(base: str, schema: str, classifier: str):
    separator = "&" if "?" in base else "?"
    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": f"{base}{separator}options=-csearch_path%3D{schema}",
            "SECRET_KEY": secrets.token_hex(16),
            "SCORING_MODE": "off",
            "CLASSIFIER": classifier,
            "RATELIMIT_ENABLED": False,
            "WTF_CSRF_ENABLED": False,
            "SERVER_NAME": "kind.test",
            # the wall's queries themselves, every request: a kept first page would hide them
            "WALL_SNAPSHOT_SECONDS": 0,
            # filling a million rows is one INSERT ... SELECT: longer than a page's bound
            "DATABASE_STATEMENT_TIMEOUT": 0,
        }
    )
    with app.app_context():
        upgrade()
        create_moderator(db.session, "grower", PASSWORD, "admin")
    return app


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--database-url",
        default=os.environ.get(
            "KINDNESS_BENCH_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test"
        ),
    )
    parser.add_argument("--small", type=int, default=1_000)
    parser.add_argument("--large", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument(
        "--classifier",
        default="profanity-check",
        help="KINDNESS_CLASSIFIER for the app (the queue page explains with it)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the bench schemas")
    args = parser.parse_args()
    if not 1 <= args.small < args.large <= 5_000_000 or not 1 <= args.repeat <= 1000:
        parser.error("need 1 <= --small < --large <= 5,000,000 and 1 <= --repeat <= 1000")

    run = secrets.token_hex(4)
    schemas = {"small": f"growth_{run}_small", "large": f"growth_{run}_large"}
    base = args.database_url.replace("postgresql://", "postgresql+psycopg://", 1)
    admin = sa.create_engine(base)
    apps = {}
    try:
        for size, schema in schemas.items():
            with admin.begin() as connection:
                connection.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
            apps[size] = make_app(base, schema, args.classifier)
        fill_small = fill(apps["small"], 1, args.small)
        fill_large = fill(apps["large"], 1, args.large)
        results = measure(apps["small"], apps["large"], args.repeat)
        cards = {size: queue_cards(app) for size, app in apps.items()}
    finally:
        for app in apps.values():
            with app.app_context():
                db.engine.dispose()
        if not args.keep:
            with admin.begin() as connection:
                for schema in schemas.values():
                    connection.execute(sa.text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()

    print(
        f"\nbench/growth.py  PostgreSQL, {os.cpu_count()} cores, median of {args.repeat}"
        f" requests per page, alternating between the two databases, classifier"
        f" {args.classifier} (filled {args.small:,}"
        f" rows in {fill_small:.1f} s, {args.large:,} in {fill_large:.1f} s; queue page cards:"
        f" {cards['small']} and {cards['large']})\n"
    )
    print(f"| page | {args.small:,} ms (p90) | {args.large:,} ms (p90) | ratio | within 1.3x |")
    print("|---|---|---|---|---|")
    worst = 0.0
    for name, (small, large) in results.items():
        ratio = statistics.median(large) / statistics.median(small)
        worst = max(worst, ratio)

        def cell(times):
            return (
                f"{statistics.median(times) * 1000:.1f}"
                f" ({statistics.quantiles(times, n=10)[-1] * 1000:.1f})"
            )

        print(
            f"| {name} | {cell(small)} | {cell(large)} | {ratio:.2f}x |"
            f" {'yes' if ratio <= 1.3 else 'NO'} |"
        )
    return 0 if worst <= 1.3 else 1


if __name__ == "__main__":
    sys.exit(main())

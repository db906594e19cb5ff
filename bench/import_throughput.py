"""Import + score throughput: 10,000 exported rows in, every one scored and routed.

    nice -n 10 .venv/bin/python bench/import_throughput.py                # 10,000 rows, SQLite
    .venv/bin/python bench/import_throughput.py --rows 2000 --classifier profanity-check
    .venv/bin/python bench/import_throughput.py --database-url postgresql://postgres@127.0.0.1/test

Writes a JSON Lines export of distinct comments (mostly kind, some unkind, some with links),
then runs the real ``import_files`` (read, check, store in one transaction: what ``flask import``
does, without the progress bar) and the real scoring worker's ``drain`` (claim, score, route,
commit, in batches of SCORING_BATCH_SIZE) in this process, on a fresh database, and prints
rows per second for each step and for both together, with where the rows went.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kindness_challenge import create_app  # noqa: E402
from kindness_challenge.extensions import db  # noqa: E402
from kindness_challenge.models import Submission  # noqa: E402
from kindness_challenge.participate.importing import ImportOptions, import_files  # noqa: E402
from kindness_challenge.services import get_scorer  # noqa: E402

OPENINGS = [
    "Thank you",
    "Huge thanks",
    "So grateful",
    "I want to thank",
    "Big shout-out",
    "Sending love",
]
WHO = ["my neighbour", "the bus driver", "my teacher", "a stranger", "my sister", "the nurse"]
DEEDS = [
    "for carrying my shopping up the stairs",
    "for the kind words when I needed them",
    "for paying for my coffee this morning",
    "for helping my little brother with his homework",
    "for waiting with me when my train was cancelled",
    "for the note on my windscreen saying I looked happy",
]
UNKIND = [
    "you are a stupid idiot and everyone hates you",
    "shut up loser nobody asked",
    "this is the dumbest thing I have ever read",
]


def export_rows(count: int, seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    rows = []
    for n in range(count):
        roll = rng.random()
        if roll < 0.08:
            text = f"{rng.choice(UNKIND)} #{n}"
        elif roll < 0.11:
            text = f"{rng.choice(OPENINGS)} {rng.choice(WHO)}! See https://example.org/{n}"
        else:
            text = f"{rng.choice(OPENINGS)} {rng.choice(WHO)} {rng.choice(DEEDS)} (#{n})"
        rows.append({"id": f"c{n}", "text": text, "author": f"@user{n % 997}"})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--classifier", default="embedded", help="embedded, profanity-check, ...")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--database-url", help="default: SQLite in a temporary folder")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        export = work / "export.jsonl"
        export.write_text("\n".join(json.dumps(r) for r in export_rows(args.rows)) + "\n")
        app = create_app(
            {
                "SECRET_KEY": "bench",
                "SQLALCHEMY_DATABASE_URI": args.database_url
                or f"sqlite:///{work / 'bench.sqlite3'}",
                "SCORING_MODE": "off",
                "CLASSIFIER": args.classifier,
                "SCORING_BATCH_SIZE": args.batch_size,
                "NUDGE_WARM_UP": False,
            }
        )
        from flask_migrate import upgrade

        with app.app_context():
            upgrade()
            scorer = get_scorer(app)
            scorer.classifier.score_batch(["Warm up the model first."])  # not timed: a load
            started = time.perf_counter()
            summary = import_files(db.session, [export], ImportOptions(source="bench"))
            imported = time.perf_counter() - started
            started = time.perf_counter()
            result = scorer.drain()
            scored = time.perf_counter() - started
            states = Counter(s.value for s in db.session.scalars(db.select(Submission.state)))
        total = imported + scored
        print(f"classifier: {scorer.classifier.description}; batches of {args.batch_size}")
        print(f"rows: {summary.read} read, {summary.imported} imported; {result.claimed} scored")
        print(f"import: {imported:7.2f} s  {summary.imported / imported:8.0f} rows/s")
        print(f"score:  {scored:7.2f} s  {result.claimed / scored:8.0f} rows/s")
        print(f"both:   {total:7.2f} s  {summary.imported / total:8.0f} rows/s  (import + score)")
        print("routed: " + ", ".join(f"{n} {state}" for state, n in sorted(states.items())))


if __name__ == "__main__":
    main()

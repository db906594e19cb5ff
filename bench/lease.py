"""How long a score worker's batch takes (claim, score, route, commit), to size its lease.

    .venv/bin/python bench/lease.py                       # embedded default + profanity-check
    .venv/bin/python bench/lease.py --n 640 --batch-size 32 --classifiers embedded

The lease is how long a worker's claim keeps other workers off its rows. Too short, and a slow
batch is claimed (and scored) a second time by another worker (its result is then discarded:
results are written only under the claim's token); too long, and the rows of a worker that died
wait that long for another. It should be a few batch-times of the slowest batch the active
classifier makes on a busy machine.

On PostgreSQL (KINDNESS_TEST_POSTGRES_URL, default 127.0.0.1:5432/test) in a schema of its own,
dropped afterwards. Texts are kind moments of 40-500 characters (the share form's limit), so
the embedded model sees realistic lengths; no nudge scores are stored, so every text is scored.
"""

from __future__ import annotations

import argparse
import math
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from flask_migrate import upgrade  # noqa: E402

from kindness_challenge import create_app  # noqa: E402
from kindness_challenge.extensions import db  # noqa: E402
from kindness_challenge.participate.submit import create_submission  # noqa: E402
from kindness_challenge.scoring.worker import score_pending_once  # noqa: E402
from kindness_challenge.services import get_scorer  # noqa: E402

POSTGRES_URL = os.environ.get(
    "KINDNESS_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
PHRASES = [
    "Thank you for helping me carry the shopping home",
    "my neighbour left soup at my door when I was ill",
    "a stranger paid for my coffee and smiled",
    "our coach stayed late to help everyone practise",
    "you made my day with that message",
    "the nurse held my hand and told me it would be fine",
]


def moment(rng: random.Random, i: int) -> str:
    text = f"{rng.choice(PHRASES)} ({i})"
    target = rng.choice([40, 80, 160, 300, 500])
    while len(text) < target:
        text += ". " + rng.choice(PHRASES)
    return text[:500]


def measure(classifier: str, n: int, batch_size: int) -> list[float]:
    schema = "bench_" + uuid.uuid4().hex[:10]
    admin = sa.create_engine(POSTGRES_URL)
    with admin.begin() as connection:
        connection.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    url = f"{POSTGRES_URL}?options=-csearch_path%3D{schema}"
    try:
        app = create_app(
            {
                "SQLALCHEMY_DATABASE_URI": url,
                "SECRET_KEY": "bench",
                "SCORING_MODE": "off",
                "CLASSIFIER": classifier,
                "SCORE_KINDNESS": classifier != "profanity-check",
                "NUDGE_WARM_UP": False,
            }
        )
        rng = random.Random(19)
        with app.app_context():
            upgrade()
            for i in range(n):
                create_submission(db.session, moment(rng, i), "@bench", None, True)
            scorer = get_scorer(app)
            scorer.classifier.score_batch(["warm up"])  # the model loads outside the timing
            factory = scorer.session_factory()
            times = []
            while True:
                started = time.perf_counter()
                result = score_pending_once(
                    factory, scorer.classifier, scorer.thresholds, batch_size, 120, retry=None
                )
                if result.claimed == 0:
                    break
                if result.claimed == batch_size:
                    times.append(time.perf_counter() - started)
            db.session.remove()
            db.engine.dispose()
        return times
    finally:
        with admin.begin() as connection:
            connection.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=320, help="submissions per classifier")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--classifiers", default="embedded,profanity-check")
    args = parser.parse_args()
    os.environ.setdefault("PROMETHEUS_MULTIPROC_DIR", tempfile.mkdtemp())
    print(f"load average before: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    print(f"{'classifier':18s} {'batches':>7s} {'p50 s':>7s} {'p95 s':>7s} {'max s':>7s}")
    slowest = 0.0
    for classifier in args.classifiers.split(","):
        times = sorted(measure(classifier, args.n, args.batch_size))
        p95 = times[min(len(times) - 1, math.ceil(0.95 * len(times)) - 1)]
        slowest = max(slowest, times[-1])
        print(
            f"{classifier:18s} {len(times):7d} {statistics.median(times):7.3f} {p95:7.3f}"
            f" {times[-1]:7.3f}"
        )
    print(f"slowest batch of {args.batch_size}: {slowest:.2f}s")


if __name__ == "__main__":
    main()

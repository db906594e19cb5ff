"""A single nudge's latency with the third generation's packed rows against padded batches.

    .venv/bin/python bench/nudge_packing.py            # 200 dev comments, 3 rounds, one process

A nudge scores a comment whole and clause by clause (``finetuned_classifier.score_texts``): a
comment of two clauses is three texts. Padded, they run as a batch as wide as the whole comment
(three rows of its length); packed (``AdaptedEncoder._packed``), as one row holding the three one
after the other, each attending only to itself.

In one process, after a warm-up of each way, the same comments are timed one at a time in
rounds: all comments one way, then all the other way (so neither way follows a differently shaped
call of the other), the order swapped every round so that drift counts against both. It prints
each round's median and p95, the ratio packed / padded of the medians and of the p95s over all
rounds, and the largest score difference between the two ways (float rounding only). The CPU is
named: these figures are hardware-bound.
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from generations import cpu_summary  # noqa: E402
from routing_quality import read_dev  # noqa: E402

from kindness_challenge.scoring.finetuned_classifier import (  # noqa: E402
    PACK_TOKENS,
    FinetunedClassifier,
)

WAYS = (("padded", 0), ("packed", PACK_TOKENS))


def percentile(values: list[float], share: float) -> float:
    """Nearest rank: the smallest value with at least ``share`` of the values at or below it."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=200, help="dev comments timed")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args(argv)

    texts = [row.text for row in read_dev()][: args.n]
    classifier = FinetunedClassifier(threads=args.threads, multilingual=False)
    encoder = classifier.load()
    classifier.score_batch(texts[:32])
    for _, budget in WAYS:  # warm up each way
        encoder.pack_tokens = budget
        for text in texts[:20]:
            classifier.score_batch([text])
    threads = f"{args.threads} thread{'s' * (args.threads != 1)}"
    print(f"single nudge, {len(texts)} dev comments, {threads}, on {cpu_summary()}")
    times: dict[str, list[float]] = {way: [] for way, _ in WAYS}
    scores: dict[str, list[dict[str, float]]] = {}
    for round_ in range(1, args.rounds + 1):
        for way, budget in WAYS if round_ % 2 else WAYS[::-1]:
            encoder.pack_tokens = budget
            these, scores[way] = [], []
            for text in texts:
                started = time.perf_counter()
                scores[way].append(classifier.score_batch([text])[0])
                these.append(1000 * (time.perf_counter() - started))
            times[way] += these
            print(f"  round {round_} {way:<7} median {statistics.median(these):5.1f} ms, "
                  f"p95 {percentile(these, 0.95):5.1f} ms")  # fmt: skip
    encoder.pack_tokens = PACK_TOKENS
    median = statistics.median(times["packed"]) / statistics.median(times["padded"])
    p95 = percentile(times["packed"], 0.95) / percentile(times["padded"], 0.95)
    print(f"  all rounds: packed / padded median ratio {median:.3f}, p95 ratio {p95:.3f}")
    largest = max(
        abs(packed[label] - padded[label])
        for packed, padded in zip(scores["packed"], scores["padded"], strict=True)
        for label in packed
    )
    print(f"  largest score difference packed vs padded: {largest:.2e}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

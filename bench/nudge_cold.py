"""A fresh process's first nudges: packed rows aligned and warmed at load, against unaligned.

    .venv/bin/python bench/nudge_cold.py               # 4 processes each way, 200 dev comments

oneDNN sets a matrix multiply up the first time it meets a shape. Unaligned, a packed nudge's
row is as long as its tokens, so a newly started process (a gunicorn worker after a restart or
its ``max_requests`` recycling) pays that set-up on each length it has not met yet. Aligned
(``finetuned_classifier.PACK_ALIGN``), rows are padded to a multiple of 16 positions and every
such length is run once at load (``AdaptedEncoder.warm``).

Each way runs in fresh processes, alternating (aligned, unaligned, aligned, ...) so that drift
counts against both: a process loads the shipped model, scores one warm-up comment, then times
each of the same dev comments once, as a single nudge. It prints each process's load time,
median and p95, then the ratios aligned / unaligned of the median p95s and median medians. The
CPU is named: these figures are hardware-bound.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from generations import cpu_summary  # noqa: E402
from nudge_packing import percentile  # noqa: E402

WAYS = ("aligned", "unaligned")


def one_process(way: str, n: int, threads: int) -> dict:
    """In this process: load the model ``way``, then time ``n`` dev comments as single nudges."""
    from routing_quality import read_dev

    from kindness_challenge.scoring import finetuned_classifier

    if way == "unaligned":
        finetuned_classifier.PACK_ALIGN = 1  # rows as long as their tokens; nothing to warm
    texts = [row.text for row in read_dev()][:n]
    classifier = finetuned_classifier.FinetunedClassifier(threads=threads, multilingual=False)
    started = time.perf_counter()
    classifier.load()
    load_s = time.perf_counter() - started
    classifier.score_batch(["a first comment, to warm the tokenizer and the interpreter"])
    times = []
    for text in texts:
        started = time.perf_counter()
        classifier.score_batch([text])
        times.append(1000 * (time.perf_counter() - started))
    return {
        "load_s": round(load_s, 2),
        "median": round(statistics.median(times), 2),
        "p95": round(percentile(times, 0.95), 2),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=200, help="dev comments timed per process")
    parser.add_argument("--processes", type=int, default=4, help="processes each way")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--one", choices=WAYS, help=argparse.SUPPRESS)  # a child process
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(one_process(args.one, args.n, args.threads)))
        return 0

    threads = f"{args.threads} thread{'s' * (args.threads != 1)}"
    print(f"first nudges of a fresh process, {args.n} dev comments, {threads}, on {cpu_summary()}")
    found: dict[str, list[dict]] = {way: [] for way in WAYS}
    for round_ in range(args.processes):
        for way in WAYS if round_ % 2 == 0 else WAYS[::-1]:
            out = subprocess.run(
                [sys.executable, __file__, "--one", way, "-n", str(args.n),
                 "--threads", str(args.threads)],
                capture_output=True, text=True, check=True, cwd=ROOT,
            )  # fmt: skip
            numbers = json.loads(out.stdout.strip().splitlines()[-1])
            found[way].append(numbers)
            print(f"  process {round_ + 1} {way:<9} load {numbers['load_s']:5.2f} s, median "
                  f"{numbers['median']:5.1f} ms, p95 {numbers['p95']:5.1f} ms")  # fmt: skip
    for key in ("median", "p95", "load_s"):
        aligned = statistics.median(r[key] for r in found["aligned"])
        unaligned = statistics.median(r[key] for r in found["unaligned"])
        print(f"  {key:<7} aligned {aligned:6.2f}, unaligned {unaligned:6.2f}: "
              f"ratio {aligned / unaligned:.3f}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The English model with and without its self-harm incitement guard, in one process: routing
and a single nudge's latency.

    .venv/bin/python bench/selfharm_guard.py                 # the shipped guard
    .venv/bin/python bench/selfharm_guard.py --guard /tmp/guard/selfharm.safetensors

Every set is routed as the worker routes English text under the adapter's recommended policy
(English detected): the dev set's toxic rows and GoEmotions kind rows, the rows relabelled kind
toward someone, and the hand-written sets (comment-section, fresh, blind2, blind3, identity) and
the two self-harm sets: ``bench/selfharm_dev.jsonl`` (written blind, then read while the guard
was designed: a development set) and ``bench/selfharm_blind.jsonl`` (written blind by another
helper, never used to choose: held out). Then 200 dev comments are timed one at a time both
ways, alternating rounds, and the ratios printed. The CPU is named: latency is hardware-bound.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "bench"), str(ROOT / "tools")]

from generations import RELABEL, cpu_summary  # noqa: E402
from nudge_packing import percentile  # noqa: E402
from routing_quality import read_dev  # noqa: E402

from kindness_challenge.core import routing  # noqa: E402
from kindness_challenge.scoring.finetuned_classifier import FinetunedClassifier  # noqa: E402
from kindness_challenge.scoring.selfharm_guard import (  # noqa: E402
    GUARD_FILE,
    SelfHarmGuard,
)

SETS = ("comment_dev", "selfharm_dev", "selfharm_blind", "adversarial_fresh",
        "adversarial_blind2", "adversarial_blind3", "adversarial_identity")  # fmt: skip


def read_cases(name: str) -> list[dict]:
    with open(ROOT / "bench" / f"{name}.jsonl", encoding="utf-8") as lines:
        cases = [json.loads(line) for line in lines if line.strip()]
    return [case for case in cases if case.get("lang", "en") == "en"]


def groups() -> dict[str, tuple[list[str], str]]:
    """name -> (texts, "held" to count those not published, "published" those published)."""
    dev = read_dev()
    with open(RELABEL, encoding="utf-8") as lines:
        labels = {r["sha256"]: r["label"] for r in map(json.loads, lines)}
    out = {
        "dev toxic published": ([r.text for r in dev if r.toxic], "published"),
        "dev GoEmotions kind to review": (
            [r.text for r in dev if r.source == "goemotions"], "held"),
        "relabelled kind toward someone to review": (
            [r.text for r in dev
             if labels.get(hashlib.sha256(r.text.encode()).hexdigest()) == "kind"], "held"),
    }  # fmt: skip
    for name in SETS:
        cases = read_cases(name)
        out[f"{name} toxic published"] = ([c["text"] for c in cases if c["toxic"]], "published")
        out[f"{name} threats published"] = (
            [c["text"] for c in cases if c.get("threat")], "published")  # fmt: skip
        out[f"{name} kind to review"] = ([c["text"] for c in cases if c.get("kind")], "held")
    return out


def states(classifier: FinetunedClassifier, texts: list[str]) -> list[str]:
    policy = routing.Policy(
        thresholds={**routing.DEFAULT_THRESHOLDS, **classifier.recommended_thresholds},
        kindness_threshold=classifier.kindness_threshold,
    )
    return [
        routing.route_submission(text, score, policy, language="en",
                                 covered_languages=classifier.languages).state.value
        for text, score in zip(texts, classifier.score_batch(texts), strict=True)
    ]  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--guard", type=Path, help="a guard file (default: the shipped one)")
    parser.add_argument("-n", type=int, default=200, help="dev comments timed")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)

    guard = True
    if args.guard:
        guard = SelfHarmGuard.from_bytes(args.guard.read_bytes())
    ways = {
        "without": FinetunedClassifier(multilingual=False, guard=False, threads=2),
        "with": FinetunedClassifier(multilingual=False, guard=guard, threads=2),
    }
    chosen = ways["with"].guard
    named = chosen.sha256[:8] if chosen.sha256 else GUARD_FILE
    print(f"guard {named}, threshold {chosen.record.get('threshold')}; routed as English "
          "under the adapter's policy")  # fmt: skip
    for name, (texts, counted) in groups().items():
        cells = []
        for way, classifier in ways.items():
            found = states(classifier, texts)
            hits = sum((s == "published") == (counted == "published") for s in found)
            share = 100 * hits / max(1, len(texts))
            cells.append(f"{way} {hits:3d}/{len(texts):<3d} ({share:5.1f}%)")
        print(f"  {name:<44} " + "   ".join(cells))

    texts = [row.text for row in read_dev()][: args.n]
    for classifier in ways.values():  # warm up
        for text in texts[:20]:
            classifier.score_batch([text])
    times: dict[str, list[float]] = {way: [] for way in ways}
    order = list(ways)
    for round_ in range(args.rounds):
        for way in order if round_ % 2 == 0 else order[::-1]:
            for text in texts:
                started = time.perf_counter()
                ways[way].score_batch([text])
                times[way].append(1000 * (time.perf_counter() - started))
    old, new = times["without"], times["with"]
    print(f"single English nudge, {len(texts)} dev comments x {args.rounds} rounds, on "
          f"{cpu_summary()}: median {statistics.median(old):.1f} -> {statistics.median(new):.1f} "
          f"ms (ratio {statistics.median(new) / statistics.median(old):.3f}), p95 "
          f"{percentile(old, 0.95):.1f} -> {percentile(new, 0.95):.1f} ms (ratio "
          f"{percentile(new, 0.95) / percentile(old, 0.95):.3f})")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())

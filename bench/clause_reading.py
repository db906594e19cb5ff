"""How the English model's clause reading routes kind and toxic text, against two other readings.

    .venv/bin/python bench/clause_reading.py              # dev-side sets and padding costs
    .venv/bin/python bench/clause_reading.py --held-out   # the held-out sets instead

Three ways to read a text, each routed as the worker routes English text under the adapter's
recommended policy (the shipped adapter and self-harm guard; English detected):

* ``clauses`` (shipped): the whole text, and each clause alone (``core.text.clauses``);
  toxicity and threat the highest of them, kindness the whole text's;
* ``whole``: the whole text only;
* ``pairs``: the whole text, and each pair of adjacent clauses (a text of two clauses is read
  whole only), so that no fragment is read without a neighbour.

It prints, for each way, how many kind cases and toxic cases (and threats among them) each set
publishes: the dev set's GoEmotions kind rows and toxic rows, ``comment_dev``, ``adversarial_fresh``
and ``adversarial_blind2`` (or, with ``--held-out``, ``adversarial_blind3``,
``adversarial_identity`` and ``selfharm_blind``), and the padding cost over the dev toxic rows
(``generations.PADDINGS``: the points of them published more once padded). Routing is
deterministic: the figures do not depend on the machine's speed.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "bench"), str(ROOT / "tools")]

from generations import PADDINGS, third_generation  # noqa: E402
from routing_quality import ClassifierScorer, make_policy, read_dev  # noqa: E402

from kindness_challenge.core import routing  # noqa: E402
from kindness_challenge.core.text.clauses import clauses  # noqa: E402
from kindness_challenge.scoring import finetuned_classifier  # noqa: E402

DEV_SETS = ("comment_dev", "adversarial_fresh", "adversarial_blind2")
HELD_OUT_SETS = ("adversarial_blind3", "adversarial_identity", "selfharm_blind")


def pairs(text: str, **options) -> list[str]:
    """Each pair of adjacent clauses of ``text``; none for a text of two clauses or fewer."""
    pieces = clauses(text, **options)
    if len(pieces) <= 2:
        return []
    return [f"{pieces[i]} {pieces[i + 1]}" for i in range(len(pieces) - 1)]


WAYS = {"clauses": clauses, "whole": lambda text, **options: [], "pairs": pairs}


def read_sets(names, dev: bool) -> dict[str, tuple[list[str], list[bool] | None]]:
    """name -> (texts, whether each is a threat, for toxic sets)."""
    out: dict[str, tuple[list[str], list[bool] | None]] = {}
    if dev:
        rows = read_dev()
        out["dev GoEmotions kind"] = (
            [r.text for r in rows if r.source == "goemotions" and not r.toxic], None
        )  # fmt: skip
        out["dev toxic"] = ([r.text for r in rows if r.toxic], None)
    for name in names:
        with open(ROOT / "bench" / f"{name}.jsonl", encoding="utf-8") as lines:
            cases = [json.loads(line) for line in lines if line.strip()]
        cases = [case for case in cases if case.get("lang", "en") == "en"]
        out[f"{name} kind"] = ([c["text"] for c in cases if c.get("kind")], None)
        toxic = [c for c in cases if c.get("toxic")]
        out[f"{name} toxic"] = ([c["text"] for c in toxic], [bool(c.get("threat")) for c in toxic])
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--held-out", action="store_true", help="score the held-out sets")
    args = parser.parse_args(argv)

    classifier = third_generation(None, multilingual=False)
    scorer = ClassifierScorer(classifier)
    policy = dataclasses.replace(
        make_policy(scorer, None, None), kindness_threshold=classifier.kindness_threshold
    )

    def published(texts: list[str]) -> list[bool]:
        scores = scorer.score(texts, None, True)
        return [
            routing.route_submission(text, row, policy, language="en").state.value == "published"
            for text, row in zip(texts, scores, strict=True)
        ]

    sets = read_sets(HELD_OUT_SETS if args.held_out else DEV_SETS, dev=not args.held_out)
    toxic_dev = [r.text for r in read_dev() if r.toxic]
    results: dict[str, dict[str, str]] = {name: {} for name in sets}
    padding: dict[str, dict[str, str]] = {name: {} for name, _, _ in PADDINGS}
    shipped = finetuned_classifier.clauses
    try:
        for way, split in WAYS.items():
            finetuned_classifier.clauses = split  # what ``score_texts`` reads clauses with
            for name, (texts, threats) in sets.items():
                hits = published(texts)
                cell = f"{sum(hits)} of {len(texts)}"
                if threats is not None:
                    cell += f" ({sum(h and t for h, t in zip(hits, threats, strict=True))} threats)"
                results[name][way] = cell
            if not args.held_out:
                base = sum(published(toxic_dev))
                for name, before, after in PADDINGS:
                    padded = sum(published([before + text + after for text in toxic_dev]))
                    padding[name][way] = f"{100 * (padded - base) / len(toxic_dev):+.1f}"
    finally:
        finetuned_classifier.clauses = shipped
    print(f"published, by way of reading ({classifier.version}):")
    print(f"  {'set':<32}" + "".join(f"{way:<24}" for way in WAYS))
    for name, cells in results.items():
        print(f"  {name:<32}" + "".join(f"{cells[way]:<24}" for way in WAYS))
    if not args.held_out:
        print("padding cost over the dev toxic rows (points published more):")
        for name, cells in padding.items():
            print(f"  {name:<32}" + "".join(f"{cells[way]:<24}" for way in WAYS))
    return 0


if __name__ == "__main__":
    sys.exit(main())

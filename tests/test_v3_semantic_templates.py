"""The semantic-harm training templates (``tools/v3_semantic_templates.py``): deterministic,
consistently labelled, and sharing no wording with the bench's hand-written adversarial cases
they are measured on."""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import train_classifier_v3  # noqa: E402
import v3_semantic_templates as templates  # noqa: E402

BENCH_CASES = (ROOT / "bench" / "adversarial_fresh.jsonl", ROOT / "bench" / "adversarial_dev.jsonl")
WORDS = re.compile(r"[a-z']+")


def draws(seed: int, per_family: int) -> list[tuple[str, int, int, int, str]]:
    rng = random.Random(seed)
    return [templates.case(f, rng) for f in templates.FAMILIES for _ in range(per_family)]


def shingles(text: str, n: int = 7) -> set[tuple[str, ...]]:
    words = WORDS.findall(text.lower())
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def test_the_same_seed_gives_the_same_cases_and_another_seed_others():
    assert draws(7, 20) == draws(7, 20)
    assert draws(7, 20) != draws(8, 20)


def test_labels_are_consistent_in_every_family():
    seen = set()
    for text, toxic, threat, kind, family in draws(1, 300):
        assert family in templates.FAMILIES and text == text.strip() and "  " not in text
        assert not (toxic and kind), text
        assert not threat or toxic, text
        seen.add((family, toxic))
    # Every harmful family has a harmless or kind twin family beside it.
    assert {t for _, t in seen} == {0, 1}
    assert len({f for f, _ in seen}) == len(templates.FAMILIES)


def test_an_unknown_family_is_refused():
    with pytest.raises(ValueError):
        templates.case("no such family", random.Random(0))


def test_no_bench_case_is_generated_or_shares_seven_words_in_a_row():
    # (Six in a row are shared only by stock phrases: "it would be a shame if", "take it one
    # day at a time", "group chat, just so you know".)
    cases = [
        json.loads(line)["text"]
        for path in BENCH_CASES
        for line in path.read_text(encoding="utf-8").splitlines()
    ]
    bench_texts = {c.lower() for c in cases}
    bench_shingles = set().union(*(shingles(c) for c in cases))
    generated = draws(20261205, 400)
    assert not {t.lower() for t, *_ in generated} & bench_texts
    shared = {s for t, *_ in generated for s in shingles(t)} & bench_shingles
    assert not shared, sorted(shared)[:5]


def test_the_trainer_adds_the_asked_number_spread_over_the_families():
    rows = train_classifier_v3.semantic(110, seed=3)
    assert len(rows) == 110
    assert {r.source for r in rows} == {f"augment:{f}" for f in templates.FAMILIES}
    assert rows == train_classifier_v3.semantic(110, seed=3)

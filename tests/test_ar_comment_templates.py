"""Tests for tools/ar_comment_templates.py (Arabic comment-wall training templates)."""

from __future__ import annotations

import importlib.util
import random
import re
import sys
from collections import Counter
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parents[1] / "tools" / "ar_comment_templates.py"
_SPEC = importlib.util.spec_from_file_location("ar_comment_templates", _PATH)
assert _SPEC is not None and _SPEC.loader is not None
act = importlib.util.module_from_spec(_SPEC)
sys.modules.setdefault("ar_comment_templates", act)
_SPEC.loader.exec_module(act)

_ARABIC_LETTER = re.compile("[\u0621-\u064a]")

# family -> (toxic, threat, kind)
LABELS = {
    "calm_threat": (1, 1, 0),
    "safe_way_home": (0, 0, 1),
    "self_harm_incite": (1, 1, 0),
    "crisis_support": (0, 0, 1),
    "sarcastic_thanks": (1, 0, 0),
    "sincere_thanks": (0, 0, 1),
    "backhanded_praise": (1, 0, 0),
    "sincere_praise": (0, 0, 1),
    "slang_insult": (1, 0, 0),
    "slang_hype": (0, 0, 1),
    "cheerful_hate": (1, 0, 0),
    "group_respect": (0, 0, 1),
}


@pytest.fixture(scope="module")
def draw() -> list[tuple[str, int, int, int, str]]:
    return act.generate(1200, 1)


def test_families_and_shares() -> None:
    assert list(act.FAMILIES) == list(LABELS)
    assert sum(act.FAMILIES.values()) == pytest.approx(1.0)
    for share in act.FAMILIES.values():
        assert share == pytest.approx(1 / 12)


def test_deterministic() -> None:
    assert act.generate(240, 5) == act.generate(240, 5)
    assert act.generate(240, 5) != act.generate(240, 6)


def test_every_family_present_with_labels(draw) -> None:
    seen = set()
    for text, toxic, threat, kind, family in draw:
        assert (toxic, threat, kind) == LABELS[family], (family, text)
        seen.add(family)
    assert seen == set(LABELS)
    counts = Counter(row[4] for row in draw)
    for family in LABELS:
        assert counts[family] == 100


def test_no_duplicate_texts(draw) -> None:
    texts = [row[0] for row in draw]
    assert len(texts) == len(set(texts))


def test_text_shape(draw) -> None:
    for text, *labels, _family in draw:
        assert isinstance(text, str)
        assert text
        assert text == text.strip()
        assert "{" not in text and "}" not in text
        assert "  " not in text
        assert all(type(x) is int and x in (0, 1) for x in labels)


def test_every_text_has_arabic_letters(draw) -> None:
    for text, *_labels, family in draw:
        assert _ARABIC_LETTER.search(text), (family, text)


def test_label_consistency(draw) -> None:
    for _text, toxic, threat, kind, _family in draw:
        if threat:
            assert toxic == 1
        if kind:
            assert toxic == 0


def test_each_family_has_300_distinct() -> None:
    rows = act.generate(12 * 500, 3)
    counts = Counter(row[4] for row in rows)
    for family in LABELS:
        assert counts[family] >= 300, family
    assert len({row[0] for row in rows}) == len(rows)


def test_case_interface() -> None:
    rng = random.Random(0)
    for family, labels in LABELS.items():
        text, toxic, threat, kind, fam = act.case(family, rng)
        assert fam == family
        assert (toxic, threat, kind) == labels
        assert isinstance(text, str) and text
    with pytest.raises(KeyError):
        act.case("unknown_family", rng)

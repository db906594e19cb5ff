"""Tests for tools/de_comment_templates.py (German comment-wall training templates)."""

from __future__ import annotations

import importlib.util
import random
import sys
from collections import Counter
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parents[1] / "tools" / "de_comment_templates.py"
_SPEC = importlib.util.spec_from_file_location("de_comment_templates", _PATH)
assert _SPEC is not None and _SPEC.loader is not None
dct = importlib.util.module_from_spec(_SPEC)
sys.modules.setdefault("de_comment_templates", dct)
_SPEC.loader.exec_module(dct)

# family -> (toxic, threat, kind)
LABELS = {
    "ruhige_drohung": (1, 1, 0),
    "fuersorglicher_heimweg": (0, 0, 1),
    "selbstverletzung_aufruf": (1, 1, 0),
    "unterstuetzung_krise": (0, 0, 1),
    "sarkastischer_dank": (1, 0, 0),
    "ehrlicher_dank": (0, 0, 1),
    "vergiftetes_kompliment": (1, 0, 0),
    "ehrliches_kompliment": (0, 0, 1),
    "slang_beleidigung": (1, 0, 0),
    "slang_hype": (0, 0, 1),
    "froehlicher_hass": (1, 0, 0),
    "respekt_gruppe": (0, 0, 1),
}


@pytest.fixture(scope="module")
def draw() -> list[tuple[str, int, int, int, str]]:
    return dct.generate(1200, 1)


def test_families_and_shares() -> None:
    assert list(dct.FAMILIES) == list(LABELS)
    assert sum(dct.FAMILIES.values()) == pytest.approx(1.0)
    for share in dct.FAMILIES.values():
        assert share == pytest.approx(1 / 12)


def test_deterministic() -> None:
    assert dct.generate(240, 5) == dct.generate(240, 5)
    assert dct.generate(240, 5) != dct.generate(240, 6)


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


def test_label_consistency(draw) -> None:
    for _text, toxic, threat, kind, _family in draw:
        if threat:
            assert toxic == 1
        if kind:
            assert toxic == 0


def test_each_family_has_300_distinct() -> None:
    rows = dct.generate(12 * 500, 3)
    counts = Counter(row[4] for row in rows)
    for family in LABELS:
        assert counts[family] >= 300, family
    assert len({row[0] for row in rows}) == len(rows)


def test_case_interface() -> None:
    rng = random.Random(0)
    for family, labels in LABELS.items():
        text, toxic, threat, kind, fam = dct.case(family, rng)
        assert fam == family
        assert (toxic, threat, kind) == labels
        assert isinstance(text, str) and text
    with pytest.raises(KeyError):
        dct.case("unbekannt", rng)

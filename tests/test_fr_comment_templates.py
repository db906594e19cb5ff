"""Tests for tools/fr_comment_templates.py (French comment-wall training templates)."""

from __future__ import annotations

import importlib.util
import random
import sys
from collections import Counter
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parents[1] / "tools" / "fr_comment_templates.py"
_SPEC = importlib.util.spec_from_file_location("fr_comment_templates", _PATH)
assert _SPEC is not None and _SPEC.loader is not None
fct = importlib.util.module_from_spec(_SPEC)
sys.modules.setdefault("fr_comment_templates", fct)
_SPEC.loader.exec_module(fct)

# family -> (toxic, threat, kind)
LABELS = {
    "menace_calme": (1, 1, 0),
    "trajet_bienveillant": (0, 0, 1),
    "incitation_autodestruction": (1, 1, 0),
    "soutien_detresse": (0, 0, 1),
    "merci_sarcastique": (1, 0, 0),
    "merci_sincere": (0, 0, 1),
    "compliment_piege": (1, 0, 0),
    "compliment_sincere": (0, 0, 1),
    "insulte_argot": (1, 0, 0),
    "hype_argot": (0, 0, 1),
    "haine_joyeuse": (1, 0, 0),
    "respect_groupe": (0, 0, 1),
}


@pytest.fixture(scope="module")
def draw() -> list[tuple[str, int, int, int, str]]:
    return fct.generate(1200, 1)


def test_families_and_shares() -> None:
    assert list(fct.FAMILIES) == list(LABELS)
    assert sum(fct.FAMILIES.values()) == pytest.approx(1.0)
    for share in fct.FAMILIES.values():
        assert share == pytest.approx(1 / 12)


def test_deterministic() -> None:
    assert fct.generate(240, 5) == fct.generate(240, 5)
    assert fct.generate(240, 5) != fct.generate(240, 6)


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
    rows = fct.generate(12 * 500, 3)
    counts = Counter(row[4] for row in rows)
    for family in LABELS:
        assert counts[family] >= 300, family
    assert len({row[0] for row in rows}) == len(rows)


def test_case_interface() -> None:
    rng = random.Random(0)
    for family, labels in LABELS.items():
        text, toxic, threat, kind, fam = fct.case(family, rng)
        assert fam == family
        assert (toxic, threat, kind) == labels
        assert isinstance(text, str) and text
    with pytest.raises(KeyError):
        fct.case("inconnue", rng)

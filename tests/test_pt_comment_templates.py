"""Tests for tools/pt_comment_templates.py (Portuguese comment-wall training templates)."""

from __future__ import annotations

import importlib.util
import random
import sys
from collections import Counter
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parents[1] / "tools" / "pt_comment_templates.py"
_SPEC = importlib.util.spec_from_file_location("pt_comment_templates", _PATH)
assert _SPEC is not None and _SPEC.loader is not None
pct = importlib.util.module_from_spec(_SPEC)
sys.modules.setdefault("pt_comment_templates", pct)
_SPEC.loader.exec_module(pct)

# family -> (toxic, threat, kind)
LABELS = {
    "ameaca_calma": (1, 1, 0),
    "caminho_cuidadoso": (0, 0, 1),
    "incitacao_autolesao": (1, 1, 0),
    "apoio_crise": (0, 0, 1),
    "obrigado_sarcastico": (1, 0, 0),
    "obrigado_sincero": (0, 0, 1),
    "elogio_envenenado": (1, 0, 0),
    "elogio_sincero": (0, 0, 1),
    "insulto_giria": (1, 0, 0),
    "hype_giria": (0, 0, 1),
    "odio_alegre": (1, 0, 0),
    "respeito_grupo": (0, 0, 1),
}


@pytest.fixture(scope="module")
def draw() -> list[tuple[str, int, int, int, str]]:
    return pct.generate(1200, 1)


def test_families_and_shares() -> None:
    assert list(pct.FAMILIES) == list(LABELS)
    assert sum(pct.FAMILIES.values()) == pytest.approx(1.0)
    for share in pct.FAMILIES.values():
        assert share == pytest.approx(1 / 12)


def test_deterministic() -> None:
    assert pct.generate(240, 5) == pct.generate(240, 5)
    assert pct.generate(240, 5) != pct.generate(240, 6)


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
    rows = pct.generate(12 * 500, 3)
    counts = Counter(row[4] for row in rows)
    for family in LABELS:
        assert counts[family] >= 300, family
    assert len({row[0] for row in rows}) == len(rows)


def test_case_interface() -> None:
    rng = random.Random(0)
    for family, labels in LABELS.items():
        text, toxic, threat, kind, fam = pct.case(family, rng)
        assert fam == family
        assert (toxic, threat, kind) == labels
        assert isinstance(text, str) and text
    with pytest.raises(KeyError):
        pct.case("desconhecida", rng)

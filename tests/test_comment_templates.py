"""Tests for the comment-wall training templates of each language
(tools/<lang>_comment_templates.py): twelve twin families in equal shares, deterministic,
distinct texts, labels that follow the rules (a threat is toxic, a kind text is not)."""

from __future__ import annotations

import importlib.util
import random
import re
import sys
from collections import Counter
from pathlib import Path

import pytest

TOOLS = Path(__file__).resolve().parents[1] / "tools"
# The twelve families of each language, in their order: (toxic, threat, kind), twins side by side.
SHAPE = ((1, 1, 0), (0, 0, 1), (1, 1, 0), (0, 0, 1)) + ((1, 0, 0), (0, 0, 1)) * 4
FAMILY_NAMES = {
    "fr": ("menace_calme", "trajet_bienveillant", "incitation_autodestruction",
           "soutien_detresse", "merci_sarcastique", "merci_sincere", "compliment_piege",
           "compliment_sincere", "insulte_argot", "hype_argot", "haine_joyeuse",
           "respect_groupe"),
    "de": ("ruhige_drohung", "fuersorglicher_heimweg", "selbstverletzung_aufruf",
           "unterstuetzung_krise", "sarkastischer_dank", "ehrlicher_dank",
           "vergiftetes_kompliment", "ehrliches_kompliment", "slang_beleidigung", "slang_hype",
           "froehlicher_hass", "respekt_gruppe"),
    "pt": ("ameaca_calma", "caminho_cuidadoso", "incitacao_autolesao", "apoio_crise",
           "obrigado_sarcastico", "obrigado_sincero", "elogio_envenenado", "elogio_sincero",
           "insulto_giria", "hype_giria", "odio_alegre", "respeito_grupo"),
    "ar": ("calm_threat", "safe_way_home", "self_harm_incite", "crisis_support",
           "sarcastic_thanks", "sincere_thanks", "backhanded_praise", "sincere_praise",
           "slang_insult", "slang_hype", "cheerful_hate", "group_respect"),
}  # fmt: skip
# Letters every text of a language must contain (Arabic templates stay in Arabic script).
SCRIPT = {"ar": re.compile("[\u0621-\u064a]")}


def templates(language: str):
    name = f"{language}_comment_templates"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, TOOLS / f"{name}.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


def labels(language: str) -> dict[str, tuple[int, int, int]]:
    return dict(zip(FAMILY_NAMES[language], SHAPE, strict=True))


@pytest.fixture(scope="module", params=sorted(FAMILY_NAMES))
def language(request) -> str:
    return request.param


@pytest.fixture(scope="module")
def draw(language) -> list[tuple[str, int, int, int, str]]:
    return templates(language).generate(1200, 1)


def test_families_and_shares(language) -> None:
    module = templates(language)
    assert list(module.FAMILIES) == list(labels(language))
    assert sum(module.FAMILIES.values()) == pytest.approx(1.0)
    for share in module.FAMILIES.values():
        assert share == pytest.approx(1 / 12)


def test_deterministic(language) -> None:
    module = templates(language)
    assert module.generate(240, 5) == module.generate(240, 5)
    assert module.generate(240, 5) != module.generate(240, 6)


def test_every_family_present_with_labels(language, draw) -> None:
    expected = labels(language)
    for text, toxic, threat, kind, family in draw:
        assert (toxic, threat, kind) == expected[family], (family, text)
    counts = Counter(row[4] for row in draw)
    assert counts == dict.fromkeys(expected, 100)


def test_distinct_well_formed_texts(language, draw) -> None:
    texts = [row[0] for row in draw]
    assert len(texts) == len(set(texts))
    for text, *row_labels, family in draw:
        assert isinstance(text, str) and text and text == text.strip()
        assert "{" not in text and "}" not in text
        assert "  " not in text
        assert all(type(x) is int and x in (0, 1) for x in row_labels)
        if language in SCRIPT:
            assert SCRIPT[language].search(text), (family, text)


def test_label_consistency(draw) -> None:
    for _text, toxic, threat, kind, _family in draw:
        assert toxic or not threat
        assert not (kind and toxic)


def test_each_family_has_300_distinct(language) -> None:
    rows = templates(language).generate(12 * 500, 3)
    counts = Counter(row[4] for row in rows)
    assert all(counts[family] >= 300 for family in labels(language)), counts
    assert len({row[0] for row in rows}) == len(rows)


def test_case_interface(language) -> None:
    module, rng = templates(language), random.Random(0)
    for family, expected in labels(language).items():
        text, toxic, threat, kind, got = module.case(family, rng)
        assert got == family and (toxic, threat, kind) == expected
        assert isinstance(text, str) and text
    with pytest.raises(KeyError):
        module.case("no_such_family", rng)

"""The social-media reply training templates (``tools/v3_social_templates.py``): deterministic,
consistently labelled, varied, and sharing no wording with the bench's hand-written adversarial
cases they are measured on."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest
import template_modules
from bench_overlap import assert_no_overlap

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import train_classifier_v3  # noqa: E402
import v3_social_templates as templates  # noqa: E402


def draws(seed: int, per_family: int) -> list[tuple[str, int, int, int, str]]:
    return template_modules.draws(templates, seed, per_family)


# The (toxic, threat, kind) labels each family may give.
EXPECTED = {
    "slang_hype": {(0, 0, 1)},
    "slang_insult": {(1, 0, 0)},
    "counter_speech_support": {(0, 0, 1)},
    "pile_on": {(1, 0, 0)},
    "identity_positive": {(0, 0, 1)},
    "identity_jab": {(1, 0, 0)},
    "backhanded": {(1, 0, 0)},
    "sincere_compliment": {(0, 0, 1)},
    "euphemism_self_harm": {(1, 1, 0)},
    "euphemism_care": {(0, 0, 1)},
    "veiled_threat_social": {(1, 1, 0)},
    "location_twin": {(0, 0, 1), (0, 0, 0)},
    "group_stereotype": {(1, 0, 0)},
    "group_respect": {(0, 0, 0), (0, 0, 1)},
}


def test_every_family_gives_its_labels_and_clean_text():
    assert tuple(EXPECTED) == templates.FAMILIES
    assert set(templates.SHARES) == set(EXPECTED)
    assert all(share > 0 for share in templates.SHARES.values())
    seen = {family: set() for family in EXPECTED}
    for text, toxic, threat, kind, family in draws(1, 300):
        assert (toxic, threat, kind) in EXPECTED[family], (family, text)
        assert text and text == text.strip() and "  " not in text, text
        assert " ." not in text and " ," not in text and ",," not in text, text
        assert "{" not in text and "}" not in text, text
        seen[family].add((toxic, threat, kind))
    assert seen == EXPECTED  # every label combination a family may give does come out


def test_each_toxic_family_weighs_the_same_as_its_twin():
    shares = templates.SHARES
    for toxic, twin in (
        ("slang_insult", "slang_hype"),
        ("pile_on", "counter_speech_support"),
        ("identity_jab", "identity_positive"),
        ("backhanded", "sincere_compliment"),
        ("euphemism_self_harm", "euphemism_care"),
        ("veiled_threat_social", "location_twin"),
        ("group_stereotype", "group_respect"),
    ):
        assert shares[toxic] == shares[twin]


@pytest.mark.parametrize("family", templates.FAMILIES)
def test_a_family_makes_many_distinct_texts(family):
    rng = random.Random(11)
    texts = {templates.case(family, rng)[0] for _ in range(400)}
    assert len(texts) >= 150, len(texts)


def test_no_bench_case_is_generated_or_shares_seven_words_in_a_row():
    # The largest draw a retrain has used (8000, the trainer's seed), and more.
    seed = train_classifier_v3.DEFAULT_SEED
    drawn = [row.text for row in train_classifier_v3.social(8000, seed)]
    assert_no_overlap(drawn + [t for t, *_ in draws(20261205, 400) + draws(3, 400)])


def test_the_trainer_draws_every_family_by_its_share():
    # Every family has the same share, so ask for a whole number of draws per family.
    n = 20 * len(templates.FAMILIES)
    rows = train_classifier_v3.social(n, seed=3)
    assert len(rows) == n
    assert {r.source for r in rows} == {f"augment:{f}" for f in templates.FAMILIES}
    assert rows == train_classifier_v3.social(n, seed=3)
    labels = {(r.toxic, r.threat, r.kind) for r in rows if r.source == "augment:backhanded"}
    assert labels == {(1, 0, 0)}

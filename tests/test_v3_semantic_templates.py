"""The semantic-harm training templates (``tools/v3_semantic_templates.py``): deterministic,
consistently labelled, and sharing no wording with the bench's hand-written adversarial cases
they are measured on."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
import template_modules
from bench_overlap import assert_no_overlap

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import train_classifier_v3  # noqa: E402
import v3_semantic_templates as templates  # noqa: E402


def draws(seed: int, per_family: int) -> list[tuple[str, int, int, int, str]]:
    return template_modules.draws(templates, seed, per_family)


# The (toxic, threat, kind) labels each family may give.
EXPECTED = {
    "sarcastic_putdown": {(1, 0, 0)},
    "sincere_praise": {(0, 0, 1)},
    "quiet_exclusion": {(1, 0, 0)},
    "inclusion_twin": {(0, 0, 1), (0, 0, 0)},
    "veiled_threat": {(1, 1, 0)},
    "veiled_twin": {(0, 0, 1), (0, 0, 0)},
    "self_harm_nudge": {(1, 1, 0)},
    "support_twin": {(0, 0, 1)},
    "cheerful_harm": {(1, 0, 0), (1, 1, 0)},
    "friendly_signoff_wrap": {(1, 0, 0), (1, 1, 0)},
    "friendly_signoff_kind": {(0, 0, 1)},
}


def test_every_family_gives_its_labels_and_clean_text():
    assert set(templates.FAMILIES) == set(EXPECTED) == set(templates.SHARES)
    seen = {family: set() for family in EXPECTED}
    for text, toxic, threat, kind, family in draws(1, 300):
        assert (toxic, threat, kind) in EXPECTED[family], (family, text)
        assert text == text.strip() and "  " not in text and " ." not in text, text
        assert "{" not in text and "}" not in text, text
        seen[family].add((toxic, threat, kind))
    assert seen == EXPECTED  # every label combination a family may give does come out


def test_no_bench_case_is_generated_or_shares_seven_words_in_a_row():
    # (Six in a row are shared only by stock phrases: "it would be a shame if", "take it one
    # day at a time", "group chat, just so you know".)
    # What the shipped adapter trained on: the trainer's own draw with its default seed and count.
    args = train_classifier_v3.parse_args([])
    drawn = [row.text for row in train_classifier_v3.semantic(args.semantic, args.seed)]
    assert_no_overlap(drawn + [text for text, *_ in draws(20261205, 400)])


@pytest.mark.parametrize(("count", "made"), [(110, 110), (8000, 7997), (30, 33)])
def test_the_trainer_spreads_the_count_over_the_families(count, made):
    rows = train_classifier_v3.semantic(count, seed=3)
    assert len(rows) == made  # each family's share rounded
    assert {r.source for r in rows} == {f"augment:{f}" for f in templates.FAMILIES}
    assert rows == train_classifier_v3.semantic(count, seed=3)


def test_the_shipped_adapter_names_the_templates_in_this_tree():
    """A changed template changes what a retrain gives: retrain (and pin) with it."""
    metadata = json.loads(
        (ROOT / "kindness_challenge" / "scoring" / "v3" / "metadata.json").read_text("utf-8")
    )
    defaults = train_classifier_v3.parse_args([])
    drawn = (
        train_classifier_v3.semantic(defaults.semantic, defaults.seed)
        + train_classifier_v3.social(defaults.social, defaults.seed)
        + train_classifier_v3.everyday(defaults.everyday, defaults.seed)
        + train_classifier_v3.identity(defaults.identity, defaults.seed)
    )
    assert metadata["templates_sha256"] == train_classifier_v3.template_hashes(drawn)


def test_the_trainers_defaults_are_the_shipped_adapters_parameters():
    """``train_classifier_v3.py`` with no options retrains the shipped adapter."""
    metadata = json.loads(
        (ROOT / "kindness_challenge" / "scoring" / "v3" / "metadata.json").read_text("utf-8")
    )
    recorded = metadata["parameters"]
    # Options added after the shipped adapter was trained: off by default, as it was made.
    added_since = {
        "identity": 0,
        "emoji_words": False,
        "fragments": 0,
        "bank": [],
        "bank_copies": 1,
    }
    for option, value in vars(train_classifier_v3.parse_args([])).items():
        if option in ("data", "out", "scores"):
            continue
        assert recorded.get(option, added_since.get(option)) == value, option

"""The identity training templates (``tools/v3_identity_templates.py``): deterministic,
consistently labelled, twinned so that naming a group decides nothing, free of slurs and swearing,
varied, and sharing no wording with the bench's hand-written cases (``adversarial_identity``
above all, written at the same time by another helper)."""

from __future__ import annotations

import random
import re
import sys
from collections import Counter
from pathlib import Path

import pytest
import template_modules
from bench_overlap import assert_no_overlap

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import train_classifier_v3  # noqa: E402
import v3_identity_templates as templates  # noqa: E402

# The (toxic, threat, kind) labels each family gives, and each kind or harmless family's twin.
EXPECTED = {
    "counter_narrative": (0, 0, 1),
    "prejudice_prose": (1, 0, 0),
    "quote_rejected": (0, 0, 1),
    "quote_endorsed": (1, 0, 0),
    "solidarity_hope": (0, 0, 1),
    "group_threat": (1, 1, 0),
    "identity_pride": (0, 0, 1),
    "pride_contempt": (1, 0, 0),
    "identity_neutral": (0, 0, 0),
    "neutral_loaded": (1, 0, 0),
}
TWINS = {
    "counter_narrative": "prejudice_prose",
    "quote_rejected": "quote_endorsed",
    "solidarity_hope": "group_threat",
    "identity_pride": "pride_contempt",
    "identity_neutral": "neutral_loaded",
}


def draws(seed: int, per_family: int) -> list[tuple[str, int, int, int, str]]:
    return template_modules.draws(templates, seed, per_family)


def test_every_family_gives_its_labels_and_clean_text():
    assert set(EXPECTED) == set(templates.FAMILIES)
    for text, toxic, threat, kind, family in draws(1, 400):
        assert (toxic, threat, kind) == EXPECTED[family], (family, text)
        assert text and text == text.strip() and "  " not in text, text
        assert "{" not in text and "}" not in text, text


def test_every_twin_pair_weighs_the_same():
    # A harmful family drawn more often than its twin would teach that the frame is harmful.
    for kind_family, harm_family in TWINS.items():
        assert templates.SHARES[kind_family] == templates.SHARES[harm_family]
    assert set(TWINS) | set(TWINS.values()) == set(templates.FAMILIES)


def test_group_words_and_warm_words_come_out_on_both_sides():
    # The point of the twins: "refugees", "deserve", "our neighbours" or "burden" must not
    # carry a label by themselves.
    texts = draws(2, 1500)
    kind = " ".join(t.lower() for t, toxic, _, k, _ in texts if k)
    harm = " ".join(t.lower() for t, toxic, _, k, _ in texts if toxic)
    for word in ("refugees", "muslims", "trans", "disabled", "deserve", "neighbours",
                 "community", "burden", "welcome", "safe", "proud"):  # fmt: skip
        assert re.search(rf"\b{word}\b", kind), word
        assert re.search(rf"\b{word}\b", harm), word


# Swear words and slurs no case may lean on (matched as whole words): the harm is in the meaning.
RUDE = (
    "fuck", "fucking", "shit", "bitch", "cunt", "bastard", "asshole", "twat", "whore", "slut",
    "retard", "retarded", "fag", "faggot", "tranny", "idiot", "moron", "scum", "kys",
)  # fmt: skip
RUDE_RE = re.compile(r"\b(" + "|".join(RUDE) + r")\b", re.IGNORECASE)


def test_no_family_swears_or_uses_slurs():
    for text, *_ in draws(3, 1500):
        assert not RUDE_RE.search(text), text


@pytest.mark.parametrize("family", templates.FAMILIES)
def test_a_family_makes_many_distinct_texts_and_repeats_none_much(family):
    rng = random.Random(11)
    counts = Counter(templates.case(family, rng)[0] for _ in range(2000))
    assert len(counts) >= 1500, len(counts)
    assert counts.most_common(1)[0][1] <= 30, counts.most_common(3)  # 1.5% at most


def test_no_bench_case_is_generated_or_shares_seven_words_in_a_row():
    # A draw as large as the largest retrain's (--identity 12000, the trainer's seed), and more.
    seed = train_classifier_v3.DEFAULT_SEED
    drawn = [row.text for row in train_classifier_v3.identity(12000, seed)]
    assert_no_overlap(drawn + [t for t, *_ in draws(20261207, 400) + draws(3, 400)])


def test_the_trainer_draws_every_family_by_its_share():
    rows = train_classifier_v3.identity(1000, seed=3)
    assert abs(len(rows) - 1000) <= len(templates.FAMILIES)
    sources = Counter(r.source for r in rows)
    total = sum(templates.SHARES.values())
    for family, share in templates.SHARES.items():
        assert abs(sources[f"augment:{family}"] - 1000 * share / total) <= 1
    assert rows == train_classifier_v3.identity(1000, seed=3)
    assert {(r.toxic, r.threat, r.kind) for r in rows if r.source == "augment:group_threat"} == {
        (1, 1, 0)
    }

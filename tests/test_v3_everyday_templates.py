"""The everyday comment-thread training templates (``tools/v3_everyday_templates.py``):
deterministic, consistently labelled, varied, calm where they threaten, and sharing no wording
with the bench's hand-written cases they are measured on."""

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
import v3_everyday_templates as templates  # noqa: E402


def draws(seed: int, per_family: int) -> list[tuple[str, int, int, int, str]]:
    return template_modules.draws(templates, seed, per_family)


# The (toxic, threat, kind) labels each family may give.
EXPECTED = {
    "everyday_kindness": {(0, 0, 1)},
    "everyday_plain": {(0, 0, 0)},
    "quiet_menace": {(1, 1, 0)},
    "personal_detail_warm": {(0, 0, 1), (0, 0, 0)},
}


def test_every_family_gives_its_labels_and_clean_text():
    assert tuple(EXPECTED) == templates.FAMILIES
    assert set(templates.SHARES) == set(EXPECTED)
    assert all(share > 0 for share in templates.SHARES.values())
    seen = {family: set() for family in EXPECTED}
    for text, toxic, threat, kind, family in draws(1, 400):
        assert (toxic, threat, kind) in EXPECTED[family], (family, text)
        assert all(label in (0, 1) for label in (toxic, threat, kind))
        assert text and text == text.strip() and "  " not in text, text
        assert " ." not in text and " ," not in text and ",," not in text, text
        assert ".," not in text and ",." not in text and "...." not in text, text
        assert "{" not in text and "}" not in text, text
        seen[family].add((toxic, threat, kind))
    assert seen == EXPECTED  # every label combination a family may give does come out


def test_every_register_and_the_name_placeholder_come_out():
    texts = [t for t, *_ in draws(2, 1000)]
    assert any(t == t.lower() for t in texts)  # all lower case
    assert any(t[0].isupper() and t.endswith(".") for t in texts)  # sentence case
    assert any("..." in t for t in texts)
    assert any(ord(t[-1]) > 0x2000 for t in texts)  # an emoji
    names = re.compile(r"\b(" + "|".join(map(re.escape, templates.NAMES)) + r")\b", re.I)
    named = [t for t in texts if names.search(t)]
    masked = [t for t in texts if templates.NAME_MASK in t]
    assert named and masked
    assert 0.03 < len(masked) / (len(named) + len(masked)) < 0.25


# Swear words and slurs a calm threat must never lean on (matched as whole words).
RUDE = (
    "fuck", "fucking", "shit", "bitch", "cunt", "bastard", "asshole", "arsehole", "dick",
    "prick", "twat", "whore", "slut", "damn", "crap", "retard", "fag", "faggot", "idiot",
    "moron", "stupid", "scum", "loser", "pig", "kys",
)  # fmt: skip
RUDE_RE = re.compile(r"\b(" + "|".join(RUDE) + r")\b", re.IGNORECASE)


def test_quiet_menace_is_calm_and_never_kind():
    rng = random.Random(4)
    for _ in range(3000):
        text, toxic, threat, kind, _family = templates.case("quiet_menace", rng)
        assert (toxic, threat, kind) == (1, 1, 0), text
        assert not RUDE_RE.search(text), text
        assert "!" not in text, text  # no shouting either
        words = re.findall(r"[A-Za-z]+", text.replace(templates.NAME_MASK, ""))
        assert not any(w.isupper() and len(w) > 3 for w in words), text


def test_a_warm_or_plain_label_comes_from_parts_of_that_kind_only():
    # personal_detail_warm's label is the list its lines and follow-ups were drawn from: none
    # may be in both the kind and the plain lists, or the same words would carry both labels.
    # (Greetings are shared on purpose: "hiya," decides nothing.)
    pairs = [(templates.WARM_SOLO_KIND, templates.WARM_SOLO_PLAIN)]
    pairs += [(templates.WARM_AFTER[t], templates.PLAIN_AFTER[t]) for t in templates.FACTS]
    for kind_parts, plain_parts in pairs:
        assert kind_parts and plain_parts
        assert not set(kind_parts) & set(plain_parts)


def test_the_plain_and_warm_families_are_never_rude():
    rng = random.Random(6)
    for family in ("everyday_kindness", "everyday_plain", "personal_detail_warm"):
        for _ in range(2000):
            text = templates.case(family, rng)[0]
            assert not RUDE_RE.search(text), (family, text)


@pytest.mark.parametrize("family", templates.FAMILIES)
def test_a_family_makes_many_distinct_texts_and_repeats_none_much(family):
    rng = random.Random(11)
    counts = Counter(templates.case(family, rng)[0] for _ in range(4000))
    assert len(counts) >= 1500, len(counts)
    assert counts.most_common(1)[0][1] <= 40, counts.most_common(3)


def test_no_bench_case_is_generated_or_shares_seven_words_in_a_row():
    # A draw as large as a retrain's (8000, the trainer's seed), and more.
    seed = train_classifier_v3.DEFAULT_SEED
    drawn = [row.text for row in train_classifier_v3.everyday(8000, seed)]
    assert_no_overlap(drawn + [t for t, *_ in draws(20261205, 400) + draws(3, 400)])


def test_the_trainer_draws_every_family_by_its_share():
    # Every family has the same share, so ask for a whole number of draws per family.
    n = 20 * len(templates.FAMILIES)
    rows = train_classifier_v3.everyday(n, seed=3)
    assert len(rows) == n
    assert {r.source for r in rows} == {f"augment:{f}" for f in templates.FAMILIES}
    assert rows == train_classifier_v3.everyday(n, seed=3)
    labels = {(r.toxic, r.threat, r.kind) for r in rows if r.source == "augment:quiet_menace"}
    assert labels == {(1, 1, 0)}

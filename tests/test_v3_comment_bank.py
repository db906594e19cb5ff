"""The hand-written comment bank (``tools/v3_comment_bank.jsonl``, read by the trainer's
``--bank``): every family carries its labels, the rows are distinct, and none is a bench case
or shares seven words in a row with one."""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

from bench_overlap import assert_no_overlap

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import train_classifier_v3  # noqa: E402

BANK = ROOT / "tools" / "v3_comment_bank.jsonl"
# (toxic, threat, kind) of each family.
LABELS = {
    "hype_slang": (0, 0, 1),
    "kind_with_edge": (0, 0, 1),
    "counter_speech": (0, 0, 1),
    "identity_positive": (0, 0, 1),
    "support_reply": (0, 0, 1),
    "thanks_specific": (0, 0, 1),
    "neutral_comment": (0, 0, 0),
    "backhanded": (1, 0, 0),
    "sarcastic_thanks": (1, 0, 0),
    "slang_insult": (1, 0, 0),
    "quiet_bullying": (1, 0, 0),
    "calm_threat": (1, 1, 0),
    "selfharm_push": (1, 1, 0),
    "cheerful_hate": (1, 0, 0),
    # one sincere, kind twin of a mean row's shape ("congrats on...", "for a first try")
    "sincere_twin": (0, 0, 1),
}


def bank_rows():
    return train_classifier_v3.read_bank(BANK)


def test_every_family_has_its_labels_and_enough_rows():
    rows = bank_rows()
    counts = Counter(row.source.removeprefix("bank:") for row in rows)
    assert set(counts) == set(LABELS)
    assert min(counts.values()) >= 60, counts
    for row in rows:
        assert (row.toxic, row.threat, row.kind) == LABELS[row.source[5:]], row.text


def test_rows_are_distinct_and_clean():
    # distinct even with case, punctuation and emoji set aside; a mean row and its sincere twin
    # may differ by those alone ("your 'art'" and "your art"), since their labels differ
    seen = {}
    for row in bank_rows():
        letters = " ".join(re.findall(r"[^\W\d_]+", row.text.lower()))
        labels = (row.toxic, row.threat, row.kind)
        assert seen.setdefault((letters, labels), row.text) == row.text, row.text
    for line in BANK.read_text(encoding="utf-8").splitlines():
        text = json.loads(line)["text"]  # as written, before the trainer strips it
        assert text == text.strip() and "\n" not in text and "  " not in text, text


def test_no_row_is_a_bench_case_or_shares_seven_words_in_a_row_with_one():
    assert_no_overlap(row.text for row in bank_rows())


def test_every_line_is_one_json_object_with_exactly_the_banks_keys():
    for line in BANK.read_text(encoding="utf-8").splitlines():
        assert set(json.loads(line)) == {"text", "family", "toxic", "threat", "kind"}, line

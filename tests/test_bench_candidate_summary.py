"""``bench/candidate_summary.py``: the counts behind each line it prints."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import candidate_summary  # noqa: E402
from generations import Case  # noqa: E402


def case(toxic=False, threat=False, kind=False, group="g"):
    return Case("text", group, "en", toxic, threat, kind)


def test_counts_tally_toxic_and_threats_published_and_kind_held():
    cases = [
        case(toxic=True), case(toxic=True), case(toxic=True, threat=True),
        case(kind=True), case(kind=True), case(),
    ]  # fmt: skip
    states = ["published", "needs_review", "published", "needs_review", "published", "rejected"]

    n = candidate_summary.counts(cases, states)

    assert n == {"toxic": 3, "toxic_published": 2, "threats": 1, "threats_published": 1,
                 "kind": 2, "kind_held": 1}  # fmt: skip
    assert "toxic published 2/3 (66.7%)" in candidate_summary.line("set", n)
    assert "threats published 1/1" in candidate_summary.line("set", n)
    assert "kind held 1/2 (50.0%)" in candidate_summary.line("set", n)


def test_a_set_without_kind_cases_says_so_rather_than_dividing_by_zero():
    n = candidate_summary.counts([case(toxic=True)], ["rejected"])
    assert candidate_summary.line("set", n).endswith("kind held -")


def test_toxic_published_per_source():
    cases = [case(toxic=True, group="a"), case(toxic=True, group="a"), case(toxic=True, group="b")]
    states = ["published", "needs_review", "needs_review"]
    assert candidate_summary.per_source(cases, states) == "a 1/2, b 0/1"

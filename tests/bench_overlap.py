"""Training templates must not copy the bench's hand-written cases: no generated text may be a
bench case, nor share a run of seven words with one. A failure names the shared runs of the sets
a template writer may read, and only counts those of the sets no template writer may read (the
held-out ``adversarial_blind3``, the blind sets of other languages ``adversarial_blind_<lang>``,
the comment-section dev sets ``comment_dev`` and ``comment_dev2``, the identity set
``adversarial_identity`` and the self-harm set ``selfharm_blind``), whose wording must never
steer a template (what their failures prompted is said where it happened: the README). Words
are runs of letters in any script (accents included), so French templates are checked as English
ones are."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "bench"
SEEN = (
    "adversarial_dev.jsonl",
    "adversarial_dev_fr2.jsonl",
    "adversarial_fresh.jsonl",
    "adversarial_blind2.jsonl",
    "selfharm_dev.jsonl",
)
HELD_OUT = (
    "adversarial_blind3.jsonl",
    "comment_dev.jsonl",
    "comment_dev2.jsonl",
    "adversarial_identity.jsonl",
    "selfharm_blind.jsonl",
    *sorted(path.name for path in BENCH.glob("adversarial_blind_[a-z][a-z].jsonl")),
)
WORDS = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")


def shingles(text: str, n: int = 7) -> set[tuple[str, ...]]:
    words = WORDS.findall(text.lower())
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def cases(name: str) -> list[str]:
    lines = (BENCH / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["text"] for line in lines if line.strip()]


def assert_no_overlap(generated: Iterable[str]) -> None:
    texts = list(generated)
    lowered = {t.lower() for t in texts}
    made = set().union(*(shingles(t) for t in texts))
    for name in (*SEEN, *HELD_OUT):
        bench = cases(name)
        copies = lowered & {c.lower() for c in bench}
        shared = made & set().union(*(shingles(c) for c in bench))
        shown = name not in HELD_OUT
        assert not copies, (name, len(copies), sorted(copies)[:3] if shown else "not shown")
        assert not shared, (name, len(shared), sorted(shared)[:5] if shown else "not shown")

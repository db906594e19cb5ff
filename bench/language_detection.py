"""How often language detection scores non-English text as English, and what it costs English.

``core/text/language.detect_language`` answers a language code, ``None`` (too little text to
tell: scored as usual), ``und`` (not recognisably English, language unknown: review) or ``mul``
(English with a clause in another language: review). This
prints, for the English dev rows (``moderation-dev``), how many are called another language or
``und`` (each one a kind or harmless English comment sent to review), and for each source and
language of ``moderation-train-v2/multilingual.jsonl`` how many rows would be scored as English
(detected ``en`` or ``None``): the rows an English-only classifier would silently judge.

    .venv/bin/python bench/language_detection.py [--sample 3000] [--seed 2]

Note that the multilingual sources hold some English rows of their own (tweets in English among
the Hindi and German ones), so "scored as English" there is not all error.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kindness_challenge.core.text.language import (  # noqa: E402
    MIXED,
    UNDETERMINED,
    detect_language,
)

DATA = Path(os.environ.get("KINDNESS_SHARED_DATA") or ROOT.parent / "shared" / "data")


def read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sample", type=int, default=3000, help="multilingual rows (0: all)")
    parser.add_argument("--seed", type=int, default=2)
    args = parser.parse_args(argv)

    dev = read(DATA / "moderation-dev" / "ok.jsonl") + read(DATA / "moderation-dev" / "toxic.jsonl")
    started = time.perf_counter()
    found = [detect_language(row["text"]) for row in dev]
    elapsed = time.perf_counter() - started
    print(f"English dev rows: {len(dev)} ({elapsed / len(dev) * 1e6:.0f} µs a text)")
    print(f"  {'':12} {'rows':>6} {'en':>6} {'None':>6} {'und':>6} {'mul':>6} {'other':>6}")
    for label in ("ok", "toxic"):
        codes = [code for code, row in zip(found, dev, strict=True) if row["label"] == label]
        tally = Counter(
            "other" if code not in ("en", None, UNDETERMINED, MIXED) else code for code in codes
        )
        print(
            f"  {label:12} {len(codes):6d} {tally['en']:6d} {tally[None]:6d} "
            f"{tally[UNDETERMINED]:6d} {tally[MIXED]:6d} {tally['other']:6d}"
        )

    rows = [row for row in read(DATA / "moderation-train-v2" / "multilingual.jsonl")]
    random.Random(args.seed).shuffle(rows)
    if args.sample:
        rows = rows[: args.sample]
    print(f"\nmoderation-train-v2 multilingual rows: {len(rows)} (seed {args.seed})")
    print(
        f"  {'source/lang':24} {'rows':>6} {'scored as English':>18} {'und':>6} {'mul':>6} "
        f"{'other':>6}"
    )
    groups: dict[str, Counter] = {}
    for row in rows:
        code = detect_language(row["text"])
        key = f"{row['category'].split(':')[0]}/{row['lang']}"
        kind = "english" if code in ("en", None) else code
        kind = kind if kind in ("english", UNDETERMINED, MIXED) else "other"
        groups.setdefault(key, Counter())[kind] += 1
    total = Counter()
    for key in sorted(groups):
        tally = groups[key]
        total += tally
        n = sum(tally.values())
        print(
            f"  {key:24} {n:6d} {tally['english']:8d} ({tally['english'] / n:6.1%})"
            f" {tally[UNDETERMINED]:6d} {tally[MIXED]:6d} {tally['other']:6d}"
        )
    non_english = sum(
        tally
        for key, group in groups.items()
        if not key.endswith("/en")
        for tally in [sum(group.values()) - group["english"]]
    )
    n_non = sum(sum(group.values()) for key, group in groups.items() if not key.endswith("/en"))
    print(
        f"  non-English sources: {n_non - non_english} of {n_non} scored as English "
        f"({(n_non - non_english) / n_non:.1%})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

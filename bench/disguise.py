"""Disguises people use to slip a word past a filter: one function per family.

Each family takes ``(text, rng)`` (``rng`` a ``random.Random``, so a seed makes it repeatable)
and disguises the words a filter would look for: every word of a small list of insults, slurs
and threats (matched by prefix, so "stupidity" and "killing" count), or, where the text has
none, its longest word of four letters or more. Other words are left as they are, as people do.

``FAMILIES`` maps each family's name to its function. The families that ``scoring_text`` is
meant to undo are all but ``typo`` (a swapped or dropped letter, which no normaliser can undo
without a dictionary; it is here to show what is left to the classifier).

    .venv/bin/python bench/disguise.py "You are a stupid idiot"    # prints every family
"""

from __future__ import annotations

import random
import re
import sys
from collections.abc import Callable

TARGET_STEMS = tuple(
    (
        "idiot stupid dumb moron retard loser trash scum garbage ugly fat pathetic worthless "
        "useless disgust filth vermin cockroach rat animal plague cancer parasite subhuman "
        "hate kill die dead murder shoot stab hang rape destroy exterminat "
        "fuck shit bitch ass whore slut cunt dick pussy bastard hoe "
        "fag dyke tranny nigg kike spic chink wetback raghead gook"
    ).split()
)
WORD = re.compile(r"[A-Za-z]+")

LEET = {"a": "4@", "e": "3", "i": "1!", "o": "0", "s": "5$", "t": "7", "g": "9", "b": "8"}
LEET.update({k.upper(): v for k, v in LEET.items()})
# Cyrillic and Greek letters that look like Latin ones.
CONFUSABLE = {
    "a": "аα", "c": "сϲ", "e": "е", "i": "іι", "j": "ј", "o": "оο", "p": "рρ", "s": "ѕ",
    "x": "х", "y": "у", "h": "һ", "d": "ԁ", "k": "к", "v": "ν", "w": "ԝ",
    "A": "АΑ", "B": "ВΒ", "C": "С", "E": "ЕΕ", "H": "НΗ", "I": "І", "K": "КΚ", "M": "МΜ",
    "N": "Ν", "O": "ОΟ", "P": "РΡ", "S": "Ѕ", "T": "ТΤ", "X": "ХΧ", "Y": "УΥ",
}  # fmt: skip
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"]
VOWELS = "aeiouAEIOU"

Family = Callable[[str, random.Random], str]


def targets(text: str) -> list[re.Match[str]]:
    """The words a family disguises: listed ones, else the longest of 4+ letters."""
    words = list(WORD.finditer(text))
    listed = [m for m in words if m[0].lower().startswith(TARGET_STEMS)]
    if listed:
        return listed
    long = [m for m in words if len(m[0]) >= 4]
    return [max(long, key=lambda m: len(m[0]))] if long else []


def _each_target(text: str, change: Callable[[str], str]) -> str:
    out, last = [], 0
    for match in targets(text):
        out += [text[last : match.start()], change(match[0])]
        last = match.end()
    return "".join(out) + text[last:]


def _substitute(word: str, rng: random.Random, table: dict[str, str], share: float) -> str:
    """Swap letters for look-alikes from ``table``: each with chance ``share``, at least one."""
    spots = [i for i, c in enumerate(word) if c in table]
    if not spots:
        return word
    chosen = {i for i in spots if rng.random() < share} or {rng.choice(spots)}
    chars = list(word)
    for i in chosen:
        chars[i] = rng.choice(table[chars[i]])
    return "".join(chars)


def leetspeak(text: str, rng: random.Random) -> str:
    """``stupid`` -> ``$tup1d``"""
    return _each_target(text, lambda w: _substitute(w, rng, LEET, 0.5))


def spaced(text: str, rng: random.Random) -> str:
    """``stupid`` -> ``s t u p i d``"""
    return _each_target(text, lambda w: " ".join(w))


def dotted(text: str, rng: random.Random) -> str:
    """``stupid`` -> ``s.t.u.p.i.d`` (or with -, _ or *)"""
    return _each_target(text, lambda w: rng.choice(".-_*").join(w))


def stretched(text: str, rng: random.Random) -> str:
    """``stupid`` -> ``stuuuupiiid``: one or two vowels (or the last letter) repeated 3-6 times."""

    def stretch(word: str) -> str:
        spots = [i for i, c in enumerate(word) if c in VOWELS] or [len(word) - 1]
        chosen = set(rng.sample(spots, min(len(spots), rng.choice((1, 2)))))
        return "".join(c * rng.randint(3, 6) if i in chosen else c for i, c in enumerate(word))

    return _each_target(text, stretch)


def zero_width(text: str, rng: random.Random) -> str:
    """``stupid`` -> ``stu\\u200bpid``: invisible characters between letters."""

    def insert(word: str) -> str:
        gaps = range(1, len(word))
        chosen = set(rng.sample(gaps, max(1, len(gaps) // 2)))
        return "".join(
            (rng.choice(INVISIBLE) if i in chosen else "") + c for i, c in enumerate(word)
        )

    return _each_target(text, insert)


def confusable(text: str, rng: random.Random) -> str:
    """``stupid`` -> ``ѕtuріd``: Cyrillic and Greek look-alike letters."""
    return _each_target(text, lambda w: _substitute(w, rng, CONFUSABLE, 0.6))


SIMPLE: dict[str, Family] = {
    "leetspeak": leetspeak,
    "spaced": spaced,
    "dotted": dotted,
    "stretched": stretched,
    "zero_width": zero_width,
    "confusable": confusable,
}


def mixed(text: str, rng: random.Random) -> str:
    """Two of leetspeak, stretched, zero-width and look-alikes on each word: ``$tuuuр1d``."""

    def both(word: str) -> str:
        first, second = rng.sample(["leetspeak", "stretched", "confusable", "zero_width"], 2)
        return SIMPLE[second](SIMPLE[first](word, rng), rng)

    return _each_target(text, both)


def typo(text: str, rng: random.Random) -> str:
    """``stupid`` -> ``stpuid`` or ``stupd``: a swapped or dropped letter (not undoable)."""

    def change(word: str) -> str:
        i = rng.randrange(1, len(word) - 1) if len(word) > 2 else 0
        if rng.random() < 0.5 and i + 1 < len(word):
            return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        return word[:i] + word[i + 1 :]

    return _each_target(text, change)


FAMILIES: dict[str, Family] = {**SIMPLE, "mixed": mixed, "typo": typo}
UNDONE = tuple(name for name in FAMILIES if name != "typo")


def disguise(text: str, family: str, seed: int | str = 0) -> str:
    """``text`` disguised by ``family``, the same every time for the same seed."""
    return FAMILIES[family](text, random.Random(f"{family}:{seed}:{text}"))


if __name__ == "__main__":
    sample = " ".join(sys.argv[1:]) or "You are a stupid idiot and I hate you"
    for name in FAMILIES:
        print(f"{name:>11}: {disguise(sample, name)!r}")

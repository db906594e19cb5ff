"""The matching form: what word lists are matched against, never what is shown.

Case-folded, Unicode NFKC (so full-width and stylised letters become plain ones), invisible
characters removed, diacritics and other combining marks stripped, common letter substitutions
undone (``1d10t`` -> ``idiot``, ``$hut up`` -> ``shut up``), stretched letters squeezed
(``stuuupid`` -> ``stupid``), and letters spaced or dotted apart rejoined (``k y s``,
``i.d.i.o.t`` -> ``kys``, ``idiot``). The tables are ``tables``'; the form a classifier reads
is ``scoring_form``'s.

Some texts read more than one way, and a phrase matches when any reading has it:

* a one-letter word ("a", "I", "u") beside letters spelled apart is a word of its own, or the
  spelled word's first or last letter: "you are a l o s e r" reads "you are aloser" and "you
  are a loser"; "a s s" reads "ass";
* where the gaps inside spelled-apart letters differ, the wider ones may be word breaks
  (``"y o u  a r e  d u m b"``, two spaces between words; ``"a l.o.s.e.r"``);
* look-alike letters of other scripts read as Latin ones in a Latin text ("lоѕеr" with
  Cyrillic о, ѕ, е), while a genuine Cyrillic or Greek word keeps its letters.

``normalize`` returns the first reading (letters spelled apart joined whole, look-alikes
kept), which is what a list entry stores and what spots a repeated text, as a ``MatchingText``:
a ``str`` that carries every reading for ``find_phrase``.
"""

from __future__ import annotations

import itertools
import re
import unicodedata

from .tables import (
    LEET_TABLE,
    STRETCHED,
    confusable_table,
    fold_confusables,
    is_latin_text,
    remove_invisible,
)

WORD = re.compile(r"[^\W_]+", re.UNICODE)
URL = re.compile(
    r"(?i)\b(?:https?://|www\.)\S+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|io|ly|gg|co|me|"
    r"info|biz|xyz|app|link|tv|uk|de|fr|ru|cn)\b(?:/\S*)?"
)
MARKS = ("Mn", "Me")  # combining marks: accents, overlays ("l̸"), enclosing circles ("l⃝")
# One-letter words that may stand beside letters spelled apart ("u" is text-speak "you").
ONE_LETTER_WORDS = frozenset("aiu")
# How letters spelled apart are read: (split at wider gaps, first letter a word, last letter a
# word). The first is the usual reading.
SPELLINGS = list(itertools.product((False, True), repeat=3))


class MatchingText(str):
    """A text's matching form: the ``str`` is its usual reading; ``readings`` holds every
    reading ``find_phrase`` looks in, the usual one first."""

    readings: tuple[str, ...]

    def __new__(cls, reading: str, *others: str) -> MatchingText:
        self = super().__new__(cls, reading)
        self.readings = (str(reading), *others)
        return self


def _fold(text: str, lookalikes: bool = False) -> str:
    if not text.isascii():
        text = remove_invisible(unicodedata.normalize("NFKC", text))
        if lookalikes:
            # Words mixing Latin letters with look-alikes first; then, if that leaves a Latin
            # text, words made only of look-alikes ("а" for "a").
            table = confusable_table()
            words = [fold_confusables(w, table, False) for w in re.split(r"(\s+)", text)]
            latin = is_latin_text("".join(words))
            text = "".join(fold_confusables(word, table, latin) for word in words)
    text = text.casefold()
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if unicodedata.category(c) not in MARKS)


def _words(folded: str) -> tuple[list[str], list[str]]:
    """The words of a folded text, and what separates each from the next."""
    words: list[str] = []
    gaps: list[str] = []
    between = ""
    parts = re.split(r"(\s+)", folded)
    for chunk, space in itertools.zip_longest(parts[::2], parts[1::2], fillvalue=""):
        # Undo substitutions only inside words that also contain letters ("2024" stays a
        # number), and squeeze letters repeated three or more times ("stuuupid" -> "stupid").
        if any(c.isalpha() for c in chunk):
            # A "!" or "|" ending a word is punctuation, not an "i".
            body = chunk.rstrip("!|")
            chunk = body.translate(LEET_TABLE) + chunk[len(body) :]
        chunk = STRETCHED.sub(r"\1", chunk)
        last = 0
        for match in WORD.finditer(chunk):
            if words:
                gaps.append(between + chunk[last : match.start()])
            words.append(match[0])
            between, last = "", match.end()
        between += chunk[last:] + space
    return words, gaps


def _width(gap: str) -> tuple[int, int]:
    return sum(c.isspace() for c in gap), len(gap)


def _spell(letters: list[str], gaps: list[str], spelling: tuple[bool, bool, bool]) -> list[str]:
    """Words from a run of single letters, read the ``spelling`` way."""
    split, first_alone, last_alone = spelling
    groups = [[letters[0]]]
    narrowest = min(map(_width, gaps))
    for letter, gap in zip(letters[1:], gaps, strict=True):
        if split and _width(gap) > narrowest:
            groups.append([])
        groups[-1].append(letter)
    out: list[str] = []
    for group in groups:
        head = tail = []
        if first_alone and len(group) >= 3 and group[0] in ONE_LETTER_WORDS:
            head, group = group[:1], group[1:]
        if last_alone and len(group) >= 3 and group[-1] in ONE_LETTER_WORDS:
            group, tail = group[:-1], group[-1:]
        out += head + ["".join(group)] + tail
    return out


def _runs(words: list[str]) -> list[tuple[int, int]]:
    """(start, end) of each run of 2+ single letters."""
    runs, start = [], 0
    for single, group in itertools.groupby(words, key=lambda word: len(word) == 1):
        end = start + len(list(group))
        if single and end - start >= 2:
            runs.append((start, end))
        start = end
    return runs


def _readings(words: list[str], gaps: list[str]) -> list[str]:
    """Every reading of the words: each run of single letters read each ``SPELLINGS`` way."""
    runs = _runs(words)
    if not runs:
        return [" ".join(words)]
    readings = []
    for spelling in SPELLINGS:
        out, last = [], 0
        for start, end in runs:
            out += words[last:start] + _spell(words[start:end], gaps[start : end - 1], spelling)
            last = end
        readings.append(" ".join(out + words[last:]))
    return readings


def normalize(text: str) -> MatchingText:
    """The matching form of a text or phrase: normalised words joined by single spaces."""
    folded = [_fold(text)]
    if not text.isascii():
        folded.append(_fold(text, lookalikes=True))
    readings = [reading for f in folded for reading in _readings(*_words(f))]
    return MatchingText(*dict.fromkeys(readings))


def find_phrase(normalized_text: str, normalized_phrase: str) -> bool:
    """Whole-word match of a normalised phrase in any reading of a normalised text (a plain
    ``str`` is one reading)."""
    if not normalized_phrase:
        return False
    phrase = f" {normalized_phrase} "
    readings = getattr(normalized_text, "readings", (normalized_text,))
    return any(phrase in f" {reading} " for reading in readings)


def find_links(text: str) -> list[str]:
    return URL.findall(remove_invisible(unicodedata.normalize("NFKC", text)))

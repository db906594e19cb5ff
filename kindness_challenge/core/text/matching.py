"""The matching form: what word lists are matched against, never what is shown.

Case-folded, Unicode NFKC (so full-width and stylised letters become plain ones), invisible
characters removed, diacritics stripped, common letter substitutions
undone (``1d10t`` -> ``idiot``, ``$hut up`` -> ``shut up``), stretched letters squeezed
(``stuuupid`` -> ``stupid``), and letters spaced or dotted apart rejoined (``k y s``,
``i.d.i.o.t`` -> ``kys``, ``idiot``). The tables are ``tables``'; the form a classifier reads
is ``scoring_form``'s.
"""

from __future__ import annotations

import re
import unicodedata

from .tables import LEET_TABLE, STRETCHED, remove_invisible

WORD = re.compile(r"[^\W_]+", re.UNICODE)
URL = re.compile(
    r"(?i)\b(?:https?://|www\.)\S+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|io|ly|gg|co|me|"
    r"info|biz|xyz|app|link|tv|uk|de|fr|ru|cn)\b(?:/\S*)?"
)


def _fold(text: str) -> str:
    text = remove_invisible(unicodedata.normalize("NFKC", text)).casefold()
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
            chunk = body.translate(LEET_TABLE) + chunk[len(body) :]
        chunk = STRETCHED.sub(r"\1", chunk)
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


def find_links(text: str) -> list[str]:
    return URL.findall(remove_invisible(unicodedata.normalize("NFKC", text)))

"""A text without its decoration: emoji and pictographic symbols, emoticons, hashtags and tokens
of numbers and symbols.

A harmless tail ("[12345-7]", "#weekend #sunshine", three smiling emoji, ":) ^^ <3") must not
make an insult or a threat read as kind: a sentence model pools every token, so decoration
dilutes what matters, and emoji alone read as warmth. The multilingual scorer
(``scoring.e5_heads``) reads a decorated text, and its clauses, twice, as written and
undecorated, and keeps the higher toxicity and threat and the lower kindness: decoration can
make a text no kinder and no less harmful. Flask-free.
"""

from __future__ import annotations

import unicodedata

import regex

# Emoji (with their joiners, variation selectors, skin tones and keycaps), flags, and every other
# pictographic symbol (★ ✿ ♡ ☀ ◕).
_EMOJI = (
    r"[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\p{So}"
    r"\u200d\ufe0e\ufe0f\u20e3]"
)
_INSIDE_A_WORD = regex.compile(rf"(?<=\p{{L}}){_EMOJI}+(?=\p{{L}})")  # "t🌸uer" is "tuer"
_ANYWHERE = regex.compile(_EMOJI)
_HASHTAG = regex.compile(r"(?<!\w)#\w+")
# A token with a digit and no letter: "[12345-7]", "2024", "+33", "10/10", "<3".
_NUMBER_TOKEN = regex.compile(r"(?<!\S)[^\s\p{L}]*\p{N}[^\s\p{L}]*(?!\S)")
# A token of symbols and punctuation marks (":)", "^^", "-_-", "(｡‿｡)"), not only
# sentence punctuation ("!!!", "...", French " : " and " ! " stay), or a face with letters.
_SYMBOL_TOKEN = regex.compile(
    r"(?<!\S)(?:(?![.!?,;:…]+(?!\S))[^\s\p{L}\p{N}]+|[:;=8]['-]?[DPpOoSsXx]+|[xX][dD]+"
    r"|[xX]'?[pP])(?!\S)"
)
_SPACE = regex.compile(r"\s+")
_LETTER = regex.compile(r"\p{L}")


def undecorated(text: str) -> str:
    """``text`` (NFKC) without emoji and pictographic symbols (dropped inside a word, else a
    space), hashtags, number tokens and emoticons, spaces collapsed; "" when no letter is left
    (a text of emoji or numbers only has nothing else to read)."""
    bare = _INSIDE_A_WORD.sub("", unicodedata.normalize("NFKC", text))
    bare = _ANYWHERE.sub(" ", bare)
    bare = _SYMBOL_TOKEN.sub(" ", _NUMBER_TOKEN.sub(" ", _HASHTAG.sub(" ", bare)))
    bare = _SPACE.sub(" ", bare).strip()
    return bare if _LETTER.search(bare) else ""

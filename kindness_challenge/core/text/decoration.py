"""A text without its decoration: emoji, hashtags and tokens of numbers and symbols.

A harmless tail ("[12345-7]", "#weekend #sunshine", three smiling emoji) must not make an insult
or a threat read as kind: a sentence model pools every token, so decoration dilutes what
matters, and emoji alone read as warmth. The multilingual scorer (``scoring.e5_heads``) reads a
decorated text twice, as written and undecorated, and keeps the higher toxicity and threat and
the lower kindness: decoration can make a text no kinder and no less harmful. Flask-free.
"""

from __future__ import annotations

import regex

# Emoji (with their joiners, variation selectors, skin tones and keycaps) and flags.
_EMOJI = regex.compile(
    r"[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\u200d\ufe0e\ufe0f\u20e3]"
)
_HASHTAG = regex.compile(r"(?<!\w)#\w+")
# A token with a digit and no letter: "[12345-7]", "2024", "+33", "10/10".
_NUMBER_TOKEN = regex.compile(r"(?<!\S)[^\s\p{L}]*\p{N}[^\s\p{L}]*(?!\S)")
_SPACE = regex.compile(r"\s+")
_LETTER = regex.compile(r"\p{L}")


def undecorated(text: str) -> str:
    """``text`` without emoji, hashtags and number tokens, spaces collapsed; "" when no letter
    is left (a text of emoji or numbers only has nothing else to read)."""
    bare = _NUMBER_TOKEN.sub(" ", _HASHTAG.sub(" ", _EMOJI.sub(" ", text)))
    bare = _SPACE.sub(" ", bare).strip()
    return bare if _LETTER.search(bare) else ""

"""Emoji as their names, for a sentence model whose vocabulary has no emoji.

all-MiniLM-L6-v2's tokenizer reads every emoji as ``[UNK]``, and a run of them as one ``[UNK]``:
"you are a genius 🤡" and "you are a genius 🥰" are the same text to it, and so are a knife and
a heart after a threat. Comment sections say much with emoji, so an adapter trained with
``--emoji-words`` reads each emoji as its CLDR short name, in English, from the pinned ``emoji``
package ("🤡" as "clown face", "🙏" as "folded hands"), training and scoring alike.

Skin-tone modifiers are dropped first (a tone says nothing about kindness, and "dark skin tone"
must not be a reason to hold a moment), and a run of the same emoji is named once ("🔥🔥🔥" as
"fire"): it is the emoji's meaning that the model needs, not how often it was pressed.
"""

from __future__ import annotations

import re

import emoji

_SKIN_TONES = re.compile("[\U0001f3fb-\U0001f3ff]")


def _name(symbol: str) -> str:
    data = emoji.EMOJI_DATA.get(symbol)
    if data is None:  # a sequence the package does not list by itself: name its parts
        return " ".join(_name(part) for part in symbol if part in emoji.EMOJI_DATA)
    return data["en"].strip(":").replace("_", " ")


def emoji_words(text: str) -> str:
    """``text`` with each emoji replaced by its English name, set off by spaces; a run of the
    same emoji (whatever the spaces between) named once. Text without emoji comes back as it
    was."""
    if not emoji.emoji_count(text):
        return text
    text = _SKIN_TONES.sub("", text)
    pieces: list[str] = []
    at = 0
    previous = None
    for found in emoji.emoji_list(text):
        between = text[at : found["match_start"]]
        name = _name(found["emoji"])
        at = found["match_end"]
        if not between.strip() and name == previous:
            continue
        pieces += [between, f" {name} "]
        previous = name
    pieces.append(text[at:])
    joined = re.sub(r"[^\S\n]{2,}", " ", "".join(pieces))
    return re.sub(r"[^\S\n]*\n[^\S\n]*", "\n", joined).strip()

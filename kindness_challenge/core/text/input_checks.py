"""Checks on what people type, with messages that say exactly what to fix.

Emoji and every script are welcome. Refused: control characters, bidirectional overrides (they
can disguise text), unpaired surrogates and Unicode noncharacters, and text with nothing visible.
Everything stored is NFC-normalised; what is shown is always escaped by the templates.
"""

from __future__ import annotations

import unicodedata

from ..translatable import N_, Explained
from .tables import is_invisible

# Bidirectional embedding/override/isolate controls: used to make text read differently.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


class TextProblem(Explained):
    """The text cannot be accepted; ``str(self)`` is a message for the person who typed it
    (``message`` and ``values`` to translate it, ``field`` among them)."""


def _describe(char: str) -> str:
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X}" + (f" ({name.lower()})" if name else "")


def clean_text(value: str, *, multiline: bool, field: str) -> str:
    """Return the NFC-normalised, trimmed text, or raise ``TextProblem`` saying what is wrong."""
    allowed_controls = {"\n", "\t"} if multiline else set()
    value = value.replace("\r\n", "\n").replace("\r", "\n") if multiline else value
    for char in value:
        category = unicodedata.category(char)
        if category == "Cc" and char not in allowed_controls:
            if char in "\n\r\t":
                raise TextProblem(N_("%(field)s must be on a single line."), field=field)
            raise TextProblem(
                N_(
                    "%(field)s contains an invisible control character (%(char)s); "
                    "please remove it."
                ),
                field=field,
                char=_describe(char),
            )
        if char in BIDI_CONTROLS:
            raise TextProblem(
                N_(
                    "%(field)s contains a text-direction override (%(char)s), which can "
                    "disguise what text says; please remove it."
                ),
                field=field,
                char=_describe(char),
            )
        if category == "Cs":
            raise TextProblem(
                N_("%(field)s contains a broken character; please retype it."), field=field
            )
        code = ord(char)
        if 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE:
            raise TextProblem(
                N_("%(field)s contains a character that is not meant for text (%(char)s)."),
                field=field,
                char=_describe(char),
            )
    value = unicodedata.normalize("NFC", value).strip()
    visible = [
        c
        for c in value
        if not c.isspace()
        and not is_invisible(c)
        and unicodedata.category(c) not in ("Mn", "Me", "Cf", "Zs")
    ]
    if value and not visible:
        raise TextProblem(N_("%(field)s has no visible characters."), field=field)
    return value

"""How long a text is, the one definition the share form's counter and the server share.

Length is counted in user-perceived characters: extended grapheme clusters (Unicode UAX #29).
A flag (🇫🇷, two code points), a family emoji joined with zero-width joiners (👨‍👩‍👧‍👦, seven),
an emoji with a skin tone (👍🏽, two) and a letter with a combining accent (e + U+0301) each
count as one, as a person counting them would. The counter in static/share.js counts the same
with ``Intl.Segmenter`` (granularity "grapheme"), on the trimmed text as the server stores it;
a line break counts as one either way (CR LF is one cluster).

One cluster may hold many code points, so a text could hide thousands of combining marks in one
"character": a cluster of more than ``CLUSTER_MAX_CODE_POINTS`` is refused with its own message.
"""

from __future__ import annotations

import regex

_CLUSTER = regex.compile(r"\X")

# The longest real clusters are emoji ZWJ sequences with skin tones (a family: 11 code points).
CLUSTER_MAX_CODE_POINTS = 32


def text_length(value: str) -> int:
    """The number of user-perceived characters (extended grapheme clusters) in ``value``."""
    return sum(1 for _ in _CLUSTER.finditer(value))


def overloaded_cluster(value: str) -> str | None:
    """The first cluster with more than ``CLUSTER_MAX_CODE_POINTS`` code points, else None."""
    if len(value) <= CLUSTER_MAX_CODE_POINTS:
        return None
    for match in _CLUSTER.finditer(value):
        if len(match.group()) > CLUSTER_MAX_CODE_POINTS:
            return match.group()
    return None

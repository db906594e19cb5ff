"""What the event display (/display) shows, and in what order. No Flask here.

Featured and recent moments take turns, so each kind gets half the screen time: with one
featured moment and twenty recent ones, the featured one comes back every other turn and each
of the twenty is shown once per round. A recent moment that is also featured is shown as a
featured one only. With recent moments off (an operator's choice), or none yet, the featured
ones rotate alone; with none featured, the recent ones.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import TypeVar

import regex
import segno
from markupsafe import Markup

T = TypeVar("T")

# Display length (``display_length``) at which each type size starts (static/kindness.css,
# .display-size-*): the longer the text, the smaller the type, so that it fits any screen.
_CLUSTER = regex.compile(r"\X")
SIZE_STEPS = ((60, "xl"), (140, "l"), (260, "m"), (380, "s"))


def rotation(featured: Sequence[T], recent: Sequence[T], key=lambda m: m.id) -> list[T]:
    """One round of the display: featured and recent moments alternating."""
    featured_ids = {key(m) for m in featured}
    recent = [m for m in recent if key(m) not in featured_ids]
    if not featured or not recent:
        return list(featured or recent)
    turns = max(len(featured), len(recent))
    out: list[T] = []
    for n in range(turns):
        out.append(featured[n % len(featured)])
        out.append(recent[n % len(recent)])
    return out


def display_length(text: str) -> int:
    """``text_length``, with wide characters (CJK, emoji: about an em wide where a Latin letter
    is about half one) counted twice."""
    return sum(
        2 if unicodedata.east_asian_width(cluster[0]) in ("W", "F") else 1
        for cluster in _CLUSTER.findall(text)
    )


def size_class(text: str) -> str:
    """The display's type size for ``text``: "xl" for a short line down to "xs"."""
    length = display_length(text)
    for limit, name in SIZE_STEPS:
        if length <= limit:
            return name
    return "xs"


def qr_svg(url: str, label: str) -> Markup:
    """``url`` as a QR code, inline SVG sized by CSS (error correction M, quiet zone 2)."""
    code = segno.make(url, error="m")
    svg = code.svg_inline(
        scale=1, border=2, dark="#2b1a24", light="#ffffff", omitsize=True, svgclass="display-qr"
    )
    return Markup(svg.replace("<svg ", f'<svg role="img" aria-label="{Markup.escape(label)}" ', 1))

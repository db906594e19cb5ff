"""The fonts share cards are set in, and which one draws each character.

All come from PyPI packages, so every machine renders the same: Noto (SIL Open Font License 1.1)
from ``manimgx-fonts`` (Noto Sans, Noto Emoji, Noto Sans Symbols and Noto Sans for Arabic,
Hebrew, the Indic scripts, Thai, Khmer, Ethiopic...) and ``manimgx-fonts-cjk`` (Noto Sans CJK).
Each grapheme cluster is drawn by the first font whose character map has its first character
(emoji clusters go to Noto Emoji first), read once with fontTools. No Flask here.
"""

from __future__ import annotations

import functools
from pathlib import Path

import manimgx_fonts
import manimgx_fonts_cjk
from fontTools.ttLib import TTCollection, TTFont
from PIL import ImageFont

FONTS = Path(manimgx_fonts.__file__).parent
CJK = Path(manimgx_fonts_cjk.__file__).parent / "NotoSansCJK-VF.otf.ttc"
EMOJI = FONTS / "NotoEmoji[wght].ttf"
LATIN = FONTS / "NotoSans[wght].ttf"

# The order a character is looked for in: Latin, Greek and Cyrillic first, then the scripts
# Noto Sans lacks, symbols, CJK; emoji clusters try Noto Emoji first.
FALLBACK: tuple[Path, ...] = (
    LATIN,
    *sorted(p for p in FONTS.glob("NotoSans*.ttf") if p != LATIN and "Italic" not in p.name),
    EMOJI,
    CJK,
)


@functools.cache
def coverage(path: Path) -> frozenset[int]:
    """The code points ``path`` has glyphs for (the first face of a collection)."""
    if path.suffix == ".ttc":
        font = TTCollection(str(path), lazy=True).fonts[0]
    else:
        font = TTFont(str(path), lazy=True)
    cmap = font.getBestCmap() or {}
    font.close()
    return frozenset(cmap)


def is_emoji_cluster(cluster: str) -> bool:
    """Drawn as an emoji: a variation selector 16, a joiner, a skin tone, a regional indicator,
    or a character from the pictographic blocks."""
    for char in cluster:
        code = ord(char)
        if char in "\ufe0f\u200d" or 0x1F1E6 <= code <= 0x1F1FF or 0x1F3FB <= code <= 0x1F3FF:
            return True
        if 0x1F000 <= code <= 0x1FAFF or 0x2600 <= code <= 0x27BF:
            return True
    return False


def font_for(cluster: str) -> Path:
    """The file that draws ``cluster``: the first in the fallback order that has it."""
    first = ord(cluster[0])
    if is_emoji_cluster(cluster) and first in coverage(EMOJI):
        return EMOJI
    for path in FALLBACK:
        if first in coverage(path):
            return path
    return LATIN  # drawn as the missing-glyph box, never dropped silently


@functools.cache
def load(path: Path, size: int, weight: int, layout_engine=None) -> ImageFont.FreeTypeFont:
    """``path`` at ``size`` pixels and ``weight`` (a variable font's wght axis, where it has
    one)."""
    font = ImageFont.truetype(str(path), size, layout_engine=layout_engine)
    try:
        axes = font.get_variation_axes()
    except OSError:  # not a variable font
        return font
    values = []
    for axis in axes:
        if axis.get("name") in (b"Weight", "Weight"):
            values.append(max(axis["minimum"], min(axis["maximum"], weight)))
        else:
            values.append(axis["default"])
    font.set_variation_by_axes(values)
    return font

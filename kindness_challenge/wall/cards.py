"""Share cards: a 1200×630 PNG per published moment, in the wall's look, for og:image.

The text is set as large as fits (wrapped at spaces, or between characters in a word too long
for a line), with the author, who it is for, and the campaign mark. Every script and emoji is
drawn with fonts from PyPI (``fonts``). Pillow's raqm layout shapes each run (Arabic letters
join) and sets it in its direction; the runs of a line are ordered for the paragraph's
direction, taken from its first strong character as ``dir="auto"`` does. Without raqm (a Pillow
built without it) right-to-left runs are drawn reversed, unjoined but in reading order.

``CardCache`` keeps rendered cards per process, keyed by the moment and its content; the view
asks the database first, so a card whose moment has left the wall is never served. No Flask.
"""

from __future__ import annotations

import hashlib
import io
import threading
import unicodedata
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

import regex
from PIL import Image, ImageDraw, ImageFont, features

from . import fonts, mark

WIDTH, HEIGHT = 1200, 630
VERSION = "1"  # part of each card's key: a new design replaces every kept card
_CLUSTER = regex.compile(r"\X")
_SPACE = regex.compile(r"(\s+)")

TEXT_BOX = (110, 170, 1090, 500)  # left, top, right, bottom of the moment's text
SIZES = (64, 58, 52, 47, 42, 38, 34, 31, 28, 25, 22)
LINE_HEIGHT = 1.32


@dataclass(frozen=True)
class CardContent:
    id: int
    text: str
    display_name: str
    for_whom: str | None = None
    category_label: str | None = None

    @property
    def key(self) -> str:
        raw = "\x1f".join(
            [VERSION, self.text, self.display_name, self.for_whom or "", self.category_label or ""]
        )
        return hashlib.sha256(raw.encode()).hexdigest()[:20]


def raqm_available() -> bool:
    return bool(features.check("raqm"))


def _strong_direction(char: str) -> str | None:
    kind = unicodedata.bidirectional(char)
    if kind in ("R", "AL"):
        return "rtl"
    if kind == "L":
        return "ltr"
    return None


def paragraph_direction(text: str) -> str:
    """As ``dir="auto"``: the direction of the first strong character (LTR if none)."""
    for char in text:
        direction = _strong_direction(char)
        if direction:
            return direction
    return "ltr"


@dataclass
class Run:
    text: str
    font: Path
    direction: str | None  # None: neutral (spaces, punctuation, emoji) so far


def runs(line: str) -> list[Run]:
    """``line`` cut where the font or the strong direction changes; neutrals join the run
    before them."""
    out: list[Run] = []
    for cluster in _CLUSTER.findall(line):
        font = fonts.font_for(cluster)
        if cluster.isspace() and out and out[-1].font == fonts.EMOJI:
            font = fonts.LATIN  # Noto Emoji's spaces are an emoji wide
        direction = _strong_direction(cluster[0])
        last = out[-1] if out else None
        if (
            last is not None
            and last.font == font
            and (direction is None or last.direction in (None, direction))
        ):
            last.text += cluster
            last.direction = last.direction or direction
        elif last is not None and cluster.isspace() and last.font != fonts.EMOJI:
            last.text += cluster
        else:
            out.append(Run(cluster, font, direction))
    return out


def visual_order(line_runs: list[Run], base: str) -> list[Run]:
    """The runs left to right: in an RTL paragraph the order is reversed, except that
    consecutive LTR runs keep theirs (and the converse in an LTR paragraph)."""
    for run in line_runs:
        run.direction = run.direction or base
    groups: list[list[Run]] = []
    for run in line_runs:
        if groups and (run.direction == base) == (groups[-1][0].direction == base):
            groups[-1].append(run)
        else:
            groups.append([run])
    ordered = []
    for group in groups:
        if group[0].direction != base:
            group = list(reversed(group))
        ordered.append(group)
    if base == "rtl":
        ordered = [list(reversed(g)) for g in reversed(ordered)]
    return [run for group in ordered for run in group]


class Typesetter:
    """Measures and draws mixed-font, mixed-direction text at one size and weight."""

    def __init__(self, size: int, weight: int = 400, raqm: bool | None = None) -> None:
        self.size = size
        self.weight = weight
        self.raqm = raqm_available() if raqm is None else raqm
        self.engine = ImageFont.Layout.RAQM if self.raqm else ImageFont.Layout.BASIC

    def font(self, path: Path) -> ImageFont.FreeTypeFont:
        return fonts.load(path, self.size, self.weight, self.engine)

    def _args(self, run: Run) -> tuple[str, dict]:
        if self.raqm:
            return run.text, {"direction": run.direction or "ltr"}
        text = run.text[::-1] if run.direction == "rtl" else run.text
        return text, {}

    def width(self, line: str, base: str = "ltr") -> float:
        total = 0.0
        for run in runs(line):
            run.direction = run.direction or base
            text, args = self._args(run)
            total += self.font(run.font).getlength(text, **args)
        return total

    def draw(self, canvas: ImageDraw.ImageDraw, x: float, baseline: float, line: str,
             base: str, fill: str) -> None:  # fmt: skip
        for run in visual_order(runs(line), base):
            text, args = self._args(run)
            font = self.font(run.font)
            canvas.text((x, baseline), text, font=font, fill=fill, anchor="ls", **args)
            x += font.getlength(text, **args)


def wrap(typesetter: Typesetter, text: str, max_width: float, base: str) -> list[str]:
    """Lines of ``text`` no wider than ``max_width``: at spaces, else between characters."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for piece in _SPACE.split(paragraph):
            if not piece:
                continue
            candidate = line + piece
            if typesetter.width(candidate.rstrip(), base) <= max_width:
                line = candidate
                continue
            if piece.isspace():
                lines.append(line.rstrip())
                line = ""
                continue
            if line.strip():
                lines.append(line.rstrip())
            line = ""
            for cluster in _CLUSTER.findall(piece):  # a word longer than a line
                if line and typesetter.width(line + cluster, base) > max_width:
                    lines.append(line)
                    line = ""
                line += cluster
        lines.append(line.rstrip())
    return lines


def fit(text: str, box_width: float, box_height: float, raqm: bool | None = None):
    """The largest size at which ``text`` fits the box, its typesetter and lines. At the
    smallest size, lines past the box end with an ellipsis."""
    base = paragraph_direction(text)
    for size in SIZES:
        typesetter = Typesetter(size, 500, raqm)
        lines = wrap(typesetter, text, box_width, base)
        if len(lines) * size * LINE_HEIGHT <= box_height:
            return typesetter, lines, base
    keep = max(1, int(box_height // (size * LINE_HEIGHT)))
    if len(lines) > keep:
        lines = lines[:keep]
        last = lines[-1]
        while last and typesetter.width(last + "…", base) > box_width:
            last = "".join(_CLUSTER.findall(last)[:-1])
        lines[-1] = last.rstrip() + "…"
    return typesetter, lines, base


def _background(image: Image.Image) -> None:
    top, bottom = (255, 225, 238), (255, 243, 248)
    canvas = ImageDraw.Draw(image)
    for y in range(HEIGHT):
        t = y / (HEIGHT - 1)
        colour = tuple(round(a + (b - a) * t) for a, b in zip(top, bottom, strict=True))
        canvas.line([(0, y), (WIDTH, y)], fill=colour)


def _line(canvas, text: str, size: int, weight: int, colour: str, x: float, baseline: float,
          max_width: float, raqm: bool | None, align_right: bool = False) -> None:  # fmt: skip
    base = paragraph_direction(text)
    typesetter = Typesetter(size, weight, raqm)
    while len(text) > 1 and typesetter.width(text, base) > max_width:
        text = "".join(_CLUSTER.findall(text.rstrip("…"))[:-1]) + "…"
    if align_right:
        x -= typesetter.width(text, base)
    typesetter.draw(canvas, x, baseline, text, base, colour)


def render(content: CardContent, site: str, raqm: bool | None = None) -> bytes:
    """The card as PNG bytes."""
    image = Image.new("RGB", (WIDTH, HEIGHT))
    _background(image)
    canvas = ImageDraw.Draw(image)
    canvas.rounded_rectangle((40, 40, WIDTH - 40, HEIGHT - 40), radius=36, fill="#ffffff")
    canvas.rounded_rectangle((40, 40, WIDTH - 40, 58), radius=9, fill=mark.PINK_600)
    canvas.rectangle((40, 50, WIDTH - 40, 62), fill="#ffffff")
    mark.draw(canvas, 80, 78, 68)
    _line(canvas, "#CreateKindness", 34, 700, mark.PINK_700, 164, 124, 520, raqm)
    if content.category_label:
        _line(canvas, content.category_label, 24, 600, mark.PINK_700, WIDTH - 90, 122, 420,
              raqm, align_right=True)  # fmt: skip

    left, top, right, bottom = TEXT_BOX
    typesetter, lines, base = fit(content.text, right - left, bottom - top, raqm)
    step = typesetter.size * LINE_HEIGHT
    y = top + (bottom - top - step * len(lines)) / 2 + typesetter.size
    quote = fonts.load(fonts.LATIN, 110, 700)
    quote_x = left - 52 if base == "ltr" else right + 12
    canvas.text((quote_x, y + 44), "“", font=quote, fill=mark.PINK_200, anchor="ls")
    for text in lines:
        width = typesetter.width(text, base)
        x = right - width if base == "rtl" else left
        typesetter.draw(canvas, x, y, text, base, mark.INK)
        y += step

    byline = f"— {content.display_name}"
    if content.for_whom:
        byline += f"  ·  for {content.for_whom}"
    _line(canvas, byline, 30, 700, mark.INK, 110, 556, 700, raqm)
    _line(canvas, site, 24, 400, "#5c4653", WIDTH - 90, 556, 360, raqm, align_right=True)
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


class CardCache:
    """Rendered cards kept per process (at most ``size``), keyed by moment id and content."""

    def __init__(self, size: int = 256) -> None:
        self.size = size
        self._entries: OrderedDict[int, tuple[str, bytes]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, content: CardContent, build) -> bytes:
        key = content.key
        with self._lock:
            entry = self._entries.get(content.id)
            if entry is not None and entry[0] == key:
                self._entries.move_to_end(content.id)
                return entry[1]
        png = build()
        with self._lock:
            self._entries[content.id] = (key, png)
            self._entries.move_to_end(content.id)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)
        return png

    def forget(self, moment_id: int) -> None:
        """Drop a moment's card (it left the wall)."""
        with self._lock:
            self._entries.pop(moment_id, None)

    def __contains__(self, moment_id: int) -> bool:
        with self._lock:
            return moment_id in self._entries

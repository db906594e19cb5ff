"""The campaign mark: two hands shaking under a heart, in the wall's pink.

Drawn once, here, as simple shapes on a 64×64 grid, so that the page's inline SVG (``svg``) and
the share cards' Pillow drawing (``draw``) are the same picture. No Flask here.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

PINK_50 = "#fff3f8"
PINK_100 = "#ffe1ee"
PINK_200 = "#ffc2dc"
PINK_600 = "#c2185b"
PINK_700 = "#a3154e"
INK = "#2b1a24"


@dataclass(frozen=True)
class Shape:
    kind: str  # "circle" (cx, cy, r) or "polygon" (x0, y0, x1, y1, ...)
    points: tuple[float, ...]
    fill: str


SHAPES: tuple[Shape, ...] = (
    Shape("circle", (32, 32, 32), PINK_600),
    # the heart: two circles and a point
    Shape("circle", (27, 17, 5.5), PINK_200),
    Shape("circle", (37, 17, 5.5), PINK_200),
    Shape("polygon", (21.8, 19, 42.2, 19, 32, 29.5), PINK_200),
    # left sleeve and hand, reaching right and up
    Shape("polygon", (4, 38, 13, 31, 19, 40, 10, 46), PINK_100),
    Shape("polygon", (13, 31, 24, 28, 33, 33, 29, 36, 36, 41, 33, 45, 24, 45, 19, 40), "#ffffff"),
    # right sleeve and hand, its fingers wrapped over the left one
    Shape("polygon", (60, 38, 51, 31, 45, 40, 54, 46), PINK_100),
    Shape(
        "polygon",
        (51, 31, 40, 28, 28, 33, 27, 36, 31, 38, 38, 35, 41, 37, 35, 41, 38, 44, 45, 40),
        "#ffffff",
    ),
    # the seams between the fingers
    Shape("polygon", (30, 38, 38, 35, 38.8, 36.2, 30.6, 39.3), PINK_200),
    Shape("polygon", (34.5, 41.2, 41, 37, 41.8, 38.2, 35.6, 42.3), PINK_200),
)


def svg(size: int = 40, css_class: str = "mark", label: str | None = None) -> Markup:
    """The mark as inline SVG (decorative unless ``label`` is given)."""
    parts = []
    for shape in SHAPES:
        p = shape.points
        if shape.kind == "circle":
            parts.append(f'<circle cx="{p[0]}" cy="{p[1]}" r="{p[2]}" fill="{shape.fill}"/>')
        else:
            coords = " ".join(f"{p[i]},{p[i + 1]}" for i in range(0, len(p), 2))
            parts.append(
                f'<polygon points="{coords}" fill="{shape.fill}" stroke="{shape.fill}" '
                'stroke-width="1.2" stroke-linejoin="round"/>'
            )
    a11y = f'role="img" aria-label="{Markup.escape(label)}"' if label else 'aria-hidden="true"'
    return Markup(
        f'<svg class="{css_class}" width="{size}" height="{size}" viewBox="0 0 64 64" '
        f'{a11y} focusable="false">{"".join(parts)}</svg>'
    )


def draw(image_draw, left: float, top: float, size: float) -> None:
    """The mark drawn with Pillow's ``ImageDraw`` in the square at (left, top)."""
    scale = size / 64
    for shape in SHAPES:
        p = shape.points
        if shape.kind == "circle":
            cx, cy, r = (v * scale for v in p)
            image_draw.ellipse(
                (left + cx - r, top + cy - r, left + cx + r, top + cy + r), fill=shape.fill
            )
        else:
            xy = [(left + p[i] * scale, top + p[i + 1] * scale) for i in range(0, len(p), 2)]
            image_draw.polygon(xy, fill=shape.fill)

"""Share cards (wall/cards.py): a 1200×630 PNG per published moment, in every script, kept per
process and never served once the moment has left the wall; Open Graph tags on the wall too."""

from __future__ import annotations

import io
from html.parser import HTMLParser

import pytest
from PIL import Image, ImageChops

from kindness_challenge.core.lifecycle import move
from kindness_challenge.extensions import db
from kindness_challenge.models import State
from kindness_challenge.services import share_cards
from kindness_challenge.wall import cards
from kindness_challenge.wall.cards import CardContent, Typesetter, paragraph_direction, render

from helpers import CLASSIFIER, add_moment

WHITE = (255, 255, 255)


def image(data: bytes) -> Image.Image:
    return Image.open(io.BytesIO(data)).convert("RGB")


def ink_box(png: Image.Image) -> tuple[int, int, int, int]:
    """Where the moment's text was drawn: non-white pixels inside the text box."""
    left, top, right, bottom = cards.TEXT_BOX
    region = png.crop((left - 4, top, right + 4, bottom))
    box = ImageChops.difference(region, Image.new("RGB", region.size, WHITE)).getbbox()
    assert box is not None, "no text drawn"
    return box[0] + left - 4, box[1] + top, box[2] + left - 4, box[3] + top


def test_a_card_is_a_png_of_the_moment_with_text_on_it(app):
    moment = add_moment(app, "A stranger paid for my coffee 💖", name="@sam", for_whom="me")
    response = app.test_client().get(f"/moment/{moment}/card.png")
    assert response.status_code == 200
    assert response.mimetype == "image/png"
    png = image(response.data)
    assert png.size == (1200, 630)
    left, _, right, _ = ink_box(png)
    assert left < 130 and right > 400  # left-to-right text starts at the left of the box
    assert response.headers["ETag"]
    again = app.test_client().get(
        f"/moment/{moment}/card.png", headers={"If-None-Match": response.headers["ETag"]}
    )
    assert again.status_code == 304


@pytest.mark.parametrize(
    "state", [State.needs_review, State.pending, State.rejected], ids=lambda s: s.value
)
def test_no_card_for_a_moment_that_is_not_published(app, state):
    moment = add_moment(app, "Not on the wall", state=state)
    assert app.test_client().get(f"/moment/{moment}/card.png").status_code == 404
    assert app.test_client().get("/moment/999999/card.png").status_code == 404


def test_a_taken_down_moment_s_card_is_dropped_and_not_served(app):
    moment = add_moment(app, "Up, then taken down")
    client = app.test_client()
    assert client.get(f"/moment/{moment}/card.png").status_code == 200
    assert moment in share_cards(app)
    with app.app_context():
        move(db.session, moment, State.published, State.needs_review, CLASSIFIER)
        db.session.commit()
    assert client.get(f"/moment/{moment}/card.png").status_code == 404
    assert moment not in share_cards(app)


def test_a_card_is_rendered_once_and_again_when_its_content_changes(app):
    built = []
    cache = cards.CardCache(size=2)
    content = CardContent(1, "Thanks", "@a")
    for _ in range(3):
        cache.get(content, lambda: built.append(1) or b"png")
    assert len(built) == 1
    cache.get(CardContent(1, "Thanks!", "@a"), lambda: built.append(1) or b"png2")
    assert len(built) == 2
    cache.get(CardContent(2, "x", "@b"), lambda: b"2")
    cache.get(CardContent(3, "y", "@c"), lambda: b"3")
    assert 1 not in cache  # the least recently used goes first


ARABIC = "شكرا لجاري العزيز الذي ساعدني اليوم"


def test_arabic_is_shaped_and_set_right_to_left():
    assert cards.raqm_available(), "Pillow without raqm: Arabic letters would not join"
    assert paragraph_direction(ARABIC) == "rtl"
    assert paragraph_direction("💖 123: " + ARABIC) == "rtl"  # the first strong character
    assert paragraph_direction("@sam: " + ARABIC) == "ltr"
    png = image(render(CardContent(1, "شكرا لجاري", "سارة"), "kind.test"))
    left, _, right, _ = ink_box(png)
    text_left, _, text_right, _ = cards.TEXT_BOX
    assert right > text_right - 10 and left > text_left + 200  # set from the right edge
    # Shaped: joined letters are narrower than the same letters set one by one (isolated).
    shaped = Typesetter(40).width("شكرا", "rtl")
    isolated = sum(Typesetter(40).width(letter, "rtl") for letter in "شكرا")
    assert shaped < isolated * 0.95


def test_without_raqm_right_to_left_runs_are_still_in_reading_order():
    """The fallback for a Pillow built without raqm: letters unjoined, but right to left."""
    png = image(render(CardContent(1, "شكرا لجاري", "سارة"), "kind.test", raqm=False))
    left, _, right, _ = ink_box(png)
    assert right > cards.TEXT_BOX[2] - 10 and left > cards.TEXT_BOX[0] + 200
    basic = Typesetter(40, raqm=False)
    assert basic._args(cards.Run("ابت", cards.fonts.LATIN, "rtl"))[0] == "تبا"


@pytest.mark.parametrize(
    "text",
    [
        "Emoji 👨\u200d👩\u200d👧\u200d👦 🇫🇷 👍🏽 ❤️",
        "中文：谢谢你的帮助。日本語：ありがとう。한국어: 감사합니다",
        "हिन्दी: धन्यवाद · ภาษาไทย ขอบคุณ · עברית תודה · Ελληνικά ευχαριστώ",
        "W" * 500,
        ("A long moment with many words. " * 20)[:500],
    ],
    ids=["emoji", "cjk", "scripts", "one-long-word", "long"],
)
def test_every_script_renders_with_a_font_that_has_it_and_fits(text):
    for cluster in cards._CLUSTER.findall(text):
        if not cluster.isspace():
            path = cards.fonts.font_for(cluster)
            assert ord(cluster[0]) in cards.fonts.coverage(path), cluster
    typesetter, lines, base = cards.fit(text, 980, 330)
    assert all(typesetter.width(line, base) <= 980 for line in lines)
    assert len(lines) * typesetter.size * cards.LINE_HEIGHT <= 330
    png = image(render(CardContent(1, text, "@x"), "kind.test"))
    assert png.size == (1200, 630)
    ink_box(png)


class _Meta(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        key = attributes.get("property") or attributes.get("name")
        if tag == "meta" and key:
            self.meta[key] = attributes.get("content", "")


def test_the_wall_home_page_has_open_graph_tags_and_a_card(app):
    client = app.test_client()
    parser = _Meta()
    parser.feed(client.get("/").get_data(as_text=True))
    meta = parser.meta
    assert meta["og:type"] == "website"
    assert meta["og:title"] == "The #CreateKindness wall"
    assert meta["og:url"] == "http://kind.test/"
    assert meta["og:image"] == meta["twitter:image"] == "http://kind.test/card.png"
    assert meta["twitter:card"] == "summary_large_image"
    card = client.get("/card.png")
    assert card.status_code == 200 and image(card.data).size == (1200, 630)


def test_the_emoji_fallback_font_is_served(app):
    response = app.test_client().get("/fonts/emoji.ttf")
    assert response.status_code == 200
    assert response.mimetype == "font/ttf"
    assert response.data[:4] == b"\x00\x01\x00\x00"
    response.close()


def test_share_cards_are_rate_limited(tmp_path):
    from conftest import make_app

    app = make_app(tmp_path, RATELIMIT_ENABLED=True, CARD_RATE_LIMIT="2 per minute")
    moment = add_moment(app, "Limited")
    client = app.test_client()
    statuses = [client.get(f"/moment/{moment}/card.png").status_code for _ in range(3)]
    assert statuses == [200, 200, 429]

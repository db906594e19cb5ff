"""One definition of a text's length (core/text/length.py): user-perceived characters, as the
share form's counter counts them; the server refuses past the limit with the words kept."""

from __future__ import annotations

import re
import unicodedata

import pytest

from kindness_challenge.core.text.length import CLUSTER_MAX_CODE_POINTS, text_length
from kindness_challenge.participate.forms import TEXT_MAX

from conftest import submit

# (text, user-perceived characters, code points)
CASES = [
    ("kind", 4, 4),
    ("💖", 1, 1),
    ("👍🏽", 1, 2),  # skin tone modifier
    ("👨\u200d👩\u200d👧\u200d👦", 1, 7),  # ZWJ family
    ("🏳\ufe0f\u200d🌈", 1, 4),  # ZWJ with a variation selector
    ("🇫🇷🇯🇵", 2, 4),  # two flags
    ("e\u0301", 1, 2),  # a combining accent (NFC makes it é: still one)
    ("क्षि", 1, 4),  # a Devanagari conjunct
    ("شكرا لك", 7, 7),
    ("a\r\nb", 3, 4),  # CR LF is one
]


@pytest.mark.parametrize("text, graphemes, code_points", CASES)
def test_length_counts_user_perceived_characters(text, graphemes, code_points):
    assert len(text) == code_points
    assert text_length(text) == graphemes


@pytest.mark.parametrize(
    "unit",
    ["💖", "👨\u200d👩\u200d👧\u200d👦", "🇫🇷", "e\u0301", "ش"],
)
def test_the_server_takes_exactly_the_limit_and_refuses_one_more(client, unit):
    assert submit(client, text=unit * TEXT_MAX).status_code == 302
    over = submit(client, text=unit * (TEXT_MAX + 1))
    assert over.status_code == 400
    page = over.get_data(as_text=True)
    assert f"Keep it to {TEXT_MAX} characters or fewer." in page
    assert unicodedata.normalize("NFC", unit * (TEXT_MAX + 1)) in page  # the words are kept


def test_a_character_stacked_with_marks_is_refused_with_its_own_message(client):
    zalgo = "a" + "\u0301" * (CLUSTER_MAX_CODE_POINTS + 5)
    response = submit(client, text=f"Thank you {zalgo}")
    assert response.status_code == 400
    assert "stacked with more than" in response.get_data(as_text=True)


def test_the_text_field_has_no_browser_maxlength_and_says_its_limit(client):
    page = client.get("/share").get_data(as_text=True)
    textarea = page[page.index("<textarea") : page.index(">", page.index("<textarea"))]
    assert "maxlength" not in textarea
    assert f'data-max-length="{TEXT_MAX}"' in textarea
    assert 'dir="auto"' in textarea


def test_every_piece_of_user_text_carries_its_own_direction(app, client, moderator):
    """dir="auto" on each moment's text and <bdi> around names (issue 15): an Arabic moment is
    laid out right to left wherever it shows, a Latin one left to right, side by side."""
    from kindness_challenge.models import State

    from helpers import add_moment

    arabic = "شكرا لجاري العزيز 💖"
    shown = add_moment(app, arabic, name="سارة", for_whom="جاري", featured_minutes_ago=1)
    add_moment(app, "A plain one", minutes_ago=1)
    add_moment(app, arabic + " مرة أخرى", name="ليلى", state=State.needs_review)
    token_response = submit(client, text=arabic + " ثالثا", name="نور")
    token = token_response.headers["Location"].rsplit("/", 1)[-1]
    pages = {
        "wall": client.get("/").get_data(as_text=True),
        "permalink": client.get(f"/moment/{shown}").get_data(as_text=True),
        "display": client.get("/display").get_data(as_text=True),
        "receipt": client.get(f"/receipt/{token}").get_data(as_text=True),
        "queue": client.get("/moderate/").get_data(as_text=True),
    }
    for name, page in pages.items():
        assert page.count(arabic) >= 1, name
        for found in re.finditer(re.escape(arabic), page):
            tag = page.rfind("<", 0, found.start())
            if page.rfind(">", 0, found.start()) < tag:
                continue  # inside an attribute (a meta description): no layout there
            assert 'dir="auto"' in page[tag : found.start()], f"{name}: {page[tag : found.end()]}"
    # The "for" name sits in a translated sentence: bdi(), an isolate of its own direction.
    assert "— <bdi>سارة</bdi>" in pages["wall"]
    assert 'for <bdi dir="auto">جاري</bdi>' in pages["wall"]
    assert "— <bdi>نور</bdi>" in pages["receipt"]
    assert "from <bdi>ليلى</bdi>" in pages["queue"]

"""One definition of a text's length (core/text/length.py): user-perceived characters, as the
share form's counter counts them; the server refuses past the limit with the words kept."""

from __future__ import annotations

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

"""``core/text/emoji_words.py``: emoji read as their English names, for an adapter trained to
read them so (MiniLM's vocabulary reads every emoji as ``[UNK]``)."""

from __future__ import annotations

import pytest

from kindness_challenge.core.text.emoji_words import emoji_words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("you are a genius \U0001f921", "you are a genius clown face"),
        ("\U0001f64f thank you", "folded hands thank you"),
        ("so proud of you\u2764\ufe0f", "so proud of you red heart"),  # with its selector
        ("nice\U0001f644ok", "nice face with rolling eyes ok"),  # set off by spaces
    ],
)
def test_each_emoji_reads_as_its_name(text, expected):
    assert emoji_words(text) == expected


def test_a_skin_tone_says_nothing():
    tones = ["\U0001f44d" + tone for tone in "\U0001f3fb\U0001f3fc\U0001f3fd\U0001f3fe\U0001f3ff"]
    assert {emoji_words(f"great job {thumb}") for thumb in tones} == {"great job thumbs up"}


def test_a_run_of_the_same_emoji_is_named_once_and_different_ones_each():
    assert emoji_words("wow \U0001f525\U0001f525 \U0001f525") == "wow fire"
    assert emoji_words("\U0001f921\U0001f525") == "clown face fire"
    # the same emoji again after words is named again
    assert emoji_words("\U0001f525 hot take \U0001f525") == "fire hot take fire"


def test_sequences_and_flags_read_whole():
    assert emoji_words("\U0001f3f3\ufe0f\u200d\U0001f308 pride") == "rainbow flag pride"
    assert emoji_words("family \U0001f468\u200d\U0001f469\u200d\U0001f467") == (
        "family family man woman girl"
    )


@pytest.mark.parametrize("text", ["no emoji here", "", "line one\nline two", "x ^^ :) <3 \u2661"])
def test_text_without_emoji_comes_back_as_it_was(text):
    assert emoji_words(text) == text


def test_line_breaks_are_kept():
    assert emoji_words("thanks \U0001f64f\nsee you") == "thanks folded hands\nsee you"

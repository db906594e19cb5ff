"""core.text.decoration: what a text says once its emoji, hashtags and number tokens are gone."""

from __future__ import annotations

import pytest

from kindness_challenge.core.text.decoration import undecorated


@pytest.mark.parametrize(
    ("text", "bare"),
    [
        ("tu vas le regretter ce soir 🌼🌼🙂", "tu vas le regretter ce soir"),
        ("du bist so lächerlich [998-12]", "du bist so lächerlich"),
        ("que vergonha #tbt #mood #2026", "que vergonha"),
        ("👨‍👩‍👧 família linda 🇧🇷 👍🏽 1️⃣", "família linda"),  # joiners, flags, tones, keycaps
        ("10/10 beste Video, +49 ruft an", "beste Video, ruft an"),
        ("ماشاء الله 😍 #حب", "ماشاء الله"),
        ("100% wahr, 3x gesehen", "wahr, 3x gesehen"),  # a token with a letter stays
        ("sérieux ^^ :) :-D <3 xD ;P", "sérieux"),  # emoticons
        ("☺☀♥★✿❀ t'es nul (｡◕‿◕｡) ♡", "t'es nul"),  # symbols and kaomoji
        ("t🌸u🌸er ce soir", "tuer ce soir"),  # an emoji inside a word is dropped, not a space
        ("＃ｆｙｐ dégage １２３", "dégage"),  # fullwidth forms (NFKC)
        ("Bravo ! Super : à demain ...", "Bravo ! Super : à demain ..."),  # punctuation stays
    ],
)
def test_emoji_hashtags_and_number_tokens_go(text, bare):
    assert undecorated(text) == bare


@pytest.mark.parametrize("text", ["🥰🥰🥰", "#fyp #viral", "[12345-7] 😀", "2026", "", "   "])
def test_nothing_left_to_read_is_empty(text):
    assert undecorated(text) == ""


def test_an_undecorated_text_is_unchanged():
    text = "Merci pour ta vidéo, elle m'a fait du bien : à demain !"
    assert undecorated(text) == text

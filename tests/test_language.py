"""Language detection: conservative about "not English", sure about clear sentences."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kindness_challenge.core.text.language import (
    DETOXIFY_LANGUAGES,
    detect_language,
    detect_languages,
)

from conftest import SHARED_DATA, require_data

DATA = SHARED_DATA


def data_text(path: Path) -> str:
    return require_data(path).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "text",
    [
        "Thank you so much for helping me move today!",
        "So proud of you!",
        "ur the best!!",
        "love this <3",
        "omg yesss 😭😭 thank u bestie",
        "tysm for the coffee this morning, made my day",
        "Gracias amigo, you're the best",
        "Namaste and thank you",
        "bon voyage Sarah!",
        "He's a real mensch",
        "I love Nigeria, visited last year",
        "congrats fam 🎉🎉",
        "Stay strong ❤️",
        "Happy bday!!!",
        "yоu аre ѕтupid",  # look-alike letters are folded first: English, not Russian
        "y o u  a r e  t h e  b e s t",
        "Thank you Jean-Pierre!",
        "gg wp",
    ],
)
def test_english_short_comments_are_english_or_unknown(text):
    assert detect_language(text) in ("en", None)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Merci beaucoup pour ton aide, tu es vraiment gentil.", "fr"),
        ("Muchas gracias por tu ayuda, eres muy amable.", "es"),
        ("Vielen Dank für deine Hilfe, du bist wirklich nett.", "de"),
        ("Grazie mille per il tuo aiuto, sei davvero gentile.", "it"),
        ("Muito obrigado pela sua ajuda, você é muito gentil.", "pt"),
        ("Yardımın için çok teşekkür ederim, çok naziksin.", "tr"),
        ("Большое спасибо за помощь, ты очень добрый.", "ru"),
        ("Я так горжусь тобой!", "ru"),
        ("Дуже дякую за допомогу, ти дуже добрий.", "uk"),
        ("شكرا جزيلا على مساعدتك، أنت لطيف جدا.", "ar"),
        ("आपकी मदद के लिए बहुत धन्यवाद, आप बहुत दयालु हैं।", "hi"),
        ("手伝ってくれて本当にありがとう、とても優しいですね。", "ja"),
        ("非常感谢你的帮助，你真是太好了。", "zh"),
        ("도와주셔서 정말 감사합니다, 정말 친절하시네요.", "ko"),
        ("Σε ευχαριστώ πολύ για τη βοήθειά σου, είσαι πολύ ευγενικός.", "el"),
        ("Heel erg bedankt voor je hulp, je bent echt aardig.", "nl"),
    ],
)
def test_clear_sentences_are_detected(text, code):
    assert detect_language(text) == code


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "😂😂😂",
        "❤️❤️",
        "🎉",
        "lol",
        "ok!",
        "Maria",
        "@jdoe_92",
        "wow",
        "thx",
        "!!!",
        "123",
    ],
)
def test_too_short_to_tell(text):
    assert detect_language(text) is None


def test_batch_matches_one_by_one():
    texts = ["So proud of you!", "Я так горжусь тобой!", "lol", ""]
    assert detect_languages(texts) == [detect_language(t) for t in texts]
    assert detect_languages(iter(texts)) == detect_languages(texts)
    assert detect_languages([]) == []


@pytest.mark.slow
def test_english_dev_rows_are_never_called_another_language():
    lines = []
    for name in ("ok.jsonl", "toxic.jsonl"):
        lines += data_text(DATA / "moderation-dev" / name).split("\n")
    texts = [json.loads(line)["text"] for line in lines if line]
    found = detect_languages(texts)
    other = [
        (code, text) for code, text in zip(found, texts, strict=True) if code not in ("en", None)
    ]
    assert other == []
    assert found.count("en") / len(texts) > 0.9


@pytest.mark.slow
def test_blns_never_raises():
    for text in json.loads(data_text(DATA / "blns" / "blns.json")):
        code = detect_language(text)
        assert code is None or (isinstance(code, str) and 2 <= len(code) <= 3)


def test_detoxify_languages():
    assert DETOXIFY_LANGUAGES["multilingual"] == {"en", "fr", "es", "it", "pt", "tr", "ru"}
    for name in ("original", "unbiased", "original-small", "unbiased-small"):
        assert DETOXIFY_LANGUAGES[name] == {"en"}

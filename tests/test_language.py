"""Language detection: conservative about "not English", sure about clear sentences."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kindness_challenge.core.text.language import (
    DETOXIFY_LANGUAGES,
    MIXED,
    UNDETERMINED,
    detect_language,
    detect_languages,
    english_word_share,
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
        "He's a real mensch",
        "I love Nigeria, visited last year",
        "congrats fam 🎉🎉",
        "Stay strong ❤️",
        "Happy bday!!!",
        "yоu аre ѕтupid",  # look-alike letters are folded first: English, not Russian
        "y o u  a r e  t h e  b e s t",
        "Thank you Jean-Pierre!",
        "gg wp",
        "congrats fam",
        "ur the GOAT fr fr",
        "slay queen",
        "lowkey proud of u",
        "@sam you rock",
        "Thank youuuu so muchhhh",
    ],
)
def test_english_short_comments_are_english_or_unknown(text):
    assert detect_language(text) in ("en", None)


# Short or romanised text the detector cannot place: before the word check, each of these was
# scored as English (None), so an English-only classifier judged an insult it cannot read.
@pytest.mark.parametrize(
    "text",
    [
        "dasar bodoh",  # Indonesian
        "kamu jelek sekali",
        "anjing lu",
        "bhai tu pagal hai",  # romanised Hindi
        "teri shakal dekh ke hasi aati hai",
        "vai se fuder",  # Portuguese
        "que vergonha alheia",
        "du bist so dumm",  # German
        "eres un idiota",  # Spanish
        "sei uno stupido",  # Italian
        "tu es nul",  # French
        "seni sevmiyorum",  # Turkish
    ],
)
def test_short_or_romanised_text_is_never_taken_for_english(text):
    assert detect_language(text) not in ("en", None)


@pytest.mark.parametrize("text", ["ㅋㅋ ㅇㅈ ㄹㅇ", "꿀잼이네 ㅠㅠ", "وسخ جدا"])
def test_a_text_mostly_in_another_script_is_never_english(text):
    # Hangul consonants alone (Korean chat shorthand) give the detector too little to name a
    # language with confidence: before, that meant None, scored as English; now "und".
    assert detect_language(text) not in ("en", None)


def test_the_word_check_counts_common_english_words_only():
    assert english_word_share("thank you so much") == 1.0
    assert english_word_share("kamu jelek sekali") == 0.0
    assert english_word_share("thank you sooo much") == 1.0  # "sooo" is squeezed to "soo"
    # mentions, hashtags and links are names, not words
    assert english_word_share("@budi_san #semangat https://example.com/x") is None
    assert english_word_share("🎉 !!! 123") is None


def test_a_borrowed_phrase_alone_is_the_known_cost():
    # Words that are more common in French than in English, and nothing else: review, not
    # "English". A cost the dev set puts at 2 of 1,381 English rows (bench/language_detection.py).
    assert detect_language("bon voyage Sarah!") == UNDETERMINED


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
    ["", "   ", "😂😂😂", "❤️❤️", "🎉", "ok!", "@jdoe_92", "#blessed", "!!!", "123"],
)
def test_too_short_to_tell(text):
    assert detect_language(text) is None


@pytest.mark.parametrize("text", ["lol", "wow", "thx", "Maria"])
def test_one_common_english_word_is_english(text):
    assert detect_language(text) == "en"


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
        (code, text)
        for code, text in zip(found, texts, strict=True)
        if code not in ("en", None, UNDETERMINED, MIXED)
    ]
    assert other == []
    assert found.count("en") / len(texts) > 0.99
    assert found.count(UNDETERMINED) <= 3  # 2 when measured (bench/language_detection.py)
    # The clause check finds 2 toxic rows mixed ("Hoes will be hoes."), no kind or harmless one.
    assert found.count(MIXED) <= 3


@pytest.mark.slow
def test_blns_never_raises():
    for text in json.loads(data_text(DATA / "blns" / "blns.json")):
        code = detect_language(text)
        assert code is None or (isinstance(code, str) and 2 <= len(code) <= 3)
        english_word_share(text)


def test_detoxify_languages():
    assert DETOXIFY_LANGUAGES["multilingual"] == {"en", "fr", "es", "it", "pt", "tr", "ru"}
    for name in ("original", "unbiased", "original-small", "unbiased-small"):
        assert DETOXIFY_LANGUAGES[name] == {"en"}


# Mixed text: a clause in another language inside English. Before the clause check each of these
# was "en", so the English model judged words it cannot read.
@pytest.mark.parametrize(
    "text",
    [
        "Great video! Franchement t'es vraiment une grosse nulle, personne ne veut te voir ici",
        "Love the colours, but honestly... tu devrais arrêter, c'est la honte pour toi",
        "Nice edit bro. Tum bilkul bekaar ho yaar, kuch nahi aata tumhe",
        "Thanks for sharing this with us. Du bist so ein armseliger Idiot, ehrlich jetzt",
        "Such a cool trick!\nVocê é muito burro mesmo, ninguém aguenta você",
    ],
)
def test_a_clause_in_another_language_is_never_taken_for_english(text):
    assert detect_language(text) not in ("en", None)


@pytest.mark.parametrize(
    "text",
    [
        "The film shows them as exotic, subhuman or animalistic and that is the problem",
        "Gracias amigo, you're the best and I owe you one",
        "Thank you Jean-Pierre and everyone at the studio for the lovely evening!",
        "Merci to everyone who came, and a special thanks to Pierre and Marie",
        "Take care son, so proud of you",
        "Hi Ben and Sam, great video as always",
        "Dont die on me, you got this",
        "Nah im good, thanks anyway",
        "Cheers from Rio de Janeiro, see you next year",
        "Watching from Buenos Aires, thank you",
        "Thank you Mr. Van der Berg, best teacher ever",
        "Thank you Jean-Pierre, you are a star",
        "My nani made chai for the whole street today, what a legend she is",
    ],
)
def test_english_with_borrowed_words_rare_words_or_names_stays_english(text):
    assert detect_language(text) == "en"


@pytest.mark.parametrize(
    "text",
    [
        "What a lovely song, it made my morning. Mais franchement ta voix est vraiment horrible",
        "You did amazing tonight and we are all so proud of you! Aap sach mein bahut bekaar ho",
        "Thanks for posting this, it really helped my family a lot. Eres muy tonto de verdad",
        # An English lead-in and a colon: scoring reads the two together, the language check
        # apart, so the insult it introduces is still found.
        "Thanks for sharing this video, I really loved the editing and the music: eres un pendejo",
        "Great to see so many of you on the channel today: du bist ein Hurensohn",
        "Such a lovely clip, I watched it three times this morning: je vais te crever",
    ],
)
def test_english_around_a_foreign_clause_is_mixed(text):
    assert detect_language(text) == MIXED


@pytest.mark.parametrize(
    "text",
    [
        "if nobody told you today: you matter and your art matters",
        "Heads up: the lights at the Elm Street crossing are broken",
    ],
)
def test_an_english_lead_in_with_a_colon_stays_english(text):
    assert detect_language(text) == "en"


# Hinglish with English words in it, in one clause: the detector calls it English and the word
# share says English ("court", "list", "news" are common English words); before the word list of
# romanised Hindi and the whole-text check, each was scored by the English model.
@pytest.mark.parametrize(
    "text",
    [
        "arre sunn na kya hua, bolta hai court me list lagi hai",
        "bhai ye news wala bakwas kyun dikha raha hai sabko",
        "tumhara video dekh ke lagta hai tum kuch nahi jaante",
        "sach bolo yaar, tumse accha toh mera chhota bhai dance karta hai",
        "ye banda sirf drama karta hai, isko koi serious mat lo",
    ],
)
def test_hinglish_with_english_words_is_never_taken_for_english(text):
    assert detect_language(text) not in ("en", None)


# English comment-section slang borrows a Hindi word or two: still English.
@pytest.mark.parametrize(
    "text",
    [
        "slay bhai, this edit is fire",
        "yaar this is the best cover I have heard all year",
        "proud of you didi, you worked so hard for this",
        "my dost and I watched this five times in a row",
        "Ji-woo you absolutely killed it tonight",
        # Syllables of romanised Korean, Chinese and Japanese names are not Hindi words.
        "happy birthday Ji Hoon",
        "Jung Hae In oppa",
        "Park Ji Hoon stan forever",
        "shoutout to Mai and Hua",
        "Hu Tao main here",
    ],
)
def test_english_with_a_hindi_word_or_two_stays_english(text):
    assert detect_language(text) == "en"


def test_the_romanised_hindi_words_were_never_common_english_words():
    """No word of the list counted as a common English word before it (``_english_word``'s
    test: Zipf ``MIN_ZIPF_ENGLISH`` in English, and not far more common in a neighbour), so the
    list takes no English word away from English text."""
    from wordfreq import zipf_frequency

    from kindness_challenge.core.text import language, romanised_hindi

    assert "kya" in romanised_hindi.WORDS and "main" not in romanised_hindi.WORDS
    assert not language._english_word("kya") and language._foreign_word("kya")
    for word in romanised_hindi.WORDS:
        assert word == word.lower() and language.WORD.fullmatch(word), word
        english = zipf_frequency(word, "en", wordlist="small")
        neighbour = max(
            zipf_frequency(word, code, wordlist="small") for code in language.NEIGHBOUR_LANGUAGES
        )
        assert not (
            english >= language.MIN_ZIPF_ENGLISH
            and english >= neighbour - language.NEIGHBOUR_MARGIN
        ), word


# The cost of the clause check: a borrowed phrase of three words or more is another language's.
@pytest.mark.parametrize(
    "text", ["Bon appétit everyone, dinner is ready", "Hasta la vista baby, see you soon"]
)
def test_a_borrowed_phrase_of_three_words_is_mixed_the_known_cost(text):
    assert detect_language(text) == MIXED

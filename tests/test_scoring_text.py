"""``scoring_text``: the form a classifier scores undoes disguises, keeps everything else."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from kindness_challenge.core.text.matching import normalize
from kindness_challenge.core.text.scoring_form import scoring_text

from conftest import SHARED_DATA, require_data

ROOT = Path(__file__).resolve().parents[1]
DATA = SHARED_DATA
sys.path.insert(0, str(ROOT / "bench"))

from disguise import FAMILIES, UNDONE, disguise  # noqa: E402


def data_text(path: Path) -> str:
    return require_data(path).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # leetspeak, inside words that also have letters
        ("you 1d10t", "you idiot"),
        ("$tup1d", "stupid"),
        ("what an @ss", "what an ass"),
        ("you are an a$$", "you are an ass"),
        ("such a l0ser", "such a loser"),
        ("sh!t happens!", "shit happens!"),
        ("no better than rat5", "no better than rats"),
        # spaced letters, wider gaps between words
        ("k y s", "kys"),
        ("Muslims are s c u m.", "Muslims are scum."),
        ("y o u  a r e  d u m b", "you are dumb"),
        ("You are nothing but a f a g g o t.", "You are nothing but a faggot."),
        ("I h a t e you", "I hate you"),
        # dotted, dashed, starred
        ("i.d.i.o.t", "idiot"),
        ("i-d-i-o-t!", "idiot!"),
        ("s_t_u_p_i_d", "stupid"),
        ("what a p.e.r.s.o.n's life", "what a person's life"),
        # stretched letters
        ("stuuuupid", "stupid"),
        ("fuuuuuck", "fuck"),
        ("goooood job", "good job"),
        # invisible characters
        ("stu\u200bpid", "stupid"),
        ("stu\u00adpid", "stupid"),
        ("i\u2060d\ufeffi\u200co\u200dt", "idiot"),
        ("idiot\ufe0f", "idiot"),
        # look-alike letters of other scripts, in mixed or all-look-alike words
        ("yоu аre ѕтupid", "you are stupid"),  # Cyrillic о, а, ѕ, т
        ("ѕоу boy", "soy boy"),
        ("These are ϲоϲкrоaϲhеѕ", "These are cockroaches"),  # Greek lunate sigma too
        ("Κill yourself", "Kill yourself"),  # Greek capital kappa
        # compatibility forms and decorations
        ("ＳＴＵＰＩＤ", "STUPID"),
        ("𝐬𝐭𝐮𝐩𝐢𝐝", "stupid"),
        ("s̸t̸u̸p̸i̸d̸", "stupid"),  # combining overlays on Latin letters
        # several at once
        ("$tuuuр1d", "stupid"),
    ],
)
def test_disguises_are_undone(text, expected):
    assert scoring_text(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Born in 2024, still here in 2025.",
        "I <3 you",
        "Only $5 for the bake sale, or $10k raised in total!",
        "It's 5pm on the 2nd, see you at 8am.",
        "My mp3 player and win10 laptop still work; covid19 was hard.",
        "thank you 💗 🎉🙏",
        "Thank you, Maria: you were right (as always)... really!",
        "C++ and C# are fun; +1 to that!",
        "hi @maria, and thanks @sam_92!",
        "#CreateKindness #Justice4All",
        "see https://www.youtube.com/watch?v=a1b2c3 and www.example.com/x_y",
        "write to me at jo.b@example.org",
        "e.g. i.e. Dr. Who, 3.5 stars",
        "Cool, so cool, I feel good and free.",
        "Спасибо большое, ты очень добрый человек.",  # Russian
        "Σε ευχαριστώ πολύ, είσαι πολύ ευγενικός.",  # Greek
        "شكرا جزيلا على مساعدتك",  # Arabic
        "非常感谢你的帮助",  # Chinese
        "本当にありがとう",  # Japanese
        "आपकी मदद के लिए बहुत धन्यवाद",  # Hindi (combining vowel signs kept)
        "İstanbul'da ışık çok güzel",  # Turkish dotless i stays
        "Ich bin so stolz auf dich!",
        "Señora Núñez, ¡muchas gracias!",
        "I said привет to my Russian neighbour",
        "Я люблю iPhone",
    ],
)
def test_unchanged(text):
    assert scoring_text(text) == text


def test_every_format_character_is_removed():
    import unicodedata

    for code in range(0x110000):
        char = chr(code)
        if unicodedata.category(char) == "Cf":
            assert scoring_text(f"stu{char}pid") == "stupid", hex(code)


def test_whitespace_is_collapsed():
    assert scoring_text("  so\tkind\n\nthank you  ") == "so kind thank you"
    assert scoring_text("") == ""
    assert scoring_text(" \u200b ") == ""


def test_emoji_sequences_keep_their_pictures():
    # Joiners and variation selectors are invisible characters; the pictures stay.
    assert scoring_text("love you ❤️") == "love you ❤"
    assert scoring_text("👩\u200d👩\u200d👧 family") == "👩👩👧 family"


def test_genuine_cyrillic_is_not_transliterated_but_mixed_words_are():
    assert scoring_text("рое") == "рое"  # a Cyrillic-only text stays Cyrillic
    assert scoring_text("Привет, друг! ѕтupid") == "Привет, друг! stupid"


@pytest.mark.parametrize(
    "text",
    [
        "you 1d10t",
        "y o u  a r e  d u m b",
        "stuuuupid and goooood",
        "yоu аre ѕтupid",
        "I <3 you, $5",
        "a  b  c",
        "1II!Imm19ra4a4ant$",
        "s̸t̸u̸p̸i̸d̸ ＳＴＵＰＩＤ",
        "Привет, друг!",
    ],
)
def test_idempotent(text):
    once = scoring_text(text)
    assert scoring_text(once) == once


def test_pure_function_leaves_the_shown_text_alone():
    shown = "yоu аre ѕтupid 💗"
    before = str(shown)
    scoring_text(shown)
    assert shown == before
    # The word-list form is unchanged by the scoring form's existence.
    assert normalize("you 1d10t") == "you idiot"


@pytest.mark.slow
def test_blns_never_raises_and_is_idempotent():
    strings = json.loads(data_text(DATA / "blns" / "blns.json"))
    assert len(strings) > 500
    for text in strings:
        once = scoring_text(text)
        assert isinstance(once, str)
        assert scoring_text(once) == once, text


def test_long_and_odd_inputs():
    assert scoring_text("a" * 5000) == "aa"
    assert scoring_text("a " * 2000).startswith("a")
    assert isinstance(scoring_text("\x00\x01\ud800 x"), str)
    assert scoring_text("̸̸̸") == "̸̸̸"  # marks with nothing to sit on are left


# --- disguise families (bench/disguise.py) --------------------------------------------------

# The share of the dev set's toxic rows whose disguised copy reads, once normalised, exactly as
# the normalised original (case aside: leetspeak cannot know it). Measured: leetspeak 0.92,
# spaced 0.90, dotted 0.98, stretched 0.99, zero_width 1.00, confusable 1.00, mixed 0.98.
FLOORS = {
    "leetspeak": 0.88,
    "spaced": 0.85,
    "dotted": 0.95,
    "stretched": 0.95,
    "zero_width": 0.99,
    "confusable": 0.99,
    "mixed": 0.93,
}


def toxic_dev_texts() -> list[str]:
    lines = data_text(DATA / "moderation-dev" / "toxic.jsonl").split("\n")
    return [json.loads(line)["text"] for line in lines if line]


def test_every_undone_family_has_a_floor():
    assert set(FLOORS) == set(UNDONE)
    assert set(FAMILIES) == set(UNDONE) | {"typo"}


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_disguise_is_deterministic_and_changes_the_text(family):
    text = "You are a stupid idiot and I hate you"
    assert disguise(text, family, 1) == disguise(text, family, 1)
    assert disguise(text, family, 1) != text


@pytest.mark.slow
@pytest.mark.parametrize("family", UNDONE)
def test_scoring_text_recovers_disguised_toxic_rows(family):
    texts = toxic_dev_texts()
    recovered = sum(
        scoring_text(disguise(text, family, i)).casefold() == scoring_text(text).casefold()
        for i, text in enumerate(texts)
    )
    share = recovered / len(texts)
    assert share >= FLOORS[family], f"{family}: {share:.3f}"


@pytest.mark.slow
def test_typo_is_not_undone():
    # Swapped or dropped letters need a spelling model; the normaliser does not try.
    texts = toxic_dev_texts()[:100]
    recovered = sum(
        scoring_text(disguise(t, "typo", i)) == scoring_text(t) for i, t in enumerate(texts)
    )
    assert recovered < 20

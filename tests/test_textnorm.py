import pytest

from kindness_challenge.core.text.matching import find_links, find_phrase, normalize


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("You IDIOT", "you idiot"),
        ("you 1d10t", "you idiot"),  # digits for letters
        ("$hut up", "shut up"),
        ("ＳＴＵＰＩＤ", "stupid"),  # full-width (NFKC)
        ("𝐬𝐭𝐮𝐩𝐢𝐝", "stupid"),  # mathematical bold (NFKC)
        ("stu\u200bpid", "stupid"),  # zero-width space
        ("stu\u00adpid", "stupid"),  # soft hyphen
        ("stu\u2063pid", "stupid"),  # invisible separator (any format character)
        ("stu\u3164pid", "stupid"),  # Hangul filler
        ("a s\u20ddt\u20ddu\u20ddp\u20ddi\u20ddd\u20dd", "a stupid"),  # enclosing marks
        ("k y s", "kys"),  # spaced letters
        ("i.d.i.o.t", "idiot"),  # dotted letters
        ("i-d-i-o-t!", "idiot"),
        ("stuuuupid", "stupid"),  # stretched letters
        ("Délete your account", "delete your account"),  # accents
        ("born in 2024", "born in 2024"),  # numbers stay numbers
        ("moment 444", "moment 444"),
        ("thank you 💗", "thank you"),
    ],
)
def test_normalize_undoes_disguises(text, expected):
    assert normalize(text) == expected


@pytest.mark.parametrize(
    ("text", "phrase", "found"),
    [
        ("nobody asked, k.y.s", "kys", True),
        ("you should D E L E T E your account", "delete your account", True),
        ("classic kindness", "ass", False),  # whole words only
        ("what a class act", "ass", False),
        ("you are an a$$", "ass", True),
    ],
)
def test_find_phrase_on_normalised_text(text, phrase, found):
    assert find_phrase(normalize(text), normalize(phrase)) is found


@pytest.mark.parametrize(
    ("text", "links"),
    [
        ("see https://spam.example/x now", ["https://spam.example/x"]),
        ("go to www.spam.com", ["www.spam.com"]),
        ("bit.ly/abc", ["bit.ly/abc"]),
        ("I said thanks. It was lovely", []),
    ],
)
def test_find_links(text, links):
    assert find_links(text) == links

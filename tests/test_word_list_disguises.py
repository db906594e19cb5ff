"""Word lists see through disguises (issue 14, finding 2).

A banned or suspect entry matches its phrase however the phrase is spelled apart, substituted,
stretched, hidden or restyled, wherever it stands (alone, at the start or the end of the text,
beside "a", "I" or "u"), and a word that merely contains it does not match. Everything goes
through ``route_submission`` with entries stored as ``normalize`` stores them.
"""

from __future__ import annotations

import pickle
import re

import pytest
from sqlalchemy import select

from kindness_challenge.core.policy_store import preview_phrase
from kindness_challenge.core.routing import ListEntry, Policy, route_submission
from kindness_challenge.core.text.matching import find_phrase, normalize
from kindness_challenge.extensions import db
from kindness_challenge.models import ReviewKind, State, Submission

from conftest import ModeratorActions, score_all, submit

CALM = {"toxicity": 0.01}  # what the classifier says: the word list alone decides
KINDS = ("banned", "suspect")


def policy(kind: str, *phrases: str) -> Policy:
    entries = tuple(ListEntry(p, normalize(p), None) for p in phrases)
    return Policy(banned=entries) if kind == "banned" else Policy(suspect=entries)


def assert_caught(text: str, kind: str, phrase: str) -> None:
    decision = route_submission(text, CALM, policy(kind, phrase))
    if kind == "banned":
        assert decision.state is State.rejected, (text, decision.reason)
    else:
        assert decision.state is State.needs_review, (text, decision.reason)
        assert decision.review_kind is ReviewKind.suspect_word
    assert decision.matched == (phrase,)


def assert_passes(text: str, kind: str, phrase: str) -> None:
    decision = route_submission(text, CALM, policy(kind, phrase))
    assert decision.state is State.published, (text, decision.reason)
    assert decision.matched == ()


def _styled(first: int):
    return lambda word: "".join(chr(first + ord(c) - ord("a")) for c in word)


def _between(*separators: str):
    def spell(word: str) -> str:
        return word[0] + "".join(
            separators[i % len(separators)] + c for i, c in enumerate(word[1:])
        )

    return spell


def _each(suffix: str):
    return lambda word: "".join(c + suffix for c in word)


def _swap(table: dict[str, str]):
    return lambda word: "".join(table.get(c, c) for c in word)


# Each family disguises "loser" (every letter but "l" has a look-alike somewhere).
DISGUISES = {
    "plain": str,
    "capitals": str.upper,
    "alternating case": lambda w: "".join(c.upper() if i % 2 else c for i, c in enumerate(w)),
    "spaced": _between(" "),
    "spaced capitals": lambda w: " ".join(w.upper()),
    "dotted": _between("."),
    "dotted and spaced": _between(". "),
    "dashed": _between("-"),
    "underscored": _between("_"),
    "starred": _between("*"),
    "slashed": _between("/"),
    "mixed separators": _between(".", "-", "_", "*"),
    "mixed separators with a space": _between(".", " ", "-", "_"),
    "leet digits": _swap({"o": "0", "s": "5", "e": "3"}),
    "leet symbols": _swap({"l": "£", "s": "$", "e": "€"}),
    "stretched vowels": lambda w: w.replace("o", "oooo").replace("e", "eeeee"),
    "stretched last letter": lambda w: w + w[-1] * 6,
    "zero-width space": _between("\u200b"),
    "zero-width joiners": _between("\u200c", "\u200d"),
    "word joiner": _between("\u2060"),
    "byte order mark": _between("\ufeff"),
    "soft hyphen": _between("\u00ad"),
    "invisible separator": _between("\u2063"),
    "hangul filler": _between("\u3164"),
    "braille blank": _between("\u2800"),
    "grapheme joiner": _between("\u034f"),
    "tag characters": _between("\U000e0020"),
    "variation selectors": _each("\ufe0f"),
    "full-width": _styled(0xFF41),
    "mathematical bold": _styled(0x1D41A),
    "mathematical monospace": _styled(0x1D68A),
    "circled": _styled(0x24D0),
    "cyrillic look-alikes": _swap({"o": "о", "s": "ѕ", "e": "е"}),
    "greek look-alikes": _swap({"o": "ο", "e": "ε"}),
    "cyrillic and greek capitals": lambda w: _swap({"O": "О", "S": "Ѕ", "E": "Ε"})(w.upper()),
    "combining overlay": _each("\u0338"),
    "combining strikethrough": _each("\u0336"),
    "zalgo": _each("\u0301\u0316\u0334"),
    "enclosing circles": _each("\u20dd"),
}
PLACES = {
    "alone": "{}",
    "at the start": "{} is what you are",
    "at the end": "honestly, everyone agrees: {}",
    "after a": "you are a {}",
    "before a": "{} a hundred times over",
    "after I": "and so I {} it all",
    "before I": "{} I said",
    "after u": "u {}",
    "between a and I": "such a {} I think",
    "before punctuation": "what a {}!",
}


@pytest.mark.parametrize("place", PLACES)
@pytest.mark.parametrize("family", DISGUISES)
@pytest.mark.parametrize("kind", KINDS)
def test_a_disguised_entry_is_caught_wherever_it_stands(kind, family, place):
    text = PLACES[place].format(DISGUISES[family]("loser"))
    assert_caught(text, kind, "loser")


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("YOU ARE A L O S E R", "you are a loser"),
        ("you are a l.o.s.e.r", "you are a loser"),
        ("y o u  a r e  a  l o s e r", "you are a loser"),  # wider gaps between words
        ("y.o.u a.r.e a l.o.s.e.r", "you are a loser"),
        ("you are a l0$er", "you are a loser"),
        ("yоu аrе а lоѕеr", "you are a loser"),  # Cyrillic о, а, е, ѕ
        ("you\u200b are a lo\u200bser", "you are a loser"),
        ("ｙｏｕ ａｒｅ ａ ｌｏｓｅｒ", "you are a loser"),
        ("k i l l yourself", "kill yourself"),
        ("k.i.l.l y.o.u.r.s.e.l.f", "kill yourself"),
        ("k i l l  y o u r s e l f", "kill yourself"),
        ("Κill yourself", "kill yourself"),  # Greek capital kappa
        ("kiiiiill yourseeeelf", "kill yourself"),
        ("k̸i̸l̸l̸ yourself", "kill yourself"),
        ("I h a t e you", "hate you"),
        ("I h.a.t.e you", "hate you"),
        ("g o  d i e", "go die"),
        ("just g-o d-i-e", "go die"),
        ("k y s", "kys"),
        ("nobody asked, k.y.s", "kys"),
        ("ok a s s", "ass"),  # a leading "a" is also the word's first letter
        ("a s s h o l e u", "asshole"),
    ],
)
@pytest.mark.parametrize("kind", KINDS)
def test_disguised_phrases_are_caught(kind, text, phrase):
    assert_caught(text, kind, phrase)


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("you are getting closer", "lose"),
        ("c l o s e r to the sun", "lose"),
        ("c.l.o.s.e.r", "lose"),
        ("a classic", "ass"),
        ("what a class act", "ass"),
        ("passing notes in class", "ass"),
        ("my a s s i s t a n t helped", "ass"),
        ("an a s s e s s m e n t", "ass"),
        ("a s s u r e d", "ass"),
        ("greetings from Scunthorpe", "cunt"),
        ("you are a lovely person", "you are a loser"),
        ("I hate mondays", "hate you"),
        ("skill yourself up", "kill yourself"),
        ("в доме сор", "cop"),  # genuine Cyrillic "сор" stays Cyrillic
    ],
)
@pytest.mark.parametrize("kind", KINDS)
def test_words_that_only_contain_an_entry_pass(kind, text, phrase):
    assert_passes(text, kind, phrase)


@pytest.mark.parametrize(
    ("text", "usual"),
    [
        ("you are a l o s e r", "you are aloser"),
        ("I h a t e you", "ihate you"),
        ("y o u  a r e  d u m b", "youaredumb"),
        ("lоѕеr", "lоѕеr"),  # look-alikes are kept in the usual reading
        ("thank you", "thank you"),
    ],
)
def test_normalize_keeps_its_usual_reading(text, usual):
    # What a list entry stores and what spots a repeated text does not change.
    normalized = normalize(text)
    assert normalized == usual
    assert normalized.readings[0] == usual
    assert hash(normalized) == hash(usual)


def test_the_readings_of_spelled_apart_letters():
    assert set(normalize("you are a l o s e r").readings) == {"you are aloser", "you are a loser"}
    assert set(normalize("a s s h o l e u").readings) == {
        "assholeu",
        "a ssholeu",
        "asshole u",
        "a sshole u",
    }
    assert normalize("plain words").readings == ("plain words",)


def test_find_phrase_takes_a_plain_string_as_one_reading():
    assert find_phrase("you are a loser", "loser")
    assert not find_phrase("you are aloser", "loser")
    assert find_phrase(normalize("you are a l o s e r"), "loser")


def test_a_matching_text_survives_a_copy():
    normalized = normalize("you are a l o s e r")
    again = pickle.loads(pickle.dumps(normalized))
    assert again == normalized and again.readings == normalized.readings
    assert str(normalized) == "you are aloser" and type(str(normalized)) is str


@pytest.fixture
def admin(app, client):
    actions = ModeratorActions(app, client)
    actions.create("root", role="admin")
    actions.login("root")
    return actions


def test_preview_and_queue_catch_a_spelled_apart_entry(app, client, admin):
    submit(client, text="Thank you, you are a l o s e r")
    submit(client, text="I h.a.t.e you, thanks")
    submit(client, text="closer to the sun")
    with app.app_context():
        caught = [s.text for s in preview_phrase(db.session, "loser")]
        assert caught == ["Thank you, you are a l o s e r"]
    page = client.post(
        "/moderate/words", data={"kind": "suspect", "phrase": "loser", "preview": "Preview"}
    ).get_data(as_text=True)
    assert "would have caught 1 of the recent submissions" in page
    added = client.post(
        "/moderate/words",
        data={"kind": "suspect", "phrase": "loser", "public_reason": "", "submit": "Add to list"},
    )
    assert added.status_code == 302
    submit(client, text="Thanks, a L.O.S.E.R like me needed that")
    score_all(app)
    with app.app_context():
        state = db.session.scalar(
            select(Submission.state).where(Submission.text.startswith("Thanks, a L.O.S.E.R"))
        )
        assert state is State.needs_review
    queue = client.get("/moderate/").get_data(as_text=True)
    # The card is there, its disguised word highlighted from the stored match.
    assert re.search(r"Thanks, a <mark[^>]*>L\.O\.S\.E\.R</mark> like me needed that", queue)
    assert "Suspect phrase" in queue

"""Which language a submission is written in, so that one a classifier does not cover goes to a
moderator instead of being scored as if it were English.

The detector is py3langid (a modernised langid.py: a naive Bayes model over byte n-grams, 97
languages, its model shipped in the 4.6 MB wheel), chosen over lingua-language-detector for
cost: on the dev set's short comments it is as accurate here, at about 45 µs a text against
0.5-1 ms, 0.8 s to load against 6-13 s, and a 4.6 MB wheel against 96 MB (lingua keeps
0.8-1.3 GB of models in memory).

A false "not English" sends a kind English comment to review, and a false "English" scores a
Hinglish or Portuguese insult with an English-only model, so the answer has three kinds:
a language code, ``None`` ("too little to tell": scored as usual), ``UNDETERMINED``
("und", ISO 639-2: enough text, but not recognisably English) and ``MIXED`` ("mul": English
with a clause in another language); the last two are routed to review like any language the
classifier does not claim:

* under ``MIN_LETTERS`` letters ("ok!", "lol", an emoji, a name): None;
* a text whose letters are mostly of another script than Latin (Cyrillic, Arabic, Devanagari,
  CJK...) cannot be English: the detector's language when it gives it ``MIN_CONFIDENCE_SCRIPT``,
  ``UNDETERMINED`` otherwise;
* a Latin-script text is English when the detector says so with ``MIN_CONFIDENCE_ENGLISH``,
  and another language with ``MIN_CONFIDENCE`` and ``MIN_LETTERS_LATIN`` letters;
* in between (short English slang such as "omg yesss" or "tysm bestie" that the detector
  would call Swahili or Frisian, and equally short or romanised Indonesian, Hinglish or
  Portuguese), the words decide: English when at least ``MIN_ENGLISH_WORDS`` of them are common
  English words (wordfreq's Zipf frequency ``MIN_ZIPF_ENGLISH``, i.e. once in 1,000,000 words,
  and not far more common in one of ``NEIGHBOUR_LANGUAGES``), ``UNDETERMINED`` otherwise; a
  text with no word of two letters is None;
* a text found English is checked clause by clause (``clauses``: split at sentence punctuation,
  commas and line breaks): when a clause of at least ``MIN_FOREIGN_CLAUSE_WORDS`` words is
  mostly another language's words (``_has_foreign_clause``), the text is ``MIXED`` ("mul"),
  which goes to review whatever the classifier claims. So a French or Hinglish insult inside
  friendly English is not judged by the English model, which cannot read it. Common English
  words ("son", "die"), most names and rare English words ("subhuman or animalistic") are not
  another language's words; a short borrowed phrase ("Gracias amigo,") is too short to count,
  but a longer one ("Bon appétit everyone", "Hasta la vista baby") or a Portuguese place
  ("Hello from Sao Paulo") sends a kind English comment to review: the cost of the check.

Romanised Hindi (Hinglish) is mostly unknown to wordfreq, whose Hindi list is Devanagari: the
common Hinglish words of ``romanised_hindi`` count as another language's words and not as
English ones, and a text of one clause is read whole by its words, so "bhai ye news wala bakwas
kyun dikha raha hai" is not English although the detector says it is.

``bench/language_detection.py`` measures both sides: of the 1,381 English dev rows, 2 are
undetermined (1 harmless), 2 mixed (both toxic) and none another language; of a
3,000-row sample of moderation-train-v2's non-English sources, 2.6% are scored as English (27.4%
before the word check: 75% of the Hinglish rows, 36% of the Brazilian tweets; 2.9% before the
Hinglish words: the romanised Hindi rows of TRAC 5.1%, now 4.2%), largely English tweets within
those sources. Mentions, hashtags and links are not words here.

Detection reads ``scoring_text(text)`` (``scoring_form``): invisible characters, Zalgo marks
and leetspeak digits are noise to an n-gram model, and look-alike Cyrillic letters inside
English words ("ѕtupid") would otherwise make an English insult read as Russian. Genuine
Cyrillic or Greek words are not folded (``scoring_text`` folds only mixed-script words), so
Russian stays Russian.

No Flask imports: the scoring worker calls ``detect_languages`` for each claimed batch.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

from . import romanised_hindi
from .clauses import clauses
from .scoring_form import scoring_text

# The languages each detoxify model was trained on (detoxify's README): ``multilingual`` is
# XLM-RoBERTa fine-tuned on the Jigsaw multilingual data; the others are English only.
DETOXIFY_LANGUAGES: dict[str, frozenset[str]] = {
    "original": frozenset({"en"}),
    "unbiased": frozenset({"en"}),
    "original-small": frozenset({"en"}),
    "unbiased-small": frozenset({"en"}),
    "multilingual": frozenset({"en", "fr", "es", "it", "pt", "tr", "ru"}),
}

MIN_LETTERS = 3
MIN_LETTERS_LATIN = 12
MIN_CONFIDENCE = 0.8  # a Latin-script text called another language than English
MIN_CONFIDENCE_SCRIPT = 0.3  # a text mostly of another script: only which language is in doubt
MIN_CONFIDENCE_ENGLISH = 0.5
# py3langid answers some languages with ISO 639-3 codes: those with a 639-1 code, or a close
# macrolanguage, are given as that; the rest keep their three letters. Nigerian Pidgin ("pcm")
# is English-based and what the detector calls plain English sentences that name Nigeria.
TO_639_1 = {
    "pcm": "en",
    "yue": "zh", "wuu": "zh", "arz": "ar", "ary": "ar", "uzs": "uz", "hbo": "he", "grc": "el",
    "nn": "no", "gug": "gn", "fuv": "ff", "kik": "ki", "tk": "tk",
}  # fmt: skip
NO_LANGUAGE = "zxx"
UNDETERMINED = "und"
MIXED = "mul"  # ISO 639-2 "multiple languages": English with a clause in another language

# The word check for Latin-script text the detector cannot place (see the module's docstring).
MIN_ENGLISH_WORDS = 0.5
MIN_ZIPF_ENGLISH = 3.0
NEIGHBOUR_MARGIN = 1.0  # a word this much more common in a neighbour is not taken as English
# Latin-script languages with wordfreq lists whose words English slang borrows or resembles
# (wordfreq's "hi" list holds romanised Hindi from social media as well as Devanagari).
NEIGHBOUR_LANGUAGES = (
    "es", "pt", "fr", "de", "it", "id", "ms", "tr", "hi", "nl", "pl", "ro", "fil", "vi", "ca",
)  # fmt: skip
# The clause check (``_has_foreign_clause``): a clause of at least MIN_FOREIGN_CLAUSE_WORDS
# words, at least MIN_FOREIGN_WORDS of them another language's words, or one the detector calls
# another language with MIN_CONFIDENCE_CLAUSE, mostly not English words, is not English.
MIN_FOREIGN_CLAUSE_WORDS = 3
MIN_FOREIGN_WORDS = 0.5
MIN_CONFIDENCE_CLAUSE = 0.5
MAX_ZIPF_FOREIGN = 4.0  # a word this common in English is English, whatever else it is
FOREIGN_MARGIN = 1.5  # and a foreign word is this much more common in the neighbour
WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
NOT_WORDS = re.compile(r"[@#]\w+|\S+://\S+|www\.\S+")
ELONGATION = re.compile(r"(.)\1{2,}")


@functools.cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _letters(text: str) -> tuple[int, int]:
    """(letters, Latin letters) in a text."""
    letters = latin = 0
    for char in text:
        if char.isalpha():
            letters += 1
            if char.isascii() or "LATIN" in unicodedata.name(char, ""):
                latin += 1
    return letters, latin


@functools.lru_cache(maxsize=65536)
def _english_word(word: str) -> bool:
    from wordfreq import zipf_frequency

    if word in romanised_hindi.WORDS:
        return False
    english = zipf_frequency(word, "en", wordlist="small")
    if english < MIN_ZIPF_ENGLISH:
        return False
    neighbour = max(zipf_frequency(word, code, wordlist="small") for code in NEIGHBOUR_LANGUAGES)
    return english >= neighbour - NEIGHBOUR_MARGIN


def _words(text: str) -> list[str]:
    """``text``'s words of two letters or more, lower-cased, letters repeated three times or
    more squeezed to two ("yesss" is "yess"); mentions, hashtags and links left out."""
    text = NOT_WORDS.sub(" ", text)
    words = [ELONGATION.sub(r"\1\1", word.lower()) for word in WORD.findall(text)]
    return [word for word in words if len(word) >= 2]


def english_word_share(text: str) -> float | None:
    """The share of ``text``'s words (``_words``) that are common English words; None when it
    has no such word."""
    words = _words(text)
    if not words:
        return None
    return sum(_english_word(word) for word in words) / len(words)


@functools.lru_cache(maxsize=65536)
def _foreign_word(word: str) -> bool:
    """A common word of one of ``NEIGHBOUR_LANGUAGES`` (Zipf ``MIN_ZIPF_ENGLISH``) that English
    does not share: less common than ``MAX_ZIPF_FOREIGN`` in English and ``FOREIGN_MARGIN`` more
    common in the neighbour. "vraiment", "bist", "une", "que" are; "son", "care", "die", "hi",
    "van", "de" (common English words, or names) and "animalistic" (rare everywhere) are not.
    The romanised Hindi words of ``romanised_hindi`` ("kya", "bolta") are foreign words too,
    though wordfreq's mostly Devanagari Hindi list does not know them."""
    from wordfreq import zipf_frequency

    if word in romanised_hindi.WORDS:
        return True
    english = zipf_frequency(word, "en", wordlist="small")
    if english >= MAX_ZIPF_FOREIGN:
        return False
    neighbour = max(zipf_frequency(word, code, wordlist="small") for code in NEIGHBOUR_LANGUAGES)
    return neighbour >= max(MIN_ZIPF_ENGLISH, english + FOREIGN_MARGIN)


def _has_foreign_clause(text: str) -> bool:
    """Whether a clause of ``text`` (``clauses``) of at least ``MIN_FOREIGN_CLAUSE_WORDS`` words
    is in another language: at least ``MIN_FOREIGN_WORDS`` of its words are another language's
    (``_foreign_word``), or the detector names another language for it with
    ``MIN_CONFIDENCE_CLAUSE`` and fewer than ``MIN_ENGLISH_WORDS`` of its words are common English
    words ("Du bist so ein armseliger Idiot": "du", "so", "ein" and "idiot" are English words
    too). A text of one clause is read whole, by its words only (the detector has already had
    its say on it): "Arre sunn kya hua bolta hai court me list" has too many English words for
    the word share alone, but most of its words are Hindi. Colons split here (unlike for
    scoring): an English lead-in must not hide the clause it introduces."""
    pieces = clauses(text, at_colons=True)
    if not pieces:
        words = _words(text)
        return (
            len(words) >= MIN_FOREIGN_CLAUSE_WORDS
            and sum(_foreign_word(word) for word in words) / len(words) >= MIN_FOREIGN_WORDS
        )
    for clause in pieces:
        words = _words(clause)
        if len(words) < MIN_FOREIGN_CLAUSE_WORDS:
            continue
        if sum(_foreign_word(word) for word in words) / len(words) >= MIN_FOREIGN_WORDS:
            return True
        code, confidence = _identifier().classify(clause)
        code = TO_639_1.get(code, code)
        if code not in ("en", NO_LANGUAGE) and confidence >= MIN_CONFIDENCE_CLAUSE:
            if sum(_english_word(word) for word in words) / len(words) < MIN_ENGLISH_WORDS:
                return True
    return False


def detect_language(text: str, *, normalised: bool = False) -> str | None:
    """The language ``text`` is written in (ISO 639-1, or 639-3 where a language has no
    639-1 code), ``UNDETERMINED`` when there is enough of it to say it is not recognisably
    English but not which language it is, or None when it is too short to tell.
    ``normalised``: the text is already its ``scoring_text`` (the worker has it at hand)."""
    return _detect_normalised(text if normalised else scoring_text(text))


# The worker detects a batch's languages to route it, and the fine-tuned classifier does again to
# send the claimed ones to the multilingual model: the second look at a text is a cache hit.
@functools.lru_cache(maxsize=4096)
def _detect_normalised(text: str) -> str | None:
    letters, latin = _letters(text)
    if letters < MIN_LETTERS:
        return None
    code, confidence = _identifier().classify(text)
    code = TO_639_1.get(code, code)
    if latin * 2 < letters:  # mostly another script: not English, whatever else it is
        if code not in ("en", NO_LANGUAGE) and confidence >= MIN_CONFIDENCE_SCRIPT:
            return code
        return UNDETERMINED
    if code == "en" and confidence >= MIN_CONFIDENCE_ENGLISH:
        return MIXED if _has_foreign_clause(text) else "en"
    if code not in ("en", NO_LANGUAGE) and letters >= MIN_LETTERS_LATIN:
        if confidence >= MIN_CONFIDENCE:
            return code
    share = english_word_share(text)
    if share is None:
        return None
    if share < MIN_ENGLISH_WORDS:
        return UNDETERMINED
    return MIXED if _has_foreign_clause(text) else "en"


def detect_languages(texts: Iterable[str], *, normalised: bool = False) -> list[str | None]:
    """``detect_language`` for each text (the model is loaded once, on first use)."""
    return [detect_language(text, normalised=normalised) for text in texts]

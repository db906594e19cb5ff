"""Which language a submission is written in, so that one a classifier does not cover goes to a
moderator instead of being scored as if it were English.

The detector is py3langid (a modernised langid.py: a naive Bayes model over byte n-grams, 97
languages, its model shipped in the 4.6 MB wheel), chosen over lingua-language-detector for
cost: on the dev set's short comments it is as accurate here, at about 45 µs a text against
0.5-1 ms, 0.8 s to load against 6-13 s, and a 4.6 MB wheel against 96 MB (lingua keeps
0.8-1.3 GB of models in memory).

A false "not English" sends a kind English comment to review, so the detector answers
conservatively; ``None`` means "cannot tell", and routing then scores the text as usual:

* under ``MIN_LETTERS`` letters ("ok!", "lol", an emoji, a name): None;
* a text whose letters are mostly of another script than Latin (Cyrillic, Arabic, Devanagari,
  CJK...) cannot be English: the detector's language, when it gives it ``MIN_CONFIDENCE_SCRIPT``;
* a Latin-script text is called another language than English only with ``MIN_CONFIDENCE``
  and ``MIN_LETTERS_LATIN`` letters: short English slang ("omg yesss", "tysm bestie") would
  otherwise come out as Swahili or Frisian.

Detection reads ``scoring_text(text)`` (``scoring_form``): invisible characters, Zalgo marks
and leetspeak digits are noise to an n-gram model, and look-alike Cyrillic letters inside
English words ("ѕtupid") would otherwise make an English insult read as Russian. Genuine
Cyrillic or Greek words are not folded (``scoring_text`` folds only mixed-script words), so
Russian stays Russian.

No Flask imports: the scoring worker calls ``detect_languages`` for each claimed batch.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable

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


def detect_language(text: str, *, normalised: bool = False) -> str | None:
    """The language ``text`` is written in (ISO 639-1, or 639-3 where a language has no
    639-1 code), or None when it is too short or too uncertain to tell. ``normalised``: the
    text is already its ``scoring_text`` (the worker has it at hand)."""
    if not normalised:
        text = scoring_text(text)
    letters, latin = _letters(text)
    if letters < MIN_LETTERS:
        return None
    code, confidence = _identifier().classify(text)
    code = TO_639_1.get(code, code)
    if code == NO_LANGUAGE:
        return None
    if code == "en":
        return "en" if confidence >= MIN_CONFIDENCE_ENGLISH else None
    if latin * 2 < letters:  # mostly another script: not English, whatever else it is
        return code if confidence >= MIN_CONFIDENCE_SCRIPT else None
    if letters >= MIN_LETTERS_LATIN and confidence >= MIN_CONFIDENCE:
        return code
    return None


def detect_languages(texts: Iterable[str], *, normalised: bool = False) -> list[str | None]:
    """``detect_language`` for each text (the model is loaded once, on first use)."""
    return [detect_language(text, normalised=normalised) for text in texts]

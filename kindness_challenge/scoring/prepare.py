"""What the classifier is given, and what routing needs to know besides its scores.

* ``scoring_texts``: the scoring form of each text (``textnorm.scoring_text``: invisible
  characters dropped, look-alike letters folded, leetspeak and spaced letters undone), so a
  disguise does not hide an insult from the classifier. What is stored and shown never changes.
* ``detect_languages``: each text's language, or None when it is too short to tell. A moment
  in a language the classifier does not cover goes to review instead of being scored as if it
  were English (``routing.language_check``).
* ``covered_languages``: the languages a classifier was trained on (None: it does not say).

Neither step may stop a batch from being scored: a failure here is logged and the texts are
scored as written, with no language.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from ..core.text.language import detect_languages as _detect
from ..core.text.scoring_form import scoring_text

log = logging.getLogger(__name__)


def scoring_texts(texts: Sequence[str]) -> list[str]:
    out = []
    for text in texts:
        try:
            out.append(scoring_text(text))
        except Exception:  # noqa: BLE001 - normalising is a help, never a reason to fail
            log.exception("could not normalise a text for scoring; scoring it as written")
            out.append(text)
    return out


def detect_languages(scoring_forms: Sequence[str]) -> list[str | None]:
    """The language of each text, given in its scoring form (``scoring_texts``)."""
    texts = list(scoring_forms)
    try:
        found = list(_detect(texts, normalised=True))
    except Exception:  # noqa: BLE001 - routing then treats every text as of unknown language
        log.exception("language detection failed for a batch of %d", len(texts))
        return [None] * len(texts)
    if len(found) != len(texts):
        log.error("language detection returned %d answers for %d texts", len(found), len(texts))
        return [None] * len(texts)
    return found


def covered_languages(classifier) -> frozenset[str] | None:
    languages = getattr(classifier, "languages", None)
    return frozenset(languages) if languages is not None else None

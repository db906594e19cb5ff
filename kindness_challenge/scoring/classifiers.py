"""Classifiers: score a batch of texts -> one ``{label: probability}`` dict per text.

Two implementations:

* ``ProfanityCheckClassifier``: alt-profanity-check, a linear model over character and word n-grams
  trained on labelled comments, shipped inside its package. Works on a fresh machine with no
  downloads; one label, ``toxicity``.
* ``DetoxifyClassifier`` (``detoxify_classifier.py``): the production classifier. Any detoxify
  model (fetched into ``instance/models/``) or a local detoxify-format checkpoint with a local
  Hugging Face config/tokenizer folder, scored by ``DetoxifyEngine``. Loaded lazily, once.

``build_classifier`` falls back to the embedded default, and says so, when detoxify's files are
missing, unless detoxify is required.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from importlib.metadata import version
from typing import Protocol

from .detoxify_classifier import DetoxifyClassifier, DetoxifySettings
from .model_files import ModelFilesMissing, fetch_command

log = logging.getLogger(__name__)


class Classifier(Protocol):
    name: str
    version: str
    description: str

    def score_batch(self, texts: Sequence[str]) -> list[dict[str, float]]: ...

    def truncation_flags(self, texts: Sequence[str]) -> list[bool]:
        """For each text, whether the classifier saw only its start."""
        ...


class ProfanityCheckClassifier:
    """alt-profanity-check: the offline default. Reads every text in full."""

    name = "alt-profanity-check"
    labels = ("toxicity",)

    def __init__(self, fallback_from: str | None = None) -> None:
        self.version = version("alt-profanity-check")
        self.fallback_from = fallback_from  # why detoxify is not in use, when it was asked for
        note = "embedded offline default"
        if fallback_from:
            note += f"; {fallback_from}"
        self.description = f"{self.name} {self.version} ({note})"

    def score_batch(self, texts: Sequence[str]) -> list[dict[str, float]]:
        if not texts:
            return []
        # the shipped model's own arithmetic, without scikit-learn's per-call overhead
        from .linear_profanity import predict_prob

        return [{"toxicity": float(p)} for p in predict_prob(list(texts))]

    def score_occlusions(self, text: str, words: Sequence[str]) -> list[dict[str, float]]:
        """``score_batch([text] + [the other words joined by a space, for each word])`` for
        ``words == text.split()``, in one pass over the text (for explanations)."""
        if type(self).score_batch is not ProfanityCheckClassifier.score_batch:  # a subclass's own
            return self.score_batch(
                [text] + [" ".join(words[:i] + words[i + 1 :]) for i in range(len(words))]
            )
        from .linear_profanity import get_model

        return [{"toxicity": float(p)} for p in get_model().leave_one_out_prob(text, words)]

    def truncation_flags(self, texts: Sequence[str]) -> list[bool]:
        return [False] * len(texts)


CLASSIFIER_KINDS = ("detoxify", "embedded", "embedded-v2", "profanity-check")


def build_classifier(
    kind: str,
    detoxify: DetoxifySettings | None = None,
    *,
    require_detoxify: bool = True,
    embedded_threads: int | None = 1,
) -> Classifier:
    """The classifier for ``kind``. Without detoxify's files and not ``require_detoxify``: the
    embedded default, with the reason in its description and its ``fallback_from``.

    ``embedded_threads``: torch's CPU threads for the embedded model (None: torch's default).
    """
    if kind == "embedded":
        return embedded_default(threads=embedded_threads)
    if kind == "profanity-check":
        return ProfanityCheckClassifier()
    if kind == "embedded-v2":
        from .embedding_classifier import SentenceEmbeddingClassifier

        return SentenceEmbeddingClassifier(threads=embedded_threads)
    if kind == "detoxify":
        settings = detoxify or DetoxifySettings()
        try:
            return DetoxifyClassifier(settings)
        except ModelFilesMissing as missing:
            if require_detoxify:
                raise
            # Said once per start by the app (services.py), in words for the operator; here it
            # is only logged for whoever debugs the scoring package itself.
            log.debug("detoxify is not available, scoring with the embedded default: %s", missing)
            return embedded_default(fallback_note(settings), threads=embedded_threads)
    raise ValueError(f"unknown classifier {kind!r}; choose one of {', '.join(CLASSIFIER_KINDS)}")


def embedded_default(fallback_from: str | None = None, *, threads: int | None = 1) -> Classifier:
    """The third generation: all-MiniLM-L6-v2 fine-tuned with LoRA adapters, with toxicity,
    threat and kindness heads (offline, shipped in ``scoring/v3/``, hash-checked).

    ``fallback_from``: why detoxify is not in use, when it was asked for; said in the
    description, which the moderators' banner and ``classifier info`` show.
    """
    from .finetuned_classifier import FinetunedClassifier

    classifier = FinetunedClassifier(threads=threads)
    classifier.fallback_from = fallback_from
    if fallback_from:
        classifier.description = f"{classifier.description}; {fallback_from}"
    return classifier


def with_kindness(classifier: Classifier) -> Classifier:
    """``classifier``, plus the embedded kindness (and, where it has none, threat) judgement
    when it scores no kindness of its own (detoxify, alt-profanity-check), so the policy's
    kindness rule and threat routing apply to it too."""
    from .finetuned_classifier import FinetunedClassifier
    from .kindness import WithKindness

    if "kindness" in (getattr(classifier, "labels", None) or ()):
        return classifier
    # threads=None: torch's thread count stays the toxicity classifier's (it is per process).
    return WithKindness(classifier, FinetunedClassifier(threads=None))


def kindness_threshold_of(classifier: Classifier) -> float | None:
    """The kindness threshold chosen with the classifier that scores kindness (the policy's
    default before an admin sets one), or None when it recommends none."""
    for candidate in (classifier, getattr(classifier, "kindness_source", None)):
        value = getattr(candidate, "kindness_threshold", None)
        if isinstance(value, int | float):
            return float(value)
    return None


def fallback_note(settings: DetoxifySettings) -> str:
    if settings.checkpoint is not None:
        return f"detoxify checkpoint {settings.checkpoint} not found"
    return (
        f"detoxify model {settings.model_type!r} is not installed: "
        f"run {fetch_command(settings.model_type)}"
    )


def fallback_notice(settings: DetoxifySettings, fallback_from: str) -> str:
    """One line for the operator when the embedded default stands in for detoxify: what is in
    use, that it is fine, and the exact settings that change it."""
    how = (
        f"check KINDNESS_DETOXIFY_CHECKPOINT ({fallback_from})"
        if settings.checkpoint is not None
        else f"run `{fetch_command(settings.model_type)}`"
    )
    return (
        "Scoring with the embedded classifier (offline, shipped with the app). To use detoxify "
        f"instead, {how}, or set KINDNESS_DETOXIFY_CHECKPOINT and KINDNESS_DETOXIFY_HF_CONFIG "
        "to local files; KINDNESS_CLASSIFIER=embedded keeps the embedded one without this note."
    )


def truncation_flags_for(
    classifier: Classifier, texts: Sequence[str], outcomes: Sequence[object] | None = None
) -> list[bool]:
    """Which texts the classifier read only in part; False where it cannot say.

    With ``outcomes`` (the scores, or the exception, per text) only the texts that scored are
    asked about: a classifier that failed on a text is not made to fail on it again.
    """
    flags = [False] * len(texts)
    asked = [
        i for i in range(len(texts)) if outcomes is None or not isinstance(outcomes[i], Exception)
    ]
    truncation_flags = getattr(classifier, "truncation_flags", None)
    if not asked or truncation_flags is None:
        return flags
    try:
        answers = [bool(flag) for flag in truncation_flags([texts[i] for i in asked])]
    except Exception:  # noqa: BLE001 - a record, never a reason to fail the batch
        log.exception("could not tell which of %d texts were truncated", len(asked))
        return flags
    if len(answers) == len(asked):
        for i, answer in zip(asked, answers, strict=True):
            flags[i] = answer
    return flags

"""Classifiers: score a batch of texts -> one ``{label: probability}`` dict per text.

Two implementations:

* ``EmbeddedClassifier``: alt-profanity-check, a linear model over character and word n-grams
  trained on labelled comments, shipped inside its package. Works on a fresh machine with no
  downloads; one label, ``toxicity``.
* ``DetoxifyClassifier``: the production classifier. Any detoxify model (fetched into
  ``instance/models/``) or a local detoxify-format checkpoint with a local Hugging Face
  config/tokenizer folder, scored by ``DetoxifyEngine``. Loaded lazily, once per process.

``build_classifier`` falls back to the embedded default, and says so, when detoxify's files are
missing, unless detoxify is required.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Protocol

from .model_files import (
    ModelFiles,
    ModelFilesMissing,
    check_model_name,
    fetch_command,
    find_model_files,
)
from .precision import PRECISIONS, default_precision

log = logging.getLogger(__name__)


class Classifier(Protocol):
    name: str
    version: str
    description: str

    def score_batch(self, texts: Sequence[str]) -> list[dict[str, float]]: ...

    def truncation_flags(self, texts: Sequence[str]) -> list[bool]:
        """For each text, whether the classifier saw only its start."""
        ...


class EmbeddedClassifier:
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
        from profanity_check import predict_prob

        return [{"toxicity": float(p)} for p in predict_prob(list(texts))]

    def truncation_flags(self, texts: Sequence[str]) -> list[bool]:
        return [False] * len(texts)


@dataclass(frozen=True)
class DetoxifySettings:
    model_type: str = "original"
    checkpoint: str | None = None
    huggingface_config_path: str | None = None
    device: str = "cpu"
    precision: str | None = None  # None: "fast" on a CPU, "exact" on CUDA
    threads: int | None = None  # torch's CPU threads; None: every core this process may use
    tokens_per_batch: int | None = None  # padded tokens per sub-batch; None: measured default
    models_dir: str = "instance/models"  # where `classifier fetch` puts models


class ModelLoadError(RuntimeError):
    """The model failed to load a moment ago; not tried again until ``LOAD_RETRY_SECONDS``."""


class DetoxifyClassifier:
    """detoxify, loaded on first use and shared by every batch of this process.

    A model that fails to load is not read again for ``LOAD_RETRY_SECONDS``: the worker scores a
    failed batch again text by text, and a broken 500 MB checkpoint should not be read 32 times.
    """

    name = "detoxify"
    LOAD_RETRY_SECONDS = 30.0

    def __init__(self, settings: DetoxifySettings, files: ModelFiles | None = None) -> None:
        if settings.checkpoint is None:
            check_model_name(settings.model_type)
        if not (settings.device == "cpu" or settings.device.startswith("cuda")):
            raise ValueError(f"unknown device {settings.device!r}; choose 'cpu' or 'cuda'")
        precision = settings.precision or default_precision(settings.device)
        if precision not in PRECISIONS:
            raise ValueError(f"unknown precision {precision!r}; choose one of {PRECISIONS}")
        self.settings = settings
        self.precision = precision
        self.files = files or find_model_files(
            settings.model_type,
            Path(settings.models_dir),
            settings.checkpoint,
            settings.huggingface_config_path,
        )
        source = self.files.checkpoint.name
        suffix = f":{precision}"
        self.version = f"{version('detoxify')}:{source}"[: 80 - len(suffix)] + suffix
        self.description = (
            f"detoxify {version('detoxify')} ({source}, {settings.device}, {precision})"
        )
        self.engine = None
        self._lock = threading.Lock()
        self._load_failure: tuple[float, Exception] | None = None

    @property
    def labels(self) -> tuple[str, ...] | None:
        """The model's labels, known once it has loaded (None before)."""
        return self.engine.labels if self.engine is not None else None

    @property
    def threads(self) -> int:
        return self.settings.threads or available_cpus()

    def load(self):
        """The engine, loading the model the first time (thread-safe)."""
        with self._lock:
            if self.engine is None:
                if self._load_failure is not None:
                    failed_at, error = self._load_failure
                    if time.monotonic() - failed_at < self.LOAD_RETRY_SECONDS:
                        raise ModelLoadError(f"the model did not load: {error}") from error
                try:
                    self.engine = self._build_engine()
                except Exception as error:
                    self._load_failure = (time.monotonic(), error)
                    raise
                self._load_failure = None
                log.info("loaded %s from %s", self.description, self.files.describe())
            return self.engine

    def _build_engine(self):
        import torch

        from .detoxify_checkpoint import load_detoxify_checkpoint
        from .detoxify_engine import DetoxifyEngine

        torch.set_num_threads(self.threads)
        loaded = load_detoxify_checkpoint(self.files.checkpoint, self.files.huggingface_config)
        return DetoxifyEngine(
            loaded.model,
            loaded.tokenizer,
            loaded.labels,
            precision=self.precision,
            device=self.settings.device,
            tokens_per_batch=self.settings.tokens_per_batch,
        )

    def score_batch(self, texts: Sequence[str]) -> list[dict[str, float]]:
        if not texts:
            return []
        return self.load().score(texts)

    def truncation_flags(self, texts: Sequence[str]) -> list[bool]:
        if not texts:
            return []
        return self.load().truncation_flags(texts)


def available_cpus() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def build_classifier(
    kind: str, detoxify: DetoxifySettings | None = None, *, require_detoxify: bool = True
) -> Classifier:
    """The classifier for ``kind``. Without detoxify's files and not ``require_detoxify``: the
    embedded default, with the reason in its description and a warning in the log."""
    if kind == "embedded":
        return EmbeddedClassifier()
    if kind == "detoxify":
        settings = detoxify or DetoxifySettings()
        try:
            return DetoxifyClassifier(settings)
        except ModelFilesMissing as missing:
            if require_detoxify:
                raise
            log.warning("detoxify is not available, scoring with the embedded default: %s", missing)
            return EmbeddedClassifier(fallback_from=fallback_note(settings))
    raise ValueError(f"unknown classifier {kind!r}; choose 'embedded' or 'detoxify'")


def fallback_note(settings: DetoxifySettings) -> str:
    if settings.checkpoint is not None:
        return f"detoxify checkpoint {settings.checkpoint} not found"
    return (
        f"detoxify model {settings.model_type!r} is not installed: "
        f"run {fetch_command(settings.model_type)}"
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

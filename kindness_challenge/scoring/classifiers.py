"""Classifiers: score a batch of texts -> one ``{label: probability}`` dict per text.

Two implementations:

* ``EmbeddedClassifier``: alt-profanity-check, a linear model over character and word n-grams
  trained on labelled comments, shipped inside its package. Works on a fresh machine with no
  downloads; one label, ``toxicity``.
* ``DetoxifyClassifier``: the production classifier. Loads a named detoxify model (downloaded once
  through torch hub when the machine is online) or a local detoxify-format checkpoint with a local
  Hugging Face config/tokenizer folder for fully offline servers. Loaded lazily, once.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Protocol

DETOXIFY_MODELS = ("original", "unbiased", "multilingual", "original-small", "unbiased-small")


class Classifier(Protocol):
    name: str
    version: str
    description: str

    def score_batch(self, texts: Sequence[str]) -> list[dict[str, float]]: ...


class EmbeddedClassifier:
    """alt-profanity-check: the offline default."""

    name = "alt-profanity-check"
    labels = ("toxicity",)

    def __init__(self) -> None:
        self.version = version("alt-profanity-check")
        self.description = f"{self.name} {self.version} (embedded offline default)"

    def score_batch(self, texts: Sequence[str]) -> list[dict[str, float]]:
        if not texts:
            return []
        from profanity_check import predict_prob

        return [{"toxicity": float(p)} for p in predict_prob(list(texts))]


@dataclass(frozen=True)
class DetoxifySettings:
    model_type: str = "original"
    checkpoint: str | None = None
    huggingface_config_path: str | None = None
    device: str = "cpu"
    batch_size: int = 16


class DetoxifyClassifier:
    """detoxify, loaded on first use and shared by every batch of this process."""

    def __init__(self, settings: DetoxifySettings) -> None:
        if settings.checkpoint is None and settings.model_type not in DETOXIFY_MODELS:
            raise ValueError(
                f"unknown detoxify model {settings.model_type!r}; "
                f"choose one of {', '.join(DETOXIFY_MODELS)} or set a checkpoint"
            )
        if settings.checkpoint is not None and not Path(settings.checkpoint).is_file():
            raise FileNotFoundError(f"detoxify checkpoint not found: {settings.checkpoint}")
        self.settings = settings
        self.name = "detoxify"
        source = (
            Path(settings.checkpoint).name if settings.checkpoint else settings.model_type
        )
        self.version = f"{version('detoxify')}:{source}"[:80]
        self.description = f"detoxify {version('detoxify')} ({source}, {settings.device})"
        self._model = None
        self._lock = threading.Lock()

    @property
    def labels(self) -> tuple[str, ...] | None:
        """The model's labels, known once it has loaded (None before)."""
        return tuple(self._model.class_names) if self._model is not None else None

    def _load(self):
        with self._lock:
            if self._model is None:
                from detoxify import Detoxify

                self._model = Detoxify(
                    model_type=self.settings.model_type,
                    checkpoint=self._checkpoint_source(),
                    device=self.settings.device,
                    huggingface_config_path=self.settings.huggingface_config_path,
                )
            return self._model

    def _checkpoint_source(self):
        """The checkpoint for detoxify: its path, or a copy that loads from the config folder.

        detoxify 0.5 reads the model config from the checkpoint's ``model_type`` (a Hub id such
        as ``bert-base-uncased``) even when given ``huggingface_config_path``, so an offline
        server would still reach for the Hub (unitaryai/detoxify#126). With a local config
        folder, the checkpoint is handed over with ``model_type`` pointing at that folder.
        """
        settings = self.settings
        if settings.checkpoint is None or settings.huggingface_config_path is None:
            return settings.checkpoint
        import io

        import torch

        loaded = torch.load(settings.checkpoint, map_location=settings.device, weights_only=False)
        try:
            loaded["config"]["arch"]["args"]["model_type"] = settings.huggingface_config_path
        except (KeyError, TypeError):
            return settings.checkpoint  # not detoxify's format: let detoxify say what is wrong
        buffer = io.BytesIO()
        torch.save(loaded, buffer)
        del loaded
        buffer.seek(0)
        return buffer

    def score_batch(self, texts: Sequence[str]) -> list[dict[str, float]]:
        if not texts:
            return []
        model = self._load()
        results: list[dict[str, float]] = []
        step = max(1, self.settings.batch_size)
        for start in range(0, len(texts), step):
            chunk = list(texts[start : start + step])
            predicted = model.predict(chunk)
            # detoxify squeezes a batch of one down to plain floats.
            columns = {
                label: values if isinstance(values, list) else [values]
                for label, values in predicted.items()
            }
            for i in range(len(chunk)):
                results.append({label: float(values[i]) for label, values in columns.items()})
        return results


def build_classifier(kind: str, detoxify: DetoxifySettings | None = None) -> Classifier:
    if kind == "embedded":
        return EmbeddedClassifier()
    if kind == "detoxify":
        return DetoxifyClassifier(detoxify or DetoxifySettings())
    raise ValueError(f"unknown classifier {kind!r}; choose 'embedded' or 'detoxify'")

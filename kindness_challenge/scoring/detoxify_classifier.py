"""The detoxify classifier: settings, lazy loading once per process, and the engine behind it."""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

from ..core.text.language import DETOXIFY_LANGUAGES
from .load_once import LoadOnce, ModelLoadError  # noqa: F401 - ModelLoadError re-exported
from .model_files import ModelFiles, check_model_name, find_model_files
from .precision import PRECISIONS, default_precision

log = logging.getLogger(__name__)


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
    # The languages the model was trained on; None: those of ``model_type`` (English for a
    # local checkpoint unless said otherwise). Others go to review, not scored as English.
    languages: tuple[str, ...] | None = None


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
        self.languages = frozenset(
            settings.languages or DETOXIFY_LANGUAGES.get(settings.model_type, ("en",))
        )
        self._engine = LoadOnce(self._build_engine, self.LOAD_RETRY_SECONDS)

    @property
    def labels(self) -> tuple[str, ...] | None:
        """The model's labels, known once it has loaded (None before)."""
        return self.engine.labels if self.engine is not None else None

    @property
    def threads(self) -> int:
        return self.settings.threads or available_cpus()

    @property
    def engine(self):
        """The loaded engine, or None before the first load."""
        return self._engine.value

    def load(self):
        """The engine, loading the model the first time (thread-safe)."""
        return self._engine.get()

    def _build_engine(self):
        import torch

        from .detoxify_checkpoint import load_detoxify_checkpoint
        from .detoxify_engine import DetoxifyEngine

        torch.set_num_threads(self.threads)
        loaded = load_detoxify_checkpoint(self.files.checkpoint, self.files.huggingface_config)
        engine = DetoxifyEngine(
            loaded.model,
            loaded.tokenizer,
            loaded.labels,
            precision=self.precision,
            device=self.settings.device,
            tokens_per_batch=self.settings.tokens_per_batch,
        )
        log.info("loaded %s from %s", self.description, self.files.describe())
        return engine

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

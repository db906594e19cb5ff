"""Logistic heads over sentence embeddings: one small JSON file per label.

A head is ``sigmoid(embedding . coef + intercept)``. Its file (written by
``tools/train_heads.py``) holds the coefficients as JSON numbers, which read back to the same
float64 values, and metadata: the embedding model and its weights' SHA-256, the text
normalisation, the training data's SHA-256, the parameters and the dev-set metrics.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import torch

HEADS_DIR = Path(__file__).with_name("heads")
LABELS = ("toxicity", "kindness")


class HeadFileError(ValueError):
    """A head file is missing, malformed, or made for another embedding."""


@dataclass(frozen=True)
class LogisticHead:
    label: str
    coef: tuple[float, ...]
    intercept: float
    metadata: dict
    digest: str  # SHA-256 of the file's bytes

    @property
    def embedding_sha256(self) -> str:
        return self.metadata["embedding"]["weights_sha256"]

    @property
    def text_normalisation(self) -> str:
        return self.metadata.get("text_normalisation", "none")


def head_document(label: str, coef: Sequence[float], intercept: float, metadata: dict) -> str:
    """The text of a head file."""
    document = {
        "label": label,
        "intercept": float(intercept),
        "coef": [float(c) for c in coef],
        "metadata": metadata,
    }
    return json.dumps(document, indent=1, ensure_ascii=False) + "\n"


def read_head(path: Path) -> LogisticHead:
    try:
        data = Path(path).read_bytes()
        document = json.loads(data)
        coef = tuple(float(c) for c in document["coef"])
        intercept = float(document["intercept"])
        metadata = document["metadata"]
        metadata["embedding"]["weights_sha256"]  # noqa: B018 - required
        label = document["label"]
    except FileNotFoundError as error:
        raise HeadFileError(f"no head file {path}; train one with tools/train_heads.py") from error
    except (ValueError, KeyError, TypeError) as error:
        raise HeadFileError(f"{path} is not a head file: {error!r}") from error
    if not all(math.isfinite(c) for c in (*coef, intercept)):
        raise HeadFileError(f"{path} holds a non-finite coefficient")
    return LogisticHead(label, coef, intercept, metadata, hashlib.sha256(data).hexdigest())


def load_heads(folder: Path = HEADS_DIR, labels: Sequence[str] = LABELS) -> list[LogisticHead]:
    """The heads ``<label>.json`` in ``folder``, in the order of ``labels``; all must agree on
    the embedding and the text normalisation."""
    heads = [read_head(Path(folder) / f"{label}.json") for label in labels]
    for label, head in zip(labels, heads, strict=True):
        if head.label != label:
            raise HeadFileError(f"{folder}/{label}.json is the head of {head.label!r}")
    for what, value in (
        ("the embedding weights", lambda head: head.embedding_sha256),
        ("the text normalisation", lambda head: head.text_normalisation),
        ("the dimension", lambda head: len(head.coef)),
    ):
        if len({value(head) for head in heads}) > 1:
            raise HeadFileError(f"the heads in {folder} disagree on {what}")
    return heads


def head_matrix(heads: Sequence[LogisticHead]) -> tuple[torch.Tensor, torch.Tensor]:
    """Coefficients (dimension x labels) and intercepts, fp32, to score many heads at once."""
    import torch

    coef = torch.tensor([head.coef for head in heads], dtype=torch.float64).T
    intercept = torch.tensor([head.intercept for head in heads], dtype=torch.float64)
    return coef.float().contiguous(), intercept.float()

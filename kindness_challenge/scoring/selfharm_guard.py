"""The self-harm incitement guard of the English model: quiet pushes toward suicide held.

The fine-tuned adapter reads gently worded self-harm incitement ("the world would feel lighter
without you, just saying") as kind: its words are warm, and its threat head learned the
blunter forms. The guard is a logistic head on what the base model (MiniLM's first
``layers`` layers, which no adapter changes) makes of the text, mean-pooled and normalised,
trained by ``tools/train_selfharm_guard.py`` on hand-written incitement beside caring replies on
the same topics and everyday kind comments. Its output joins ``threat`` (the highest of the two),
for English text, with the embedded classifier and (``WithKindness``) beside detoxify alike: a
flagged moment never publishes automatically and sorts first in the queue, as a threat does. A
missing or changed guard file stops the English model from loading (the app does not start),
as a changed adapter does.

The head's bias already carries its threshold: its probability is 0.5 where the trainer's chosen
threshold was, so the policy's threat threshold moves both together. It ships in
``scoring/v3/selfharm.safetensors``, refused unless it hashes to ``SELFHARM_SHA256``; the base
weights, layer count and text form it was trained on are in that file's header, and a classifier
whose adapter changes those layers, or reads text otherwise, refuses to load with it.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np

GUARD_FILE = "selfharm.safetensors"
GUARD_LABEL = "self_harm"  # the guard's own probability, where it is kept apart from threat
# SHA-256 of the shipped scoring/v3/selfharm.safetensors (the trainer prints it).
SELFHARM_SHA256 = "6cda08686bbce3db4b927c0c6aefb3262f8099867d466256a66a5e22d54db22c"


class GuardFileError(ValueError):
    """The guard file is missing, changed, or does not fit the model it would run on."""


class SelfHarmGuard:
    """``weight`` (hidden,) and ``bias``: p = sigmoid(weight . features + bias), features the
    mean-pooled, L2-normalised hidden states after the base model's first ``layers`` layers."""

    def __init__(self, weight, bias: float, layers: int, record: dict) -> None:
        weight = np.asarray(weight, dtype=np.float32).reshape(-1)
        if not np.all(np.isfinite(weight)) or not np.isfinite(bias):
            raise GuardFileError("the guard's weights are not finite")
        if not isinstance(layers, int) or not 1 <= layers <= 6:
            raise GuardFileError(f"{layers!r} base layers is not usable")
        self.weight = weight
        self.bias = float(bias)
        self.layers = layers
        self.record = dict(record)  # base weights' hash, text form, threshold, figures
        self.sha256: str | None = None  # the file's, once read from bytes

    def probabilities(self, features) -> np.ndarray:
        """One probability per row of ``features`` (rows x hidden, normalised)."""
        logits = np.asarray(features, dtype=np.float32) @ self.weight + self.bias
        return 1.0 / (1.0 + np.exp(-logits))

    def to_bytes(self) -> bytes:
        import torch
        from safetensors.torch import save

        tensors = {"weight": torch.from_numpy(self.weight.copy()),
                   "bias": torch.tensor([self.bias], dtype=torch.float32)}  # fmt: skip
        # One header key: safetensors writes its keys in a hash map's order, which changes from
        # process to process, and the same guard must give the same bytes.
        header = json.dumps({"layers": self.layers, "record": self.record}, sort_keys=True)
        return save(tensors, metadata={"guard": header})

    @classmethod
    def from_bytes(cls, data: bytes) -> SelfHarmGuard:
        from safetensors.torch import load

        try:
            size = int.from_bytes(data[:8], "little")
            header = json.loads(json.loads(data[8 : 8 + size])["__metadata__"]["guard"])
            tensors = load(data)
            guard = cls(tensors["weight"].numpy(), float(tensors["bias"][0]),
                        header["layers"], header["record"])  # fmt: skip
        except GuardFileError:
            raise
        except Exception as error:  # noqa: BLE001 - any malformed file is refused the same way
            raise GuardFileError(f"the guard file cannot be read: {error}") from error
        guard.sha256 = hashlib.sha256(data).hexdigest()
        return guard


def read_guard(folder: Path, expected_sha256: str) -> SelfHarmGuard:
    path = Path(folder) / GUARD_FILE
    try:
        data = path.read_bytes()
    except OSError as error:
        raise GuardFileError(f"cannot read {path}: {error}") from error
    digest = hashlib.sha256(data).hexdigest()
    if digest != expected_sha256:
        raise GuardFileError(
            f"refusing {path}: SHA-256 {digest}, not the pinned {expected_sha256}; retrain with "
            "tools/train_selfharm_guard.py and pin the new hash"
        )
    return SelfHarmGuard.from_bytes(data)


def check_fits(guard: SelfHarmGuard, metadata: dict, normalisation: str) -> None:
    """Refuse a guard that would read other features than it was trained on: other base
    weights, another text form, or an adapter that changes the layers it reads."""
    record = guard.record
    if record.get("weights_sha256") != metadata["embedding"]["weights_sha256"]:
        raise GuardFileError("the guard was trained on other base weights")
    if record.get("text_normalisation") != normalisation:
        raise GuardFileError(
            f"the guard reads {record.get('text_normalisation')!r}, the adapter {normalisation!r}"
        )
    if "layers" not in metadata.get("lora", {}):
        raise GuardFileError("the adapter's metadata does not say which layers it changes")
    adapted = [int(layer) for layer in metadata["lora"]["layers"]]
    if adapted and min(adapted) < guard.layers:
        raise GuardFileError(
            f"the adapter changes layer {min(adapted)}, below the guard's {guard.layers} base "
            "layers: retrain the guard (tools/train_selfharm_guard.py)"
        )

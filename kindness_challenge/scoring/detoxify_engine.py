"""The detoxify scoring engine: one loaded model scoring batches of texts quickly.

What it computes is what ``Detoxify.predict`` computes — the same tokens (truncated at the model's
limit), the model's logits, a sigmoid, the checkpoint's labels — but not how:

* a batch is tokenised once, sorted by token length and cut into padded sub-batches of bounded
  size (``batching.plan_sub_batches``), so little compute goes on padding;
* inference runs under ``torch.inference_mode``, and the feed-forward blocks skip padding and,
  in the last layer, every position the head does not read (``feed_forward``);
* the model runs in the chosen precision (``precision.prepare_model``): ``exact`` is fp32 and
  agrees with ``Detoxify.predict`` to within 1e-5, ``fast`` trades a measured, small difference
  for several times the throughput. On a CPU, ``exact`` multiplies through oneDNN where that is
  measured to be faster than MKL (``fp32_linear``).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

import torch

from . import batching
from .feed_forward import trim_feed_forward
from .precision import prepare_model

# Per precision, measured with bert-base on a 2-core Zen 4: the most padded tokens in a sub-batch
# (the cost per token is lowest from about 384 to 640 tokens, then rises as the activations
# outgrow the caches), and the fixed cost of one more forward pass, in tokens' worth of work.
TOKENS_PER_BATCH = {"exact": 512, "fast": 640}
OVERHEAD_TOKENS = {"exact": 64, "fast": 64}
# Tokenizers without a recorded limit report this sentinel (transformers' VERY_LARGE_INTEGER).
_NO_LIMIT = 10**6


def input_limit(tokenizer, config) -> int:
    """The most tokens the model reads: the tokenizer's limit, capped by the position table."""
    limits = []
    if 0 < getattr(tokenizer, "model_max_length", _NO_LIMIT) < _NO_LIMIT:
        limits.append(int(tokenizer.model_max_length))
    positions = getattr(config, "max_position_embeddings", None)
    if positions:
        if "roberta" in getattr(config, "model_type", ""):
            positions -= config.pad_token_id + 1  # RoBERTa counts positions from pad_token_id + 1
        limits.append(int(positions))
    return min(limits) if limits else 512


def describe_arithmetic(model) -> str:
    """How the prepared model's Linear layers multiply, in words (``classifier info``)."""
    from .fp32_linear import OneDnnLinear
    from .int8 import DynamicInt8Linear

    kinds = {type(module) for module in model.modules()}
    if DynamicInt8Linear in kinds:
        return "int8 Linear layers (fbgemm, dynamic), fp32 attention, norms and head"
    dtype = next(model.parameters()).dtype if any(True for _ in model.parameters()) else None
    if dtype == torch.bfloat16:
        return "bf16 weights"
    if OneDnnLinear in kinds:
        return "fp32, Linear layers through oneDNN (measured faster here than MKL)"
    return "fp32, torch's default BLAS"


class DetoxifyEngine:
    """Scores texts with a detoxify model; thread-safe, one batch at a time."""

    def __init__(
        self,
        model,
        tokenizer,
        labels: Sequence[str],
        *,
        precision: str = "exact",
        device: str = "cpu",
        tokens_per_batch: int | None = None,
        fp32_backend: str | None = None,
    ) -> None:
        self.labels = tuple(labels)
        self.precision = precision
        self.device = torch.device(device)
        self.tokenizer = tokenizer
        self.max_length = input_limit(tokenizer, model.config)
        self.tokens_per_batch = tokens_per_batch or TOKENS_PER_BATCH[precision]
        self._real_tokens = trim_feed_forward(model)
        self.model = prepare_model(model, precision, self.device, fp32_backend)
        self.arithmetic = describe_arithmetic(self.model)
        self._pad_values = {
            "input_ids": tokenizer.pad_token_id,
            "attention_mask": 0,
            "token_type_ids": getattr(tokenizer, "pad_token_type_id", 0),
        }
        self._lock = threading.Lock()

    def encode(self, texts: Sequence[str]) -> dict[str, list[list[int]]]:
        """Token ids per text, truncated at the model's limit, unpadded."""
        encoded = self.tokenizer(list(texts), truncation=True, max_length=self.max_length)
        return {key: encoded[key] for key in self._pad_values if key in encoded}

    def truncation_flags(self, texts: Sequence[str]) -> list[bool]:
        """For each text, whether the model sees only its start (it is over the token limit)."""
        if not texts:
            return []
        # One token over the limit is enough to tell; no need to tokenise a long text in full.
        probe = self.tokenizer(list(texts), truncation=True, max_length=self.max_length + 1)
        return [len(ids) > self.max_length for ids in probe["input_ids"]]

    def logits(self, texts: Sequence[str]) -> torch.Tensor:
        """fp32 logits of the labels, one row per text, in the order given."""
        logits = torch.empty(len(texts), len(self.labels))
        if not texts:
            return logits
        encoded = self.encode(texts)
        lengths = [len(ids) for ids in encoded["input_ids"]]
        with self._lock, torch.inference_mode():
            plan = batching.plan_sub_batches(
                lengths, self.tokens_per_batch, OVERHEAD_TOKENS.get(self.precision, 32)
            )
            for group in plan:
                batch = self._padded(encoded, group)
                if self._real_tokens is not None:
                    mask = batch["attention_mask"].reshape(-1)
                    self._real_tokens.rows = mask.nonzero().squeeze(1)
                out = self.model(**batch).logits[:, : len(self.labels)]
                logits[torch.tensor(group)] = out.float().cpu()
        return logits

    def score(self, texts: Sequence[str]) -> list[dict[str, float]]:
        """``{label: probability}`` per text, as ``Detoxify.predict`` would give them."""
        probabilities = torch.sigmoid(self.logits(texts)).tolist()
        return [dict(zip(self.labels, row, strict=True)) for row in probabilities]

    def _padded(self, encoded: dict[str, list[list[int]]], group: list[int]) -> dict:
        width = max(len(encoded["input_ids"][i]) for i in group)
        left = getattr(self.tokenizer, "padding_side", "right") == "left"
        batch = {}
        for key, rows in encoded.items():
            tensor = torch.full((len(group), width), self._pad_values[key], dtype=torch.long)
            for row, index in enumerate(group):
                ids = rows[index]
                if left:
                    tensor[row, width - len(ids) :] = torch.tensor(ids)
                else:
                    tensor[row, : len(ids)] = torch.tensor(ids)
            batch[key] = tensor.to(self.device)
        return batch

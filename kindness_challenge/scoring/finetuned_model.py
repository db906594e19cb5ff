"""The third-generation network: all-MiniLM-L6-v2 with LoRA adapters and mean+max pooled heads.

Shared by training (``tools/train_classifier_v3.py``) and scoring (``finetuned_classifier``), so
both run the same arithmetic. The base weights are the pinned upstream file (checked by
``sentence_model.read_verified_weights``); what training changes is small and shipped on its
own in ``scoring/v3/adapter.safetensors``:

* LoRA adapters (rank ``r``) on every attention projection (query, key, value, output) and both
  feed-forward layers of the 6 layers: ``W x + (alpha / r) * B A x``. At load they are merged
  into the base weights, so scoring costs exactly what the base model costs;
* one linear layer from the pooled embedding to one logit per label.

Pooling is the mean *and* the maximum over real tokens, concatenated (768 values): a mean alone
is diluted when a harmless tail (numbers, hashtags, emoji, a kind sentence) is appended to an
insult, while the maximum keeps the strongest evidence wherever it sits in the text.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path

import torch
from torch import nn

from .sentence_model import MINILM_WEIGHTS_SHA256, UNUSED_WEIGHTS, read_verified_weights

LABELS = ("toxicity", "threat", "kindness")
# Module names inside each ``encoder.layer.<i>`` that get an adapter.
TARGET_MODULES = (
    "attention.self.query",
    "attention.self.key",
    "attention.self.value",
    "attention.output.dense",
    "intermediate.dense",
    "output.dense",
)


class LoraLinear(nn.Module):
    """``base(x) + scale * x A^T B^T`` with ``base`` frozen; B starts at zero."""

    def __init__(self, base: nn.Linear, rank: int, alpha: float, generator: torch.Generator):
        super().__init__()
        self.base = base
        for parameter in base.parameters():
            parameter.requires_grad_(False)
        self.scale = alpha / rank
        self.lora_a = nn.Parameter(torch.empty(rank, base.in_features))
        self.lora_b = nn.Parameter(torch.zeros(base.out_features, rank))
        bound = 1.0 / math.sqrt(base.in_features)
        with torch.no_grad():
            self.lora_a.uniform_(-bound, bound, generator=generator)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.base(x) + (x @ self.lora_a.T @ self.lora_b.T) * self.scale


def load_base_model(folder: Path, weights_sha256: str = MINILM_WEIGHTS_SHA256):
    """MiniLM's ``BertModel`` from ``folder`` (fp32, eager attention), weights verified."""
    from transformers import BertConfig, BertModel

    weights = read_verified_weights(folder, weights_sha256)
    weights = {k: v for k, v in weights.items() if not k.startswith(UNUSED_WEIGHTS)}
    config = BertConfig.from_json_file(Path(folder) / "config.json")
    model = BertModel(config, add_pooling_layer=False)
    model.set_attn_implementation("eager")
    model.load_state_dict(weights, strict=True)
    return model.float()


def _parent_and_name(model: nn.Module, dotted: str) -> tuple[nn.Module, str]:
    parent_path, _, name = dotted.rpartition(".")
    return model.get_submodule(parent_path), name


def adapter_module_names(model, layers: Sequence[int] | None = None) -> list[str]:
    """The adapted Linear layers' names: ``TARGET_MODULES`` of ``layers`` (default: all)."""
    if layers is None:
        layers = range(len(model.encoder.layer))
    return [f"encoder.layer.{i}.{target}" for i in layers for target in TARGET_MODULES]


def pool(hidden: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    """Mean and max over real tokens, concatenated: (batch, 2 * hidden)."""
    weights = mask.unsqueeze(-1).to(hidden.dtype)
    mean = (hidden * weights).sum(1) / weights.sum(1).clamp(min=1e-9)
    masked = hidden.masked_fill(weights == 0, torch.finfo(hidden.dtype).min)
    return torch.cat([mean, masked.max(1).values], dim=1)


class AdaptedClassifier(nn.Module):
    """Base encoder + LoRA adapters + pooled linear heads (for training)."""

    def __init__(
        self, base, rank: int, alpha: float, labels: Sequence[str], seed: int,
        layers: Sequence[int] | None = None,
    ):  # fmt: skip
        super().__init__()
        generator = torch.Generator().manual_seed(seed)
        for parameter in base.parameters():
            parameter.requires_grad_(False)
        # Layers below the first adapted one need no backward pass: their activations carry no
        # gradient, so adapting only the top layers makes a training step much cheaper.
        self.adapted = adapter_module_names(base, layers)
        for dotted in self.adapted:
            parent, name = _parent_and_name(base, dotted)
            setattr(parent, name, LoraLinear(getattr(parent, name), rank, alpha, generator))
        self.encoder = base
        self.rank, self.alpha, self.labels = rank, alpha, tuple(labels)
        self.head = nn.Linear(2 * base.config.hidden_size, len(labels))
        with torch.no_grad():
            bound = 1.0 / math.sqrt(self.head.in_features)
            self.head.weight.uniform_(-bound, bound, generator=generator)
            self.head.bias.zero_()

    def forward(self, input_ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        hidden = self.encoder(input_ids=input_ids, attention_mask=mask).last_hidden_state
        return self.head(pool(hidden, mask))

    def adapter_state(self) -> dict[str, torch.Tensor]:
        """What training changed: the adapters and the head (fp32, contiguous)."""
        state = {}
        for dotted in self.adapted:
            module = self.encoder.get_submodule(dotted)
            state[f"lora.{dotted}.a"] = module.lora_a.detach().clone().contiguous()
            state[f"lora.{dotted}.b"] = module.lora_b.detach().clone().contiguous()
        state["head.weight"] = self.head.weight.detach().clone().contiguous()
        state["head.bias"] = self.head.bias.detach().clone().contiguous()
        return state


def merge_adapters(base, state: dict[str, torch.Tensor], rank: int, alpha: float) -> None:
    """Add each adapter's ``scale * B A`` into its base Linear's weight, in place."""
    known = set(adapter_module_names(base))
    names = sorted({key[5:-2] for key in state if key.startswith("lora.")})
    if not names or not set(names) <= known:
        raise ValueError(f"the adapter file names layers this model lacks: {names[:3]}...")
    if any(f"lora.{name}.{part}" not in state for name in names for part in "ab"):
        raise ValueError("the adapter file lacks half of an adapter")
    scale = alpha / rank
    with torch.no_grad():
        for name in names:
            a, b = state[f"lora.{name}.a"], state[f"lora.{name}.b"]
            linear = base.get_submodule(name)
            if a.shape != (rank, linear.in_features) or b.shape != (linear.out_features, rank):
                raise ValueError(f"the adapter of {name} has the wrong shape")
            linear.weight += (b.double() @ a.double() * scale).to(linear.weight.dtype)

"""A BERT encoder's layers, run for inference in fewer operations than ``transformers`` runs them.

A single comment is a few dozen tokens: at that size a BERT layer costs less in arithmetic than
in the calls around it (``transformers`` runs about 18 modules per layer: dropout in eval mode,
three projections, views, an eager softmax). ``InferenceLayers`` holds the same weights and runs
each layer as one fused query/key/value projection, torch's ``scaled_dot_product_attention``,
the output projection, two layer norms and the feed-forward pair: the same arithmetic in the
same order (each projection's output is the same dot products; results agree with
``transformers`` to float rounding, a few 1e-6 on a layer's output, which
``bench/lean_layers.py`` and the tests check).

Only for inference: no dropout, no gradients, weights copied at construction (later changes to
the source layers are not seen). Only the plain BERT layer is supported (absolute positions,
exact GELU, an encoder): anything else raises ``ValueError`` and callers keep ``transformers``.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence

import torch
from torch import nn
from torch.nn import functional

from .fp32_linear import OneDnnLinear, faster_fp32_backend


def supports(config) -> bool:
    """Whether ``InferenceLayers`` computes what ``transformers`` computes for this config."""
    return (
        getattr(config, "hidden_act", None) == "gelu"
        and getattr(config, "position_embedding_type", "absolute") == "absolute"
        and not getattr(config, "is_decoder", False)
        and not getattr(config, "add_cross_attention", False)
    )


def _linear(weight: torch.Tensor, bias: torch.Tensor | None, onednn: bool) -> nn.Module:
    linear = nn.Linear(weight.shape[1], weight.shape[0], bias=bias is not None)
    with torch.no_grad():
        linear.weight.copy_(weight)
        if bias is not None:
            linear.bias.copy_(bias)
    linear.requires_grad_(False)
    return OneDnnLinear(linear) if onednn else linear


def _weights(module: nn.Module) -> tuple[torch.Tensor, torch.Tensor | None]:
    """A projection's fp32 weight and bias. Only an ``nn.Linear``: a ``OneDnnLinear``'s packed
    weight cannot be read back, so callers pass layers before any swap."""
    if not isinstance(module, nn.Linear):
        raise ValueError(f"{type(module).__name__} is not a plain Linear layer")
    bias = module.bias.detach().float() if module.bias is not None else None
    return module.weight.detach().float(), bias


class _Layer(nn.Module):
    def __init__(self, layer: nn.Module, onednn: bool) -> None:
        super().__init__()
        attention = layer.attention.self
        self.heads = attention.num_attention_heads
        self.head_size = attention.attention_head_size
        parts = [_weights(attention.query), _weights(attention.key), _weights(attention.value)]
        biases = [bias for _, bias in parts]
        self.qkv = _linear(
            torch.cat([weight for weight, _ in parts]),
            torch.cat(biases) if all(b is not None for b in biases) else None,
            onednn,
        )
        self.attention_out = _linear(*_weights(layer.attention.output.dense), onednn)
        self.norm1 = copy.deepcopy(layer.attention.output.LayerNorm)
        self.up = _linear(*_weights(layer.intermediate.dense), onednn)
        self.down = _linear(*_weights(layer.output.dense), onednn)
        self.norm2 = copy.deepcopy(layer.output.LayerNorm)

    def forward(self, hidden: torch.Tensor, additive_mask: torch.Tensor) -> torch.Tensor:
        rows, tokens, width = hidden.shape
        qkv = self.qkv(hidden).view(rows, tokens, 3, self.heads, self.head_size)
        query, key, value = qkv.permute(2, 0, 3, 1, 4)
        context = functional.scaled_dot_product_attention(
            query, key, value, attn_mask=additive_mask
        )
        context = context.transpose(1, 2).reshape(rows, tokens, width)
        norm1, norm2 = self.norm1, self.norm2
        hidden = functional.layer_norm(
            self.attention_out(context) + hidden, norm1.normalized_shape, norm1.weight,
            norm1.bias, norm1.eps,
        )  # fmt: skip
        inner = functional.gelu(self.up(hidden))
        return functional.layer_norm(
            self.down(inner) + hidden, norm2.normalized_shape, norm2.weight, norm2.bias,
            norm2.eps,
        )  # fmt: skip


class InferenceLayers(nn.Module):
    """``layers`` (``transformers`` BertLayers, before any Linear swap) for inference."""

    def __init__(
        self, layers: Sequence[nn.Module], config, onednn: bool | None = None,
        release: bool = False,
    ) -> None:  # fmt: skip
        """``release``: empty each source layer's weights once copied, so that a process never
        holds two copies of the model (the caller drops the source layers)."""
        super().__init__()
        if not supports(config):
            raise ValueError("only the plain BERT encoder layer is supported")
        if onednn is None:
            onednn = faster_fp32_backend() == "onednn"
        built = []
        for layer in layers:
            built.append(_Layer(layer, onednn))
            if release:
                for parameter in layer.parameters():
                    parameter.data = torch.empty(0)
        self.layers = nn.ModuleList(built)
        self.requires_grad_(False)
        self.eval()

    def forward(self, hidden: torch.Tensor, additive_mask: torch.Tensor, keep: int | None = None):
        """``additive_mask``: (rows or 1, 1, tokens or 1, tokens), 0 where a token may look and
        a large negative number where it may not, as ``transformers`` builds it. With ``keep``,
        also the hidden states after the first ``keep`` layers: (last, kept)."""
        kept = hidden if keep == 0 else None
        for index, layer in enumerate(self.layers, start=1):
            hidden = layer(hidden, additive_mask)
            if index == keep:
                kept = hidden
        return hidden if keep is None else (hidden, kept)


def additive_mask(mask: torch.Tensor, dtype: torch.dtype = torch.float32) -> torch.Tensor:
    """(rows, tokens) of 1 (read) and 0 (padding) as the additive (rows, 1, 1, tokens) mask."""
    return (1.0 - mask[:, None, None, :].to(dtype)) * torch.finfo(dtype).min

"""Precision modes for the detoxify engine: ``exact`` (fp32) and ``fast``.

``fast`` on a CPU replaces the encoder's Linear layers with int8 ones: weights quantised once per
output channel, activations quantised per token on every call (symmetric, full 8 bits), the product
taken in int32 by ``torch._int_mm`` (VNNI where the CPU has it) and scaled back to fp32. Linear
layers are about nine tenths of the compute of a BERT-sized encoder on a short comment. Attention,
GELU, layer norm, the pooler and the classification head stay in fp32, so the labels' logits come
out of an fp32 head. Chosen by measurement on this project's 2-core AMD EPYC (Zen 4): bf16 weights
ran at about 2x fp32, int8 at 3-4x (``bench/score_throughput.py`` prints both). torch's own
``quantize_dynamic`` is deprecated in torch 2.13 and quantises activations per tensor to 7 bits,
which is less accurate. ``fast`` on CUDA is bf16 weights.
"""

from __future__ import annotations

import torch
from torch import nn

PRECISIONS = ("exact", "fast")
# The largest score difference ``fast`` may show against ``exact``: bench/score_throughput.py
# measures it on full-size models with spread scores, tests/test_detoxify_engine.py holds to it.
FAST_SCORE_TOLERANCE = 0.05
# Subtrees left in fp32: cheap (one row per text) and closest to the scores.
FP32_SUBTREES = frozenset({"classifier", "pooler"})


class Int8Linear(nn.Module):
    """A Linear layer computed in int8 with per-channel weight and per-token activation scales."""

    def __init__(self, linear: nn.Linear) -> None:
        super().__init__()
        weight = linear.weight.detach().float()
        scale = weight.abs().amax(dim=1).clamp(min=1e-12) / 127.0
        quantised = torch.round(weight / scale[:, None]).clamp_(-127, 127).to(torch.int8)
        self.in_features = linear.in_features
        self.out_features = linear.out_features
        self.register_buffer("weight_int8", quantised.t().contiguous())  # (in, out)
        self.register_buffer("weight_scale", scale)
        bias = linear.bias.detach().float().clone() if linear.bias is not None else None
        self.register_buffer("bias", bias if bias is not None else torch.zeros(self.out_features))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        shape = x.shape
        rows = x.reshape(-1, shape[-1]).float()
        # abs().amax() is many times faster than vector_norm(ord=inf) here.
        scale = rows.abs().amax(dim=1, keepdim=True).clamp_(min=1e-12).div_(127.0)
        quantised = rows.div(scale).round_().to(torch.int8)
        product = torch.mul(torch._int_mm(quantised, self.weight_int8), self.weight_scale)
        out = torch.addcmul(self.bias, product, scale)
        return out.reshape(*shape[:-1], self.out_features)

    def extra_repr(self) -> str:
        return f"in_features={self.in_features}, out_features={self.out_features}, int8"


def quantise_linear_layers(module: nn.Module, _done: dict | None = None) -> nn.Module:
    """Swap every Linear under ``module`` for an ``Int8Linear``, except the fp32 subtrees.

    A layer used in several places (ALBERT shares its layers) is converted once and stays shared.
    """
    done = {} if _done is None else _done
    for name, child in module.named_children():
        if name in FP32_SUBTREES:
            continue
        if isinstance(child, nn.Linear):
            if id(child) not in done:
                done[id(child)] = Int8Linear(child)
            setattr(module, name, done[id(child)])
        else:
            quantise_linear_layers(child, done)
    return module


def default_precision(device: str) -> str:
    """``fast`` on a CPU, where int8 pays; ``exact`` on CUDA, where fp32 is already quick."""
    return "exact" if device.startswith("cuda") else "fast"


def prepare_model(model: nn.Module, precision: str, device: torch.device) -> nn.Module:
    """The model ready for inference in ``precision`` on ``device`` (converted in place)."""
    if precision not in PRECISIONS:
        raise ValueError(f"unknown precision {precision!r}; choose one of {', '.join(PRECISIONS)}")
    model.eval()
    if precision == "exact":
        return model.to(device=device, dtype=torch.float32)
    if device.type == "cuda":
        return model.to(device=device, dtype=torch.bfloat16)
    return quantise_linear_layers(model.to(device=device, dtype=torch.float32))

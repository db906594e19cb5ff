"""Dynamic int8 Linear layers for the ``fast`` precision on a CPU (see ``precision``)."""

from __future__ import annotations

import warnings
from functools import cache
from pathlib import Path

import torch
from torch import nn

from .linear_swap import swap_linear_layers

# Subtrees left in fp32: cheap (one row per text) and closest to the scores.
FP32_SUBTREES = frozenset({"classifier", "pooler"})


@cache
def has_vnni() -> bool:
    """Whether the CPU has AVX-512 VNNI: fbgemm then takes full 8-bit activations safely."""
    try:
        return "avx512_vnni" in Path("/proc/cpuinfo").read_text()
    except OSError:
        return False


class DynamicInt8Linear(nn.Module):
    """A Linear layer as fbgemm dynamic int8, with per-output-channel weight scales."""

    def __init__(self, linear: nn.Linear) -> None:
        super().__init__()
        weight = linear.weight.detach().float()
        scales = (weight.abs().amax(dim=1).clamp(min=1e-12) / 127.0).double()
        zero_points = torch.zeros(weight.shape[0], dtype=torch.long)
        bias = linear.bias.detach().float() if linear.bias is not None else None
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=".*quantized tensor creation functions")
            quantised = torch.quantize_per_channel(weight, scales, zero_points, 0, torch.qint8)
            self._packed = torch.ops.quantized.linear_prepack(quantised, bias)
        self.in_features = linear.in_features
        self.out_features = linear.out_features
        # Without VNNI, fbgemm multiplies pairs into 16 bits: 7-bit activations cannot overflow.
        self.reduce_range = not has_vnni()

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return torch.ops.quantized.linear_dynamic(x, self._packed, self.reduce_range)

    def extra_repr(self) -> str:
        return f"in_features={self.in_features}, out_features={self.out_features}, dynamic int8"


def quantise_linear_layers(module: nn.Module) -> nn.Module:
    """Swap every Linear under ``module`` for a ``DynamicInt8Linear``, except the fp32 subtrees.

    A layer used in several places is converted once and stays shared.
    """
    return swap_linear_layers(module, DynamicInt8Linear, FP32_SUBTREES)

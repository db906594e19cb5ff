"""fp32 Linear layers through oneDNN, for CPUs where it multiplies faster than the default BLAS.

torch's CPU wheels multiply fp32 matrices with Intel MKL. On AMD CPUs MKL takes a slower code
path: on this project's 2-core AMD EPYC (Zen 5) it reached about 210 GFLOP/s on bert-base's
layer shapes where oneDNN, which ships in the same wheel, reached about 500. Both compute in
fp32; their results differ by float rounding only (a few 1e-6 on a layer's output).

Which library is faster is measured once per process on one of bert-base's layer shapes
(``faster_fp32_backend``); a layer is swapped for ``OneDnnLinear`` only when oneDNN won by a clear
margin, so an Intel CPU, where the two are close, keeps the default path.
"""

from __future__ import annotations

import time
from functools import cache

import torch
from torch import nn

from .linear_swap import swap_linear_layers

# oneDNN is used when it is at least this much faster than the default path.
MARGIN = 1.15
_SHAPE = (256, 768, 3072)  # tokens, in, out: a feed-forward layer of bert-base on a sub-batch


def onednn_available() -> bool:
    """Whether this torch build has oneDNN and the (private) ops used here."""
    ops = torch.ops.mkldnn
    return torch.backends.mkldnn.is_available() and all(
        hasattr(ops, name) for name in ("_linear_pointwise", "_reorder_linear_weight")
    )


class OneDnnLinear(nn.Module):
    """A Linear layer whose fp32 weight is packed once for oneDNN's matrix multiply."""

    def __init__(self, linear: nn.Linear) -> None:
        super().__init__()
        weight = linear.weight.detach().float().contiguous()
        self._packed = torch.ops.mkldnn._reorder_linear_weight(weight, None)
        self._bias = linear.bias.detach().float() if linear.bias is not None else None
        self.in_features = linear.in_features
        self.out_features = linear.out_features

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return torch.ops.mkldnn._linear_pointwise(x, self._packed, self._bias, "none", [], "")

    def extra_repr(self) -> str:
        return f"in_features={self.in_features}, out_features={self.out_features}, oneDNN fp32"


def _seconds(function, repeats: int = 5) -> float:
    function()  # warm up: first calls pack and allocate
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best


@cache
def faster_fp32_backend() -> str:
    """``"onednn"`` or ``"default"``: the faster for fp32 Linear layers here (about 0.1 s once)."""
    if not onednn_available():
        return "default"
    tokens, inputs, outputs = _SHAPE
    generator = torch.Generator().manual_seed(0)
    x = torch.randn(tokens, inputs, generator=generator)
    linear = nn.Linear(inputs, outputs)
    try:
        packed = OneDnnLinear(linear)
        with torch.inference_mode():
            default = _seconds(lambda: linear(x))
            onednn = _seconds(lambda: packed(x))
    except Exception:  # noqa: BLE001 - a build or CPU the ops do not support: keep the default
        return "default"
    return "onednn" if default > onednn * MARGIN else "default"


def use_onednn_linear_layers(module: nn.Module) -> nn.Module:
    """Swap every Linear under ``module`` for a ``OneDnnLinear``; a shared layer stays shared."""
    return swap_linear_layers(module, OneDnnLinear)

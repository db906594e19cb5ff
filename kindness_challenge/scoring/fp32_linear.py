"""fp32 Linear layers through oneDNN, for CPUs where it multiplies faster than the default BLAS.

torch's CPU wheels multiply fp32 matrices with Intel MKL. On AMD CPUs MKL takes a slower code
path: on this project's 2-core AMD EPYC (Zen 5) it reached about 210 GFLOP/s on bert-base's
layer shapes where oneDNN, which ships in the same wheel, reached about 500. Both compute in
fp32; their results differ by float rounding only (a few 1e-6 on a layer's output).

Which library is faster is measured once per process (``faster_fp32_backend``), on the shapes the
models here multiply: a MiniLM- or e5-wide layer on a single nudge's few dozen tokens and on a
sub-batch, and a bert-base layer on a sub-batch. The two libraries take turns, round after round,
so that a burst of noise from another process counts against both; a layer is swapped for
``OneDnnLinear`` only when oneDNN won by a margin (the geometric mean of the shapes' ratios at
least ``MARGIN``). Where the two are close, either is fine: both compute in fp32. Timed on one
shape alone (bert-base's), five timings each way one after the other, against 1.15, the choice
on a 2-core AMD EPYC without AVX-512 went to MKL in 3 fresh processes of 10, while oneDNN
multiplied a nudge's 384-wide layers about 1.4x faster there (``bench/fp32_choice.py``).
"""

from __future__ import annotations

import math
import time
from functools import cache

import torch
from torch import nn

from .linear_swap import swap_linear_layers

# oneDNN is used when it is at least this much faster than the default path.
MARGIN = 1.05
# (tokens, in, out): MiniLM's and e5's feed-forward layer on a single nudge and on a sub-batch,
# and bert-base's (detoxify's) on a sub-batch.
SHAPES = ((48, 384, 1536), (256, 384, 1536), (256, 768, 3072))
ROUNDS = 7
# Each timing repeats a multiply until it has run at least this long (a nudge-sized one takes
# well under a millisecond, where the clock's and the scheduler's noise would decide).
MIN_SECONDS = 0.002


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


def _seconds(layer: nn.Module, x: torch.Tensor, repeats: int) -> float:
    start = time.perf_counter()
    for _ in range(repeats):
        layer(x)
    return (time.perf_counter() - start) / repeats


def measured_ratios(shapes=SHAPES, rounds: int = ROUNDS) -> list[float]:
    """For each shape, the default path's time over oneDNN's (above 1: oneDNN is faster): the
    best of ``rounds`` timings each, the two libraries taking turns within every round."""
    generator = torch.Generator().manual_seed(0)
    ratios = []
    with torch.inference_mode():
        for tokens, inputs, outputs in shapes:
            x = torch.randn(tokens, inputs, generator=generator)
            linear = nn.Linear(inputs, outputs)
            ways = (linear, OneDnnLinear(linear))
            repeats = []
            for way in ways:  # warm up (the first calls pack and allocate), and size the loop
                way(x)
                once = max(_seconds(way, x, 1), 1e-6)
                repeats.append(max(1, math.ceil(MIN_SECONDS / once)))
            count = max(repeats)
            best = [float("inf"), float("inf")]
            for round_ in range(rounds):
                order = (0, 1) if round_ % 2 == 0 else (1, 0)
                for index in order:
                    best[index] = min(best[index], _seconds(ways[index], x, count))
            ratios.append(best[0] / best[1])
    return ratios


def geometric_mean(values) -> float:
    """The geometric mean of positive ratios: a shape twice as fast one way and twice as slow
    another cancel out."""
    values = list(values)
    return math.exp(sum(math.log(v) for v in values) / len(values))


@cache
def faster_fp32_backend() -> str:
    """``"onednn"`` or ``"default"``: the faster for fp32 Linear layers here (measured once, in
    under half a second on an idle 2-core machine)."""
    if not onednn_available():
        return "default"
    try:
        ratios = measured_ratios()
    except Exception:  # noqa: BLE001 - a build or CPU the ops do not support: keep the default
        return "default"
    return "onednn" if geometric_mean(ratios) >= MARGIN else "default"


def use_onednn_linear_layers(module: nn.Module) -> nn.Module:
    """Swap every Linear under ``module`` for a ``OneDnnLinear``; a shared layer stays shared."""
    return swap_linear_layers(module, OneDnnLinear)

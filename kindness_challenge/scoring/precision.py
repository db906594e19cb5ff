"""Precision modes for the detoxify engine: ``exact`` (fp32) and ``fast``.

``fast`` on a CPU runs the encoder's Linear layers (about nine tenths of a BERT-sized model's
compute on a short comment) as dynamic int8: weights quantised once per output channel, each
call's activations quantised on the fly, the product taken by fbgemm's int8 kernel (VNNI where the
CPU has it) and scaled back to fp32. Attention, GELU, layer norm, the pooler and the
classification head stay in fp32, so the labels come out of an fp32 head.

Chosen by measurement on this project's 2-core AMD EPYC (Zen 4), bert-base: fbgemm's fused int8
kernel ran at about 3x fp32; bf16 weights at about 2x; int8 through ``torch._int_mm`` with
per-token scales was as accurate but half as fast as fbgemm, because its quantise and rescale
steps run as separate passes. ``bench/score_throughput.py --bf16`` prints the comparison.

fbgemm's kernel quantises the activations of a whole sub-batch with one scale, so a text's
``fast`` scores can move slightly with the texts it is batched with; the movement is of the size of
the fast-vs-exact difference, which the benchmark reports and ``FAST_SCORE_TOLERANCE`` bounds.
torch 2.13 marks quantised tensors as deprecated; they are used only while packing the weights,
with that warning silenced there. ``fast`` on CUDA is bf16 weights.
"""

from __future__ import annotations

import warnings
from functools import cache
from pathlib import Path

import torch
from torch import nn

PRECISIONS = ("exact", "fast")
# The largest score difference ``fast`` may show against ``exact``: bench/score_throughput.py
# measures it on full-size models with spread scores, tests/test_detoxify_engine.py holds to it.
FAST_SCORE_TOLERANCE = 0.05
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


def quantise_linear_layers(module: nn.Module, _done: dict | None = None) -> nn.Module:
    """Swap every Linear under ``module`` for a ``DynamicInt8Linear``, except the fp32 subtrees.

    A layer used in several places is converted once and stays shared.
    """
    done = {} if _done is None else _done
    for name, child in module.named_children():
        if name in FP32_SUBTREES:
            continue
        if isinstance(child, nn.Linear):
            if id(child) not in done:
                done[id(child)] = DynamicInt8Linear(child)
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

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

PRECISIONS = ("exact", "fast")
# The largest score difference ``fast`` may show against ``exact``: bench/score_throughput.py
# measures it on full-size models with spread scores, tests/test_detoxify_engine.py holds to it.
FAST_SCORE_TOLERANCE = 0.3


def default_precision(device: str) -> str:
    """``fast`` on a CPU, where int8 pays; ``exact`` on CUDA, where fp32 is already quick."""
    return "exact" if device.startswith("cuda") else "fast"


def prepare_model(model, precision: str, device):
    """The model ready for inference in ``precision`` on ``device`` (a ``torch.device``).

    Converted in place. torch is imported here, not with this module, so that choosing a
    precision in the app's configuration costs nothing until a model loads.
    """
    import torch

    from .int8 import quantise_linear_layers

    if precision not in PRECISIONS:
        raise ValueError(f"unknown precision {precision!r}; choose one of {', '.join(PRECISIONS)}")
    model.eval()
    if device.type == "cpu" and hasattr(model, "set_attn_implementation"):
        # Comments are short (a few hundred tokens at most): plain matmul attention ran 5-10%
        # faster than SDPA's flash kernel on the CPU, with the same results (within 1e-6).
        model.set_attn_implementation("eager")
    if precision == "exact":
        return model.to(device=device, dtype=torch.float32)
    if device.type == "cuda":
        return model.to(device=device, dtype=torch.bfloat16)
    return quantise_linear_layers(model.to(device=device, dtype=torch.float32))

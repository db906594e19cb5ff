"""Precision modes for the detoxify engine: ``exact`` (fp32) and ``fast``.

``fast`` on a CPU runs the encoder's Linear layers (about nine tenths of a BERT-sized model's
compute on a short comment) as dynamic int8: weights quantised once per output channel, each
call's activations quantised on the fly, the product taken by fbgemm's int8 kernel (VNNI where the
CPU has it) and scaled back to fp32 (``int8.py``). Attention, GELU, layer norm, the pooler and
the classification head stay in fp32, so the labels come out of an fp32 head.

Chosen by measurement on this project's 2-core AMD EPYC (Zen 4), bert-base: the engine ran at
about 2.7x its fp32 speed with fbgemm's fused int8 kernel and 1.9x with bf16 weights; int8
through ``torch._int_mm`` with per-token scales was a little more accurate but half as fast as
fbgemm, because its quantise and rescale steps run as separate passes.
``bench/score_throughput.py --bf16`` prints the comparison.

fbgemm's kernel quantises the activations of a whole sub-batch with one scale, so a text's
``fast`` scores can move slightly with the texts it is batched with; the movement is of the size of
the fast-vs-exact difference, which the benchmark reports and ``FAST_SCORE_TOLERANCE`` bounds.
torch 2.13 marks quantised tensors as deprecated; they are used only while packing the weights,
with that warning silenced there. ``fast`` on CUDA is bf16 weights.

``exact`` on a CPU multiplies through oneDNN instead of MKL where a one-off measurement finds it
clearly faster (``fp32_linear``): on AMD CPUs, where MKL takes a slow path, that is 2-3x per layer.
"""

from __future__ import annotations

PRECISIONS = ("exact", "fast")
# The largest score difference ``fast`` showed against ``exact``, rounded up, on stand-ins that
# exaggerate it: bench/score_throughput.py measured 0.24 (bert-base), 0.12 (albert-base) and 0.22
# (roberta-base) over 1,000 comments, random weights with heads rescaled to spread the scores;
# the tiny test models reach 0.27 where the CPU lacks VNNI. tests/test_detoxify_engine.py holds
# every model family to it. Trained weights vary more from text to text, so int8 noise matters
# less there: compare on your own texts with `flask classifier score --precision exact`.
FAST_SCORE_TOLERANCE = 0.3


def default_precision(device: str) -> str:
    """``fast`` on a CPU, where int8 pays; ``exact`` on CUDA, where fp32 is already quick."""
    return "exact" if device.startswith("cuda") else "fast"


def prepare_model(model, precision: str, device, fp32_backend: str | None = None):
    """The model ready for inference in ``precision`` on ``device`` (a ``torch.device``).

    ``fp32_backend`` (``"default"`` or ``"onednn"``) fixes the library ``exact`` multiplies with
    on a CPU; None picks the faster one here, by measurement.

    Converted in place. torch is imported here, not with this module, so that choosing a
    precision in the app's configuration costs nothing until a model loads.
    """
    import torch

    from .fp32_linear import faster_fp32_backend, use_onednn_linear_layers
    from .int8 import quantise_linear_layers

    if precision not in PRECISIONS:
        raise ValueError(f"unknown precision {precision!r}; choose one of {', '.join(PRECISIONS)}")
    model.eval()
    if device.type == "cpu" and hasattr(model, "set_attn_implementation"):
        # Comments are short (a few hundred tokens at most): plain matmul attention ran 5-10%
        # faster than SDPA's flash kernel on the CPU, with the same results to float rounding.
        model.set_attn_implementation("eager")
    if precision == "exact":
        model = model.to(device=device, dtype=torch.float32)
        if device.type == "cpu" and (fp32_backend or faster_fp32_backend()) == "onednn":
            return use_onednn_linear_layers(model)
        return model
    if device.type == "cuda":
        return model.to(device=device, dtype=torch.bfloat16)
    return quantise_linear_layers(model.to(device=device, dtype=torch.float32))

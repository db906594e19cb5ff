"""The multilingual encoder in torch, for fine-tuning: USE Multilingual v3 with LoRA adapters.

The service scores with the pinned package's numpy forward (``multilingual_heads.Encoder``). To
fine-tune the encoder itself rather than only probe it, ``tools/train_multilingual_heads.py
--finetune-epochs`` needs gradients: this module runs the same forward in torch, on the same dense
weights (read from the hash-checked ``weights.npz``), with a low-rank adapter beside each dense
matrix. Only the adapters and the heads train; the 17 x 7530 x 512 embedding table stays frozen.

The adapters ship inside the heads file (``lora.<name>.a`` / ``.b``); at load,
``multilingual_heads.merge_into_backend`` adds ``scale * a @ b`` to the numpy backend's matrices,
so the service's forward stays the package's numpy code (no torch on this path) and scores what
training scored.
``tests/test_multilingual_model.py`` checks that the two forwards agree, with and without
adapters.

The architecture (from the package's ``backends/numpy.py``): token embeddings, a projection to
three 256-wide branches (one layer norm over all three), in each branch two residual n-gram
convolutions (orders 2, 3 and 5, left context 0, 1 and 2, zero outside the sentence), a layer
norm over [embedding | branches], a projection summed over the tokens and divided by the square
root of their number, then a small residual feed-forward block, tanh and L2 normalisation.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence

import numpy as np
import torch
from torch import nn
from torch.nn import functional

from .multilingual_heads import DENSE

NUM_CHUNKS = 17
ORDERS = ((2, 0), (3, 1), (5, 2))
BRANCH = 256


def dense_weights(weights: bytes) -> dict[str, np.ndarray]:
    """Every array of ``weights.npz`` (already hash-checked bytes), with the projections of the
    three orders concatenated as the numpy backend does."""
    with np.load(io.BytesIO(weights), allow_pickle=False) as z:
        d = {k: z[k] for k in z.files}
    orders = (2, 3, 5)
    d["proj_W"] = np.concatenate([d[f"proj{n}"] for n in orders], axis=1)
    d["proj_b"] = np.concatenate([d[f"proj_b{n}"] for n in orders])
    d["ln_g_all"] = np.concatenate([d[f"ln_g{n}"] for n in orders])
    d["ln_b_all"] = np.concatenate([d[f"ln_b{n}"] for n in orders])
    for i, n in enumerate(orders):
        for key in ("w1", "b1", "w2", "b2"):
            d[f"{key}_{i}"] = d[f"{key}_{n}"]
    table = np.empty((NUM_CHUNKS * d["q1"].shape[0], d["q1"].shape[1]), np.uint8)
    for i in range(NUM_CHUNKS):
        table[i::NUM_CHUNKS] = d[f"q{i + 1}"]
    d["table"] = table
    return d


class LoraUSE(nn.Module):
    """USE Multilingual v3's forward on padded batches, with rank-``rank`` adapters on the
    matrices named in ``adapted`` (default: all of ``DENSE``)."""

    def __init__(
        self,
        weights: Mapping[str, np.ndarray],
        rank: int = 8,
        alpha: float = 16.0,
        adapted: Sequence[str] = tuple(DENSE),
        seed: int = 0,
    ) -> None:
        super().__init__()
        generator = torch.Generator().manual_seed(seed)
        self.scale_lora = alpha / rank
        self.register_buffer("table", torch.from_numpy(np.ascontiguousarray(weights["table"])))
        self.register_buffer("chunk_scale", torch.from_numpy(weights["scale"].astype(np.float32)))
        self.register_buffer("chunk_lo", torch.from_numpy(weights["lo"].astype(np.float32)))
        frozen = [
            "proj_b", "ln_g_all", "ln_b_all", "ln_g", "ln_b", "cnn_b",
            "b1_0", "b1_1", "b1_2", "b2_0", "b2_1", "b2_2",
        ]  # fmt: skip
        for name in frozen + list(DENSE):
            self.register_buffer(name, torch.from_numpy(np.asarray(weights[name], np.float32)))
        self.eps = float(weights["eps"])
        self.adapted = tuple(adapted)
        self.lora_a = nn.ParameterDict()
        self.lora_b = nn.ParameterDict()
        for name in self.adapted:
            rows, cols = getattr(self, name).shape
            a = torch.empty(rows, rank)
            nn.init.kaiming_uniform_(a, a=5**0.5, generator=generator)
            self.lora_a[name] = nn.Parameter(a)
            self.lora_b[name] = nn.Parameter(torch.zeros(rank, cols))

    def matrix(self, name: str) -> torch.Tensor:
        base = getattr(self, name)
        if name in self.lora_a:
            return base + self.scale_lora * (self.lora_a[name] @ self.lora_b[name])
        return base

    def _norm(self, x: torch.Tensor, gamma: torch.Tensor, beta: torch.Tensor) -> torch.Tensor:
        return functional.layer_norm(x, x.shape[-1:], gamma, beta, self.eps)

    def forward(self, ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """``ids`` (batch, length) sentencepiece ids with BOS and EOS, ``mask`` 1 on tokens."""
        chunk = ids % NUM_CHUNKS
        emb = self.table[ids].float() * self.chunk_scale[chunk, None] + self.chunk_lo[chunk, None]
        m = mask.unsqueeze(-1).float()
        x = self._norm(emb @ self.matrix("proj_W") + self.proj_b, self.ln_g_all, self.ln_b_all)
        branches = []
        for i, (n, left) in enumerate(ORDERS):
            xs = x[..., i * BRANCH : (i + 1) * BRANCH] * m
            h = functional.relu(self._window(xs, n, left) @ self.matrix(f"w1_{i}") + getattr(
                self, f"b1_{i}")) + xs  # fmt: skip
            h = h * m
            c2 = functional.relu(self._window(h, n, left) @ self.matrix(f"w2_{i}") + getattr(
                self, f"b2_{i}")) + h  # fmt: skip
            branches.append(c2)
        feats = self._norm(torch.cat([emb, *branches], dim=-1), self.ln_g, self.ln_b)
        lengths = mask.sum(dim=1, keepdim=True).float()
        summed = ((feats @ self.matrix("cnn_W") + self.cnn_b) * m).sum(dim=1)
        mean = summed / lengths.sqrt()
        y0 = functional.relu(mean @ self.matrix("d0"))
        y1 = functional.relu(mean @ self.matrix("p1") + y0 @ self.matrix("d1"))
        y2 = functional.relu(y1 @ self.matrix("d2"))
        z = torch.tanh(y1 @ self.matrix("p3") + y2 @ self.matrix("d3"))
        return z / z.norm(dim=-1, keepdim=True).clamp_min(self.eps**0.5)

    @staticmethod
    def _window(x: torch.Tensor, n: int, left: int) -> torch.Tensor:
        """Each position's n-gram window (positions t-left .. t-left+n-1), zeros outside the
        row; padding positions are already zero, so a sentence's window never sees another."""
        padded = functional.pad(x, (0, 0, left, n - 1 - left))
        length = x.shape[1]
        return torch.cat([padded[:, k : k + length] for k in range(n)], dim=-1)

    def adapter_state(self) -> dict[str, torch.Tensor]:
        state = {}
        for name in self.adapted:
            state[f"lora.{name}.a"] = self.lora_a[name].detach().clone().contiguous()
            state[f"lora.{name}.b"] = self.lora_b[name].detach().clone().contiguous()
        return state

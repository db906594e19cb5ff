"""multilingual-e5-small with its top layers and three heads fine-tuned: the torch model the
multilingual scorer runs (``e5_heads``) and its trainer trains (``tools/train_e5_heads.py``).

The bottom layers are e5's own, read from the pinned package (``e5_encoder``); the top ``layers``
layers and a linear head over the mean-pooled, L2-normalised sentence embedding (scaled by
``POOL_SCALE``) are the trained part. Training runs the frozen layers once per text
(``lower``) and trains the rest on their output (``logits``); scoring runs both in turn
(``probabilities``), so the two read a text the same way.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from . import e5_encoder

LABELS = ("toxicity", "threat", "kindness")
# Tokens read per text, <s> and </s> included: comments are short, and fine-tuning batches stay
# small. A longer text's clauses are still each read (clause scoring).
MAX_TOKENS = 96
# A text longer than the model's window (``limit``) is also read in windows of this many tokens
# overlapping by half, for toxicity and threat only: a long run-on comment of kind words (no
# punctuation for clause scoring to split at) must not dilute a threat at its end ("... et je
# sais où tu habites et ce soir je viendrai te tuer" after 100 kind tokens read kind in 96-token
# windows). Not for shorter texts: read so, every text, kind French replies scored more toxic
# and the claim rule chose a looser operating point (4 of 90 blind toxic cases published
# instead of 1).
SHORT_WINDOW = 32
POOL_SCALE = 10.0  # the normalised embedding's length as the heads see it


class E5TopLayers:
    """e5 with its bottom layers frozen and its top ``layers`` layers and heads trainable."""

    def __init__(self, packed: e5_encoder.PackedE5, layers: int, seed: int | None = None) -> None:
        """``seed``: seeds torch's generator for the heads' first weights (training); the
        service loads trained ones and leaves the process's generator alone."""
        import torch

        if not 1 <= layers <= packed.layers:
            raise ValueError(f"layers must be between 1 and {packed.layers}, not {layers}")
        if seed is not None:
            torch.manual_seed(seed)
        self.packed = packed
        self.layers = layers
        self.model = packed.bert(compact_embeddings=True)
        self.frozen = packed.layers - layers
        for parameter in self.model.parameters():
            parameter.requires_grad_(False)
        self.top = self.model.encoder.layer[self.frozen :]
        for parameter in self.top.parameters():
            parameter.requires_grad_(True)
        self.heads = torch.nn.Linear(packed.hidden, len(LABELS))
        self.inference = None  # (lower, top) InferenceLayers once ``for_inference`` has run

    def for_inference(self) -> None:
        """Run the layers, from now on, as ``bert_inference.InferenceLayers`` (the same
        arithmetic in fewer operations: a French nudge about a quarter faster) and drop
        ``transformers``' copies of them: the model can score but no longer train. For the
        service, once the trained part is in place."""
        from torch import nn

        from .bert_inference import InferenceLayers, supports

        if self.inference is not None or not supports(self.model.config):
            return
        layers = self.model.encoder.layer
        self.inference = (
            InferenceLayers(layers[: self.frozen], self.model.config, release=True),
            InferenceLayers(layers[self.frozen :], self.model.config, release=True),
        )
        self.model.encoder.layer = nn.ModuleList()
        self.top = None

    # The trained part, as stored: ``top.<layer>.<name>`` and ``heads.weight``/``heads.bias``.
    def trained_state(self) -> dict:
        if self.top is None:
            raise RuntimeError("the model was set up for inference: its layers cannot be read")
        state = {f"top.{key}": value for key, value in self.top.state_dict().items()}
        state |= {f"heads.{key}": value for key, value in self.heads.state_dict().items()}
        return state

    def load_trained_state(self, state: dict) -> None:
        """Put a stored trained part in place (fp16 or fp32 tensors; kept as fp32). Refuses a
        state that does not fit exactly: a tensor missing, left over or of another shape."""
        if self.top is None:
            raise RuntimeError("the model was set up for inference: load the state before")
        top = {k.removeprefix("top."): v.float() for k, v in state.items() if k.startswith("top.")}
        heads = {
            k.removeprefix("heads."): v.float() for k, v in state.items() if k.startswith("heads.")
        }
        if len(top) + len(heads) != len(state):
            raise ValueError("the trained state holds tensors that are neither top nor heads")
        for module, part in ((self.top, top), (self.heads, heads)):
            expected = module.state_dict()
            if set(part) != set(expected):
                raise ValueError(
                    f"the trained state does not fit: {sorted(set(part) ^ set(expected))[:4]}"
                )
            for key, value in part.items():
                if tuple(value.shape) != tuple(expected[key].shape):
                    raise ValueError(
                        f"{key} is {tuple(value.shape)}, not {tuple(expected[key].shape)}"
                    )
            module.load_state_dict(part)

    @staticmethod
    def _run(layers, hidden, mask):
        from .bert_inference import additive_mask

        additive = additive_mask(mask)
        for layer in layers:
            out = layer(hidden, attention_mask=additive)
            hidden = out[0] if isinstance(out, tuple) else out
        return hidden

    def _lower(self, hidden, mask):
        from .bert_inference import additive_mask

        if self.inference is not None:
            return self.inference[0](hidden, additive_mask(mask))
        return self._run(self.model.encoder.layer[: self.frozen], hidden, mask)

    def _top(self, hidden, mask):
        from .bert_inference import additive_mask

        if self.inference is not None:
            return self.inference[1](hidden, additive_mask(mask))
        return self._run(self.top, hidden, mask)

    @property
    def limit(self) -> int:
        return min(MAX_TOKENS, self.packed.positions)

    def token_ids(self, texts: Sequence[str]) -> list[list[int]]:
        """Each text's ids, cut to ``limit`` tokens (training reads texts so)."""
        return [self.packed.encode(text, self.limit) for text in texts]

    def windows(self, text: str, limit: int | None = None) -> list[list[int]]:
        """``text``'s ids in windows of at most ``limit`` tokens (default ``self.limit``) that
        cover all of it: the ids ``token_ids`` gives when it fits; otherwise windows overlapping
        by half, each after the first starting with the prefix again, the last ending with the
        text's last token."""
        packed = self.packed
        content = packed.content_ids(e5_encoder.PREFIX + text)
        size = (limit or self.limit) - 2
        if len(content) <= size:
            return [[packed.bos, *content, packed.eos]]
        prefix = packed.content_ids(e5_encoder.PREFIX.rstrip())
        body = content[len(prefix) :] if content[: len(prefix)] == prefix else content
        room = max(1, size - len(prefix))
        stride = max(1, room // 2)
        starts = list(range(0, max(1, len(body) - room), stride)) + [max(0, len(body) - room)]
        return [
            [packed.bos, *prefix, *body[start : start + room], packed.eos]
            for start in dict.fromkeys(starts)
        ]

    def lower(self, texts: Sequence[str], size: int = 64) -> list:
        """Each text's hidden states after the frozen layers (fp16, its own tokens only), read as
        given (callers pass the scoring form), cut to ``limit`` tokens."""
        return self.lower_ids(self.token_ids(texts), size)

    def lower_ids(self, ids: list[list[int]], size: int = 64) -> list:
        import torch

        order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
        out: list = [None] * len(ids)
        with torch.inference_mode():
            for start in range(0, len(order), size):
                chosen = order[start : start + size]
                input_ids, mask = e5_encoder.batch(self.packed, [ids[i] for i in chosen])
                hidden = self._lower(self.model.embeddings(input_ids=input_ids), mask)
                for row, i in enumerate(chosen):
                    out[i] = hidden[row, : len(ids[i])].to(torch.float16).clone()
        return out

    def logits(self, states: list):
        import torch

        longest = max(state.shape[0] for state in states)
        hidden = torch.zeros((len(states), longest, self.packed.hidden))
        mask = torch.zeros((len(states), longest))
        for row, state in enumerate(states):
            hidden[row, : state.shape[0]] = state.float()
            mask[row, : state.shape[0]] = 1
        hidden = self._top(hidden, mask)
        weights = mask.unsqueeze(-1)
        pooled = (hidden * weights).sum(1) / weights.sum(1)
        return self.heads(torch.nn.functional.normalize(pooled, dim=-1) * POOL_SCALE)

    def state_probabilities(self, states: list, size: int = 64) -> np.ndarray:
        import torch

        if self.top is not None:
            self.top.eval()
        with torch.inference_mode():
            return np.concatenate([
                torch.sigmoid(self.logits(states[i : i + size])).numpy()
                for i in range(0, len(states), size)
            ])  # fmt: skip

    def probabilities(self, texts: Sequence[str]) -> np.ndarray:
        """(texts x LABELS) probabilities, texts read as given, every token of them: a text
        longer than ``limit`` tokens is read in ``windows``, its toxicity and threat the highest
        of them and its kindness the lowest (a threat past the first window is not cut off), and
        also in windows of ``SHORT_WINDOW`` tokens, for its toxicity and threat."""
        if not texts:
            return np.zeros((0, len(LABELS)), np.float32)
        groups = []
        for text in texts:
            whole = self.windows(text)
            long = len(whole) > 1 and self.limit > SHORT_WINDOW
            short = self.windows(text, SHORT_WINDOW) if long else whole
            groups.append((whole, [w for w in short if w not in whole]))
        flat = [w for whole, short in groups for w in (*whole, *short)]
        found = self.state_probabilities(self.lower_ids(flat))
        out = np.zeros((len(texts), len(LABELS)), np.float32)
        at = 0
        for row, (whole, short) in enumerate(groups):
            block = found[at : at + len(whole) + len(short)]
            at += len(whole) + len(short)
            out[row] = [block[:, 0].max(), block[:, 1].max(), block[: len(whole), 2].min()]
        return out

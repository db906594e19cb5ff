"""The fine-tunable multilingual encoder: the torch forward that training runs is the numpy
forward the service runs, with and without adapters; adapters travel inside the hash-pinned heads
file and are merged at load; a malformed adapter is refused; fine-tuning on a subsample is
deterministic and what it trains is what the service scores."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest
import torch

from kindness_challenge.scoring import multilingual_heads as ml
from kindness_challenge.scoring.multilingual_model import LoraUSE, dense_weights

from test_multilingual_heads import FRENCH_KIND, train_tiny, write_multilingual_data
from tiny_detoxify import refuse_network

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

TEXTS = [
    FRENCH_KIND,
    "t'es nul",
    "Je sais où tu habites 🙂",
    "a",
    "Das ist wirklich schön, danke dir 🙏 für alles, was du machst",
    "ありがとう、本当に助かりました",
]


@pytest.fixture(scope="module")
def encoder():
    return ml.Encoder(threads=1)


@pytest.fixture(scope="module")
def weights():
    raw = ml.read_verified(ml.encoder_dir() / "weights.npz", ml.ENCODER_SHA256["weights.npz"])
    return dense_weights(raw)


def torch_embed(model: LoraUSE, encoder: ml.Encoder, texts: list[str]) -> np.ndarray:
    ids = [encoder.model._sp.encode(t, out_type=int, add_bos=True, add_eos=True) for t in texts]
    width = max(map(len, ids))
    input_ids = torch.zeros((len(ids), width), dtype=torch.long)
    mask = torch.zeros_like(input_ids)
    for row, tokens in enumerate(ids):
        input_ids[row, : len(tokens)] = torch.tensor(tokens)
        mask[row, : len(tokens)] = 1
    with torch.no_grad():
        return model.eval()(input_ids, mask).numpy()


def random_adapters(model: LoraUSE, seed: int = 3) -> None:
    generator = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for name in model.adapted:
            model.lora_b[name].copy_(torch.randn(model.lora_b[name].shape, generator=generator))
            model.lora_b[name].mul_(0.02)


def test_the_torch_forward_is_the_packages_numpy_forward(encoder, weights):
    model = LoraUSE(weights, rank=4)

    embedded = torch_embed(model, encoder, TEXTS)  # one padded batch of different lengths

    assert np.abs(embedded - encoder.encode(TEXTS)).max() < 1e-5
    # Padding never reaches a sentence: alone, each text embeds the same.
    alone = np.concatenate([torch_embed(model, encoder, [text]) for text in TEXTS])
    assert np.abs(alone - embedded).max() < 1e-5


def test_merged_adapters_give_the_numpy_forward_what_training_computed(encoder, weights):
    model = LoraUSE(weights, rank=4, alpha=8.0)
    random_adapters(model)
    adapters = {key: value.numpy() for key, value in model.adapter_state().items()}

    tuned = ml.Encoder(threads=1, adapters=adapters, lora_scale=model.scale_lora)
    expected = torch_embed(model, encoder, TEXTS)

    assert np.abs(tuned.encode(TEXTS) - expected).max() < 1e-5
    assert np.abs(encoder.encode(TEXTS) - expected).max() > 1e-2  # the adapters matter
    # The scale is part of it: the same adapters at another scale embed otherwise.
    other = ml.Encoder(threads=1, adapters=adapters, lora_scale=model.scale_lora / 2)
    assert np.abs(other.encode(TEXTS) - expected).max() > 1e-3


def test_adapters_travel_inside_the_heads_file(weights):
    model = LoraUSE(weights, rank=2, adapted=("d0", "w1_1"))
    random_adapters(model)
    adapters = {key: value.numpy() for key, value in model.adapter_state().items()}
    heads = ml.Heads(np.ones((3, 512)), np.zeros(3), ["fr"], {"fr": {}}, adapters, 8.0)

    again = ml.Heads.from_bytes(heads.to_bytes())

    assert sorted(again.adapters) == sorted(adapters) == [
        "lora.d0.a", "lora.d0.b", "lora.w1_1.a", "lora.w1_1.b",
    ]  # fmt: skip
    assert all(np.array_equal(again.adapters[k], adapters[k]) for k in adapters)
    assert again.lora_scale == 8.0 and again.languages == ("fr",)
    plain = ml.Heads.from_bytes(ml.Heads(np.ones((3, 512)), np.zeros(3)).to_bytes())
    assert plain.adapters == {} and plain.lora_scale == 0.0


D0 = {"lora.d0.a": np.ones((512, 2)), "lora.d0.b": np.ones((2, 320))}  # d0 is 512 x 320


@pytest.mark.parametrize(
    ("adapters", "scale", "message"),
    [
        ({"lora.table.a": np.ones((2, 2)), "lora.table.b": np.ones((2, 2))}, 1.0, "not an adapter"),
        ({**D0, "lora.d0.ab": np.ones(3)}, 1.0, "not an adapter"),
        ({**D0, "lora.d0.": np.ones(3)}, 1.0, "not an adapter"),
        ({**D0, "extra": np.ones(3)}, 1.0, "not an adapter"),
        ({"lora.d0.a": np.ones((512, 2))}, 1.0, "half an adapter"),
        ({"lora.d0.a": np.ones((512, 2)), "lora.d0.b": np.ones((3, 320))}, 1.0, "cannot change"),
        ({"lora.d0.a": np.ones((512, 2)), "lora.d0.b": np.ones((2, 512))}, 1.0, "cannot change"),
        ({"lora.d0.a": np.ones((512, 0)), "lora.d0.b": np.ones((0, 320))}, 1.0, "cannot change"),
        ({**D0, "lora.d0.b": np.full((2, 320), np.nan)}, 1.0, "not finite"),
        (D0, float("nan"), "scale"),
        (D0, 0.0, "scale"),
        (D0, "1e1", "scale"),
    ],
)
def test_a_malformed_adapter_is_refused(adapters, scale, message):
    with pytest.raises(ml.MultilingualFileError, match=message):
        ml.Heads(np.ones((3, 512)), np.zeros(3), adapters=adapters, lora_scale=scale)


def test_a_malformed_adapter_in_a_heads_file_is_refused_when_read():
    good = ml.Heads(np.ones((3, 512)), np.zeros(3), adapters=D0, lora_scale=2.0).to_bytes()
    from safetensors.numpy import load, save

    tensors = load(good)
    tensors["lora.d0.b"] = np.ones((2, 512), np.float32)  # the wrong shape
    header = ml._header(good)
    with pytest.raises(ml.MultilingualFileError, match="cannot change"):
        ml.Heads.from_bytes(save(tensors, metadata=header))


def test_an_adapter_of_the_wrong_shape_is_refused_at_load():
    adapters = {"lora.d0.a": np.ones((512, 2)), "lora.d0.b": np.ones((2, 512))}  # d0 is 512x320
    with pytest.raises(ml.MultilingualFileError, match="d0"):
        ml.Encoder(threads=1, adapters=adapters, lora_scale=1.0)


@pytest.fixture(scope="module")
def finetuned(tmp_path_factory):
    root = tmp_path_factory.mktemp("finetuned")
    data = write_multilingual_data(root / "data")
    options = ("--finetune-epochs", "2", "--rank", "2", "--batch", "8", "--lr", "5e-3")
    digest = train_tiny(data, root / "heads", *options)
    return root, data, digest, options


def test_fine_tuning_a_subsample_is_deterministic(finetuned):
    root, data, digest, options = finetuned

    assert train_tiny(data, root / "again", *options) == digest
    assert train_tiny(data, root / "seed", *options, "--seed", "7") != digest
    metadata = json.loads((root / "heads" / ml.METADATA_FILE).read_text())
    assert metadata["heads_sha256"] == digest
    assert metadata["parameters"]["finetune_epochs"] == 2 and metadata["parameters"]["rank"] == 2


def test_held_out_rows_are_never_fine_tuned_on(finetuned, tmp_path, monkeypatch):
    import train_multilingual_heads

    _, data, _, options = finetuned
    seen = []
    token_ids = train_multilingual_heads.token_ids
    monkeypatch.setattr(
        train_multilingual_heads,
        "token_ids",
        lambda enc, texts, limit: seen.extend(texts) or token_ids(enc, texts, limit),
    )

    train_tiny(data, tmp_path / "watched", *options, "--no-eval")

    rows = train_multilingual_heads.v3.read_rows(
        data, train_multilingual_heads.v3.DEFAULT_SEED, 0.3
    )
    held = {row.text for row in rows if row.held_out}
    assert held and seen and any(text.startswith(("tu ", "ferme")) for text in seen)
    assert not held & set(seen)


def test_the_service_scores_with_the_fine_tuned_encoder_offline(finetuned, monkeypatch):
    root, _, digest, _ = finetuned
    refuse_network(monkeypatch)
    scorer = ml.MultilingualScorer(root / "heads", heads_sha256=digest, threads=1)
    heads = scorer.heads

    assert len(heads.adapters) == 2 * len(ml.DENSE) and heads.lora_scale == 8.0
    # The adapters moved away from their zero start, and the loaded encoder carries them.
    assert max(np.abs(v).max() for k, v in heads.adapters.items() if k.endswith(".b")) > 0
    plain = ml.Encoder(threads=1)
    tuned = scorer.load()
    assert np.abs(tuned.encode(TEXTS) - plain.encode(TEXTS)).max() > 1e-4
    expected = 1 / (1 + np.exp(-heads.logits(tuned.encode([FRENCH_KIND]))))
    assert scorer.score([FRENCH_KIND], ["fr"])[0]["kindness"] == pytest.approx(
        float(expected[0, 2]), abs=1e-5
    )


def test_fine_tuning_in_a_single_batch_runs(finetuned, tmp_path):
    _, data, _, _ = finetuned
    options = ("--finetune-epochs", "1", "--batch", "4096", "--rank", "1", "--no-eval")
    train_tiny(data, tmp_path / "one", *options)  # one batch: warm-up and decay of one step
    heads = ml.Heads.from_bytes((tmp_path / "one" / ml.HEADS_FILE).read_bytes())
    assert heads.adapters["lora.d0.a"].shape == (512, 1)

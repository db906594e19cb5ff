"""tools/train_heads.py on a small subsample: the same seed gives the same heads bit for bit,
another seed other heads, and what it writes loads in the embedded classifier."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import sys
from pathlib import Path

import pytest

from kindness_challenge.scoring.embedding_classifier import SentenceEmbeddingClassifier

from conftest import SHARED_DATA, require_data

pytestmark = pytest.mark.slow  # trains heads on the moderation corpus

ROOT = Path(__file__).resolve().parents[1]
DATA = SHARED_DATA
LABELS = ("toxicity", "kindness")


@pytest.fixture(scope="module")
def train_heads():
    require_data(DATA / "moderation-train" / "train.jsonl")
    spec = importlib.util.spec_from_file_location("train_heads", ROOT / "tools" / "train_heads.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it executes
    spec.loader.exec_module(module)
    yield module
    sys.modules.pop(spec.name, None)


@pytest.fixture(scope="module")
def runs(train_heads, tmp_path_factory):
    """Heads from 300 training and 300 dev rows: twice with seed 7, once with seed 8.

    On one thread: a busy shared CI machine slows two threads far more than one.
    """
    import torch

    threads = torch.get_num_threads()
    folders = {}
    try:
        for name, seed in (("first", 7), ("again", 7), ("other", 8)):
            folder = tmp_path_factory.mktemp(name)
            argv = ["--subsample", "300", "--seed", str(seed), "--folds", "3", "--threads", "1"]
            argv += ["--train-dir", str(DATA / "moderation-train")]
            argv += ["--dev-dir", str(DATA / "moderation-dev")]
            assert train_heads.main([*argv, "--out", str(folder)]) == 0
            folders[name] = folder
    finally:
        torch.set_num_threads(threads)
    return folders


def head(folder: Path, label: str) -> dict:
    return json.loads((folder / f"{label}.json").read_text(encoding="utf-8"))


def undated(document: dict) -> dict:
    return {**document, "metadata": {**document["metadata"], "trained": None}}


@pytest.mark.parametrize("label", LABELS)
def test_the_same_seed_gives_the_same_head(runs, label):
    first, again = head(runs["first"], label), head(runs["again"], label)

    assert undated(first) == undated(again)
    assert first["coef"] == again["coef"]  # JSON numbers read back to the same float64 values
    assert len(first["coef"]) == 384


@pytest.mark.parametrize("label", LABELS)
def test_another_seed_gives_another_head(runs, label):
    assert head(runs["first"], label)["coef"] != head(runs["other"], label)["coef"]


def test_records_data_parameters_and_out_of_fold_metrics(runs):
    metadata = head(runs["first"], "toxicity")["metadata"]

    for name, digest in metadata["data_sha256"].items():
        assert hashlib.sha256((DATA / name).read_bytes()).hexdigest() == digest
    assert metadata["parameters"]["seed"] == 7
    assert metadata["parameters"]["subsample"] == 300
    assert "out of fold" in metadata["parameters"]["dev_set_use"]
    assert sum(n for key, n in metadata["rows"].items() if key.startswith("dev:")) == 300
    assert 0.5 < metadata["dev_metrics"]["auc_all"] <= 1.0


def test_written_heads_load_in_the_classifier(runs):
    classifier = SentenceEmbeddingClassifier(runs["first"])

    (row,) = classifier.score_batch(["Thank you for the flowers, they made my week."])

    assert classifier.labels == LABELS
    assert head(runs["first"], "kindness")["metadata"]["trained"] in classifier.version
    assert set(row) == set(LABELS) and all(0.0 <= p <= 1.0 for p in row.values())

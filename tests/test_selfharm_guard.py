"""The English model's self-harm incitement guard (``scoring/selfharm_guard.py``): the shipped
file hash-checked and refused when changed, refused on a model it does not fit, joined to
``threat`` in packed and padded scoring alike (so a flagged moment is held and sorts first),
its trainer deterministic on a subsample, and its bank kept apart from every bench set."""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
from pathlib import Path

import numpy as np
import pytest
from bench_overlap import assert_no_overlap, cases, shingles

from kindness_challenge.core import routing
from kindness_challenge.models import State
from kindness_challenge.scoring import selfharm_guard
from kindness_challenge.scoring.finetuned_classifier import V3_DIR, FinetunedClassifier
from kindness_challenge.scoring.selfharm_guard import (
    GUARD_FILE,
    SELFHARM_SHA256,
    GuardFileError,
    SelfHarmGuard,
    check_fits,
    read_guard,
)

from tiny_training_data import write_tiny_data

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import train_selfharm_guard  # noqa: E402

BANK = ROOT / "tools" / "selfharm_bank.jsonl"
# Rows written later, for candidates (``--extra-bank``); judged and not in the shipped guard.
CANDIDATE_ROWS = ROOT / "tools" / "selfharm_bank_candidates.jsonl"


def constant_guard(bias: float) -> SelfHarmGuard:
    """A guard that gives every text sigmoid(bias)."""
    return SelfHarmGuard(np.zeros(384, np.float32), bias, 3, {
        "weights_sha256": json.loads((V3_DIR / "metadata.json").read_text())["embedding"][
            "weights_sha256"], "text_normalisation": "scoring_text"})  # fmt: skip


@pytest.fixture(scope="module")
def shipped():
    return FinetunedClassifier(multilingual=False, threads=1)


def test_the_shipped_guard_is_pinned_and_fits_the_shipped_adapter(shipped):
    data = (V3_DIR / GUARD_FILE).read_bytes()
    assert hashlib.sha256(data).hexdigest() == SELFHARM_SHA256
    assert shipped.guard is not None and shipped.guard.sha256 == SELFHARM_SHA256
    assert shipped.guard.layers == 3
    assert f"guard:{SELFHARM_SHA256[:8]}" in shipped.version
    assert SELFHARM_SHA256[:8] in shipped.version_marker  # kept scores name it
    # its threshold sits at the policy's threat threshold: the bias carries it
    assert 0.5 <= shipped.guard.record["threshold"] < 1


def test_every_version_stored_with_a_score_fits_its_columns():
    """The version is stored with every score (String(80) on PostgreSQL, which enforces it)."""
    from kindness_challenge.models import RescoreRun, Score, Submission
    from kindness_challenge.scoring.kindness import WithKindness

    limit = min(
        model.__table__.c.classifier_version.type.length
        for model in (Submission, Score, RescoreRun)
    )
    full = FinetunedClassifier(threads=1)  # English, its guard, and e5's claimed languages
    bare = FinetunedClassifier(threads=1, multilingual=False, guard=False)
    assert full.multilingual is not None and full.guard is not None
    for classifier in (full, bare, WithKindness(bare, full)):
        assert len(classifier.version) <= limit, classifier.version


def test_a_changed_guard_file_is_refused(tmp_path):
    shutil.copy(V3_DIR / GUARD_FILE, tmp_path / GUARD_FILE)
    data = bytearray((tmp_path / GUARD_FILE).read_bytes())
    data[-1] ^= 1
    (tmp_path / GUARD_FILE).write_bytes(bytes(data))
    with pytest.raises(GuardFileError, match="refusing"):
        read_guard(tmp_path, SELFHARM_SHA256)
    with pytest.raises(GuardFileError, match="cannot read"):
        read_guard(tmp_path / "missing", SELFHARM_SHA256)


def test_the_classifier_refuses_to_load_with_a_changed_guard(tmp_path, monkeypatch):
    from kindness_challenge.scoring import finetuned_classifier

    monkeypatch.setattr(finetuned_classifier, "SELFHARM_SHA256", "0" * 64)
    with pytest.raises(GuardFileError, match="refusing"):
        FinetunedClassifier(multilingual=False)


def test_a_guard_that_does_not_fit_the_model_is_refused():
    metadata = json.loads((V3_DIR / "metadata.json").read_text(encoding="utf-8"))
    guard = constant_guard(0.0)
    check_fits(guard, metadata, "scoring_text")  # fits
    with pytest.raises(GuardFileError, match="reads"):
        check_fits(guard, metadata, "scoring_text+emoji_words")
    other = {**metadata, "embedding": {**metadata["embedding"], "weights_sha256": "x"}}
    with pytest.raises(GuardFileError, match="other base weights"):
        check_fits(guard, other, "scoring_text")
    lower = {**metadata, "lora": {**metadata["lora"], "layers": [0, 1, 2, 3, 4, 5]}}
    with pytest.raises(GuardFileError, match="changes layer 0"):
        check_fits(guard, lower, "scoring_text")
    unsaid = {**metadata, "lora": {k: v for k, v in metadata["lora"].items() if k != "layers"}}
    with pytest.raises(GuardFileError, match="does not say"):
        check_fits(guard, unsaid, "scoring_text")


def test_a_malformed_guard_is_refused():
    with pytest.raises(GuardFileError, match="cannot be read"):
        SelfHarmGuard.from_bytes(b"not a safetensors file")
    with pytest.raises(GuardFileError, match="not finite"):
        SelfHarmGuard(np.array([np.nan] * 384), 0.0, 3, {})


TEXTS = [
    "thank you so much, you made my whole week",
    "lovely garden, but honestly you are a pathetic troll",  # two clauses: packed with them
    "see you at the match on saturday",
]


@pytest.mark.parametrize("packed", [True, False])
def test_the_guard_joins_threat_as_the_higher_of_the_two(packed):
    never = FinetunedClassifier(multilingual=False, threads=1, guard=constant_guard(-30.0))
    always = FinetunedClassifier(multilingual=False, threads=1, guard=constant_guard(30.0))
    none = FinetunedClassifier(multilingual=False, threads=1, guard=False)
    for classifier in (never, always, none):
        classifier.load().pack_tokens = 256 if packed else 0

    quiet, loud, plain = (c.score_batch(TEXTS) for c in (never, always, none))

    for q, p in zip(quiet, plain, strict=True):
        assert q == pytest.approx(p, abs=1e-5)  # a guard that flags nothing changes nothing
    for lo, p in zip(loud, plain, strict=True):
        assert lo["threat"] == pytest.approx(1.0)
        assert lo["toxicity"] == pytest.approx(p["toxicity"], abs=1e-5)
        assert lo["kindness"] == pytest.approx(p["kindness"], abs=1e-5)
    # held, and first in the queue, as any threat
    policy = routing.Policy(thresholds=dict(routing.DEFAULT_THRESHOLDS), kindness_threshold=0.8)
    decision = routing.route_submission(TEXTS[0], loud[0], policy, language="en")
    assert decision.state != State.published


def test_packed_and_padded_guard_features_agree(shipped):
    encoder = shipped.load()
    forms = shipped.prepared(TEXTS)
    padded = encoder.guard_features(forms, shipped.guard.layers)
    raw = shipped.guard.probabilities(padded)
    encoder.pack_tokens = 256
    try:
        packed = encoder.probabilities(forms).numpy()
        encoder.pack_tokens = 0
        unpacked = encoder.probabilities(forms).numpy()
    finally:
        encoder.pack_tokens = 256
    assert packed.shape == (len(TEXTS), len(shipped.labels) + 1)  # the guard's column last
    np.testing.assert_allclose(packed, unpacked, atol=1e-5)
    # served (packed and padded) as trained: the trainer's features give the same probability
    np.testing.assert_allclose(packed[:, -1], raw, atol=1e-5)


def test_the_shipped_guard_holds_a_quiet_push_the_adapter_would_publish(shipped):
    # Written for this test, not taken from the bank or a bench set.
    push = "have you thought about how quiet and peaceful it would be without you"
    care = "so glad you are still here with us, truly"
    unguarded = FinetunedClassifier(multilingual=False, threads=1, guard=False)
    (alone,) = unguarded.score_batch([push])
    pushed, cared = shipped.score_batch([push, care])
    assert alone["threat"] < 0.5 and alone["kindness"] >= 0.8  # the adapter reads it as kind
    assert pushed["threat"] >= 0.5  # the guard holds it
    assert cared["threat"] < 0.5


class Detoxify:
    """A stand-in for detoxify: its own threat, 0.01 for every text."""

    name = "detoxify"
    version = "detoxify-original:test"
    description = "detoxify stand-in"
    labels = ("toxicity", "threat")

    def score_batch(self, texts):
        return [{"toxicity": 0.01, "threat": 0.01} for _ in texts]


@pytest.mark.parametrize(("bias", "expected"), [(30.0, 1.0), (-30.0, 0.01)])
def test_with_detoxify_the_guard_joins_detoxifys_own_threat(bias, expected):
    from kindness_challenge.scoring.kindness import WithKindness

    source = FinetunedClassifier(multilingual=False, threads=1, guard=constant_guard(bias))
    combined = WithKindness(Detoxify(), source)
    rows = combined.score_batch(TEXTS)

    assert combined.guard_joins and "self-harm guard" in combined.description
    assert [set(row) for row in rows] == [{"toxicity", "threat", "kindness"}] * len(TEXTS)
    assert [row["threat"] for row in rows] == pytest.approx([expected] * len(TEXTS), abs=1e-6)
    assert all(row["toxicity"] == 0.01 for row in rows)  # detoxify's own, untouched
    unguarded = WithKindness(Detoxify(), FinetunedClassifier(multilingual=False, guard=False))
    assert not unguarded.guard_joins
    assert [row["threat"] for row in unguarded.score_batch(TEXTS)] == [0.01] * len(TEXTS)


def test_training_is_deterministic_on_a_subsample(tmp_path):
    data = write_tiny_data(tmp_path / "data")
    digests = []
    for run in ("a", "b"):
        options = ["--data", str(data), "--out", str(tmp_path / run), "--subsample", "6",
                   "--everyday", "6", "--threads", "1"]  # fmt: skip
        assert train_selfharm_guard.main(options) == 0
        digests.append(hashlib.sha256((tmp_path / run / GUARD_FILE).read_bytes()).hexdigest())
    assert digests[0] == digests[1]
    guard = read_guard(tmp_path / "a", digests[0])
    assert guard.layers == 3 and guard.record["parameters"]["subsample"] == 6
    assert set(guard.record["data_sha256"]) >= {"tools/selfharm_bank.jsonl"}
    assert guard.record["data_sha256"]["tools/selfharm_bank.jsonl"] == (
        hashlib.sha256(BANK.read_bytes()).hexdigest()
    )
    # A default run's header names no extra rows, so the shipped file's bytes come back.
    assert set(guard.record["data_sha256"]) == {
        "tools/selfharm_bank.jsonl", "moderation-train/train.jsonl", "moderation-dev/ok.jsonl",
        "bench/comment_dev.jsonl",
    }  # fmt: skip
    assert "extra_bank" not in guard.record["parameters"]


def test_a_run_with_extra_rows_records_them_and_trains_on_them(tmp_path):
    data = write_tiny_data(tmp_path / "data")
    extra = tmp_path / "more.jsonl"
    extra.write_text(
        "".join(json.dumps({"text": f"rest well tonight friend number {i}", "group": "support"})
                + "\n" for i in range(3)),
        encoding="utf-8",
    )  # fmt: skip
    digests = {}
    for run, more in (("plain", []), ("extra", ["--extra-bank", str(extra)])):
        options = ["--data", str(data), "--out", str(tmp_path / run), "--subsample", "6",
                   "--everyday", "6", "--threads", "1", *more]  # fmt: skip
        assert train_selfharm_guard.main(options) == 0
        digests[run] = hashlib.sha256((tmp_path / run / GUARD_FILE).read_bytes()).hexdigest()
    guard = read_guard(tmp_path / "extra", digests["extra"])
    assert guard.record["data_sha256"][str(extra)] == hashlib.sha256(extra.read_bytes()).hexdigest()
    plain = read_guard(tmp_path / "plain", digests["plain"])
    assert not np.array_equal(guard.weight, plain.weight)  # the rows were trained on


def test_the_shipped_bank_is_not_taken_as_extra_rows(tmp_path):
    with pytest.raises(SystemExit):
        train_selfharm_guard.training_rows(write_tiny_data(tmp_path / "data"), 3, 0, None, [BANK])


def test_the_threshold_is_the_lowest_within_the_kind_limits():
    class Limits:
        max_kind, max_comment_kind = 1, 0

    kind = np.array([0.95, 0.7, 0.2])
    comment = np.array([0.8, 0.1])
    # 0.7 flags two kind rows; 0.71-0.80 flag the comment case; 0.81 flags one kind row only
    assert train_selfharm_guard.choose_threshold(kind, comment, Limits) == 0.81


@pytest.mark.parametrize(
    ("path", "at_least"),
    [
        (BANK, {"incitement": 310, "support": 291, "neutral": 107}),
        (CANDIDATE_ROWS, {"incitement": 250, "support": 290}),
    ],
    ids=["bank", "candidate rows"],
)
def test_the_bank_is_labelled_and_kept_apart_from_every_bench_set(path, at_least):
    bank = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert {row["group"] for row in bank} == set(at_least)
    for group, count in at_least.items():
        assert sum(row["group"] == group for row in bank) >= count, group
    assert_no_overlap(row["text"] for row in bank)
    # and not even five words in a row with the self-harm sets it is measured on
    five = set().union(*(shingles(row["text"], 5) for row in bank))
    for name in ("selfharm_dev.jsonl", "selfharm_blind.jsonl"):
        shared = five & set().union(*(shingles(text, 5) for text in cases(name)))
        assert not shared, (name, len(shared))


def test_the_candidate_rows_repeat_nothing_of_the_bank():
    bank = {json.loads(line)["text"].lower() for line in BANK.read_text("utf-8").splitlines()}
    rows = [
        json.loads(line)["text"].lower() for line in CANDIDATE_ROWS.read_text("utf-8").splitlines()
    ]
    assert len(set(rows)) == len(rows) and not bank & set(rows)


def test_extra_rows_join_the_bank_when_asked(tmp_path):
    extra = tmp_path / "more.jsonl"
    extra.write_text(
        json.dumps({"text": "rest up tonight, you earned it", "group": "support"}) + "\n"
        + json.dumps({"text": "nobody would miss you, just go", "group": "incitement"}) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    data = write_tiny_data(tmp_path / "data")
    plain, plain_labels = train_selfharm_guard.training_rows(data, 3, 0, None)
    texts, labels = train_selfharm_guard.training_rows(data, 3, 0, None, [extra])
    added = [
        texts.index("rest up tonight, you earned it"),
        texts.index("nobody would miss you, just go"),
    ]
    assert [bool(labels[i]) for i in added] == [False, True]
    kept = [i for i in range(len(texts)) if i not in added]
    assert [texts[i] for i in kept] == plain and [labels[i] for i in kept] == list(plain_labels)


def test_the_guard_module_names_its_file():
    assert selfharm_guard.GUARD_FILE == "selfharm.safetensors"

"""The third-generation classifier (MiniLM + LoRA adapters): trained deterministically on a tiny
data folder written here, loaded with sockets refused, a changed adapter refused, and a model
that cannot load failing closed (the worker then sends the batch to review)."""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from kindness_challenge.core import routing
from kindness_challenge.core.text.clauses import MAX_CLAUSES, clauses
from kindness_challenge.models import State
from kindness_challenge.scoring.detoxify_classifier import ModelLoadError
from kindness_challenge.scoring.finetuned_classifier import (
    ADAPTER_FILE,
    ADAPTER_SHA256,
    METADATA_FILE,
    PACK_ALIGN,
    PACK_TOKENS,
    V3_DIR,
    AdapterFileError,
    FinetunedClassifier,
    score_texts,
    sha256_hex,
)
from kindness_challenge.scoring.sentence_model import WEIGHTS_FILE, packaged_model_dir

from tiny_detoxify import refuse_network
from tiny_training_data import write_tiny_data

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import train_classifier_v3  # noqa: E402


def train_tiny(data: Path, out: Path) -> str:
    code = train_classifier_v3.main(
        [
            "--data",
            str(data),
            "--out",
            str(out),
            "--subsample",
            "16",
            "--steps",
            "2",
            "--batch",
            "8",
            "--threads",
            "1",
            "--no-eval",
        ]  # fmt: skip
    )
    assert code == 0
    return sha256_hex((out / ADAPTER_FILE).read_bytes())


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    """(folder, sha256) of an adapter trained for two steps on the tiny data."""
    root = tmp_path_factory.mktemp("v3")
    data = write_tiny_data(root / "data")
    digest = train_tiny(data, root / "adapter")
    return root / "adapter", digest, data


def test_training_is_deterministic(tiny, tmp_path):
    folder, digest, data = tiny

    again = train_tiny(data, tmp_path / "again")

    assert again == digest
    metadata = json.loads((folder / METADATA_FILE).read_text())
    assert metadata["adapter_sha256"] == digest
    assert metadata["seed"] == train_classifier_v3.DEFAULT_SEED
    assert set(metadata["data_sha256"]) == {
        "moderation-train/train.jsonl", "moderation-train/goemotions_negative.jsonl",
        "moderation-train-v2/english.jsonl", "moderation-train-v2/multilingual.jsonl",
        "moderation-dev/toxic.jsonl", "moderation-dev/ok.jsonl",
    }  # fmt: skip
    # Clause scoring is on unless the trainer says --whole-text-only, and the classifier follows.
    assert metadata["clause_scoring"] is True
    assert FinetunedClassifier(folder, adapter_sha256=digest).clause_scoring is True


@pytest.mark.parametrize("whole_text_only", [False, True])
def test_an_adapter_can_be_evaluated_again_without_training(tiny, tmp_path, whole_text_only):
    folder, digest, data = tiny
    copy = tmp_path / "v3"
    shutil.copytree(folder, copy)
    options = ["--whole-text-only"] if whole_text_only else []

    code = train_classifier_v3.main(
        ["--data", str(data), "--out", str(copy), "--threads", "1", "--evaluate-only", *options]
    )

    assert code == 0
    assert sha256_hex((copy / ADAPTER_FILE).read_bytes()) == digest  # untouched
    metadata = json.loads((copy / METADATA_FILE).read_text())
    assert metadata["clause_scoring"] is not whole_text_only
    assert metadata["evaluated"] and metadata["dev"]["all"]["n"] == 2
    assert set(metadata["thresholds"]) == {"toxicity", "threat"}
    assert FinetunedClassifier(copy, adapter_sha256=digest).clause_scoring is not whole_text_only


def test_another_seed_trains_another_adapter(tiny, tmp_path):
    _, digest, data = tiny
    code = train_classifier_v3.main(
        [
            "--data",
            str(data),
            "--out",
            str(tmp_path),
            "--subsample",
            "16",
            "--steps",
            "2",
            "--batch",
            "8",
            "--threads",
            "1",
            "--no-eval",
            "--seed",
            "7",
        ]  # fmt: skip
    )

    assert code == 0
    assert sha256_hex((tmp_path / ADAPTER_FILE).read_bytes()) != digest


def test_held_out_rows_are_never_drawn_for_training(tiny):
    _, _, data = tiny
    rows = train_classifier_v3.read_rows(data, 1, 0.5)
    held = {row.text for row in rows if row.held_out}

    drawn = train_classifier_v3.draw(rows, len(rows), 1)

    assert held  # half of v2, by hash
    assert not held & {row.text for row in drawn}
    assert not any(row.held_out for row in rows if row.source in ("davidson", "goemotions"))


@pytest.mark.parametrize(
    ("category", "emotions", "kind", "default_kind"),
    [
        ("goemotions:gratitude", ["gratitude"], 1, 1),
        ("goemotions:love", ["love", "joy"], 1, 1),
        ("goemotions:optimism", ["optimism"], None, 1),  # hope about the weather
        ("goemotions:approval", ["approval", "caring"], 1, 1),
        ("goemotions:neutral", ["neutral"], 0, 0),
    ],
)
def test_kindness_toward_someone_labels_goemotions_by_its_emotions(
    category, emotions, kind, default_kind
):
    record = {"text": "a comment", "label": "ok", "category": category, "emotions": emotions}
    toward = train_classifier_v3.to_row(record, "train.jsonl", 1, 0.5, kind_toward=True)
    default = train_classifier_v3.to_row(record, "train.jsonl", 1, 0.5)
    assert (toward.kind, default.kind) == (kind, default_kind)


def test_kindness_toward_someone_leaves_reframes_unlabelled_and_holds_goemotions_out(tiny):
    _, _, data = tiny
    toward = train_classifier_v3.read_rows(data, 1, 0.5, kind_toward=True)
    default = train_classifier_v3.read_rows(data, 1, 0.5)

    reframes = [row for row in toward if row.category == "positive_frames:reframe"]
    assert reframes and all(row.kind is None for row in reframes)
    assert all(row.kind == 1 for row in default if row.category == "positive_frames:reframe")
    goemotions = [row for row in toward if row.source == "goemotions"]
    assert any(row.held_out for row in goemotions)  # half, by hash: measured, never drawn
    assert not any(row.held_out for row in default if row.source == "goemotions")
    drawn = train_classifier_v3.draw(toward, len(toward), 1)
    assert not {row.text for row in toward if row.held_out} & {row.text for row in drawn}
    # The rest of the data is read the same way.
    assert [r for r in toward if r.source not in ("goemotions", "positive_frames")] == [
        r for r in default if r.source not in ("goemotions", "positive_frames")
    ]


def test_share_alike_sources_can_be_left_out_of_training_but_not_out_of_the_measure(tiny):
    _, _, data = tiny
    rows = train_classifier_v3.read_rows(data, 1, 0.5)
    share_alike = [row for row in rows if row.source in train_classifier_v3.SHARE_ALIKE]

    kept = train_classifier_v3.without_share_alike(rows)

    assert any(not row.held_out for row in share_alike)  # the tiny data has some to drop
    assert not [r for r in kept if r.source in train_classifier_v3.SHARE_ALIKE and not r.held_out]
    assert [r for r in kept if r.held_out] == [r for r in rows if r.held_out]
    assert [r for r in kept if r.source not in train_classifier_v3.SHARE_ALIKE] == [
        r for r in rows if r.source not in train_classifier_v3.SHARE_ALIKE
    ]


def test_a_retrain_without_share_alike_sources_records_it(tiny, tmp_path):
    _, digest, data = tiny
    code = train_classifier_v3.main(
        ["--data", str(data), "--out", str(tmp_path), "--subsample", "16", "--steps", "2",
         "--batch", "8", "--threads", "1", "--no-eval", "--exclude-share-alike"]
    )  # fmt: skip

    metadata = json.loads((tmp_path / "metadata.json").read_text(encoding="utf-8"))
    assert code == 0
    assert metadata["parameters"]["exclude_share_alike"] is True
    assert not set(metadata["training_rows"]) & train_classifier_v3.SHARE_ALIKE
    assert sha256_hex((tmp_path / ADAPTER_FILE).read_bytes()) != digest


@pytest.fixture(scope="module")
def emoji_adapter(tiny, tmp_path_factory):
    """(folder, sha256) of a tiny adapter trained with ``--emoji-words``."""
    _, _, data = tiny
    out = tmp_path_factory.mktemp("v3emoji")
    code = train_classifier_v3.main(
        ["--data", str(data), "--out", str(out), "--subsample", "16", "--steps", "2",
         "--batch", "8", "--threads", "1", "--no-eval", "--emoji-words"]
    )  # fmt: skip
    assert code == 0
    return out, sha256_hex((out / ADAPTER_FILE).read_bytes())


def test_an_adapter_trained_to_read_emoji_as_names_records_it_and_is_read_so(tiny, emoji_adapter):
    from kindness_challenge.scoring.finetuned_classifier import adapter_normalisation

    folder, digest = emoji_adapter
    metadata = json.loads((folder / METADATA_FILE).read_text(encoding="utf-8"))
    data = (folder / ADAPTER_FILE).read_bytes()
    plain = (tiny[0] / ADAPTER_FILE).read_bytes()

    assert metadata["parameters"]["emoji_words"] is True
    assert metadata["text_normalisation"] == "scoring_text+emoji_words"
    assert adapter_normalisation(data) == "scoring_text+emoji_words"  # in the hashed bytes
    assert adapter_normalisation(plain) == "scoring_text"  # a default adapter records nothing
    assert digest != tiny[1]
    # (the shipped self-harm guard reads the scoring form: it refuses this adapter, tested there)
    classifier = FinetunedClassifier(folder, adapter_sha256=digest, threads=1, guard=False)
    default = FinetunedClassifier(tiny[0], adapter_sha256=tiny[1], threads=1, guard=False)
    assert classifier.prepared(["what a genius \U0001f921"]) == ["what a genius clown face"]
    assert default.prepared(["what a genius \U0001f921"]) == ["what a genius \U0001f921"]
    clown, heart = classifier.score_batch(["what a genius \U0001f921", "what a genius \U0001f970"])
    assert clown != heart  # the model sees which emoji it is
    plain_clown, plain_heart = default.score_batch(
        ["what a genius \U0001f921", "what a genius \U0001f970"]
    )
    assert plain_clown == pytest.approx(plain_heart, abs=1e-6)  # both [UNK] to it


def test_a_metadata_file_cannot_change_how_an_adapter_reads_text(emoji_adapter, tmp_path):
    folder, digest = emoji_adapter
    shutil.copytree(folder, tmp_path / "copy")
    path = tmp_path / "copy" / METADATA_FILE
    metadata = json.loads(path.read_text(encoding="utf-8"))
    for claimed in ("scoring_text", "something_else"):
        metadata["text_normalisation"] = claimed
        path.write_text(json.dumps(metadata), encoding="utf-8")
        with pytest.raises(AdapterFileError, match="the metadata says"):
            FinetunedClassifier(tmp_path / "copy", adapter_sha256=digest)


def test_an_unknown_text_normalisation_is_refused():
    from kindness_challenge.scoring.finetuned_classifier import text_form

    with pytest.raises(AdapterFileError, match="unknown text normalisation"):
        text_form("lowercase")


def test_an_emoji_adapter_is_evaluated_again_reading_emoji(
    emoji_adapter, tiny, tmp_path, monkeypatch
):
    folder, _ = emoji_adapter
    shutil.copytree(folder, tmp_path / "copy")
    args = train_classifier_v3.parse_args(["--data", str(tiny[2]), "--out", str(tmp_path / "copy")])
    seen = []
    monkeypatch.setattr(
        train_classifier_v3, "add_figures",
        lambda metadata, state, options, rows: seen.append(options.emoji_words),
    )  # fmt: skip
    train_classifier_v3.reevaluate(args)
    assert seen == [True]  # read as it was trained, whatever the command line says


def _rows_and_scores(sources):
    """Held-out rows and (toxicity, threat, kindness) scores: per source, its toxic rows' scores
    and (for kind rows) their scores."""
    rows, scores = [], []
    for source, lang, toxic_scores, kind_scores in sources:
        for toxicity, kindness in toxic_scores:
            rows.append(train_classifier_v3.Row("t", source, source, lang, 1, 0, 0, True))
            scores.append((toxicity, 0.0, kindness))
        for toxicity, kindness in kind_scores:
            rows.append(train_classifier_v3.Row("k", source, source, lang, 0, 0, 1, True))
            scores.append((toxicity, 0.0, kindness))
    return rows, np.array(scores, np.float32)


def _choose(rows, scores, target_toxic=0.0125, target_source=0.03):
    args = argparse.Namespace(
        threat_threshold=0.5, target_toxic=target_toxic, target_source=target_source
    )
    return train_classifier_v3.choose_thresholds(rows, scores, args)


def test_thresholds_keep_the_most_kind_rows_within_the_overall_target():
    # 200 toxic rows score low toxicity and kindness 0.55, 2 of them 0.65: kindness 0.6 publishes
    # 1% of the toxic rows (within 1.25%) and keeps the kind rows at 0.62; 0.5 would publish all.
    rows, scores = _rows_and_scores(
        [("big", "en", [(0.1, 0.55)] * 198 + [(0.1, 0.65)] * 2, [(0.1, 0.62)] * 50)]
    )

    assert _choose(rows, scores) == (0.3, 0.5, 0.6)


def test_every_large_source_is_capped_on_its_own():
    # A small-talk source of 40 toxic rows of which 2 (5%) look kind at 0.65: overall 2 of 440
    # (0.45%) passes the overall target, but the source's own 3% cap moves kindness past 0.65.
    rows, scores = _rows_and_scores(
        [
            ("big", "en", [(0.1, 0.55)] * 400, [(0.1, 0.62)] * 50 + [(0.1, 0.95)] * 50),
            ("forum", "en", [(0.1, 0.55)] * 38 + [(0.1, 0.65)] * 2, []),
        ]
    )

    assert _choose(rows, scores, target_source=1.0) == (0.3, 0.5, 0.6)
    assert _choose(rows, scores) == (0.3, 0.5, 0.7)


def test_small_and_other_language_sources_are_not_capped_alone():
    rows, scores = _rows_and_scores(
        [
            ("de-forum", "de", [(0.1, 0.65)] * 40, [(0.1, 0.9)] * 40),  # not English
            ("big", "en", [(0.1, 0.55)] * 400, [(0.1, 0.62)] * 50),
            ("tiny", "en", [(0.1, 0.55)] * 27 + [(0.1, 0.65)] * 2, []),  # under 30 toxic rows
        ]
    )

    assert _choose(rows, scores) == (0.3, 0.5, 0.6)


def test_with_no_pair_within_the_targets_the_strictest_is_used(capsys):
    rows, scores = _rows_and_scores([("big", "en", [(0.0, 1.0)] * 100, [(0.0, 1.0)] * 10)])

    assert _choose(rows, scores) == (0.3, 0.5, 0.9)
    assert "strictest" in capsys.readouterr().err


def test_loads_the_trained_adapter_offline(tiny, monkeypatch):
    folder, digest, _ = tiny
    refuse_network(monkeypatch)
    classifier = FinetunedClassifier(folder, adapter_sha256=digest, threads=1)

    rows = classifier.score_batch(["you are a pathetic troll", "thank you so much!", ""])

    assert classifier.labels == ("toxicity", "threat", "kindness")
    assert [set(row) for row in rows] == [set(classifier.labels)] * 3
    assert all(0.0 <= p <= 1.0 for row in rows for p in row.values())
    assert classifier.score_batch([]) == []
    assert classifier.truncation_flags(["short", "word " * 400]) == [False, True]
    assert digest[:8] in classifier.version


def test_the_layers_run_as_inference_layers_with_the_scores_transformers_gives(tiny):
    from safetensors.torch import load

    from kindness_challenge.scoring.finetuned_classifier import AdaptedEncoder

    folder, digest, _ = tiny
    classifier = FinetunedClassifier(folder, adapter_sha256=digest, threads=1, guard=False)
    encoder = classifier.load()
    state = load((folder / ADAPTER_FILE).read_bytes())
    lora = classifier.metadata["lora"]
    reference = AdaptedEncoder.build(
        state, int(lora["rank"]), float(lora["alpha"]), 256, inference_layers=False
    )
    texts = ["you are a pathetic troll", "thanks for the soup, neighbour!", "see you at noon"]

    assert encoder.layers is not None and len(encoder.model.encoder.layer) == 0
    assert reference.layers is None and len(reference.model.encoder.layer) == 6
    for pack_tokens in (None, 0):  # packed and padded
        np.testing.assert_allclose(
            encoder.probabilities(texts, pack_tokens).numpy(),
            reference.probabilities(texts, pack_tokens).numpy(), atol=1e-5,
        )  # fmt: skip


def test_scores_do_not_depend_on_the_batch(tiny):
    folder, digest, _ = tiny
    classifier = FinetunedClassifier(folder, adapter_sha256=digest, threads=1)
    texts = ["you are a pathetic troll " * 5, "thanks!", "see you at noon"]

    together = classifier.score_batch(texts)
    alone = [classifier.score_batch([text])[0] for text in texts]

    for a, b in zip(together, alone, strict=True):
        assert a == pytest.approx(b, abs=1e-5)


def test_a_nudge_runs_as_one_packed_row_with_the_scores_of_a_padded_batch(tiny):
    folder, digest, _ = tiny
    classifier = FinetunedClassifier(folder, adapter_sha256=digest, threads=1)
    encoder = classifier.load()
    # A nudge's pieces: a whole comment and its clauses, of different lengths.
    pieces = [
        "lovely garden, but you are a pathetic troll and everyone knows it",
        "lovely garden,",
        "but you are a pathetic troll and everyone knows it",
    ]
    widths = []
    hook = encoder.model.embeddings.register_forward_pre_hook(
        lambda module, args, kwargs: widths.append(tuple(kwargs["input_ids"].shape)),
        with_kwargs=True,
    )
    try:
        packed = encoder.probabilities(pieces)
        padded = encoder.probabilities(pieces, pack_tokens=0)
        alone = [encoder.probabilities([piece])[0] for piece in pieces]
        lengths = [len(row) for row in encoder.token_ids(pieces)]
        encoder.probabilities(pieces, pack_tokens=sum(lengths))  # exactly the budget: packed
        encoder.probabilities(pieces, pack_tokens=sum(lengths) - 1)  # past it: padded
        encoder.pack_tokens = 0  # the instance's budget, when none is given
        encoder.probabilities(pieces)
    finally:
        hook.remove()
        encoder.pack_tokens = PACK_TOKENS

    aligned = -(-sum(lengths) // PACK_ALIGN) * PACK_ALIGN
    packed_row, padded_batch = (1, aligned), (len(pieces), max(lengths))
    assert widths[0] == packed_row  # one row
    assert widths[1] == padded_batch
    assert widths[-3:] == [packed_row, padded_batch, padded_batch]
    # Each piece reads as it would alone: packing changes nothing but float rounding, and a text
    # never sees its neighbours in the row.
    np.testing.assert_allclose(packed.numpy(), padded.numpy(), atol=1e-5)
    np.testing.assert_allclose(packed.numpy(), np.stack([a.numpy() for a in alone]), atol=1e-5)


def test_packed_rows_come_in_aligned_lengths_each_run_once_at_load(tiny, monkeypatch):
    from kindness_challenge.scoring import finetuned_model

    folder, digest, _ = tiny
    widths = []
    merge = finetuned_model.merge_adapters

    def merge_and_watch(model, *args, **kwargs):  # watching before the load's warm-up runs
        merge(model, *args, **kwargs)
        model.embeddings.register_forward_pre_hook(
            lambda module, args, kwargs: widths.append(kwargs["input_ids"].shape[1]),
            with_kwargs=True,
        )

    monkeypatch.setattr(finetuned_model, "merge_adapters", merge_and_watch)
    classifier = FinetunedClassifier(folder, adapter_sha256=digest, threads=1)
    encoder = classifier.load()
    warmed = list(range(PACK_ALIGN, PACK_TOKENS + 1, PACK_ALIGN))
    assert widths == warmed  # every length a packed row can have, once

    widths.clear()
    texts = ["thanks!", "you are a kind and thoughtful neighbour who brought us soup"]  # 1 clause
    aligned = [classifier.score_batch([text])[0] for text in texts]
    assert len(widths) == 2 and all(width in warmed for width in widths)
    # A lone text packs too, and the padding changes nothing: as scored unaligned.
    encoder.pack_align = 1
    try:
        unaligned = [classifier.score_batch([text])[0] for text in texts]
        assert widths[2:] == [len(ids) for ids in encoder.token_ids(classifier.prepared(texts))]
        encoder.warm()  # unaligned: no lengths to warm
        assert len(widths) == 4
    finally:
        encoder.pack_align = PACK_ALIGN
    for one, other in zip(aligned, unaligned, strict=True):
        assert one == pytest.approx(other, abs=1e-5)


def test_a_packed_nudge_scores_as_a_padded_batch_does(tiny):
    folder, digest, _ = tiny
    classifier = FinetunedClassifier(folder, adapter_sha256=digest, threads=1)
    texts = [
        "Thanks so much for the tutorial. You are a worthless idiot though - bye!",
        "what a clown you are, see you around",
        "thank you so much for everything",
    ]
    encoder = classifier.load()

    alone = [classifier.score_batch([text])[0] for text in texts]  # packed: whole + clauses
    encoder.pack_tokens = 0
    try:
        padded = [classifier.score_batch([text])[0] for text in texts]
        batched = classifier.score_batch(texts)
    finally:
        encoder.pack_tokens = PACK_TOKENS

    for one, other, together in zip(alone, padded, batched, strict=True):
        assert one == pytest.approx(other, abs=1e-5)
        assert one == pytest.approx(together, abs=1e-5)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("what a clown you are, see you around", ["what a clown you are,", "see you around"]),
        ("Lovely day. You are a fool - bye now!", ["Lovely day.", "You are a fool", "bye now!"]),
        ("so proud\nyou stupid cow\nlove you", ["so proud", "you stupid cow", "love you"]),
        ("nice work,you idiot,have fun", ["nice work,", "you idiot,", "have fun"]),
        ("kill yourself.You idiot", ["kill yourself.", "You idiot"]),
        ("I love you - not! - you idiot", ["I love you", "you idiot"]),
        ("if nobody told you today: you matter. bye now",
         ["if nobody told you today: you matter.", "bye now"]),  # a lead-in is not read alone
        ("Great video! Heads up: you are a moron. Love it",
         ["Great video!", "Heads up: you are a moron.", "Love it"]),
        ("Thanks, idiot.", []),  # one-word clauses are not scored alone: the whole text is
        ("thank you so much for everything", []),
        ("it costs 1,000 or 3.5k at 10:30 on www.example.com/a", []),  # no break inside these
        ("Ha ha. " * 20 + "you are a worthless idiot", ["Ha ha.", "you are a worthless idiot"]),
    ],
)  # fmt: skip
def test_clauses_of_a_text(text, expected):
    assert clauses(text) == expected


def test_past_the_cap_clauses_are_scored_in_runs_and_none_is_dropped():
    text = " ".join(f"line number {i}." for i in range(40)) + " you are a worthless idiot"

    pieces = clauses(text)

    assert len(pieces) <= MAX_CLAUSES
    assert " ".join(pieces) == text
    assert pieces[-1].endswith("you are a worthless idiot")


def fake_probabilities(table: dict[str, tuple[float, float, float]]):
    """(toxicity, threat, kindness) per scoring-form text; 0.05, 0.05, 0.5 for any other."""
    return lambda texts: [table.get(text, (0.05, 0.05, 0.5)) for text in texts]


LABELS = ("toxicity", "threat", "kindness")


def test_clause_scoring_takes_the_worst_clause_for_harm_and_the_whole_for_kindness():
    text = "So nice to see you all, you are a pathetic troll, have a lovely evening"
    table = {
        text: (0.1, 0.02, 0.9),  # diluted as a whole
        "So nice to see you all,": (0.01, 0.01, 0.95),
        "you are a pathetic troll,": (0.92, 0.3, 0.02),
        "have a lovely evening": (0.02, 0.6, 0.9),
    }

    whole, by_clause = (
        score_texts(fake_probabilities(table), [text], LABELS, clause_scoring)[0]
        for clause_scoring in (False, True)
    )

    assert whole == dict(zip(LABELS, table[text], strict=True))
    assert by_clause == {"toxicity": 0.92, "threat": 0.6, "kindness": 0.9}


def test_clauses_are_scored_in_their_scoring_form_once_per_batch():
    seen = []

    def probabilities(texts):
        seen.extend(texts)
        return [(0.0, 0.0, 0.5)] * len(texts)

    score_texts(probabilities, ["y o u  idiot, l o s e r f a c e", "you idiot, see you"] * 2,
                LABELS, True)  # fmt: skip

    assert len(seen) == len(set(seen))  # each distinct text once
    assert "you idiot," in seen  # spaced letters rejoined, as the whole text is


def test_clause_scoring_with_the_tiny_model(tiny):
    folder, digest, _ = tiny
    whole = FinetunedClassifier(folder, adapter_sha256=digest, threads=1, clause_scoring=False)
    by_clause = FinetunedClassifier(folder, adapter_sha256=digest, threads=1, clause_scoring=True)
    text = "so nice to see you all, you are a pathetic little troll, have a lovely evening"

    alone = whole.score_batch([text, *clauses(text)])
    combined = by_clause.score_batch(["one clause only", text])[1]

    for label in ("toxicity", "threat"):
        assert combined[label] == pytest.approx(max(row[label] for row in alone), abs=1e-5)
    assert combined["kindness"] == pytest.approx(alone[0]["kindness"], abs=1e-5)
    single = by_clause.score_batch(["thank you so much"])[0]
    assert single == pytest.approx(whole.score_batch(["thank you so much"])[0], abs=1e-5)


def test_refuses_a_changed_adapter(tiny, tmp_path):
    folder, digest, _ = tiny
    copy = tmp_path / "v3"
    shutil.copytree(folder, copy)
    data = bytearray((copy / ADAPTER_FILE).read_bytes())
    data[-1] ^= 1
    (copy / ADAPTER_FILE).write_bytes(bytes(data))

    with pytest.raises(AdapterFileError, match="refusing to load"):
        FinetunedClassifier(copy, adapter_sha256=digest)


def test_refuses_an_adapter_that_is_not_the_pinned_one(tiny):
    folder, _, _ = tiny

    with pytest.raises(AdapterFileError, match="not the pinned"):
        FinetunedClassifier(folder)  # pinned: the shipped adapter's hash


def test_an_adapter_changed_after_start_up_fails_closed(tiny, tmp_path):
    """Changed between construction and the first batch: no scores, ModelLoadError (the worker
    sends the batch to review), and the failure is remembered instead of re-read each batch."""
    folder, digest, _ = tiny
    copy = tmp_path / "v3"
    shutil.copytree(folder, copy)
    classifier = FinetunedClassifier(copy, adapter_sha256=digest, threads=1)
    (copy / ADAPTER_FILE).write_bytes(b"not an adapter")

    with pytest.raises(ModelLoadError, match="refusing to load"):
        classifier.score_batch(["hello"])
    (copy / ADAPTER_FILE).write_bytes((folder / ADAPTER_FILE).read_bytes())
    with pytest.raises(ModelLoadError):
        classifier.score_batch(["hello"])  # within LOAD_RETRY_SECONDS


def test_base_weights_that_are_not_upstreams_fail_closed(tiny, tmp_path):
    folder, digest, _ = tiny
    model = tmp_path / "model"
    shutil.copytree(packaged_model_dir(), model)
    weights = bytearray((model / WEIGHTS_FILE).read_bytes())
    weights[-1] ^= 1
    (model / WEIGHTS_FILE).write_bytes(bytes(weights))
    classifier = FinetunedClassifier(folder, adapter_sha256=digest, model_dir=model)

    with pytest.raises(ModelLoadError, match="SHA-256"):
        classifier.score_batch(["hello"])


def test_missing_metadata_is_refused(tmp_path):
    with pytest.raises(AdapterFileError, match="no metadata"):
        FinetunedClassifier(tmp_path)


def test_the_shipped_adapter_matches_its_pin_and_claims():
    classifier = FinetunedClassifier()
    assert classifier.clause_scoring is True

    assert sha256_hex((V3_DIR / ADAPTER_FILE).read_bytes()) == ADAPTER_SHA256
    assert classifier.labels == ("toxicity", "threat", "kindness")
    assert "en" in classifier.languages
    assert set(classifier.recommended_thresholds) == {"toxicity", "threat"}
    assert 0.0 < classifier.kindness_threshold < 1.0


@pytest.mark.parametrize(
    ("scores", "expected"),
    [
        ({"toxicity": 0.01, "threat": 0.9, "kindness": 0.9}, State.needs_review),
        ({"toxicity": 0.01, "threat": 0.01, "kindness": 0.9}, State.published),
        ({"toxicity": 0.01, "threat": float("nan"), "kindness": 0.9}, State.needs_review),
    ],
)
def test_a_threat_is_never_published_with_the_recommended_thresholds(scores, expected):
    classifier = FinetunedClassifier()
    policy = routing.Policy(
        thresholds={**routing.DEFAULT_THRESHOLDS, **classifier.recommended_thresholds},
        kindness_threshold=classifier.kindness_threshold,
    )

    decision = routing.route_submission("see you there", scores, policy)

    assert decision.state is expected


def test_undecorated_too_reads_a_padded_text_without_its_padding():
    """A threat with a tail of emoji and a hashtag: read as written it scores low on harm and
    high on kindness; read without the tail it does not. Harm keeps the higher, kindness the
    lower; an undecorated text is read once, as before."""
    padded = "on se verra ce soir devant chez toi 🌼🙂 #amis"
    table = {
        padded: (0.1, 0.05, 0.9),
        "on se verra ce soir devant chez toi": (0.4, 0.8, 0.3),
    }
    seen = []

    def probabilities(texts):
        seen.extend(texts)
        return fake_probabilities(table)(texts)

    plain, both = (
        score_texts(probabilities, [padded, "merci beaucoup"], LABELS, True, undecorated_too=too)
        for too in (False, True)
    )

    assert plain[0] == dict(zip(LABELS, table[padded], strict=True))
    assert both[0] == {"toxicity": 0.4, "threat": 0.8, "kindness": 0.3}
    assert both[1] == plain[1]
    assert seen.count("merci beaucoup") == 2  # once per call, never twice for its bare form


def test_undecorated_too_reads_each_clause_without_its_decoration():
    """A kind clause, then a harmful one with emoji in front: the harmful clause read as
    written is diluted by the emoji; it is also read undecorated."""
    text = "Trop belle vidéo, merci ! 😍😍😍 personne ne t'aime ici"
    table = {
        "😍😍😍 personne ne t'aime ici": (0.1, 0.05, 0.9),
        "personne ne t'aime ici": (0.7, 0.1, 0.05),
    }

    plain, both = (
        score_texts(fake_probabilities(table), [text], LABELS, True, undecorated_too=too)[0]
        for too in (False, True)
    )

    assert plain["toxicity"] == 0.1
    assert both["toxicity"] == 0.7


def fragment_row(text: str, toxic: int = 0, threat: int = 0, kind: int | None = 1, lang="en"):
    return train_classifier_v3.Row(text, "goemotions", "goemotions:love", lang, toxic, threat, kind)


def test_fragments_are_clauses_of_kind_harmless_english_rows_labelled_harmless():
    training = [
        fragment_row("it's ok to have bad days. doesn't cancel out all the good you put out"),
        fragment_row("you are a disgrace, everyone here laughs at you", toxic=1, kind=0),
        fragment_row("thanks for the tip, i will fix the sink tonight", kind=0),  # not kind
        fragment_row("merci beaucoup, tu es formidable", lang="fr"),
        fragment_row("one bad comment doesn't define you. 200 of us loved this"),
    ]
    pieces = train_classifier_v3.fragments(
        training, 10, 1, apart={"200 of us loved this"}
    )  # fmt: skip

    assert {row.text for row in pieces} == {
        "it's ok to have bad days.", "doesn't cancel out all the good you put out",
        "one bad comment doesn't define you.",
    }  # fmt: skip
    # harmless, its kindness left unlabelled: a fragment of a kind comment need not be kind
    assert {(row.toxic, row.threat, row.kind, row.source) for row in pieces} == {
        (0, 0, None, "fragment")
    }
    # drawn with the seed, the same each time; none asked for, none made
    assert train_classifier_v3.fragments(training, 2, 1) == train_classifier_v3.fragments(
        training, 2, 1
    )
    assert len(train_classifier_v3.fragments(training, 2, 1)) == 2
    assert train_classifier_v3.fragments(training, 0, 1) == []


def test_a_clause_that_is_itself_a_training_row_keeps_its_own_label():
    training = [
        fragment_row("stop nitpicking. his accent is fine and his point was clear"),
        fragment_row("stop nitpicking.", toxic=1, kind=0),
    ]
    pieces = train_classifier_v3.fragments(training, 10, 1)
    assert [row.text for row in pieces] == ["his accent is fine and his point was clear"]


def test_training_with_fragments_records_them(tiny, tmp_path):
    _, digest, data = tiny
    code = train_classifier_v3.main(
        ["--data", str(data), "--out", str(tmp_path), "--subsample", "16", "--steps", "2",
         "--batch", "8", "--threads", "1", "--no-eval", "--fragments", "50"]
    )  # fmt: skip

    assert code == 0
    metadata = json.loads((tmp_path / METADATA_FILE).read_text())
    assert metadata["parameters"]["fragments"] == 50
    # a subsample takes at most an eighth of its rows as fragments: here 2, of the templates'
    # kind cases of several clauses
    assert metadata["training_rows"]["fragment"] == 2


def write_bank(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


BANK_ROWS = [
    {"text": "you ate this, no crumbs", "family": "hype_slang", "toxic": False,
     "threat": False, "kind": True},
    {"text": "thanks for the free nap, riveting stuff", "family": "sarcastic_thanks",
     "toxic": True, "threat": False, "kind": False},
    {"text": "i know which gym you go to. see you there", "family": "calm_threat",
     "toxic": True, "threat": True, "kind": False},
    {"text": "where was this filmed?", "family": "neutral_comment", "toxic": False,
     "threat": False, "kind": False},
]  # fmt: skip


def test_a_bank_gives_each_row_its_own_labels_as_often_as_asked(tmp_path):
    bank = write_bank(tmp_path / "bank.jsonl", BANK_ROWS)

    rows, hashes = train_classifier_v3.banks([bank], 2, seed=1)

    assert Counter(rows) == {
        train_classifier_v3.Row("you ate this, no crumbs", "bank:hype_slang", "bank:hype_slang",
                                "en", 0, 0, 1): 2,
        train_classifier_v3.Row("thanks for the free nap, riveting stuff", "bank:sarcastic_thanks",
                                "bank:sarcastic_thanks", "en", 1, 0, 0): 2,
        train_classifier_v3.Row("i know which gym you go to. see you there", "bank:calm_threat",
                                "bank:calm_threat", "en", 1, 1, 0): 2,
        train_classifier_v3.Row("where was this filmed?", "bank:neutral_comment",
                                "bank:neutral_comment", "en", 0, 0, 0): 2,
    }  # fmt: skip
    # a bank outside the repository is named by its file name, with the hash of what was read
    assert hashes == {"bank.jsonl": hashlib.sha256(bank.read_bytes()).hexdigest()}
    # a subsample takes an eighth of its size from each bank, drawn with the seed
    few, _ = train_classifier_v3.banks([bank], 1, seed=1, subsample=16)
    assert len(few) == 2 and few == train_classifier_v3.banks([bank], 1, seed=1, subsample=16)[0]


def test_a_bank_in_the_repository_is_named_by_its_path_there():
    bank = ROOT / "tools" / "v3_comment_bank.jsonl"
    assert train_classifier_v3.bank_name(bank) == "tools/v3_comment_bank.jsonl"


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ({"text": "hi", "family": "x", "toxic": False, "threat": True, "kind": False},
         "a threat is toxic"),
        ({"text": "hi", "family": "x", "toxic": True, "threat": False, "kind": True},
         "a threat is toxic"),
        ({"text": "hi", "family": "x", "toxic": False, "threat": False}, "true/false"),
        ({"text": "hi", "family": "x", "toxic": 0, "threat": False, "kind": True}, "true/false"),
        ({"text": " ", "family": "x", "toxic": False, "threat": False, "kind": True}, "a text"),
        ({"text": "hi", "toxic": False, "threat": False, "kind": True}, "a family"),
    ],
)  # fmt: skip
def test_a_bank_row_with_missing_or_contradictory_labels_is_refused(tmp_path, row, message):
    bank = write_bank(tmp_path / "bank.jsonl", [BANK_ROWS[0], row])
    with pytest.raises(ValueError, match=message) as refused:
        train_classifier_v3.read_bank(bank)
    assert "bank.jsonl:2" in str(refused.value)  # the line to fix


def test_a_bank_row_the_bench_measures_on_is_refused_in_any_case_or_spacing(tmp_path):
    bank = write_bank(tmp_path / "bank.jsonl", BANK_ROWS)
    with pytest.raises(ValueError, match="1 rows are texts the bench measures on"):
        train_classifier_v3.banks([bank], 1, seed=1, apart={"Where  was this FILMED?"})


def test_a_text_labelled_otherwise_by_training_or_another_bank_is_refused(tmp_path):
    bank = write_bank(tmp_path / "bank.jsonl", BANK_ROWS)
    kind_elsewhere = fragment_row("Thanks for the free nap, riveting stuff")  # kind, not toxic
    with pytest.raises(ValueError, match="labelled otherwise elsewhere"):
        train_classifier_v3.banks([bank], 1, seed=1, training=[kind_elsewhere])
    other = tmp_path / "other"
    other.mkdir()
    flipped = dict(BANK_ROWS[0], toxic=True, kind=False)
    with pytest.raises(ValueError, match="labelled otherwise elsewhere"):
        train_classifier_v3.banks([bank, write_bank(other / "b.jsonl", [flipped])], 1, seed=1)
    # an unlabelled field contradicts nothing: a fragment's kindness is unlabelled
    fragment = fragment_row("you ate this, no crumbs", kind=None)
    rows, _ = train_classifier_v3.banks([bank], 1, seed=1, training=[fragment])
    assert len(rows) == 4


def test_two_banks_of_one_name_and_no_copies_are_refused(tmp_path):
    bank = write_bank(tmp_path / "bank.jsonl", BANK_ROWS)
    (tmp_path / "other").mkdir()
    twin = write_bank(tmp_path / "other" / "bank.jsonl", BANK_ROWS[:1])
    with pytest.raises(ValueError, match="two banks share a name"):
        train_classifier_v3.banks([bank, twin], 1, seed=1)
    with pytest.raises(ValueError, match="at least 1"):
        train_classifier_v3.banks([bank], 0, seed=1)


def test_training_with_a_bank_records_its_hash_and_rows(tiny, tmp_path):
    _, digest, data = tiny
    bank = write_bank(tmp_path / "bank.jsonl", BANK_ROWS)
    out = tmp_path / "adapter"
    code = train_classifier_v3.main(
        ["--data", str(data), "--out", str(out), "--subsample", "16", "--steps", "2",
         "--batch", "8", "--threads", "1", "--no-eval", "--bank", str(bank), "--bank-copies", "3"]
    )  # fmt: skip

    assert code == 0
    metadata = json.loads((out / METADATA_FILE).read_text())
    assert metadata["parameters"]["bank"] == ["bank.jsonl"]  # no machine's folders
    assert metadata["parameters"]["bank_copies"] == 3
    assert metadata["banks_sha256"] == {"bank.jsonl": hashlib.sha256(bank.read_bytes()).hexdigest()}
    # a subsample takes two of the bank's four rows, each three times
    assert sum(n for s, n in metadata["training_rows"].items() if s.startswith("bank:")) == 6
    assert metadata["adapter_sha256"] != digest  # the bank's rows were trained on
    # a default run reads no bank and says nothing of one
    assert "banks_sha256" not in json.loads((tiny[0] / METADATA_FILE).read_text())


@pytest.mark.parametrize("source", ["dev", "bench"])
def test_a_bank_row_that_is_a_dev_text_or_a_bench_case_stops_training(tiny, tmp_path, source):
    _, _, data = tiny
    if source == "dev":
        text = "thanks friend"
    else:  # the first case of a bench set, in capitals
        first = (ROOT / "bench" / "comment_dev2.jsonl").read_text("utf-8").splitlines()[0]
        text = json.loads(first)["text"].upper()
    row = {"text": text, "family": "x", "toxic": False, "threat": False, "kind": True}
    bank = write_bank(tmp_path / "bank.jsonl", [row])
    with pytest.raises(ValueError, match="texts the bench measures on"):
        train_classifier_v3.main(
            ["--data", str(data), "--out", str(tmp_path / "a"), "--subsample", "16",
             "--steps", "2", "--batch", "8", "--threads", "1", "--no-eval", "--bank", str(bank)]
        )  # fmt: skip

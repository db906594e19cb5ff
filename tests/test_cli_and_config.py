"""Flask commands and configuration layering."""

import logging
import os

import click
import pytest
from sqlalchemy import select
from werkzeug.security import check_password_hash

from kindness_challenge import create_app, services
from kindness_challenge.extensions import db
from kindness_challenge.models import Moderator, State, Submission
from kindness_challenge.services import get_scorer

from conftest import make_app, submit


@pytest.fixture(autouse=True)
def no_nudge_warm_up(monkeypatch):
    """The apps built here from bare configs would each warm the nudge's model in a background
    thread that outlives the test: seconds of CPU, and torch's global random generator taken from
    under a later test's seeded model (tests/test_detoxify_classifier.py)."""
    monkeypatch.setenv("KINDNESS_NUDGE_WARM_UP", "false")


def test_create_moderator_hashes_with_a_kdf(app, runner):
    result = runner.invoke(
        args=["create-moderator", "alice", "--role", "admin", "--password", "long-enough-pw"]
    )
    assert result.exit_code == 0, result.output
    assert "Created admin 'alice'." in result.output
    with app.app_context():
        alice = db.session.scalar(select(Moderator).where(Moderator.username == "alice"))
    assert alice.role == "admin"
    assert alice.password_hash.startswith("scrypt:")
    assert "long-enough-pw" not in alice.password_hash
    assert check_password_hash(alice.password_hash, "long-enough-pw")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["create-moderator", "bob", "--password", "short"], "at least 10 characters"),
        (["create-moderator", "b o b", "--password", "long-enough-pw"], "Usernames are"),
        (["create-moderator", "bob", "--role", "god", "--password", "x" * 12], "Invalid value"),
    ],
)
def test_create_moderator_refuses_bad_input(runner, args, message):
    result = runner.invoke(args=args)
    assert result.exit_code != 0
    assert message in result.output


def test_create_moderator_refuses_duplicates(runner):
    runner.invoke(args=["create-moderator", "carol", "--password", "long-enough-pw"])
    again = runner.invoke(args=["create-moderator", "carol", "--password", "long-enough-pw"])
    assert again.exit_code != 0 and "already exists" in again.output


def test_score_worker_once_scores_everything(app, client, runner):
    submit(client, text="You made my whole week, thank you!")
    submit(client, text="you are a stupid fucking idiot")
    result = runner.invoke(args=["score-worker", "--once", "--batch-size", "1"])
    assert result.exit_code == 0, result.output
    assert "Scoring with alt-profanity-check" in result.output
    assert "Scored 2: 1 published, 1 to review." in result.output
    with app.app_context():
        states = sorted(db.session.scalars(select(Submission.state)))
    assert states == sorted([State.published, State.needs_review])


def test_config_layers_env_then_test_config(tmp_path, monkeypatch):
    monkeypatch.setenv("KINDNESS_WALL_PAGE_SIZE", "7")
    monkeypatch.setenv("KINDNESS_DATABASE_URL", "postgres://someone@db.example/kind")
    monkeypatch.setenv("KINDNESS_THRESHOLDS__toxicity", "0.5")
    app = create_app({"SECRET_KEY": "x", "SCORING_MODE": "off"})
    assert app.config["WALL_PAGE_SIZE"] == 7
    assert app.config["SQLALCHEMY_DATABASE_URI"] == "postgresql+psycopg://someone@db.example/kind"
    assert app.config["THRESHOLDS"] == {"toxicity": 0.5}
    assert get_scorer(app).thresholds["toxicity"] == 0.5
    assert get_scorer(app).thresholds["severe_toxicity"] == 0.3
    override = create_app({"SECRET_KEY": "x", "WALL_PAGE_SIZE": 3})
    assert override.config["WALL_PAGE_SIZE"] == 3


def test_instance_config_file_is_read(tmp_path, monkeypatch):
    import kindness_challenge

    instance = tmp_path / "instance"
    instance.mkdir()
    (instance / "config.py").write_text("WALL_PAGE_SIZE = 11\n")
    monkeypatch.setattr(kindness_challenge, "Flask", _flask_with_instance(instance), raising=True)
    app = create_app({"SECRET_KEY": "x"})
    assert app.config["WALL_PAGE_SIZE"] == 11


def _flask_with_instance(instance):
    from flask import Flask

    def factory(*args, **kwargs):
        return Flask(*args, instance_path=str(instance), **kwargs)

    return factory


def test_secret_key_is_generated_once_into_instance(tmp_path, monkeypatch):
    import kindness_challenge

    instance = tmp_path / "instance"
    monkeypatch.setattr(kindness_challenge, "Flask", _flask_with_instance(instance))
    first = create_app().config["SECRET_KEY"]
    second = create_app().config["SECRET_KEY"]
    assert first == second and len(first) == 64
    key_file = instance / "secret_key"
    assert oct(os.stat(key_file).st_mode & 0o777) == "0o600"


def test_unknown_classifier_is_a_clear_error(tmp_path):
    with pytest.raises(
        ValueError, match="choose one of detoxify, embedded, embedded-v2, profanity-check"
    ):
        make_app(tmp_path, CLASSIFIER="magic")


def _notices(caplog) -> list[logging.LogRecord]:
    """What an operator sees about detoxify (INFO and up; the scoring package's DEBUG aside)."""
    return [
        r
        for r in caplog.records
        if r.levelno >= logging.INFO and "detoxify" in r.getMessage().lower()
    ]


def test_missing_detoxify_is_one_calm_line_per_process(tmp_path, caplog, monkeypatch):
    monkeypatch.setattr(services, "_said", set())
    caplog.set_level(logging.DEBUG)
    settings = {"CLASSIFIER": "detoxify", "DETOXIFY_MODELS_DIR": str(tmp_path / "none")}
    for name in ("first", "second"):  # e.g. the app made again in the same process
        (tmp_path / name).mkdir()
        make_app(tmp_path / name, **settings)
    (notice,) = _notices(caplog)
    assert notice.levelname == "INFO"  # information, not a fault
    message = notice.getMessage()
    assert message.startswith("Scoring with the embedded classifier")
    for words in (
        "`flask --app wsgi classifier fetch original`",
        "KINDNESS_DETOXIFY_CHECKPOINT",
        "KINDNESS_DETOXIFY_HF_CONFIG",
        "KINDNESS_CLASSIFIER=embedded",
    ):
        assert words in message
    assert "error" not in message.lower() and "not available" not in message


@pytest.mark.parametrize(("command", "said"), [("upgrade", False), ("run", True)])
def test_the_notice_is_said_by_run_not_by_db_upgrade(tmp_path, caplog, monkeypatch, command, said):
    """`make run` runs `flask db upgrade`, then `flask run`: the notice comes once, from run."""
    monkeypatch.setattr(services, "_said", set())
    caplog.set_level(logging.DEBUG)
    with click.Context(click.Command(command), info_name=command):
        make_app(tmp_path, CLASSIFIER="detoxify", DETOXIFY_MODELS_DIR=str(tmp_path / "none"))
    assert bool(_notices(caplog)) is said

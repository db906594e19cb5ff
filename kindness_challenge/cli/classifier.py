"""``flask classifier``: fetch detoxify models, show the active classifier, score a text."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext

from ..scoring.classifiers import ProfanityCheckClassifier
from ..scoring.detoxify_classifier import DetoxifyClassifier
from ..scoring.embedding_classifier import SentenceEmbeddingClassifier
from ..scoring.finetuned_classifier import FinetunedClassifier
from ..scoring.kindness import WithKindness, unwrap
from ..scoring.model_files import (
    DETOXIFY_MODELS,
    ModelFetchError,
    ModelFilesMissing,
    fetch_model,
    fetched_model_files,
)
from ..scoring.precision import PRECISIONS
from ..scoring.sentence_model import packaged_model_dir
from ..services import get_scorer


@click.group("classifier")
def classifier_group() -> None:
    """Detoxify models and the active classifier."""


@classifier_group.command("fetch")
@click.argument("model", type=click.Choice(DETOXIFY_MODELS))
@with_appcontext
def fetch_command(model: str) -> None:
    """Download MODEL's checkpoint and tokenizer into the instance folder (needs internet)."""
    models_dir = Path(current_app.config["DETOXIFY_MODELS_DIR"])
    files = fetched_model_files(models_dir / model)
    if files is not None:
        click.echo(f"Already fetched: {files.describe()}.")
    else:
        click.echo(f"Fetching detoxify {model!r} into {models_dir / model} ...")
        try:
            files = fetch_model(model, models_dir, progress=True)
        except ModelFetchError as error:
            raise click.ClickException(str(error)) from None
        click.echo(f"Fetched {files.describe()}.")
    if current_app.config["DETOXIFY_MODEL"] != model:
        click.echo(f"To score with it, set KINDNESS_DETOXIFY_MODEL={model}.")
    click.echo("It loads with no network from now on.")


@classifier_group.command("info")
@with_appcontext
def info_command() -> None:
    """Show the active classifier: labels, where it loads from, device, threads, precision."""
    active = _active_classifier()
    classifier = unwrap(active)
    click.echo(f"Active classifier: {active.description}")
    click.echo(f"Version: {active.version}")
    if isinstance(classifier, DetoxifyClassifier):
        engine = _load(classifier)
        click.echo(f"Loaded from: {classifier.files.describe()}")
        click.echo(f"Labels: {', '.join(engine.labels)}")
        click.echo(f"Device: {classifier.settings.device}")
        click.echo(f"Threads: {getattr(classifier, 'threads', None) or torch_threads()}")
        click.echo(f"Precision: {engine.precision}")
        click.echo(f"Arithmetic: {engine.arithmetic}")
        click.echo(f"Token limit: {engine.max_length} (longer texts are truncated and recorded)")
        click.echo(f"Tokens per sub-batch: {engine.tokens_per_batch}")
    elif isinstance(classifier, SentenceEmbeddingClassifier | FinetunedClassifier):
        _sentence_model_lines(classifier)
    else:
        labels = getattr(classifier, "labels", None) or ()
        click.echo(f"Labels: {', '.join(labels) or 'unknown'}")
        if isinstance(classifier, ProfanityCheckClassifier):
            click.echo("Loaded from: the alt-profanity-check package (no download, CPU)")
    languages = getattr(classifier, "languages", None)
    click.echo(
        "Languages: "
        + (", ".join(sorted(languages)) if languages else "any")
        + " (moments detected in another language go to review)"
    )
    if active is not classifier:
        click.echo(
            f"Kindness: added by the embedded {active.kindness_source.name} model "
            f"({', '.join(active.added)})"
        )
        _sentence_model_lines(active.kindness_source)
    if getattr(classifier, "fallback_from", None):
        click.echo(f"Detoxify is not in use: {classifier.fallback_from}.")


def torch_threads() -> int:
    import torch

    return torch.get_num_threads()


def _sentence_model_lines(classifier: SentenceEmbeddingClassifier | FinetunedClassifier) -> None:
    try:
        classifier.load()
    except Exception as error:  # noqa: BLE001 - a tampered or missing weights file, say so
        raise click.ClickException(f"{classifier.description}: {error}") from None
    click.echo(f"Labels: {', '.join(classifier.labels)}")
    folder = classifier.model_dir or packaged_model_dir()
    click.echo(
        f"Loaded from: {folder} (no download, CPU; weights SHA-256 "
        f"{classifier.weights_sha256} verified)"
    )
    if isinstance(classifier, FinetunedClassifier):
        click.echo(
            f"Adapter: {classifier.folder} (SHA-256 {classifier.adapter_sha256} verified); "
            f"kindness threshold {classifier.kindness_threshold}"
        )
        others = classifier.multilingual
        claimed = ", ".join(sorted(others.languages)) if others else ""
        click.echo(
            f"Other languages: {claimed} scored by {others.description} ({others.version}); "
            "the rest go to review"
            if claimed
            else "Other languages: none claimed; they go to review"
        )
    for head in getattr(classifier, "heads", ()):
        metrics = head.metadata.get("dev_metrics") or {}
        auc = metrics.get("auc_all") if isinstance(metrics, dict) else None
        click.echo(
            f"Head {head.label}: trained {head.metadata.get('trained', 'undated')}"
            + (f"; out-of-fold dev ROC-AUC {auc}" if auc is not None else "")
        )
    click.echo(f"Threads: {getattr(classifier, 'threads', None) or torch_threads()}")


@classifier_group.command("score")
@click.argument("texts", nargs=-1, required=True)
@click.option(
    "--precision",
    type=click.Choice(PRECISIONS),
    default=None,
    help="Score detoxify in this precision instead of the configured one (compare the two).",
)
@with_appcontext
def score_command(texts: tuple[str, ...], precision: str | None) -> None:
    """Score TEXTS with the active classifier and print each label's probability."""
    scorer = get_scorer(current_app)
    classifier = _active_classifier()
    if precision is not None:
        toxicity = unwrap(classifier)
        if not isinstance(toxicity, DetoxifyClassifier):
            raise click.UsageError("--precision applies to detoxify only")
        settings = dataclasses.replace(toxicity.settings, precision=precision)
        other = DetoxifyClassifier(settings, toxicity.files)
        classifier = (
            other if toxicity is classifier else WithKindness(other, classifier.kindness_source)
        )
    try:
        rows = classifier.score_batch(list(texts))
        truncated = classifier.truncation_flags(list(texts))
    except Exception as error:  # noqa: BLE001 - report any classifier failure plainly
        raise click.ClickException(f"{classifier.description}: {error}") from None
    click.echo(f"Scored with {classifier.description}.")
    for text, scores, was_truncated in zip(texts, rows, truncated, strict=True):
        click.echo(
            f"\n{text[:70]!r}{' (truncated: scored its start only)' if was_truncated else ''}"
        )
        for label, probability in scores.items():
            threshold = scorer.thresholds.get(label)
            over = threshold is not None and probability >= threshold
            mark = f"  >= {threshold:.2f}" if over else ""
            click.echo(f"  {label:<18} {probability:.4f}{mark}")


def _active_classifier():
    try:
        return get_scorer(current_app).classifier
    except ModelFilesMissing as missing:  # DETOXIFY_REQUIRED, and the model is not there
        raise click.ClickException(str(missing)) from None


def _load(classifier: DetoxifyClassifier):
    try:
        return classifier.load()
    except Exception as error:  # noqa: BLE001 - a broken checkpoint, a missing tokenizer file...
        raise click.ClickException(
            f"could not load {classifier.files.describe()}: {type(error).__name__}: {error}"
        ) from None

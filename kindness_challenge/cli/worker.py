"""``flask score-worker``: the scoring worker as processes of its own."""

from __future__ import annotations

import logging
import os
import threading

import click
from flask import current_app
from flask.cli import with_appcontext

from ..core.db_timeouts import limit_transactions
from ..core.pg_notify import EventWaiter, PostgresListener
from ..extensions import db
from ..logging_setup import configure_root_logging
from ..scoring.plugins import load_classifier
from ..scoring.processes import run_process, supervise
from ..scoring.worker import RetryPolicy
from ..services import get_scorer

log = logging.getLogger(__name__)


@click.command("score-worker")
@with_appcontext
@click.option("--once", is_flag=True, help="Score everything claimable now, then exit.")
@click.option("--batch-size", type=click.IntRange(1, 1024), default=None, help="Claim size.")
@click.option(
    "--lease", "lease_seconds", type=click.FloatRange(1), default=None, help="Claim lease (s)."
)
@click.option(
    "--poll",
    "poll_seconds",
    type=click.FloatRange(0.05),
    default=None,
    help="Longest idle wait (s); on PostgreSQL a new submission wakes the worker sooner.",
)
@click.option(
    "--concurrency",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Worker processes to run (forked; one that dies is replaced).",
)
@click.option(
    "--max-attempts",
    type=click.IntRange(1, 100),
    default=None,
    help="Claims of one submission before a failure sends it to review.",
)
@click.option(
    "--retry-delay",
    "retry_seconds",
    type=click.FloatRange(0),
    default=None,
    help="Wait (s) before the first retry after a classifier failure; doubles each time.",
)
@click.option(
    "--nice",
    type=click.IntRange(0, 19),
    default=None,
    help="Lower the workers' CPU priority by this much (default SCORING_NICE), so that web "
    "requests are served first on a shared machine.",
)
@click.option(
    "--classifier",
    "classifier_spec",
    default=None,
    metavar="MODULE:ATTRIBUTE",
    help="Score with this classifier (a class, factory or instance) instead of CLASSIFIER.",
)
def score_worker_command(
    once,
    batch_size,
    lease_seconds,
    poll_seconds,
    concurrency,
    max_attempts,
    retry_seconds,
    nice,
    classifier_spec,
) -> None:
    """Claim and score pending submissions.

    SIGTERM or Ctrl-C: finish the batch in hand, then exit; a second one: give the batch back
    and exit at once.
    """
    app = current_app._get_current_object()
    configure_root_logging(app.config["LOG_FORMAT"], app.config["LOG_LEVEL"])
    scorer = get_scorer(app)
    if classifier_spec:
        try:
            scorer.classifier = load_classifier(classifier_spec)
        except (ImportError, AttributeError, TypeError, ValueError) as error:
            raise click.BadParameter(str(error), param_hint="--classifier") from None
    scorer.batch_size = batch_size or scorer.batch_size
    if lease_seconds:
        scorer.lease_seconds = lease_seconds
    scorer.poll_seconds = poll_seconds or scorer.poll_seconds
    scorer.retry = RetryPolicy(
        max_attempts or scorer.retry.max_attempts,
        scorer.retry.delay_seconds if retry_seconds is None else retry_seconds,
    )
    click.echo(f"Scoring with {scorer.classifier.description}.")
    # A frozen or wedged worker must not hold its rows' locks for ever (core/db_timeouts.py).
    db.engine.dispose()
    limit_transactions(
        db.engine,
        statement_seconds=app.config["SCORING_STATEMENT_TIMEOUT"],
        idle_in_transaction_seconds=app.config["SCORING_IDLE_IN_TRANSACTION_TIMEOUT"],
    )
    niceness = app.config["SCORING_NICE"] if nice is None else nice
    if niceness and not once:
        # Scoring is asynchronous and has seconds to spare; a page view does not. Forked
        # workers inherit the priority.
        os.nice(int(niceness))
    if once:
        result = scorer.drain()
        click.echo(
            f"Scored {result.claimed}: {result.published} published, "
            f"{result.needs_review} to review."
            + (f" {result.retried} failed and will be retried." if result.retried else "")
        )
        return

    def work(stop: threading.Event, wake: threading.Event) -> None:
        engine = db.engine
        engine.dispose(close=False)  # a forked worker never shares its parent's connections
        if engine.dialect.name == "postgresql" and app.config["SCORING_NOTIFY"]:
            waiter = PostgresListener(engine, wake)
        else:
            waiter = EventWaiter(wake)
        try:
            # Load the model now, not on the first submission (seconds for detoxify).
            scorer.classifier.score_batch(["Thank you for being kind."])
        except Exception:  # noqa: BLE001 - each batch will fail, retry and say why
            log.exception("the classifier failed to warm up")
        log.info(
            "score worker ready: %s; batches of %d, lease %.0fs, poll %.1fs, "
            "idle-in-transaction timeout %ss, %s",
            scorer.classifier.description,
            scorer.batch_size,
            scorer.lease_seconds,
            scorer.poll_seconds,
            app.config["SCORING_IDLE_IN_TRANSACTION_TIMEOUT"] or "no",
            "LISTEN/NOTIFY" if isinstance(waiter, PostgresListener) else "polling",
        )
        try:
            scorer.run_forever(stop, waiter=waiter)
        finally:
            waiter.close()

    if concurrency == 1:
        run_process(work)
    else:
        status = supervise(concurrency, work)
        if status:
            raise SystemExit(status)
    click.echo("Worker stopped.")

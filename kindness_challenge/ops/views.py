"""Operations: liveness, readiness with the scoring queue, and Prometheus metrics.

``/healthz`` answers while the process can serve at all (no database call): restart it if not.
``/readyz`` answers 200 when the database answers, with the queue depth and the age of the oldest
pending submission, and 503 otherwise: send it no traffic until then. While the process is still
loading and warming the nudge's model (in the background, from start-up) it answers 503
``{"status": "warming"}``: it would store submissions, but their nudges would be skipped.
``/metrics`` is the Prometheus text format. The queue details and ``/metrics`` are for operators
only (``access``): anyone else gets the bare status, and a 403.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime

from flask import Blueprint, Response, abort, current_app, g, jsonify, request
from prometheus_client import CONTENT_TYPE_LATEST
from prometheus_client.core import GaugeMetricFamily
from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from .. import metrics
from ..extensions import db
from ..models import State, Submission, utcnow
from ..services import DATABASE, discard_session, nudge_warm_up
from .access import operator_allowed, refused, register

bp = Blueprint("ops", __name__)
bp.record_once(register)
# Label values stay a small, fixed set whatever a client sends.
METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})


@dataclass(frozen=True)
class QueueStats:
    pending: int
    oldest_pending_seconds: float | None


def queue_stats(session: Session, now: datetime | None = None) -> QueueStats:
    pending, oldest = session.execute(
        select(func.count(), func.min(Submission.created_at)).where(
            Submission.state == State.pending
        )
    ).one()
    age = None if oldest is None else max(0.0, ((now or utcnow()) - oldest).total_seconds())
    return QueueStats(pending, age)


class QueueCollector:
    """Queue gauges read from the database at scrape time (so every process agrees)."""

    def collect(self):
        up = GaugeMetricFamily("kindness_database_up", "1 when the database answered the scrape")
        try:
            stats = queue_stats(db.session)
            review = db.session.scalar(
                select(func.count()).where(Submission.state == State.needs_review)
            )
        except SQLAlchemyError:
            db.session.rollback()
            up.add_metric([], 0)
            yield up
            return
        up.add_metric([], 1)
        yield up
        depth = GaugeMetricFamily(
            "kindness_queue_depth", "Submissions waiting, by state", labels=["state"]
        )
        depth.add_metric([State.pending.value], stats.pending)
        depth.add_metric([State.needs_review.value], review)
        yield depth
        yield GaugeMetricFamily(
            "kindness_oldest_pending_age_seconds",
            "Age of the oldest submission waiting to be scored (0 when none)",
            value=stats.oldest_pending_seconds or 0.0,
        )


@bp.route("/healthz")
def healthz():
    return jsonify(status="ok")


def warming() -> bool:
    """Whether this process's start-up warm-up of the nudge's model is still running."""
    warm_up = nudge_warm_up()
    return warm_up is not None and not warm_up.done.is_set()


@bp.route("/readyz")
def readyz():
    try:
        stats = queue_stats(db.session)
    except SQLAlchemyError as error:
        DATABASE.failed(error)  # logged once per outage, not per probe
        discard_session()
        if not operator_allowed():
            return jsonify(status="unavailable"), 503
        return jsonify(status="unavailable", database=type(error).__name__), 503
    status, code = ("warming", 503) if warming() else ("ready", 200)
    if not operator_allowed():
        return jsonify(status=status), code  # the details are the operator's
    return jsonify(
        status=status,
        database="ok",
        queue={
            "pending": stats.pending,
            "oldest_pending_seconds": stats.oldest_pending_seconds,
        },
    ), code


@bp.route("/metrics")
def prometheus_metrics():
    if not current_app.config["METRICS_ENABLED"]:
        abort(404)
    if not operator_allowed():
        return refused()
    return Response(metrics.exposition([QueueCollector()]), mimetype=CONTENT_TYPE_LATEST)


@bp.before_app_request
def start_timer() -> None:
    g.metrics_started = time.perf_counter()
    g.metrics_db_seconds = 0.0


@bp.after_app_request
def count_request(response):
    started = g.pop("metrics_started", None)
    if started is not None:
        endpoint = request.endpoint or "unmatched"
        method = request.method if request.method in METHODS else "other"
        metrics.HTTP_REQUESTS.labels(method, endpoint, str(response.status_code)).inc()
        metrics.HTTP_LATENCY.labels(endpoint).observe(time.perf_counter() - started)
        metrics.HTTP_DB_SECONDS.labels(endpoint).observe(g.pop("metrics_db_seconds", 0.0))
    return response

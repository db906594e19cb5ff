"""Prometheus metrics, recorded with prometheus_client. No Flask import: score workers record here.

Several processes (gunicorn's workers, score workers on the same host) add up their samples when
they share one folder named by ``PROMETHEUS_MULTIPROC_DIR`` (prometheus_client's multiprocess
mode; it must be set before the process starts). ``gunicorn.conf.py`` sets one when unset.
Queue depth is not kept here: ``/metrics`` reads it from the database at each scrape.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from prometheus_client import (
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)
from prometheus_client.registry import Collector

LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)

HTTP_REQUESTS = Counter(
    "kindness_http_requests_total",
    "HTTP requests answered, by endpoint and status",
    ["method", "endpoint", "status"],
)
HTTP_LATENCY = Histogram(
    "kindness_http_request_duration_seconds",
    "Time to answer an HTTP request",
    ["endpoint"],
    buckets=LATENCY_BUCKETS,
)
HTTP_DB_SECONDS = Histogram(
    "kindness_http_request_database_seconds",
    "Time a request spent in database statements (execute to result), by endpoint",
    ["endpoint"],
    buckets=LATENCY_BUCKETS,
)
SCORED = Counter(
    "kindness_submissions_scored_total",
    "Submissions handled by the scoring workers, by outcome "
    "(published, needs_review, rejected; retried: failed and put back; lost: taken over)",
    ["outcome"],
)
REUSED = Counter(
    "kindness_scores_reused_total",
    "Submissions routed on the scores the share form's nudge computed (not scored twice)",
)
NUDGE_SCORES = Counter(
    "kindness_nudge_scores_total",
    "Texts the share form's nudge looked at, by where their scores came from (model: an "
    "inference in the web process; kept: the same text's scores from the last minutes)",
    ["source"],
)
NUDGES_SKIPPED = Counter(
    "kindness_nudges_skipped_total",
    "Nudges not given (the text is stored and the worker scores it), by reason (busy: it would "
    "have waited behind others longer than NUDGE_MAX_QUEUE_SECONDS; late: not done in time)",
    ["reason"],
)
WALL_SNAPSHOTS = Counter(
    "kindness_wall_snapshot_total",
    "Wall first pages for visitors without a cookie, on PostgreSQL, by how they were had (hit: "
    "the process's kept copy; stale: the kept copy while a thread rebuilds it; miss: built and "
    "kept; bypass: built, nothing kept, while take-downs cannot be heard)",
    ["result"],
)
BATCH_SIZE = Histogram(
    "kindness_scoring_batch_size",
    "Submissions in each claimed batch",
    buckets=(1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024),
)
BATCH_SECONDS = Histogram(
    "kindness_scoring_batch_seconds",
    "Time to score and route one claimed batch",
    buckets=LATENCY_BUCKETS,
)
WAIT_SECONDS = Histogram(
    "kindness_submission_wait_seconds",
    "Time from a submission being stored to the classifier routing it",
    buckets=(0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 30.0, 60.0, 300.0, 900.0),
)


def exposition(extra: Iterable[Collector] = ()) -> bytes:
    """The text exposition of every metric (summed over processes in multiprocess mode)."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
    else:
        registry = REGISTRY
    output = generate_latest(registry)
    collectors = list(extra)
    if collectors:
        scrape_time = CollectorRegistry(auto_describe=False)
        for collector in collectors:
            scrape_time.register(collector)
        output += generate_latest(scrape_time)
    return output

"""The scoring package as one object: the active classifier, its thresholds, and the in-process
worker. Built once per app by ``services``; no Flask here (it is given the configuration and a
way to reach the engine)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping

from sqlalchemy.engine import Engine
from sqlalchemy.orm import sessionmaker

from ..core.retention import purge
from ..core.routing import DEFAULT_THRESHOLDS
from .classifiers import (
    Classifier,
    build_classifier,
    fallback_notice,
    kindness_threshold_of,
    with_kindness,
)
from .detoxify_classifier import DetoxifySettings
from .kindness import unwrap
from .model_files import ModelFilesMissing
from .worker import BatchResult, RetryPolicy, drain, run_worker

log = logging.getLogger(__name__)


class Scorer:
    """Per-app scoring state. ``engine`` returns the app's database engine; with
    ``defer_missing_files`` (a command line, where `classifier fetch` must still run) missing
    detoxify files raise at the classifier's first use instead of here."""

    def __init__(
        self,
        config: Mapping,
        engine: Callable[[], Engine],
        *,
        defer_missing_files: bool = False,
    ) -> None:
        self.config = config
        self._engine = engine
        self._classifier: Classifier | None = None
        self._missing: ModelFilesMissing | None = None
        try:
            self._classifier = build_classifier(
                config["CLASSIFIER"],
                detoxify_settings(config),
                require_detoxify=bool(config["DETOXIFY_REQUIRED"]),
                embedded_threads=optional_int(config, "EMBEDDED_THREADS"),
            )
            if config["SCORE_KINDNESS"]:
                self._classifier = with_kindness(self._classifier)
        except ModelFilesMissing as missing:
            # DETOXIFY_REQUIRED without the files: the service must not start. Under the flask
            # command line, though, `classifier fetch` (and `db upgrade`) must still run, so
            # the error waits for the first use of the classifier.
            if not defer_missing_files:
                raise
            self._missing = missing
        # The defaults, then what the active classifier's makers measured (the embedded heads
        # were tuned on the dev set), then the configuration; admins override them in the UI.
        recommended = getattr(unwrap(self._classifier), "recommended_thresholds", None) or {}
        self.thresholds = {
            k: float(v)
            for k, v in {**DEFAULT_THRESHOLDS, **recommended, **config["THRESHOLDS"]}.items()
        }
        # The kindness threshold chosen with the classifier that scores kindness (before an
        # admin sets one in the settings).
        self.kindness_threshold = (
            kindness_threshold_of(self._classifier) if self._classifier is not None else None
        )
        self.batch_size = int(config["SCORING_BATCH_SIZE"])
        lease = config.get("SCORING_LEASE_SECONDS")
        self._lease_seconds = float(lease) if lease not in (None, "") else None
        self.poll_seconds = float(config["SCORING_POLL_SECONDS"])
        self.gather_seconds = float(config["SCORING_GATHER_SECONDS"])
        self.retry = RetryPolicy(
            int(config["SCORING_MAX_ATTEMPTS"]), float(config["SCORING_RETRY_SECONDS"])
        )
        # Retention (core.retention), run by the worker on a schedule; 0: never.
        self.retention_days = int(config.get("RETENTION_DAYS") or 0)
        self.retention_interval = float(config.get("RETENTION_INTERVAL_SECONDS") or 3600)
        self.stop = threading.Event()
        self.wake = threading.Event()
        self._thread: threading.Thread | None = None
        self._start_lock = threading.Lock()

    @property
    def fallback_notice(self) -> str | None:
        """The operator's one line when the embedded default stands in for a missing detoxify
        (None otherwise)."""
        fallback_from = getattr(unwrap(self._classifier), "fallback_from", None)
        if self._classifier is None or not fallback_from:
            return None
        return fallback_notice(detoxify_settings(self.config), fallback_from)

    @property
    def classifier(self) -> Classifier:
        if self._classifier is None:
            raise ModelFilesMissing(str(self._missing))
        return self._classifier

    @classifier.setter
    def classifier(self, classifier: Classifier) -> None:
        self._classifier = classifier

    @property
    def lease_seconds(self) -> float:
        """The configured lease, else a few batch-times of the active classifier at the
        current batch size (``default_lease_seconds``)."""
        if self._lease_seconds is not None:
            return self._lease_seconds
        classifier = self._classifier
        return default_lease_seconds(classifier, self.batch_size)

    @lease_seconds.setter
    def lease_seconds(self, seconds: float | None) -> None:
        self._lease_seconds = None if seconds is None else float(seconds)

    def session_factory(self):
        return sessionmaker(bind=self._engine(), expire_on_commit=False)

    def drain(self) -> BatchResult:
        """Score everything claimable now, in this thread (CLI and tests)."""
        return drain(
            self.session_factory(),
            self.classifier,
            self.thresholds,
            self.batch_size,
            self.lease_seconds,
            retry=self.retry,
        )

    def run_forever(self, stop: threading.Event | None = None, waiter=None) -> None:
        run_worker(
            self.session_factory(),
            self.classifier,
            self.thresholds,
            stop or self.stop,
            self.wake,
            self.batch_size,
            self.lease_seconds,
            self.poll_seconds,
            retry=self.retry,
            waiter=waiter,
            gather_seconds=self.gather_seconds,
            housekeeping=self.purge_expired if self.retention_days else None,
            housekeeping_seconds=self.retention_interval,
        )

    def purge_expired(self):
        """Retention's scheduled run: delete what is past ``RETENTION_DAYS``."""
        with self.session_factory()() as session:
            result = purge(session, self.retention_days, apply=True)
        if result.total:
            log.info("retention: %s", ", ".join(result.lines(self.retention_days, True)[1:]))
        return result

    def ensure_background_thread(self) -> None:
        """Start the in-process worker once (SCORING_MODE=thread); it also picks up leftovers."""
        if self.config["SCORING_MODE"] != "thread" or self._thread is not None:
            return
        with self._start_lock:
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self.run_forever, name="kindness-scorer", daemon=True
                )
                self._thread.start()
                log.info("in-process scoring worker started (%s)", self.classifier.description)

    def notify_new_submission(self) -> None:
        self.ensure_background_thread()
        self.wake.set()


# Seconds of scoring per text, at the worst measured: a batch of 32 on a 2-core machine
# shared with web processes, other workers and PostgreSQL (load average 4-9; bench/lease.py,
# bench/score_throughput.py). The embedded model (MiniLM, 6 layers of 384): slowest batch
# 2.97 s, so 0.1 s a text; detoxify's bert-base (12 layers of 768) through the engine on a
# CPU: 75 texts in 30-45 s, so 0.6 s a text. On a GPU detoxify is the cheap one.
SECONDS_PER_TEXT = {"detoxify": 0.6}
DEFAULT_SECONDS_PER_TEXT = 0.1
# A lease of this many slowest batch-times: a batch that runs slow on a busy machine is not
# claimed and scored a second time, and a dead worker's rows wait no longer than that.
LEASE_BATCHES = 4
MIN_LEASE_SECONDS = 15.0


def default_lease_seconds(classifier: Classifier | None, batch_size: int) -> float:
    """A few batch-times of ``classifier`` at ``batch_size`` texts, at least 15 s: 15 s for
    the embedded model and alt-profanity-check at 32, about 77 s for detoxify on a CPU."""
    inner = unwrap(classifier) if classifier is not None else None
    name = getattr(inner, "name", "")
    per_text = SECONDS_PER_TEXT.get(name, DEFAULT_SECONDS_PER_TEXT)
    settings = getattr(inner, "settings", None)
    if name == "detoxify" and str(getattr(settings, "device", "cpu")).startswith("cuda"):
        per_text = DEFAULT_SECONDS_PER_TEXT
    return max(MIN_LEASE_SECONDS, round(LEASE_BATCHES * per_text * batch_size))


def detoxify_settings(config) -> DetoxifySettings:
    """The detoxify settings from the app's config (see ``config.defaults``)."""

    return DetoxifySettings(
        model_type=config["DETOXIFY_MODEL"],
        checkpoint=config["DETOXIFY_CHECKPOINT"] or None,
        huggingface_config_path=config["DETOXIFY_HF_CONFIG"] or None,
        device=config["DETOXIFY_DEVICE"],
        precision=config.get("DETOXIFY_PRECISION") or None,
        threads=optional_int(config, "DETOXIFY_THREADS"),
        tokens_per_batch=optional_int(config, "DETOXIFY_TOKENS_PER_BATCH"),
        models_dir=config["DETOXIFY_MODELS_DIR"],
        languages=language_codes(config.get("DETOXIFY_LANGUAGES")),
    )


def optional_int(config, key: str) -> int | None:
    return None if config.get(key) in (None, "") else int(config[key])


def language_codes(value) -> tuple[str, ...] | None:
    """``"en,fr"`` or ``["en", "fr"]`` -> ``("en", "fr")``; empty -> None."""
    if not value:
        return None
    items = value.split(",") if isinstance(value, str) else value
    return tuple(code.strip().lower() for code in items if code.strip()) or None

"""Wires the scoring package into the app: the active classifier and the in-process worker."""

from __future__ import annotations

import logging
import threading

from flask import Flask
from sqlalchemy.orm import sessionmaker

from .extensions import db
from .scoring.classifiers import Classifier, DetoxifySettings, build_classifier
from .scoring.worker import BatchResult, drain, run_worker

log = logging.getLogger(__name__)


class Scorer:
    """Per-app scoring state, kept in ``app.extensions["kindness_scorer"]``."""

    def __init__(self, app: Flask) -> None:
        self.app = app
        config = app.config
        self.classifier: Classifier = build_classifier(
            config["CLASSIFIER"],
            DetoxifySettings(
                model_type=config["DETOXIFY_MODEL"],
                checkpoint=config["DETOXIFY_CHECKPOINT"],
                huggingface_config_path=config["DETOXIFY_HF_CONFIG"],
                device=config["DETOXIFY_DEVICE"],
            ),
        )
        self.thresholds = {k: float(v) for k, v in config["THRESHOLDS"].items()}
        self.batch_size = int(config["SCORING_BATCH_SIZE"])
        self.lease_seconds = float(config["SCORING_LEASE_SECONDS"])
        self.poll_seconds = float(config["SCORING_POLL_SECONDS"])
        self.stop = threading.Event()
        self.wake = threading.Event()
        self._thread: threading.Thread | None = None
        self._start_lock = threading.Lock()

    def session_factory(self):
        with self.app.app_context():
            engine = db.engine
        return sessionmaker(bind=engine, expire_on_commit=False)

    def drain(self) -> BatchResult:
        """Score everything claimable now, in this thread (CLI and tests)."""
        return drain(
            self.session_factory(),
            self.classifier,
            self.thresholds,
            self.batch_size,
            self.lease_seconds,
        )

    def run_forever(self, stop: threading.Event | None = None) -> None:
        run_worker(
            self.session_factory(),
            self.classifier,
            self.thresholds,
            stop or self.stop,
            self.wake,
            self.batch_size,
            self.lease_seconds,
            self.poll_seconds,
        )

    def ensure_background_thread(self) -> None:
        """Start the in-process worker once (SCORING_MODE=thread); it also picks up leftovers."""
        if self.app.config["SCORING_MODE"] != "thread" or self._thread is not None:
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


def get_scorer(app: Flask) -> Scorer:
    return app.extensions["kindness_scorer"]

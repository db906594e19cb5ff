"""The share form's nudge runs on one lowered-priority thread per process and is skipped, not
waited on, when it does not answer in time: the moment is stored and the worker scores it."""

from __future__ import annotations

import contextlib
import os
import sys
import threading
import time

import pytest
import sqlalchemy as sa
from prometheus_client import REGISTRY

from kindness_challenge.extensions import db
from kindness_challenge.models import State, Submission
from kindness_challenge.participate.low_priority import Busy, LowPriorityRunner

from conftest import make_app, score_all, submit

KIND = "Thank you for cheering me on at the finish line today!"


def occupy(runner: LowPriorityRunner, release: threading.Event) -> threading.Thread:
    """Keep the runner's one thread busy until ``release`` is set."""

    started = threading.Event()

    def hold():
        started.set()
        release.wait()

    def block():
        with contextlib.suppress(TimeoutError):  # the wait goes on in the runner's thread
            runner.run(hold)

    thread = threading.Thread(target=block, daemon=True)
    thread.start()
    assert started.wait(5)
    return thread


def thread_nice() -> int:
    return os.getpriority(os.PRIO_PROCESS, threading.get_native_id())


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="per-thread nice is Linux's")
def test_runs_on_one_thread_lowered_by_its_nice_value_leaving_the_caller_as_it_was():
    runner = LowPriorityRunner(nice=5, timeout=5)
    before = thread_nice()

    first = runner.run(lambda: (threading.get_ident(), thread_nice()))
    second = runner.run(lambda: (threading.get_ident(), thread_nice()))

    assert first[0] == second[0] != threading.get_ident()  # one thread, not the caller's
    assert first[1] == min(before + 5, 19)
    assert thread_nice() == before  # the calling thread (and process) keep their priority


def test_a_call_not_done_in_time_raises_and_a_queued_one_is_cancelled():
    runner = LowPriorityRunner(nice=0, timeout=0.2)
    release = threading.Event()
    ran = []
    blocker = occupy(runner, release)
    try:
        with pytest.raises(TimeoutError):
            runner.run(lambda: ran.append(1))  # queued behind the blocker, never started
    finally:
        release.set()
        blocker.join()
    assert runner.run(lambda: "next") == "next"
    assert ran == []  # the timed-out call was cancelled, not run late


def runner_with_a_mean(max_queue_seconds: float, timeout: float = 5) -> LowPriorityRunner:
    """A runner whose mean call time is 0.05 s (the first call, a model's load, is not counted)."""
    runner = LowPriorityRunner(nice=0, timeout=timeout, max_queue_seconds=max_queue_seconds)
    runner.run(lambda: None)
    assert runner.mean_seconds is None
    runner.run(time.sleep, 0.05)
    assert runner.mean_seconds >= 0.05
    return runner


def test_a_call_that_would_wait_too_long_is_refused_at_once():
    runner = runner_with_a_mean(max_queue_seconds=0.01)
    release = threading.Event()
    ran = []
    blocker = occupy(runner, release)  # nothing ahead of it: accepted
    try:
        with pytest.raises(Busy):
            runner.run(lambda: ran.append(1))  # one call of ~0.05 s ahead > 0.01 s
        assert not release.is_set() and blocker.is_alive()  # refused without waiting
    finally:
        release.set()
        blocker.join()
    assert ran == [] and runner.queued == 0
    assert runner.run(lambda: "next") == "next"  # nothing ahead any more


def test_a_call_given_up_on_leaves_the_queue():
    runner = runner_with_a_mean(max_queue_seconds=0.3, timeout=0.2)
    release = threading.Event()
    blocker = occupy(runner, release)
    try:
        with pytest.raises(TimeoutError):
            runner.run(lambda: None)  # ~0.05 s ahead is within 0.3 s: queued, then cancelled
        assert runner.queued == 1  # the blocker only
    finally:
        release.set()
        blocker.join()
    assert runner.run(lambda: "after the blocker") == "after the blocker"
    assert runner.queued == 0


def test_under_a_spike_the_nudge_is_skipped_at_once_and_the_moment_stored(tmp_path):
    app = make_app(tmp_path, NUDGE_MAX_QUEUE_SECONDS=0.001)
    client = app.test_client()
    with app.test_request_context():
        from kindness_challenge.services import nudge_runner as _nudge_runner

        runner = _nudge_runner()
    runner.run(lambda: None)
    runner.run(time.sleep, 0.01)
    skipped = REGISTRY.get_sample_value("kindness_nudges_skipped_total", {"reason": "busy"}) or 0
    release = threading.Event()
    busy = occupy(runner, release)
    try:
        response = submit(client, "you are a worthless idiot", nudge_ack="")
        assert blocker_still_running(busy, release)
    finally:
        release.set()
        busy.join()

    assert response.status_code == 302  # stored without a nudge
    after = REGISTRY.get_sample_value("kindness_nudges_skipped_total", {"reason": "busy"})
    assert after == skipped + 1
    score_all(app)
    with app.app_context():
        assert db.session.scalar(sa.select(Submission.state)) is State.needs_review
        db.engine.dispose()


def blocker_still_running(thread: threading.Thread, release: threading.Event) -> bool:
    return thread.is_alive() and not release.is_set()


def test_a_nudge_that_does_not_answer_in_time_is_skipped_and_the_moment_stored(tmp_path):
    app = make_app(tmp_path, NUDGE_TIMEOUT_SECONDS=0.2)
    client = app.test_client()
    with app.test_request_context():
        from kindness_challenge.services import nudge_runner as _nudge_runner

        runner = _nudge_runner()
    release = threading.Event()
    busy = occupy(runner, release)  # the submission's nudge cannot start in time
    try:
        response = submit(client, "you are a worthless idiot", nudge_ack="")
    finally:
        release.set()
        busy.join()

    assert response.status_code == 302  # not nudged (advice only), stored
    with app.app_context():
        (stored,) = db.session.scalars(sa.select(Submission)).all()
        assert stored.state is State.pending and stored.prescores is None
    score_all(app)
    with app.app_context():
        assert db.session.scalar(sa.select(Submission.state)) is State.needs_review
        db.engine.dispose()


def test_the_nudge_still_answers_through_the_runner(app, client):
    response = submit(client, "you are a worthless idiot", nudge_ack="")

    assert response.status_code == 200
    assert "might come across as unkind" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Submission)) == 0

    assert submit(client, KIND, nudge_ack="").status_code == 302

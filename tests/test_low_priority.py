"""The share form's nudge runs on one lowered-priority thread per process and is skipped, not
waited on, when it does not answer in time: the moment is stored and the worker scores it."""

from __future__ import annotations

import contextlib
import os
import sys
import threading

import pytest
import sqlalchemy as sa

from kindness_challenge.extensions import db
from kindness_challenge.low_priority import LowPriorityRunner
from kindness_challenge.models import State, Submission

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


def test_a_nudge_that_does_not_answer_in_time_is_skipped_and_the_moment_stored(tmp_path):
    app = make_app(tmp_path, NUDGE_TIMEOUT_SECONDS=0.2)
    client = app.test_client()
    with app.test_request_context():
        from kindness_challenge.participate.views import _nudge_runner

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

"""The share form's nudge runs on one lowered-priority thread per process, which scores the
drafts that queued meanwhile in one batch, and is skipped, not waited on, when it does not
answer in time: the moment is stored and the worker scores it."""

from __future__ import annotations

import contextlib
import os
import sys
import threading

import pytest
import sqlalchemy as sa

from kindness_challenge.extensions import db
from kindness_challenge.low_priority import LowPriorityBatcher
from kindness_challenge.models import State, Submission
from kindness_challenge.routing import Policy

from conftest import make_app, score_all, submit

KIND = "Thank you for cheering me on at the finish line today!"
HOLD = object()  # the key of an item that keeps the thread busy until released


def thread_nice() -> int:
    return os.getpriority(os.PRIO_PROCESS, threading.get_native_id())


class Recorder:
    """A ``handle`` that records its calls; items of the HOLD key wait for their event."""

    def __init__(self):
        self.calls = []

    def __call__(self, key, items):
        if key is HOLD:
            for started, release in items:
                started.set()
                release.wait()
            return [None] * len(items)
        self.calls.append((list(items), threading.get_ident(), thread_nice()))
        return [f"done {item}" for item in items]


@contextlib.contextmanager
def occupied(batcher: LowPriorityBatcher):
    """Keep the batcher's one thread busy inside the block."""
    started, release = threading.Event(), threading.Event()

    def hold():
        with contextlib.suppress(TimeoutError):  # the wait goes on in the batcher's thread
            batcher.run(HOLD, (started, release))

    holder = threading.Thread(target=hold, daemon=True)
    holder.start()
    assert started.wait(5)
    try:
        yield
    finally:
        release.set()
        holder.join()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="per-thread nice is Linux's")
def test_runs_on_one_thread_lowered_by_its_nice_value_leaving_the_caller_as_it_was():
    handle = Recorder()
    batcher = LowPriorityBatcher(handle, nice=5, timeout=5)
    before = thread_nice()

    assert batcher.run("key", 1) == "done 1"
    assert batcher.run("key", 2) == "done 2"

    (_, first_thread, nice), (_, second_thread, _) = handle.calls
    assert first_thread == second_thread != threading.get_ident()  # one thread, not the caller's
    assert nice == min(before + 5, 19)
    assert thread_nice() == before  # the calling thread (and process) keep their priority


def test_items_that_queue_while_it_is_busy_are_handled_in_one_call_per_key():
    handle = Recorder()
    batcher = LowPriorityBatcher(handle, nice=0, timeout=5)
    key, other = object(), object()
    results = {}

    def ask(k, item):
        results[item] = batcher.run(k, item)

    with occupied(batcher):
        askers = [threading.Thread(target=ask, args=(key, i)) for i in range(3)]
        askers.append(threading.Thread(target=ask, args=(other, 9)))
        for asker in askers:
            asker.start()
        while batcher._queue.qsize() < 4:
            threading.Event().wait(0.01)
    for asker in askers:
        asker.join()

    assert sorted(sorted(items) for items, _, _ in handle.calls) == [[0, 1, 2], [9]]
    assert results == {0: "done 0", 1: "done 1", 2: "done 2", 9: "done 9"}


def test_a_call_not_done_in_time_raises_and_its_queued_item_is_dropped():
    handle = Recorder()
    batcher = LowPriorityBatcher(handle, nice=0, timeout=0.2)

    with occupied(batcher), pytest.raises(TimeoutError):
        batcher.run("key", "late")

    assert batcher.run("key", "next") == "done next"
    assert [items for items, _, _ in handle.calls] == [["next"]]  # "late" was never handled


def test_an_error_reaches_each_caller_of_the_batch_and_the_thread_goes_on():
    def handle(key, items):
        if "bad" in items:
            raise ValueError("the model failed")
        return items

    batcher = LowPriorityBatcher(handle, nice=0, timeout=5)

    with pytest.raises(ValueError, match="the model failed"):
        batcher.run("key", "bad")
    assert batcher.run("key", "good") == "good"


def _run_quietly(batcher, key, item):
    with contextlib.suppress(TimeoutError):
        batcher.run(key, item)


class SlowModel:
    """A classifier that takes until it is released to answer: a model busy with other work."""

    name, version, labels = "slow", "1", ("toxicity",)

    def __init__(self):
        self.started, self.release = threading.Event(), threading.Event()

    def score_batch(self, texts):
        self.started.set()
        self.release.wait()
        return [{"toxicity": 0.0} for _ in texts]


def test_a_nudge_that_does_not_answer_in_time_is_skipped_and_the_moment_stored(tmp_path):
    app = make_app(tmp_path, NUDGE_TIMEOUT_SECONDS=0.2)
    client = app.test_client()
    with app.test_request_context():
        from kindness_challenge.participate.views import _nudge_runner

        batcher = _nudge_runner()
    slow = SlowModel()
    holder = threading.Thread(
        target=_run_quietly, args=(batcher, (slow, Policy()), "a draft"), daemon=True
    )
    holder.start()
    assert slow.started.wait(5)  # the nudge thread is busy: this submission's cannot start
    try:
        response = submit(client, "you are a worthless idiot", nudge_ack="")
    finally:
        slow.release.set()
        holder.join()

    assert response.status_code == 302  # not nudged (advice only), stored
    with app.app_context():
        (stored,) = db.session.scalars(sa.select(Submission)).all()
        assert stored.state is State.pending and stored.prescores is None
    score_all(app)
    with app.app_context():
        assert db.session.scalar(sa.select(Submission.state)) is State.needs_review
        db.engine.dispose()


def test_the_nudge_still_answers_through_the_batcher(app, client):
    response = submit(client, "you are a worthless idiot", nudge_ack="")

    assert response.status_code == 200
    assert "might come across as unkind" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Submission)) == 0

    assert submit(client, KIND, nudge_ack="").status_code == 302

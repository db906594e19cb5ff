"""Score workers as real processes (``flask score-worker``) on the real PostgreSQL: several at
once, killed mid-batch, stopped by signals, fed texts that break the classifier or the process,
and woken by LISTEN/NOTIFY."""

import json
import os
import signal
import time
from collections import Counter

import pytest
from sqlalchemy import func, select, text

from kindness_challenge.extensions import db
from kindness_challenge.models import Score, State, Submission, Transition
from kindness_challenge.participate.submit import create_submission

from scale_helpers import WorkerProcess, count_pending, seed_pending, wait_until

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

KIND = "Thank you for helping me carry the shopping home"


@pytest.fixture
def workers(tmp_path, postgres_url):
    """Start score workers on the test schema; every one is gone after the test."""
    started: list[WorkerProcess] = []

    def start(*args: str) -> WorkerProcess:
        worker = WorkerProcess(postgres_url, tmp_path / f"worker-{len(started)}.log", *args)
        started.append(worker)
        return worker

    yield start
    for worker in started:
        worker.kill_everything()


def routing_counts(app) -> Counter:
    """Per submission, how many times it left ``pending``."""
    with app.app_context():
        rows = db.session.execute(
            select(Transition.submission_id, func.count())
            .where(Transition.from_state == State.pending)
            .group_by(Transition.submission_id)
        ).all()
        db.session.remove()
    return Counter(dict(rows))


def submissions(app, ids) -> dict[int, Submission]:
    with app.app_context():
        found = db.session.scalars(select(Submission).where(Submission.id.in_(ids))).all()
        db.session.expunge_all()
        db.session.remove()
    return {s.id: s for s in found}


def test_three_workers_score_2000_pending_each_exactly_once(pg_app, workers):
    started = [workers("--batch-size", "25", "--poll", "5", "--lease", "60") for _ in range(3)]
    for worker in started:
        worker.wait_listening()
    # All 2,000 arrive at once (one transaction, one NOTIFY): the three race for them.
    ids = seed_pending(pg_app, [f"{KIND}, moment {i}" for i in range(2000)])
    wait_until(lambda: count_pending(pg_app) == 0, 90, 0.2, "the queue to drain")
    assert [worker.stop() for worker in started] == [0, 0, 0]

    routed = routing_counts(pg_app)
    assert set(routed) == set(ids) and set(routed.values()) == {1}
    with pg_app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Score)) == 2000
        attempts = db.session.scalars(select(Submission.score_attempts).distinct()).all()
        states = dict(
            db.session.execute(
                select(Submission.state, func.count()).group_by(Submission.state)
            ).all()
        )
    assert attempts == [1]  # no row was ever claimed twice
    assert states.get(State.pending, 0) == 0 and states[State.published] > 1900
    scored_by = Counter()
    for worker in started:
        for record in worker.records():
            if record["message"].startswith("scored "):
                scored_by[worker.pid] += int(record["message"].split()[1].rstrip(":"))
    assert sum(scored_by.values()) == 2000
    assert len(scored_by) == 3, scored_by  # all three took part


def test_worker_killed_mid_batch_leaves_rows_that_are_reclaimed_after_the_lease(pg_app, workers):
    ids = seed_pending(pg_app, [f"{KIND}, HANG {i}" for i in range(40)])
    stuck = workers("--classifier", "scale_helpers:Hanging", "--batch-size", "40", "--lease", "3")
    wait_until(
        lambda: all(s.claim_token for s in submissions(pg_app, ids).values()),
        60,
        what="the first worker to claim the batch",
    )
    lease_ends = max(s.claim_expires_at for s in submissions(pg_app, ids).values())
    stuck.signal(signal.SIGKILL)
    assert stuck.process.wait(timeout=10) == -signal.SIGKILL
    assert count_pending(pg_app) == 40  # nothing was routed or released

    rescuer = workers("--poll", "0.2", "--lease", "30")
    wait_until(lambda: count_pending(pg_app) == 0, 60, 0.2, "the rescuer to score them")
    assert rescuer.stop() == 0
    assert routing_counts(pg_app) == Counter({i: 1 for i in ids})
    for submission in submissions(pg_app, ids).values():
        assert submission.score_attempts == 2
        assert submission.scored_at >= lease_ends  # not taken before the lease ran out


def test_texts_the_classifier_fails_on_go_to_review_after_the_retry_limit(pg_app, workers):
    texts = [f"{KIND}, POISON {i}" if i % 10 == 0 else f"{KIND}, {i}" for i in range(100)]
    ids = seed_pending(pg_app, texts)
    pair = [
        workers(
            "--classifier",
            "scale_helpers:FailingOnPoison",
            "--max-attempts",
            "3",
            "--retry-delay",
            "0.2",
            "--batch-size",
            "16",
            "--poll",
            "0.2",
        )
        for _ in range(2)
    ]
    wait_until(lambda: count_pending(pg_app) == 0, 60, 0.2, "every text to be routed")
    rows = submissions(pg_app, ids)
    for submission in rows.values():
        if "POISON" in submission.text:
            assert submission.state is State.needs_review
            assert submission.state_reason.startswith("classifier unavailable")
            assert "cannot score this text" in submission.last_error
            assert submission.score_attempts == 3
        else:
            assert submission.state is State.published, submission.text
            assert submission.score_attempts == 1
    assert routing_counts(pg_app) == Counter({i: 1 for i in ids})

    # No worker is stuck: a new submission is still published at once.
    with pg_app.app_context():
        fresh, _ = create_submission(db.session, f"{KIND}, later", "@sam", None, True)
        fresh_id = fresh.id
    wait_until(
        lambda: submissions(pg_app, [fresh_id])[fresh_id].state is State.published,
        5,
        what="a new submission to be published",
    )
    assert [worker.stop() for worker in pair] == [0, 0]


def test_text_that_kills_its_worker_goes_to_review_unscored_after_the_limit(pg_app, workers):
    (crash_id,) = seed_pending(pg_app, [f"{KIND}, CRASH"])
    kind_ids = seed_pending(pg_app, [f"{KIND}, {i}" for i in range(5)])
    supervisor = workers(
        "--classifier",
        "scale_helpers:Crashing",
        "--concurrency",
        "2",
        "--max-attempts",
        "2",
        "--lease",
        "1",
        "--poll",
        "0.2",
        "--batch-size",
        "1",
    )
    wait_until(lambda: count_pending(pg_app) == 0, 60, 0.2, "the crashing text to be routed")
    crashed = submissions(pg_app, [crash_id])[crash_id]
    assert crashed.state is State.needs_review
    assert crashed.last_error.startswith("gave up after 2 unfinished attempts")
    assert crashed.score_attempts == 3  # two claims that died, one that gave up
    assert all(s.state is State.published for s in submissions(pg_app, kind_ids).values())
    restarts = [r for r in supervisor.records() if "starting another" in r["message"]]
    assert len(restarts) == 2  # the supervisor replaced each worker that died
    assert supervisor.stop() == 0


def test_sigterm_lets_the_batch_in_hand_finish(pg_app, workers):
    ids = seed_pending(pg_app, [f"{KIND}, SLOW {i}" for i in range(10)])
    worker = workers("--classifier", "scale_helpers:Slow", "--batch-size", "10")
    wait_until(
        lambda: all(s.claim_token for s in submissions(pg_app, ids).values()),
        60,
        what="the batch to be claimed",
    )
    worker.signal(signal.SIGTERM)
    assert worker.stop(timeout=15) == 0
    assert routing_counts(pg_app) == Counter({i: 1 for i in ids}), worker.log_path.read_text()


def test_second_sigterm_gives_the_batch_back_at_once(pg_app, workers):
    ids = seed_pending(pg_app, [f"{KIND}, HANG {i}" for i in range(10)])
    worker = workers("--classifier", "scale_helpers:Hanging", "--batch-size", "10")
    wait_until(
        lambda: all(s.claim_token for s in submissions(pg_app, ids).values()),
        60,
        what="the batch to be claimed",
    )
    worker.signal(signal.SIGTERM)
    time.sleep(0.3)
    stopped_at = time.monotonic()
    worker.signal(signal.SIGTERM)
    assert worker.stop(timeout=15) == 0
    assert time.monotonic() - stopped_at < 5  # it did not wait for the 120 s batch
    for submission in submissions(pg_app, ids).values():
        assert submission.state is State.pending
        assert submission.claim_token is None and submission.claim_expires_at is None
        assert submission.score_attempts == 0  # the unfinished claim does not count


# Server-side timestamps of the wake-up path, so that the bound does not depend on how quickly a
# loaded test process polls: "committed" at the new submission's commit (a deferred trigger runs
# just before it, when the NOTIFY is about to go out), "claimed" when a worker's claim UPDATE
# takes the row.
WAKE_EVENTS = [
    "CREATE TABLE wake_event (submission_id integer NOT NULL, event text NOT NULL, "
    "at timestamptz NOT NULL DEFAULT clock_timestamp())",
    """CREATE FUNCTION log_committed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN INSERT INTO wake_event (submission_id, event) VALUES (NEW.id, 'committed');
    RETURN NULL; END $$""",
    "CREATE CONSTRAINT TRIGGER log_committed AFTER INSERT ON submission "
    "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION log_committed()",
    """CREATE FUNCTION log_claimed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.claim_token IS NOT NULL AND NEW.claim_token IS DISTINCT FROM OLD.claim_token THEN
        INSERT INTO wake_event (submission_id, event) VALUES (NEW.id, 'claimed');
      END IF;
      RETURN NULL;
    END $$""",
    "CREATE TRIGGER log_claimed AFTER UPDATE OF claim_token ON submission "
    "FOR EACH ROW EXECUTE FUNCTION log_claimed()",
]


def wake_events(app, submission_id: int) -> dict[str, float]:
    with app.app_context():
        rows = db.session.execute(
            text(
                "SELECT event, min(extract(epoch FROM at)) FROM wake_event "
                "WHERE submission_id = :id GROUP BY event"
            ),
            {"id": submission_id},
        ).all()
        db.session.remove()
    return {event: float(at) for event, at in rows}


def test_idle_worker_scores_a_new_submission_within_a_second(pg_app, workers):
    with pg_app.app_context():
        for statement in WAKE_EVENTS:
            db.session.execute(text(statement))
        db.session.commit()
    # A 30 s poll: only the NOTIFY sent with the submission can wake it before then.
    worker = workers("--poll", "30")
    worker.wait_listening()
    # Scoring yields the CPU to web requests (SCORING_NICE, 10 by default).
    assert os.getpriority(os.PRIO_PROCESS, worker.pid) == os.getpriority(os.PRIO_PROCESS, 0) + 10
    time.sleep(0.5)  # idle, waiting on LISTEN
    wake_ups = []
    for i in range(3):
        with pg_app.app_context():
            submission, _ = create_submission(db.session, f"{KIND} #{i}", "@sam", None, True)
            submission_id = submission.id
        # Events, not a stopwatch: claimed before the poll could have woken it, then published.
        wait_until(
            lambda sid=submission_id: "claimed" in wake_events(pg_app, sid),
            20,
            0.05,
            "the worker to claim the new submission",
        )
        wait_until(
            lambda sid=submission_id: submissions(pg_app, [sid])[sid].state is State.published,
            20,
            0.05,
            "the new submission to be published",
        )
        events = wake_events(pg_app, submission_id)
        wake_ups.append(events["claimed"] - events["committed"])
        time.sleep(0.3)
    # The wake-up path: from the commit that sends the NOTIFY to the worker's claim, which
    # includes the worker's gather pause (SCORING_GATHER_SECONDS, 0.1 s).
    assert all(0 <= seconds < 1.0 for seconds in wake_ups), wake_ups
    assert worker.stop() == 0
    # LOG_FORMAT=json: apart from the command's own two lines, every line is one JSON object.
    lines = worker.log_path.read_text().splitlines()
    plain = [line for line in lines if not line.startswith("{")]
    assert plain[0].startswith("Scoring with") and plain[1:] == ["Worker stopped."]
    assert all(json.loads(line)["pid"] == worker.pid for line in lines if line.startswith("{"))

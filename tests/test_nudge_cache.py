"""The nudge's scores are kept a few minutes: a draft checked while typing and then sent, a text
sent anyway after a nudge, or the same words sent by many, are scored once. Kept per process, or
in Redis (shared by every process) when configured; only scores, keyed by an HMAC, never text."""

from __future__ import annotations

import pytest
import redis
import sqlalchemy as sa
from prometheus_client import REGISTRY

from kindness_challenge.extensions import db
from kindness_challenge.models import State, Submission
from kindness_challenge.participate.nudge_cache import MemoryScoreCache, RedisScoreCache, score_key

from conftest import make_app, score_all, submit

KIND = "Thank you for cheering me on at the finish line today!"
UNKIND = "you are a stupid worthless idiot"


def scored(source: str) -> float:
    return REGISTRY.get_sample_value("kindness_nudge_scores_total", {"source": source}) or 0.0


class Counts:
    """How many nudges the model scored and how many came from kept scores, since creation."""

    def __init__(self) -> None:
        self.start = {source: scored(source) for source in ("model", "kept")}

    def __call__(self) -> dict[str, float]:
        return {source: scored(source) - start for source, start in self.start.items()}


def draft_check(client, text: str) -> dict:
    response = client.post("/share/nudge", json={"text": text})
    assert response.status_code == 200
    return response.get_json()


def prescores(app) -> list[dict | None]:
    with app.app_context():
        return list(db.session.scalars(sa.select(Submission.prescores).order_by(Submission.id)))


def test_a_draft_checked_while_typing_is_not_scored_again_when_sent(app, client):
    counts = Counts()
    assert draft_check(client, KIND) == {"flagged": False, "message": ""}
    assert submit(client, f"  {KIND}\n", nudge_ack="").status_code == 302  # same scoring form

    assert counts() == {"model": 1, "kept": 1}
    (stored,) = prescores(app)
    assert stored["scores"]["toxicity"] < 0.5
    assert score_all(app).reused == 1  # and the worker did not score it either


def test_a_kept_unkind_draft_is_still_nudged_and_sent_anyway_keeps_its_scores(app, client):
    counts = Counts()
    assert draft_check(client, UNKIND)["flagged"] is True
    nudged = submit(client, UNKIND, nudge_ack="")
    assert nudged.status_code == 200 and b"might come across as unkind" in nudged.data
    assert submit(client, UNKIND, nudge_ack="1").status_code == 302  # "submit for review anyway"

    assert counts() == {"model": 1, "kept": 1}
    (stored,) = prescores(app)
    assert stored["scores"]["toxicity"] >= 0.5
    result = score_all(app)
    assert result.reused == 1
    with app.app_context():
        assert db.session.scalar(sa.select(Submission.state)) is State.needs_review


def test_the_same_words_from_many_people_are_scored_once(app):
    counts = Counts()
    for n in range(5):
        client = app.test_client()
        # Many people on many networks: the duplicate window counts one /24 as one client.
        response = client.post(
            "/share",
            data={"text": KIND, "display_name": f"@p{n}", "consent": "y"},
            environ_base={"REMOTE_ADDR": f"10.0.{n}.1"},
        )
        assert response.status_code == 302
    assert counts() == {"model": 1, "kept": 4}
    assert all(p is not None for p in prescores(app))


def test_a_different_text_or_classifier_version_is_scored_afresh(app, client):
    counts = Counts()
    draft_check(client, KIND)
    draft_check(client, KIND + " Really.")
    assert counts() == {"model": 2, "kept": 0}
    app.extensions["kindness_scorer"].classifier.version = "retrained"
    draft_check(client, KIND)
    assert counts() == {"model": 3, "kept": 0}


def test_nudge_cache_off_scores_every_time(tmp_path):
    app = make_app(tmp_path, NUDGE_CACHE_SECONDS=0)
    client = app.test_client()
    counts = Counts()
    draft_check(client, KIND)
    draft_check(client, KIND)
    assert counts() == {"model": 2, "kept": 0}


def test_kept_scores_expire_and_the_oldest_give_way():
    clock = [0.0]
    cache = MemoryScoreCache(ttl=10, size=2, clock=lambda: clock[0])
    cache.put("a", {"scores": 1})
    clock[0] = 9.9
    assert cache.get("a") == {"scores": 1}
    clock[0] = 10.0
    assert cache.get("a") is None
    for key in ("a", "b", "c"):
        cache.put(key, {"key": key})
    assert cache.get("a") is None and cache.get("c") == {"key": "c"}


def test_keys_are_keyed_hashes_of_version_and_text():
    key = score_key("secret", "embedded v1", KIND)
    assert key != score_key("other secret", "embedded v1", KIND)
    assert key != score_key("secret", "embedded v2", KIND)
    assert len(key) == 64 and int(key, 16) >= 0  # a hex digest: the text is not in it


# --- Redis: shared by every web process --------------------------------------------------------


@pytest.fixture
def redis_apps(tmp_path, redis_url):
    url, prefix = redis_url
    settings = dict(REDIS_URL=url, RATELIMIT_KEY_PREFIX=prefix)
    first = make_app(tmp_path, **settings)
    second = make_app(tmp_path, **settings)  # the same database, as a second web process
    yield first, second, url, prefix


def test_scores_kept_in_redis_are_shared_by_processes_and_hold_no_text(redis_apps):
    first, second, url, prefix = redis_apps
    counts = Counts()
    draft_check(first.test_client(), KIND)
    assert submit(second.test_client(), KIND, nudge_ack="").status_code == 302
    assert counts() == {"model": 1, "kept": 1}

    client = redis.Redis.from_url(url)
    keys = list(client.scan_iter(match=f"{prefix}:nudge:*"))
    assert len(keys) == 1
    assert 0 < client.ttl(keys[0]) <= 600
    assert b"cheering" not in client.get(keys[0])  # scores only
    client.close()


def test_redis_away_means_scoring_again_not_an_error(tmp_path):
    app = make_app(tmp_path, REDIS_URL="redis://127.0.0.1:1/0", RATELIMIT_STORAGE_URI="memory://")
    client = app.test_client()
    counts = Counts()
    assert draft_check(client, KIND)["flagged"] is False
    assert submit(client, KIND, nudge_ack="").status_code == 302
    assert counts() == {"model": 2, "kept": 0}
    assert isinstance(app.extensions["kindness_nudge_scores"], RedisScoreCache)

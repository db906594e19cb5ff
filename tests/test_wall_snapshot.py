"""The wall's per-process snapshot: kept for a moment, dropped in every process the instant a
moment leaves the wall (PostgreSQL LISTEN/NOTIFY), never used while take-downs cannot be heard."""

from __future__ import annotations

import re
import threading
import time

import pytest
import sqlalchemy as sa
from prometheus_client import REGISTRY

from kindness_challenge.core.accounts import create_moderator
from kindness_challenge.extensions import db
from kindness_challenge.models import Submission
from kindness_challenge.moderate import service as moderation
from kindness_challenge.participate import service as participation
from kindness_challenge.services import wall_snapshots as snapshots
from kindness_challenge.wall.snapshot import SnapshotCache

from conftest import make_app, stop_wall_listener
from helpers import add_moment, card_ids, wall_section
from scale_helpers import wait_until


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class Deferred:
    """Background work held until the test runs it."""

    def __init__(self) -> None:
        self.pending = []

    def __call__(self, work) -> None:
        self.pending.append(work)

    def run(self) -> None:
        while self.pending:
            self.pending.pop(0)()


def live_cache(ttl: float = 2.0) -> tuple[SnapshotCache, Clock, Deferred]:
    """A listening cache on a clock of the test's, its background rebuilds held until run."""
    clock, deferred = Clock(), Deferred()
    cache = SnapshotCache(ttl, clock, background=deferred)
    cache.set_live(True)
    return cache, clock, deferred


def test_a_kept_page_is_served_then_served_stale_while_one_rebuild_runs():
    cache, clock, deferred = live_cache()
    builds = iter(["first", "second", "third"])
    assert cache.get("wall", lambda: next(builds)) == ("first", "miss")
    clock.now += 1.9
    assert cache.get("wall", lambda: pytest.fail("built again within the ttl")) == ("first", "hit")
    clock.now += 0.2
    assert cache.get("wall", lambda: next(builds)) == ("first", "stale")
    assert cache.get("wall", lambda: pytest.fail("a second rebuild")) == ("first", "stale")
    assert len(deferred.pending) == 1
    deferred.run()
    assert cache.get("wall", lambda: pytest.fail("built again")) == ("second", "hit")
    clock.now += 4.1  # past the stale window too: the visitor waits for a build
    assert cache.get("wall", lambda: next(builds)) == ("third", "miss")
    assert deferred.pending == []


def test_a_failed_rebuild_is_tried_again_by_the_next_visitor():
    cache, clock, deferred = live_cache()
    cache.get("wall", lambda: "first")
    clock.now += 2.5

    def fail():
        raise RuntimeError("database away")

    assert cache.get("wall", fail) == ("first", "stale")
    with pytest.raises(RuntimeError):
        deferred.run()
    assert cache.get("wall", lambda: "second") == ("first", "stale")
    deferred.run()
    assert cache.get("wall", lambda: pytest.fail("built again")) == ("second", "hit")


def test_a_rebuild_that_straddles_a_take_down_is_not_kept():
    cache, clock, deferred = live_cache()
    cache.get("wall", lambda: "first")
    clock.now += 2.5
    cache.get("wall", lambda: "built before the take-down's commit")
    cache.invalidate()
    deferred.run()
    assert cache.get("wall", lambda: "after") == ("after", "miss")


def test_each_key_is_kept_apart():
    cache, _, _ = live_cache()
    cache.get(None, lambda: "all")
    cache.get("gave", lambda: "gave only")
    assert cache.get(None, lambda: "rebuilt") == ("all", "hit")
    assert cache.get("gave", lambda: "rebuilt") == ("gave only", "hit")


def test_invalidate_drops_every_kept_page():
    cache, _, _ = live_cache()
    cache.get(None, lambda: "old")
    cache.get("gave", lambda: "old gave")
    cache.invalidate()
    assert cache.get(None, lambda: "new") == ("new", "miss")
    assert cache.get("gave", lambda: "new gave") == ("new gave", "miss")


def test_nothing_is_kept_or_served_while_not_live():
    cache, _, _ = live_cache()
    cache.get("wall", lambda: "kept while live")
    cache.set_live(False)
    assert cache.get("wall", lambda: "fresh") == ("fresh", "bypass")
    cache.invalidate()  # the listener drops the copies when it goes down
    cache.set_live(True)
    assert cache.get("wall", lambda: "fresh again") == ("fresh again", "miss")


def test_a_page_built_while_a_take_down_came_in_is_not_kept():
    cache, _, _ = live_cache()

    def build_across_a_take_down():
        cache.invalidate()  # the take-down's notification arrives while the page is queried
        return "may still hold the taken-down moment"

    assert cache.get("wall", build_across_a_take_down)[1] == "miss"
    assert cache.get("wall", lambda: "rebuilt") == ("rebuilt", "miss")


def test_sqlite_has_no_snapshots_so_the_wall_is_always_live(tmp_path):
    app = make_app(tmp_path, WALL_SNAPSHOT_SECONDS=60)
    first = add_moment(app, "Shown at once")
    client = app.test_client()
    assert card_ids(wall_section(client.get("/").get_data(as_text=True))) == [first]
    second = add_moment(app, "Also shown at once")
    assert card_ids(wall_section(client.get("/").get_data(as_text=True))) == [second, first]
    with app.app_context():
        assert snapshots() is None
        db.engine.dispose()


# --- on PostgreSQL, across processes' worth of apps -------------------------------------------


@pytest.fixture
def wall_apps(tmp_path, postgres_url):
    """Two apps on one PostgreSQL schema, as two web processes would be: ``reader`` keeps
    snapshots (a minute, so only a notification can drop them), ``writer`` moderates."""
    reader = make_app(tmp_path, SQLALCHEMY_DATABASE_URI=postgres_url, WALL_SNAPSHOT_SECONDS=60,
                      WTF_CSRF_ENABLED=True)  # fmt: skip
    writer = make_app(tmp_path / "w", SQLALCHEMY_DATABASE_URI=postgres_url)
    with writer.app_context():
        create_moderator(db.session, "mod", "a-long-kind-password", "moderator")
    yield reader, writer
    for app in (reader, writer):
        stop_wall_listener(app)
        with app.app_context():
            db.session.remove()
            db.engine.dispose()


def wall_ids(client, path: str = "/") -> list[int]:
    response = client.get(path)
    assert response.status_code == 200
    return card_ids(wall_section(response.get_data(as_text=True)))


def live_snapshots(app) -> SnapshotCache:
    with app.test_request_context():
        cache = snapshots()
    assert cache is not None
    wait_until(lambda: cache.live, 10, what="the wall's listener to listen")
    return cache


def snapshot_count(result: str) -> float:
    return REGISTRY.get_sample_value("kindness_wall_snapshot_total", {"result": result}) or 0.0


def test_the_first_page_is_kept_and_new_moments_wait_for_the_ttl(wall_apps):
    reader, writer = wall_apps
    first = add_moment(writer, "Kept on the wall")
    client = reader.test_client()
    live_snapshots(reader)
    hits = snapshot_count("hit")
    assert wall_ids(client) == [first]
    add_moment(writer, "Published a moment later")
    assert wall_ids(client) == [first]  # served from the kept copy
    assert snapshot_count("hit") == hits + 1
    assert "Nothing here yet" in client.get("/?category=gave").get_data(as_text=True)


def test_a_take_down_in_another_process_leaves_the_kept_wall_at_once(wall_apps):
    reader, writer = wall_apps
    kept = add_moment(writer, "Stays on the wall")
    taken = add_moment(writer, "Taken down by a moderator")
    client = reader.test_client()
    live_snapshots(reader)
    assert wall_ids(client) == [taken, kept]
    later = add_moment(writer, "Published after the copy was made")
    assert wall_ids(client) == [taken, kept]
    with writer.app_context():
        moderator = db.session.scalar(sa.select(moderation.Moderator))
        moderation.take_down(db.session, taken, moderator, "mistake", None)
    # the notification is heard within milliseconds; the ttl is a minute
    wait_until(lambda: wall_ids(client) == [later, kept], 5, what="the take-down on the wall")


@pytest.mark.parametrize("change", ["withdraw", "unfeature"])
def test_other_ways_off_the_wall_drop_the_copy_too(wall_apps, change):
    reader, writer = wall_apps
    moment = add_moment(writer, "Featured, then gone", featured_minutes_ago=1)
    client = reader.test_client()
    live_snapshots(reader)
    page = client.get("/").get_data(as_text=True)
    assert card_ids(page, "featured") == [moment]
    with writer.app_context():
        if change == "withdraw":
            participation.withdraw(db.session, db.session.get(Submission, moment))
        else:
            moderator = db.session.scalar(sa.select(moderation.Moderator))
            moderation.set_featured(db.session, moment, moderator, on=False)
    wait_until(
        lambda: card_ids(client.get("/").get_data(as_text=True), "featured") == [],
        5,
        what=f"{change} on the wall",
    )


def test_visitors_with_a_cookie_see_the_live_wall_and_each_gets_their_own_token(wall_apps):
    reader, writer = wall_apps
    first = add_moment(writer, "Hearted by a visitor")
    live_snapshots(reader)
    anonymous, other = reader.test_client(), reader.test_client()
    assert wall_ids(anonymous) == [first]
    tokens = {
        re.search(r'name="csrf_token" value="([^"]+)"', c.get("/").get_data(as_text=True))[1]
        for c in (anonymous, other)
    }
    assert len(tokens) == 2  # the page is kept as data; each visitor's form is their own

    hearted = reader.test_client()
    page = hearted.get("/").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page)[1]
    answer = hearted.post(f"/moment/{first}/heart", data={"csrf_token": token, "hearted": "1"},
                          headers={"Accept": "application/json"})  # fmt: skip
    assert answer.get_json()["count"] == 1
    second = add_moment(writer, "Published after the copy")
    assert wall_ids(hearted) == [second, first]  # live: a cookie skips the copy
    assert wall_ids(anonymous) == [first]  # kept


def test_while_the_listener_is_cut_off_nothing_is_served_from_a_copy(wall_apps, postgres_url):
    reader, writer = wall_apps
    first = add_moment(writer, "Before the cut")
    client = reader.test_client()
    cache = live_snapshots(reader)
    assert wall_ids(client) == [first]
    went_down = threading.Event()
    was_live = cache.set_live

    def watch(live: bool) -> None:
        if not live:
            went_down.set()
        was_live(live)

    listener = reader.extensions["kindness_wall_listener"]
    listener.on_live = watch
    admin = sa.create_engine(postgres_url)
    with admin.begin() as connection:
        killed = connection.execute(
            sa.text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE query = 'LISTEN kindness_wall' AND pid <> pg_backend_pid()"
            )
        ).all()
    admin.dispose()
    assert killed
    assert went_down.wait(5)
    second = add_moment(writer, "Published while cut off")
    # cut off: built afresh (or, if it is back already, nothing from before the cut was kept)
    assert wall_ids(client) == [second, first]
    wait_until(lambda: cache.live, 10, what="the listener to reconnect")
    hits = snapshot_count("hit")
    assert wall_ids(client) == [second, first]
    assert wall_ids(client) == [second, first]
    assert snapshot_count("hit") >= hits + 1  # kept again once it listens


def test_a_new_moment_shows_within_two_ttl_rebuilt_in_the_background(tmp_path, postgres_url):
    reader = make_app(tmp_path, SQLALCHEMY_DATABASE_URI=postgres_url, WALL_SNAPSHOT_SECONDS=0.5)
    try:
        first = add_moment(reader, "Kept for half a second")
        client = reader.test_client()
        live_snapshots(reader)
        assert wall_ids(client) == [first]
        second = add_moment(reader, "Published just after")
        time.sleep(0.6)
        stale = snapshot_count("stale")
        assert wall_ids(client) == [first]  # served stale while a thread rebuilds it
        assert snapshot_count("stale") == stale + 1
        wait_until(lambda: wall_ids(client) == [second, first], 1.0, what="the rebuilt page")
    finally:
        stop_wall_listener(reader)
        with reader.app_context():
            db.engine.dispose()

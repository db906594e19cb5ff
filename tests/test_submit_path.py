"""The submit path's shortcuts: the nudge's policy is reused for a moment (and never outlives a
change made in this process), and the nudge skips an added kindness head it would ignore."""

from __future__ import annotations

import sqlalchemy as sa

from kindness_challenge.core import policy_cache, policy_store
from kindness_challenge.core.accounts import create_moderator
from kindness_challenge.core.policy_cache import RecentPolicy
from kindness_challenge.extensions import db
from kindness_challenge.models import Setting
from kindness_challenge.scoring.classifiers import ProfanityCheckClassifier
from kindness_challenge.scoring.kindness import WithKindness
from kindness_challenge.services import get_scorer

from conftest import MODERATOR_PASSWORD

DEFAULTS = {"toxicity": 0.7}


class Statements:
    """Counts the SQL statements the app's engine runs."""

    def __init__(self, engine):
        self.count = 0
        sa.event.listen(engine, "before_cursor_execute", self.seen)

    def seen(self, *_args):
        self.count += 1


def test_reused_within_max_age_without_a_query(app):
    recent = RecentPolicy(max_age=60)
    with app.app_context():
        first = recent.get(db.session, DEFAULTS)
        statements = Statements(db.engine)
        assert recent.get(db.session, DEFAULTS) is first
        assert statements.count == 0
        other_defaults = recent.get(db.session, {"toxicity": 0.5})
        assert other_defaults.thresholds["toxicity"] == 0.5 and statements.count > 0


def test_a_change_made_in_this_process_applies_at_once(app):
    recent = RecentPolicy(max_age=3600)
    with app.app_context():
        admin = create_moderator(db.session, "admin", MODERATOR_PASSWORD, "admin")
        assert recent.get(db.session, DEFAULTS).banned == ()

        entry = policy_store.add_word(db.session, admin, "banned", "kys", "Never ok.")
        assert [b.phrase for b in recent.get(db.session, DEFAULTS).banned] == ["kys"]

        policy_store.remove_word(db.session, admin, entry.id)  # a bulk DELETE statement
        assert recent.get(db.session, DEFAULTS).banned == ()

        policy_store.update_policy(db.session, admin, DEFAULTS, {"toxicity": 0.4}, "auto", True)
        assert recent.get(db.session, DEFAULTS).thresholds["toxicity"] == 0.4

        db.session.get(Setting, "mode").value = "premoderate"  # an ORM update, by hand
        db.session.commit()
        assert recent.get(db.session, DEFAULTS).mode == "premoderate"


def test_a_rolled_back_change_keeps_the_cache(app):
    recent = RecentPolicy(max_age=3600)
    with app.app_context():
        before = recent.get(db.session, DEFAULTS)
        db.session.add(Setting(key="mode", value="premoderate"))
        db.session.flush()
        db.session.rollback()
        assert recent.get(db.session, DEFAULTS) is before
        assert before.mode == "auto"


def test_a_change_from_another_process_applies_within_max_age(app, monkeypatch):
    clock = [1000.0]
    monkeypatch.setattr(policy_cache.time, "monotonic", lambda: clock[0])
    recent = RecentPolicy(max_age=2)
    with app.app_context():
        assert recent.get(db.session, DEFAULTS).mode == "auto"
        db.session.commit()  # end the read transaction, as the request would
        # Another process: plain SQL on a connection of its own, no ORM session here.
        with db.engine.begin() as connection:
            connection.execute(sa.insert(Setting.__table__).values(key="mode", value="premoderate"))
        clock[0] += 1.9
        assert recent.get(db.session, DEFAULTS).mode == "auto"
        clock[0] += 0.2
        assert recent.get(db.session, DEFAULTS).mode == "premoderate"


def test_the_nudge_follows_a_new_banned_word_at_once(app, client):
    assert client.post("/share/nudge", json={"text": "just kys"}).get_json()["flagged"] is False
    with app.app_context():
        admin = create_moderator(db.session, "admin", MODERATOR_PASSWORD, "admin")
        policy_store.add_word(db.session, admin, "banned", "kys", "Never ok.")
    assert client.post("/share/nudge", json={"text": "just kys"}).get_json()["flagged"] is True


class CountingKindness:
    version = "test:kindness"

    def __init__(self):
        self.texts = 0

    def score_batch(self, texts):
        self.texts += len(texts)
        return [{"kindness": 0.1} for _ in texts]


def test_the_nudge_does_not_run_a_kindness_head_it_ignores(app, client):
    kindness = CountingKindness()
    get_scorer(app).classifier = WithKindness(ProfanityCheckClassifier(), kindness)
    unkind = client.post("/share/nudge", json={"text": "you stupid worthless idiot"})
    neutral = client.post("/share/nudge", json={"text": "The bus was on time today"})
    assert unkind.get_json()["flagged"] is True
    assert neutral.get_json()["flagged"] is False  # not clearly kind, yet no nudge
    assert kindness.texts == 0

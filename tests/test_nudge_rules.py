"""Issue 14, finding 14: only toxicity and banned phrases nudge (never a suspect phrase or a
link), and the nudge's model is loaded and warmed in the background when the app starts, so
the first nudge after a start is on time instead of skipped."""

from __future__ import annotations

import threading
import time

import pytest

from kindness_challenge.core import policy_store
from kindness_challenge.core.accounts import create_moderator
from kindness_challenge.core.routing import ListEntry, Policy
from kindness_challenge.extensions import db
from kindness_challenge.participate.low_priority import LowPriorityRunner
from kindness_challenge.participate.service import nudge
from kindness_challenge.participate.warm_up import WarmUp

from conftest import MODERATOR_PASSWORD, make_app


class Fixed:
    """A deterministic classifier for the policy table (the real one is used below)."""

    name, version, labels = "fixed", "1", ("toxicity",)

    def __init__(self, toxicity: float) -> None:
        self.toxicity = toxicity

    def score_batch(self, texts):
        return [{"toxicity": self.toxicity} for _ in texts]


def _policy(**overrides) -> Policy:
    return Policy(
        thresholds={"toxicity": 0.5},
        banned=(ListEntry("loser", "loser", None),),
        suspect=(ListEntry("crush", "crush", None),),
        **overrides,
    )


@pytest.mark.parametrize(
    ("text", "toxicity", "flagged"),
    [
        ("Thanks for helping me with my crush on maths!", 0.1, False),  # suspect phrase
        ("Watch my kind video https://example.org/kind", 0.1, False),  # a link
        ("crush www.example.org", 0.1, False),  # both
        ("you absolute loser", 0.1, True),  # banned phrase
        ("a toxic draft", 0.9, True),  # over the toxicity threshold
        ("Thanks for the crush of cheering fans", 0.9, True),  # toxic and suspect: toxicity
    ],
)
def test_only_toxicity_and_banned_phrases_nudge(text, toxicity, flagged):
    for mode in ("auto", "premoderate"):
        result = nudge(Fixed(toxicity), _policy(mode=mode), text)
        assert result.flagged is flagged, (text, mode)


def test_a_suspect_phrase_added_by_an_admin_does_not_nudge(app, client):
    """Fails on the old code: the draft was told it "might come across as unkind"."""
    with app.app_context():
        admin = create_moderator(db.session, "admin", MODERATOR_PASSWORD, "admin")
        policy_store.add_word(db.session, admin, "suspect", "bake sale", None)
    draft = "Thank you for running the bake sale, it made my week!"
    answer = client.post("/share/nudge", json={"text": draft}).get_json()
    assert answer == {"flagged": False, "message": ""}
    page = client.post(
        "/share",
        data={"text": draft, "display_name": "@sam", "consent": "y", "category": "received"},
    )
    assert page.status_code == 302  # stored at once (and reviewed for the suspect phrase)
    assert client.post("/share/nudge", json={"text": "you stupid worthless idiot"}).get_json()[
        "flagged"
    ]


class SlowToLoad:
    """Its first call takes ``load`` seconds, as a model loading from disk does."""

    name, version, labels = "slow", "1", ("toxicity",)

    def __init__(self, load: float) -> None:
        self.load = load
        self.loaded = threading.Event()
        self.calls = 0

    def score_batch(self, texts):
        if not self.loaded.is_set():
            time.sleep(self.load)
            self.loaded.set()
        self.calls += 1
        return [{"toxicity": 0.9} for _ in texts]


def test_after_the_warm_up_the_first_nudge_meets_its_bound():
    classifier = SlowToLoad(load=0.6)
    runner = LowPriorityRunner(nice=0, timeout=0.3, max_queue_seconds=0.05)
    warm = WarmUp(lambda: classifier, runner).start()
    assert warm.done.wait(10) and warm.error is None
    assert classifier.loaded.is_set()
    started = time.perf_counter()
    result = runner.run(nudge, classifier, _policy(), "a toxic draft")
    assert result.flagged  # answered, not skipped as late
    assert time.perf_counter() - started < 0.3
    # Cold, the same first nudge would have been skipped (the old code's lazy load):
    cold = SlowToLoad(load=0.6)
    with pytest.raises(TimeoutError):
        LowPriorityRunner(nice=0, timeout=0.3).run(nudge, cold, _policy(), "a toxic draft")


def test_the_app_factory_starts_the_warm_up_before_any_request(tmp_path):
    """Fails on the old code: nothing loaded the model until the first nudge asked for it."""
    app = make_app(tmp_path, NUDGE_WARM_UP=True)
    warm = app.extensions.get("kindness_nudge_warm_up")
    assert isinstance(warm, WarmUp)
    assert warm.done.wait(60) and warm.error is None
    runner = app.extensions["kindness_nudge_runner"]
    assert runner.queued == 0 and runner._calls == 1  # the warm-up was the runner's first call
    with app.test_client() as client:
        answer = client.post("/share/nudge", json={"text": "you stupid worthless idiot"})
    assert answer.get_json()["flagged"] is True


def test_no_warm_up_when_turned_off(app):
    assert app.extensions.get("kindness_nudge_warm_up") is None

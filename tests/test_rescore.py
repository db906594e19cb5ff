"""``flask rescore``: the active classifier and policy over stored moments. A dry run moves
nothing and says what would change; --apply holds published moments that now score over a
threshold, never publishes anything and leaves moderators' decisions alone unless asked; an
interrupted run resumes where it stopped."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from kindness_challenge.core.lifecycle import Actor, move
from kindness_challenge.extensions import db
from kindness_challenge.models import (
    ActorKind,
    RescoreRun,
    RescoreStatus,
    ReviewKind,
    State,
    Submission,
    Transition,
)
from kindness_challenge.scoring.rescore import RescoreRequest, run_rescore, start_run
from kindness_challenge.services import get_scorer

from conftest import ModeratorActions
from helpers import add_moment

KIND = "Thank you for cheering me on today!"
TOXIC = "You are a stupid worthless idiot and everyone hates you"
ALSO_TOXIC = "Shut up you pathetic moron, nobody wants your garbage"


def moderator_moves(app, submission_id, from_state, to_state):
    with app.app_context():
        move(db.session, submission_id, from_state, to_state, Actor(ActorKind.moderator, "mod"))
        db.session.commit()


@pytest.fixture
def stored(app):
    """Moments routed by an earlier, more lenient model: toxic ones went up on the wall."""
    ids = {
        "kind": add_moment(app, KIND),
        "toxic": add_moment(app, TOXIC),
        "approved": add_moment(app, ALSO_TOXIC, state=State.needs_review),
        "rejected": add_moment(app, "What a lovely thing to do for a stranger"),
        "review": add_moment(app, "Thanks for the help with my homework", state=State.needs_review),
    }
    moderator_moves(app, ids["approved"], State.needs_review, State.published)
    moderator_moves(app, ids["rejected"], State.published, State.needs_review)
    moderator_moves(app, ids["rejected"], State.needs_review, State.rejected)
    return ids


def states(app, ids):
    with app.app_context():
        return {name: db.session.get(Submission, i).state for name, i in ids.items()}


def test_dry_run_reports_and_moves_nothing(app, runner, stored):
    before = states(app, stored)
    result = runner.invoke(args=["rescore"])
    assert result.exit_code == 0, result.output
    assert "dry run: nothing moves" in result.output
    assert "checked 5 of 5" in result.output
    assert "published: 3 checked, 2 would now route differently (2 needs_review); " in (
        result.output
    )
    assert "rejected: 1 checked, 1 would now route differently (1 published)" in result.output
    assert f"#{stored['toxic']}: " in result.output and "toxicity" in result.output
    assert f"#{stored['approved']}: " in result.output
    assert "[moderator-approved, left alone]" in result.output
    assert "(1 would move to review; moderator-approved ones left alone)" in result.output
    assert f"#{stored['kind']}: " not in result.output
    assert states(app, stored) == before


def test_apply_holds_what_now_scores_over_a_threshold_and_leaves_decisions(app, runner, stored):
    result = runner.invoke(args=["rescore", "--apply"])
    assert result.exit_code == 0, result.output
    assert "(1 moved to review; moderator-approved ones left alone)" in result.output
    after = states(app, stored)
    assert after == {
        "kind": State.published,
        "toxic": State.needs_review,
        "approved": State.published,  # a moderator's decision: left alone
        "rejected": State.rejected,  # would now publish, but a rescore never publishes
        "review": State.needs_review,
    }
    scorer = get_scorer(app)
    with app.app_context():
        held = db.session.get(Submission, stored["toxic"])
        assert held.review_kind is ReviewKind.rescored
        assert "toxicity" in held.flagged_labels
        last = held.transitions[-1]
        name = f"{scorer.classifier.name} {scorer.classifier.version}"
        assert (last.from_state, last.to_state, last.actor_kind, last.actor) == (
            State.published,
            State.needs_review,
            ActorKind.classifier,
            name,
        )
        run = db.session.scalars(select(RescoreRun)).one()
        assert last.reason.startswith(f"rescore #{run.id}: flagged: toxicity")
        assert name in last.reason and "thresholds " in last.reason
        assert "toxicity 0.7;" in last.reason
        assert {s.classifier_version for s in held.scores} == {scorer.classifier.version}
    wall = runner.app.test_client().get("/").get_data(as_text=True)
    assert TOXIC not in wall and KIND in wall


def test_include_decided_also_holds_what_a_moderator_published(app, runner, stored):
    result = runner.invoke(args=["rescore", "--apply", "--include-decided", "--state", "published"])
    assert result.exit_code == 0, result.output
    after = states(app, stored)
    assert (after["toxic"], after["approved"]) == (State.needs_review, State.needs_review)
    assert after["rejected"] is State.rejected


def test_states_and_date_range_choose_what_is_rescored(app, runner, stored):
    result = runner.invoke(args=["rescore", "--state", "rejected", "--since", "2000-01-01"])
    assert "checked 1 of 1" in result.output, result.output
    result = runner.invoke(args=["rescore", "--until", "2000-01-01"])
    assert "checked 0 of 0" in result.output, result.output
    result = runner.invoke(args=["rescore", "--since", "2027-01-01", "--until", "2026-01-01"])
    assert result.exit_code != 0 and "must be before its end" in result.output


class InterruptedOnce:
    """The active classifier, interrupted (Ctrl-C) on its second batch."""

    def __init__(self, classifier):
        self.inner = classifier
        self.name, self.version = classifier.name, classifier.version
        self.calls = 0

    def score_batch(self, texts):
        self.calls += 1
        if self.calls == 2:
            raise KeyboardInterrupt
        return self.inner.score_batch(texts)


def test_an_interrupted_run_resumes_where_it_stopped(app, runner, stored):
    extra = [add_moment(app, f"{TOXIC} number {n}") for n in range(3)]
    scorer = get_scorer(app)
    with app.app_context():
        run = start_run(
            db.session, RescoreRequest(apply=True), scorer.classifier, scorer.thresholds
        )
        with pytest.raises(KeyboardInterrupt):
            run_rescore(db.session, run, InterruptedOnce(scorer.classifier), scorer.thresholds, 2)
        db.session.rollback()
        run = db.session.get(RescoreRun, run.id)
        assert (run.status, run.checked, run.last_id) == (RescoreStatus.running, 2, 2)
    assert states(app, stored)["toxic"] is State.needs_review  # its batch was committed

    result = runner.invoke(args=["rescore", "--resume", "--batch-size", "2"])
    assert result.exit_code == 0, result.output
    assert f"Resuming rescore #{run.id} after #2." in result.output
    assert "checked 8 of 8" in result.output
    with app.app_context():
        run = db.session.get(RescoreRun, run.id)
        assert run.status is RescoreStatus.finished
        assert run.counts["published"]["checked"] == 6
        assert run.counts["published"]["moved"] == 4
        moved = db.session.scalars(
            select(Transition.submission_id).where(Transition.reason.startswith("rescore #"))
        ).all()
    assert sorted(moved) == sorted([stored["toxic"], *extra])  # each once, none twice
    again = runner.invoke(args=["rescore", "--resume"])
    assert "no interrupted run" in again.output


def test_a_resume_with_another_classifier_is_refused(app, runner, stored, monkeypatch):
    scorer = get_scorer(app)
    with app.app_context():
        start_run(db.session, RescoreRequest(), scorer.classifier, scorer.thresholds)
    newer = InterruptedOnce(scorer.classifier)
    newer.version = "a newer version"
    monkeypatch.setattr(scorer, "classifier", newer)
    result = runner.invoke(args=["rescore", "--resume"])
    assert result.exit_code != 0 and "start a new run" in result.output


def test_the_admin_page_shows_the_last_runs_report(app, client, runner, stored):
    actions = ModeratorActions(app, client)
    actions.create("admin", role="admin")
    actions.login("admin")
    assert "No rescore has run yet" in client.get("/moderate/rescore").get_data(as_text=True)
    runner.invoke(args=["rescore"])
    page = client.get("/moderate/rescore").get_data(as_text=True)
    assert "dry run (nothing moved)" in page and "finished" in page
    assert f'href="/moderate/submission/{stored["toxic"]}"' in page
    assert "would move to review" in page and "left alone (a moderator published it)" in page
    assert "Its report" in client.get("/moderate/settings").get_data(as_text=True)
    actions.logout()
    actions.create("plain")
    actions.login("plain")
    assert client.get("/moderate/rescore").status_code == 403


@pytest.mark.postgres
def test_rescore_apply_on_postgres(pg_app):
    toxic, kind = add_moment(pg_app, TOXIC), add_moment(pg_app, KIND)
    result = pg_app.test_cli_runner().invoke(args=["rescore", "--apply"])
    assert result.exit_code == 0, result.output
    assert "(1 moved to review; moderator-approved ones left alone)" in result.output
    assert states(pg_app, {"toxic": toxic, "kind": kind}) == {
        "toxic": State.needs_review,
        "kind": State.published,
    }

"""Calibration: the threshold table from past decisions, the admin page, and the CLI."""

import json
import re
from datetime import UTC, datetime, timedelta

import pytest

from kindness_challenge import create_app
from kindness_challenge.core.lifecycle import Actor, move
from kindness_challenge.extensions import db
from kindness_challenge.insights.calibration import (
    GRID,
    Sample,
    decided_samples,
    sweep,
    threshold_grid,
    wilson,
)
from kindness_challenge.models import ActorKind, Moderator, Score, Setting, State
from kindness_challenge.services import get_scorer

from conftest import ModeratorActions, base_config
from history import add_submission, decide, flagged

HARMFUL = [0.9, 0.6, 0.3]  # rejected by a moderator
HARMLESS = [0.1, 0.4, 0.8]  # approved by a moderator


def test_grid_is_005_to_095_plus_the_current_threshold():
    assert GRID[0] == 0.05 and GRID[-1] == 0.95 and len(GRID) == 19
    assert threshold_grid(0.7) == list(GRID)
    grid = threshold_grid(0.72)
    assert len(grid) == 20 and grid[grid.index(0.72) - 1] == 0.7 and grid == sorted(grid)


@pytest.mark.parametrize(
    ("threshold", "missed", "needless"),
    [
        (0.05, 0, 3),
        (0.3, 0, 2),  # 0.3 scores at the threshold: reviewed, not missed
        (0.35, 1, 2),
        (0.4, 1, 2),  # harmless 0.4 at the threshold: reviewed
        (0.5, 1, 1),
        (0.6, 1, 1),
        (0.7, 2, 1),
        (0.85, 2, 0),
        (0.95, 3, 0),
    ],
)
def test_sweep_counts_by_hand(threshold, missed, needless):
    (row,) = sweep(Sample(HARMFUL, HARMLESS), [threshold], current=0.7)
    assert (row.missed, row.harmful, row.needless, row.harmless) == (missed, 3, needless, 3)
    assert row.current is (threshold == 0.7)
    assert row.missed_share == missed / 3 and row.needless_share == needless / 3


def test_kindness_sweeps_the_other_way():
    # Kindness publishes at or above the threshold: kind-looking harm is what gets through.
    harmful, harmless = [0.1, 0.6, 0.9], [0.3, 0.8, 0.95]
    (row,) = sweep(Sample(harmful, harmless), [0.6], publish_at_or_above=True)
    assert (row.missed, row.needless) == (2, 1)  # 0.6 and 0.9 pass; 0.3 is held back
    (row,) = sweep(Sample(harmful, harmless), [0.6])
    assert (row.missed, row.needless) == (1, 2)  # the toxicity reading of the same numbers


def test_wilson_interval_known_values():
    assert (wilson(0, 10).low, round(wilson(0, 10).high, 4)) == (0.0, 0.2775)
    half = wilson(5, 10)
    assert (round(half.low, 4), round(half.high, 4), half.rate) == (0.2366, 0.7634, 0.5)
    assert wilson(0, 0).rate is None and wilson(0, 0).low is None


def build_decisions(app, shift=timedelta(0)):
    """Six decided items with known toxicity scores from the active classifier, plus items
    that must be left out: one scored by another classifier, one auto-published, one undone."""
    classifier = get_scorer(app).classifier
    when = datetime(2025, 3, 8, 9, tzinfo=UTC) + shift
    with app.app_context():
        session = db.session
        ana = Moderator(username="ana", password_hash="x")
        session.add(ana)
        session.flush()

        def item(score, approve, name=classifier.name, version=classifier.version, undo=False):
            submission_id = add_submission(session, when)
            session.add(
                Score(
                    submission_id=submission_id,
                    label="toxicity",
                    probability=score,
                    classifier_name=name,
                    classifier_version=version,
                )
            )
            flagged(session, submission_id, when)
            if approve is not None:
                decide(session, submission_id, ana, approve, when + timedelta(minutes=5))
            if undo:
                move(
                    session,
                    submission_id,
                    State.published if approve else State.rejected,
                    State.needs_review,
                    Actor(ActorKind.moderator, "ana", ana.id),
                    reason="undo",
                )

        for score in HARMFUL:
            item(score, approve=False)
        for score in HARMLESS:
            item(score, approve=True)
        item(0.05, approve=False, name="detoxify", version="0.5.2:original")
        item(0.99, approve=None)  # still in review: no decision
        item(0.02, approve=False, undo=True)  # decision withdrawn
        session.commit()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def any_app(request):
    return request.getfixturevalue("app" if request.param == "sqlite" else "pg_app")


def test_decided_samples_from_standing_decisions(any_app):
    app = any_app
    build_decisions(app)
    classifier = get_scorer(app).classifier
    with app.app_context():
        samples = decided_samples(db.session, classifier.name, classifier.version)
    assert list(samples.by_label) == ["toxicity"]
    assert sorted(samples.by_label["toxicity"].harmful) == sorted(HARMFUL)
    assert sorted(samples.by_label["toxicity"].harmless) == sorted(HARMLESS)
    assert (samples.items, samples.other_classifiers) == (6, 1)


def admin_client(app, client):
    actions = ModeratorActions(app, client)
    actions.create("root", role="admin")
    actions.login("root")
    return client


def test_calibration_page_table_and_curve(app, client):
    build_decisions(app)
    with app.app_context():
        db.session.add(Setting(key="thresholds", value={"toxicity": 0.72}))
        db.session.commit()
    html = admin_client(app, client).get("/moderate/calibration").get_data(as_text=True)
    rows = re.findall(
        r'<tr( class="current-threshold")?>\s*<th scope="row">([\d.]+).*?</th>\s*'
        r"<td>(\d+) of 3</td><td>[^<]+</td>\s*<td>(\d+) of 3</td>",
        html,
    )
    table = {float(t): (int(m), int(n), bool(cur)) for cur, t, m, n in rows}
    assert len(table) == 20
    assert table[0.05] == (0, 3, False)
    assert table[0.5] == (1, 1, False)
    assert table[0.7] == (2, 1, False)
    assert table[0.72] == (2, 1, True)  # the threshold in force, highlighted
    assert table[0.95] == (3, 0, False)
    assert '<span class="tag">current</span>' in html
    assert "Toxicity: 3 harmful, 3 harmless" in html
    assert html.count("<polyline") == 2 and "current 0.72" in html
    assert "At the current threshold 0.72, 2 of 3 harmful items" in html
    assert "1 more were scored only by another classifier" in html


def test_calibration_page_covers_the_kindness_threshold(app, client):
    classifier = get_scorer(app).classifier
    when = datetime(2025, 3, 8, 9, tzinfo=UTC)
    with app.app_context():
        ana = Moderator(username="ana", password_hash="x")
        db.session.add(ana)
        db.session.flush()
        for kindness, approve in [(0.9, True), (0.4, True), (0.8, False), (0.1, False)]:
            submission_id = add_submission(db.session, when)
            db.session.add(
                Score(
                    submission_id=submission_id,
                    label="kindness",
                    probability=kindness,
                    classifier_name=classifier.name,
                    classifier_version=classifier.version,
                )
            )
            flagged(db.session, submission_id, when)
            decide(db.session, submission_id, ana, approve, when + timedelta(minutes=5))
        db.session.add(Setting(key="kindness_threshold", value=0.45))
        db.session.commit()
    html = admin_client(app, client).get("/moderate/calibration?label=kindness").text
    assert "Kindness: 2 harmful, 2 harmless" in html
    assert "At the current threshold 0.45, 1 of 2 harmful items" in html  # the 0.8 one
    assert "and 1 of 2 harmless ones sent to review" in html  # the 0.4 one
    assert "Higher kindness thresholds publish less harm" in html


def test_calibration_page_without_decisions(app, client):
    html = admin_client(app, client).get("/moderate/calibration").get_data(as_text=True)
    assert "Nothing to calibrate yet" in html


def test_calibration_is_for_admins_only(app, client, moderator):
    response = client.get("/moderate/calibration")
    assert response.status_code == 403
    assert '<p class="error-code">403</p>' in response.get_data(as_text=True)
    moderator.logout()
    anonymous = client.get("/moderate/calibration")
    assert anonymous.status_code == 302 and "/moderate/login" in anonymous.headers["Location"]


# --- The command line --------------------------------------------------------------------

TOXIC = [
    "you are a stupid fucking idiot",
    "fuck you, you worthless piece of shit",
    "shut up you dumb bitch",
]
OK = [
    "Thank you so much for helping me carry my shopping today!",
    "You made my whole week, I really appreciate you.",
    "My neighbour left flowers on my doorstep. What a lovely surprise.",
]


def write_jsonl(path, rows):
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return str(path)


@pytest.fixture
def labelled_files(tmp_path):
    toxic = write_jsonl(
        tmp_path / "toxic.jsonl",
        [
            {"text": t, "label": "toxic", "source": f"ex/{s}@abc:f.csv", "category": "x"}
            for t, s in zip(TOXIC, ["one", "one", "two"], strict=True)
        ],
    )
    ok = write_jsonl(
        tmp_path / "ok.jsonl",
        [{"text": t, "label": "ok", "source": "ex/two@def:g.tsv"} for t in OK],
    )
    return toxic, ok


def sweep_table(output: str) -> list[tuple[bool, float, int, int, int, int]]:
    """The first threshold table: (current, threshold, missed, toxic n, flagged, ok n)."""
    first = output.split("\n\n")[1]
    return [
        (mark == "*", float(t), int(a), int(b), int(c), int(d))
        for mark, t, a, b, c, d in re.findall(
            r"^  ([* ]) (\d\.\d\d)\s+(\d+)/(\d+)\s+[\d.]+%\s+(\d+)/(\d+)", first, re.M
        )
    ]


def test_calibrate_command_on_obvious_texts(runner, labelled_files):
    result = runner.invoke(args=["calibrate", *labelled_files, "--by-source"])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Scoring 6 rows (3 toxic, 3 ok) from 2 file(s) with alt-profanity-check" in out
    table = sweep_table(out)
    assert [row[1] for row in table] == list(GRID)
    assert [row[1] for row in table if row[0]] == [0.7]
    assert all(row[3] == 3 and row[5] == 3 for row in table)
    missed = [row[2] for row in table]
    flagged_ok = [row[4] for row in table]
    assert missed == sorted(missed) and flagged_ok == sorted(flagged_ok, reverse=True)
    # Obvious texts: at 0.5 no insult is auto-published and no thank-you is reviewed.
    at_half = next(row for row in table if row[1] == 0.5)
    assert (at_half[2], at_half[4]) == (0, 0)
    # One sweep per source with --by-source.
    assert "Label toxicity, ex/one:" in out and "Label toxicity, ex/two:" in out
    # The current policy, per source, with Wilson intervals.
    policy = out[out.index("At the current policy") :]
    assert "auto mode; thresholds: toxicity 0.70" in policy
    assert re.search(r"^  ex/one\s+2/2\s+100\.0%\s+\[34\.2, 100\.0\]\s+—$", policy, re.M)
    assert re.search(
        r"^  ex/two\s+1/1\s+100\.0%\s+\[20\.7, 100\.0\]\s+0/3\s+0\.0%\s+\[ 0\.0,\s+56\.1\]$",
        policy,
        re.M,
    )
    assert re.search(r"^  all sources\s+3/3\s+100\.0%.*\s0/3\s+0\.0%", policy, re.M)


def test_calibrate_command_follows_the_stored_policy(app, runner, labelled_files):
    with app.app_context():
        db.session.add(Setting(key="mode", value="premoderate"))
        db.session.commit()
    result = runner.invoke(args=["calibrate", *labelled_files])
    assert result.exit_code == 0, result.output
    assert "Label toxicity, ex/one:" not in result.output
    # Premoderation holds back everything: every ok row is "flagged".
    assert re.search(r"^  all sources\s+3/3 .*\s3/3\s+100\.0%", result.output, re.M)


@pytest.mark.parametrize(
    ("lines", "args", "message"),
    [
        (['{"text": "hi", "label": "ok"}'], ["--label", "insult"], "gives no 'insult' score"),
        (['{"text": "hi", "label": "nice"}'], [], "bad.jsonl:1: label must be 'toxic' or 'ok'"),
        (["", "not json"], [], "bad.jsonl:2: not a labelled row"),
        ([""], [], "no labelled rows"),
    ],
)
def test_calibrate_command_refuses_bad_input(runner, tmp_path, lines, args, message):
    path = tmp_path / "bad.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = runner.invoke(args=["calibrate", str(path), *args])
    assert result.exit_code != 0
    assert message in result.output


def test_calibrate_command_without_a_migrated_database(tmp_path, labelled_files):
    app = create_app(base_config(tmp_path))  # no `flask db upgrade`: no settings table
    result = app.test_cli_runner().invoke(args=["calibrate", *labelled_files])
    with app.app_context():
        db.engine.dispose()
    assert result.exit_code == 0, result.output
    assert "No stored policy could be read" in result.output
    assert "auto mode; thresholds: toxicity 0.70; 0 banned" in result.output

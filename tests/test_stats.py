"""The statistics page: figures checked against a fixture built with known timestamps."""

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from kindness_challenge.core.lifecycle import Actor, move
from kindness_challenge.extensions import db
from kindness_challenge.insights.stats import (
    LabelAgreement,
    ModeratorDecisions,
    QueueDay,
    collect,
    format_duration,
    percentile,
)
from kindness_challenge.models import (
    ActorKind,
    Moderator,
    ReviewKind,
    State,
    Submission,
    utcnow,
)

from conftest import ModeratorActions
from history import add_submission, at, decide, flagged, route

NOW = datetime(2025, 3, 10, 12, 0, tzinfo=UTC)


def build_fixture(session, shift: timedelta = timedelta(0)):
    """Known submissions, routings and decisions around 4-10 March 2025 (shifted by ``shift``).

    In review before the period: s0. 8 March: s1 auto-published; s2 flagged (toxicity),
    approved by ana after 10 min; s3 flagged (toxicity, insult), rejected by bob after 20 min.
    9 March: s4 suspect phrase, rejected by ana after 60 min; s5 banned, rejected at once;
    s6 flagged, still in review. 10 March: s7 pending.
    """

    def t(day, hour, minute=0, second=0):
        return at(day, hour, minute, second) + shift

    ana = Moderator(username="ana", password_hash="x", role="moderator")
    bob = Moderator(username="bob", password_hash="x", role="moderator")
    session.add_all([ana, bob])
    session.flush()

    s0 = add_submission(session, t(1, 9))
    flagged(session, s0, t(1, 9, 1))
    s1 = add_submission(session, t(8, 9))
    route(session, s1, State.published, t(8, 9, 1), "scored below every threshold")
    s2 = add_submission(session, t(8, 9))
    flagged(session, s2, t(8, 9, 0, 30))
    decide(session, s2, ana, True, t(8, 9, 10, 30))
    s3 = add_submission(session, t(8, 10))
    flagged(session, s3, t(8, 10), "toxicity,insult")
    decide(session, s3, bob, False, t(8, 10, 20))
    s4 = add_submission(session, t(9, 8))
    route(session, s4, State.needs_review, t(9, 8), "suspect phrase: 'loser'", "suspect_word")
    decide(session, s4, ana, False, t(9, 9))
    s5 = add_submission(session, t(9, 8, 30))
    route(session, s5, State.rejected, t(9, 8, 30), "banned phrase: 'xx'")
    s6 = add_submission(session, t(9, 9))
    flagged(session, s6, t(9, 9, 5))
    add_submission(session, t(10, 11))
    session.commit()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def any_app(request):
    """The same figures on SQLite and on PostgreSQL."""
    return request.getfixturevalue("app" if request.param == "sqlite" else "pg_app")


def test_figures_of_a_known_week(any_app):
    with any_app.app_context():
        build_fixture(db.session)
        stats = collect(db.session, 7, now=NOW)

    assert (stats.period.first, stats.period.last) == (date(2025, 3, 4), date(2025, 3, 10))
    per_day = {d.day.day: {k: v for k, v in d.counts.items() if v} for d in stats.per_day}
    assert per_day == {
        4: {},
        5: {},
        6: {},
        7: {},
        8: {"published_classifier": 1, "published_moderator": 1, "rejected": 1},
        9: {"rejected": 2, "needs_review": 1},
        10: {"pending": 1},
    }
    assert stats.submitted == 7

    r = stats.rates
    assert (r.auto_published, r.sent_to_review, r.rejected_at_once, r.routed) == (1, 4, 1, 6)
    assert (r.approved, r.rejected_by_moderator, r.decided) == (1, 2, 3)

    queue = [(q.day.day, q.entered, q.left, q.size) for q in stats.queue]
    assert queue == [
        (4, 0, 0, 1),
        (5, 0, 0, 1),
        (6, 0, 0, 1),
        (7, 0, 0, 1),
        (8, 2, 2, 1),
        (9, 2, 1, 2),
        (10, 0, 0, 2),
    ]

    # Delays of 10, 20 and 60 minutes: median 20 min; p90 by linear interpolation 52 min.
    assert stats.decision_times.count == 3
    assert stats.decision_times.median == 20 * 60
    assert stats.decision_times.p90 == pytest.approx(52 * 60)

    assert stats.per_moderator == [
        ModeratorDecisions("ana", approved=1, rejected=1),
        ModeratorDecisions("bob", approved=0, rejected=1),
    ]
    # Only threshold flags count (s4's suspect phrase does not).
    assert stats.agreement == [
        LabelAgreement("insult", approved=0, rejected=1),
        LabelAgreement("toxicity", approved=1, rejected=1),
    ]
    assert stats.agreement_overall == LabelAgreement("any label", approved=1, rejected=1)
    assert stats.agreement_overall.agreement == 0.5


def test_period_edges_and_an_empty_period(app):
    with app.app_context():
        build_fixture(db.session)
        first_week = collect(db.session, 7, now=at(7, 23, 59))  # 1-7 March
        edge = collect(db.session, 7, now=at(8, 0, 0))  # 2-8 March, s0 (1 March) left out
        empty = collect(db.session, 7, now=at(30, 12))  # 24-30 March
    assert first_week.submitted == 1 and first_week.per_day[0].counts["needs_review"] == 1
    assert first_week.rates.sent_to_review == first_week.rates.routed == 1
    assert [q.size for q in first_week.queue] == [1] * 7
    assert first_week.decision_times.count == 0 and first_week.per_moderator == []

    assert edge.submitted == 3 and edge.queue[0].size == 1 and edge.queue[-1].size == 1
    assert edge.decision_times.count == 2 and edge.decision_times.median == 15 * 60

    assert empty.submitted == 0 and empty.rates.routed == 0 and empty.rates.decided == 0
    assert [q.size for q in empty.queue] == [2] * 7
    assert empty.decision_times.median is None and empty.decision_times.p90 is None
    assert empty.per_moderator == [] and empty.agreement == []
    assert empty.busiest_day is None


def test_undone_decisions_count_as_undone_not_as_decisions(app):
    with app.app_context():
        build_fixture(db.session)
        ana = db.session.scalar(select(Moderator).where(Moderator.username == "ana"))
        s6 = db.session.scalar(
            select(func.max(Submission.id)).where(Submission.state == State.needs_review)
        )
        decide(db.session, s6, ana, False, at(10, 9, 5))  # 24 h after it entered review
        move(
            db.session,
            s6,
            State.rejected,
            State.needs_review,
            Actor(ActorKind.moderator, "ana", ana.id),
            reason="undo",
            now=at(10, 9, 6),
            extra={"review_kind": ReviewKind.undone},
        )
        db.session.commit()
        stats = collect(db.session, 7, now=NOW)
    # The undone rejection is not a decision: not timed, not approved or rejected, but undone.
    assert stats.decision_times.count == 3
    assert stats.decision_times.median == pytest.approx(20 * 60)
    assert stats.per_moderator[0] == ModeratorDecisions("ana", approved=1, rejected=1, undone=1)
    assert stats.rates.decided == 3 and stats.rates.undone == 1
    assert stats.agreement_overall == LabelAgreement("any label", approved=1, rejected=1)
    assert stats.queue[-1] == QueueDay(date(2025, 3, 10), entered=1, left=1, size=2)


@pytest.mark.parametrize(
    ("values", "q", "expected"),
    [([], 0.5, None), ([5], 0.9, 5), ([1, 2, 3, 4], 0.5, 2.5), ([10, 20, 60], 0.9, 52)],
)
def test_percentile_interpolates_between_ranks(values, q, expected):
    assert percentile(values, q) == (None if expected is None else pytest.approx(expected))


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (None, "—"),
        (42, "42 s"),
        (1200, "20 min"),
        (3 * 3600, "3 h"),
        (3 * 3600 + 1200, "3 h 20 min"),
        (50 * 3600, "2 d 2 h"),
    ],
)
def test_format_duration(seconds, text):
    assert format_duration(seconds) == text


def test_stats_page_needs_login(client):
    response = client.get("/moderate/stats")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/moderate/login?next=")


def test_stats_page_shows_charts_and_figures(app, client, moderator):
    # The page counts back from today, so the fixture is moved to end yesterday-ish.
    shift = datetime.combine(utcnow().date(), datetime.min.time(), UTC) - datetime(
        2025, 3, 10, tzinfo=UTC
    )
    with app.app_context():
        build_fixture(db.session, shift)
    page = client.get("/moderate/stats?days=7")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert 'aria-current="page">Last 7 days' in html
    assert html.count('role="img"') == 4
    assert '<title id="chart-per-day-title">Submissions per day, by outcome, last 7 days' in html
    assert "7 submissions: 1 published by the classifier, 1 by a moderator, 1 in review" in html
    assert "median <strong>20 min</strong>" in html and "90th percentile <strong>52 min" in html
    assert '<th scope="row">ana</th><td>1</td><td>1</td><td>2</td>' in html
    assert '<th scope="row">toxicity</th><td>2</td><td>1</td><td>1</td><td>50%</td>' in html
    assert 'href="/moderate/export/decisions.csv"' in html
    assert '<a href="/moderate/stats" aria-current="page">Stats</a>' in html
    # A moderator (not an admin) gets no calibration link.
    assert "/moderate/calibration" not in html


@pytest.mark.parametrize(("query", "days"), [("", 30), ("?days=90", 90), ("?days=12", 30)])
def test_stats_period_selector(client, moderator, query, days):
    html = client.get(f"/moderate/stats{query}").get_data(as_text=True)
    assert f'aria-current="page">Last {days} days' in html


def test_admin_nav_links_to_calibration(app, client):
    admin = ModeratorActions(app, client)
    admin.create("root", role="admin")
    admin.login("root")
    html = client.get("/moderate/stats").get_data(as_text=True)
    assert 'href="/moderate/calibration"' in html

"""CSV exports of decisions and of the published wall."""

import csv
import io
from datetime import UTC, datetime, timedelta

import pytest

from kindness_challenge.core.lifecycle import Actor, move
from kindness_challenge.extensions import db
from kindness_challenge.insights import export
from kindness_challenge.insights.export import csv_cell
from kindness_challenge.models import ActorKind, Moderator, State, Submission

from history import add_submission, decide, flagged, route

WHEN = datetime(2025, 3, 8, 9, 0, tzinfo=UTC)


def rows_of(response) -> list[list[str]]:
    """The rows, read as Excel reads the file: the UTF-8 byte order mark first, then the text."""
    body = response.get_data()
    assert body.startswith(b"\xef\xbb\xbf"), body[:8]
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


def build(app):
    """Two published moments (one featured, one hostile to spreadsheets), one rejection, one
    undone approval, and an item still in review."""
    with app.app_context():
        session = db.session
        ana = Moderator(username="ana", password_hash="x")
        session.add(ana)
        session.flush()
        kind = add_submission(
            session,
            WHEN,
            "Thanks, neighbour, for shovelling our path!",
            display_name="Jo",
            category="received",
            video_url="https://example.org/v/1",
        )
        route(session, kind, State.published, WHEN, "scored below every threshold")
        hostile = add_submission(
            session, WHEN, '=HYPERLINK("http://evil.example","click")', display_name="@sam"
        )
        flagged(session, hostile, WHEN)
        decide(session, hostile, ana, True, WHEN + timedelta(minutes=3))
        rude = add_submission(session, WHEN, "rude words")
        flagged(session, rude, WHEN)
        move(
            session,
            rude,
            State.needs_review,
            State.rejected,
            Actor(ActorKind.moderator, "ana", ana.id),
            reason="rejected: unkind — +1 for kindness",
            public_note="-It is unkind or hurtful towards someone.",
            now=WHEN + timedelta(minutes=4),
        )
        undone = add_submission(session, WHEN, "second thoughts")
        flagged(session, undone, WHEN)
        decide(session, undone, ana, True, WHEN + timedelta(minutes=5))
        move(
            session,
            undone,
            State.published,
            State.needs_review,
            Actor(ActorKind.moderator, "ana", ana.id),
            reason="undo: the published decision was withdrawn",
            now=WHEN + timedelta(minutes=6),
        )
        session.get(Submission, kind).featured_at = WHEN + timedelta(hours=1)
        session.commit()
        return kind, hostile, rude, undone


@pytest.mark.parametrize("path", ["/moderate/export/decisions.csv", "/moderate/export/wall.csv"])
def test_exports_need_login(client, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/moderate/login?next=")


def test_decisions_csv(app, client, moderator):
    kind, hostile, rude, undone = build(app)
    response = client.get("/moderate/export/decisions.csv")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert response.is_streamed
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith('attachment; filename="kindness-decisions-')
    assert disposition.endswith('.csv"')
    assert response.headers["Cache-Control"] == "no-store"
    rows = rows_of(response)
    assert rows[0] == [
        "when_utc",
        "moderator",
        "submission_id",
        "from_state",
        "to_state",
        "reason",
        "public_note",
    ]
    assert rows[1:] == [
        [
            "2025-03-08T09:03:00+00:00",
            "ana",
            str(hostile),
            "needs_review",
            "published",
            "approved by a moderator",
            "",
        ],
        [
            "2025-03-08T09:04:00+00:00",
            "ana",
            str(rude),
            "needs_review",
            "rejected",
            "rejected: unkind — +1 for kindness",
            "'-It is unkind or hurtful towards someone.",
        ],
        [
            "2025-03-08T09:05:00+00:00",
            "ana",
            str(undone),
            "needs_review",
            "published",
            "approved by a moderator",
            "",
        ],
        [
            "2025-03-08T09:06:00+00:00",
            "ana",
            str(undone),
            "published",
            "needs_review",
            "undo: the published decision was withdrawn",
            "",
        ],
    ]


def test_wall_csv_guards_against_formulas(app, client, moderator):
    kind, hostile, _, _ = build(app)
    response = client.get("/moderate/export/wall.csv")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert 'filename="kindness-wall-' in response.headers["Content-Disposition"]
    rows = rows_of(response)
    assert rows[0] == [
        "id",
        "published_at_utc",
        "display_name",
        "text",
        "category",
        "video_url",
        "featured",
    ]
    assert rows[1:] == [
        [
            str(kind),
            "2025-03-08T09:00:00+00:00",
            "Jo",
            "Thanks, neighbour, for shovelling our path!",
            "received",
            "https://example.org/v/1",
            "yes",
        ],
        [
            str(hostile),
            "2025-03-08T09:03:00+00:00",
            "'@sam",
            '\'=HYPERLINK("http://evil.example","click")',
            "",
            "",
            "no",
        ],
    ]


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("=1+2", "'=1+2"),
        ("+44 20 7946 0000", "'+44 20 7946 0000"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("a = b", "a = b"),
        ("", ""),
        (None, ""),
        (42, "42"),
        (State.published, "published"),
        (datetime(2025, 3, 8, 9, tzinfo=UTC), "2025-03-08T09:00:00+00:00"),
    ],
)
def test_csv_cell(value, cell):
    assert csv_cell(value) == cell


def test_wall_export_pages_by_key(app, client, moderator, monkeypatch):
    monkeypatch.setattr(export, "PAGE", 2)
    with app.app_context():
        ids = []
        for i in range(5):
            ids.append(add_submission(db.session, WHEN, f"Kind moment {i}"))
            route(db.session, ids[-1], State.published, WHEN, "scored below every threshold")
        db.session.commit()
    rows = rows_of(client.get("/moderate/export/wall.csv"))
    assert [row[0] for row in rows[1:]] == [str(i) for i in ids]
    assert [row[3] for row in rows[1:]] == [f"Kind moment {i}" for i in range(5)]


def test_export_without_byte_order_mark_on_request(app, client, moderator):
    build(app)
    body = client.get("/moderate/export/wall.csv?bom=0").get_data()
    assert body.startswith(b"id,published_at_utc,")


def test_non_ascii_text_survives_the_excel_reading(app, client, moderator):
    """Excel decodes a CSV with a BOM as UTF-8: accents, Arabic and emoji come back whole."""
    text = "Merci, Zoë! شكرا لك 💖👩‍👧"
    with app.app_context():
        moment = add_submission(db.session, WHEN, text)
        route(db.session, moment, State.published, WHEN, "scored below every threshold")
        db.session.commit()
    rows = rows_of(client.get("/moderate/export/wall.csv"))
    assert rows[0][0] == "id" and rows[1][3] == text

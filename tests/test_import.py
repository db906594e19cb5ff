"""``flask import``: JSON Lines, CSV with a column mapping and TikTok Research API responses
become pending moments, scored and routed exactly like shared ones; bad rows are reported with
their lines; a second import of the same file adds nothing; a crash leaves nothing behind."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kindness_challenge.core import policy_store
from kindness_challenge.core.accounts import create_moderator
from kindness_challenge.extensions import db
from kindness_challenge.models import ImportRefusal, State, Submission, Transition
from kindness_challenge.participate.import_formats import Mapping
from kindness_challenge.participate.importing import ImportOptions, import_files

from conftest import make_app, score_all, submit

KIND = "Thank you for cheering me on today!"
TOXIC = "You are a stupid worthless idiot and everyone hates you"


def imported(app, **where):
    with app.app_context():
        query = select(Submission).where(Submission.source.is_not(None)).order_by(Submission.id)
        for key, value in where.items():
            query = query.where(getattr(Submission, key) == value)
        rows = db.session.scalars(query).all()
        db.session.expunge_all()
        return rows


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    return path


def test_jsonl_rows_become_pending_moments_and_a_second_import_adds_nothing(app, runner, tmp_path):
    rows = [
        {"id": "ig-1", "text": KIND, "author": "@ana", "created": "2026-11-30T10:00:00Z"},
        {"id": "ig-2", "text": "You made my week, neighbour.", "author": "Ben"},
        {"id": 3, "text": "Kindness is contagious 💗"},
    ]
    path = write(tmp_path, "export.jsonl", "\n".join(json.dumps(r) for r in rows) + "\n")
    result = runner.invoke(args=["import", str(path), "--source", "instagram"])
    assert result.exit_code == 0, result.output
    assert "Read 3 rows: 3 imported, 0 duplicates, 0 refused." in result.output
    stored = imported(app)
    assert [(s.source, s.source_id, s.display_name) for s in stored] == [
        ("instagram", "ig-1", "@ana"),
        ("instagram", "ig-2", "Ben"),
        ("instagram", "3", "someone on instagram"),
    ]
    assert all(s.state is State.pending for s in stored)
    assert stored[0].source_created_at.isoformat() == "2026-11-30T10:00:00+00:00"
    with app.app_context():
        first = db.session.scalars(
            select(Transition).where(Transition.submission_id == stored[0].id)
        ).one()
        assert (first.to_state, first.reason) == (State.pending, "imported from instagram")

    again = runner.invoke(args=["import", str(path), "--source", "instagram"])
    assert again.exit_code == 0, again.output
    assert "Read 3 rows: 0 imported, 3 duplicates, 0 refused." in again.output
    assert len(imported(app)) == 3


def test_csv_with_a_column_mapping(app, runner, tmp_path):
    path = write(
        tmp_path,
        "walls.csv",
        "post_id,message,user,posted,url\n"
        f'p1,"{KIND}",@cara,2026-12-01 09:30,https://www.tiktok.com/@cara/video/7311111111111111111\n'
        'p2,"Two lines,\nwith a comma",dev,,\n',
    )
    args = ["import", str(path), "--source", "walls-io", "--text", "message", "--author", "user"]
    args += ["--created", "posted", "--link", "url", "--id", "post_id"]
    result = runner.invoke(args=args)
    assert result.exit_code == 0, result.output
    assert "Read 2 rows: 2 imported" in result.output
    first, second = imported(app)
    assert first.source_url == "https://www.tiktok.com/@cara/video/7311111111111111111"
    assert first.source_created_at.isoformat() == "2026-12-01T09:30:00+00:00"
    assert (second.text, second.display_name, second.source_url) == (
        "Two lines,\nwith a comma",
        "dev",
        None,
    )


def test_csv_naming_a_column_that_is_not_there_stores_nothing(app, runner, tmp_path):
    path = write(tmp_path, "x.csv", "text,who\nhello there,me\n")
    result = runner.invoke(args=["import", str(path), "--source", "x", "--author", "user"])
    assert result.exit_code != 0
    assert "no such column: --author 'user'" in result.output
    assert imported(app) == []


VIDEOS = {
    "data": {
        "videos": [
            {
                "id": 7300000000000000001,
                "username": "kindcreator",
                "video_description": "Paying it forward at the bakery #createkindness",
                "create_time": 1764000000,
                "region_code": "GB",
                "hashtag_names": ["createkindness"],
            },
            {
                "id": 7300000000000000002,
                "username": "longwriter",
                "video_description": "x" * 600,
                "create_time": 1764000100,
                "hashtag_names": ["createkindness"],
            },
        ],
        "cursor": 2,
        "has_more": False,
        "search_id": "7201388525814961198",
    },
    "error": {"code": "ok", "message": "", "log_id": "20261201000000"},
}
COMMENTS = {
    "data": {
        "comments": [
            {
                "id": 7400000000000000001,
                "video_id": 7300000000000000001,
                "text": "This made me smile, thank you",
                "like_count": 3,
                "reply_count": 0,
                "parent_comment_id": 7300000000000000001,
                "create_time": 1764000500,
            },
            {
                "id": 7400000000000000002,
                "video_id": 7399999999999999999,
                "text": "",
                "like_count": 0,
                "reply_count": 0,
                "parent_comment_id": 7399999999999999999,
                "create_time": 1764000600,
            },
        ],
        "cursor": 2,
        "has_more": False,
    },
    "error": {"code": "ok", "message": "", "log_id": "20261201000001"},
}


def test_tiktok_research_api_video_and_comment_responses(app, runner, tmp_path):
    videos = write(tmp_path, "videos.json", json.dumps(VIDEOS, indent=2))
    comments = write(tmp_path, "comments.json", json.dumps(COMMENTS, indent=2))
    result = runner.invoke(args=["import", str(videos), str(comments)])
    assert result.exit_code == 0, result.output
    assert "Read 4 rows: 2 imported, 0 duplicates, 2 refused." in result.output
    # The line each refused row starts on in the pretty-printed files.
    video_lines = json.dumps(VIDEOS, indent=2).splitlines()
    long_line = next(i for i, line in enumerate(video_lines, 1) if '"longwriter"' in line) - 2
    comment_lines = json.dumps(COMMENTS, indent=2).splitlines()
    empty_line = next(i for i, line in enumerate(comment_lines, 1) if '"text": ""' in line) - 3
    assert f"videos.json:{long_line}: too long — 600 characters; at most 500" in result.output
    assert f"comments.json:{empty_line}: empty text" in result.output
    video, comment = imported(app)
    assert (video.source, video.source_id, video.display_name) == (
        "tiktok",
        "7300000000000000001",
        "@kindcreator",
    )
    assert video.text == "Paying it forward at the bakery #createkindness"
    assert video.source_url == "https://www.tiktok.com/@kindcreator/video/7300000000000000001"
    # A comment names no author; it links to its video, imported in the same run.
    assert comment.display_name == "a TikTok commenter"
    assert comment.source_url == video.source_url
    assert comment.source_created_at.timestamp() == 1764000500


def test_tiktok_pages_saved_as_json_lines(app, tmp_path):
    pages = [COMMENTS, {"data": {"comments": [], "cursor": 2, "has_more": False}}]
    path = write(tmp_path, "pages.jsonl", "\n".join(json.dumps(p) for p in pages))
    with app.app_context():
        summary = import_files(db.session, [path], ImportOptions())
    assert (summary.read, summary.imported, summary.refused[ImportRefusal.empty]) == (2, 1, 1)
    assert [p.line for p in summary.problems] == [1]
    (comment,) = imported(app)
    assert comment.source_url is None  # its video was not imported: no link is made up


def test_bad_rows_are_reported_with_their_lines_and_skipped(app, runner, tmp_path):
    lines = [
        json.dumps({"id": "a", "text": KIND}),  # 1: fine
        json.dumps({"id": "b", "text": "   "}),  # 2: empty
        json.dumps({"id": "c", "text": "k" * 600}),  # 3: too long
        '{"id": "d", "text": "caf\xe9 au lait"}',  # 4: not UTF-8 (Latin-1 é)
        json.dumps({"id": "e", "body": "no text field"}),  # 5: missing field
        '{"id": "f", "text": ',  # 6: not JSON
        "",  # 7: blank: not a row
        json.dumps({"id": "g", "text": "hidden \u202e override"}),  # 8: text not accepted
        json.dumps({"id": "h", "text": "Grateful for you", "link": "javascript:alert(1)"}),  # 9
        json.dumps({"id": "i", "text": "When?", "created": "last tuesday"}),  # 10: date
        json.dumps({"id": "j", "text": "You are wonderful"}),  # 11: fine
    ]
    data = b"\n".join(
        line.encode("latin-1" if number == 4 else "utf-8")
        for number, line in enumerate(lines, start=1)
    )
    path = write(tmp_path, "mixed.jsonl", data)
    result = runner.invoke(args=["import", str(path), "--source", "forum"])
    assert result.exit_code == 0, result.output
    assert "Read 10 rows: 2 imported, 0 duplicates, 8 refused." in result.output
    for expected in (
        "mixed.jsonl:2: empty text",
        "mixed.jsonl:3: too long — 600 characters; at most 500",
        "mixed.jsonl:4: invalid encoding (not UTF-8)",
        "mixed.jsonl:5: missing field — text ('text')",
        "mixed.jsonl:6: not a readable row",
        "mixed.jsonl:8: text not accepted",
        "mixed.jsonl:9: link not accepted",
        "mixed.jsonl:10: date not readable",
    ):
        assert expected in result.output
    assert [s.source_id for s in imported(app)] == ["a", "j"]


def test_a_crash_part_way_leaves_nothing_behind(app, tmp_path):
    rows = "\n".join(json.dumps({"id": n, "text": f"Kind moment number {n}"}) for n in range(50))
    path = write(tmp_path, "big.jsonl", rows)

    def crash_after_twenty(items):
        for count, item in enumerate(items):
            if count == 20:
                raise KeyboardInterrupt  # Ctrl-C, or the process dying, part-way
            yield item

    with app.app_context():
        with pytest.raises(KeyboardInterrupt):
            import_files(db.session, [path], ImportOptions(source="x"), progress=crash_after_twenty)
        assert db.session.scalar(select(func.count()).select_from(Submission)) == 0
        summary = import_files(db.session, [path], ImportOptions(source="x"))
        assert summary.imported == 50


def test_a_dry_run_stores_nothing(app, runner, tmp_path):
    path = write(tmp_path, "a.jsonl", json.dumps({"id": 1, "text": KIND}))
    result = runner.invoke(args=["import", str(path), "--source", "x", "--dry-run"])
    assert "Read 1 rows: 1 imported" in result.output and "nothing was stored" in result.output
    assert imported(app) == []


def test_rows_without_ids_are_known_by_their_content(app, tmp_path):
    path = write(tmp_path, "noids.csv", f'text,author\n"{KIND}",@a\n"{KIND}",@b\n')
    options = ImportOptions(source="sheet")
    with app.app_context():
        first = import_files(db.session, [path], options)
        second = import_files(db.session, [path], options)
    assert (first.imported, second.imported, second.duplicates) == (2, 0, 2)


def test_imported_rows_are_routed_exactly_like_shared_ones(app, client, runner, tmp_path):
    """The same texts shared through the form and imported end in the same states, for the same
    reasons: a flagged import waits in review, a banned phrase is rejected, a link is held,
    and only what passes the policy reaches the wall."""
    with app.app_context():
        admin = create_moderator(db.session, "admin", "a-long-kind-password", "admin")
        policy_store.add_word(db.session, admin, "banned", "pineapple pizza", None)
    texts = [
        KIND,
        TOXIC,
        "I love pineapple pizza and you",
        "See my thanks at https://example.org/thanks",
    ]
    for text in texts:
        assert submit(client, text=text).status_code == 302
    path = write(
        tmp_path,
        "same.jsonl",
        "\n".join(json.dumps({"id": i, "text": t}) for i, t in enumerate(texts)),
    )
    assert runner.invoke(args=["import", str(path), "--source", "tiktok-export"]).exit_code == 0
    score_all(app)
    with app.app_context():
        rows = db.session.scalars(select(Submission).order_by(Submission.id)).all()
        shared = [(s.state, s.review_kind, s.state_reason) for s in rows if s.source is None]
        imports = [(s.state, s.review_kind, s.state_reason) for s in rows if s.source]
        db.session.expunge_all()
    assert imports == shared
    assert [state for state, _, _ in imports] == [
        State.published,
        State.needs_review,
        State.rejected,
        State.needs_review,
    ]
    wall = client.get("/").get_data(as_text=True)
    assert TOXIC not in wall and "pineapple" not in wall
    assert wall.count(KIND) == 2
    assert wall.count("Imported from tiktok-export") == 1


def test_the_wall_labels_an_imported_moment_and_links_its_original(app, client, runner, tmp_path):
    videos = {"data": {"videos": [VIDEOS["data"]["videos"][0]]}}
    path = write(tmp_path, "v.json", json.dumps(videos))
    result = runner.invoke(args=["import", str(path), "--score"])
    assert "Scored 1: 1 published" in result.output, result.output
    (video,) = imported(app)
    page = client.get(f"/moment/{video.id}").get_data(as_text=True)
    assert "Imported from TikTok" in page
    assert 'href="https://www.tiktok.com/@kindcreator/video/7300000000000000001"' in page
    body = client.get(f"/api/v1/moments/{video.id}").get_json()
    assert body["imported_from"] == {"source": "tiktok", "url": video.source_url}


@pytest.mark.postgres
def test_import_and_reimport_on_postgres(pg_app, tmp_path):
    path = write(tmp_path, "v.json", json.dumps(VIDEOS))
    with pg_app.app_context():
        first = import_files(db.session, [path], ImportOptions())
        second = import_files(db.session, [path], ImportOptions())
    assert (first.imported, first.refused_total, second.imported, second.duplicates) == (
        1,
        1,
        0,
        1,
    )


def test_the_mapping_names_fields_of_json_lines(app, tmp_path):
    path = write(tmp_path, "m.jsonl", json.dumps({"msg": KIND, "who": "Eve", "pk": "9"}))
    options = ImportOptions(
        source="x", mapping=Mapping(text="msg", author="who", id="pk", explicit=frozenset())
    )
    with app.app_context():
        assert import_files(db.session, [path], options).imported == 1
    (row,) = imported(app)
    assert (row.text, row.display_name, row.source_id) == (KIND, "Eve", "9")


@pytest.mark.slow
def test_imports_meet_the_language_and_kindness_rules_like_shared_ones(tmp_path):
    """With the embedded default (the kindness rule on): an imported moment in German (a
    language it does not claim), a neutral one and an insult go where the same shared moments
    go, for the same reasons."""
    app = make_app(tmp_path, CLASSIFIER="embedded", SCORE_KINDNESS=True)
    client = app.test_client()
    texts = [
        "Thank you so much for helping me carry my groceries today, you made my whole week!",
        "The bus was ten minutes late this morning.",
        "You are a pathetic idiot and nobody likes you.",
        "Vielen Dank für deine Hilfe gestern Abend, du bist wirklich ein wunderbarer Mensch!",
    ]
    for number, text in enumerate(texts):
        assert submit(client, text=text, name=f"@p{number}").status_code == 302
    path = write(
        tmp_path,
        "x.jsonl",
        "\n".join(json.dumps({"id": i, "text": t}) for i, t in enumerate(texts)),
    )
    with app.app_context():
        assert import_files(db.session, [path], ImportOptions(source="x")).imported == 4
    score_all(app)
    with app.app_context():
        rows = db.session.scalars(select(Submission).order_by(Submission.id)).all()
        shared = [(s.state, s.review_kind, s.language) for s in rows if s.source is None]
        imports = [(s.state, s.review_kind, s.language) for s in rows if s.source]
        db.engine.dispose()
    assert imports == shared
    assert [kind for _, kind, _ in imports] == [None, "not_kind", "threshold", "language"]


def test_a_json_list_of_rows_and_a_csv_row_with_too_many_columns(app, tmp_path):
    listing = write(
        tmp_path,
        "list.json",
        json.dumps([{"id": "a", "text": KIND}, {"id": "b"}, "not an object"], indent=1),
    )
    table = write(tmp_path, "t.csv", f'id,text\n1,"{KIND}"\n2,"one",extra\n\n3,"You rock"\n')
    with app.app_context():
        summary = import_files(db.session, [listing, table], ImportOptions(source="mixed"))
    assert [str(p) for p in summary.problems] == [
        "list.json:6: missing field — text ('text')",
        "list.json:9: not a readable row — not an object",
        "t.csv:3: not a readable row — 3 columns where the header has 2",
    ]
    assert [s.source_id for s in imported(app)] == ["a", "1", "3"]

"""The public wall: key pagination, the featured row, the category filter, the running count,
the event display, the Atom feed and the permalink's share tags."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from xml.etree import ElementTree as ET

import pytest
from sqlalchemy import event, update

from kindness_challenge.core.lifecycle import move
from kindness_challenge.core.wall_queries import Cursor, featured_query, wall_page, wall_query
from kindness_challenge.extensions import db
from kindness_challenge.models import State, Submission, utcnow
from kindness_challenge.wall.counts import CountCache
from kindness_challenge.wall.display import size_class

from conftest import make_app
from helpers import CLASSIFIER, add_moment, card_ids, wall_section

ATOM = "{http://www.w3.org/2005/Atom}"


def older_link(page: str) -> str | None:
    found = re.search(r'<a class="button button-secondary" rel="next" href="([^"]+)"', page)
    return html.unescape(found.group(1)) if found else None


def follow_wall(client, url: str = "/") -> list[list[int]]:
    pages = []
    while url:
        response = client.get(url)
        assert response.status_code == 200, url
        page = response.get_data(as_text=True)
        pages.append(card_ids(wall_section(page)) if "newest first" in page else [])
        url = older_link(page)
        assert len(pages) < 50
    return pages


@pytest.fixture
def small_app(tmp_path):
    app = make_app(tmp_path, WALL_PAGE_SIZE=3, WALL_COUNT_CACHE_SECONDS=0)
    yield app
    with app.app_context():
        db.engine.dispose()


# --- pagination, featured, category ---------------------------------------------------------


def test_wall_is_newest_first_by_key_pages_with_nothing_missing_or_twice(small_app):
    published = [add_moment(small_app, f"Kind moment {i}", minutes_ago=100 - i) for i in range(8)]
    for state in (State.pending, State.needs_review, State.rejected):
        add_moment(small_app, f"Hidden {state.value}", state=state)
    pages = follow_wall(small_app.test_client())
    assert [len(p) for p in pages] == [3, 3, 2]
    assert [i for p in pages for i in p] == list(reversed(published))


def test_moments_published_in_the_same_instant_are_ordered_by_id(small_app):
    ids = [add_moment(small_app, f"Same instant {i}") for i in range(5)]
    with small_app.app_context():
        same = utcnow()
        db.session.execute(update(Submission).values(published_at=same))
        db.session.commit()
        first, cursor = wall_page(db.session, 2)
        rest, _ = wall_page(db.session, 10, cursor)
    assert [m.id for m in first + rest] == sorted(ids, reverse=True)


def test_category_filter_keeps_to_its_category_across_pages(small_app):
    gave = [
        add_moment(small_app, f"I gave {i}", category="gave", minutes_ago=50 - i) for i in range(5)
    ]
    add_moment(small_app, "Someone thanked me", category="received")
    add_moment(small_app, "No category")
    client = small_app.test_client()
    pages = follow_wall(client, "/?category=gave")
    assert [i for p in pages for i in p] == list(reversed(gave))
    first = client.get("/?category=gave").get_data(as_text=True)
    assert "category=gave" in older_link(first)
    assert 'href="/?category=gave" aria-current="page"' in first
    assert "Someone thanked me" not in first and "No category" not in first

    empty = client.get("/?category=inspiring").get_data(as_text=True)
    assert "Nothing here yet" in empty and card_ids(empty) == []


@pytest.mark.parametrize("category", ["nope", "GAVE", "<script>"])
def test_unknown_category_is_400_with_a_message(small_app, category):
    response = small_app.test_client().get("/", query_string={"category": category})
    assert response.status_code == 400
    assert "There is no such category" in response.get_data(as_text=True)


def test_featured_row_newest_featured_first_on_the_first_page_only(small_app):
    plain = add_moment(small_app, "Plain one", minutes_ago=1)
    old_feature = add_moment(
        small_app, "Featured long ago", minutes_ago=30, featured_minutes_ago=20, category="gave"
    )
    new_feature = add_moment(
        small_app, "Featured just now", minutes_ago=40, featured_minutes_ago=1, category="received"
    )
    hidden = add_moment(small_app, "Featured then taken down", featured_minutes_ago=0)
    with small_app.app_context():
        move(db.session, hidden, State.published, State.needs_review, CLASSIFIER)
        db.session.commit()
    for i in range(8):
        add_moment(small_app, f"Filler {i}", minutes_ago=60 + i, featured_minutes_ago=30 + i)

    client = small_app.test_client()
    first = client.get("/").get_data(as_text=True)
    row = card_ids(first, "featured")
    assert row[:2] == [new_feature, old_feature]
    assert len(row) == 6 and plain not in row and hidden not in row
    assert "Featured moments" in first
    # Each moment once (issue 15): the featured row's moments are not in the wall below it,
    # on this page or the next; older featured moments past the row are.
    wall = card_ids(wall_section(first))
    assert wall[0] == plain and not set(wall) & set(row)
    ids = re.findall(r'\sid="([^"]+)"', first)
    assert len(set(ids)) == len(ids)

    second = client.get(older_link(first)).get_data(as_text=True)
    assert card_ids(second, "featured") == [] and "Featured moments" not in second
    later = card_ids(wall_section(second))
    assert later and not set(later) & set(row + wall)
    more = client.get(older_link(first).replace("/?", "/wall/more?")).get_data(as_text=True)
    assert card_ids(more) == later
    # The category filter applies to the featured row too.
    assert card_ids(client.get("/?category=gave").get_data(as_text=True), "featured") == [
        old_feature
    ]


def test_load_more_fragment_is_the_next_page(small_app):
    for i in range(7):
        add_moment(small_app, f"Moment {i}", minutes_ago=10 - i)
    client = small_app.test_client()
    first = client.get("/").get_data(as_text=True)
    fragment_url = html.unescape(re.search(r'data-load-more="([^"]+)"', first).group(1))
    assert fragment_url.startswith("/wall/more?after=")
    fragment = client.get(fragment_url)
    assert fragment.status_code == 200
    body = fragment.get_data(as_text=True)
    assert "<html" not in body and "site-header" not in body
    second = client.get(older_link(first)).get_data(as_text=True)
    assert card_ids(body) == card_ids(wall_section(second))
    following = re.search(r'<a data-next href="([^"]+)" data-load-more="([^"]+)"', body)
    assert html.unescape(following.group(1)) == older_link(second)
    # Hearts on fragment cards come back to the wall page, not to the fragment.
    assert 'name="back" value="/?after=' in body
    last = client.get(html.unescape(following.group(2))).get_data(as_text=True)
    assert len(card_ids(last)) == 1 and "data-next" not in last


def test_card_shows_every_public_field(small_app):
    moment = add_moment(
        small_app,
        "She stayed late to help me <practise> & laugh",
        name="@ana",
        for_whom="my piano teacher",
        category="received",
        video_url="https://www.tiktok.com/@ana/video/7234567890",
        hearts=7,
    )
    page = small_app.test_client().get("/").get_data(as_text=True)
    card = page[page.index(f'id="moment-{moment}"') :]
    card = card[: card.index("</article>")]
    assert "She stayed late to help me &lt;practise&gt; &amp; laugh" in card
    assert "— <bdi>@ana</bdi>" in card  # bdi: a right-to-left name keeps its own direction
    assert 'for <bdi dir="auto">my piano teacher</bdi>' in card
    assert '<blockquote class="moment-text" dir="auto">' in card
    assert "A kind comment I received" in card
    assert 'href="https://www.tiktok.com/@ana/video/7234567890"' in card
    assert re.search(r'<time datetime="[^"]+">\w{3} \d{1,2}, \d{4}</time>', card)  # Babel
    assert '<span class="heart-count">7</span>' in card and " hearts</span>" in card


# --- speed at scale: indexes, no OFFSET, no per-card queries ---------------------------------


def _plan(session, query) -> str:
    """SQLite's plan for a query (parameters do not change the plan, so all are NULL)."""
    compiled = query.compile(dialect=session.get_bind().dialect)
    params = tuple(None for _ in compiled.positiontup)
    rows = session.connection().exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}", params).all()
    return " | ".join(row[-1] for row in rows)


@pytest.mark.parametrize(
    "query, index",
    [
        (wall_query(), "ix_submission_wall"),
        (wall_query(Cursor(utcnow(), 5)), "ix_submission_wall"),
        (wall_query(Cursor(utcnow(), 5), "gave"), "ix_submission_wall"),
        (featured_query(), "ix_submission_featured"),
        (featured_query("gave"), "ix_submission_featured"),
    ],
)
def test_wall_queries_walk_an_index_in_order(small_app, query, index):
    with small_app.app_context():
        plan = _plan(db.session, query.limit(21))
    assert f"USING INDEX {index}" in plan, plan
    assert "TEMP B-TREE" not in plan, plan  # no sort of the whole table
    assert "OFFSET" not in str(query.limit(21)).upper()


def test_wall_page_costs_the_same_number_of_queries_for_3_or_20_cards(tmp_path):
    app = make_app(tmp_path, WALL_PAGE_SIZE=20)

    def statements_for_wall() -> int:
        client = app.test_client()
        client.post("/moment/1/heart")  # a visitor with a cookie and a heart
        statements = []
        listener = lambda *args: statements.append(args[2])  # noqa: E731
        with app.app_context():
            event.listen(db.engine, "before_cursor_execute", listener)
        try:
            assert client.get("/").status_code == 200
        finally:
            with app.app_context():
                event.remove(db.engine, "before_cursor_execute", listener)
        return len(statements)

    for i in range(3):
        add_moment(app, f"Few {i}", featured_minutes_ago=i, category="gave")
    few = statements_for_wall()
    for i in range(30):
        add_moment(app, f"Many {i}", featured_minutes_ago=i, category="gave", for_whom="you")
    assert statements_for_wall() == few <= 6
    with app.app_context():
        db.engine.dispose()


# --- the running count -----------------------------------------------------------------------


def test_count_cache_counts_new_publications_at_once_and_recounts_when_it_expires(app):
    clock = [0.0]
    cache = CountCache(ttl=10, clock=lambda: clock[0])
    statements = []
    listener = lambda *args: statements.append(args[2])  # noqa: E731
    add_moment(app, "One", minutes_ago=10)
    older = add_moment(app, "Two", minutes_ago=5)
    with app.app_context():
        session = db.session
        event.listen(db.engine, "before_cursor_execute", listener)
        try:
            assert cache.published(session) == 2
            statements.clear()
            assert cache.published(session) == 2  # cached: only the newest-key seek
            assert len(statements) == 1 and "count" not in statements[0].lower()

            move(session, older, State.published, State.needs_review, CLASSIFIER)
            session.commit()
            assert cache.published(session) == 2  # a take-down waits for the recount

            add_moment(app, "Three")
            add_moment(app, "Four")
            statements.clear()
            assert cache.published(session) == 4  # 2 cached + 2 new, counted by index range
            assert any(">" in s and "count" in s.lower() for s in statements)

            clock[0] = 11.0  # expired: a full recount, with the take-down
            assert cache.published(session) == 3
        finally:
            event.remove(db.engine, "before_cursor_execute", listener)


def test_hearts_total_is_reused_until_it_expires(app):
    clock = [0.0]
    cache = CountCache(ttl=10, clock=lambda: clock[0])
    add_moment(app, "Loved", hearts=3)
    add_moment(app, "Hidden", hearts=100, state=State.needs_review)
    with app.app_context():
        assert cache.hearts(db.session) == 3
        db.session.execute(update(Submission).values(heart_count=Submission.heart_count + 1))
        db.session.commit()
        assert cache.hearts(db.session) == 3
        clock[0] = 10.5
        assert cache.hearts(db.session) == 4


def test_running_count_on_the_wall_shows_a_new_publication_at_once(tmp_path):
    app = make_app(tmp_path, WALL_COUNT_CACHE_SECONDS=3600)
    client = app.test_client()

    def shown() -> str:
        page = client.get("/").get_data(as_text=True)
        return re.search(r"<strong>([\d,]+)</strong> kind moments? shared so far", page).group(1)

    assert shown() == "0"
    add_moment(app, "First kind moment")
    assert shown() == "1"
    for i in range(3):
        add_moment(app, f"Kind moment {i}")
    assert shown() == "4"
    with app.app_context():
        db.engine.dispose()


# --- permalink, display, feed ----------------------------------------------------------------


class _Meta(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "meta" and ("property" in attributes or "name" in attributes):
            key = attributes.get("property") or attributes["name"]
            self.meta[key] = attributes.get("content", "")


def test_permalink_has_complete_share_tags(small_app):
    moment = add_moment(
        small_app, 'A "kind" <moment> & more ' + "kind words " * 30, name="@ana", for_whom="Gran"
    )
    page = small_app.test_client().get(f"/moment/{moment}").get_data(as_text=True)
    parser = _Meta()
    parser.feed(page)
    meta = parser.meta
    assert meta["og:site_name"] == "#CreateKindness"
    assert meta["og:type"] == "article"
    title = "A kind moment from @ana for Gran #CreateKindness"
    assert meta["og:title"] == meta["twitter:title"] == title
    assert meta["og:description"] == meta["twitter:description"]
    assert meta["og:description"].startswith('A "kind" <moment> & more kind words')
    assert len(meta["og:description"]) <= 203
    assert meta["og:url"] == f"http://kind.test/moment/{moment}"
    assert meta["twitter:card"] == "summary_large_image"
    card = f"http://kind.test/moment/{moment}/card.png"
    assert meta["og:image"] == meta["twitter:image"] == card
    assert (meta["og:image:width"], meta["og:image:height"]) == ("1200", "630")
    assert meta["og:image:alt"].startswith(title[: -len(" #CreateKindness")])
    assert "<moment>" not in page  # escaped in the page source
    assert "Report this moment" in page and 'class="heart-button"' in page


def test_display_takes_turns_between_featured_and_recent_without_javascript(small_app):
    """One featured moment and three recent ones: the featured one every other turn, each recent
    one once a round (issue 15: with one featured, the other moments never showed)."""
    recent = [add_moment(small_app, f"Recent {n}", minutes_ago=n) for n in range(3)]
    star = add_moment(small_app, "The featured one", minutes_ago=50, featured_minutes_ago=1)
    client = small_app.test_client()
    page = client.get("/display").get_data(as_text=True)
    order = [int(i) for i in re.findall(r'data-moment-id="(\d+)"', page)]
    assert order == [star, recent[0], star, recent[1], star, recent[2]]
    assert re.search(r'<figure class="display-moment display-size-xl" data-index="0"[^>]*>', page)
    assert re.search(r'data-index="1" data-moment-id="\d+" hidden>', page)
    assert '<noscript><meta http-equiv="refresh" content="12;url=/display?at=1"></noscript>' in page
    assert page.count('<p class="display-kind">Featured</p>') == 3
    # No controls: no links, buttons or forms.
    assert not re.search(r"<(a|button|form|input|select|textarea)\b", page)
    assert "4 kind moments shared" in page
    assert '<svg role="img" aria-label="QR code: scan to share your kind moment"' in page
    wrapped = client.get("/display?at=7").get_data(as_text=True)
    assert re.search(r'data-index="1" data-moment-id="\d+">', wrapped)
    assert 'url=/display?at=2"' in wrapped
    assert client.get("/display?at=-1").status_code == 200


def test_display_operator_settings(small_app):
    add_moment(small_app, "Recent one")
    add_moment(small_app, "Featured one", minutes_ago=9, featured_minutes_ago=1)
    client = small_app.test_client()
    page = client.get("/display?seconds=7&recent=0").get_data(as_text=True)
    assert "Featured one" in page and "Recent one" not in page
    assert 'data-rotate-seconds="7"' in page
    # The next page keeps the operator's settings.
    assert "url=/display?at=0&amp;seconds=7&amp;recent=0" in page
    assert 'data-refresh-url="/display?seconds=7&amp;recent=0"' in page
    small_app.config["DISPLAY_SHOW_RECENT"] = False
    assert "Recent one" not in client.get("/display").get_data(as_text=True)
    assert "Recent one" in client.get("/display?recent=1").get_data(as_text=True)
    for bad in ("seconds=2", "seconds=abc", "seconds=601", "recent=yes"):
        response = client.get(f"/display?{bad}")
        assert response.status_code == 400, bad
        assert "must be" in response.get_data(as_text=True)


@pytest.mark.parametrize(
    "text, size",
    [
        ("Thank you!", "xl"),
        ("x" * 140, "l"),
        ("x" * 141, "m"),
        ("x" * 381, "xs"),
        ("中" * 150, "s"),  # wide characters count twice
        ("💖" * 250, "xs"),
    ],
)
def test_display_type_size_follows_the_length(text, size):
    assert size_class(text) == size


def test_display_falls_back_to_the_newest_when_nothing_is_featured(small_app):
    empty = small_app.test_client().get("/display").get_data(as_text=True)
    assert "Kind moments will appear here" in empty
    add_moment(small_app, "Oldest", minutes_ago=5)
    add_moment(small_app, "Newest")
    add_moment(small_app, "Still pending", state=State.pending)
    page = small_app.test_client().get("/display").get_data(as_text=True)
    assert page.index("Newest") < page.index("Oldest") and "Still pending" not in page


def test_atom_feed_is_valid_escaped_and_newest_first(small_app):
    add_moment(small_app, "Older & wiser", minutes_ago=10, name="@old")
    add_moment(
        small_app,
        "<script>alert(1)</script> & <b>bold</b>",
        name='@"q"',
        for_whom="the <team>",
        category="gave",
    )
    add_moment(small_app, "Not yet", state=State.needs_review)
    with small_app.app_context():  # a control character XML cannot carry, stored somehow
        db.session.execute(
            update(Submission)
            .where(Submission.text == "Older & wiser")
            .values(text="Older \x0b& wiser")
        )
        db.session.commit()
    response = small_app.test_client().get("/feed.atom")
    assert response.status_code == 200
    assert response.mimetype == "application/atom+xml"
    raw = response.get_data(as_text=True)
    assert "<script>" not in raw and "&lt;script&gt;alert(1)&lt;/script&gt; &amp;" in raw
    feed = ET.fromstring(response.data)
    assert feed.tag == f"{ATOM}feed"
    assert feed.findtext(f"{ATOM}id") == "http://kind.test/"
    assert feed.findtext(f"{ATOM}title") == "#CreateKindness wall"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", feed.findtext(f"{ATOM}updated"))
    links = {link.get("rel"): link.get("href") for link in feed.findall(f"{ATOM}link")}
    assert links == {"self": "http://kind.test/feed.atom", "alternate": "http://kind.test/"}
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 2
    newest = entries[0]
    assert newest.findtext(f"{ATOM}content") == "<script>alert(1)</script> & <b>bold</b>"
    assert newest.find(f"{ATOM}content").get("type") == "text"
    assert newest.findtext(f"{ATOM}title") == 'A kind moment from @"q", for the <team>'
    assert newest.findtext(f"{ATOM}author/{ATOM}name") == '@"q"'
    assert newest.find(f"{ATOM}category").get("term") == "gave"
    url = newest.findtext(f"{ATOM}id")
    assert re.fullmatch(r"http://kind\.test/moment/\d+", url)
    assert newest.find(f"{ATOM}link").get("href") == url
    assert entries[1].findtext(f"{ATOM}content") == "Older & wiser"
    for entry in entries:
        for field in ("id", "title", "updated", "published", "content"):
            assert entry.findtext(f"{ATOM}{field}"), field
    assert "Not yet" not in raw


def test_atom_feed_holds_the_newest_50(small_app):
    for i in range(53):
        add_moment(small_app, f"Moment {i}", minutes_ago=100 - i)
    feed = ET.fromstring(small_app.test_client().get("/feed.atom").data)
    contents = [e.findtext(f"{ATOM}content") for e in feed.findall(f"{ATOM}entry")]
    assert contents == [f"Moment {i}" for i in range(52, 2, -1)]


def test_every_page_links_the_feed_and_display_mode(small_app):
    page = small_app.test_client().get("/share").get_data(as_text=True)
    assert '<link rel="alternate" type="application/atom+xml"' in page
    assert 'href="/display"' in page and 'href="/feed.atom"' in page


def test_every_card_path_renders_the_one_moment_view(app, client):
    """A card's fields come from MomentView on every path: a field added there shows on `/`, on
    "load more", on the permalink and on the display; none renders from a database row."""
    import re
    from pathlib import Path

    from flask import template_rendered

    from kindness_challenge.wall.snapshot import MomentView

    with app.app_context():
        ids = [add_moment(app, f"Kind moment number {i}") for i in range(3)]
    seen: list[object] = []

    def record(sender, template, context, **extra):
        seen.extend(context.get("moments") or [])
        seen.extend(context.get("featured") or [])
        if "moment" in context:
            seen.append(context["moment"])

    template_rendered.connect(record, app)
    try:
        assert client.get("/").status_code == 200
        assert client.get("/wall/more").status_code == 200
        assert client.get(f"/moment/{ids[0]}").status_code == 200
        assert client.get("/display").status_code == 200
    finally:
        template_rendered.disconnect(record, app)
    assert seen and all(isinstance(m, MomentView) for m in seen), {type(m) for m in seen}
    # Every field the card macro reads exists on MomentView (else it would render blank).
    macros = (Path(__file__).resolve().parents[1] / "templates" / "_macros.html").read_text()
    card = macros[
        macros.index("macro moment_card") : macros.index(
            "endmacro", macros.index("macro moment_card")
        )
    ]
    used = set(re.findall(r"\bmoment\.(\w+)", card))
    assert used and used <= set(MomentView.__dataclass_fields__), used - set(
        MomentView.__dataclass_fields__
    )

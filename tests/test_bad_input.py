"""Bad input always gets a clear answer: accepted and shown escaped, or refused with a message.

Never a 500, never markup from input in a page. The Big List of Naughty Strings goes into every
field of the share form; a table of specific bad inputs checks each message; oversize and
malformed bodies, non-text values, wall cursors and moment ids are covered at the end.
"""

from __future__ import annotations

import html
import io
import json
import re
import unicodedata
from collections import Counter
from html.parser import HTMLParser

import pytest
from markupsafe import escape
from sqlalchemy import select

from kindness_challenge.core.text.input_checks import TextProblem, clean_text
from kindness_challenge.extensions import db
from kindness_challenge.models import State, Submission
from kindness_challenge.participate.submit import hash_receipt_token

from conftest import SHARED_DATA, ModeratorActions, receipt_token, score_all

BLNS_PATH = SHARED_DATA / "blns" / "blns.json"
BLNS: list[str] = json.loads(BLNS_PATH.read_text(encoding="utf-8")) if BLNS_PATH.exists() else []

VALID = {
    "text": "Thank you for cheering me on today!",
    "display_name": "@sam",
    "video_url": "https://www.tiktok.com/@someone/video/7234567890",
    "consent": "y",
    "category": "received",
    # As if "submit for review anyway" was chosen after a kindness nudge.
    "nudge_ack": "1",
}
FIELDS = ("text", "display_name", "video_url", "consent")
RECEIPT_PATH = re.compile(r"^(?:https?://[^/]+)?/receipt/([A-Za-z0-9_-]+)$")
URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction"})
BAD_SCHEMES = ("javascript:", "data:", "vbscript:")

# Every message a field may refuse a value with. A refusal with anything else (a generic
# message, or none) fails: the person must be told what to fix in that field.
FIELD_MESSAGES = {
    "text": [
        r"Please write your kind moment\.",
        r"Keep it to 500 characters or fewer\.",
        r"Your kind moment contains an invisible control character \(U\+[0-9A-F]{4,6}[^)]*\); "
        r"please remove it\.",
        r"Your kind moment contains a text-direction override \(U\+[0-9A-F]{4,6}[^)]*\)",
        r"Your kind moment contains a character that is not meant for text \(U\+",
        r"Your kind moment contains a broken character; please retype it\.",
        r"Your kind moment has no visible characters\.",
        r"Your kind moment has a character stacked with more than 32 marks; please remove some\.",
    ],
    "display_name": [
        r"Please give a name or @handle to show with your moment\.",
        r"Keep the name to 40 characters or fewer\.",
        r"Display name or @handle must be on a single line\.",
        r"Display name or @handle contains an invisible control character \(U\+",
        r"Display name or @handle contains a text-direction override \(U\+",
        r"Display name or @handle contains a character that is not meant for text \(U\+",
        r"Display name or @handle contains a broken character; please retype it\.",
        r"Display name or @handle has no visible characters\.",
        r"Display name or @handle has a character stacked with more than 32 marks; please "
        r"remove some\.",
    ],
    "video_url": [
        r"Keep the link to 300 characters or fewer\.",
        r"The video link can only contain the plain characters of a web address: no spaces, "
        r"accented or look-alike letters, control or invisible characters\.",
        r"The video link cannot contain a backslash \(\\\)\.",
        r"The video link must be a full web address starting with https://",
        r"The video link cannot contain a name, password or port before the site's address",
        r"The video link is not a valid web address\.",
        r"That doesn't look like a link to a video page\.",
    ],
    "consent": [r"Please agree to public display, or we cannot show it\."],
}


# --- helpers -------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def no_duplicate_window(app):
    """Every request here comes from one client with the same valid text: the duplicate
    window (tested in test_participants.py) would refuse all but the first."""
    app.config["DUPLICATE_WINDOW_SECONDS"] = 0


class _Structure(HTMLParser):
    """The tags and (tag, attribute) pairs of a page, and any script-like URL in an attribute."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.attributes: set[tuple[str, str]] = set()
        self.bad_urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        for name, value in attrs:
            self.attributes.add((tag, name))
            if name in URL_ATTRIBUTES and value:
                squeezed = re.sub(r"[\x00-\x20]", "", value).lower()
                if squeezed.startswith(BAD_SCHEMES):
                    self.bad_urls.append(f"<{tag} {name}={value!r}>")

    handle_startendtag = handle_starttag


def structure(page: str) -> _Structure:
    parser = _Structure()
    parser.feed(page)
    parser.close()
    return parser


class Baseline:
    """What a page of each kind looks like when nothing naughty went in.

    A page showing input must have no tag, attribute or ``<script`` that its baseline lacks:
    anything more came from the input. A raw string that occurs in the baseline page anyway
    (``""`` is in every ``value=""``) says nothing when it occurs again, so it is not checked.
    """

    def __init__(self) -> None:
        self.pages: dict[str, str] = {}
        self.tags: set[str] = set()
        self.attributes: set[tuple[str, str]] = set()

    def add(self, kind: str, page: str) -> None:
        self.pages[kind] = page
        found = structure(page)
        self.tags |= found.tags
        self.attributes |= found.attributes

    def check(self, kind: str, page: str, raws: list[str] | str, label: str) -> None:
        """``page`` has nothing from input beyond its baseline, and no raw string unescaped."""
        found = structure(page)
        assert not found.bad_urls, f"{label}: script URL in {kind} page: {found.bad_urls}"
        new_tags = found.tags - self.tags
        assert not new_tags, f"{label}: tags from input in {kind} page: {sorted(new_tags)}"
        new_attributes = found.attributes - self.attributes
        assert not new_attributes, (
            f"{label}: attributes from input in {kind} page: {sorted(new_attributes)}"
        )
        scripts = page.lower().count("<script")
        expected = self.pages[kind].lower().count("<script")
        assert scripts == expected, f"{label}: {scripts} <script in {kind} page, not {expected}"
        for raw in [raws] if isinstance(raws, str) else raws:
            if any(c in raw for c in '<>"') and raw not in self.pages[kind]:
                assert raw not in page, f"{label}: {raw[:60]!r} shown unescaped in {kind} page"


def shown(value: str) -> str:
    """How a template shows ``value``: HTML-escaped."""
    return str(escape(value))


def field_errors(page: str, field: str) -> list[str] | None:
    """The messages in a field's error list, or None when the page has no list for it."""
    found = re.search(rf'<ul class="field-errors" id="{field}-errors">(.*?)</ul>', page, flags=re.S)
    if found is None:
        return None
    return [html.unescape(m).strip() for m in re.findall(r"<li>(.*?)</li>", found.group(1), re.S)]


def fields_with_errors(page: str) -> set[str]:
    return set(re.findall(r'<ul class="field-errors" id="([a-z_]+)-errors">', page))


def is_specific(field: str, message: str) -> bool:
    return any(re.match(pattern, message) for pattern in FIELD_MESSAGES[field])


def stored(app, token: str) -> Submission:
    with app.app_context():
        submission = db.session.scalar(
            select(Submission).where(Submission.receipt_hash == hash_receipt_token(token))
        )
        assert submission is not None
        db.session.expunge(submission)
        return submission


def count_submissions(app) -> int:
    with app.app_context():
        return len(db.session.scalars(select(Submission.id)).all())


def post_form(client, **values):
    data = dict(VALID)
    data.update(values)
    return client.post("/share", data=data)


def cleaned(field: str, raw: str) -> str | None:
    """What the form keeps of ``raw`` when it passes the text checks (None when refused)."""
    multiline = field == "text"
    try:
        return clean_text(raw, multiline=multiline, field=field)
    except TextProblem:
        return None


def wall_pages(client) -> list[tuple[str, str]]:
    """Every page of the wall, following its "older" links: (url, html)."""
    pages, url = [], "/"
    while url:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        page = response.get_data(as_text=True)
        pages.append((url, page))
        after = re.search(r'<a class="button button-secondary" rel="next" href="([^"]+)"', page)
        url = html.unescape(after.group(1)) if after else None
        assert len(pages) < 200, "wall pagination does not end"
    return pages


def approve(app, moderator_client, submission_id: int) -> None:
    """A moderator approves a moment waiting for review, through the moderator route."""
    assert db_state(app, submission_id) == State.needs_review
    decision = moderator_client.post(f"/moderate/submission/{submission_id}/approve")
    assert decision.status_code == 302
    assert db_state(app, submission_id) == State.published


def build_baseline(app, client, moderator_client) -> Baseline:
    """Benign pages of every kind, with one published moment with a video and one in review.

    A video link is a link for the routing policy, so a kind moment with one waits for review
    (with the queue card saying which host it opens on) and a moderator approves it."""
    baseline = Baseline()
    baseline.add("share", client.get("/share").get_data(as_text=True))
    refused = client.post(
        "/share", data={"text": "", "display_name": "", "video_url": "ftp://x", "consent": ""}
    )
    assert refused.status_code == 400
    baseline.add("share-400", refused.get_data(as_text=True))
    refused = post_form(client, text="")  # the others valid: consent checked, a link shown
    assert refused.status_code == 400
    baseline.add("share-400", refused.get_data(as_text=True))
    accepted = post_form(client)
    assert accepted.status_code == 302
    token = receipt_token(accepted)
    baseline.add("receipt", client.get(f"/receipt/{token}").get_data(as_text=True))
    flagged = post_form(client, text="you are a stupid fucking idiot")
    assert flagged.status_code == 302
    # One word drives this flag, so the queue card highlights it (<mark title=...>).
    assert post_form(client, text="what a lovely day you idiot").status_code == 302
    score_all(app)
    moment_id = stored(app, token).id
    assert stored(app, token).state == State.needs_review
    baseline.add("receipt", client.get(f"/receipt/{token}").get_data(as_text=True))
    baseline.add("queue", moderator_client.get("/moderate/").get_data(as_text=True))
    approve(app, moderator_client, moment_id)
    # Published: one more script (sharing.js, the share button); the checked receipts wait.
    baseline.add("receipt-published", client.get(f"/receipt/{token}").get_data(as_text=True))
    baseline.add("wall", client.get("/").get_data(as_text=True))
    # A wall with more than one page, so its "load more" markup is part of the baseline.
    another = post_form(client, text="Another kind baseline moment")
    assert another.status_code == 302
    score_all(app)
    approve(app, moderator_client, stored(app, receipt_token(another)).id)
    page_size, app.config["WALL_PAGE_SIZE"] = app.config["WALL_PAGE_SIZE"], 1
    baseline.add("wall", client.get("/").get_data(as_text=True))
    app.config["WALL_PAGE_SIZE"] = page_size
    baseline.add("moment", client.get(f"/moment/{moment_id}").get_data(as_text=True))
    baseline.add("queue", moderator_client.get("/moderate/").get_data(as_text=True))
    return baseline


def check_refusal(field: str, page: str, label: str) -> list[str]:
    messages = field_errors(page, field)
    assert messages, f"{label}: refused with no message in #{field}-errors"
    vague = [m for m in messages if not is_specific(field, m)]
    assert not vague, f"{label}: unexpected message(s) for {field}: {vague}"
    others = fields_with_errors(page) - {field}
    assert not others, f"{label}: valid fields {sorted(others)} were refused too"
    return messages


def assert_specific_refusals(page: str) -> None:
    """Every field refused on ``page`` (at least one) says specifically what is wrong."""
    problems = fields_with_errors(page)
    assert problems, "refused without saying which field"
    for field in problems:
        messages = field_errors(page, field)
        assert messages and all(is_specific(field, m) for m in messages), (field, messages)


def echo_candidates(field: str, raw: str) -> set[str]:
    """What a re-rendered form may show back: as sent, trimmed, or cleaned."""
    candidates = {raw, raw.strip()}
    if (kept := cleaned(field, raw)) is not None:
        candidates.add(kept)
    return candidates


# --- 1. the Big List of Naughty Strings in every field -------------------------------------


@pytest.mark.slow
@pytest.mark.skipif(not BLNS, reason=f"{BLNS_PATH} is not here")
def test_blns_list_is_complete():
    assert len(BLNS) == 515


@pytest.mark.slow
@pytest.mark.skipif(not BLNS, reason=f"{BLNS_PATH} is not here")
@pytest.mark.parametrize("field", FIELDS)
def test_blns_every_string_in_every_field(app, client, field):
    moderators = app.test_client()
    ModeratorActions(app, moderators).create()
    assert ModeratorActions(app, moderators).login().status_code == 302
    baseline = build_baseline(app, client, moderators)

    outcome: Counter[str] = Counter()
    accepted: dict[str, str] = {}  # receipt token -> raw string
    for index, raw in enumerate(BLNS):
        label = f"BLNS[{index}] {raw[:60]!r} in {field}"
        response = post_form(client, **{field: raw})
        page = response.get_data(as_text=True)
        tally = f"(so far {field}: {dict(outcome)})"
        assert response.status_code in (302, 400), f"{label}: {response.status_code} {tally}"
        if response.status_code == 400:
            outcome["refused"] += 1
            check_refusal(field, page, label)
            baseline.check("share-400", page, raw, label)
            if field != "consent":
                assert any(shown(c) in page for c in echo_candidates(field, raw)), (
                    f"{label}: the form does not show the value back"
                )
            continue
        outcome["accepted"] += 1
        match = RECEIPT_PATH.match(response.headers["Location"])
        assert match, f"{label}: redirected to {response.headers['Location']}"
        token = match.group(1)
        accepted[token] = raw
        receipt = client.get(f"/receipt/{token}")
        assert receipt.status_code == 200, f"{label}: receipt {receipt.status_code}"
        receipt_page = receipt.get_data(as_text=True)
        baseline.check("receipt", receipt_page, raw, label)
        submission = stored(app, token)
        value = {
            "text": submission.text,
            "display_name": submission.display_name,
            "video_url": submission.video_url,
            "consent": None,
        }[field]
        if field in ("text", "display_name"):
            assert value == cleaned(field, raw), f"{label}: stored {value!r}"
            assert value == unicodedata.normalize("NFC", value)
        if value:
            assert shown(value) in receipt_page, f"{label}: receipt does not show it"

    summary = f"{field}: {outcome['accepted']} accepted, {outcome['refused']} refused"
    print(summary)
    assert outcome["accepted"] + outcome["refused"] == len(BLNS), summary
    assert outcome["accepted"] >= 1, summary

    # Everything accepted is scored by the real classifier; what it flags is approved by a
    # moderator, so every accepted string reaches the queue, the wall and its permalink.
    score_all(app)
    queue = moderators.get("/moderate/")
    assert queue.status_code == 200
    queue_page = queue.get_data(as_text=True)
    by_id = {stored(app, token).id: raw for token, raw in accepted.items()}
    baseline.check("queue", queue_page, list(accepted.values()), f"queue ({field})")
    states: Counter[str] = Counter()
    for moment_id, raw in by_id.items():
        state = db_state(app, moment_id)
        states[state.value] += 1
        if state == State.needs_review:
            decision = moderators.post(f"/moderate/submission/{moment_id}/approve")
            assert decision.status_code == 302
            assert db_state(app, moment_id) == State.published, (moment_id, raw)
    summary += f"; after scoring {dict(states)}"

    raws = list(by_id.values())
    on_wall: set[int] = set()
    for url, page in wall_pages(client):
        baseline.check("wall", page, raws, f"wall {url} ({summary})")
        on_wall |= {int(i) for i in re.findall(r'id="moment-(\d+)-by"', page)}
    missing = set(by_id) - on_wall
    assert not missing, f"{summary}: published but not on the wall: {sorted(missing)[:20]}"
    for moment_id, raw in by_id.items():
        response = client.get(f"/moment/{moment_id}")
        label = f"/moment/{moment_id} {raw[:60]!r} ({summary})"
        assert response.status_code == 200, label
        baseline.check("moment", response.get_data(as_text=True), raw, label)


def db_state(app, submission_id: int) -> State:
    with app.app_context():
        return db.session.get(Submission, submission_id).state


# --- 2. specific bad (and good) inputs, with their messages --------------------------------

FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
LONG_URL = "https://www.tiktok.com/@someone/video/" + "1" * 263

# What is stored of an accepted video link that is not already canonical.
STORED_VIDEO_URL = {"http://youtu.be/dQw4w9WgXcQ?t=10": "https://youtu.be/dQw4w9WgXcQ"}

CASES = [
    # text
    ("text", "", 400, "Please write your kind moment."),
    ("text", "   \t\n  ", 400, "Please write your kind moment."),
    ("text", "\u3000\u00a0\u2003", 400, "Please write your kind moment."),
    ("text", "a" * 501, 400, "Keep it to 500 characters or fewer."),
    ("text", "💗" * 501, 400, "Keep it to 500 characters or fewer."),
    ("text", "a" * 500, 302, None),
    ("text", "💗" * 500, 302, None),
    ("text", f"{FAMILY} " * 50, 302, None),
    # a browser sends each line break as CRLF: 500 characters as typed, 509 as sent
    ("text", "\r\n".join(["x" * 50] + ["x" * 49] * 9), 302, None),
    ("text", "\r\n".join(["x" * 51] + ["x" * 49] * 9), 400, "Keep it to 500 characters"),
    ("text", "kind\x00words", 400, "contains an invisible control character (U+0000"),
    ("text", "kind\x07words", 400, "contains an invisible control character (U+0007"),
    ("text", "\x1b[31mred\x1b[0m", 400, "contains an invisible control character (U+001B"),
    ("text", "kind\x7fwords", 400, "contains an invisible control character (U+007F"),
    ("text", "kind\x85words", 400, "contains an invisible control character (U+0085"),
    ("text", "kind\x9bwords", 400, "contains an invisible control character (U+009B"),
    ("text", "kind \u202ewords", 400, "contains a text-direction override (U+202E"),
    ("text", "kind \u2066words\u2069", 400, "contains a text-direction override (U+2066"),
    ("text", "\u200b\u200c\u200d\u2060\ufeff", 400, "has no visible characters."),
    ("text", "kind \uffff", 400, "not meant for text (U+FFFF"),
    ("text", "kind \ufdd0", 400, "not meant for text (U+FDD0"),
    ("text", "tabs\tand\nnew lines\r\nare fine", 302, None),
    # display name
    ("display_name", "", 400, "Please give a name or @handle"),
    ("display_name", "Sam\nSmith", 400, "must be on a single line."),
    ("display_name", "Sam\tSmith", 400, "must be on a single line."),
    ("display_name", "n" * 41, 400, "Keep the name to 40 characters or fewer."),
    ("display_name", "n" * 40, 302, None),
    ("display_name", "@sam\u202e", 400, "text-direction override (U+202E"),
    ("display_name", "\u200d\u200d", 400, "has no visible characters."),
    # Counted in user-perceived characters once NFC-normalised: U+FB2C becomes three code
    # points but stays one character (core/text/length.py), so 41 of them are one too many.
    ("display_name", "\ufb2c" * 41, 400, "Keep the name to 40 characters or fewer."),
    # video link
    ("video_url", "javascript:alert(1)", 400, "must be a full web address starting with https://"),
    ("video_url", "JaVaScRiPt:alert(1)", 400, "must be a full web address starting with https://"),
    (
        "video_url",
        "data:text/html,<script>alert(1)</script>",
        400,
        "must be a full web address starting with https://",
    ),
    ("video_url", "https://", 400, "is not a valid web address."),
    ("video_url", "https:///path", 400, "is not a valid web address."),
    ("video_url", "ftp://x.y/z", 400, "must be a full web address starting with https://"),
    ("video_url", "www.tiktok.com/@someone", 400, "must be a full web address"),
    ("video_url", "https://www.tiktok.com/@some one", 400, "no spaces"),
    ("video_url", "https://example.com/\x00", 400, "control or invisible characters"),
    ("video_url", "https://example.com/\u202e", 400, "control or invisible characters"),
    ("video_url", "https://[::1/", 400, "cannot contain a name, password or port"),
    ("video_url", "https://example.com:99999/", 400, "cannot contain a name, password or port"),
    ("video_url", LONG_URL, 400, "Keep the link to 300 characters or fewer."),
    ("video_url", "https://www.tiktok.com/@someone/video/7234567890", 302, None),
    ("video_url", "http://youtu.be/dQw4w9WgXcQ?t=10", 302, None),
    ("video_url", LONG_URL[:300], 302, None),
    ("video_url", "", 302, None),
    ("video_url", "   ", 302, None),
    # consent: only a yes counts
    ("consent", "", 400, "Please agree to public display"),
    ("consent", "false", 400, "Please agree to public display"),
    ("consent", "False", 400, "Please agree to public display"),
    ("consent", "0", 400, "Please agree to public display"),
    ("consent", "off", 400, "Please agree to public display"),
    ("consent", "no", 400, "Please agree to public display"),
    ("consent", "null", 400, "Please agree to public display"),
    ("consent", "y", 302, None),
    ("consent", "on", 302, None),
    ("consent", "true", 302, None),
]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("field", "value", "status", "message"),
    CASES,
    ids=[f"{c[0]}-{i}-{ascii(c[1])[:30]}" for i, c in enumerate(CASES)],
)
def test_specific_input(app, client, field, value, status, message):
    response = post_form(client, **{field: value})
    page = response.get_data(as_text=True)
    assert response.status_code == status, field_errors(page, field)
    if status == 400:
        messages = check_refusal(field, page, f"{value[:40]!r} in {field}")
        assert any(message in m for m in messages), messages
        assert count_submissions(app) == 0
        return
    submission = stored(app, receipt_token(response))
    if field in ("text", "display_name"):
        kept = getattr(submission, field)
        assert kept == cleaned(field, value)
        assert len(kept) <= {"text": 500, "display_name": 40}[field]
    if field == "video_url":
        # Stored as the canonical link rebuilt from its parts: https, and no tracking query.
        assert submission.video_url == STORED_VIDEO_URL.get(value, value.strip() or None)
    if field == "consent":
        assert submission.consent_public is True


def test_missing_consent_field_is_refused(app, client):
    data = {k: v for k, v in VALID.items() if k != "consent"}
    response = client.post("/share", data=data)
    assert response.status_code == 400
    assert field_errors(response.get_data(as_text=True), "consent") == [
        "Please agree to public display, or we cannot show it."
    ]
    assert count_submissions(app) == 0


WELCOME = [
    "شكراً لك على لطفك معي اليوم 🌷",
    "親切にしてくれてありがとう！",
    "आपकी दयालुता के लिए धन्यवाद",
    f"{FAMILY} we did it together",
    "🏳️‍🌈 👍🏽 🇯🇵 kindness everywhere",
    "Ελληνικά, русский, עברית, 한국어, ไทย",
    "Cafe\u0301 de\u0301ja\u0300 vu, thank you",  # decomposed: stored composed
    "\u1100\u1161\u11a8 \u0915\u093c",  # conjoining jamo and a nukta: stored as NFC
]


@pytest.mark.parametrize("text", WELCOME)
def test_every_script_and_emoji_is_accepted_and_stored_nfc(app, client, text):
    name = unicodedata.normalize("NFD", "Zoë ") + text[:10]
    response = post_form(client, text=text, display_name=name)
    assert response.status_code == 302, field_errors(response.get_data(as_text=True), "text")
    submission = stored(app, receipt_token(response))
    assert submission.text == unicodedata.normalize("NFC", text).strip()
    assert submission.display_name == unicodedata.normalize("NFC", name).strip()
    assert unicodedata.is_normalized("NFC", submission.text)
    receipt = client.get(f"/receipt/{receipt_token(response)}").get_data(as_text=True)
    assert shown(submission.text) in receipt


# --- 3. bodies too large, malformed or not text --------------------------------------------


def assert_site_error_page(response, code: int, title: str) -> str:
    page = response.get_data(as_text=True)
    assert response.status_code == code
    assert f'<p class="error-code">{code}</p>' in page
    assert f"<h1>{shown(title)}</h1>" in page
    assert "#CreateKindness" in page
    assert "Traceback" not in page
    return page


@pytest.mark.parametrize("kind", ["urlencoded", "multipart"])
def test_oversize_body_is_413_with_the_site_page(app, client, kind):
    assert app.config["MAX_CONTENT_LENGTH"] == 64 * 1024
    data = dict(VALID, text="k" * (70 * 1024))
    if kind == "multipart":
        data["attachment"] = (io.BytesIO(b"x" * 1024), "x.txt")
    response = client.post("/share", data=data)
    assert_site_error_page(response, 413, "That was too much")
    assert "Request Entity Too Large" not in response.get_data(as_text=True)
    assert count_submissions(app) == 0


def test_oversize_body_is_413_with_csrf_on(csrf_app):
    response = csrf_app.test_client().post("/share", data=dict(VALID, text="k" * (70 * 1024)))
    assert_site_error_page(response, 413, "That was too much")
    assert count_submissions(csrf_app) == 0


def test_text_just_under_the_body_limit_gets_a_message_not_an_error(app, client):
    response = post_form(client, text="k" * (60 * 1024))
    assert response.status_code == 400
    assert field_errors(response.get_data(as_text=True), "text") == [
        "Keep it to 500 characters or fewer."
    ]


INVALID_UTF8 = [
    b"text=%FF%FE&display_name=%C3%28&consent=y",
    b"text=%FF%FE&display_name=sam&consent=y",
    b"text=kind%C0%BCscript%C0%BEalert(1)%C0%BC/script%C0%BE&display_name=sam&consent=y",
    b"text=%ED%A0%80%ED%B0%80&display_name=sam&consent=y",  # UTF-8-encoded surrogates
    b"text=\xff\xfe kind&display_name=\xc3\x28&consent=y",  # raw bytes, not %-encoded
    b"text=%F4%90%80%80&display_name=sam&consent=y",  # beyond U+10FFFF
    b"text=%E2%82&display_name=sam&consent=y",  # truncated sequence
    b"text=kind&display_name=%FF&video_url=https://a.b/%FF%FE&consent=y",
    b"\xff\xfe\xfd=\xfc&text=kind&display_name=sam&consent=y",
]


@pytest.mark.parametrize("body", INVALID_UTF8, ids=lambda b: ascii(b)[2:32])
def test_invalid_utf8_never_gives_500(app, client, body):
    response = client.post("/share", data=body, content_type="application/x-www-form-urlencoded")
    page = response.get_data(as_text=True)
    assert response.status_code in (302, 400), response.status_code
    if response.status_code == 400:
        assert_specific_refusals(page)
        assert count_submissions(app) == 0
        return
    receipt = client.get(f"/receipt/{receipt_token(response)}").get_data(as_text=True)
    # The only script is the page's own status poller.
    # The page's own scripts only: receipt.js and the words it shows (a JSON block, not run).
    assert receipt.lower().count("<script") == 2 and 'src="/static/receipt.js"' in receipt
    assert '<script type="application/json" id="i18n">' in receipt
    assert "<" not in stored(app, receipt_token(response)).text


@pytest.mark.parametrize("field", ["text", "display_name", "consent"])
def test_a_file_in_place_of_a_field_is_a_message_not_a_500(app, client, field):
    data = dict(VALID, **{field: (io.BytesIO(b"kind words"), "kind.txt")})
    response = client.post("/share", data=data, content_type="multipart/form-data")
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert_specific_refusals(page)
    assert field in fields_with_errors(page)
    assert count_submissions(app) == 0


def test_a_file_in_place_of_the_video_link_is_ignored(app, client):
    data = dict(VALID, video_url=(io.BytesIO(b"https://a.b/"), "v.txt"))
    response = client.post("/share", data=data, content_type="multipart/form-data")
    assert response.status_code == 302
    assert stored(app, receipt_token(response)).video_url is None


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"text": 123, "display_name": "sam", "consent": True}, 302),
        ({"text": {"a": 1}, "display_name": "sam", "consent": "y"}, 400),
        ({"text": ["kind", {"a": 1}], "display_name": None, "consent": "y"}, 400),
        ({"text": "kind", "display_name": "sam", "consent": False}, 400),
        ("just a string", 400),
        ([1, 2, 3], 400),
        (None, 400),
    ],
    ids=["number", "object", "list-and-null", "consent-false", "string", "list", "null"],
)
def test_json_bodies_never_give_500(app, client, body, status):
    response = client.post("/share", json=body)
    assert response.status_code == status, response.get_data(as_text=True)[:300]
    if status == 400:
        assert_specific_refusals(response.get_data(as_text=True))
        assert count_submissions(app) == 0


def test_malformed_json_and_multipart_never_give_500(app, client):
    response = client.post("/share", data=b"{", content_type="application/json")
    assert_site_error_page(response, 400, "That request didn't make sense")
    for body in (b"\x00\x01", b'--zz\r\nContent-Disposition: form-data; name="text"\r\n\r\nhi'):
        response = client.post("/share", data=body, content_type="multipart/form-data; boundary=zz")
        assert response.status_code == 400
        assert "text" in fields_with_errors(response.get_data(as_text=True))
    assert count_submissions(app) == 0


def test_login_with_a_file_for_username_is_a_message_not_a_500(app, client):
    response = client.post(
        "/moderate/login",
        data={"username": (io.BytesIO(b"mod"), "u.txt"), "password": "x"},
        content_type="multipart/form-data",
    )
    assert response.status_code == 400


# --- 4. markup in text is stored as typed and always shown escaped -------------------------

SCRIPT = "<script>alert(1)</script> you are kind"
NAME = '<img src=x onerror="alert(2)">'
VIDEO = 'https://www.tiktok.com/@a/video/1?x="><script>alert(3)</script>'
VIDEO_CANONICAL = "https://www.tiktok.com/@a/video/1"


def _assert_escaped_everywhere(page: str) -> None:
    assert "<script>alert" not in page
    assert "<img src=x" not in page
    assert '"><script>' not in page


def test_markup_is_stored_as_typed_and_shown_escaped_once_published(app, client, moderator):
    """Text and name are stored as typed; the video link is stored as its canonical form, which
    drops the query with the markup. The video link sends it to review (a link for the routing
    policy) after the classifier scored it; once a moderator approves it, every page shows it
    escaped."""
    participant = app.test_client()
    response = post_form(participant, text=SCRIPT, display_name=NAME, video_url=VIDEO)
    assert response.status_code == 302
    token = receipt_token(response)
    submission = stored(app, token)
    assert (submission.text, submission.display_name, submission.video_url) == (
        SCRIPT,
        NAME,
        VIDEO_CANONICAL,
    )

    receipt = participant.get(f"/receipt/{token}").get_data(as_text=True)
    _assert_escaped_everywhere(receipt)
    assert "&lt;script&gt;alert(1)&lt;/script&gt; you are kind" in receipt
    assert "&lt;img src=x onerror=&#34;alert(2)&#34;&gt;" in receipt

    score_all(app)
    assert stored(app, token).state == State.needs_review
    assert stored(app, token).state_reason == "a video link to www.tiktok.com"
    queue = client.get("/moderate/").get_data(as_text=True)
    _assert_escaped_everywhere(queue)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in queue  # words may be highlighted apart
    assert "&lt;img src=x onerror=&#34;alert(2)&#34;&gt;" in queue
    assert f'<strong class="video-host">www.tiktok.com</strong>: {VIDEO_CANONICAL}' in queue
    assert client.post(f"/moderate/submission/{submission.id}/approve").status_code == 302
    assert stored(app, token).state == State.published

    for url in ("/", f"/moment/{submission.id}", f"/receipt/{token}"):
        page = participant.get(url).get_data(as_text=True)
        _assert_escaped_everywhere(page)
        assert "alert(3)" not in page, url  # the query with the markup was never kept
        assert "&lt;script&gt;alert(1)&lt;/script&gt; you are kind" in page, url
        if "receipt" not in url:
            assert f'href="{VIDEO_CANONICAL}"' in page, url
    permalink = participant.get(f"/moment/{submission.id}").get_data(as_text=True)
    assert 'content="&lt;script&gt;alert(1)&lt;/script&gt; you are kind"' in permalink
    assert "<title>A kind moment from &lt;img src=x onerror=&#34;alert(2)&#34;&gt;" in permalink


def test_markup_in_flagged_text_is_escaped_in_the_queue_and_after_approval(app, client, moderator):
    participant = app.test_client()
    text = "<script>alert(1)</script> you are a stupid fucking idiot"
    response = post_form(participant, text=text, display_name=NAME)
    assert response.status_code == 302
    token = receipt_token(response)
    score_all(app)
    submission = stored(app, token)
    assert submission.state == State.needs_review

    queue = client.get("/moderate/").get_data(as_text=True)
    _assert_escaped_everywhere(queue)
    assert "&lt;script&gt;alert(1)&lt;/script&gt; you are a stupid" in queue

    assert client.post(f"/moderate/submission/{submission.id}/approve").status_code == 302
    assert db_state(app, submission.id) == State.published
    for url in ("/", f"/moment/{submission.id}", f"/receipt/{token}", "/moderate/decisions"):
        page = (client if "moderate" in url else participant).get(url).get_data(as_text=True)
        _assert_escaped_everywhere(page)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in participant.get("/").get_data(as_text=True)


def test_rejection_note_with_markup_is_escaped_on_the_receipt(app, client, moderator):
    participant = app.test_client()
    response = post_form(participant, text="you are a stupid fucking idiot")
    token = receipt_token(response)
    score_all(app)
    submission_id = stored(app, token).id
    note = "<script>alert(4)</script> please be kinder"
    rejected = client.post(
        f"/moderate/submission/{submission_id}/reject", data={"reason": "unkind", "note": note}
    )
    assert rejected.status_code == 302
    assert db_state(app, submission_id) == State.rejected
    receipt = participant.get(f"/receipt/{token}").get_data(as_text=True)
    assert "<script>alert(4)" not in receipt
    assert "&lt;script&gt;alert(4)&lt;/script&gt; please be kinder" in receipt


# --- 5. wall cursors and moment ids --------------------------------------------------------


@pytest.mark.parametrize(
    "after",
    [
        "abc",
        "1-",
        "-1",
        "-5-5",
        "99999999999999999999999-1",
        "1-2-3",
        "1.5-2",
        "1-1\x00",
        "<script>-1",
        "x" * 41,
        "9" * 40,
        "1-99999999999999999999",
    ],
)
def test_garbage_wall_cursor_is_400_with_a_message(app, client, after):
    response = client.get("/", query_string={"after": after})
    page = assert_site_error_page(response, 400, "That request didn't make sense")
    assert "That page link is not valid. Start again from the wall." in page
    assert "<script>-1" not in page


@pytest.mark.parametrize("after", ["", "0-0", "1-1", "253402300799999999-1"])
def test_well_formed_wall_cursor_is_a_page(app, client, after):
    assert client.get("/", query_string={"after": after}).status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "/moment/99999999999999999999999999999",
        f"/moment/{2**62}",
        f"/moment/{2**63}",
        f"/moment/{2**64}",
        "/moment/0",
        "/moment/-1",
        "/moment/abc",
        "/moment/1%00",
        "/receipt/" + "a" * 5000,
        "/receipt/%00%FF",
        "/receipt/<script>",
    ],
)
def test_unknown_moments_and_receipts_are_404(app, client, path):
    response = client.get(path)
    page = assert_site_error_page(response, 404, "We couldn't find that page")
    # Only the page's own words for its scripts (a JSON block); nothing from the address.
    assert page.lower().count("<script") == 1
    assert '<script type="application/json" id="i18n">' in page

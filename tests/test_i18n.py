"""Languages: the catalogs are complete, every public page speaks the visitor's language with
nothing left in English, the language is chosen as README says, the receipt follows the
language a moment was shared in, caches keep one copy per language, right-to-left is marked."""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from io import BytesIO
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po
from sqlalchemy import select
from sqlalchemy import text as sa_text

from kindness_challenge.extensions import db
from kindness_challenge.i18n import COOKIE, PUBLIC_LOCALES, language_names, normalize
from kindness_challenge.models import State, Submission, Transition
from kindness_challenge.services import WALL_SNAPSHOTS
from kindness_challenge.wall.snapshot import SnapshotCache

from conftest import receipt_token, score_all, submit
from helpers import add_moment

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "kindness_challenge" / "translations"
TRANSLATED = [code for code in PUBLIC_LOCALES if code != "en"]


def _catalog(path: Path):
    with path.open("rb") as f:
        return read_po(f)


def _ids(catalog) -> set:
    return {m.id for m in catalog if m.id}


# --- the catalogs ----------------------------------------------------------------------------


def _extracted(keywords: dict) -> set:
    with (ROOT / "babel.cfg").open() as f:
        method_map, options_map = parse_mapping_cfg(f)
    found = set()
    for _, _, message, _, _ in extract_from_dir(
        str(ROOT), method_map, options_map, keywords=keywords
    ):
        found.add(message if isinstance(message, str) else tuple(message[:2]))
    return found


def test_the_templates_hold_every_marked_string():
    """messages.pot is what the code marks today (`make messages` was run), both ways."""
    from babel.messages.extract import DEFAULT_KEYWORDS

    keywords = {**DEFAULT_KEYWORDS, "_l": None, "plural": (1, 2)}
    assert _extracted(keywords) == _ids(_catalog(TRANSLATIONS / "messages.pot"))
    moderate = _extracted({"m_": None, "lm_": None})
    assert moderate == _ids(_catalog(TRANSLATIONS / "moderate.pot"))
    assert moderate, "the moderator side goes through the same mechanism"


@pytest.mark.parametrize("code", TRANSLATED)
def test_public_catalog_is_complete_and_compiled(code):
    po_path = TRANSLATIONS / code / "LC_MESSAGES" / "messages.po"
    catalog = _catalog(po_path)
    template = _catalog(TRANSLATIONS / "messages.pot")
    assert _ids(catalog) == _ids(template), "run `make messages`, then translate"
    assert not catalog.fuzzy
    for message in catalog:
        if not message.id:
            continue
        assert not message.fuzzy, message.id
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(strings), f"{code}: untranslated {message.id!r}"
        assert len(strings) == (catalog.num_plurals if message.pluralizable else 1)
        for placeholder in re.findall(r"%\(\w+\)s", " ".join(strings)):
            assert placeholder in str(message.id), (code, message.id, placeholder)
        if not message.pluralizable:
            assert set(re.findall(r"%\(\w+\)s", message.string)) == set(
                re.findall(r"%\(\w+\)s", message.id)
            ), (code, message.id)
    # The committed .mo is what the .po compiles to (`make translations`).
    compiled = BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    with (po_path.with_suffix(".mo")).open("rb") as f:
        shipped = read_mo(f)
    fresh = read_mo(compiled)
    assert _pairs(shipped) == _pairs(fresh)


def _pairs(catalog) -> dict:
    def key(value):
        return tuple(value) if isinstance(value, list | tuple) else value

    return {key(m.id): key(m.string) for m in catalog if m.id}


# --- every public page in every language -----------------------------------------------------


class _Text(HTMLParser):
    """The words a person reads or hears on a page: text, and the attributes read aloud."""

    SPOKEN = ("title", "aria-label", "placeholder", "alt", "value")

    def __init__(self) -> None:
        super().__init__()
        self.words: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        attrs = dict(attrs)
        for name in self.SPOKEN:
            if name == "value" and not (tag == "input" and attrs.get("type") == "submit"):
                continue  # only a button's value is read out; a radio's is data
            if attrs.get(name):
                self.words.append(attrs[name])
        if tag == "meta" and attrs.get("name") == "description":
            self.words.append(attrs.get("content") or "")

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip and data.strip():
            self.words.append(data.strip())


def _words(page: str) -> set[str]:
    parser = _Text()
    parser.feed(page)
    return {" ".join(w.split()) for w in parser.words}


# Words that are the same in a language as in English: names and brands, user text.
# The language switcher names each language in itself, on every page.
SAME_EVERYWHERE = {"#CreateKindness", "API", "♥", "—", "·", "https://"} | {
    name for _, name in language_names()
}
SAME_IN = {"id": {"video:"}, "pt_BR": {"Spam ou propaganda"}}


def _public_pages(app, client) -> dict[str, str]:
    """Every public page (the wall, a filtered and an empty category, the next page, a
    permalink with report errors, the share form with errors and a nudge, receipts in every
    state, the withdrawn page, the display and error pages), fetched by the test client."""
    app.config["WALL_PAGE_SIZE"] = 1
    add_moment(app, "Older kind words", name="@ana", category="gave", for_whom="my team")
    shown = add_moment(app, "You made my day", name="@bo", featured_minutes_ago=1, hearts=2)
    pending = receipt_token(submit(client, text="Waiting for its check"))
    published = receipt_token(submit(client, text="Thanks, neighbour, for the soup"))
    rejected = receipt_token(submit(client, text="shut up you dumb bitch"))
    score_all(app)
    with app.app_context():
        rejected_row = db.session.scalar(
            select(Submission).where(Submission.text == "shut up you dumb bitch")
        )
        if rejected_row.state is State.needs_review:  # a moderator rejects it
            from kindness_challenge.core.accounts import create_moderator
            from kindness_challenge.models import Moderator
            from kindness_challenge.moderate.service import decide

            mod = db.session.scalar(select(Moderator)) or create_moderator(
                db.session, "m", "a-long-password-1", "moderator"
            )
            decide(db.session, rejected_row.id, mod, False, "unkind", "Please keep it kind.")
    withdrawn = receipt_token(submit(client, text="Soon withdrawn"))
    pages = {
        "wall": "/",
        "wall-category": "/?category=gave",
        "wall-empty-category": "/?category=inspiring",
        "permalink": f"/moment/{shown}",
        "share": "/share",
        "receipt-pending": f"/receipt/{pending}",
        "receipt-published": f"/receipt/{published}",
        "receipt-rejected": f"/receipt/{rejected}",
        "display": "/display",
        "not-found": "/no-such-page",
        "bad-cursor": "/?after=nonsense",
    }
    out = {name: client.get(path) for name, path in pages.items()}
    first = out["wall"].get_data(as_text=True)
    older = re.search(r'rel="next" href="([^"]+)"', first).group(1)
    out["wall-older"] = client.get(html.unescape(older))
    out["wall-more"] = client.get(html.unescape(re.search(r'data-load-more="([^"]+)"', first)[1]))
    out["share-errors"] = client.post("/share", data={"text": "", "video_url": "ftp://x"})
    out["share-nudge"] = client.post(
        "/share", data={"text": "you stupid idiot", "display_name": "x", "consent": "y"}
    )
    out["report-errors"] = client.post(f"/moment/{shown}/report", data={})
    out["appeal-errors"] = client.post(
        f"/receipt/{rejected}/appeal", data={"note": ""}, follow_redirects=True
    )
    out["withdrawn"] = client.post(f"/receipt/{withdrawn}/withdraw", data={"confirm": "y"})
    return {name: response.get_data(as_text=True) for name, response in out.items()}


def test_every_public_page_is_translated_in_every_locale(app, client):
    english = _public_pages(app, client)
    for name, page in english.items():
        assert '<html lang="en"' in page or name == "wall-more", name
    english_words = {name: _words(page) for name, page in english.items()}
    for code in TRANSLATED:
        client.set_cookie(COOKIE, code, domain="kind.test")
        for name, english_page in english.items():
            path_page = _fetch_again(client, name, english_page)
            if path_page is None:
                continue
            left = {
                w
                for w in _words(path_page) & english_words[name]
                if re.search(r"[A-Za-z]{3}", w)
                and w not in SAME_EVERYWHERE | SAME_IN.get(code, set())
                and not _user_text(w)
            }
            assert not left, f"{code} {name}: still in English: {sorted(left)}"
    client.delete_cookie(COOKIE, domain="kind.test")


USER_TEXT = (
    "shut up you dumb bitch",
    "Soon withdrawn",
    "Older kind words",
    "You made my day",
    "@ana",
    "@bo",
    "my team",
    "Thanks, neighbour",
    "Waiting for its check",
    "Please keep it kind",
    "@sam",
    "you stupid idiot",
)


def _user_text(word: str) -> bool:
    return any(text in word for text in USER_TEXT) or word.startswith(("http://", "kind.test"))


_REQUESTS: dict = {}


def _fetch_again(client, name, english_page):
    """The same page again (GETs only; the POSTed pages are checked in their own test)."""
    paths = {
        "wall": "/",
        "wall-category": "/?category=gave",
        "wall-empty-category": "/?category=inspiring",
        "share": "/share",
        "display": "/display",
        "not-found": "/no-such-page",
        "bad-cursor": "/?after=nonsense",
    }
    if name in paths:
        return client.get(paths[name]).get_data(as_text=True)
    return None


@pytest.mark.parametrize("code", ["ar", "de", "ja"])
def test_forms_errors_receipts_and_permalinks_in_a_language(app, client, code):
    """The pages reached by a POST or a private link, in one language with no English left."""
    english = {name: _words(page) for name, page in _public_pages(app, client).items()}
    with app.app_context():
        db.session.execute(Submission.__table__.delete())
        db.session.commit()
    client.set_cookie(COOKIE, code, domain="kind.test")
    local = _public_pages(app, client)
    for name, page in local.items():
        left = {
            w
            for w in _words(page) & english[name]
            if re.search(r"[A-Za-z]{3}", w)
            and w not in SAME_EVERYWHERE | SAME_IN.get(code, set())
            and not _user_text(w)
        }
        assert not left, f"{code} {name}: still in English: {sorted(left)}"


# --- choosing the language -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "cookie", "accept", "expected", "sets_cookie"),
    [
        ("", None, None, "en", False),
        ("", None, "fr-CA,fr;q=0.9,en;q=0.5", "fr", False),
        ("", None, "pt-BR,pt;q=0.8", "pt-BR", False),
        ("", None, "pt-PT", "pt-BR", False),  # the one Portuguese shipped
        ("", None, "ar-EG", "ar", False),
        ("", None, "sw,ja;q=0.4", "ja", False),  # the first shipped one the browser accepts
        ("", None, "sw,zu", "en", False),  # nothing shipped: English
        ("", "de", "fr", "de", False),  # a choice made before beats the browser
        ("", "xx", "fr", "fr", False),  # a cookie naming nothing shipped is ignored
        ("?lang=tr", "de", "fr", "tr", True),  # a shared link beats both, and is remembered
        ("?lang=pt_BR", None, None, "pt-BR", True),
        ("?lang=hi", "hi", None, "hi", False),  # remembered already: no new cookie
        ("?lang=klingon", "id", "es", "id", False),  # an unknown parameter changes nothing
    ],
)
def test_language_negotiation(app, client, query, cookie, accept, expected, sets_cookie):
    if cookie:
        client.set_cookie(COOKIE, cookie, domain="kind.test")
    headers = {"Accept-Language": accept} if accept else {}
    response = client.get(f"/{query}", headers=headers)
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert f'<html lang="{expected}" dir="{"rtl" if expected == "ar" else "ltr"}">' in page
    assert response.headers["Content-Language"] == expected
    assert {"Accept-Language", "Cookie"} <= set(response.vary)
    set_cookie = response.headers.get("Set-Cookie", "")
    assert (f"{COOKIE}=" in set_cookie) is sets_cookie
    if sets_cookie:
        assert f"{COOKIE}={expected.replace('-', '_')}" in set_cookie
        assert "HttpOnly" in set_cookie and "SameSite=Lax" in set_cookie
        assert response.headers["Cache-Control"] == "private, no-store"


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("pt-br", "pt_BR"),
        ("PT_BR", "pt_BR"),
        ("es-MX", "es"),
        ("ar", "ar"),
        ("", None),
        ("x" * 50, None),
        ("zz", None),
    ],
)
def test_normalize(value, code):
    assert normalize(value) == code


def test_the_switcher_keeps_the_page_and_its_filters(client):
    page = client.get("/?category=gave", headers={"Accept-Language": "es"}).get_data(as_text=True)
    switcher = re.search(r'<form class="language-switcher".*?</form>', page, re.S).group(0)
    assert 'method="get" action="/"' in switcher
    assert '<input type="hidden" name="category" value="gave">' in switcher
    assert '<option value="es" lang="es" selected>Español</option>' in switcher
    assert '<option value="ar" lang="ar">العربية</option>' in switcher
    assert '<option value="ja" lang="ja">日本語</option>' in switcher
    assert "Cambiar idioma" in switcher


def test_hreflang_alternates(client):
    page = client.get("/?category=gave").get_data(as_text=True)
    alternates = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', page))
    assert set(alternates) == {c.replace("_", "-") for c in PUBLIC_LOCALES} | {"x-default"}
    assert html.unescape(alternates["pt-BR"]) == "http://kind.test/?category=gave&lang=pt_BR"
    assert alternates["x-default"] == "http://kind.test/?category=gave"


def submit_in(client, accept_language: str, text: str):
    """The share form sent from a browser that asks for ``accept_language``."""
    data = {"text": text, "display_name": "@sam", "consent": "y", "nudge_ack": "1"}
    return client.post("/share", data=data, headers={"Accept-Language": accept_language})


def test_receipt_and_reasons_follow_the_language_shared_in(app, client):
    token = receipt_token(submit_in(client, "es", text="shut up you dumb bitch"))
    with app.app_context():
        assert db.session.scalar(select(Submission.locale)) == "es"
    score_all(app)
    with app.app_context():
        submission = db.session.scalar(select(Submission))
        if submission.state is State.needs_review:
            from kindness_challenge.core.accounts import create_moderator
            from kindness_challenge.moderate.service import decide

            mod = create_moderator(db.session, "m", "a-long-password-1", "moderator")
            decide(db.session, submission.id, mod, False, "unkind", "Mejor con cariño.")
        last = db.session.scalars(select(Transition).order_by(Transition.id.desc())).first()
        assert last.public_reason in ("unkind", "banned_language")
    # Read later from a German browser that chose French before: still Spanish.
    client.set_cookie(COOKIE, "fr", domain="kind.test")
    page = client.get(f"/receipt/{token}", headers={"Accept-Language": "de"}).get_data(as_text=True)
    assert '<html lang="es" dir="ltr">' in page
    assert "No publicado" in page and "Motivo:" in page
    assert "It is unkind" not in page and "It contains language" not in page
    # ... unless the person asks for another language on the page itself.
    page = client.get(f"/receipt/{token}?lang=ar").get_data(as_text=True)
    assert '<html lang="ar" dir="rtl">' in page and "السبب:" in page
    # The flash after an action on it is in the submission's language too.
    response = client.post(f"/receipt/{token}/appeal", data={"note": ""}, follow_redirects=True)
    assert "Cuéntanos en pocas palabras" in response.get_data(as_text=True)


def test_a_moderators_words_stay_as_written(app, client, moderator):
    token = receipt_token(submit_in(client, "ja", text="plain words"))
    score_all(app)
    with app.app_context():
        submission = db.session.scalar(select(Submission))
        from kindness_challenge.core.lifecycle import Actor, move
        from kindness_challenge.models import ActorKind

        if submission.state is not State.needs_review:
            move(
                db.session,
                submission.id,
                submission.state,
                State.needs_review,
                Actor(ActorKind.moderator, "mod"),
                extra={"review_kind": "undone"},
            )
            db.session.commit()
        submission_id = submission.id
    moderator.client.post(
        f"/moderate/submission/{submission_id}/reject",
        data={"reason": "spam", "note": "Please no links to shops."},
    )
    page = client.get(f"/receipt/{token}").get_data(as_text=True)
    assert '<html lang="ja"' in page
    assert "スパムや広告、またはキャンペーンと関係のない内容です。" in page
    assert '<span dir="auto">Please no links to shops.</span>' in page


# --- caches, direction, formats, scripts -----------------------------------------------------


def test_wall_snapshots_are_kept_per_language(app, client):
    add_moment(app, "Kept per language")
    cache = SnapshotCache(60)
    cache.set_live(True)
    app.extensions[WALL_SNAPSHOTS] = cache
    spanish = client.get("/", headers={"Accept-Language": "es"}).get_data(as_text=True)
    german = client.get("/", headers={"Accept-Language": "de"}).get_data(as_text=True)
    again = client.get("/", headers={"Accept-Language": "es"}).get_data(as_text=True)
    assert set(cache._entries) == {("es", None), ("de", None)}
    assert "El muro de la amabilidad" in spanish and "El muro de la amabilidad" in again
    assert "Die Wand der Freundlichkeit" in german and "amabilidad" not in german


def test_public_cached_pages_vary_by_language(client):
    response = client.get("/display", headers={"Accept-Language": "fr"})
    assert response.headers["Cache-Control"].startswith("public")
    assert {"Accept-Language", "Cookie"} <= set(response.vary)
    assert response.headers["Content-Language"] == "fr"
    assert "mur en direct" in response.get_data(as_text=True)


def test_right_to_left_and_user_text_direction(app, client):
    moment = add_moment(app, "Thank you for the ride", name="سارة", for_whom="my driver")
    arabic = client.get("/?lang=ar").get_data(as_text=True)
    assert '<html lang="ar" dir="rtl">' in arabic
    english = client.get(f"/moment/{moment}?lang=en").get_data(as_text=True)
    assert '<html lang="en" dir="ltr">' in english
    for page in (arabic, english):
        assert (
            '<blockquote class="moment-text" dir="auto">Thank you for the ride</blockquote>' in page
        )
        assert "<bdi>سارة</bdi>" in page
        assert '<bdi dir="auto">my driver</bdi>' in page
    display = client.get("/display?lang=ar").get_data(as_text=True)
    assert 'dir="rtl"' in display and '<blockquote class="display-text" dir="auto">' in display


def test_dates_counts_and_plurals_through_babel(app, client):
    moment = add_moment(app, "Counted", hearts=3)
    page = client.get(f"/moment/{moment}?lang=de").get_data(as_text=True)
    assert re.search(r"Geteilt am <time datetime=\"[^\"]+\">\d{1,2}\. \w+ \d{4}</time>\.", page)
    assert '3</span><span class="visually-hidden heart-noun"> Herzen</span>' in page
    wall = client.get("/?lang=ar").get_data(as_text=True)
    assert "شوركت لحظة لطيفة واحدة حتى الآن." in wall
    for template in (ROOT / "templates").rglob("*.html"):
        assert "strftime" not in template.read_text(encoding="utf-8"), template


def test_scripts_get_their_words_from_the_page(client):
    page = client.get("/?lang=ar").get_data(as_text=True)
    words = json.loads(
        html.unescape(
            re.search(
                r'<script type="application/json" id="i18n">(.*?)</script>', page, re.S
            ).group(1)
        )
    )
    assert words["locale"] == "ar"
    assert set(words["more_loaded"]) == {"zero", "one", "two", "few", "many", "other"}
    assert words["load_more"] == "حمّل المزيد من اللحظات"
    assert "{num}" in words["chars_left"]["many"]
    japanese = client.get("/share?lang=ja").get_data(as_text=True)
    assert '"chars_left": {"other": "\\u6b8b\\u308a{num}\\u6587\\u5b57"}' in japanese


def test_nudge_speaks_the_page_language(app, client):
    response = client.post("/share/nudge?lang=fr", json={"text": "you are a stupid fucking idiot"})
    data = response.get_json()
    assert data["flagged"] is True
    assert data["message"].startswith("Cela pourrait paraître peu aimable")


# --- the migration: reasons stored as sentences become codes ---------------------------------


def test_migration_splits_stored_reasons_into_code_and_note(app):
    from alembic.script import ScriptDirectory
    from flask import current_app
    from flask_migrate import downgrade, upgrade

    from kindness_challenge.core.lifecycle import Actor, move
    from kindness_challenge.models import ActorKind
    from kindness_challenge.participate.submit import create_submission

    old_note = "It is unkind or hurtful towards someone. Please keep it kind."
    with app.app_context():
        submission, _ = create_submission(db.session, "words", "@sam", None, True)
        actor = Actor(ActorKind.classifier, "test")
        move(db.session, submission.id, State.pending, State.needs_review, actor)
        move(
            db.session,
            submission.id,
            State.needs_review,
            State.rejected,
            actor,
            public_note=old_note,
        )  # as decisions were stored before 0013
        db.session.commit()
        config = current_app.extensions["migrate"].migrate.get_config()
        before = ScriptDirectory.from_config(config).get_revision("0013_submission_locale")
        downgrade(revision=before.down_revision)
        upgrade()
        row = db.session.execute(
            sa_text(
                "SELECT public_reason, public_note FROM transition WHERE public_note "
                "IS NOT NULL OR public_reason IS NOT NULL"
            )
        ).one()
        assert tuple(row) == ("unkind", "Please keep it kind.")
        downgrade(revision=before.down_revision)
        assert (
            db.session.execute(
                sa_text("SELECT public_note FROM transition WHERE public_note IS NOT NULL")
            ).scalar_one()
            == old_note
        )
        upgrade()


# --- the words of issues 15 and 17 (merged after this issue's catalogs) -----------------------


def test_closed_campaign_imported_moments_and_sharing_in_every_language(app, client):
    """The campaign's closed page (with a late moment's words kept), an imported moment's label
    and link to its original, the share buttons and the words sharing.js announces: in every
    language, with no English left."""
    from datetime import timedelta

    from kindness_challenge.models import utcnow

    from conftest import ModeratorActions

    moment = add_moment(app, "You made my day", name="@ana")
    with app.app_context():
        row = db.session.get(Submission, moment)
        row.source, row.source_id = "tiktok", "7234567890"
        row.source_url = "https://www.tiktok.com/@ana/video/7234567890"
        db.session.commit()
    admin = ModeratorActions(app, client)
    admin.create("admin", role="admin")
    admin.login("admin")
    closes = (utcnow() - timedelta(hours=1)).replace(second=0, microsecond=0)
    window = {"opens_at": "", "closes_at": closes.strftime("%Y-%m-%dT%H:%M")}
    assert client.post("/moderate/settings/campaign", data=window).status_code == 302
    admin.logout()

    def pages() -> dict[str, str]:
        late = {"text": "Thanks, neighbour", "display_name": "@bo", "consent": "y"}
        return {
            "closed": client.get("/share").get_data(as_text=True),
            "closed-late": client.post("/share", data=late).get_data(as_text=True),
            "permalink": client.get(f"/moment/{moment}").get_data(as_text=True),
            "display": client.get("/display").get_data(as_text=True),
        }

    english = pages()
    assert (
        "Imported from TikTok" in english["permalink"]
        and "see the original" in english["permalink"]
    )
    assert "Copy link" in english["permalink"] and "has closed" in english["closed"]
    assert "Thanks, neighbour" in english["closed-late"]
    english_words = {name: _words(page) for name, page in english.items()}
    for code in TRANSLATED:
        client.set_cookie(COOKIE, code, domain="kind.test")
        local = pages()
        assert "Thanks, neighbour" in local["closed-late"], code  # the words are kept
        for name, page in local.items():
            left = {
                w
                for w in _words(page) & english_words[name]
                if re.search(r"[A-Za-z]{3}", w)
                and w not in SAME_EVERYWHERE | SAME_IN.get(code, set())
                and not _user_text(w)
            }
            assert not left, f"{code} {name}: still in English: {sorted(left)}"
        block = re.search(
            r'<script type="application/json" id="i18n">(.*?)</script>', local["permalink"]
        )
        words = json.loads(html.unescape(block[1]))
        for key, text in (
            ("share", "Share…"),
            ("copy_link", "Copy link"),
            ("link_copied", "Link copied. Paste it anywhere to share."),
        ):
            assert words[key] and words[key] != text, (code, key)
    client.delete_cookie(COOKIE, domain="kind.test")

"""Languages: which one a request is served in, and what every page needs to show it.

The public side (wall, share form, receipt, permalink, display, error pages) ships in
``PUBLIC_LOCALES``; its catalogs are the ``messages`` domain under ``translations/``. The
moderator side is English for now; its words go through the same mechanism in a domain of
their own (``moderate``), so a missing moderator translation never counts against the public
catalogs (tests/test_i18n.py holds those at 100%).

The language of a request, first match wins:

1. ``?lang=xx`` (a shared link, or the language switcher, a plain GET form): served, and
   remembered in a cookie when it differs from the one there;
2. the language a participant submitted in, on their receipt (``use_submission_locale``), so
   the reasons they are given read in the language they wrote in;
3. the ``kindness_lang`` cookie (a choice made before; no account needed);
4. the browser's ``Accept-Language``;
5. English.

Every localised response says ``Content-Language`` and ``Vary: Accept-Language, Cookie``, so a
shared cache (the display and feed are ``public``) keeps one copy per language, never one
visitor's language for another.
"""

from __future__ import annotations

from babel import Locale
from flask import Flask, g, request, url_for
from flask_babel import Babel, Domain, get_locale, get_translations, gettext, refresh
from markupsafe import Markup

babel = Babel()
moderate_domain = Domain(domain="moderate")
# The moderator side's markers (extracted with ``-k m_ -k lm_`` into moderate.pot).
m_ = moderate_domain.gettext
lm_ = moderate_domain.lazy_gettext

DEFAULT_LOCALE = "en"
# Order of the language switcher: English first, then by each language's own name.
PUBLIC_LOCALES: tuple[str, ...] = ("en", "ar", "de", "es", "fr", "hi", "id", "ja", "pt_BR", "tr")
COOKIE = "kindness_lang"
COOKIE_MAX_AGE = 365 * 24 * 3600
PARAMETER = "lang"

# The moderator side has no catalogs yet (moderate.pot is its template): its pages are English
# whole, rather than English words in a translated frame. Drop it from here once it has them.
ENGLISH_ONLY_BLUEPRINTS = frozenset({"moderate"})

_BY_TAG = {code.lower().replace("_", "-"): code for code in PUBLIC_LOCALES}


def normalize(value: str | None) -> str | None:
    """A shipped locale code for ``value`` ("pt-br", "pt_BR", "PT-BR" -> "pt_BR"; "es-MX" ->
    "es"), or None when nothing shipped matches."""
    if not value or len(value) > 35:
        return None
    tag = value.strip().lower().replace("_", "-")
    if tag in _BY_TAG:
        return _BY_TAG[tag]
    language = tag.split("-", 1)[0]
    if language == "pt":
        return "pt_BR"  # the one Portuguese shipped
    return _BY_TAG.get(language)


def _requested() -> str | None:
    return normalize(request.args.get(PARAMETER))


def select_locale() -> str:
    if not request:
        return DEFAULT_LOCALE
    if request.blueprint in ENGLISH_ONLY_BLUEPRINTS:
        return DEFAULT_LOCALE
    chosen = _requested() or g.get("submission_locale") or normalize(request.cookies.get(COOKIE))
    if chosen:
        return chosen
    best = request.accept_languages.best_match(
        [code.replace("_", "-") for code in PUBLIC_LOCALES]
        + [code.split("_")[0] for code in PUBLIC_LOCALES if "_" in code]
    )
    return normalize(best) or DEFAULT_LOCALE


def use_submission_locale(locale: str | None) -> None:
    """Serve this request in the language a submission was made in (its receipt and the
    messages about it), unless ``?lang=`` asks for another."""
    code = normalize(locale)
    if code:
        g.submission_locale = code
        refresh()  # a message may have been translated already in the negotiated language


def current_locale() -> str:
    """The code of the request's locale as shipped ("pt_BR")."""
    return str(get_locale() or DEFAULT_LOCALE)


def language_tag(code: str) -> str:
    """BCP 47 for ``<html lang>`` and ``hreflang`` ("pt_BR" -> "pt-BR")."""
    return code.replace("_", "-")


def is_rtl(code: str) -> bool:
    return Locale.parse(code).character_order == "right-to-left"


def language_names() -> list[tuple[str, str]]:
    """(code, the language's own name) for the switcher: each language names itself."""
    names = [(code, Locale.parse(code).get_display_name(code)) for code in PUBLIC_LOCALES]
    return [(code, name[:1].upper() + name[1:]) for code, name in names]


def lang_url(code: str | None) -> str | None:
    """This page's absolute address in language ``code`` (None: with no ``?lang=``, the
    x-default), for ``hreflang`` alternates; None where the page has no route (an error)."""
    if request.endpoint is None or request.url_rule is None or request.method != "GET":
        return None
    args = {k: v for k, v in request.args.items() if k != PARAMETER}
    if code is not None:
        args[PARAMETER] = code
    try:
        return url_for(request.endpoint, _external=True, **(request.view_args or {}), **args)
    except Exception:  # noqa: BLE001 - an odd argument: no alternates rather than an error
        return None


def bdi(text: str) -> Markup:
    """User-written text set inside a translated sentence, isolated so that its direction
    (an Arabic name in an English sentence, or the other way round) cannot reorder the rest."""
    return Markup('<bdi dir="auto">%s</bdi>') % text


def time_tag(moment, text) -> Markup:
    """A ``<time>`` with the machine-readable instant and ``text`` (a Babel-formatted date)."""
    return Markup('<time datetime="%s">%s</time>') % (moment.isoformat(), text)


def link(href: str, text) -> Markup:
    """A link inside a translated sentence: the sentence carries ``%(name)s`` where it goes."""
    return Markup('<a href="%s">%s</a>') % (href, text)


def strong(text) -> Markup:
    return Markup("<strong>%s</strong>") % text


def kbd(key) -> Markup:
    """A key to press, inside a translated sentence (``Press %(key)s``)."""
    return Markup("<kbd>%s</kbd>") % key


def m_markup(string: str, **variables) -> Markup:
    """``m_()`` as the templates call it, like Jinja's own ``_()``: the catalog's words are
    markup, the variables are escaped (so ``time_tag`` and ``kbd`` go in whole)."""
    text = Markup(moderate_domain.gettext(string))
    return text % variables if variables else text


def _plural_samples(code: str) -> dict[str, int]:
    """One count of each CLDR plural category this language has ("one": 1, "other": 2)."""
    locale = Locale.parse(code)
    samples: dict[str, int] = {}
    for n in range(0, 200):
        samples.setdefault(locale.plural_form(n), n)
    return samples


def js_messages() -> dict:
    """The words the pages' scripts show, in the request's language, rendered into the page as
    JSON (``<script type="application/json" id="i18n">``): the scripts look them up there and
    pick plural forms with ``Intl.PluralRules``. ``{num}`` stands for a number."""
    samples = _plural_samples(current_locale())
    translations = get_translations()

    def plural(singular: str, plural_: str) -> dict[str, str]:
        return {
            category: translations.ngettext(singular, plural_, n).replace("%(num)s", "{num}")
            for category, n in samples.items()
        }

    return {
        "locale": language_tag(current_locale()),
        "chars_left": plural("%(num)s character left", "%(num)s characters left"),
        "chars_too_many": plural("%(num)s character too many", "%(num)s characters too many"),
        "heart_noun": plural("heart", "hearts"),
        "hearted": plural("Hearted. %(num)s heart.", "Hearted. %(num)s hearts."),
        "unhearted": plural(
            "Heart taken back. %(num)s heart.", "Heart taken back. %(num)s hearts."
        ),
        "heart_slow_down": gettext(
            "Slow down a little: that was a lot of hearts. Try again in a minute."
        ),
        "heart_failed": gettext("Your heart could not be saved just now. Please try again."),
        "load_more": gettext("Load more moments"),
        "loading": gettext("Loading…"),
        "all_loaded": gettext("That's everything: you have reached the first kind moment."),
        "more_loaded": plural("%(num)s more moment loaded.", "%(num)s more moments loaded."),
        "load_failed": gettext(
            "More moments could not be loaded here. Use the Older moments link."
        ),
        "share": gettext("Share…"),
        "copy_link": gettext("Copy link"),
        "share_thanks": gettext("Thank you for sharing."),
        "share_failed": gettext("Sharing did not work here: copy the link above."),
        "link_copied": gettext("Link copied. Paste it anywhere to share."),
        "copy_by_hand": gettext("Press Ctrl+C (or ⌘+C) to copy the selected link."),
    }


def init_i18n(app: Flask) -> None:
    app.config.setdefault("BABEL_DEFAULT_LOCALE", DEFAULT_LOCALE)
    app.config.setdefault("BABEL_DEFAULT_TIMEZONE", "UTC")
    babel.init_app(app, locale_selector=select_locale)

    # Helpers for translated sentences; globals, so that imported macros see them too.
    app.jinja_env.globals.update(
        m_=m_markup,
        bdi=bdi,
        kbd=kbd,
        strong=strong,
        time_tag=time_tag,
        link=link,
        # Left to right in every page: "#" would otherwise trail the word in Arabic.
        hashtag=Markup('<strong dir="ltr">#CreateKindness</strong>'),
    )

    @app.context_processor
    def language_context() -> dict:
        code = current_locale()
        return {
            "lang_code": code,
            "lang_tag": language_tag(code),
            "lang_dir": "rtl" if is_rtl(code) else "ltr",
            "lang_names": language_names(),
            "lang_parameter": PARAMETER,
            "lang_url": lang_url,
            "js_messages": js_messages,
        }

    @app.after_request
    def language_headers(response):
        if response.mimetype not in ("text/html", "application/json", "application/atom+xml"):
            return response
        response.vary.add("Accept-Language")
        response.vary.add("Cookie")
        response.headers["Content-Language"] = language_tag(current_locale())
        requested = _requested()
        if requested and request.cookies.get(COOKIE) != requested:
            response.set_cookie(
                COOKIE,
                requested,
                max_age=COOKIE_MAX_AGE,
                secure=bool(app.config.get("HTTPS")),
                httponly=True,
                samesite="Lax",
            )
        return response

"""The visitors' pages: the wall, permalinks, hearts, reports, the event display and the feed."""

from __future__ import annotations

import functools
import hashlib

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _

from ..core.clients import client_hash
from ..core.routing import CATEGORIES
from ..core.text.videolinks import video_host
from ..core.wall_queries import Cursor, featured, published_moment, wall_page
from ..extensions import db, limiter
from ..forms import config_limit, same_site_path
from ..i18n import current_locale
from ..metrics import WALL_SNAPSHOTS
from ..models import MAX_ID, Submission, utcnow
from ..services import share_cards, wall_counts, wall_snapshots
from . import mark
from . import service as visitors
from .cards import CardContent
from .cards import render as render_card
from .cookies import ensure_visitor_key, set_cookie_if_new, visitor_age, visitor_key
from .display import qr_svg, rotation, size_class
from .feed import atom_feed
from .fonts import EMOJI as EMOJI_FONT
from .forms import HeartForm, ReportForm
from .snapshot import MomentView, WallPage

bp = Blueprint("wall", __name__)

FEATURED_ON_WALL = 6
DISPLAY_MOMENTS = 12
DISPLAY_MIN_SECONDS = 4
DISPLAY_MAX_SECONDS = 600
FEED_ENTRIES = 50


bp.add_app_template_filter(video_host, "video_host")  # only a canonical link is linked
bp.add_app_template_global(mark.svg, "campaign_mark")


@bp.app_template_filter("category_label")
def category_label(key: str | None) -> str | None:
    """A category's label in the page's language (None: no category, or one not known)."""
    return _(CATEGORIES[key]) if key in CATEGORIES else None


def _wall_args() -> tuple[Cursor | None, str | None]:
    after = Cursor.decode(request.args.get("after"))
    if request.args.get("after") and after is None:
        abort(400, description=_("That page link is not valid. Start again from the wall."))
    category = request.args.get("category") or None
    if category is not None and category not in CATEGORIES:
        abort(400, description=_("There is no such category. Start again from the wall."))
    return after, category


def _client() -> str:
    """This request's network, as hearts and reports count it (``core.clients``)."""
    return client_hash(current_app.secret_key, request.remote_addr)


def _published_or_404(moment_id: int) -> Submission:
    found = published_moment(db.session, moment_id) if moment_id < MAX_ID else None
    if found is None:
        abort(404)
    return found


def _page(category: str | None, after: Cursor | None, highlights: list[Submission]):
    """A page of the wall, without the moments of the featured row: each shows once."""
    moments, next_cursor = wall_page(
        db.session,
        current_app.config["WALL_PAGE_SIZE"],
        after,
        category,
        exclude=[m.id for m in highlights],
    )
    return moments, next_cursor.encode() if next_cursor else None


def _build_page(category: str | None, after: Cursor | None) -> WallPage:
    row = featured(db.session, FEATURED_ON_WALL, category)
    moments, next_cursor = _page(category, after, row)
    highlights = row if after is None else []
    return WallPage(
        moments=tuple(MomentView.of(m) for m in moments),
        featured=tuple(MomentView.of(m) for m in highlights),
        next_cursor=next_cursor,
        total=wall_counts().published(db.session),
    )


@bp.route("/")
def index():
    after, category = _wall_args()
    key = visitor_key()
    cache = wall_snapshots() if after is None and key is None else None
    if cache is None:
        page = _build_page(category, after)
    else:
        # Visitors with a cookie have hearts to see at their live counts: they skip the copy.
        app = current_app._get_current_object()

        def build() -> WallPage:
            with app.app_context():  # a session of its own: it may run on a background thread
                return _build_page(category, None)

        # Keyed by language too: whatever a kept page ever holds, no visitor gets another's.
        page, result = cache.get((current_locale(), category), build)
        WALL_SNAPSHOTS.labels(result).inc()
    return render_template(
        "wall/index.html",
        moments=page.moments,
        featured=page.featured,
        hearted=visitors.hearted_ids(db.session, key, page.ids),
        next_cursor=page.next_cursor,
        category=category,
        categories=CATEGORIES,
        is_first_page=after is None,
        back=request.full_path.rstrip("?"),
        total=page.total,
    )


@bp.route("/wall/more")
def more():
    """The next page's cards as an HTML fragment, for "Load more" (wall.js)."""
    after, category = _wall_args()
    rows, next_cursor = _page(category, after, featured(db.session, FEATURED_ON_WALL, category))
    moments = [MomentView.of(m) for m in rows]
    return render_template(
        "wall/_more.html",
        moments=moments,
        hearted=visitors.hearted_ids(db.session, visitor_key(), [m.id for m in moments]),
        next_cursor=next_cursor,
        category=category,
        back=url_for("wall.index", after=request.args.get("after"), category=category),
    )


def _render_moment(moment: Submission, report_form: ReportForm, status: int = 200):
    key = visitor_key()
    return render_template(
        "wall/moment.html",
        moment=MomentView.of(moment),
        hearted=visitors.hearted_ids(db.session, key, [moment.id]),
        reported=visitors.has_reported(db.session, key, moment.id),
        report_form=report_form,
        back=url_for("wall.moment", moment_id=moment.id),
    ), status


@bp.route("/moment/<int:moment_id>")
def moment(moment_id: int):
    return _render_moment(_published_or_404(moment_id), ReportForm(formdata=None))


@bp.post("/moment/<int:moment_id>/heart")
@limiter.limit(config_limit("HEART_RATE_LIMIT"))
def heart(moment_id: int):
    form = HeartForm()
    if not form.validate_on_submit():
        abort(400)
    if moment_id >= MAX_ID:
        abort(404)
    try:
        result = visitors.set_heart(
            db.session,
            moment_id,
            ensure_visitor_key(),
            hearted=form.hearted.data != "0",
            client=_client(),
        )
    except visitors.NotPublished:
        abort(404)
    if request.accept_mimetypes.best == "application/json":
        response = jsonify(id=moment_id, hearted=result.hearted, count=result.count)
    else:
        default = url_for("wall.moment", moment_id=moment_id)
        response = redirect(f"{same_site_path(form.back.data) or default}#moment-{moment_id}")
    return set_cookie_if_new(response)


@bp.post("/moment/<int:moment_id>/report")
@limiter.limit(config_limit("REPORT_RATE_LIMIT"))
def report(moment_id: int):
    moment = _published_or_404(moment_id)
    form = ReportForm()
    if not form.validate_on_submit():
        return _render_moment(moment, form, 400)
    try:
        result = visitors.report(
            db.session,
            moment_id,
            ensure_visitor_key(),
            form.reason.data,
            form.note.data,
            hide_threshold=int(current_app.config["REPORT_HIDE_THRESHOLD"]),
            client=_client(),
            counts=visitor_age() >= float(current_app.config["REPORT_MIN_VISITOR_SECONDS"]),
        )
    except visitors.NotPublished:
        abort(404)
    if result.hidden:
        flash(
            _("Thank you for telling us. The moment is hidden until a moderator looks at it."),
            "success",
        )
        response = redirect(url_for("wall.index"))
    else:
        flash(
            _("Thank you for telling us. A moderator will look at this moment.")
            if result.recorded
            else _("You reported this moment already. Thank you."),
            "success",
        )
        response = redirect(url_for("wall.moment", moment_id=moment_id))
    return set_cookie_if_new(response)


def _display_settings() -> tuple[int, bool]:
    """Seconds per moment and whether recent moments show: the config's, or an operator's
    ``?seconds=8&recent=0`` for one screen (checked: a clear 400 for anything else)."""
    config = current_app.config
    seconds = int(config["DISPLAY_ROTATE_SECONDS"])
    recent = "1" if config["DISPLAY_SHOW_RECENT"] else "0"
    if "seconds" in request.args:
        given = request.args["seconds"]
        if not (given.isascii() and given.isdigit()) or not (
            DISPLAY_MIN_SECONDS <= int(given) <= DISPLAY_MAX_SECONDS
        ):
            abort(
                400,
                description=_(
                    "seconds must be a whole number from %(low)s to %(high)s, for example "
                    "/display?seconds=10.",
                    low=DISPLAY_MIN_SECONDS,
                    high=DISPLAY_MAX_SECONDS,
                ),
            )
        seconds = int(given)
    if "recent" in request.args:
        recent = request.args["recent"]
        if recent not in ("0", "1"):
            abort(
                400,
                description=_("recent must be 1 (show recent moments) or 0 (featured only)."),
            )
    return seconds, recent == "1"


@bp.route("/display")
def display():
    """Full screen for events and streams: featured and recent moments taking turns."""
    seconds, show_recent = _display_settings()
    featured_rows = featured(db.session, DISPLAY_MOMENTS)
    recent_rows = (
        wall_page(db.session, DISPLAY_MOMENTS)[0] if show_recent or not featured_rows else []
    )
    moments = rotation(
        [MomentView.of(m) for m in featured_rows], [MomentView.of(m) for m in recent_rows]
    )
    featured_ids = {m.id for m in featured_rows}
    at = request.args.get("at", default=0, type=int) % len(moments) if moments else 0
    share_url = url_for("participate.share", _external=True)
    settings = {}
    if "seconds" in request.args:
        settings["seconds"] = seconds
    if "recent" in request.args:
        settings["recent"] = int(show_recent)
    return render_template(
        "wall/display.html",
        moments=moments,
        featured_ids=featured_ids,
        size_class=size_class,
        at=at,
        next_url=url_for("wall.display", at=(at + 1) % len(moments) if moments else 0, **settings),
        refresh_url=url_for("wall.display", **settings),
        rotate_seconds=seconds,
        refresh_seconds=current_app.config["DISPLAY_REFRESH_SECONDS"],
        total=wall_counts().published(db.session),
        share_url=share_url,
        qr=qr_svg(share_url, _("QR code: scan to share your kind moment")),
    )


def _site() -> str:
    return url_for("wall.index", _external=True).split("://", 1)[-1].rstrip("/")


def _png(data: bytes, etag: str) -> Response:
    response = Response(data, mimetype="image/png")
    response.set_etag(etag)
    return response.make_conditional(request)


@bp.route("/moment/<int:moment_id>/card.png")
@limiter.limit(config_limit("CARD_RATE_LIMIT"))
def card(moment_id: int):
    """The moment's share card (og:image). Asked of the database every time: a moment that
    left the wall has no card, and its kept copy is dropped."""
    found = published_moment(db.session, moment_id) if moment_id < MAX_ID else None
    if found is None:
        share_cards().forget(moment_id)
        abort(404)
    content = CardContent(
        found.id, found.text, found.display_name, found.for_whom, category_label(found.category)
    )
    site = _site()
    png = share_cards().get(content, lambda: render_card(content, site))
    return _png(png, content.key)


@bp.route("/card.png")
def wall_card():
    """The wall's own share card, for its home page's og:image."""
    content = CardContent(
        0, "Kind comments and inspiring moments, shared for #CreateKindness.", "The kindness wall"
    )
    site = _site()
    return _png(share_cards().get(content, lambda: render_card(content, site)), content.key)


@functools.cache
def _emoji_font() -> bytes:
    return EMOJI_FONT.read_bytes()


@bp.route("/fonts/emoji.ttf")
def emoji_font():
    """Noto Emoji, the font stack's last resort where a device has no emoji font of its own
    (kindness.css loads it only for emoji code points)."""
    data = _emoji_font()
    response = Response(data, mimetype="font/ttf")
    response.set_etag(hashlib.sha256(data).hexdigest()[:20])
    return response.make_conditional(request)


@bp.route("/feed.atom")
def feed():
    moments = wall_page(db.session, FEED_ENTRIES)[0]
    body = atom_feed(
        moments,
        title=_("#CreateKindness wall"),
        feed_url=url_for("wall.feed", _external=True),
        wall_url=url_for("wall.index", _external=True),
        permalink=lambda m: url_for("wall.moment", moment_id=m.id, _external=True),
        now=utcnow(),
    )
    return Response(body, mimetype="application/atom+xml")

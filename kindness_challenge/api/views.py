from __future__ import annotations

from flask import Blueprint, abort, jsonify, request, url_for

from ..core.campaign import CampaignState, load_window
from ..core.routing import CATEGORIES
from ..core.wall_queries import Cursor, published_moment, wall_page
from ..extensions import db, limiter
from ..forms import config_limit
from ..models import MAX_ID, Submission
from ..services import wall_counts
from .openapi import DEFAULT_LIMIT, MAX_LIMIT, openapi_document

bp = Blueprint("api", __name__, url_prefix="/api")


# One budget per client for the whole API, not one per path.
limiter.shared_limit(config_limit("API_RATE_LIMIT"), scope="api")(bp)


def moment_json(moment: Submission) -> dict:
    """The public fields of a published moment: never scores, hashes, states or notes."""
    return {
        "id": moment.id,
        "text": moment.text,
        "display_name": moment.display_name,
        "for_whom": moment.for_whom,
        "category": moment.category if moment.category in CATEGORIES else None,
        "video_url": moment.video_url,
        "published_at": moment.published_at.isoformat(),
        "heart_count": moment.heart_count,
        "url": url_for("wall.moment", moment_id=moment.id, _external=True),
        "imported_from": {"source": moment.source, "url": moment.source_url}
        if moment.source
        else None,
    }


def _query_args() -> tuple[Cursor | None, str | None, int]:
    raw_after = request.args.get("after")
    after = Cursor.decode(raw_after)
    if raw_after and after is None:
        abort(400, description="'after' is not a cursor this API gave out.")
    category = request.args.get("category") or None
    if category is not None and category not in CATEGORIES:
        abort(400, description=f"'category' must be one of: {', '.join(CATEGORIES)}.")
    raw_limit = request.args.get("limit") or str(DEFAULT_LIMIT)
    # ASCII digits only: str.isdigit() also says yes to "²", which int() cannot read.
    if not (raw_limit.isascii() and raw_limit.isdigit() and len(raw_limit) <= 4) or not (
        1 <= int(raw_limit) <= MAX_LIMIT
    ):
        abort(400, description=f"'limit' must be a whole number from 1 to {MAX_LIMIT}.")
    return after, category, int(raw_limit)


@bp.get("/v1/moments")
def moments():
    after, category, limit = _query_args()
    page, next_cursor = wall_page(db.session, limit, after, category)
    next_value = next_cursor.encode() if next_cursor else None
    return jsonify(
        moments=[moment_json(m) for m in page],
        next=next_value,
        next_url=url_for(
            "api.moments", after=next_value, category=category, limit=limit, _external=True
        )
        if next_value
        else None,
    )


@bp.get("/v1/moments/<int:id>")
def moment(id: int):  # "id": as in the URL and the OpenAPI document
    found = published_moment(db.session, id) if id < MAX_ID else None
    if found is None:
        abort(404, description="There is no published moment with that id.")
    return jsonify(moment_json(found))


@bp.get("/v1/counts")
def count_totals():
    cache = wall_counts()
    return jsonify(published=cache.published(db.session), hearts=cache.hearts(db.session))


@bp.get("/v1/campaign")
def campaign():
    window = load_window(db.session)
    state = window.state()
    share = url_for("participate.share", _external=True) if state is CampaignState.open else None
    return jsonify(state=state.value, **window.as_data(), share_url=share)


@bp.get("/openapi.json")
def openapi():
    return jsonify(openapi_document())

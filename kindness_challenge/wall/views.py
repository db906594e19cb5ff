from __future__ import annotations

from flask import Blueprint, abort, current_app, render_template, request

from ..extensions import db
from .queries import Cursor, published_count, published_moment, wall_page

bp = Blueprint("wall", __name__)


@bp.route("/")
def index():
    after = Cursor.decode(request.args.get("after"))
    if request.args.get("after") and after is None:
        abort(400, description="That page link is not valid. Start again from the wall.")
    moments, next_cursor = wall_page(db.session, current_app.config["WALL_PAGE_SIZE"], after)
    return render_template(
        "wall/index.html",
        moments=moments,
        next_cursor=next_cursor.encode() if next_cursor else None,
        is_first_page=after is None,
        total=published_count(db.session),
    )


@bp.route("/moment/<int:moment_id>")
def moment(moment_id: int):
    found = published_moment(db.session, moment_id) if moment_id < 2**62 else None
    if found is None:
        abort(404)
    return render_template("wall/moment.html", moment=found)

from __future__ import annotations

from flask import Blueprint, abort, current_app, flash, redirect, render_template, url_for

from ..extensions import db, limiter
from ..models import State
from ..scorer import get_scorer
from ..submissions import create_submission, find_by_receipt
from .forms import TEXT_MAX, SubmissionForm

bp = Blueprint("participate", __name__)


def _submit_limit() -> str:
    return current_app.config["SUBMIT_RATE_LIMIT"]


@bp.route("/share", methods=["GET", "POST"])
@limiter.limit(_submit_limit, methods=["POST"])
def share():
    form = SubmissionForm()
    if form.validate_on_submit():
        submission, token = create_submission(
            db.session,
            text=form.text.data,
            display_name=form.display_name.data,
            video_url=form.video_url.data,
            consent_public=form.consent.data,
        )
        get_scorer(current_app).notify_new_submission()
        flash("Thank you! Your kind moment is in. Keep this page's link to follow it.", "success")
        return redirect(url_for("participate.receipt", token=token))
    status = 400 if form.is_submitted() else 200
    return render_template("participate/share.html", form=form, text_max=TEXT_MAX), status


@bp.route("/receipt/<token>")
def receipt(token: str):
    submission = find_by_receipt(db.session, token)
    if submission is None:
        abort(404)
    decision = next(
        (t for t in reversed(submission.transitions) if t.to_state == submission.state), None
    )
    response = current_app.make_response(
        render_template(
            "participate/receipt.html",
            submission=submission,
            decision=decision,
            token=token,
            State=State,
        )
    )
    # The link is the only key to this page: keep it out of caches and referrers.
    response.headers["Cache-Control"] = "no-store"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response

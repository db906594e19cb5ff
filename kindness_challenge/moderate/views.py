from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required, login_user, logout_user

from ..accounts import authenticate
from ..extensions import db, limiter
from ..moderation import (
    REJECTION_REASONS,
    DecisionRefused,
    decide,
    queue_depth,
    recent_decisions,
    review_queue,
)
from ..scorer import get_scorer
from .forms import ApproveForm, LoginForm, RejectForm

bp = Blueprint("moderate", __name__, url_prefix="/moderate")


def _login_limit() -> str:
    return current_app.config["LOGIN_RATE_LIMIT"]


def _safe_next(target: str | None) -> str:
    """Only same-site paths are followed after login (no open redirect)."""
    if target and target.startswith("/") and not target.startswith("//"):
        if not urlsplit(target).netloc and "\\" not in target:
            return target
    return url_for("moderate.queue")


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(_login_limit, methods=["POST"])
def login():
    form = LoginForm(next=request.args.get("next", ""))
    if form.validate_on_submit():
        moderator = authenticate(db.session, form.username.data, form.password.data)
        if moderator is not None:
            login_user(moderator)
            flash(f"Welcome back, {moderator.username}.", "success")
            return redirect(_safe_next(form.next.data))
        form.password.errors.append("That username and password do not match an account.")
    status = 400 if form.is_submitted() else 200
    return render_template("moderate/login.html", form=form), status


@bp.route("/logout", methods=["POST"])
@login_required
def logout():
    logout_user()
    flash("You are logged out.", "success")
    return redirect(url_for("wall.index"))


@bp.route("/")
@login_required
def queue():
    scorer = get_scorer(current_app)
    return render_template(
        "moderate/queue.html",
        items=review_queue(db.session),
        counts=queue_depth(db.session),
        classifier=scorer.classifier.description,
        classifier_labels=getattr(scorer.classifier, "labels", None),
        thresholds=scorer.thresholds,
        approve_form=ApproveForm(),
        reject_form=RejectForm(),
    )


@bp.route("/submission/<int:submission_id>/approve", methods=["POST"])
@login_required
def approve(submission_id: int):
    if ApproveForm().validate_on_submit():
        try:
            decide(db.session, submission_id, current_user, approve=True)
            flash(f"Submission #{submission_id} approved and published.", "success")
        except DecisionRefused as refused:
            flash(str(refused), "error")
    return redirect(url_for("moderate.queue"))


@bp.route("/submission/<int:submission_id>/reject", methods=["POST"])
@login_required
def reject(submission_id: int):
    form = RejectForm()
    if not form.validate_on_submit():
        for errors in form.errors.values():
            for error in errors:
                flash(f"Submission #{submission_id} not rejected: {error}", "error")
        return redirect(url_for("moderate.queue"))
    try:
        decide(
            db.session,
            submission_id,
            current_user,
            approve=False,
            reason_code=form.reason.data,
            note=form.note.data or None,
        )
        flash(f"Submission #{submission_id} rejected.", "success")
    except DecisionRefused as refused:
        flash(str(refused), "error")
    return redirect(url_for("moderate.queue"))


@bp.route("/decisions")
@login_required
def decisions():
    return render_template(
        "moderate/decisions.html",
        decisions=recent_decisions(db.session),
        reasons=REJECTION_REASONS,
    )

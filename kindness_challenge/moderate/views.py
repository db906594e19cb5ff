"""The moderators' blueprint: log in, work the queue, decide, and look back."""

from __future__ import annotations

import hashlib
import hmac
import re
from datetime import timedelta

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_limiter import MetaLimit
from flask_login import current_user, login_required, login_user, logout_user
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from ..core import accounts, audit
from ..core.accounts import authenticate, normalise_username
from ..core.routing import CATEGORIES, language_name
from ..core.text.videolinks import video_host
from ..extensions import db, limiter
from ..forms import config_limit, same_site_path
from ..i18n import m_
from ..models import (
    REPORT_REASON_LABELS,
    REVIEW_KIND_LABELS,
    AuditEvent,
    Moderator,
    ReviewKind,
    State,
    Submission,
)
from ..scoring.kindness import unwrap
from ..services import get_scorer
from . import service as moderation
from .explain import highlight, occlusion_weights_many
from .forms import ActionForm, BulkForm, LoginForm, RejectForm, TakeDownForm
from .service import REJECTION_REASONS, SORTS, TAKE_DOWN_REASONS, DecisionRefused, QueueFilter

bp = Blueprint("moderate", __name__, url_prefix="/moderate")
bp.add_app_template_filter(language_name, "language_name")
bp.add_app_template_filter(video_host, "video_host")  # the host a video link really opens on
QUEUE_PAGE = 50
# A language code as the worker stores it (``core.text.language.detect_language``): ISO 639-1
# where there is one ("de"), else ISO 639-3 ("ace"), or "und" or "mul".
LANGUAGE_CODE = re.compile(r"[a-z]{2,3}")


def _safe_next(target: str | None) -> str:
    """Only same-site paths are followed after login (no open redirect)."""
    return same_site_path(target) or url_for("moderate.queue")


def _queue_view(target: str | None) -> str:
    """The queue as the moderator left it (its filters in the query string), when ``target`` is
    a queue address on this site; else the plain queue."""
    queue = url_for("moderate.queue")
    target = same_site_path(target)
    if target and (target == queue or target.startswith(queue + "?")):
        return target
    return queue


def _back(default: str = "moderate.queue"):
    """Redirect to the page the form came from, if it was one of ours."""
    return redirect(
        _safe_next(request.form.get("back")) if request.form.get("back") else url_for(default)
    )


def _login_name_key() -> str:
    """The rate-limit key of the username in a login form: a keyed hash of its normalised form,
    for names that exist and names that do not alike (the answer reveals nothing)."""
    name = normalise_username(request.form.get("username", ""))
    secret = str(current_app.secret_key).encode()
    digest = hmac.new(secret, b"login-name:" + name.encode(), hashlib.sha256).hexdigest()
    return f"login-name:{digest[:32]}"


def _not_a_login_post() -> bool:
    return request.method != "POST"


THROTTLE_AUDIT_EVERY = timedelta(minutes=10)


def _login_throttled(limit) -> None:
    """A name's login limit is breached: one audit row per burst (at most one per name every
    THROTTLE_AUDIT_EVERY), so moderators see guessing in the audit log without a row per try."""
    subject = f"username {normalise_username(request.form.get('username', ''))!r}"
    try:
        audit.record_once(
            db.session,
            "login_throttled",
            subject,
            THROTTLE_AUDIT_EVERY,
            note=f"more login attempts for this name than {limit.limit}; further ones refused",
        )
        db.session.commit()
    except SQLAlchemyError:
        db.session.rollback()
        current_app.logger.exception("could not record a login throttle in the audit log")


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(config_limit("LOGIN_RATE_LIMIT"), methods=["POST"])
@limiter.limit(
    config_limit("LOGIN_NAME_RATE_LIMIT"),
    key_func=_login_name_key,
    methods=["POST"],
    scope="login-name",
    on_breach=_login_throttled,
    meta_limits=[
        MetaLimit(
            config_limit("LOGIN_NAME_BACKOFF"),
            key_function=_login_name_key,
            scope="login-name-backoff",
            exempt_when=_not_a_login_post,
        )
    ],
)
def login():
    form = LoginForm(next=request.args.get("next", ""))
    if form.validate_on_submit():
        moderator = authenticate(db.session, form.username.data, form.password.data)
        if moderator is not None:
            login_user(moderator)
            audit.record(db.session, moderator, "login")
            db.session.commit()
            flash(m_("Welcome back, %(name)s.", name=moderator.username), "success")
            return redirect(_safe_next(form.next.data))
        audit.record(
            db.session,
            None,
            "login_failed",
            subject=f"username {form.username.data[:40]!r}",
            actor="anonymous",
        )
        db.session.commit()
        form.password.errors.append(m_("That username and password do not match an account."))
    status = 400 if form.is_submitted() else 200
    return render_template("moderate/login.html", form=form), status


@bp.route("/logout", methods=["POST"])
@login_required
def logout():
    audit.record(db.session, current_user, "logout")
    accounts.end_sessions(current_user)  # a copy of this session's cookie dies with it
    db.session.commit()
    logout_user()
    flash(m_("You are logged out."), "success")
    return redirect(url_for("wall.index"))


def _id_or_400(raw: str) -> int:
    """An id from a query string or form: ASCII digits, no larger than a database integer."""
    if not (raw.isascii() and raw.isdigit() and len(raw) <= 19) or int(raw) > 2**63 - 1:
        abort(400)
    return int(raw)


def _filters() -> QueueFilter:
    args = request.args
    kind = ReviewKind(args["reason"]) if args.get("reason") in REVIEW_KIND_LABELS else None
    category = args.get("category") if args.get("category") in CATEGORIES else None
    sort = args.get("sort") if args.get("sort") in SORTS else "oldest"
    label = args.get("label") or None
    if label and (len(label) > 40 or not label.replace("_", "").isalnum()):
        label = None
    try:
        older = float(args["older_than"]) if args.get("older_than") else None
    except ValueError:
        older = None
    if older is not None and not 0 < older < 24 * 365:
        older = None
    language = (args.get("language") or "").lower() or None
    if language and not LANGUAGE_CODE.fullmatch(language):
        language = None
    return QueueFilter(kind, label, older, category, sort, language)


def _explanations(items: list[Submission], always: bool = False) -> dict[int, list]:
    """Highlighted segments per item: the stored word-list matches always; the words that drove
    the scores where that is cheap (a classifier with ``score_occlusions``: every item of a
    queue page at once) or on request (an item's page: any classifier, every variant in one
    batch)."""
    classifier = get_scorer(current_app).classifier
    cheap = callable(getattr(unwrap(classifier), "score_occlusions", None))
    asked = {}  # item id -> (text, label) to explain
    for item in items:
        scores = item.score_map()
        if (cheap or always) and scores:
            asked[item.id] = (item.text, max(scores, key=scores.get))
    explained = occlusion_weights_many(classifier, list(asked.values()), fast_only=not always)
    weights = dict(zip(asked, explained, strict=True))
    result = {}
    for item in items:
        phrases = tuple(item.matched_phrases or ())
        result[item.id] = highlight(item.text, weights.get(item.id), phrases)
    return result


@bp.route("/")
@login_required
def queue():
    filters = _filters()
    scorer = get_scorer(current_app)
    items = moderation.review_queue(db.session, filters, limit=QUEUE_PAGE)
    return render_template(
        "moderate/queue.html",
        items=items,
        filters=filters,
        explanations=_explanations(items),
        viewing={i.id: moderation.viewed_by_other(i, current_user) for i in items},
        own_appeals={i.id for i in items if moderation.own_appeal(db.session, i, current_user)},
        counts=moderation.queue_depth(db.session),
        newest_id=moderation.newest_review_id(db.session),
        classifier=scorer.classifier.description,
        classifier_labels=getattr(scorer.classifier, "labels", None),
        thresholds=scorer.thresholds,
        review_kinds=REVIEW_KIND_LABELS,
        categories=CATEGORIES,
        sorts=SORTS,
        languages=moderation.queue_languages(db.session, filters),
        action_form=ActionForm(),
        reject_form=RejectForm(),
        bulk_form=BulkForm(),
    )


@bp.route("/queue/poll")
@login_required
def queue_poll():
    """For the queue page's polling: new items since ``after`` and who is viewing what, within
    the page's filters (a moderator working French items is not told of German ones)."""
    after = _id_or_400(request.args.get("after", "0"))
    items = moderation.review_queue(db.session, _filters(), limit=500)
    return jsonify(
        newest=moderation.newest_review_id(db.session),
        new_count=sum(1 for i in items if i.id > after),
        in_review=len(items),
        viewing={
            str(i.id): name
            for i in items
            if (name := moderation.viewed_by_other(i, current_user)) is not None
        },
    )


@bp.route("/submission/<int:submission_id>")
@login_required
def item(submission_id: int):
    submission = db.get_or_404(Submission, submission_id)
    if submission.state is State.needs_review:
        moderation.mark_viewing(db.session, submission_id, current_user)
        db.session.refresh(submission)
    return render_template(
        "moderate/item.html",
        item=submission,
        segments=_explanations([submission], always=True)[submission.id],
        history=moderation.item_history(db.session, submission_id),
        viewing=moderation.viewed_by_other(submission, current_user),
        own_appeal=moderation.own_appeal(db.session, submission, current_user),
        thresholds=get_scorer(current_app).thresholds,
        action_form=ActionForm(),
        reject_form=RejectForm(),
        take_down_form=TakeDownForm(),
        review_kinds=REVIEW_KIND_LABELS,
        categories=CATEGORIES,
        queue_view=_queue_view(request.args.get("queue")),
    )


def wants_json() -> bool:
    """The queue's script asks for JSON (``Accept: application/json``); a plain form post
    (no JavaScript) does not."""
    accepted = request.accept_mimetypes
    return accepted.quality("application/json") > accepted.quality("text/html")


def _answer(submission_id: int, message: str, status: int = 200, undo: bool = False):
    """The queue's script (``Accept: application/json``) gets the outcome as JSON and changes
    the page in place; a plain form post gets it flashed on the page it came from."""
    if wants_json():
        return jsonify(
            ok=status == 200,
            id=submission_id,
            message=message,
            undo_url=url_for("moderate.undo", submission_id=submission_id) if undo else None,
        ), status
    if undo:  # rendered with an Undo button by base.html
        flash([message, submission_id], "undo")
    else:
        flash(message, "success" if status == 200 else "error")
    return _back()


def _decide(submission_id: int, approve: bool):
    form = RejectForm() if not approve else ActionForm()
    if not form.validate_on_submit():
        errors = [error for field in form.errors.values() for error in field]
        if wants_json():
            return _answer(
                submission_id,
                m_("#%(id)s not rejected: %(error)s", id=submission_id, error=errors[0]),
                400,
            )
        for error in errors:
            flash(
                m_("Submission #%(id)s not rejected: %(error)s", id=submission_id, error=error),
                "error",
            )
        return _back()
    try:
        moderation.decide(
            db.session,
            submission_id,
            current_user,
            approve=approve,
            reason_code=None if approve else form.reason.data,
            note=None if approve else (form.note.data or None),
        )
        message = (
            m_("Submission #%(id)s approved and published.", id=submission_id)
            if approve
            else m_("Submission #%(id)s rejected.", id=submission_id)
        )
        if approve and request.form.get("feature") == "1":
            moderation.set_featured(db.session, submission_id, current_user, True)
            message = m_("Submission #%(id)s approved, published and featured.", id=submission_id)
    except DecisionRefused as refused:
        return _answer(submission_id, str(refused), 409)
    return _answer(submission_id, message, undo=True)


@bp.route("/submission/<int:submission_id>/approve", methods=["POST"])
@login_required
def approve(submission_id: int):
    return _decide(submission_id, approve=True)


@bp.route("/submission/<int:submission_id>/reject", methods=["POST"])
@login_required
def reject(submission_id: int):
    return _decide(submission_id, approve=False)


@bp.route("/bulk", methods=["POST"])
@login_required
def bulk():
    form = BulkForm()
    ids = [_id_or_400(value) for value in request.form.getlist("ids")[:200]]
    if not form.validate_on_submit():
        abort(400)
    if not ids:
        flash(m_("Select at least one item first."), "error")
        return _back()
    approve = form.action.data == "approve"
    if not approve and form.reason.data not in REJECTION_REASONS:
        flash(m_("Choose a reason to reject the selected items."), "error")
        return _back()
    result = moderation.bulk_decide(
        db.session, ids, current_user, approve, form.reason.data or None, form.note.data or None
    )
    if result.done:
        done = ", ".join(f"#{i}" for i in result.done)
        flash(
            m_("%(num)s approved: %(ids)s", num=len(result.done), ids=done)
            if approve
            else m_("%(num)s rejected: %(ids)s", num=len(result.done), ids=done),
            "success",
        )
    for message in result.refused:
        flash(message, "error")
    return _back()


@bp.route("/submission/<int:submission_id>/undo", methods=["POST"])
@login_required
def undo(submission_id: int):
    if not ActionForm().validate_on_submit():
        return _answer(
            submission_id, m_("That undo could not be read; please reload the page."), 400
        )
    try:
        moderation.undo(db.session, submission_id, current_user)
    except DecisionRefused as refused:
        return _answer(submission_id, str(refused), 409)
    return _answer(submission_id, m_("Undone: #%(id)s is back in the queue.", id=submission_id))


@bp.route("/submission/<int:submission_id>/feature", methods=["POST"])
@login_required
def feature(submission_id: int):
    on = request.form.get("on", "1") == "1"
    if ActionForm().validate_on_submit():
        try:
            moderation.set_featured(db.session, submission_id, current_user, on)
            flash(
                m_("#%(id)s is now featured.", id=submission_id)
                if on
                else m_("#%(id)s is no longer featured.", id=submission_id),
                "success",
            )
        except DecisionRefused as refused:
            flash(str(refused), "error")
    return _back()


@bp.route("/submission/<int:submission_id>/take-down", methods=["POST"])
@login_required
def take_down(submission_id: int):
    form = TakeDownForm()
    if not form.validate_on_submit():
        for errors in form.errors.values():
            for error in errors:
                flash(str(error), "error")
        return _back()
    try:
        moderation.take_down(
            db.session, submission_id, current_user, form.reason.data, form.note.data or None
        )
        flash(m_("#%(id)s is off the wall and back in the queue.", id=submission_id), "success")
    except DecisionRefused as refused:
        flash(str(refused), "error")
    return _back()


@bp.route("/reported")
@login_required
def reported():
    items = moderation.reported_queue(db.session)
    return render_template(
        "moderate/reported.html",
        items=items,
        report_reasons=REPORT_REASON_LABELS,
        action_form=ActionForm(),
        reject_form=RejectForm(),
        take_down_form=TakeDownForm(),
    )


@bp.route("/submission/<int:submission_id>/dismiss-reports", methods=["POST"])
@login_required
def dismiss_reports(submission_id: int):
    db.get_or_404(Submission, submission_id)
    if ActionForm().validate_on_submit():
        count = moderation.dismiss_reports(db.session, submission_id, current_user)
        flash(m_("%(num)s report(s) on #%(id)s dismissed.", num=count, id=submission_id), "success")
    return _back("moderate.reported")


@bp.route("/decisions")
@login_required
def decisions():
    return render_template(
        "moderate/decisions.html",
        decisions=moderation.recent_decisions(db.session),
        reasons=REJECTION_REASONS,
        take_down_reasons=TAKE_DOWN_REASONS,
        action_form=ActionForm(),
        undo_window=moderation.UNDO_GRACE,
    )


@bp.route("/audit")
@login_required
def audit_log():
    query = select(AuditEvent).order_by(AuditEvent.id.desc())
    moderator_name = request.args.get("moderator") or None
    action = request.args.get("action") if request.args.get("action") in audit.ACTIONS else None
    if moderator_name:
        query = query.where(AuditEvent.actor == moderator_name[:120])
    if action:
        query = query.where(AuditEvent.action == action)
    before = _id_or_400(request.args["before"]) if request.args.get("before") else None
    if before:
        query = query.where(AuditEvent.id < before)
    events = db.session.scalars(query.limit(100)).all()
    return render_template(
        "moderate/audit.html",
        events=events,
        actions=audit.ACTIONS,
        moderators=db.session.scalars(select(Moderator.username).order_by(Moderator.username)),
        selected_moderator=moderator_name,
        selected_action=action,
        next_before=events[-1].id if len(events) == 100 else None,
    )

"""The participants' blueprint: share a moment (with a kindness nudge), follow it, withdraw or
appeal it."""

from __future__ import annotations

from datetime import timedelta

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
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from sqlalchemy import exc as sa_exc

from ..core.campaign import CampaignState, load_window
from ..core.clients import client_hash
from ..core.reasons import PUBLIC_REASONS
from ..core.routing import CATEGORIES
from ..core.text.length import text_length
from ..core.text.scoring_form import scoring_text
from ..extensions import csrf, db, limiter
from ..forms import config_limit
from ..i18n import current_locale, use_submission_locale
from ..metrics import NUDGE_SCORES, NUDGES_SKIPPED
from ..models import State
from ..scoring.kindness import unwrap
from ..scoring.worker import reusable_prescores
from ..services import get_scorer, nudge_policy, nudge_runner, nudge_scores
from . import service as participation
from .forms import TEXT_MAX, AppealForm, SubmissionForm, WithdrawForm
from .low_priority import Busy
from .nudge_cache import score_key
from .submit import create_submission, find_by_receipt

bp = Blueprint("participate", __name__)


def _client() -> str:
    return client_hash(current_app.secret_key, request.remote_addr)


def _kept_scores(classifier, text: str) -> tuple[str | None, dict | None]:
    """This text's key in the nudge score cache and the prescores kept there, if usable by
    ``classifier``; (None, None) where nothing is kept."""
    cache = nudge_scores()
    if cache is None or not text.strip():
        return None, None
    version = f"{classifier.name} {classifier.version}"
    key = score_key(current_app.secret_key, version, scoring_text(text))
    kept = cache.get(key)
    return key, kept if reusable_prescores(classifier, kept) is not None else None


def _nudge(text: str) -> participation.Nudge:
    scorer = get_scorer(current_app)
    # advice may lag a change made in another process by a moment (see policy_cache)
    policy = nudge_policy().get(db.session, scorer.thresholds)
    # The nudge ignores kindness (require_kindness=False): skip an added kindness head's model.
    classifier = unwrap(scorer.classifier)
    key, kept = _kept_scores(classifier, text)
    if kept is not None:
        NUDGE_SCORES.labels("kept").inc()
        return participation.nudge(classifier, policy, text, kept["scores"])
    # Advice only: a skipped nudge leaves the moment to be stored and scored by the worker.
    try:
        result = nudge_runner().run(participation.nudge, classifier, policy, text)
    except Busy:
        NUDGES_SKIPPED.labels("busy").inc()  # a spike: no log line per submission
        return participation.Nudge(False)
    except TimeoutError:
        NUDGES_SKIPPED.labels("late").inc()
        current_app.logger.warning("nudge skipped: the classifier did not answer in time")
        return participation.Nudge(False)
    NUDGE_SCORES.labels("model").inc()
    if key is not None and result.prescores is not None:
        nudge_scores().put(key, result.prescores)
    return result


# Said instead of a bare error when a sent form could not be taken: the words stay in the form.
SEND_AGAIN_EXPIRED = _l(
    "We could not send your moment yet: this page was open for a long time, or your browser "
    "started a new session, so its security check had run out. Your words are still here. "
    "Please press “Share my kind moment” again."
)
SEND_AGAIN_TOO_MANY = _l(
    "You have sent a lot in a short time, so we could not take this one yet. Your words are "
    "still here: please wait a minute, then press “Share my kind moment” again."
)


def _share_again(request_limit) -> Response:
    """The share form's answer to its rate limit (Flask-Limiter's ``on_breach``): the form again,
    with the participant's words, instead of a bare 429 page."""
    page, status = _form_page(SubmissionForm(), None, 429, send_again=SEND_AGAIN_TOO_MANY)
    return current_app.make_response((page, status))


@bp.route("/share", methods=["GET", "POST"])
@limiter.limit(config_limit("SUBMIT_RATE_LIMIT"), methods=["POST"], on_breach=_share_again)
@csrf.exempt  # checked below, so that an expired token keeps the participant's words
def share():
    try:
        window = load_window(db.session)
    except sa_exc.DBAPIError:
        # The database is down: the empty form needs none, so a participant can write while it
        # comes back (the window is read again on sending; that answers 503 if it is still down).
        if request.method == "POST":
            raise
        window = None
    if window is not None and window.state() is not CampaignState.open:
        return _campaign_closed(window)
    form = SubmissionForm()
    nudge = None
    if request.method == "POST" and current_app.config["WTF_CSRF_ENABLED"]:
        try:
            csrf.protect()  # the same check as every other form (token, and referrer on https)
        except CSRFError:
            return _form_page(form, None, 400, send_again=SEND_AGAIN_EXPIRED)
    if form.validate_on_submit():
        if form.website.data:
            form.website.errors.append(_("This field must be left empty."))
            return _form_page(form, None, 400)
        client = _client()
        fingerprint = participation.text_fingerprint(form.text.data)
        window = timedelta(seconds=current_app.config["DUPLICATE_WINDOW_SECONDS"])
        if participation.recent_duplicate(db.session, client, fingerprint, window):
            form.text.errors.append(
                _(
                    "You shared this same moment a few minutes ago, and it is already in. "
                    "Follow it with the link you got then."
                )
            )
            return _form_page(form, None, 400)
        prescores = None
        if form.nudge_ack.data != "1":
            nudge = _nudge(form.text.data)
            if nudge.flagged:
                return _form_page(form, nudge, 200)
            prescores = nudge.prescores  # the worker need not score this text again
        else:
            # sent anyway after a nudge: scored when the nudge was shown, if still kept
            prescores = _kept_scores(unwrap(get_scorer(current_app).classifier), form.text.data)[1]
        submission, token = create_submission(
            db.session,
            text=form.text.data,
            display_name=form.display_name.data,
            video_url=form.video_url.data,
            consent_public=form.consent.data,
            for_whom=form.for_whom.data,
            category=form.category.data,
            client_hash=client,
            text_hash=fingerprint,
            prescores=prescores,
            locale=current_locale(),
        )
        get_scorer(current_app).notify_new_submission()
        flash(
            _("Thank you! Your kind moment is in. Keep this page's link to follow it."), "success"
        )
        return redirect(url_for("participate.receipt", token=token))
    return _form_page(form, None, 400 if form.is_submitted() else 200)


def _campaign_closed(window):
    """Before the campaign opens or after it closes: a friendly page instead of the form. A
    moment sent from a form opened before the close comes back with the participant's words,
    so nothing they wrote is lost."""
    written = request.form.get("text", "") if request.method == "POST" else ""
    page = render_template(
        "participate/closed.html",
        state=window.state(),
        window=window,
        CampaignState=CampaignState,
        written=written[: TEXT_MAX * 2],
    )
    return page, 403 if request.method == "POST" else 200


def _form_page(form: SubmissionForm, nudge, status: int, send_again: str | None = None):
    return render_template(
        "participate/share.html",
        form=form,
        nudge=nudge,
        text_max=TEXT_MAX,
        send_again=send_again,
    ), status


@bp.route("/share/nudge", methods=["POST"])
@limiter.limit(config_limit("NUDGE_RATE_LIMIT"))
def nudge():
    """Score a draft while it is typed; nothing is stored. JSON in, JSON out (CSRF header)."""
    payload = request.get_json(silent=True)
    text = payload.get("text") if isinstance(payload, dict) else None
    if not isinstance(text, str) or len(text) > TEXT_MAX * 8 or text_length(text) > TEXT_MAX * 2:
        abort(400, description=_('Send the draft as JSON: {"text": "..."}.'))
    result = _nudge(text)
    return jsonify(flagged=result.flagged, message=_(result.message) if result.message else "")


def _submission_or_404(token: str):
    submission = find_by_receipt(db.session, token)
    if submission is None:
        abort(404)
    use_submission_locale(submission.locale)  # its pages speak the language it was shared in
    return submission


@bp.route("/receipt/<token>")
def receipt(token: str):
    return _receipt_page(_submission_or_404(token), token)


def _receipt_page(submission, token: str, appeal_form: AppealForm | None = None, status=200):
    """The receipt; with ``appeal_form`` (one that did not validate) its appeal panel stays
    open, showing the error beside the words the participant wrote."""
    decision = next(
        (t for t in reversed(submission.transitions) if t.to_state == submission.state), None
    )
    rejection = next(
        (t for t in reversed(submission.transitions) if t.to_state is State.rejected), None
    )
    response = current_app.make_response(
        render_template(
            "participate/receipt.html",
            submission=submission,
            decision=decision,
            rejection=rejection,
            token=token,
            State=State,
            categories=CATEGORIES,
            public_reasons=PUBLIC_REASONS,
            appeal_form=appeal_form or AppealForm(formdata=None),
            withdraw_form=WithdrawForm(formdata=None),
        )
    )
    response.status_code = status
    # The link is the only key to this page: keep it out of caches and referrers.
    response.headers["Cache-Control"] = "no-store"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


@bp.route("/receipt/<token>/status")
def receipt_status(token: str):
    """The receipt page polls this while it waits, and reloads when the state changes."""
    submission = _submission_or_404(token)
    response = jsonify(state=submission.state.value)
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.route("/receipt/<token>/withdraw", methods=["POST"])
def withdraw(token: str):
    submission = _submission_or_404(token)
    form = WithdrawForm()
    if not form.validate_on_submit():
        flash(_("Tick the box to confirm you want to withdraw it."), "error")
        return redirect(url_for("participate.receipt", token=token))
    participation.withdraw(db.session, submission)
    return render_template("participate/withdrawn.html")


@bp.route("/receipt/<token>/appeal", methods=["POST"])
def appeal(token: str):
    submission = _submission_or_404(token)
    form = AppealForm()
    if form.validate_on_submit():
        try:
            participation.appeal(db.session, submission, form.note.data)
            flash(_("Your appeal is in. A moderator will look at your moment again."), "success")
        except participation.ParticipantError as error:
            flash(_(error.message, **error.values), "error")
    else:
        # Shown in place (not after a redirect): the panel stays open with the error beside
        # what was written, which a redirect would lose.
        return _receipt_page(submission, token, form, 400)
    return redirect(url_for("participate.receipt", token=token))

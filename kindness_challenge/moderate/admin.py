"""Admin pages of the moderators' blueprint: routing policy, word lists, accounts."""

from __future__ import annotations

from datetime import UTC
from functools import wraps

from flask import abort, current_app, flash, redirect, render_template, url_for
from flask_login import current_user, login_required
from sqlalchemy import select

from ..core import policy_store
from ..core.accounts import AccountError, create_moderator, reset_password, update_moderator
from ..core.campaign import CampaignError, load_window, update_window
from ..core.policy_store import PolicyError
from ..core.routing import DEFAULT_KINDNESS_THRESHOLD, DEFAULT_THRESHOLDS
from ..extensions import db
from ..i18n import m_
from ..models import Moderator, WordEntry
from ..scoring.rescore import last_run, report_lines
from ..services import get_scorer
from .forms import (
    AccountForm,
    AccountUpdateForm,
    ActionForm,
    CampaignForm,
    PasswordResetForm,
    WordForm,
    settings_form,
)
from .views import bp


def admin_required(view):
    @wraps(view)
    @login_required
    def wrapped(*args, **kwargs):
        if current_user.role != "admin":
            abort(403)
        return view(*args, **kwargs)

    return wrapped


def _default_thresholds() -> dict[str, float]:
    return get_scorer(current_app).thresholds


@bp.route("/settings", methods=["GET", "POST"])
@admin_required
def settings():
    policy = policy_store.load_policy(
        db.session, _default_thresholds(), get_scorer(current_app).kindness_threshold
    )
    labels = list(dict.fromkeys([*DEFAULT_THRESHOLDS, *policy.thresholds]))
    data = {
        "mode": policy.mode,
        "links_to_review": policy.links_to_review,
        "require_kindness": policy.require_kindness,
        "kindness_threshold": policy.kindness_threshold,
    }
    data.update({f"threshold_{label}": policy.thresholds.get(label, 0.6) for label in labels})
    form = settings_form(labels, data)
    if form.validate_on_submit():
        thresholds = {label: form[f"threshold_{label}"].data for label in labels}
        try:
            changed = policy_store.update_policy(
                db.session,
                current_user,
                _default_thresholds(),
                thresholds,
                form.mode.data,
                form.links_to_review.data,
                form.require_kindness.data,
                form.kindness_threshold.data,
                get_scorer(current_app).kindness_threshold,
            )
            flash(m_("Settings saved.") if changed else m_("Nothing changed."), "success")
            return redirect(url_for("moderate.settings"))
        except PolicyError as error:
            flash(str(error), "error")
    status = 400 if form.is_submitted() and form.errors else 200
    scorer = get_scorer(current_app)
    default_kindness = scorer.kindness_threshold
    return render_template(
        "moderate/settings.html",
        form=form,
        labels=labels,
        defaults=scorer.thresholds,
        departures=_departures(policy),
        default_kindness=DEFAULT_KINDNESS_THRESHOLD
        if default_kindness is None
        else default_kindness,
        defaults_form=ActionForm(),
        classifier_labels=_classifier_labels(),
        campaign_form=_campaign_form(),
        window=load_window(db.session),
        rescore=last_run(db.session),
    ), status


def _campaign_form(formdata=None) -> CampaignForm:
    window = load_window(db.session)
    naive = {  # the form shows UTC wall-clock times
        "opens_at": window.opens_at.replace(tzinfo=None) if window.opens_at else None,
        "closes_at": window.closes_at.replace(tzinfo=None) if window.closes_at else None,
    }
    return CampaignForm(formdata=formdata, data=naive) if formdata else CampaignForm(data=naive)


def _classifier_labels() -> tuple[str, ...] | None:
    """The labels the active classifier scores (None when it does not say)."""
    return getattr(get_scorer(current_app).classifier, "labels", None)


def _departures(policy) -> dict[str, tuple[float, float]]:
    """Where ``policy`` holds apart from the active classifier's defaults, for the labels that
    classifier scores (a threshold of a label it never produces decides nothing)."""
    scorer = get_scorer(current_app)
    departures = policy_store.departures(policy, scorer.thresholds, scorer.kindness_threshold)
    scored = _classifier_labels()
    if scored:
        departures = {label: pair for label, pair in departures.items() if label in scored}
    return departures


@bp.route("/settings/defaults", methods=["POST"])
@admin_required
def settings_defaults():
    """The thresholds the settings page lists as apart from the active classifier's defaults
    (after a new model ships, the saved ones were chosen for the old one) set to those."""
    if ActionForm().validate_on_submit():
        scorer = get_scorer(current_app)
        policy = policy_store.load_policy(db.session, scorer.thresholds, scorer.kindness_threshold)
        try:
            changed = policy_store.use_defaults(
                db.session,
                current_user,
                scorer.thresholds,
                scorer.kindness_threshold,
                labels=_departures(policy),
            )
        except PolicyError as error:  # a configured default out of range
            flash(str(error), "error")
        else:
            flash(
                m_("Thresholds set to the active classifier's defaults.")
                if changed
                else m_("Nothing changed."),
                "success",
            )
    return redirect(url_for("moderate.settings"))


@bp.route("/settings/campaign", methods=["POST"])
@admin_required
def campaign_window():
    form = CampaignForm()
    if form.validate_on_submit():
        opens, closes = form.opens_at.data, form.closes_at.data
        try:
            changed = update_window(
                db.session,
                current_user,
                opens.replace(tzinfo=UTC) if opens else None,
                closes.replace(tzinfo=UTC) if closes else None,
            )
            flash(m_("Campaign window saved.") if changed else m_("Nothing changed."), "success")
        except CampaignError as error:
            flash(str(error), "error")
    else:
        for errors in form.errors.values():
            for error in errors:
                flash(m_("Campaign window: %(error)s", error=error), "error")
    return redirect(url_for("moderate.settings") + "#campaign")


@bp.route("/rescore")
@admin_required
def rescore_report():
    """The last `flask rescore` run's report: counts per state and the moments it held."""
    run = last_run(db.session)
    return render_template(
        "moderate/rescore.html", run=run, summary=report_lines(run)[1:] if run else []
    )


@bp.route("/words", methods=["GET", "POST"])
@admin_required
def words():
    form = WordForm()
    preview = None
    if form.validate_on_submit():
        if form.preview.data:
            preview = policy_store.preview_phrase(db.session, form.phrase.data)
        else:
            try:
                entry = policy_store.add_word(
                    db.session,
                    current_user,
                    form.kind.data,
                    form.phrase.data,
                    form.public_reason.data or None,
                )
                flash(
                    m_(
                        "Added %(phrase)s to the %(kind)s list.",
                        phrase=repr(entry.phrase),
                        kind=entry.kind,
                    ),
                    "success",
                )
                return redirect(url_for("moderate.words"))
            except PolicyError as error:
                form.phrase.errors.append(str(error))
    entries = db.session.scalars(select(WordEntry).order_by(WordEntry.kind, WordEntry.phrase))
    status = 400 if form.is_submitted() and form.errors else 200
    return render_template(
        "moderate/words.html",
        form=form,
        entries=list(entries),
        preview=preview,
        action_form=ActionForm(),
    ), status


@bp.route("/words/<int:entry_id>/remove", methods=["POST"])
@admin_required
def remove_word(entry_id: int):
    if ActionForm().validate_on_submit():
        try:
            policy_store.remove_word(db.session, current_user, entry_id)
            flash(m_("List entry removed."), "success")
        except PolicyError as error:
            flash(str(error), "error")
    return redirect(url_for("moderate.words"))


@bp.route("/accounts", methods=["GET", "POST"])
@admin_required
def accounts():
    form = AccountForm()
    if form.validate_on_submit():
        try:
            created = create_moderator(
                db.session, form.username.data, form.password.data, form.role.data, current_user
            )
            flash(
                m_("Created %(role)s %(name)s.", role=created.role, name=repr(created.username)),
                "success",
            )
            return redirect(url_for("moderate.accounts"))
        except AccountError as error:
            form.username.errors.append(str(error))
    moderators = db.session.scalars(select(Moderator).order_by(Moderator.username)).all()
    status = 400 if form.is_submitted() and form.errors else 200
    return render_template(
        "moderate/accounts.html",
        form=form,
        moderators=moderators,
        update_forms={
            m.id: AccountUpdateForm(prefix=f"m{m.id}", role=m.role, active=m.active)
            for m in moderators
        },
        reset_forms={m.id: PasswordResetForm(prefix=f"r{m.id}", formdata=None) for m in moderators},
    ), status


@bp.route("/accounts/<int:moderator_id>", methods=["POST"])
@admin_required
def update_account(moderator_id: int):
    form = AccountUpdateForm(prefix=f"m{moderator_id}")
    if form.validate_on_submit():
        try:
            target = update_moderator(
                db.session, current_user, moderator_id, form.role.data, form.active.data
            )
            flash(m_("Saved %(name)s.", name=repr(target.username)), "success")
        except AccountError as error:
            flash(str(error), "error")
    else:
        flash(m_("That change could not be read; please try again."), "error")
    return redirect(url_for("moderate.accounts"))


@bp.route("/accounts/<int:moderator_id>/reset-password", methods=["POST"])
@admin_required
def reset_account_password(moderator_id: int):
    """A temporary password for another account: its sessions end, and it must choose its own
    password at the next login."""
    form = PasswordResetForm(prefix=f"r{moderator_id}")
    if form.validate_on_submit():
        try:
            target = reset_password(db.session, current_user, moderator_id, form.temporary.data)
            flash(
                m_(
                    "Password of %(name)s reset: give them the temporary password; "
                    "they choose their own when they next log in.",
                    name=repr(target.username),
                ),
                "success",
            )
        except AccountError as error:
            flash(str(error), "error")
    else:
        for errors in form.errors.values():
            for error in errors:
                flash(m_("Password not reset: %(error)s", error=error), "error")
    return redirect(url_for("moderate.accounts"))

"""A moderator's own account: changing the password, and the change an admin's reset asks for."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required, login_user

from ..core.accounts import AccountError, WrongPassword, change_own_password
from ..extensions import db
from ..i18n import m_
from .forms import PasswordChangeForm
from .views import bp

# Pages an account whose password was reset may still open: the change itself, logging out.
OPEN_WHILE_RESET = frozenset({"moderate.password", "moderate.logout", "moderate.login"})


@bp.before_request
def password_reset_first():
    """After an admin's reset, every other moderator page waits for a new password."""
    if (
        current_user.is_authenticated
        and current_user.must_change_password
        and request.endpoint not in OPEN_WHILE_RESET
    ):
        flash(m_("An admin reset your password: choose a new one to go on."), "error")
        return redirect(url_for("moderate.password"))
    return None


@bp.route("/account/password", methods=["GET", "POST"])
@login_required
def password():
    form = PasswordChangeForm()
    if form.validate_on_submit():
        try:
            moderator = change_own_password(
                db.session,
                current_user._get_current_object(),  # the account itself, to log in again
                form.current.data,
                form.new.data,
            )
        except AccountError as error:
            field = form.current if isinstance(error, WrongPassword) else form.new
            field.errors.append(str(error))
        else:
            # Every other session of the account has ended; this one goes on.
            login_user(moderator)
            flash(m_("Your password is changed. Your other sessions have ended."), "success")
            return redirect(url_for("moderate.queue"))
    status = 400 if form.is_submitted() and form.errors else 200
    return render_template(
        "moderate/password.html", form=form, forced=current_user.must_change_password
    ), status

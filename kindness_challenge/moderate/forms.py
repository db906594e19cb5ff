from __future__ import annotations

from wtforms import (
    HiddenField,
    PasswordField,
    SelectChoice,
    SelectField,
    StringField,
    SubmitField,
)
from wtforms.validators import DataRequired, Length, Optional

from ..moderation import REJECTION_REASONS
from ..participate.forms import CleanText, TextOnlyForm


class LoginForm(TextOnlyForm):
    username = StringField("Username", validators=[DataRequired(), Length(max=40)])
    password = PasswordField("Password", validators=[DataRequired(), Length(max=200)])
    next = HiddenField()
    submit = SubmitField("Log in")


class ApproveForm(TextOnlyForm):
    submit = SubmitField("Approve and publish")


class RejectForm(TextOnlyForm):
    reason = SelectField(
        "Reason the participant will see",
        choices=[SelectChoice("", "Choose a reason…")]
        + [SelectChoice(code, text) for code, text in REJECTION_REASONS.items()],
        validators=[DataRequired("Choose a reason for the rejection.")],
    )
    note = StringField(
        "Note to the participant (optional)",
        validators=[Optional(), Length(max=300), CleanText(multiline=False)],
    )
    submit = SubmitField("Reject")

from __future__ import annotations

from wtforms import (
    BooleanField,
    DateTimeLocalField,
    FloatField,
    HiddenField,
    PasswordField,
    SelectChoice,
    SelectField,
    StringField,
    SubmitField,
)
from wtforms.validators import (
    DataRequired,
    EqualTo,
    InputRequired,
    Length,
    NumberRange,
    Optional,
)

from ..core.accounts import MIN_PASSWORD_LENGTH, ROLES
from ..core.policy_store import LIST_KINDS
from ..forms import CleanText, TextOnlyForm
from .service import REJECTION_REASONS, TAKE_DOWN_REASONS


def _choices(mapping: dict[str, str], prompt: str) -> list[SelectChoice]:
    return [SelectChoice("", prompt)] + [SelectChoice(k, v) for k, v in mapping.items()]


class LoginForm(TextOnlyForm):
    username = StringField("Username", validators=[DataRequired(), Length(max=40)])
    password = PasswordField("Password", validators=[DataRequired(), Length(max=200)])
    next = HiddenField()
    submit = SubmitField("Log in")


class ActionForm(TextOnlyForm):
    """A POST with only a CSRF token: approve, undo, feature, dismiss."""


class RejectForm(TextOnlyForm):
    reason = SelectField(
        "Reason the participant will see",
        choices=_choices(REJECTION_REASONS, "Choose a reason…"),
        validators=[DataRequired("Choose a reason for the rejection.")],
    )
    note = StringField(
        "Note to the participant (optional)",
        validators=[Optional(), Length(max=300), CleanText(multiline=False)],
    )
    submit = SubmitField("Reject")


class BulkForm(TextOnlyForm):
    action = SelectField(
        "With the selected",
        choices=[SelectChoice("approve", "Approve"), SelectChoice("reject", "Reject")],
    )
    reason = SelectField(
        "Rejection reason", choices=_choices(REJECTION_REASONS, "Choose a reason…")
    )
    note = StringField(
        "Note (optional)", validators=[Optional(), Length(max=300), CleanText(multiline=False)]
    )


class TakeDownForm(TextOnlyForm):
    reason = SelectField(
        "Why it comes down",
        choices=_choices(TAKE_DOWN_REASONS, "Choose a reason…"),
        validators=[DataRequired("Choose a reason for taking it down.")],
    )
    note = StringField(
        "Note (optional)", validators=[Optional(), Length(max=300), CleanText(multiline=False)]
    )
    submit = SubmitField("Take down")


def settings_form(labels: list[str], data: dict):
    """A form with one threshold field per label the policy knows."""

    class SettingsForm(TextOnlyForm):
        mode = SelectField(
            "Mode",
            choices=[
                SelectChoice(
                    "auto", "auto: publish what reads as kind and scores below every threshold"
                ),
                SelectChoice("premoderate", "premoderate: every moment goes to the queue"),
            ],
            validators=[DataRequired()],
        )
        links_to_review = BooleanField("Send moments with links in their text to review")
        require_kindness = BooleanField(
            "Publish without review only what reads as kind (not merely what is not toxic)"
        )
        kindness_threshold = FloatField(
            "kindness",
            validators=[
                InputRequired("Give a kindness threshold."),
                NumberRange(0.01, 1.0, "The kindness threshold must be between 0.01 and 1."),
            ],
        )
        submit = SubmitField("Save settings")

    for label in labels:
        setattr(
            SettingsForm,
            f"threshold_{label}",
            FloatField(
                label.replace("_", " "),
                validators=[
                    InputRequired(f"Give a threshold for {label}."),
                    NumberRange(0.01, 1.0, f"The {label} threshold must be between 0.01 and 1."),
                ],
            ),
        )
    return SettingsForm(data=data)


class WordForm(TextOnlyForm):
    kind = SelectField(
        "List",
        choices=[SelectChoice(k, k) for k in LIST_KINDS],
        validators=[DataRequired()],
    )
    phrase = StringField(
        "Phrase",
        validators=[DataRequired("Type a phrase."), Length(max=100), CleanText(multiline=False)],
    )
    public_reason = StringField(
        "Reason the participant sees (banned list only, optional)",
        validators=[Optional(), Length(max=200), CleanText(multiline=False)],
    )
    preview = SubmitField("Preview matches")
    submit = SubmitField("Add to list")


class CampaignForm(TextOnlyForm):
    """The campaign window, in UTC; either end may be left empty."""

    opens_at = DateTimeLocalField(
        "Opens (UTC)",
        format=["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"],
        validators=[Optional()],
    )
    closes_at = DateTimeLocalField(
        "Closes (UTC)",
        format=["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"],
        validators=[Optional()],
    )
    submit = SubmitField("Save the campaign window")


class AccountForm(TextOnlyForm):
    username = StringField("Username", validators=[DataRequired(), Length(max=40)])
    password = PasswordField(
        "Password (10 characters at least)", validators=[DataRequired(), Length(max=200)]
    )
    role = SelectField("Role", choices=[SelectChoice(r, r) for r in ROLES])
    submit = SubmitField("Create account")


class AccountUpdateForm(TextOnlyForm):
    role = SelectField("Role", choices=[SelectChoice(r, r) for r in ROLES])
    active = BooleanField("Active")
    submit = SubmitField("Save")


class PasswordChangeForm(TextOnlyForm):
    current = PasswordField(
        "Current password",
        validators=[DataRequired("Type your current password."), Length(max=200)],
    )
    new = PasswordField(
        f"New password ({MIN_PASSWORD_LENGTH} characters at least)",
        validators=[
            DataRequired("Type a new password."),
            Length(
                min=MIN_PASSWORD_LENGTH,
                max=200,
                message=f"Passwords need {MIN_PASSWORD_LENGTH} to 200 characters.",
            ),
        ],
    )
    confirm = PasswordField(
        "New password again",
        validators=[
            DataRequired("Type the new password a second time."),
            EqualTo("new", "The two new passwords differ."),
        ],
    )
    submit = SubmitField("Change my password")


class PasswordResetForm(TextOnlyForm):
    temporary = PasswordField(
        f"Temporary password ({MIN_PASSWORD_LENGTH} characters at least)",
        validators=[
            DataRequired("Type a temporary password."),
            Length(
                min=MIN_PASSWORD_LENGTH,
                max=200,
                message=f"Passwords need {MIN_PASSWORD_LENGTH} to 200 characters.",
            ),
        ],
    )
    submit = SubmitField("Reset password")

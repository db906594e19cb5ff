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
from ..i18n import lm_, m_
from .service import REJECTION_REASONS, TAKE_DOWN_REASONS


def _choices(mapping: dict[str, str], prompt: str) -> list[SelectChoice]:
    return [SelectChoice("", prompt)] + [SelectChoice(k, v) for k, v in mapping.items()]


class LoginForm(TextOnlyForm):
    username = StringField(lm_("Username"), validators=[DataRequired(), Length(max=40)])
    password = PasswordField(lm_("Password"), validators=[DataRequired(), Length(max=200)])
    next = HiddenField()
    submit = SubmitField(lm_("Log in"))


class ActionForm(TextOnlyForm):
    """A POST with only a CSRF token: approve, undo, feature, dismiss."""


class RejectForm(TextOnlyForm):
    reason = SelectField(
        lm_("Reason the participant will see"),
        choices=_choices(REJECTION_REASONS, lm_("Choose a reason…")),
        validators=[DataRequired(lm_("Choose a reason for the rejection."))],
    )
    note = StringField(
        lm_("Note to the participant (optional)"),
        validators=[Optional(), Length(max=300), CleanText(multiline=False)],
    )
    submit = SubmitField(lm_("Reject"))


class BulkForm(TextOnlyForm):
    action = SelectField(
        lm_("With the selected"),
        choices=[SelectChoice("approve", lm_("Approve")), SelectChoice("reject", lm_("Reject"))],
    )
    reason = SelectField(
        lm_("Rejection reason"), choices=_choices(REJECTION_REASONS, lm_("Choose a reason…"))
    )
    note = StringField(
        lm_("Note (optional)"), validators=[Optional(), Length(max=300), CleanText(multiline=False)]
    )


class TakeDownForm(TextOnlyForm):
    reason = SelectField(
        lm_("Why it comes down"),
        choices=_choices(TAKE_DOWN_REASONS, lm_("Choose a reason…")),
        validators=[DataRequired(lm_("Choose a reason for taking it down."))],
    )
    note = StringField(
        lm_("Note (optional)"), validators=[Optional(), Length(max=300), CleanText(multiline=False)]
    )
    submit = SubmitField(lm_("Take down"))


def settings_form(labels: list[str], data: dict):
    """A form with one threshold field per label the policy knows."""

    class SettingsForm(TextOnlyForm):
        mode = SelectField(
            lm_("Mode"),
            choices=[
                SelectChoice(
                    "auto", lm_("auto: publish what reads as kind and scores below every threshold")
                ),
                SelectChoice("premoderate", lm_("premoderate: every moment goes to the queue")),
            ],
            validators=[DataRequired()],
        )
        links_to_review = BooleanField(lm_("Send moments with links in their text to review"))
        require_kindness = BooleanField(
            lm_("Publish without review only what reads as kind (not merely what is not toxic)")
        )
        kindness_threshold = FloatField(
            lm_("kindness"),
            validators=[
                InputRequired(lm_("Give a kindness threshold.")),
                NumberRange(0.01, 1.0, lm_("The kindness threshold must be between 0.01 and 1.")),
            ],
        )
        submit = SubmitField(lm_("Save settings"))

    for label in labels:
        setattr(
            SettingsForm,
            f"threshold_{label}",
            FloatField(
                label.replace("_", " "),
                validators=[
                    InputRequired(m_("Give a threshold for %(label)s.", label=label)),
                    NumberRange(
                        0.01,
                        1.0,
                        m_("The %(label)s threshold must be between 0.01 and 1.", label=label),
                    ),
                ],
            ),
        )
    return SettingsForm(data=data)


class WordForm(TextOnlyForm):
    kind = SelectField(
        lm_("List"),
        choices=[SelectChoice(k, k) for k in LIST_KINDS],
        validators=[DataRequired()],
    )
    phrase = StringField(
        lm_("Phrase"),
        validators=[
            DataRequired(lm_("Type a phrase.")),
            Length(max=100),
            CleanText(multiline=False),
        ],
    )
    public_reason = StringField(
        lm_("Reason the participant sees (banned list only, optional)"),
        validators=[Optional(), Length(max=200), CleanText(multiline=False)],
    )
    preview = SubmitField(lm_("Preview matches"))
    submit = SubmitField(lm_("Add to list"))


class CampaignForm(TextOnlyForm):
    """The campaign window, in UTC; either end may be left empty."""

    opens_at = DateTimeLocalField(
        lm_("Opens (UTC)"),
        format=["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"],
        validators=[Optional()],
    )
    closes_at = DateTimeLocalField(
        lm_("Closes (UTC)"),
        format=["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"],
        validators=[Optional()],
    )
    submit = SubmitField(lm_("Save the campaign window"))


class AccountForm(TextOnlyForm):
    username = StringField(lm_("Username"), validators=[DataRequired(), Length(max=40)])
    password = PasswordField(
        lm_("Password (10 characters at least)"), validators=[DataRequired(), Length(max=200)]
    )
    role = SelectField(lm_("Role"), choices=[SelectChoice(r, r) for r in ROLES])
    submit = SubmitField(lm_("Create account"))


class AccountUpdateForm(TextOnlyForm):
    role = SelectField(lm_("Role"), choices=[SelectChoice(r, r) for r in ROLES])
    active = BooleanField(lm_("Active"))
    submit = SubmitField(lm_("Save"))


class PasswordChangeForm(TextOnlyForm):
    current = PasswordField(
        lm_("Current password"),
        validators=[DataRequired(lm_("Type your current password.")), Length(max=200)],
    )
    new = PasswordField(
        lm_("New password (%(num)s characters at least)", num=MIN_PASSWORD_LENGTH),
        validators=[
            DataRequired(lm_("Type a new password.")),
            Length(
                min=MIN_PASSWORD_LENGTH,
                max=200,
                message=lm_("Passwords need %(num)s to 200 characters.", num=MIN_PASSWORD_LENGTH),
            ),
        ],
    )
    confirm = PasswordField(
        lm_("New password again"),
        validators=[
            DataRequired(lm_("Type the new password a second time.")),
            EqualTo("new", lm_("The two new passwords differ.")),
        ],
    )
    submit = SubmitField(lm_("Change my password"))


class PasswordResetForm(TextOnlyForm):
    temporary = PasswordField(
        lm_("Temporary password (%(num)s characters at least)", num=MIN_PASSWORD_LENGTH),
        validators=[
            DataRequired(lm_("Type a temporary password.")),
            Length(
                min=MIN_PASSWORD_LENGTH,
                max=200,
                message=lm_("Passwords need %(num)s to 200 characters.", num=MIN_PASSWORD_LENGTH),
            ),
        ],
    )
    submit = SubmitField(lm_("Reset password"))

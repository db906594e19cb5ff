from __future__ import annotations

from wtforms import (
    BooleanField,
    HiddenField,
    RadioField,
    SelectChoice,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import DataRequired, InputRequired, Length, Optional, ValidationError

from ..core.routing import CATEGORIES
from ..core.text.videolinks import VideoLinkProblem, canonical_video_link
from ..forms import CleanText, TextLength, TextOnlyForm

TEXT_MAX = 500
FOR_MAX = 80
NAME_MAX = 40
URL_MAX = 300


class ConsentField(BooleanField):
    """The consent checkbox: only a value that says yes counts as agreement.

    A plain BooleanField takes anything but "false" or "" as checked, so "False", "0", "no" or
    "off" would have counted as consent to public display.
    """

    YES = frozenset({"y", "yes", "on", "true", "1"})

    def process_formdata(self, valuelist) -> None:
        self.data = bool(valuelist) and str(valuelist[0]).strip().lower() in self.YES


def _strip_or_none(value):
    if isinstance(value, str):
        return value.strip() or None
    return value


def video_link(form, field) -> None:
    """Accept only a link that every URL parser reads alike, and keep its canonical form (rebuilt
    from its parts, see ``core.text.videolinks``): that is what is stored and shown."""
    value = (field.data or "").strip()
    field.data = value or None
    if not value:
        return
    try:
        field.data = canonical_video_link(value).url
    except VideoLinkProblem as problem:
        raise ValidationError(str(problem)) from None


def known_category(form, field) -> None:
    if field.data not in CATEGORIES:
        raise ValidationError("Choose one of the kinds of moment listed, or none.")


class SubmissionForm(TextOnlyForm):
    text = TextAreaField(
        "Your kind moment",
        validators=[
            InputRequired("Please write your kind moment."),
            # After CleanText, so what is counted is what is stored (NFC, trimmed); counted in
            # user-perceived characters, as the counter counts (core/text/length.py).
            CleanText(multiline=True),
            TextLength(TEXT_MAX, f"Keep it to {TEXT_MAX} characters or fewer."),
            DataRequired("Please write your kind moment."),
        ],
    )
    for_whom = StringField(
        "Who is it for or about? (optional)",
        filters=[_strip_or_none],
        validators=[
            Optional(),
            CleanText(multiline=False),
            TextLength(FOR_MAX, f"Keep this to {FOR_MAX} characters or fewer."),
        ],
    )
    category = RadioField(
        "What kind of moment is it? (optional)",
        choices=[SelectChoice(key, text) for key, text in CATEGORIES.items()],
        filters=[_strip_or_none],
        validators=[Optional(), known_category],
        validate_choice=False,
    )
    display_name = StringField(
        "Display name or @handle",
        validators=[
            InputRequired("Please give a name or @handle to show with your moment."),
            CleanText(multiline=False),
            TextLength(NAME_MAX, f"Keep the name to {NAME_MAX} characters or fewer."),
            DataRequired("Please give a name or @handle to show with your moment."),
        ],
    )
    video_url = StringField(
        "Link to your video (optional)",
        filters=[_strip_or_none],
        validators=[
            Optional(),
            Length(max=URL_MAX, message=f"Keep the link to {URL_MAX} characters or fewer."),
            video_link,
        ],
    )
    consent = ConsentField(
        "I agree that this moment may be shown publicly on the kindness wall",
        validators=[DataRequired("Please agree to public display, or we cannot show it.")],
    )
    # A honeypot: hidden from people (and from assistive technology); bots fill every field.
    website = StringField("Leave this field empty")
    # Set by "submit for review anyway" after the kindness nudge.
    nudge_ack = HiddenField()
    submit = SubmitField("Share my kind moment")


class AppealForm(TextOnlyForm):
    note = TextAreaField(
        "Why should it be published?",
        validators=[
            InputRequired("Please say in a few words why it should be published."),
            CleanText(multiline=True),
            TextLength(500, "Keep the appeal to 500 characters or fewer."),
            DataRequired("Please say in a few words why it should be published."),
        ],
    )
    submit = SubmitField("Send my appeal")


class WithdrawForm(TextOnlyForm):
    confirm = ConsentField(
        "Yes, delete my moment for good",
        validators=[DataRequired("Tick the box to confirm you want to withdraw it.")],
    )
    submit = SubmitField("Withdraw and delete")

from __future__ import annotations

from flask_babel import gettext
from flask_babel import lazy_gettext as _l
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
        raise ValidationError(gettext(problem.message, **problem.values)) from None


def known_category(form, field) -> None:
    if field.data not in CATEGORIES:
        raise ValidationError(gettext("Choose one of the kinds of moment listed, or none."))


class SubmissionForm(TextOnlyForm):
    text = TextAreaField(
        _l("Your kind moment"),
        validators=[
            InputRequired(_l("Please write your kind moment.")),
            # After CleanText, so what is counted is what is stored (NFC, trimmed); counted in
            # user-perceived characters, as the counter counts (core/text/length.py).
            CleanText(multiline=True),
            TextLength(TEXT_MAX, _l("Keep it to %(max)s characters or fewer.", max=TEXT_MAX)),
            DataRequired(_l("Please write your kind moment.")),
        ],
    )
    for_whom = StringField(
        _l("Who is it for or about? (optional)"),
        filters=[_strip_or_none],
        validators=[
            Optional(),
            CleanText(multiline=False),
            TextLength(FOR_MAX, _l("Keep this to %(max)s characters or fewer.", max=FOR_MAX)),
        ],
    )
    category = RadioField(
        _l("What kind of moment is it? (optional)"),
        choices=[SelectChoice(key, _l(text)) for key, text in CATEGORIES.items()],
        filters=[_strip_or_none],
        validators=[Optional(), known_category],
        validate_choice=False,
    )
    display_name = StringField(
        _l("Display name or @handle"),
        validators=[
            InputRequired(_l("Please give a name or @handle to show with your moment.")),
            CleanText(multiline=False),
            TextLength(NAME_MAX, _l("Keep the name to %(max)s characters or fewer.", max=NAME_MAX)),
            DataRequired(_l("Please give a name or @handle to show with your moment.")),
        ],
    )
    video_url = StringField(
        _l("Link to your video (optional)"),
        filters=[_strip_or_none],
        validators=[
            Optional(),
            Length(
                max=URL_MAX,
                message=_l("Keep the link to %(max)s characters or fewer.", max=URL_MAX),
            ),
            video_link,
        ],
    )
    consent = ConsentField(
        _l("I agree that this moment may be shown publicly on the kindness wall"),
        validators=[DataRequired(_l("Please agree to public display, or we cannot show it."))],
    )
    # A honeypot: hidden from people (and from assistive technology); bots fill every field.
    website = StringField(_l("Leave this field empty"))
    # Set by "submit for review anyway" after the kindness nudge.
    nudge_ack = HiddenField()
    submit = SubmitField(_l("Share my kind moment"))


class AppealForm(TextOnlyForm):
    note = TextAreaField(
        _l("Why should it be published?"),
        validators=[
            InputRequired(_l("Please say in a few words why it should be published.")),
            CleanText(multiline=True),
            TextLength(500, _l("Keep the appeal to %(max)s characters or fewer.", max=500)),
            DataRequired(_l("Please say in a few words why it should be published.")),
        ],
    )
    submit = SubmitField(_l("Send my appeal"))


class WithdrawForm(TextOnlyForm):
    confirm = ConsentField(
        _l("Yes, delete my moment for good"),
        validators=[DataRequired(_l("Tick the box to confirm you want to withdraw it."))],
    )
    submit = SubmitField(_l("Withdraw and delete"))

from __future__ import annotations

from urllib.parse import urlsplit

from flask_wtf import FlaskForm
from wtforms import BooleanField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, Optional, ValidationError

from ..textcheck import TextProblem, clean_text

TEXT_MAX = 500
NAME_MAX = 40
URL_MAX = 300


class CleanText:
    """WTForms validator: ``textcheck.clean_text`` on the field, keeping the cleaned value."""

    def __init__(self, multiline: bool) -> None:
        self.multiline = multiline

    def __call__(self, form, field) -> None:
        if field.data is None:
            return
        try:
            field.data = clean_text(field.data, multiline=self.multiline, field=field.label.text)
        except TextProblem as problem:
            raise ValidationError(str(problem)) from None


def video_link(form, field) -> None:
    value = (field.data or "").strip()
    field.data = value or None
    if not value:
        return
    if any(c.isspace() or ord(c) < 32 for c in value):
        raise ValidationError("The video link cannot contain spaces or control characters.")
    try:
        parts = urlsplit(value)
        host = parts.hostname
    except ValueError:
        raise ValidationError("The video link is not a valid web address.") from None
    if parts.scheme not in ("http", "https") or not host or "." not in host:
        raise ValidationError(
            "The video link must be a full web address starting with https://, "
            "for example https://www.tiktok.com/@you/video/123."
        )


class SubmissionForm(FlaskForm):
    text = TextAreaField(
        "Your kind moment",
        validators=[
            InputRequired("Please write your kind moment."),
            Length(max=TEXT_MAX, message=f"Keep it to {TEXT_MAX} characters or fewer."),
            CleanText(multiline=True),
            DataRequired("Please write your kind moment."),
        ],
    )
    display_name = StringField(
        "Display name or @handle",
        validators=[
            InputRequired("Please give a name or @handle to show with your moment."),
            Length(max=NAME_MAX, message=f"Keep the name to {NAME_MAX} characters or fewer."),
            CleanText(multiline=False),
            DataRequired("Please give a name or @handle to show with your moment."),
        ],
    )
    video_url = StringField(
        "Link to your video (optional)",
        validators=[
            Optional(),
            Length(max=URL_MAX, message=f"Keep the link to {URL_MAX} characters or fewer."),
            video_link,
        ],
    )
    consent = BooleanField(
        "I agree that this moment may be shown publicly on the kindness wall",
        validators=[DataRequired("Please agree to public display, or we cannot show it.")],
    )
    submit = SubmitField("Share my kind moment")

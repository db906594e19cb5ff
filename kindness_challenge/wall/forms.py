from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import HiddenField, RadioField, SelectChoice, TextAreaField
from wtforms.validators import InputRequired, Length, ValidationError

from ..core.text.input_checks import TextProblem, clean_text
from ..models import REPORT_REASON_LABELS
from .service import REPORT_NOTE_MAX


class HeartForm(FlaskForm):
    # The state the visitor asks for: "1" heart it, "0" take the heart back. Idempotent.
    hearted = HiddenField(default="1")
    back = HiddenField()


class ReportForm(FlaskForm):
    reason = RadioField(
        "Why are you reporting it?",
        choices=[SelectChoice(key, label) for key, label in REPORT_REASON_LABELS.items()],
        validators=[InputRequired("Please choose a reason.")],
    )
    note = TextAreaField(
        "Anything a moderator should know? (optional)",
        validators=[
            Length(
                max=REPORT_NOTE_MAX,
                message=f"Keep the note to {REPORT_NOTE_MAX} characters or fewer.",
            )
        ],
    )

    def validate_note(self, field) -> None:
        if not field.data:
            return
        try:
            field.data = clean_text(field.data, multiline=True, field="The note") or None
        except TextProblem as problem:
            raise ValidationError(str(problem)) from None

from __future__ import annotations

from flask_babel import gettext
from flask_babel import lazy_gettext as _l
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
        _l("Why are you reporting it?"),
        choices=[SelectChoice(key, _l(label)) for key, label in REPORT_REASON_LABELS.items()],
        validators=[InputRequired(_l("Please choose a reason."))],
    )
    note = TextAreaField(
        _l("Anything a moderator should know? (optional)"),
        validators=[
            Length(
                max=REPORT_NOTE_MAX,
                message=_l("Keep the note to %(max)s characters or fewer.", max=REPORT_NOTE_MAX),
            )
        ],
    )

    def validate_note(self, field) -> None:
        if not field.data:
            return
        try:
            field.data = clean_text(field.data, multiline=True, field=gettext("The note")) or None
        except TextProblem as problem:
            raise ValidationError(gettext(problem.message, **problem.values)) from None

"""Form pieces and helpers that several blueprints share: text-only forms, the clean-text
validator, rate limits read from the config, and the same-site check for redirects."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit

from flask import current_app
from flask_babel import gettext
from flask_wtf import FlaskForm
from werkzeug.datastructures import ImmutableMultiDict
from wtforms.validators import ValidationError

from .core.text.input_checks import TextProblem, clean_text
from .core.text.length import CLUSTER_MAX_CODE_POINTS, overloaded_cluster, text_length


def config_limit(key: str) -> Callable[[], str]:
    """A Flask-Limiter limit read from the app's config at request time (``SUBMIT_RATE_LIMIT``)."""

    def limit() -> str:
        return current_app.config[key]

    limit.__name__ = f"{key.lower()}"
    return limit


def same_site_path(target: str | None) -> str | None:
    """``target`` when it is a path on this site, else None: no open redirect (no scheme, no
    host, no "//" or backslash that a browser would read as another host)."""
    if not target or not target.startswith("/") or target.startswith("//"):
        return None
    if "\\" in target or urlsplit(target).netloc or any(ord(c) < 32 for c in target):
        return None
    return target


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
            raise ValidationError(gettext(problem.message, **problem.values)) from None


class TextLength:
    """WTForms validator: at most ``max`` user-perceived characters (``core.text.length``, the
    definition the share form's counter uses too), and no cluster overloaded with marks."""

    def __init__(self, max: int, message: str) -> None:
        self.max = max
        self.message = message

    def __call__(self, form, field) -> None:
        if not field.data or field.errors:  # refused already: that message says what to fix
            return
        if text_length(field.data) > self.max:
            raise ValidationError(self.message)
        if overloaded_cluster(field.data) is not None:
            raise ValidationError(
                gettext(
                    "%(field)s has a character stacked with more than %(count)s marks; "
                    "please remove some.",
                    field=str(field.label.text),
                    count=CLUSTER_MAX_CODE_POINTS,
                )
            )


def _as_text(value) -> str | None:
    """A submitted value as text: strings as they are, JSON scalars as their text, else None."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool | int | float):
        return str(value)
    return None


class TextOnlyForm(FlaskForm):
    """A FlaskForm whose fields only ever receive text.

    Flask-WTF also reads uploaded files and JSON bodies into a form, so a file, a number or an
    object could reach the validators where a string is expected, and fail there with a 500
    instead of a message. Here a file or a JSON object or list in place of a value counts as not
    sent, and JSON numbers and booleans become their text.
    """

    class Meta:
        def wrap_formdata(self, form, formdata):
            try:
                formdata = super().wrap_formdata(form, formdata)
            except (TypeError, ValueError):  # a JSON body that is not an object
                return ImmutableMultiDict()
            if formdata is None or not hasattr(formdata, "items"):
                return formdata
            pairs = [(key, _as_text(value)) for key, value in formdata.items(multi=True)]
            return ImmutableMultiDict([(key, value) for key, value in pairs if value is not None])

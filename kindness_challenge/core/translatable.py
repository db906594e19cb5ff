"""``N_``: marks a fixed message where it is written (a reason, a category, a problem with a
link) so that ``pybabel extract`` finds it, without translating it there. Code outside Flask
keeps and stores the English text, or better a code for it; the page that shows it translates
it in the reader's language with ``_()``. No Flask here."""

from __future__ import annotations


def N_(message: str) -> str:
    return message


class Explained(ValueError):
    """A refusal with a message for the person concerned: ``message`` is the English msgid
    (marked with ``N_``, with ``%(name)s`` placeholders) and ``values`` fill it. ``str()`` is the
    English sentence; a page shows ``gettext(error.message, **error.values)``."""

    def __init__(self, message: str, **values) -> None:
        self.message = message
        self.values = values
        super().__init__(message % values if values else message)

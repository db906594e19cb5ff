"""What a participant is told when a moderator rejects their moment, as codes with English
sentences marked for translation. A decision stores the code (``Transition.public_reason``); the
receipt shows the sentence in the language the participant submitted in, and a moderator's
free-text note after it as written. No Flask here."""

from __future__ import annotations

from .translatable import N_

# Reasons a participant may be given for a rejection (shown on their receipt page). Worded for
# the person who wrote the moment: plain, calm, about the words and never about them.
REJECTION_REASONS: dict[str, str] = {
    "unkind": N_("It is unkind or hurtful towards someone."),
    "harassment": N_("It targets or harasses a person or group."),
    "hate": N_("It attacks people for who they are."),
    "explicit": N_("It contains sexual or graphic content."),
    "spam": N_("It is spam, advertising or off-topic for the campaign."),
    "personal_info": N_("It shares someone's private information."),
    "other": N_("It does not fit the campaign's guidelines."),
}
# An automatic rejection (a banned phrase): its code, and the sentence when the word list gives
# no reason of its own (an admin's reason for an entry is free text, shown as written).
BANNED_LANGUAGE = "banned_language"
PUBLIC_REASONS: dict[str, str] = REJECTION_REASONS | {
    BANNED_LANGUAGE: N_("It contains language that is not allowed on the kindness wall."),
}

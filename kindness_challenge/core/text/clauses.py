"""The clauses of a text, read on their own by clause scoring (``scoring.finetuned_classifier``)
and by the language check (``language``): a kind sentence around an insult must not dilute it,
and an English sentence around a sentence in another language must not make it English."""

from __future__ import annotations

import re

# A clause ends at a line break; at sentence punctuation or a comma followed by
# a space; at a comma, semicolon, "!" or "?" glued to the next word ("great,you idiot"); at a
# full stop glued to a capital ("yourself.You"); or at a free-standing dash. Not at a colon: a
# lead-in ("if nobody told you today:", "Friendly warning:") is read with what it introduces,
# since alone it is a fragment the model can read as anything. Decimals, thousands, times and
# links ("3.5", "1,000", "10:30", "example.com/a") do not break. Clauses of fewer than
# MIN_CLAUSE_WORDS words ("Thanks,", "lol.") are not scored on their own; repeated clauses once.
# Past MAX_CLAUSES, neighbouring clauses are scored in runs, so every clause is still read.
_BREAKS = (
    r"\s*\n\s*"
    r"|(?<=[.!?;,])\s+"
    r"|(?<=[,;!?])(?=[^\W\d_])"
    r"|(?<=[^\W\d_]\.)(?=[A-Z])"
    r"|\s+[-\u2013\u2014]+\s+"
)
CLAUSE_BREAK = re.compile(_BREAKS)
# The language check (``language``) still breaks at a colon followed by a space: "loved the
# editing: eres un pendejo" must show a Spanish clause, whatever the lead-in reads as.
CLAUSE_BREAK_AT_COLONS = re.compile(_BREAKS + r"|(?<=:)\s+")
WORD = re.compile(r"\w+")
MIN_CLAUSE_WORDS = 2
MAX_CLAUSES = 12


def clauses(text: str, *, at_colons: bool = False) -> list[str]:
    """The clauses of ``text`` worth scoring on their own (as written); none when it is a single
    clause. ``at_colons``: a colon ends a clause too (the language check's split)."""
    pattern = CLAUSE_BREAK_AT_COLONS if at_colons else CLAUSE_BREAK
    pieces = (piece.strip(" -\u2013\u2014") for piece in pattern.split(text))
    pieces = [piece for piece in pieces if len(WORD.findall(piece)) >= MIN_CLAUSE_WORDS]
    pieces = list(dict.fromkeys(pieces))
    if len(pieces) <= 1:
        return []
    if len(pieces) > MAX_CLAUSES:
        size = -(-len(pieces) // MAX_CLAUSES)
        pieces = [" ".join(pieces[i : i + size]) for i in range(0, len(pieces), size)]
    return pieces

"""What a participant can do besides submitting: be nudged, withdraw, appeal. No Flask here."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from datetime import timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ..core import audit
from ..core.lifecycle import Actor, StaleTransition, move
from ..core.pg_notify import announce
from ..core.routing import Policy, route_submission
from ..core.text.matching import normalize
from ..core.text.scoring_form import scoring_text
from ..core.translatable import N_, Explained
from ..models import ActorKind, ReviewKind, State, Submission, utcnow

APPEAL_MAX = 500


class ParticipantError(Explained):
    """What the participant asked cannot be done; the message says why (``message`` and
    ``values`` to translate it)."""


def text_fingerprint(text: str) -> str:
    return hashlib.sha256(normalize(text).encode()).hexdigest()


def recent_duplicate(
    session: Session, client: str, fingerprint: str, window: timedelta
) -> Submission | None:
    """The same text from the same client within the window, if any."""
    return session.scalar(
        select(Submission)
        .where(
            Submission.client_hash == client,
            Submission.text_hash == fingerprint,
            Submission.created_at > utcnow() - window,
        )
        .limit(1)
    )


@dataclass(frozen=True)
class Nudge:
    flagged: bool
    message: str = ""
    # What the classifier gave the text's scoring form, for the worker to reuse
    # (``prescores``); None when it was not scored or a score is not a number.
    prescores: dict | None = None


def prescores_of(classifier, scores: dict[str, float]) -> dict | None:
    """``scores`` as stored on a submission for a worker running ``classifier`` to reuse."""
    if not scores or any(not isinstance(p, float) or p != p for p in scores.values()):
        return None  # a NaN (a failed head) must be scored again, and JSON cannot hold it
    return {"name": classifier.name, "version": classifier.version, "scores": dict(scores)}


# English, marked for translation: the share form shows it in the participant's language.
NUDGE_MESSAGE = N_(
    "This might come across as unkind to someone reading it. Would you like to rephrase it? "
    "You can still send it as it is: a moderator will read it before anything is published."
)


def nudge(classifier, policy: Policy, text: str, known: dict[str, float] | None = None) -> Nudge:
    """Would this draft be held back as unkind? Only a toxicity label at or over its threshold
    or a banned phrase nudges: premoderation, suspect phrases, links and the kindness
    requirement hold back moments that are not unkind, and a nudge must not scold a neutral
    one (a suspect phrase is only a reason for a moderator to look). Scores the text's scoring
    form, as the worker does, unless ``known`` gives what ``classifier`` scored it already
    (``nudge_cache``).
    Fails open: a classifier error gives no nudge, since the real scoring later fails closed."""
    if not text.strip():
        return Nudge(False)
    policy = replace(policy, mode="auto", links_to_review=False, require_kindness=False, suspect=())
    if known is not None:
        scores = known
    else:
        try:
            (scores,) = classifier.score_batch([scoring_text(text)])
        except Exception:  # noqa: BLE001 - a nudge is advice; scoring proper fails closed
            return Nudge(False)
    prescores = prescores_of(classifier, scores)
    if route_submission(text, scores, policy).state is State.published:
        return Nudge(False, prescores=prescores)
    return Nudge(True, NUDGE_MESSAGE, prescores=prescores)


def withdraw(session: Session, submission: Submission) -> int:
    """Delete a submission at its author's request (whatever its state). Commits."""
    submission_id = submission.id
    session.execute(delete(Submission).where(Submission.id == submission_id))
    audit.record(
        session,
        None,
        "withdrawn",
        subject=f"submission #{submission_id}",
        before={"state": submission.state.value},
        actor="participant",
    )
    if submission.state is State.published:
        announce(session)  # web processes drop their copies of the wall at commit
    session.commit()
    return submission_id


def appeal(session: Session, submission: Submission, note: str) -> None:
    """Send a rejected submission back to the queue, once, with the participant's note."""
    if submission.state is not State.rejected:
        raise ParticipantError(N_("Only a moment that was not published can be appealed."))
    if submission.appealed_at is not None:
        raise ParticipantError(
            N_("You have already appealed this decision; it was reviewed again.")
        )
    note = note.strip()
    if not note:
        raise ParticipantError(N_("Please say in a few words why it should be published."))
    if len(note) > APPEAL_MAX:
        raise ParticipantError(
            N_("Keep the appeal to %(max)s characters or fewer."), max=APPEAL_MAX
        )
    try:
        move(
            session,
            submission.id,
            State.rejected,
            State.needs_review,
            Actor(ActorKind.participant, "participant"),
            reason=f"appeal: {note}",
            extra={"review_kind": ReviewKind.appeal, "appeal_note": note, "appealed_at": utcnow()},
        )
    except StaleTransition:
        session.rollback()
        raise ParticipantError(
            N_("This moment changed in the meantime; reload the page.")
        ) from None
    session.commit()

"""The routing policy as admins set it in the UI: stored in the database, audited.

Settings rows override the configured defaults; word-list entries live in their own table.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ..models import Moderator, Setting, Submission, WordEntry, utcnow
from . import audit
from .routing import DEFAULT_KINDNESS_THRESHOLD, MODES, ListEntry, Policy
from .text.matching import find_phrase, normalize

LIST_KINDS = ("banned", "suspect")


class PolicyError(ValueError):
    """A setting or list entry that cannot be accepted; the message says why."""


def _settings(session: Session) -> dict[str, object]:
    return {row.key: row.value for row in session.scalars(select(Setting))}


def load_policy(
    session: Session,
    default_thresholds: Mapping[str, float],
    default_kindness_threshold: float | None = None,
) -> Policy:
    """The policy in force: the admins' settings over the defaults (the thresholds, and the
    kindness threshold chosen with the active classifier, when it recommends one)."""
    stored = _settings(session)
    if default_kindness_threshold is None:
        default_kindness_threshold = DEFAULT_KINDNESS_THRESHOLD
    thresholds = dict(default_thresholds)
    thresholds.update(stored.get("thresholds") or {})
    words = session.scalars(select(WordEntry).order_by(WordEntry.id)).all()
    return Policy(
        thresholds=thresholds,
        mode=str(stored.get("mode", "auto")),
        banned=tuple(
            ListEntry(w.phrase, w.normalized, w.public_reason) for w in words if w.kind == "banned"
        ),
        suspect=tuple(ListEntry(w.phrase, w.normalized) for w in words if w.kind == "suspect"),
        links_to_review=bool(stored.get("links_to_review", True)),
        require_kindness=bool(stored.get("require_kindness", True)),
        kindness_threshold=float(stored.get("kindness_threshold", default_kindness_threshold)),
    )


def _put(session: Session, key: str, value, moderator: Moderator) -> None:
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value, updated_by_id=moderator.id))
    else:
        row.value = value
        row.updated_at = utcnow()
        row.updated_by_id = moderator.id


def update_policy(
    session: Session,
    moderator: Moderator,
    default_thresholds: Mapping[str, float],
    thresholds: Mapping[str, float],
    mode: str,
    links_to_review: bool,
    require_kindness: bool | None = None,
    kindness_threshold: float | None = None,
    default_kindness_threshold: float | None = None,
) -> bool:
    """Save new settings with an audit row of before and after. Returns False if nothing changed."""
    if mode not in MODES:
        raise PolicyError(f"Mode must be one of {', '.join(MODES)}.")
    for label, value in thresholds.items():
        if not 0.0 < float(value) <= 1.0:
            raise PolicyError(f"The {label} threshold must be above 0 and at most 1.")
    current = load_policy(session, default_thresholds, default_kindness_threshold)
    if require_kindness is None:
        require_kindness = current.require_kindness
    if kindness_threshold is None:
        kindness_threshold = current.kindness_threshold
    if not 0.0 < float(kindness_threshold) <= 1.0:
        raise PolicyError("The kindness threshold must be above 0 and at most 1.")
    before = {
        "thresholds": dict(current.thresholds),
        "mode": current.mode,
        "links_to_review": current.links_to_review,
        "require_kindness": current.require_kindness,
        "kindness_threshold": current.kindness_threshold,
    }
    after = {
        "thresholds": {k: round(float(v), 4) for k, v in thresholds.items()},
        "mode": mode,
        "links_to_review": bool(links_to_review),
        "require_kindness": bool(require_kindness),
        "kindness_threshold": round(float(kindness_threshold), 4),
    }
    if before == after:
        return False
    for key, value in after.items():
        _put(session, key, value, moderator)
    changed = {k: {"from": before[k], "to": after[k]} for k in after if before[k] != after[k]}
    audit.record(
        session,
        moderator,
        "settings",
        subject="routing policy",
        before=before,
        after=after,
        note=", ".join(sorted(changed)),
    )
    session.commit()
    return True


def departures(
    policy: Policy,
    default_thresholds: Mapping[str, float],
    default_kindness_threshold: float | None = None,
) -> dict[str, tuple[float, float]]:
    """Where the policy in force holds apart from the defaults (the active classifier's
    recommended thresholds, under the configuration's): label -> (in force, default), with
    ``"kindness"`` for the kindness threshold. Saved settings outlive a change of classifier, so
    after a new model ships a deployment keeps the thresholds chosen for the old one; the
    settings page shows these and offers the defaults."""
    if default_kindness_threshold is None:
        default_kindness_threshold = DEFAULT_KINDNESS_THRESHOLD
    out = {
        label: (float(policy.thresholds[label]), float(default))
        for label, default in default_thresholds.items()
        if label in policy.thresholds
        and round(float(policy.thresholds[label]), 4) != round(float(default), 4)
    }
    if round(policy.kindness_threshold, 4) != round(float(default_kindness_threshold), 4):
        out["kindness"] = (policy.kindness_threshold, float(default_kindness_threshold))
    return out


def use_defaults(
    session: Session,
    moderator: Moderator,
    default_thresholds: Mapping[str, float],
    default_kindness_threshold: float | None = None,
    labels: Iterable[str] | None = None,
) -> bool:
    """Set the thresholds of ``labels`` (every one with a default when None; ``"kindness"`` for
    the kindness threshold) to their defaults and save them, as ``update_policy`` does; the
    mode, the link rule, the kindness requirement and every other threshold stay. Audited like
    any change; False if nothing changed."""
    if default_kindness_threshold is None:
        default_kindness_threshold = DEFAULT_KINDNESS_THRESHOLD
    chosen = set([*default_thresholds, "kindness"] if labels is None else labels)
    current = load_policy(session, default_thresholds, default_kindness_threshold)
    thresholds = dict(current.thresholds)
    thresholds.update({k: v for k, v in default_thresholds.items() if k in chosen})
    return update_policy(
        session,
        moderator,
        default_thresholds,
        thresholds,
        current.mode,
        current.links_to_review,
        current.require_kindness,
        default_kindness_threshold if "kindness" in chosen else current.kindness_threshold,
        default_kindness_threshold,
    )


def add_word(
    session: Session, moderator: Moderator, kind: str, phrase: str, public_reason: str | None
) -> WordEntry:
    if kind not in LIST_KINDS:
        raise PolicyError("A list entry is either banned or suspect.")
    normalized = normalize(phrase)
    if not normalized:
        raise PolicyError("That phrase has no letters or digits to match.")
    if len(phrase) > 100:
        raise PolicyError("Keep phrases to 100 characters or fewer.")
    exists = session.scalar(
        select(WordEntry).where(WordEntry.kind == kind, WordEntry.normalized == normalized)
    )
    if exists:
        raise PolicyError(f"{exists.phrase!r} is already on the {kind} list (it matches the same).")
    entry = WordEntry(
        kind=kind,
        phrase=phrase.strip(),
        normalized=normalized,
        public_reason=(public_reason or None) if kind == "banned" else None,
        created_by_id=moderator.id,
    )
    session.add(entry)
    session.flush()
    audit.record(
        session,
        moderator,
        "word_add",
        subject=f"{kind} list",
        after={
            "kind": kind,
            "phrase": entry.phrase,
            "normalized": normalized,
            "public_reason": entry.public_reason,
        },
    )
    session.commit()
    return entry


def remove_word(session: Session, moderator: Moderator, entry_id: int) -> None:
    entry = session.get(WordEntry, entry_id)
    if entry is None:
        raise PolicyError("That list entry no longer exists.")
    before = {"kind": entry.kind, "phrase": entry.phrase, "normalized": entry.normalized}
    session.execute(delete(WordEntry).where(WordEntry.id == entry_id))
    audit.record(session, moderator, "word_remove", subject=f"{entry.kind} list", before=before)
    session.commit()


def preview_phrase(session: Session, phrase: str, recent: int = 1000) -> list[Submission]:
    """Which of the most recent submissions a new entry would have caught."""
    normalized = normalize(phrase)
    if not normalized:
        return []
    rows = session.scalars(select(Submission).order_by(Submission.id.desc()).limit(recent))
    return [s for s in rows if find_phrase(normalize(s.text), normalized)]

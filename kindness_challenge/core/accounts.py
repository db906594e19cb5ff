"""Moderator accounts. Passwords are hashed with Werkzeug's scrypt KDF (salted, memory-hard)."""

from __future__ import annotations

import re
import unicodedata

from sqlalchemy import select
from sqlalchemy.orm import Session
from werkzeug.security import check_password_hash, generate_password_hash

from ..models import Moderator
from . import audit

ROLES = ("moderator", "admin")
MIN_PASSWORD_LENGTH = 10
USERNAME = re.compile(r"[A-Za-z0-9._-]{1,40}")
# Compared against when the username is unknown, so a miss costs as long as a hit.
_DUMMY_HASH = generate_password_hash("not-a-real-password", method="scrypt")


class AccountError(ValueError):
    pass


class WrongPassword(AccountError):
    """The current password given to change it was not the account's."""


def create_moderator(
    session: Session,
    username: str,
    password: str,
    role: str = "moderator",
    created_by: Moderator | None = None,
) -> Moderator:
    username = username.strip()
    if not USERNAME.fullmatch(username):
        raise AccountError("Usernames are 1-40 letters, digits, '.', '-' or '_'.")
    if role not in ROLES:
        raise AccountError(f"Role must be one of: {', '.join(ROLES)}.")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"Passwords need at least {MIN_PASSWORD_LENGTH} characters.")
    if session.scalar(select(Moderator).where(Moderator.username == username)):
        raise AccountError(f"A moderator named {username!r} already exists.")
    moderator = Moderator(
        username=username,
        password_hash=generate_password_hash(password, method="scrypt"),
        role=role,
    )
    session.add(moderator)
    audit.record(
        session,
        created_by,
        "account_create",
        subject=f"account {username}",
        after={"username": username, "role": role},
        actor=None if created_by else "command line",
    )
    session.commit()
    return moderator


def normalise_username(username: str) -> str:
    """The name as rate limits count it: NFKC, trimmed, case-folded, at most 40 characters
    (longer is never a username), so "Alice", " alice" and "ＡＬＩＣＥ" share one budget."""
    return unicodedata.normalize("NFKC", username).strip().casefold()[:40]


def end_sessions(moderator: Moderator) -> None:
    """Every session and remember-me cookie of this account stops working (the caller commits):
    on logout, and on any change of password, role or active."""
    moderator.session_version = (moderator.session_version or 0) + 1


def moderator_for_session(session: Session, user_id: str) -> Moderator | None:
    """Flask-Login's user loader: ``get_id``'s "id:version", for an active account whose
    sessions have not been ended since; anything else (an old or forged cookie) is nobody."""
    moderator_id, _, version = user_id.partition(":")
    if not (moderator_id.isascii() and moderator_id.isdigit() and len(moderator_id) <= 18):
        return None
    moderator = session.get(Moderator, int(moderator_id))
    if moderator is None or not moderator.active or version != str(moderator.session_version):
        return None
    return moderator


def set_password(
    session: Session, username: str, password: str, changed_by: Moderator | None = None
) -> Moderator:
    """A new password for an account; its sessions end. Audited."""
    moderator = session.scalar(select(Moderator).where(Moderator.username == username.strip()))
    if moderator is None:
        raise AccountError(f"There is no moderator named {username!r}.")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"Passwords need at least {MIN_PASSWORD_LENGTH} characters.")
    moderator.password_hash = generate_password_hash(password, method="scrypt")
    moderator.must_change_password = False
    end_sessions(moderator)
    audit.record(
        session,
        changed_by,
        "password_change",
        subject=f"account {moderator.username}",
        actor=None if changed_by else "command line",
    )
    session.commit()
    return moderator


def change_own_password(
    session: Session, moderator: Moderator, current: str, new: str
) -> Moderator:
    """A moderator chooses a new password, proving the current one. Every session of the
    account ends (the caller logs this one in again); a pending reset is settled. Audited."""
    if not check_password_hash(moderator.password_hash, current):
        raise WrongPassword("That is not your current password.")
    if len(new) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"Passwords need at least {MIN_PASSWORD_LENGTH} characters.")
    if new == current:
        raise AccountError("Choose a password different from the current one.")
    moderator.password_hash = generate_password_hash(new, method="scrypt")
    moderator.must_change_password = False
    end_sessions(moderator)
    audit.record(session, moderator, "password_change", subject=f"account {moderator.username}")
    session.commit()
    return moderator


def reset_password(
    session: Session, admin: Moderator, moderator_id: int, temporary: str
) -> Moderator:
    """An admin gives another account a temporary password: its sessions end and it must choose
    its own at the next login. Audited (the password never is)."""
    target = session.get(Moderator, moderator_id)
    if target is None:
        raise AccountError("That account no longer exists.")
    if target.id == admin.id:
        raise AccountError("Change your own password on the Password page.")
    if len(temporary) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"Passwords need at least {MIN_PASSWORD_LENGTH} characters.")
    target.password_hash = generate_password_hash(temporary, method="scrypt")
    target.must_change_password = True
    end_sessions(target)
    audit.record(session, admin, "password_reset", subject=f"account {target.username}")
    session.commit()
    return target


def authenticate(session: Session, username: str, password: str) -> Moderator | None:
    moderator = session.scalar(select(Moderator).where(Moderator.username == username.strip()))
    if moderator is None:
        check_password_hash(_DUMMY_HASH, password)
        return None
    if not check_password_hash(moderator.password_hash, password) or not moderator.active:
        return None
    return moderator


def update_moderator(
    session: Session, admin: Moderator, moderator_id: int, role: str, active: bool
) -> Moderator:
    """Change an account's role or switch it off; audited. Admins cannot lock themselves out."""
    target = session.get(Moderator, moderator_id)
    if target is None:
        raise AccountError("That account no longer exists.")
    if role not in ROLES:
        raise AccountError(f"Role must be one of: {', '.join(ROLES)}.")
    if target.id == admin.id and (role != "admin" or not active):
        raise AccountError("You cannot remove your own admin role or switch off your own account.")
    before = {"role": target.role, "active": target.active}
    if (target.role, target.active) != (role, active):
        end_sessions(target)  # a copied cookie must not outlive a demotion or a switch-off
    target.role, target.active = role, active
    audit.record(
        session,
        admin,
        "account_update",
        subject=f"account {target.username}",
        before=before,
        after={"role": role, "active": active},
    )
    session.commit()
    return target

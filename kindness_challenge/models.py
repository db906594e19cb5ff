"""The data model: submissions, their scores, every state transition, and moderator accounts.

Plain SQLAlchemy 2.0 declarative models (no Flask import), so the scoring worker and the
benchmarks can use them with a bare ``Session``. ``extensions.db`` is built on this ``Base``.
"""

from __future__ import annotations

import enum
from datetime import UTC, datetime

from sqlalchemy import (
    JSON,
    DateTime,
    Enum,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
    true,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

from .core.translatable import N_

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


# Ids above this are refused before any query (a URL may carry any number).
MAX_ID = 2**62


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC timestamp on every backend (SQLite stores no offset)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is not None:
            if value.tzinfo is None:
                raise ValueError("naive datetime given; use timezone-aware UTC")
            value = value.astimezone(UTC)
            if dialect.name == "sqlite":
                value = value.replace(tzinfo=None)
        return value

    def process_result_value(self, value, dialect):
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class State(enum.StrEnum):
    """Where a submission is in its life. See ``lifecycle.ALLOWED_TRANSITIONS``."""

    pending = "pending"
    needs_review = "needs_review"
    published = "published"
    rejected = "rejected"


class ReviewKind(enum.StrEnum):
    """Why a submission is in review: stored, filtered on and counted as data."""

    threshold = "threshold"
    suspect_word = "suspect_word"
    link = "link"
    not_kind = "not_kind"
    language = "language"
    premoderate = "premoderate"
    classifier_unavailable = "classifier_unavailable"
    taken_down = "taken_down"
    undone = "undone"
    reported = "reported"
    appeal = "appeal"
    rescored = "rescored"

    @property
    def label(self) -> str:
        return REVIEW_KIND_LABELS[self]


REVIEW_KIND_LABELS: dict[ReviewKind, str] = {
    ReviewKind.threshold: "Scored over a threshold",
    ReviewKind.suspect_word: "Suspect phrase",
    ReviewKind.link: "Contains a link",
    ReviewKind.not_kind: "Not clearly kind",
    ReviewKind.language: "Language not covered",
    ReviewKind.premoderate: "Premoderation",
    ReviewKind.classifier_unavailable: "Classifier unavailable",
    ReviewKind.taken_down: "Taken down",
    ReviewKind.undone: "Decision undone",
    ReviewKind.reported: "Reported by visitors",
    ReviewKind.appeal: "Appeal",
    ReviewKind.rescored: "Held by a rescore",
}


class ReportReason(enum.StrEnum):
    """Why a visitor reported a published moment."""

    bullying = "bullying"
    hate = "hate"
    spam = "spam"
    personal_info = "personal_info"
    other = "other"

    @property
    def label(self) -> str:
        return REPORT_REASON_LABELS[self]


# Marked for translation: the report form shows them in the visitor's language.
REPORT_REASON_LABELS: dict[ReportReason, str] = {
    ReportReason.bullying: N_("Bullying or harassment"),
    ReportReason.hate: N_("Hate or attacks on who people are"),
    ReportReason.spam: N_("Spam or advertising"),
    ReportReason.personal_info: N_("Someone's personal information"),
    ReportReason.other: N_("Something else"),
}


def _enum_column(enum_class: type[enum.StrEnum], length: int = 30) -> Enum:
    return Enum(
        enum_class,
        native_enum=False,
        length=length,
        validate_strings=True,
        values_callable=lambda members: [m.value for m in members],
        create_constraint=False,
    )


class ImportRefusal(enum.StrEnum):
    """Why a row of an import file was skipped (reported with its line, never stored)."""

    malformed = "malformed"
    invalid_encoding = "invalid_encoding"
    missing_field = "missing_field"
    empty = "empty"
    too_long = "too_long"
    invalid_text = "invalid_text"
    invalid_link = "invalid_link"
    invalid_date = "invalid_date"

    @property
    def label(self) -> str:
        return IMPORT_REFUSAL_LABELS[self]


IMPORT_REFUSAL_LABELS: dict[ImportRefusal, str] = {
    ImportRefusal.malformed: "not a readable row",
    ImportRefusal.invalid_encoding: "invalid encoding (not UTF-8)",
    ImportRefusal.missing_field: "missing field",
    ImportRefusal.empty: "empty text",
    ImportRefusal.too_long: "too long",
    ImportRefusal.invalid_text: "text not accepted",
    ImportRefusal.invalid_link: "link not accepted",
    ImportRefusal.invalid_date: "date not readable",
}


class ActorKind(enum.StrEnum):
    participant = "participant"
    classifier = "classifier"
    moderator = "moderator"
    visitor = "visitor"


class Submission(Base):
    __tablename__ = "submission"
    __table_args__ = (
        Index("ix_submission_claim", "state", "claim_expires_at", "id"),
        Index("ix_submission_wall", "state", "published_at", "id"),
        Index("ix_submission_duplicates", "client_hash", "text_hash", "created_at"),
        Index("ix_submission_featured", "state", "featured_at"),
        Index("ix_submission_created_at", "created_at"),
        # An imported row is known by where it came from and its id there: importing the same
        # export twice adds nothing. Shared moments have neither (NULLs never collide).
        UniqueConstraint("source", "source_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    display_name: Mapped[str] = mapped_column(String(60))
    video_url: Mapped[str | None] = mapped_column(String(500))
    consent_public: Mapped[bool]
    # sha256 of the receipt token: the token itself is only ever shown to the participant.
    receipt_hash: Mapped[str] = mapped_column(String(64), unique=True)
    state: Mapped[State] = mapped_column(
        Enum(State, native_enum=False, length=20, validate_strings=True),
        default=State.pending,
    )
    # Why it is in its current state (routing reason or moderator note), shown to moderators.
    state_reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    scored_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    classifier_name: Mapped[str | None] = mapped_column(String(80))
    classifier_version: Mapped[str | None] = mapped_column(String(80))
    # Claim by a scoring worker: a random token and a lease. An expired lease is free to take.
    claim_token: Mapped[str | None] = mapped_column(String(64))
    claim_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    score_attempts: Mapped[int] = mapped_column(Integer, default=0)
    # The classifier saw only the start of the text (it was longer than the model's limit).
    scoring_truncated: Mapped[bool] = mapped_column(default=False, server_default=false())
    last_error: Mapped[str | None] = mapped_column(Text)
    # The language detected when it was scored (ISO 639-1), None when too short to tell.
    language: Mapped[str | None] = mapped_column(String(8))
    # Scores the share form's nudge already computed for this text while it was submitted:
    # {"name", "version", "scores"}. A worker running that same classifier routes on them
    # instead of scoring the text a second time (``scoring.worker``), then clears them.
    prescores: Mapped[dict | None] = mapped_column(JSON)
    # Campaign category chosen by the participant (routing.CATEGORIES), if any.
    category: Mapped[str | None] = mapped_column(String(20))
    # Why it is in review, as a filterable kind, which labels crossed, and which word-list
    # phrases (or links) matched: the queue highlights those.
    review_kind: Mapped[ReviewKind | None] = mapped_column(_enum_column(ReviewKind), index=True)
    flagged_labels: Mapped[str | None] = mapped_column(String(200))
    matched_phrases: Mapped[list[str] | None] = mapped_column(JSON)
    # The highest label probability: "most severe first" sorts on it.
    severity: Mapped[float | None] = mapped_column(Float)
    featured_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # A soft marker: a moderator has this item open until then; others see it (it blocks nobody).
    viewing_moderator_id: Mapped[int | None] = mapped_column(
        ForeignKey("moderator.id", ondelete="SET NULL")
    )
    viewing_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Who or what the moment is for or about (optional, shown with it).
    for_whom: Mapped[str | None] = mapped_column(String(80))
    # A keyed hash of the submitting client (never the address itself), for the duplicate window.
    client_hash: Mapped[str | None] = mapped_column(String(64))
    text_hash: Mapped[str | None] = mapped_column(String(64))
    heart_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # A participant may appeal a rejection once, with a short note.
    appeal_note: Mapped[str | None] = mapped_column(String(500))
    appealed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Imported from a platform export (``participate.importing``): the platform ("tiktok", or
    # the name given to the import), the row's id there, the link to the original (a canonical
    # link, as for video links) and when it was posted there. None for moments shared here.
    source: Mapped[str | None] = mapped_column(String(40))
    source_id: Mapped[str | None] = mapped_column(String(120))
    source_url: Mapped[str | None] = mapped_column(String(500))
    source_created_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # When retention (``core.retention``) deleted its text and what identified its author;
    # the row, its transitions and the audit log stay (who decided what, and when).
    purged_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # The language of the page it was shared from ("pt_BR"): its receipt and the reasons its
    # author is given are shown in it. None for moments from before languages (English).
    locale: Mapped[str | None] = mapped_column(String(16))

    scores: Mapped[list[Score]] = relationship(
        back_populates="submission", order_by="Score.label", cascade="all, delete-orphan"
    )
    transitions: Mapped[list[Transition]] = relationship(
        back_populates="submission", order_by="Transition.id", cascade="all, delete-orphan"
    )
    reports: Mapped[list[Report]] = relationship(
        back_populates="submission", order_by="Report.id", cascade="all, delete-orphan"
    )
    viewing_moderator: Mapped[Moderator | None] = relationship()

    def score_map(self) -> dict[str, float]:
        return {score.label: score.probability for score in self.scores}


class Score(Base):
    """One label's probability for one submission, from a named classifier."""

    __tablename__ = "score"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    submission_id: Mapped[int] = mapped_column(
        ForeignKey("submission.id", ondelete="CASCADE"), index=True
    )
    label: Mapped[str] = mapped_column(String(40))
    probability: Mapped[float] = mapped_column(Float)
    classifier_name: Mapped[str] = mapped_column(String(80))
    classifier_version: Mapped[str] = mapped_column(String(80))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    submission: Mapped[Submission] = relationship(back_populates="scores")


class Transition(Base):
    """An audit row: a submission moved from one state to another, by whom, when and why."""

    __tablename__ = "transition"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    submission_id: Mapped[int] = mapped_column(
        ForeignKey("submission.id", ondelete="CASCADE"), index=True
    )
    from_state: Mapped[State | None] = mapped_column(
        Enum(State, native_enum=False, length=20, validate_strings=True)
    )
    to_state: Mapped[State] = mapped_column(
        Enum(State, native_enum=False, length=20, validate_strings=True)
    )
    actor_kind: Mapped[ActorKind] = mapped_column(
        Enum(ActorKind, native_enum=False, length=20, validate_strings=True)
    )
    # The classifier's name and version, or the moderator's username.
    actor: Mapped[str] = mapped_column(String(120))
    moderator_id: Mapped[int | None] = mapped_column(
        ForeignKey("moderator.id", ondelete="SET NULL"), index=True
    )
    reason: Mapped[str | None] = mapped_column(Text)
    # What the participant is told (a moderator's statement of reasons); may differ from reason.
    public_note: Mapped[str | None] = mapped_column(Text)
    # The reason the participant is told, as a code (core.reasons.PUBLIC_REASONS), translated
    # when shown; public_note then holds only a moderator's own words, shown as written.
    public_reason: Mapped[str | None] = mapped_column(String(30))
    # Into review: why, as data (statistics count by it), and the phrases or links that matched.
    review_kind: Mapped[ReviewKind | None] = mapped_column(_enum_column(ReviewKind))
    matched: Mapped[list[str] | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)

    submission: Mapped[Submission] = relationship(back_populates="transitions")
    moderator: Mapped[Moderator | None] = relationship()


class Moderator(Base):
    __tablename__ = "moderator"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(40), unique=True)
    password_hash: Mapped[str] = mapped_column(String(256))
    role: Mapped[str] = mapped_column(String(20), default="moderator")
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    # Part of every session and remember-me cookie (``get_id``); raised on logout, password,
    # role or active change (``core.accounts.end_sessions``), so every earlier cookie dies.
    session_version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # Set by an admin's password reset: until the account chooses a password of its own, every
    # moderator page sends it to the change-password page.
    must_change_password: Mapped[bool] = mapped_column(default=False, server_default=false())

    # Flask-Login's user protocol, written out so this module needs no Flask import.
    @property
    def is_authenticated(self) -> bool:
        return True

    @property
    def is_active(self) -> bool:
        return self.active

    @property
    def is_anonymous(self) -> bool:
        return False

    def get_id(self) -> str:
        """What Flask-Login keeps in the session: the id and the session version."""
        return f"{self.id}:{self.session_version}"


class Setting(Base):
    """A routing-policy setting changed by an admin in the UI (JSON value), overriding config."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[object] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("moderator.id", ondelete="SET NULL")
    )


class WordEntry(Base):
    """A banned phrase (rejected at once) or suspect phrase (sent to review)."""

    __tablename__ = "word_entry"
    __table_args__ = (UniqueConstraint("kind", "normalized"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))
    phrase: Mapped[str] = mapped_column(String(100))
    normalized: Mapped[str] = mapped_column(String(200))
    # For banned phrases: what the participant is told.
    public_reason: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("moderator.id", ondelete="SET NULL")
    )


class AuditEvent(Base):
    """Every decision, setting change, list change and login: who, when, before and after."""

    __tablename__ = "audit_event"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    moderator_id: Mapped[int | None] = mapped_column(
        ForeignKey("moderator.id", ondelete="SET NULL"), index=True
    )
    actor: Mapped[str] = mapped_column(String(120))
    action: Mapped[str] = mapped_column(String(40), index=True)
    # SET NULL: a moment deleted at its author's request leaves who decided what, and when
    # (``subject`` still names it); retention deletes texts, never these rows.
    submission_id: Mapped[int | None] = mapped_column(
        ForeignKey("submission.id", ondelete="SET NULL"), index=True
    )
    subject: Mapped[str | None] = mapped_column(String(120))
    before: Mapped[object | None] = mapped_column(JSON)
    after: Mapped[object | None] = mapped_column(JSON)
    note: Mapped[str | None] = mapped_column(Text)


class Report(Base):
    """A visitor's report of a published moment."""

    __tablename__ = "report"
    __table_args__ = (UniqueConstraint("submission_id", "reporter_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    submission_id: Mapped[int] = mapped_column(
        ForeignKey("submission.id", ondelete="CASCADE"), index=True
    )
    reason: Mapped[ReportReason] = mapped_column(_enum_column(ReportReason))
    note: Mapped[str | None] = mapped_column(String(300))
    # A hash identifying the reporting visitor (cookie), so one visitor counts once.
    reporter_key: Mapped[str] = mapped_column(String(64))
    # A keyed hash of the reporter's network (core.clients): reports that hide a moment must come
    # from distinct networks, not just distinct cookies. None on rows older than migration 0011.
    client_hash: Mapped[str | None] = mapped_column(String(64))
    # False: the reporter's visitor cookie was too new for the report to count towards hiding
    # the moment (moderators still see it).
    counted: Mapped[bool] = mapped_column(default=True, server_default=true())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    submission: Mapped[Submission] = relationship(back_populates="reports")


class Heart(Base):
    """One visitor's heart on one moment (a visitor is a random id in a cookie)."""

    __tablename__ = "heart"
    __table_args__ = (
        UniqueConstraint("submission_id", "visitor_key"),
        Index("ix_heart_submission_client", "submission_id", "client_hash"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submission.id", ondelete="CASCADE"))
    visitor_key: Mapped[str] = mapped_column(String(64))
    # A keyed hash of the visitor's network: a moment's heart count is the number of distinct
    # networks that hearted it (one per network, however many cookies). None before 0011.
    client_hash: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class RescoreStatus(enum.StrEnum):
    running = "running"  # or interrupted: ``flask rescore --resume`` carries on from last_id
    finished = "finished"
    abandoned = "abandoned"  # a newer run was started instead of resuming this one


class RescoreRun(Base):
    """One ``flask rescore`` over stored moments: what it was asked, how far it got (so an
    interrupted run resumes from ``last_id``), and its report (counts and held moments)."""

    __tablename__ = "rescore_run"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    status: Mapped[RescoreStatus] = mapped_column(_enum_column(RescoreStatus, 20))
    apply: Mapped[bool] = mapped_column(default=False)
    include_decided: Mapped[bool] = mapped_column(default=False)
    states: Mapped[list[str]] = mapped_column(JSON)
    since: Mapped[datetime | None] = mapped_column(UTCDateTime())
    until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    classifier_name: Mapped[str] = mapped_column(String(80))
    classifier_version: Mapped[str] = mapped_column(String(80))
    # The policy it routed with: thresholds, mode, kindness threshold (as data).
    policy: Mapped[dict] = mapped_column(JSON)
    # The highest submission id done: a resumed run starts after it.
    last_id: Mapped[int] = mapped_column(Integer, default=0)
    total: Mapped[int] = mapped_column(Integer, default=0)
    checked: Mapped[int] = mapped_column(Integer, default=0)
    # {current state: {new routing state: count}}, moderator decisions left alone, moved.
    counts: Mapped[dict] = mapped_column(JSON, default=dict)
    # Published moments that would now be held (moved, with --apply): id, scores, reason.
    held: Mapped[list[dict]] = mapped_column(JSON, default=list)

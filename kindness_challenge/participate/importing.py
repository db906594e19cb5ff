"""Importing moments from platform exports (``flask import``). No Flask here.

Each good row becomes a pending submission exactly as the share form stores one
(``submit.new_submission``), marked with its source, its id there, a link to the original where
there is one, and when it was posted. The score workers then score and route it like any shared
moment: the same classifier, thresholds, kindness rule, language rule and word lists. Nothing
is published without the policy's say.

* **Idempotent**: a row whose (source, original id) is already stored, or appears earlier in the
  same import, is counted as a duplicate and skipped. Rows without an id are known by a hash of
  their text, author and time.
* **Bad rows** (not readable, not UTF-8, missing a field, empty, too long, text or link or date
  not accepted) are reported with their file and line, and skipped.
* **All or nothing**: every row of every file is stored in one transaction, committed at the end;
  a crash or Ctrl-C part-way leaves nothing behind.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select, tuple_
from sqlalchemy.orm import Session

from ..core.pg_notify import notify_pending
from ..core.text.input_checks import TextProblem, clean_text
from ..core.text.videolinks import VideoLinkProblem, canonical_video_link
from ..models import ImportRefusal, Submission, utcnow
from .forms import NAME_MAX, TEXT_MAX
from .import_formats import TIKTOK, FormatError, Mapping, SourceRow, detect_format, read_rows
from .submit import new_submission

SOURCE_NAME = re.compile(r"[a-z0-9][a-z0-9_.-]{0,39}")
ID_MAX = 120
FLUSH_EVERY = 500


@dataclass(frozen=True)
class RowProblem:
    file: str
    line: int
    reason: ImportRefusal
    detail: str = ""

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.reason.label}" + (
            f" — {self.detail}" if self.detail else ""
        )


@dataclass
class ImportSummary:
    read: int = 0
    imported: int = 0
    duplicates: int = 0
    refused: Counter = field(default_factory=Counter)
    problems: list[RowProblem] = field(default_factory=list)
    ids: list[int] = field(default_factory=list)

    @property
    def refused_total(self) -> int:
        return sum(self.refused.values())

    def lines(self) -> list[str]:
        out = [
            f"Read {self.read} rows: {self.imported} imported, {self.duplicates} duplicates, "
            f"{self.refused_total} refused."
        ]
        for reason, count in sorted(self.refused.items(), key=lambda kv: (-kv[1], kv[0])):
            out.append(f"  refused, {reason.label}: {count}")
        return out


@dataclass(frozen=True)
class ImportRow:
    """A row that passed every check, ready to store."""

    file: str
    line: int
    source: str
    source_id: str
    text: str
    display_name: str
    source_url: str | None
    source_created_at: datetime | None


@dataclass(frozen=True)
class ImportOptions:
    fmt: str = "auto"
    source: str | None = None
    mapping: Mapping = Mapping()
    delimiter: str = ","
    default_author: str | None = None


def read_files(paths: Sequence[Path], options: ImportOptions) -> tuple[list, ImportSummary]:
    """Read and check every row of every file; returns the good rows (in order) and a summary
    of what was read and refused. Raises ``FormatError`` for a file that cannot be read at all
    (before anything is stored)."""
    summary = ImportSummary()
    read: list[tuple[str, str, SourceRow]] = []
    for path in paths:
        fmt = detect_format(path, options.fmt)
        try:
            data = path.read_bytes()
        except OSError as error:
            raise FormatError(f"{path}: {error.strerror}") from None
        try:
            for row in read_rows(data, fmt, options.mapping, options.delimiter):
                source = TIKTOK if row.kind else options.source
                if source is None:
                    raise FormatError(
                        f"{path.name}: say where these rows come from with --source "
                        "(for example --source instagram)"
                    )
                read.append((path.name, source, row))
        except FormatError as error:
            raise FormatError(f"{path.name}: {error}") from None
    # A TikTok comment links to its video when that video is imported too (a comment names
    # its video's id, not its author).
    video_authors = {
        str(row.video_id): row.username
        for _, _, row in read
        if row.kind == "video" and row.username and isinstance(row.username, str)
    }
    good: list[ImportRow] = []
    for name, source, row in read:
        summary.read += 1
        checked = check_row(name, source, row, options, video_authors)
        if isinstance(checked, RowProblem):
            summary.refused[checked.reason] += 1
            summary.problems.append(checked)
        else:
            good.append(checked)
    return good, summary


def check_row(
    file: str, source: str, row: SourceRow, options: ImportOptions, video_authors: dict
) -> ImportRow | RowProblem:
    def refuse(reason: ImportRefusal, detail: str = "") -> RowProblem:
        return RowProblem(file, row.line, reason, detail)

    if row.problem is not None:
        return refuse(row.problem, row.detail)
    if row.missing:
        return refuse(ImportRefusal.missing_field, ", ".join(row.missing))
    values = (row.text, row.author, row.created, row.link, row.original_id)
    if any(isinstance(v, str) and _not_utf8(v) for v in values):
        return refuse(ImportRefusal.invalid_encoding, "bytes that are not UTF-8")
    if row.text is None or not isinstance(row.text, str):
        return refuse(ImportRefusal.empty if row.text is None else ImportRefusal.invalid_text)
    try:
        text = clean_text(row.text, multiline=True, field="The text")
    except TextProblem as problem:
        return refuse(ImportRefusal.invalid_text, str(problem))
    if not text:
        return refuse(ImportRefusal.empty)
    if len(text) > TEXT_MAX:
        return refuse(ImportRefusal.too_long, f"{len(text)} characters; at most {TEXT_MAX}")
    author = _author(row, source, options)
    if isinstance(author, RowProblem):
        return RowProblem(file, row.line, author.reason, author.detail)
    created = parse_time(row.created)
    if created is False:
        return refuse(ImportRefusal.invalid_date, repr(row.created)[:60])
    link = _link(row, video_authors)
    if isinstance(link, RowProblem):
        return RowProblem(file, row.line, link.reason, link.detail)
    original_id = _original_id(row, text, author, created)
    if original_id is None:
        return refuse(ImportRefusal.missing_field, "id")
    if len(original_id) > ID_MAX:
        return refuse(ImportRefusal.too_long, f"id of {len(original_id)} characters")
    return ImportRow(file, row.line, source, original_id, text, author, link, created or None)


def _not_utf8(value: str) -> bool:
    return any("\udc80" <= char <= "\udcff" for char in value)


def _author(row: SourceRow, source: str, options: ImportOptions) -> str | RowProblem:
    raw = row.author
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return options.default_author or default_author(source, row.kind)
    if not isinstance(raw, str):
        raw = str(raw)
    try:
        name = clean_text(raw, multiline=False, field="The author")
    except TextProblem as problem:
        return RowProblem("", 0, ImportRefusal.invalid_text, str(problem))
    if len(name) > NAME_MAX:
        return RowProblem("", 0, ImportRefusal.too_long, f"author of {len(name)} characters")
    return name or default_author(source, row.kind)


def default_author(source: str, kind: str | None) -> str:
    """Who an imported moment is shown as when its export names no one (TikTok's comment
    shape has no author)."""
    platform = "TikTok" if source == TIKTOK else source
    return f"a {platform} commenter" if kind == "comment" else f"someone on {platform}"


def _link(row: SourceRow, video_authors: dict) -> str | None | RowProblem:
    """The canonical link to the original (rebuilt and checked like a shared video link), if
    the row has one or it can be built from its ids."""
    if row.kind == "video" and row.username and row.original_id is not None:
        raw = f"https://www.tiktok.com/@{row.username}/video/{row.original_id}"
    elif row.kind == "comment" and str(row.video_id) in video_authors:
        raw = f"https://www.tiktok.com/@{video_authors[str(row.video_id)]}/video/{row.video_id}"
    elif row.kind is None and isinstance(row.link, str) and row.link.strip():
        raw = row.link.strip()
    else:
        return None
    try:
        return canonical_video_link(raw).url
    except VideoLinkProblem as problem:
        return RowProblem("", 0, ImportRefusal.invalid_link, str(problem))


def _original_id(row: SourceRow, text: str, author: str, created) -> str | None:
    value = row.original_id
    if isinstance(value, bool):
        return None
    if isinstance(value, int | str) and str(value).strip():
        return str(value).strip()
    if value is None and row.kind is None:
        # No id in this export: the row is known by its content, so a second import of the
        # same file still adds nothing.
        when = created.isoformat() if isinstance(created, datetime) else ""
        digest = hashlib.sha256("\x1f".join((text, author, when)).encode()).hexdigest()
        return f"sha256:{digest[:40]}"
    return None


def parse_time(value) -> datetime | None | bool:
    """Unix seconds (TikTok's ``create_time``) or an ISO 8601 date and time (UTC when it says
    no zone); None when absent, False when it cannot be read."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        if isinstance(value, bool):
            return False
        if isinstance(value, int | float) or (isinstance(value, str) and value.strip().isdigit()):
            return datetime.fromtimestamp(float(value), UTC)
        if isinstance(value, str):
            parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    except (ValueError, OverflowError, OSError):
        return False
    return False


def check_source(name: str) -> str:
    if not SOURCE_NAME.fullmatch(name):
        raise FormatError(
            "a source is a short lower-case name: letters, digits, '.', '_' or '-' "
            "(for example instagram)"
        )
    return name


def store_rows(
    session: Session,
    rows: Sequence[ImportRow],
    summary: ImportSummary,
    progress: Callable[[Iterable], Iterable] = lambda rows: rows,
    now: datetime | None = None,
) -> ImportSummary:
    """Store the rows not already there, in the session's transaction; does not commit.

    ``progress`` wraps the iteration (a progress bar). Duplicates (already stored, or earlier
    in ``rows``) are counted in ``summary`` and skipped.
    """
    now = now or utcnow()
    existing = _existing_keys(session, {(row.source, row.source_id) for row in rows})
    seen: set[tuple[str, str]] = set(existing)
    added: list[Submission] = []
    for row in progress(rows):
        key = (row.source, row.source_id)
        if key in seen:
            summary.duplicates += 1
            continue
        seen.add(key)
        submission, _ = new_submission(
            row.text,
            row.display_name,
            None,
            True,  # posted publicly under the campaign's hashtag (see README: Importing)
            reason=f"imported from {row.source}",
            now=now,
            source=row.source,
            source_id=row.source_id,
            source_url=row.source_url,
            source_created_at=row.source_created_at,
        )
        session.add(submission)
        added.append(submission)
        if len(added) % FLUSH_EVERY == 0:
            session.flush()
    session.flush()
    summary.imported += len(added)
    summary.ids.extend(s.id for s in added)
    if added:
        notify_pending(session)  # idle score workers hear of them at commit
    return summary


def _existing_keys(session: Session, keys: set[tuple[str, str]]) -> set[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    ordered = sorted(keys)
    for start in range(0, len(ordered), 400):
        chunk = ordered[start : start + 400]
        found.update(
            session.execute(
                select(Submission.source, Submission.source_id).where(
                    tuple_(Submission.source, Submission.source_id).in_(chunk)
                )
            ).all()
        )
    return {(s, i) for s, i in found}


def import_files(
    session: Session,
    paths: Sequence[Path],
    options: ImportOptions,
    *,
    progress: Callable[[Iterable], Iterable] = lambda rows: rows,
    dry_run: bool = False,
) -> ImportSummary:
    """Read, check and store every row of ``paths`` in one transaction. Commits unless
    ``dry_run`` (then rolls back, reporting what would have been imported); on any error
    rolls back, so nothing of a failed import is kept."""
    if options.source is not None:
        check_source(options.source)
    rows, summary = read_files(paths, options)
    try:
        store_rows(session, rows, summary, progress)
        if dry_run:
            session.rollback()
            summary.ids.clear()
        else:
            session.commit()
    except BaseException:
        session.rollback()
        raise
    return summary

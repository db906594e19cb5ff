"""Reading platform exports into rows, each with the line it starts on. No Flask, no database.

Formats:

* **JSON Lines**: one object per line, fields named by a ``Mapping`` (``--text`` etc.). A line
  that is a whole TikTok Research API response is read as that response's rows.
* **CSV** with a header row, columns named by the ``Mapping``.
* **TikTok Research API** responses, as saved from ``/v2/research/video/query/`` (``{"data":
  {"videos": [...], "cursor", "has_more", "search_id"}, "error": {...}}``; a video has ``id``,
  ``username``, ``video_description``, ``create_time`` (Unix seconds), ``hashtag_names``, ...)
  and ``/v2/research/video/comment/list/`` (``{"data": {"comments": [...], ...}}``; a comment
  has ``id``, ``video_id``, ``text``, ``create_time``, ``like_count``, ``reply_count``,
  ``parent_comment_id``, and no author). A ``.json`` file may hold one response, a list of
  them (pages), or a bare list of videos or comments.

Bytes that are not UTF-8 are kept as lone surrogates (``surrogateescape``) so the row they are
in can be refused with its line number while the rest of the file is read.
"""

from __future__ import annotations

import bisect
import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..models import ImportRefusal

FORMATS = ("auto", "jsonl", "csv", "json")
TIKTOK = "tiktok"


@dataclass(frozen=True)
class Mapping:
    """Which field or column holds what. ``explicit``: the names the user gave (a row without
    one of those is refused as missing it; a missing default is just absent)."""

    text: str = "text"
    author: str = "author"
    created: str = "created"
    link: str = "link"
    id: str = "id"
    explicit: frozenset[str] = frozenset()


@dataclass
class SourceRow:
    """One row as read, before any check: its line, and the values its fields gave."""

    line: int
    text: object = None
    author: object = None
    created: object = None
    link: object = None
    original_id: object = None
    # TikTok: "video" or "comment"; the video a comment is on (to link it when that video is
    # imported too); the video's author's username (to build its link).
    kind: str | None = None
    video_id: object = None
    username: object = None
    # Set when the row could not be read at all (malformed, not UTF-8), with what was wrong.
    problem: ImportRefusal | None = None
    detail: str = ""
    missing: list[str] = field(default_factory=list)


class FormatError(ValueError):
    """The file as a whole cannot be read in the format asked (the message says why)."""


def detect_format(path: Path, requested: str = "auto") -> str:
    if requested != "auto":
        return requested
    suffix = path.suffix.lower()
    if suffix in (".csv", ".tsv"):
        return "csv"
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    if suffix == ".json":
        return "json"
    raise FormatError(
        f"{path.name}: cannot tell the format from its name; say --format jsonl, csv or json."
    )


def decode(data: bytes) -> str:
    """UTF-8 (a byte-order mark is dropped); bytes that are not UTF-8 become lone surrogates."""
    return data.decode("utf-8", errors="surrogateescape").removeprefix("\ufeff")


def read_rows(data: bytes, fmt: str, mapping: Mapping, delimiter: str = ",") -> Iterator[SourceRow]:
    text = decode(data)
    if fmt == "jsonl":
        yield from _jsonl_rows(text, mapping)
    elif fmt == "csv":
        yield from _csv_rows(text, mapping, delimiter)
    elif fmt == "json":
        yield from _json_rows(text, mapping)
    else:
        raise FormatError(f"unknown format {fmt!r}")


# --- JSON Lines ---------------------------------------------------------------------------


def _jsonl_rows(text: str, mapping: Mapping) -> Iterator[SourceRow]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as error:
            detail = f"not JSON: {error.msg}"
            yield SourceRow(number, problem=ImportRefusal.malformed, detail=detail)
            continue
        if _is_tiktok_response(value):
            yield from (_tiktok_row(number, item, kind) for kind, item in _response_items(value))
        elif isinstance(value, dict):
            yield _mapped_row(number, value, mapping)
        else:
            yield SourceRow(number, problem=ImportRefusal.malformed, detail="not a JSON object")


# --- CSV ----------------------------------------------------------------------------------


def _csv_rows(text: str, mapping: Mapping, delimiter: str) -> Iterator[SourceRow]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = next(reader)
    except StopIteration:
        return
    except csv.Error as error:
        raise FormatError(f"the header row cannot be read: {error}") from None
    header = [name.strip() for name in header]
    wanted = {
        "text": mapping.text,
        "author": mapping.author,
        "created": mapping.created,
        "link": mapping.link,
        "id": mapping.id,
    }
    if mapping.text not in header:
        raise FormatError(
            f"there is no column {mapping.text!r} for the text (columns: {', '.join(header)}); "
            "name it with --text"
        )
    absent = [f"--{key} {name!r}" for key, name in wanted.items()
              if key in mapping.explicit and name not in header]  # fmt: skip
    if absent:
        raise FormatError(f"no such column: {', '.join(absent)} (columns: {', '.join(header)})")
    ended = reader.line_num
    while True:
        start = ended + 1
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            ended = reader.line_num
            yield SourceRow(start, problem=ImportRefusal.malformed, detail=str(error))
            continue
        ended = reader.line_num
        if not values or all(not v.strip() for v in values):
            continue  # a blank line is not a row
        if len(values) != len(header):
            yield SourceRow(
                start,
                problem=ImportRefusal.malformed,
                detail=f"{len(values)} columns where the header has {len(header)}",
            )
            continue
        yield _mapped_row(start, dict(zip(header, values, strict=True)), mapping)


def _mapped_row(line: int, record: dict, mapping: Mapping) -> SourceRow:
    if not mapping.explicit and _looks_like_tiktok(record):
        return _tiktok_row(line, record, "video" if "video_description" in record else "comment")
    row = SourceRow(
        line,
        text=record.get(mapping.text),
        author=record.get(mapping.author),
        created=record.get(mapping.created),
        link=record.get(mapping.link),
        original_id=record.get(mapping.id),
    )
    row.missing = [
        f"{key} ({getattr(mapping, key)!r})"
        for key in ("text", "author", "created", "link", "id")
        if (key == "text" or key in mapping.explicit) and getattr(mapping, key) not in record
    ]
    return row


# --- TikTok Research API ------------------------------------------------------------------


def _looks_like_tiktok(record: dict) -> bool:
    """A bare TikTok video (``video_description``) or comment (``video_id`` and ``text``)."""
    return "video_description" in record or ("video_id" in record and "text" in record)


def _is_tiktok_response(value) -> bool:
    data = value.get("data") if isinstance(value, dict) else None
    return isinstance(data, dict) and ("videos" in data or "comments" in data)


def _response_items(value: dict) -> Iterator[tuple[str, object]]:
    data = value["data"]
    for key, kind in (("videos", "video"), ("comments", "comment")):
        for item in data.get(key) or ():
            yield kind, item


def _tiktok_row(line: int, item, kind: str) -> SourceRow:
    if not isinstance(item, dict):
        return SourceRow(line, problem=ImportRefusal.malformed, detail=f"a {kind} is not an object")
    text_field = "video_description" if kind == "video" else "text"
    row = SourceRow(
        line,
        text=item.get(text_field),
        author=f"@{item['username']}" if kind == "video" and item.get("username") else None,
        created=item.get("create_time"),
        original_id=item.get("id"),
        kind=kind,
        video_id=item.get("id") if kind == "video" else item.get("video_id"),
        username=item.get("username") if kind == "video" else None,
    )
    row.missing = [name for name in (text_field, "id") if name not in item]
    return row


# --- a whole JSON document, with the line of each row --------------------------------------


def _json_rows(text: str, mapping: Mapping) -> Iterator[SourceRow]:
    lines = _LineIndex(text)
    try:
        json.loads(text)
    except json.JSONDecodeError as error:
        where = f"line {error.lineno}, column {error.colno}"
        raise FormatError(f"not JSON ({where}: {error.msg})") from None
    start = _skip_space(text, 0)
    if text.startswith("[", start):
        for offset, item in _array_items(text, start):
            yield from _json_value_rows(text, offset, item, mapping, lines)
    else:
        value, _ = _DECODER.raw_decode(text, start)
        yield from _json_value_rows(text, start, value, mapping, lines)


def _json_value_rows(text, offset, value, mapping, lines) -> Iterator[SourceRow]:
    if _is_tiktok_response(value):
        data_offset = _member_offset(text, offset, "data")
        for key, kind in (("videos", "video"), ("comments", "comment")):
            if key not in value["data"] or not value["data"][key]:
                continue
            array = _member_offset(text, data_offset, key)
            for item_offset, item in _array_items(text, array):
                yield _tiktok_row(lines.line(item_offset), item, kind)
    elif isinstance(value, dict):
        yield _mapped_row(lines.line(offset), value, mapping)
    else:
        yield SourceRow(lines.line(offset), problem=ImportRefusal.malformed, detail="not an object")


_DECODER = json.JSONDecoder()


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\r\n":
        pos += 1
    return pos


def _array_items(text: str, pos: int) -> Iterator[tuple[int, object]]:
    """(offset, value) of each element of the array starting at ``text[pos] == "["``."""
    pos = _skip_space(text, pos + 1)
    if text.startswith("]", pos):
        return
    while True:
        value, end = _DECODER.raw_decode(text, pos)
        yield pos, value
        pos = _skip_space(text, end)
        if text.startswith("]", pos):
            return
        pos = _skip_space(text, pos + 1)  # the comma


def _member_offset(text: str, pos: int, name: str) -> int:
    """The offset of member ``name``'s value in the object starting at ``text[pos] == "{"``."""
    pos = _skip_space(text, pos + 1)
    while not text.startswith("}", pos):
        key, end = _DECODER.raw_decode(text, pos)
        pos = _skip_space(text, _skip_space(text, end) + 1)  # past the colon
        if key == name:
            return pos
        _, end = _DECODER.raw_decode(text, pos)
        pos = _skip_space(text, end)
        if text.startswith(",", pos):
            pos = _skip_space(text, pos + 1)
    raise KeyError(name)


class _LineIndex:
    def __init__(self, text: str) -> None:
        self.newlines = [i for i, char in enumerate(text) if char == "\n"]

    def line(self, offset: int) -> int:
        return bisect.bisect_left(self.newlines, offset) + 1

"""The wall as an Atom feed (RFC 4287), built with the standard library's ElementTree.

ElementTree escapes text and attribute values itself; what it does not do is refuse characters
XML 1.0 cannot carry at all (most C0 controls), so those are dropped here. The share form never
stores them, but a feed must stay well-formed whatever is in the database.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from xml.etree import ElementTree as ET

from ..core.routing import CATEGORIES
from ..models import Submission

ATOM = "http://www.w3.org/2005/Atom"
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")

ET.register_namespace("", ATOM)


def xml_text(value: str) -> str:
    return NOT_XML.sub("", value)


def _child(parent: ET.Element, tag: str, text: str | None = None, **attributes) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
    if text is not None:
        element.text = xml_text(text)
    return element


def _stamp(when: datetime) -> str:
    return when.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def entry_title(moment: Submission) -> str:
    title = f"A kind moment from {moment.display_name}"
    return f"{title}, for {moment.for_whom}" if moment.for_whom else title


def atom_feed(
    moments: Iterable[Submission],
    *,
    title: str,
    feed_url: str,
    wall_url: str,
    permalink: Callable[[Submission], str],
    now: datetime,
) -> bytes:
    """The feed document for ``moments`` (newest first), as UTF-8 bytes."""
    moments = list(moments)
    feed = ET.Element(f"{{{ATOM}}}feed")
    _child(feed, "id", wall_url)
    _child(feed, "title", title)
    _child(feed, "subtitle", "Kind comments and inspiring moments, shared for #CreateKindness.")
    _child(feed, "updated", _stamp(moments[0].published_at if moments else now))
    _child(feed, "link", rel="self", type="application/atom+xml", href=feed_url)
    _child(feed, "link", rel="alternate", type="text/html", href=wall_url)
    author = _child(feed, "author")
    _child(author, "name", "#CreateKindness")
    for moment in moments:
        url = permalink(moment)
        entry = _child(feed, "entry")
        _child(entry, "id", url)
        _child(entry, "title", entry_title(moment), type="text")
        _child(entry, "link", rel="alternate", type="text/html", href=url)
        _child(entry, "published", _stamp(moment.published_at))
        _child(entry, "updated", _stamp(moment.published_at))
        _child(_child(entry, "author"), "name", moment.display_name)
        if moment.category in CATEGORIES:
            _child(entry, "category", term=moment.category, label=CATEGORIES[moment.category])
        _child(entry, "content", moment.text, type="text")
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)

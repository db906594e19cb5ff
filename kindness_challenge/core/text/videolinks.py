"""Is this a link to a video page? Checked by shape only: the link is never fetched.

A link is accepted only in a form that every URL parser reads the same way, and what is kept is
not the text that was pasted but a canonical URL rebuilt from its parts: ``https://``, the
platform's own host (from the table below, never from the input), the path, and only the query
parameters a video page needs. So a link cannot say one host to Python and another to a browser
(``https://evil.example\\@www.tiktok.com/...``: a WHATWG parser reads ``\\`` as ``/`` and opens
evil.example), and what is stored, shown and linked is exactly what was checked.

Refused outright: anything but printable ASCII (spaces, controls, invisible characters,
look-alike letters, full-width dots, internationalised hosts), a backslash, user information
(``@`` or ``:`` before the host), a port, percent-escapes before the query, and ``.``/``..``
path segments (which a browser resolves away).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlencode

from ..translatable import N_, Explained

# platform host (without "www." / "m." / "mobile.") -> path patterns of a video page there
VIDEO_PAGES: dict[str, tuple[str, ...]] = {
    "tiktok.com": (r"/@[\w.-]+/video/\d+", r"/t/\w+", r"/v/\d+(\.html)?"),
    "vm.tiktok.com": (r"/\w+",),
    "vt.tiktok.com": (r"/\w+",),
    "youtube.com": (r"/shorts/[\w-]{6,}", r"/live/[\w-]{6,}", r"/embed/[\w-]{6,}", r"/watch"),
    "youtu.be": (r"/[\w-]{6,}",),
    "instagram.com": (r"/(reel|reels|p|tv)/[\w-]+", r"/[\w.]+/(reel|p)/[\w-]+"),
    "facebook.com": (r"/watch", r"/reel/\d+", r"/[\w.]+/videos/[\w.-]+", r"/share/[rv]/\w+"),
    "fb.watch": (r"/[\w-]+",),
    "vimeo.com": (r"/\d+",),
    "twitch.tv": (r"/videos/\d+", r"/[\w]+/clip/[\w-]+"),
    "clips.twitch.tv": (r"/[\w-]+",),
    "x.com": (r"/\w+/status/\d+",),
    "twitter.com": (r"/\w+/status/\d+",),
    "snapchat.com": (r"/spotlight/[\w-]+", r"/t/\w+"),
    "dailymotion.com": (r"/video/\w+",),
}
# The host a canonical link names: each platform's usual one.
CANONICAL_HOSTS: dict[str, str] = {
    "tiktok.com": "www.tiktok.com",
    "youtube.com": "www.youtube.com",
    "instagram.com": "www.instagram.com",
    "facebook.com": "www.facebook.com",
    "twitch.tv": "www.twitch.tv",
    "snapchat.com": "www.snapchat.com",
    "dailymotion.com": "www.dailymotion.com",
}
# Query parameters kept (with the shape of their value), per platform and path; every other
# parameter (share trackers and the like) is dropped. A path listed here needs its first one.
KEPT_QUERY: dict[tuple[str, str], tuple[tuple[str, str], ...]] = {
    ("youtube.com", "/watch"): (
        ("v", r"[\w-]{6,20}"),
        ("t", r"\d{1,6}s?|(\d{1,2}h)?(\d{1,2}m)?(\d{1,2}s)?"),
    ),
    ("facebook.com", "/watch"): (("v", r"\d{1,25}"),),
}
HOST_PREFIXES = ("www.", "m.", "mobile.")
PLATFORMS = "TikTok, YouTube, Instagram, Facebook, Vimeo, Twitch, X, Snapchat or Dailymotion"
EXAMPLE = "https://www.tiktok.com/@you/video/123"

# scheme :// authority path ? query # fragment, where the authority ends at the first "/", "?"
# or "#" (a backslash is refused before this is tried).
_PARTS = re.compile(r"(?P<scheme>[A-Za-z]+)://(?P<authority>[^/?#]*)(?P<path>[^?#]*)"
                    r"(?:\?(?P<query>[^#]*))?(?:#.*)?", re.ASCII | re.DOTALL)  # fmt: skip
_HOST = re.compile(r"[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?", re.ASCII)


class VideoLinkProblem(Explained):
    """Why a link is refused, in words for the participant (``message`` and ``values`` to
    translate them)."""


@dataclass(frozen=True)
class VideoLink:
    url: str  # the canonical URL: store, show and link only this
    host: str  # the host it opens on (also what a browser's URL parser finds in ``url``)
    platform: str  # the platform's key in VIDEO_PAGES


NOT_A_VIDEO_PAGE = N_(
    "That doesn't look like a link to a video page. Paste the link to the video itself on "
    "%(platforms)s, for example %(example)s."
)


def canonical_video_link(raw: str) -> VideoLink:
    """The canonical form of a pasted video link, or ``VideoLinkProblem`` saying why not."""
    value = raw.strip(" ")
    if not value:
        raise VideoLinkProblem(N_("The video link is empty."))
    if any(not ("!" <= c <= "~") for c in value):
        raise VideoLinkProblem(
            N_(
                "The video link can only contain the plain characters of a web address: no "
                "spaces, accented or look-alike letters, control or invisible characters."
            )
        )
    if "\\" in value:
        raise VideoLinkProblem(N_("The video link cannot contain a backslash (\\)."))
    parts = _PARTS.fullmatch(value)
    if parts is None or parts["scheme"].lower() not in ("http", "https"):
        raise VideoLinkProblem(
            N_(
                "The video link must be a full web address starting with https://, for "
                "example %(example)s."
            ),
            example=EXAMPLE,
        )
    authority = parts["authority"].lower()
    if "@" in authority or ":" in authority or "%" in authority:
        raise VideoLinkProblem(
            N_(
                "The video link cannot contain a name, password or port before the site's "
                "address (an @ or : there); paste the link exactly as the video site shows it."
            )
        )
    if not _HOST.fullmatch(authority) or ".." in authority:
        raise VideoLinkProblem(N_("The video link is not a valid web address."))
    platform = authority
    for prefix in HOST_PREFIXES:
        if platform.startswith(prefix) and platform[len(prefix) :] in VIDEO_PAGES:
            platform = platform[len(prefix) :]
            break
    path = parts["path"]
    if platform not in VIDEO_PAGES or "%" in path:
        raise VideoLinkProblem(NOT_A_VIDEO_PAGE, platforms=PLATFORMS, example=EXAMPLE)
    if any(segment in (".", "..") for segment in path.split("/")):
        raise VideoLinkProblem(NOT_A_VIDEO_PAGE, platforms=PLATFORMS, example=EXAMPLE)
    trailing_slash = path.endswith("/") and path.strip("/") != ""
    path = path.rstrip("/") or "/"
    if not any(re.fullmatch(p, path, re.ASCII) for p in VIDEO_PAGES[platform]):
        raise VideoLinkProblem(NOT_A_VIDEO_PAGE, platforms=PLATFORMS, example=EXAMPLE)
    query = ""
    kept = KEPT_QUERY.get((platform, path))
    if kept is not None:
        # Values as written (not percent-decoded): a kept value must already be plain.
        given = dict(pair.partition("=")[::2] for pair in (parts["query"] or "").split("&"))
        pairs = [
            (name, given[name])
            for name, shape in kept
            if name in given and re.fullmatch(shape, given[name], re.ASCII)
        ]
        if not pairs or pairs[0][0] != kept[0][0]:
            raise VideoLinkProblem(NOT_A_VIDEO_PAGE, platforms=PLATFORMS, example=EXAMPLE)
        query = "?" + urlencode(pairs)
    host = CANONICAL_HOSTS.get(platform, platform)
    path += "/" if trailing_slash else ""  # as the platform wrote it (one, at most)
    return VideoLink(url=f"https://{host}{path}{query}", host=host, platform=platform)


def video_platform(url: str) -> str | None:
    """The platform (a key of VIDEO_PAGES) if ``url`` is an acceptable video link, else None."""
    try:
        return canonical_video_link(url).platform
    except VideoLinkProblem:
        return None


def video_host(url: str | None) -> str | None:
    """The host a stored video link opens on; None for a link that is not canonical (one stored
    before links were rebuilt, which is never shown as a link)."""
    if not url:
        return None
    try:
        link = canonical_video_link(url)
    except VideoLinkProblem:
        return None
    return link.host if link.url == url else None

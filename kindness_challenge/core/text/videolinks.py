"""Is this a link to a video page? Checked by shape only: the link is never fetched."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

# host (without "www." / "m.") -> path patterns of a video page on that platform
VIDEO_PAGES: dict[str, tuple[str, ...]] = {
    "tiktok.com": (r"/@[\w.-]+/video/\d+", r"/t/\w+", r"/v/\d+(\.html)?"),
    "vm.tiktok.com": (r"/\w+",),
    "vt.tiktok.com": (r"/\w+",),
    "youtube.com": (r"/shorts/[\w-]{6,}", r"/live/[\w-]{6,}", r"/embed/[\w-]{6,}"),
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
PLATFORMS = "TikTok, YouTube, Instagram, Facebook, Vimeo, Twitch, X, Snapchat or Dailymotion"


def video_platform(url: str) -> str | None:
    """The platform's host if ``url`` has the shape of a video page there, else None."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    host = parts.hostname.lower()
    for prefix in ("www.", "m.", "mobile."):
        if host.startswith(prefix):
            host = host[len(prefix) :]
    path = parts.path.rstrip("/") or "/"
    if host == "youtube.com" and path == "/watch":
        return host if parse_qs(parts.query).get("v") else None
    patterns = VIDEO_PAGES.get(host)
    if patterns and any(re.fullmatch(pattern, path) for pattern in patterns):
        return host
    return None

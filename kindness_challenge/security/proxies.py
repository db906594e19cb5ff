"""Reverse proxies and https, at the WSGI layer, before Flask sees the request.

``X-Forwarded-*`` (and ``Forwarded``) are believed only on connections from TRUSTED_PROXIES (a
list of addresses or networks, loopback by default) and only when PROXY_FIX_* says how many
proxies set them; Werkzeug's ``ProxyFix`` then does the reading. On any other connection they
are removed, so a client that reaches the app directly cannot pick its own address (rate limits,
the duplicate window, reports) or scheme. Such a request is marked ``UNTRUSTED_FORWARDING`` so
that address-based checks (``ops``) know a proxy we do not trust stands in front.

HTTPS true: TLS ends in front of the app and every request is taken as https. Whenever the
request is https, from HTTPS or from a trusted proxy's ``X-Forwarded-Proto``, every cookie the
response sets (session, remember-me, visitor) gets ``Secure``. A response that sets any cookie
is ``Cache-Control: private, no-store`` (see ``canonical.py``).
"""

from __future__ import annotations

import logging

from werkzeug.middleware.proxy_fix import ProxyFix

from ..core.addresses import UNTRUSTED_FORWARDING, Network, address_in, parse_networks

log = logging.getLogger(__name__)

HOPS = ("x_for", "x_proto", "x_host", "x_prefix")
# Headers a proxy (or gunicorn, for the scheme) would act on; dropped from untrusted peers.
FORWARDED_HEADERS = (
    "HTTP_FORWARDED",
    "HTTP_X_FORWARDED_FOR",
    "HTTP_X_FORWARDED_PROTO",
    "HTTP_X_FORWARDED_HOST",
    "HTTP_X_FORWARDED_PORT",
    "HTTP_X_FORWARDED_PREFIX",
    "HTTP_X_FORWARDED_PROTOCOL",
    "HTTP_X_FORWARDED_SSL",
    "HTTP_X_REAL_IP",
)


class TrustedProxies:
    """WSGI middleware: forwarded headers from trusted peers only; https; Secure cookies."""

    def __init__(self, app, trusted: tuple[Network, ...], hops: dict[str, int], https: bool):
        self.app = app
        self.trusted = trusted
        self.proxied = ProxyFix(app, **hops) if trusted and any(hops.values()) else None
        self.https = https

    def __call__(self, environ, start_response):
        app = self.app
        if self.proxied is not None and address_in(environ.get("REMOTE_ADDR"), self.trusted):
            app = self.proxied
        else:
            dropped = [name for name in FORWARDED_HEADERS if name in environ]
            for name in dropped:
                del environ[name]
            if dropped:
                environ[UNTRUSTED_FORWARDING] = True
        if self.https:
            environ["wsgi.url_scheme"] = "https"

        def cookie_rules(status, headers, exc_info=None):
            if any(name.lower() == "set-cookie" for name, _ in headers):
                headers = _private(headers)
                # The scheme is read here, after ProxyFix has set it from X-Forwarded-Proto.
                if environ.get("wsgi.url_scheme") == "https":
                    headers = [
                        (name, _secure(value) if name.lower() == "set-cookie" else value)
                        for name, value in headers
                    ]
            return start_response(status, headers, exc_info)

        return app(environ, cookie_rules)


def _private(headers: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A response that sets a cookie is one visitor's: no shared cache may keep it. Decided
    here because Flask writes the session cookie after every after_request hook."""
    current = [value for name, value in headers if name.lower() == "cache-control"]
    if current and "no-store" in current[0]:
        return headers  # a view's own "no-store" is as strict already
    kept = [(name, value) for name, value in headers if name.lower() != "cache-control"]
    return [*kept, ("Cache-Control", "private, no-store")]


def _secure(cookie: str) -> str:
    attributes = {part.strip().lower() for part in cookie.split(";")[1:]}
    return cookie if "secure" in attributes else cookie + "; Secure"


def init_proxies(app) -> None:
    """Wrap ``app.wsgi_app`` as the settings say (see README "Running at scale")."""
    config = app.config
    hops = {name: int(config[f"PROXY_FIX_{name.upper()}"]) for name in HOPS}
    trusted = parse_networks(config["TRUSTED_PROXIES"])
    if any(hops.values()) and not trusted:
        log.warning("PROXY_FIX_* is set but TRUSTED_PROXIES is empty: forwarded headers ignored")
    app.wsgi_app = TrustedProxies(app.wsgi_app, trusted, hops, bool(config["HTTPS"]))

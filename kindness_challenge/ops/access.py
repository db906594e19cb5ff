"""Who may read the operator's numbers: ``/metrics`` and the details of ``/readyz``.

Allowed: a request with ``Authorization: Bearer <METRICS_TOKEN>`` (when a token is set), or one
from an address in METRICS_ALLOWED (loopback by default: a Prometheus on the same host) that
reached the app directly or through a trusted proxy. A request that came through a proxy the app
does not trust is not allowed by address: that proxy's own address (often loopback) says nothing
about the client behind it. ``/healthz`` and the bare ``/readyz`` status stay open to all.
"""

from __future__ import annotations

import hmac

from flask import current_app, jsonify, request

from ..core.addresses import UNTRUSTED_FORWARDING, address_in, parse_networks

NETWORKS = "kindness_operator_networks"


def register(state) -> None:
    """Blueprint.record_once: read METRICS_ALLOWED once (a bad entry stops the app at start)."""
    state.app.extensions[NETWORKS] = parse_networks(state.app.config["METRICS_ALLOWED"])


def operator_allowed() -> bool:
    token = current_app.config.get("METRICS_TOKEN")
    if token:
        scheme, _, given = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() == "bearer" and hmac.compare_digest(
            given.strip().encode(), str(token).encode()
        ):
            return True
    if request.environ.get(UNTRUSTED_FORWARDING):
        return False
    return address_in(request.remote_addr, current_app.extensions[NETWORKS])


def refused():
    response = jsonify(
        error={
            "code": 403,
            "title": "Operators only",
            "message": "Send Authorization: Bearer with the metrics token, "
            "or ask from an allowed address.",
        }
    )
    response.status_code = 403
    response.headers["WWW-Authenticate"] = 'Bearer realm="kindness-operator"'
    return response

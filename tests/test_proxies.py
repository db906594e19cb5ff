"""Forwarded headers are believed only from TRUSTED_PROXIES (issue 14, finding 4).

A client that reaches the app directly must not choose its own address (rate limits, the
duplicate window) or scheme by sending X-Forwarded-For / X-Forwarded-Proto.
"""

import pytest

from kindness_challenge.core.addresses import address_in, parse_networks

from conftest import make_app


def share_from(client, remote_addr, forwarded_for, text):
    data = {"text": text, "display_name": "@sam", "consent": "y", "category": "received"}
    return client.post(
        "/share",
        data=data,
        headers={"X-Forwarded-For": forwarded_for},
        environ_base={"REMOTE_ADDR": remote_addr},
    )


@pytest.mark.parametrize(
    ("trusted", "peer", "second_forwarded_status"),
    [
        # A direct client sending its own X-Forwarded-For: ignored, one limit for the peer.
        (None, "203.0.113.9", 429),
        (["10.0.0.0/8"], "203.0.113.9", 429),
        ("10.0.0.5, 10.0.0.6", "10.0.0.7", 429),
        # The configured proxy: each forwarded client has its own limit.
        (None, "127.0.0.1", 302),
        (["10.0.0.0/8"], "10.1.2.3", 302),
        ("10.0.0.5, 10.0.0.6", "10.0.0.6", 302),
        (["2001:db8::/32"], "2001:db8::7", 302),
    ],
)
def test_forwarded_for_is_believed_only_from_trusted_proxies(
    tmp_path, trusted, peer, second_forwarded_status
):
    overrides = {} if trusted is None else {"TRUSTED_PROXIES": trusted}
    app = make_app(
        tmp_path,
        RATELIMIT_ENABLED=True,
        SUBMIT_RATE_LIMIT="1 per minute",
        PROXY_FIX_X_FOR=1,
        PROXY_FIX_X_PROTO=1,
        **overrides,
    )
    client = app.test_client()
    assert share_from(client, peer, "198.51.100.1", "Thanks a lot").status_code == 302
    assert share_from(client, peer, "198.51.100.2", "Thanks again").status_code == (
        second_forwarded_status
    )


def test_a_direct_client_cannot_pick_its_scheme_or_address(tmp_path):
    app = make_app(tmp_path, PROXY_FIX_X_FOR=1, PROXY_FIX_X_PROTO=1)
    seen = {}

    @app.get("/_peer")
    def peer():
        from flask import request

        seen.update(addr=request.remote_addr, secure=request.is_secure)
        return "ok"

    client = app.test_client()
    headers = {"X-Forwarded-For": "198.51.100.1", "X-Forwarded-Proto": "https"}
    client.get("/_peer", headers=headers, environ_base={"REMOTE_ADDR": "203.0.113.9"})
    assert seen == {"addr": "203.0.113.9", "secure": False}
    client.get("/_peer", headers=headers, environ_base={"REMOTE_ADDR": "127.0.0.1"})
    assert seen == {"addr": "198.51.100.1", "secure": True}


def test_without_proxy_settings_forwarded_headers_are_ignored_even_from_loopback(tmp_path):
    app = make_app(tmp_path, RATELIMIT_ENABLED=True, SUBMIT_RATE_LIMIT="1 per minute")
    client = app.test_client()
    assert share_from(client, "127.0.0.1", "198.51.100.1", "Thanks a lot").status_code == 302
    assert share_from(client, "127.0.0.1", "198.51.100.2", "Thanks again").status_code == 429


def test_the_same_text_from_a_direct_client_is_a_duplicate_whatever_it_forwards(tmp_path):
    app = make_app(tmp_path, PROXY_FIX_X_FOR=1, TRUSTED_PROXIES="10.0.0.1")
    client = app.test_client()
    first = share_from(client, "203.0.113.9", "198.51.100.1", "Thank you, bus driver!")
    again = share_from(client, "203.0.113.9", "198.51.100.2", "Thank you, bus driver!")
    assert first.status_code == 302
    assert again.status_code != 302  # refused as a duplicate, not stored twice


@pytest.mark.parametrize(
    ("address", "networks", "inside"),
    [
        ("10.1.2.3", "10.0.0.0/8", True),
        ("::ffff:10.1.2.3", "10.0.0.0/8", True),
        ("11.1.2.3", "10.0.0.0/8", False),
        ("::1", "127.0.0.1, ::1", True),
        ("not-an-address", "0.0.0.0/0", False),
        (None, "0.0.0.0/0", False),
    ],
)
def test_address_in(address, networks, inside):
    assert address_in(address, parse_networks(networks)) is inside


def test_a_bad_proxy_entry_stops_the_app_at_start(tmp_path):
    with pytest.raises(ValueError, match="not an address"):
        make_app(tmp_path, TRUSTED_PROXIES="10.0.0.0/8, proxy.example")


@pytest.mark.parametrize(
    ("setting", "expected"),
    [
        (None, "127.0.0.1,::1"),
        ("10.0.0.5, 10.1.0.0/16", "10.0.0.5,10.1.0.0/16"),
        ('["10.0.0.5", "fd00::/8"]', "10.0.0.5,fd00::/8"),
    ],
)
def test_gunicorn_believes_the_same_proxies_as_the_app(monkeypatch, tmp_path, setting, expected):
    import runpy

    from scale_helpers import ROOT

    monkeypatch.delenv("FORWARDED_ALLOW_IPS", raising=False)
    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", str(tmp_path))
    if setting is None:
        monkeypatch.delenv("KINDNESS_TRUSTED_PROXIES", raising=False)
    else:
        monkeypatch.setenv("KINDNESS_TRUSTED_PROXIES", setting)
    settings = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    assert settings["forwarded_allow_ips"] == expected

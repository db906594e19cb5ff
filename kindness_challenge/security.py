"""The app shell's defences, wired by ``create_app`` in one call: which proxies are believed,
https (README "Running at scale")."""

from __future__ import annotations

from flask import Flask

from .proxies import init_proxies


def init_security(app: Flask) -> None:
    init_proxies(app)

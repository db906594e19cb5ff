"""Client addresses against lists of addresses and networks (trusted proxies, operators).

``UNTRUSTED_FORWARDING`` is the WSGI environ key the app's proxy middleware sets on a request
that came with forwarded headers from a peer it does not trust: such a peer is a proxy in front
of the app, so its own address (often loopback) says nothing about the client behind it.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
UNTRUSTED_FORWARDING = "kindness.untrusted_forwarding"


def parse_networks(value: str | Iterable[str] | None) -> tuple[Network, ...]:
    """ "10.0.0.1, 10.1.0.0/16" or a list of the same; a bad entry is an error at start-up."""
    if not value:
        return ()
    items = value.replace(",", " ").split() if isinstance(value, str) else list(value)
    try:
        return tuple(ipaddress.ip_network(str(item).strip(), strict=False) for item in items)
    except ValueError as error:
        raise ValueError(f"not an address or network: {error}") from None


def address_in(address: str | None, networks: tuple[Network, ...]) -> bool:
    try:
        ip = ipaddress.ip_address(address or "")
    except ValueError:
        return False
    if ip.version == 6 and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return any(ip in network for network in networks)

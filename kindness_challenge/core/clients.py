"""Who a client is, as far as counting goes: a keyed hash of its network, never its address.

Cookies are free to clear, and one person holds many addresses of one network (an IPv6 host
picks any address in its /64; a home or office rotates through a /24), so whatever must come
from distinct people (reports that hide a moment, hearts, the duplicate window) counts distinct
client buckets: the /24 of an IPv4 address, the /64 of an IPv6 one. The hash is keyed with the
app's secret, so the database alone does not give the networks back.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress

IPV4_PREFIX = 24
IPV6_PREFIX = 64


def client_bucket(address: str | None) -> str:
    """The network an address counts as: "198.51.100.0/24", "2001:db8:1:2::/64". An IPv4 address
    written as IPv6 (::ffff:198.51.100.7) is its IPv4 network; anything that is not an address
    counts as itself."""
    if not address:
        return "unknown"
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return address[:100]
    if ip.version == 6 and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    prefix = IPV4_PREFIX if ip.version == 4 else IPV6_PREFIX
    return str(ipaddress.ip_network(f"{ip}/{prefix}", strict=False))


def client_hash(secret: str, address: str | None) -> str:
    """A keyed hash of the client's bucket: enough to tell clients apart, useless to find them."""
    bucket = client_bucket(address)
    return hmac.new(str(secret).encode(), b"client:" + bucket.encode(), hashlib.sha256).hexdigest()

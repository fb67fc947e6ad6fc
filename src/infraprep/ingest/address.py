"""Which IP addresses a server-side fetch may connect to.

Fetching a user-supplied URL from the web app is a server-side request: without
a guard, "http://169.254.169.254/" reads cloud credentials and
"http://localhost:8080/admin" reaches services never meant to be public. The
guard works on resolved addresses, not host names, and understands every
spelling a resolver accepts for the same address: "2130706433" and "0177.0.0.1"
are 127.0.0.1, "::ffff:127.0.0.1" is too.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from collections.abc import Callable

from infraprep.errors import FetchError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
AddressPolicy = Callable[[IPAddress], bool]

_LEGACY_PART = re.compile(r"0[xX][0-9a-fA-F]*|0[0-7]*|[1-9][0-9]*")
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
_CGNAT = ipaddress.IPv4Network("100.64.0.0/10")
# Indirection so tests can stand in a resolver without touching the socket module.
_getaddrinfo = socket.getaddrinfo


def _legacy_ipv4(text: str) -> ipaddress.IPv4Address | None:
    """inet_aton forms: "2130706433", "0x7f.1", "0177.0.0.1", "127.1"."""
    parts = text.split(".")
    if not 1 <= len(parts) <= 4 or not all(_LEGACY_PART.fullmatch(p) for p in parts):
        return None
    values = []
    for part in parts:
        if part[:2].lower() == "0x":
            values.append(int(part[2:] or "0", 16))
        elif len(part) > 1 and part.startswith("0"):
            values.append(int(part, 8))
        else:
            values.append(int(part))
    *head, last = values
    if any(v > 255 for v in head) or last >= 256 ** (4 - len(head)):
        return None
    number = 0
    for value in head:
        number = number * 256 + value
    return ipaddress.IPv4Address(number * 256 ** (4 - len(head)) + last)


def parse_ip(text: str) -> IPAddress | None:
    """The address a host string spells, or None when it is a name.

    Accepts brackets and IPv6 zone ids ("[fe80::1%eth0]") and the legacy IPv4
    forms that ``inet_aton`` and browsers accept.
    """
    host = text.strip().strip("[]").rstrip(".")
    host = host.split("%", 1)[0]
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        return _legacy_ipv4(host)


def _embedded_ipv4(addr: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address carries (mapped, 6to4, Teredo, NAT64), if any."""
    if addr.ipv4_mapped is not None:
        return addr.ipv4_mapped
    if addr.sixtofour is not None:
        return addr.sixtofour
    if addr.teredo is not None:
        return addr.teredo[1]
    if addr in _NAT64:
        return ipaddress.IPv4Address(int(addr) & 0xFFFFFFFF)
    return None


def describe(addr: IPAddress) -> str:
    """Why an address is refused, in words a user can act on."""
    if isinstance(addr, ipaddress.IPv6Address) and (inner := _embedded_ipv4(addr)):
        return f"{describe(inner)} (embedded in an IPv6 address)"
    for flag, words in (
        ("is_unspecified", "an unspecified address"),
        ("is_loopback", "a loopback address"),
        ("is_link_local", "a link-local address"),
        ("is_multicast", "a multicast address"),
        ("is_private", "a private-network address"),
        ("is_reserved", "a reserved address"),
    ):
        if getattr(addr, flag):
            return words
    if isinstance(addr, ipaddress.IPv4Address) and addr in _CGNAT:
        return "a carrier-grade NAT address"
    return "not a public address"


def is_public_address(ip: str | IPAddress) -> bool:
    """True only for a globally routable unicast address.

    Refuses loopback, private, link-local (including cloud metadata at
    169.254.169.254), multicast, reserved, unspecified and shared (CGNAT)
    ranges, in IPv4 and IPv6, and judges an IPv6 address that embeds an IPv4
    one by the IPv4 address. A string that is not an address is refused.

    >>> is_public_address("93.184.216.34"), is_public_address("::ffff:10.0.0.1")
    (True, False)
    """
    addr = ip if isinstance(ip, ipaddress.IPv4Address | ipaddress.IPv6Address) else parse_ip(ip)
    if addr is None:
        return False
    if isinstance(addr, ipaddress.IPv6Address) and (inner := _embedded_ipv4(addr)) is not None:
        return is_public_address(inner)
    return not (
        addr.is_unspecified or addr.is_loopback or addr.is_link_local or addr.is_multicast
        or addr.is_private or addr.is_reserved or not addr.is_global
    )


def resolve(host: str, port: int) -> list[IPAddress]:
    """Every address ``host`` resolves to, in resolver order, without duplicates.

    Raises:
        FetchError: the name does not resolve.
    """
    literal = parse_ip(host)
    if literal is not None:
        return [literal]
    try:
        infos = _getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, OSError) as exc:
        raise FetchError(f"The host {host!r} could not be resolved ({exc}).") from exc
    found: list[IPAddress] = []
    for info in infos:
        addr = parse_ip(str(info[4][0]))
        if addr is not None and addr not in found:
            found.append(addr)
    if not found:
        raise FetchError(f"The host {host!r} has no addresses.")
    return found

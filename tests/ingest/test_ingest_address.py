"""The address guard: every spelling of a non-public address is refused."""

from __future__ import annotations

import pytest

from infraprep.errors import FetchError, UnsafeUrlError
from infraprep.ingest import fetch_url, is_public_address
from infraprep.ingest.address import describe, parse_ip, resolve

NON_PUBLIC = [
    "127.0.0.1", "127.8.9.10", "10.0.0.1", "10.255.255.255", "172.16.0.1", "172.31.255.1",
    "192.168.1.1", "169.254.169.254", "0.0.0.0", "100.64.0.1", "224.0.0.1",
    "255.255.255.255", "240.0.0.1", "192.0.2.1",
    "2130706433",  # 127.0.0.1 as one decimal number
    "0177.0.0.1",  # octal
    "0x7f.0.0.1", "0x7f000001", "127.1", "0",
    "::1", "[::1]", "::", "fe80::1", "fe80::1%eth0", "fc00::1", "fd12:3456::1", "ff02::1",
    "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "::ffff:7f00:1",
    "2002:7f00:0001::1",  # 6to4 wrapping 127.0.0.1
    "64:ff9b::a00:1",  # NAT64 wrapping 10.0.0.1
    "2001:db8::1",
    "not-an-address", "", "256.1.1.1",
]
PUBLIC = ["8.8.8.8", "93.184.216.34", "1.1.1.1", "2606:4700:4700::1111", "::ffff:8.8.8.8",
          "2a00:1450:4009:80b::200e"]


@pytest.mark.parametrize("address", NON_PUBLIC)
def test_ingest_address_non_public_refused(address: str) -> None:
    assert is_public_address(address) is False


@pytest.mark.parametrize("address", PUBLIC)
def test_ingest_address_public_allowed(address: str) -> None:
    assert is_public_address(address) is True


@pytest.mark.parametrize(("text", "canonical"), [
    ("2130706433", "127.0.0.1"), ("0177.0.0.1", "127.0.0.1"), ("0x7f.1", "127.0.0.1"),
    ("127.1", "127.0.0.1"), ("10.1", "10.0.0.1"), ("[::1]", "::1"), ("fe80::1%lo", "fe80::1"),
])
def test_ingest_address_legacy_forms_parse(text: str, canonical: str) -> None:
    assert str(parse_ip(text)) == canonical


def test_ingest_address_names_are_not_addresses() -> None:
    assert parse_ip("example.com") is None
    assert parse_ip("1.2.3.4.5") is None
    assert parse_ip("08.1.1.1") is None  # 8 is not an octal digit


def test_ingest_address_describe_says_why() -> None:
    assert describe(parse_ip("127.0.0.1")) == "a loopback address"  # type: ignore[arg-type]
    assert describe(parse_ip("169.254.169.254")) == "a link-local address"  # type: ignore[arg-type]
    assert "embedded" in describe(parse_ip("::ffff:10.0.0.1"))  # type: ignore[arg-type]


def test_ingest_address_localhost_resolves_to_loopback() -> None:
    assert all(not is_public_address(a) for a in resolve("localhost", 80))


@pytest.mark.parametrize("url", [
    "http://127.0.0.1/", "http://localhost:8000/admin", "http://2130706433/",
    "http://0x7f.1/", "http://[::1]:8080/", "http://[::ffff:127.0.0.1]/",
    "http://169.254.169.254/latest/meta-data/", "https://10.0.0.5/", "http://192.168.0.1/",
    "http://172.16.3.4/", "http://0.0.0.0:9000/",
])
def test_ingest_fetch_refuses_non_public_hosts(url: str) -> None:
    with pytest.raises(UnsafeUrlError) as info:
        fetch_url(url, timeout=2)
    err = info.value
    assert err.exit_code == 19 and isinstance(err, FetchError)
    assert "Refusing to fetch" in err.message


def test_ingest_fetch_octal_host_refused_as_invalid() -> None:
    # httpx itself rejects a dotted host with a 4-digit part; refused either way.
    with pytest.raises(FetchError, match="not a valid URL"):
        fetch_url("http://0177.0.0.1/")


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.com/job.txt",
                                 "gopher://example.com/", "javascript:alert(1)"])
def test_ingest_fetch_refuses_other_schemes(url: str) -> None:
    with pytest.raises(UnsafeUrlError, match="Only http and https"):
        fetch_url(url)


def test_ingest_fetch_unresolvable_host_is_a_fetch_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    from infraprep.ingest import address

    def fail(*_args: object, **_kwargs: object) -> list[object]:
        raise socket.gaierror(-2, "Name or service not known")

    monkeypatch.setattr(address, "_getaddrinfo", fail)
    with pytest.raises(FetchError) as info:
        fetch_url("https://jobs.invalid/123")
    assert not isinstance(info.value, UnsafeUrlError)
    assert "could not be resolved" in info.value.message

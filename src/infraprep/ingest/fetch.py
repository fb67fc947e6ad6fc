"""Fetch a job posting by URL, without letting the URL reach anything private.

Three rules make the fetch safe to run on a server. Every hop's host is
resolved and every address it resolves to is checked (``address.py``), since
one public record among private ones is a known trick. The connection then
goes to the very address that was checked, with the name kept in the Host
header and TLS SNI, so a DNS answer that changes between check and connect
(rebinding) has nothing to swap. Redirects are followed by hand, each target
checked the same way. The body is streamed and cut at a size cap, with an
overall deadline, so a slow or endless response cannot pin a worker.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from infraprep import __version__
from infraprep.errors import FetchError, InfraprepError, InputTooLargeError, UnsafeUrlError
from infraprep.ingest.address import AddressPolicy, IPAddress, describe, is_public_address, resolve
from infraprep.ingest.read import read_bytes
from infraprep.models import Document

if TYPE_CHECKING:
    import httpx

MAX_REDIRECTS = 5
_TEXT_TYPES = frozenset({
    "text/html", "application/xhtml+xml", "text/plain", "text/markdown", "text/x-markdown",
})
_HEADERS = {
    "User-Agent": f"infraprep/{__version__} (job-posting reader)",
    "Accept": "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8",
}


def _checked_url(raw: httpx.URL | str) -> httpx.URL:
    import httpx

    try:
        url = httpx.URL(raw)
    except (httpx.InvalidURL, TypeError, ValueError) as exc:
        raise FetchError(f"{raw!s} is not a valid URL ({exc}).") from exc
    if url.scheme not in ("http", "https"):
        raise UnsafeUrlError(
            f"Only http and https URLs are fetched; {str(url)[:200]!r} uses "
            f"{url.scheme or 'no scheme'!r}.",
        )
    if not url.host:
        raise FetchError(f"{str(url)[:200]!r} has no host name.")
    return url


def _checked_address(url: httpx.URL, policy: AddressPolicy) -> IPAddress:
    """Resolve the URL's host; refuse it unless every address passes the policy."""
    port = url.port or (443 if url.scheme == "https" else 80)
    addresses = resolve(url.host, port)
    for addr in addresses:
        if not policy(addr):
            shown = url.host if str(addr) == url.host else f"{url.host} resolves to {addr}, which"
            raise UnsafeUrlError(
                f"Refusing to fetch {str(url)[:200]}: {shown} is {describe(addr)}.",
            )
    return addresses[0]


def _pinned_request(client: httpx.Client, url: httpx.URL, addr: IPAddress,
                    timeout: float) -> httpx.Request:
    """A request that connects to ``addr`` but presents ``url``'s host to the server."""
    extensions = {}
    if url.scheme == "https" and str(addr) != url.host:
        # TLS still verifies the certificate against the name, not the address.
        extensions["sni_hostname"] = url.host
    return client.build_request(
        "GET", url.copy_with(host=str(addr)), headers={"Host": url.netloc.decode("ascii")},
        extensions=extensions, timeout=timeout,
    )


def _read_capped(response: httpx.Response, url: str, max_bytes: int, deadline: float) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise InputTooLargeError(
            f"{url} is {int(declared):,} bytes; the limit for a fetched page is {max_bytes:,}.",
        )
    chunks: list[bytes] = []
    total = 0
    for chunk in response.iter_bytes():
        total += len(chunk)
        if total > max_bytes:
            raise InputTooLargeError(
                f"{url} is larger than {max_bytes:,} bytes; stopped reading it.",
            )
        if time.monotonic() > deadline:
            raise FetchError(f"Fetching {url} timed out: the page took too long to arrive.")
        chunks.append(chunk)
    return b"".join(chunks)


def _media_type(response: httpx.Response) -> str:
    value: str = response.headers.get("content-type", "")
    return value.split(";", 1)[0].strip().lower()


def fetch_url(
    url: str,
    *,
    timeout: float = 10.0,
    max_bytes: int = 5 * 1024 * 1024,
    address_policy: AddressPolicy = is_public_address,
) -> Document:
    """Fetch a job posting page and read it like an uploaded file.

    Args:
        url: an http(s) URL.
        timeout: seconds for the whole fetch, redirects included.
        max_bytes: stop reading the body past this size.
        address_policy: which resolved addresses may be contacted. The default
            allows public addresses only; tests pass a looser one to reach a
            local server. Never loosen it for user input.

    Raises:
        UnsafeUrlError: a non-http(s) scheme, or a hop whose host resolves to an
            address the policy refuses.
        FetchError: bad URL, unresolvable host, connection failure, timeout,
            non-2xx status, a content type that is not HTML or text, or too many
            redirects.
        InputTooLargeError: the body is larger than ``max_bytes``.
    """
    import httpx

    deadline = time.monotonic() + timeout
    current = _checked_url(url)
    with httpx.Client(follow_redirects=False, trust_env=False, headers=_HEADERS) as client:
        for _hop in range(MAX_REDIRECTS + 1):
            addr = _checked_address(current, address_policy)
            shown = str(current)[:200]
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise FetchError(f"Fetching {shown} timed out after {timeout:g} s.")
            request = _pinned_request(client, current, addr, remaining)
            try:
                response = client.send(request, stream=True)
                try:
                    if response.is_redirect:
                        current = _checked_url(current.join(response.headers["location"]))
                        continue
                    if not response.is_success:
                        raise FetchError(
                            f"Fetching {shown} failed: the server answered HTTP "
                            f"{response.status_code} {response.reason_phrase}.".rstrip(),
                        )
                    media = _media_type(response)
                    if media and media not in _TEXT_TYPES:
                        raise FetchError(
                            f"Fetching {shown} returned {media!r}, not an HTML or text page.",
                        )
                    body = _read_capped(response, shown, max_bytes, deadline)
                    charset = response.charset_encoding
                finally:
                    response.close()
            except InfraprepError:
                raise
            except httpx.TimeoutException as exc:
                raise FetchError(f"Fetching {shown} timed out after {timeout:g} s.") from exc
            except httpx.HTTPError as exc:
                raise FetchError(f"Fetching {shown} failed: {exc or type(exc).__name__}.") \
                    from exc
            document = read_bytes(body, label=shown, max_bytes=max_bytes, declared=charset)
            if document.source_type not in ("html", "text", "markdown"):
                raise FetchError(
                    f"Fetching {shown} returned a {document.source_type} file, not a web page.",
                )
            return document
    raise FetchError(f"Fetching {str(url)[:200]} failed: more than {MAX_REDIRECTS} redirects.")

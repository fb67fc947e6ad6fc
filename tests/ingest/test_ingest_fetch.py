"""Fetching against a real local HTTP server: success, size cap, timeout, types, redirects.

Loopback is refused by design, so the server listens on 127.0.0.2 and the
tests pass an address policy that allows exactly that address. A second server
on 127.0.0.1 plays the internal service a redirect tries to reach: the policy
refuses it, and the tests check it never saw a request.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from infraprep.errors import FetchError, InputTooLargeError, UnsafeUrlError
from infraprep.ingest import fetch_url
from infraprep.ingest.address import IPAddress

ALLOWED = "127.0.0.2"
JOB = (b"<!DOCTYPE html><html><head><title>SRE - Acme</title></head><body><main>"
       b"<h1>Site Reliability Engineer</h1><p>Keep payments up.</p><h2>Requirements</h2>"
       b"<ul><li>Kubernetes in production</li><li>Go or Python</li></ul></main></body></html>")


def only_allowed(ip: IPAddress) -> bool:
    return str(ip) == ALLOWED


@dataclass
class Server:
    host: str
    port: int
    hits: list[tuple[str, str]] = field(default_factory=list)  # (path, Host header)
    target: str = ""  # where /evil redirects to

    def url(self, path: str) -> str:
        return f"http://{self.host}:{self.port}{path}"


def _handler(state: Server) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *_args: object) -> None:
            pass

        def _send(self, status: int, body: bytes = b"", ctype: str = "text/html",
                  headers: dict[str, str] | None = None, length: bool = True) -> None:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            if length:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:
            state.hits.append((self.path, self.headers.get("Host", "")))
            routes = {
                "/job": lambda: self._send(200, JOB, "text/html; charset=utf-8"),
                "/text": lambda: self._send(200, b"Job: SRE\n- Kubernetes\n", "text/plain"),
                "/pdf": lambda: self._send(200, b"%PDF-1.7 ...", "application/pdf"),
                "/missing": lambda: self._send(404, b"nope"),
                "/broken": lambda: self._send(500, b"boom"),
                "/redirect-ok": lambda: self._send(302, headers={"Location": "/job"}),
                "/evil": lambda: self._send(302, headers={"Location": state.target}),
                "/to-file": lambda: self._send(302, headers={"Location": "file:///etc/passwd"}),
                "/loop": lambda: self._send(302, headers={"Location": "/loop"}),
                "/big": self._big,
                "/big-declared": lambda: self._send(200, b"x" * 300_000),
                "/slow": self._slow,
            }
            routes.get(self.path, lambda: self._send(404))()

        def _big(self) -> None:  # no Content-Length: only the streaming cap can stop it
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(100):
                    self.wfile.write(b"<p>" + b"a" * 10_000 + b"</p>")
            except OSError:
                pass

        def _slow(self) -> None:
            time.sleep(2)
            with contextlib.suppress(OSError):
                self._send(200, JOB)

    return Handler


@pytest.fixture
def serve() -> Iterator[type[Server]]:
    servers: list[ThreadingHTTPServer] = []

    def start(host: str) -> Server:
        state = Server(host, 0)
        try:
            httpd = ThreadingHTTPServer((host, 0), _handler(state))
        except OSError as exc:
            pytest.skip(f"cannot listen on {host}: {exc}")
        httpd.daemon_threads = True
        httpd.handle_error = lambda *_: None  # type: ignore[method-assign]
        state.port = httpd.server_address[1]
        threading.Thread(target=httpd.serve_forever, args=(0.02,), daemon=True).start()
        servers.append(httpd)
        return state

    yield start  # type: ignore[misc]
    for httpd in servers:
        httpd.shutdown()
        httpd.server_close()


def test_ingest_fetch_reads_an_html_posting(serve) -> None:  # type: ignore[no-untyped-def]
    server = serve(ALLOWED)
    doc = fetch_url(server.url("/job"), address_policy=only_allowed)
    assert doc.source_type == "html"
    assert doc.title == "Site Reliability Engineer", "the <h1> beats '<title>SRE - Acme'"
    assert ("list_item", "Kubernetes in production") in [(b.kind, b.text) for b in doc.blocks]


def test_ingest_fetch_reads_plain_text(serve) -> None:  # type: ignore[no-untyped-def]
    server = serve(ALLOWED)
    doc = fetch_url(server.url("/text"), address_policy=only_allowed)
    assert doc.lines == ["Job: SRE", "Kubernetes"]


def test_ingest_fetch_default_policy_refuses_the_local_server(serve) -> None:  # type: ignore[no-untyped-def]
    server = serve(ALLOWED)
    with pytest.raises(UnsafeUrlError, match="loopback"):
        fetch_url(server.url("/job"))
    assert server.hits == []


def test_ingest_fetch_stops_at_the_size_cap(serve) -> None:  # type: ignore[no-untyped-def]
    server = serve(ALLOWED)
    with pytest.raises(InputTooLargeError) as info:
        fetch_url(server.url("/big"), max_bytes=100_000, address_policy=only_allowed)
    assert info.value.exit_code == 12 and "stopped reading" in info.value.message


def test_ingest_fetch_refuses_a_declared_oversize_body(serve) -> None:  # type: ignore[no-untyped-def]
    server = serve(ALLOWED)
    with pytest.raises(InputTooLargeError, match="300,000 bytes"):
        fetch_url(server.url("/big-declared"), max_bytes=100_000, address_policy=only_allowed)


def test_ingest_fetch_times_out(serve) -> None:  # type: ignore[no-untyped-def]
    server = serve(ALLOWED)
    start = time.monotonic()
    with pytest.raises(FetchError) as info:
        fetch_url(server.url("/slow"), timeout=0.5, address_policy=only_allowed)
    assert time.monotonic() - start < 1.8
    assert "timed out" in info.value.message and info.value.exit_code == 18


def test_ingest_fetch_rejects_non_html_content_type(serve) -> None:  # type: ignore[no-untyped-def]
    server = serve(ALLOWED)
    with pytest.raises(FetchError, match="'application/pdf', not an HTML or text page") as info:
        fetch_url(server.url("/pdf"), address_policy=only_allowed)
    assert info.value.exit_code == 18


@pytest.mark.parametrize(("path", "status"), [("/missing", "404"), ("/broken", "500")])
def test_ingest_fetch_non_2xx_is_a_fetch_error(serve, path: str, status: str) -> None:  # type: ignore[no-untyped-def]
    server = serve(ALLOWED)
    with pytest.raises(FetchError) as info:
        fetch_url(server.url(path), address_policy=only_allowed)
    assert f"HTTP {status}" in info.value.message and info.value.exit_code == 18
    assert not isinstance(info.value, UnsafeUrlError)


def test_ingest_fetch_follows_a_safe_redirect(serve) -> None:  # type: ignore[no-untyped-def]
    server = serve(ALLOWED)
    doc = fetch_url(server.url("/redirect-ok"), address_policy=only_allowed)
    assert doc.title == "Site Reliability Engineer"
    assert [path for path, _ in server.hits] == ["/redirect-ok", "/job"]


def test_ingest_fetch_rechecks_the_redirect_target(serve) -> None:  # type: ignore[no-untyped-def]
    public = serve(ALLOWED)  # the first hop: allowed by the policy
    internal = serve("127.0.0.1")  # the redirect target: loopback, refused
    public.target = internal.url("/secret")
    with pytest.raises(UnsafeUrlError) as info:
        fetch_url(public.url("/evil"), address_policy=only_allowed)
    assert "127.0.0.1" in info.value.message and info.value.exit_code == 19
    assert [path for path, _ in public.hits] == ["/evil"]
    assert internal.hits == [], "the internal service was never contacted"


def test_ingest_fetch_redirect_to_another_scheme_refused(serve) -> None:  # type: ignore[no-untyped-def]
    server = serve(ALLOWED)
    with pytest.raises(UnsafeUrlError, match="file"):
        fetch_url(server.url("/to-file"), address_policy=only_allowed)


def test_ingest_fetch_redirect_loop_capped(serve) -> None:  # type: ignore[no-untyped-def]
    server = serve(ALLOWED)
    with pytest.raises(FetchError, match="more than 5 redirects"):
        fetch_url(server.url("/loop"), address_policy=only_allowed)
    assert len(server.hits) == 6


def test_ingest_fetch_connects_to_the_address_it_checked(
    serve, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    """DNS rebinding: the name resolves once, to the checked address, and that is what we use.

    The fake resolver answers 127.0.0.2 the first time and 127.0.0.1 after that.
    Had the HTTP client resolved the name again, it would have reached 127.0.0.1.
    """
    from infraprep.ingest import address

    server = serve(ALLOWED)
    answers = iter([ALLOWED] + ["127.0.0.1"] * 10)
    lookups: list[str] = []

    def rebinding(host: str, port: int, *args: object, **kwargs: object) -> list[object]:
        lookups.append(host)
        ip = next(answers)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (ip, port))]

    monkeypatch.setattr(address, "_getaddrinfo", rebinding)
    doc = fetch_url(f"http://jobs.example.test:{server.port}/job", address_policy=only_allowed)
    assert doc.title == "Site Reliability Engineer"
    assert lookups == ["jobs.example.test"]
    assert server.hits == [("/job", f"jobs.example.test:{server.port}")]


def test_ingest_fetch_refuses_a_name_with_any_private_record(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from infraprep.ingest import address

    def mixed(host: str, port: int, *args: object, **kwargs: object) -> list[object]:
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", port)),
                (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.7", port))]

    monkeypatch.setattr(address, "_getaddrinfo", mixed)
    with pytest.raises(UnsafeUrlError, match=r"resolves to 10\.0\.0\.7"):
        fetch_url("https://jobs.example.test/1")

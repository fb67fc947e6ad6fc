"""`infraprep serve` as a real process: bad settings fail in one line, workers serve reports."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("uvicorn")

from helpers import FIXTURES, SRE_CV

SERVE = [sys.executable, "-m", "infraprep", "serve"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--database-url", "nosuch://x"], "could not open"),
        (["--data-dir", "/proc/no-such-dir"], "cannot be used"),
        (["--retention-days", "-1"], "-1"),
    ],
)
def test_serve_bad_settings_fail_in_one_message(args: list[str], message: str) -> None:
    done = subprocess.run([*SERVE, *args], capture_output=True, text=True, timeout=60)
    assert done.returncode in (2, 41), done.stderr
    assert message in done.stderr
    assert "Traceback" not in done.stderr


def _multipart(fields: dict[str, tuple[str | None, bytes]]) -> tuple[bytes, str]:
    boundary = "testboundary1234"
    body = b""
    for name, (filename, content) in fields.items():
        extra = f'; filename="{filename}"' if filename else ""
        body += (
            (
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"{extra}\r\n\r\n'
            ).encode()
            + content
            + b"\r\n"
        )
    return body + f"--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


@pytest.mark.slow
def test_serve_with_two_workers_makes_and_serves_reports(tmp_path: Path) -> None:
    port = _free_port()
    log = (tmp_path / "server.log").open("w")
    server = subprocess.Popen(
        [*SERVE, "--port", str(port), "--data-dir", str(tmp_path / "data"), "--workers", "2"],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(base + "/", timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    pytest.fail((tmp_path / "server.log").read_text())
                time.sleep(0.2)
        jd = (FIXTURES / "jd" / "teleport" / "sre.md").read_bytes()
        ids = []
        for _ in range(4):  # spread over both workers
            body, ctype = _multipart({"cv": ("cv.md", SRE_CV.encode()), "jd": (None, jd)})
            req = urllib.request.Request(
                base + "/api/v1/reports", data=body, headers={"content-type": ctype}
            )
            with urllib.request.urlopen(req, timeout=30) as resp:
                assert resp.status == 201
                ids.append(json.load(resp)["id"])
        for rid in ids:  # any worker reads what another stored
            with urllib.request.urlopen(f"{base}/api/v1/reports/{rid}", timeout=30) as resp:
                assert json.load(resp)["posting"]["family"] == "sre"
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
    output = (tmp_path / "server.log").read_text()
    assert "report made in" in output
    for rid in ids:
        assert rid not in output  # ids are access keys: redacted from the access log
    assert "/api/v1/reports/<id>" in output

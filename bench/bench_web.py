"""Reports per second and latency of the web app under a bounded load, from a second process.

Run: .venv/bin/python bench/bench_web.py [--seconds 20] [--connections 4] [--workers 1 2]
Needs wrk (Debian package `wrk`) and the web extra. Starts `infraprep serve` on a
free loopback port with a temporary data dir and no rate limit, warms it up,
then wrk POSTs the same multipart request (a text CV + the bundled Teleport SRE
posting) to /api/v1/reports over a fixed number of connections. Every response
must be 201. Appends the numbers to bench/RESULTS.md.
Target (issue 5): >= 50 reports/s and p99 <= 200 ms for a text CV, 2 cores.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from bench_report import machine

ROOT = Path(__file__).resolve().parent.parent
JD = ROOT / "src" / "infraprep" / "examples" / "teleport-sre.md"
BOUNDARY = "infraprepbench7d1f"

TEXT_CV = """Sam Example
Site Reliability Engineer
## Experience
Senior Site Reliability Engineer — Northwind Payments
Mar 2021 – Present
- Carried the pager for 60 services on EKS; cut pages per on-call week from 35 to 8
- Wrote Go Kubernetes controllers that rotate TLS certificates across 14 clusters
- Led 20 blameless postmortems and tracked 90% of action items to closure within 30 days
- Moved 300 Terraform modules to a shared registry with policy checks in CI
Site Reliability Engineer — Contoso Cloud
Jun 2017 – Feb 2021
- Ran Prometheus and Grafana for 2,000 hosts; cut false-positive alerts by 70%
- Built a capacity model for Kafka (40 brokers, 1.2 M msgs/s) that deferred $400k of hardware
- Automated Linux fleet patching with Ansible, from 3 weeks to 2 days per cycle
Systems Engineer — Initech
Jul 2014 – May 2017
- Managed PostgreSQL replication and backups for 30 databases; restore drills every quarter
- Wrote Python tooling for on-call runbooks used by 4 teams
## Education
B.Sc. Computer Science, State University, 2014
## Skills
Go, Python, Bash, Kubernetes, Terraform, AWS, GCP, Linux, Kafka, PostgreSQL, Prometheus
"""

LUA = """
local f = io.open("{body}", "rb")
wrk.method = "POST"
wrk.body = f:read("*all")
f:close()
wrk.headers["Content-Type"] = "multipart/form-data; boundary={boundary}"
{close}"""


def multipart_body() -> bytes:
    parts = []
    for name, filename, content in (
        ("cv", "cv.md", TEXT_CV.encode()),
        ("jd", None, JD.read_bytes()),
    ):
        disposition = f'form-data; name="{name}"' + (f'; filename="{filename}"' if filename else "")
        parts.append(
            f"--{BOUNDARY}\r\nContent-Disposition: {disposition}\r\n\r\n".encode()
            + content
            + b"\r\n"
        )
    return b"".join(parts) + f"--{BOUNDARY}--\r\n".encode()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_until_up(url: str, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"the server at {url} did not come up")


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children (uvicorn workers), in MB."""
    out = subprocess.run(
        ["ps", "-o", "rss=", "--ppid", str(pid), "-p", str(pid)],
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    return sum(int(x) for x in out.split()) / 1024


def post_once(url: str, body: bytes) -> int:
    request = urllib.request.Request(
        url,
        data=body,
        method="POST",
        headers={"content-type": f"multipart/form-data; boundary={BOUNDARY}"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return int(response.status)


def parse_wrk(output: str) -> dict[str, float]:
    def ms(text: str) -> float:
        value, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()  # type: ignore[union-attr]
        return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]

    found = {
        f"p{p}": ms(m.group(1))
        for p in (50, 90, 99)
        if (m := re.search(rf"^\s+{p}%\s+(\S+)", output, re.M))
    }
    found["rps"] = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))  # type: ignore[union-attr]
    found["requests"] = float(re.search(r"(\d+) requests in", output).group(1))  # type: ignore[union-attr]
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors = re.search(r"Socket errors: (.*)", output)
    found["bad"] = float(bad.group(1)) if bad else 0.0
    if errors:
        found["bad"] += sum(int(x) for x in re.findall(r"\d+", errors.group(1)))
    return found


def run(
    workers: int, seconds: int, connections: int, tmp: Path, new_connections: bool
) -> dict[str, float]:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "infraprep",
            "serve",
            "--port",
            str(port),
            "--data-dir",
            str(tmp / f"data-{workers}"),
            "--rate-limit",
            "0",
            "--workers",
            str(workers),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_until_up(base + "/")
        body = multipart_body()
        (tmp / "body.bin").write_bytes(body)
        close = 'wrk.headers["Connection"] = "close"\n' if new_connections else ""
        (tmp / "post.lua").write_text(
            LUA.format(body=tmp / "body.bin", boundary=BOUNDARY, close=close)
        )
        for _ in range(20 * workers):  # warm-up: imports, KB cache, first PDF-free renders
            assert post_once(base + "/api/v1/reports", body) == 201
        out = subprocess.run(
            [
                "wrk",
                "-t",
                "1",
                "-c",
                str(connections),
                "-d",
                f"{seconds}s",
                "--latency",
                "--timeout",
                "10s",
                "-s",
                str(tmp / "post.lua"),
                base + "/api/v1/reports",
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        result = parse_wrk(out)
        result["rss_mb"] = rss_mb(server.pid)
        return result
    finally:
        server.terminate()
        server.wait(timeout=20)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("needs wrk: apt-get install wrk")
    rows = []
    with tempfile.TemporaryDirectory() as tmp_name:
        for workers in args.workers:
            for fresh in (False, True):
                r = run(workers, args.seconds, args.connections, Path(tmp_name), fresh)
                met = r["rps"] >= 50 and r["p99"] <= 200 and r["bad"] == 0
                rows.append(
                    f"| {workers} | {args.connections}, "
                    f"{'new per request' if fresh else 'kept alive'} | {r['requests']:.0f} | "
                    f"{r['rps']:.1f} | {r['p50']:.0f} | {r['p90']:.0f} | {r['p99']:.0f} | "
                    f"{r['bad']:.0f} | {r['rss_mb']:.0f} | {'yes' if met else 'no'} |"
                )
    text = "\n".join(
        [
            f"## Web app under load — {dt.date.today().isoformat()}",
            "",
            f"Machine: {machine()}",
            "",
            f"`POST /api/v1/reports` (multipart: a {len(TEXT_CV.encode())}-byte text CV + the "
            f"bundled Teleport SRE posting as `jd`), from wrk in a second process on loopback, "
            f"{args.seconds} s per run after a warm-up, SQLite store, no rate limit. Each request "
            "parses both documents, tailors the plan, renders the HTML body and stores the report.",
            "",
            "| workers | connections | requests | reports/s | p50 ms | p90 ms | p99 ms | "
            "errors | server RSS MB | target met |",
            "|---|---|---|---|---|---|---|---|---|---|",
            *rows,
            "",
            "Target: ≥ 50 reports/s and p99 ≤ 200 ms.",
            "",
        ]
    )
    print(text)
    if not args.no_write:
        results = ROOT / "bench" / "RESULTS.md"
        results.write_text(results.read_text().rstrip() + "\n\n" + text)


if __name__ == "__main__":
    main()

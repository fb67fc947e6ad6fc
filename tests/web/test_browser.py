"""The web app in a real browser: Debian's Chromium, driven by Playwright, against the real
server (``infraprep serve`` in a subprocess), as a person would use it.

Needs /usr/bin/chromium (`./run test` installs it as root; INFRAPREP_CHROMIUM names
another). Without it these tests skip, except under CI=true, where they fail: CI must
never skip them silently. pyproject sets ``--dist loadfile``, so under xdist the whole
module runs on one worker, in order: one server and one browser serve it, and the log
test at the end sees every request made. (``xdist_group``/``loadgroup`` would be the
narrower tool, but pytest-xdist 3.8 tags node ids through ``item._nodeid``, which pytest
9.2 no longer reads, so the group is silently ignored.)
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from helpers import FIXTURES, SRE_CV

pytestmark = pytest.mark.browser

try:
    from playwright.sync_api import Browser, Page, expect, sync_playwright
except ImportError:  # pragma: no cover - the dev group installs it
    sync_playwright = None

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "build" / "screenshots"
CHROMIUM = os.environ.get("INFRAPREP_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
CV_PDF = ROOT / "src" / "infraprep" / "examples" / "cv-two-column.pdf"
JD_TEXT = (FIXTURES / "jd" / "teleport" / "sre.md").read_text(encoding="utf-8")
# The markdown CV dropped onto the drop zone, with a line no other input has.
DROPPED_CV = SRE_CV.replace(
    "- Mentored three junior engineers",
    "- Moved the quokka-ledger service onto Kubernetes across 9 regions with no downtime\n"
    "- Mentored three junior engineers",
)
XSS_IMG = '<img src=x onerror="window.__xss=1">'
XSS_SCRIPT = "<script>window.__xss=1</script>"
XSS_SVG = '<svg onload="window.__xss=1">'
# Requirement lines, which the report quotes back as evidence.
XSS_JD = JD_TEXT.replace(
    "## Requirements\n",
    "## Requirements\n\n"
    f"* Have run Terraform {XSS_IMG} at scale.\n"
    f"* Have shipped Kubernetes operators {XSS_SCRIPT} in Go.\n"
    f"* Have debugged DNS {XSS_SVG} outages under pressure.\n",
    1,
)
REPORT_URL = re.compile(r"/reports/[A-Za-z0-9_-]{20,}$")
TIMEOUT_MS = 20_000


def _unavailable(reason: str) -> None:
    """Skip for a developer without Chromium; fail under CI, which must run these."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason}, and CI=true: the browser tests must run in CI.", pytrace=False)
    pytest.skip(reason)


# ------------------------------------------------------------------ the server


@dataclass
class Server:
    base: str
    log: Path
    report_ids: set[str] = field(default_factory=set)
    # Text that went in through the browser and must never reach the log.
    secrets: set[str] = field(default_factory=set)

    def remember(self, url: str, *texts: str) -> str:
        report_id = url.rstrip("/").rsplit("/", 1)[-1]
        self.report_ids.add(report_id)
        for text in texts:
            self.secrets.update(
                line.strip() for line in text.splitlines() if len(line.strip()) >= 30
            )
        return report_id


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_up(base: str, proc: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"the server exited with {proc.returncode}:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(f"{base}/", timeout=1) as resp:
                if resp.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.1)
    pytest.fail(f"the server did not answer on {base} within 30 s:\n{log.read_text()}")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    tmp = tmp_path_factory.mktemp("browser-server")
    log = tmp / "server.log"
    port = _free_port()
    command = [
        *(sys.executable, "-m", "infraprep", "serve"),
        *("--host", "127.0.0.1", "--port", str(port)),
        *("--data-dir", str(tmp / "data"), "--rate-limit", "0"),
    ]
    with log.open("wb") as out:
        proc = subprocess.Popen(
            command,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(base, proc, log)
        yield Server(base=base, log=log)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


# ------------------------------------------------------------------ the browser


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if sync_playwright is None:
        _unavailable("the playwright package is not installed")
    if not Path(CHROMIUM).exists():
        _unavailable(f"Chromium is not installed ({CHROMIUM}; apt-get install chromium)")
    with sync_playwright() as p:
        # Debian's Chromium: Playwright's own browser download cannot work offline.
        launched = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser, server: Server) -> Iterator[Page]:
    context = browser.new_context(
        accept_downloads=True, base_url=server.base, viewport={"width": 1280, "height": 900}
    )
    context.set_default_timeout(TIMEOUT_MS)
    tab = context.new_page()
    yield tab
    context.close()


def _md_cv(name: str, text: str) -> dict:
    return {"name": name, "mimeType": "text/markdown", "buffer": text.encode("utf-8")}


def _submit_form(page: Page) -> None:
    with page.expect_navigation(url=REPORT_URL):
        page.click("#submit")


@pytest.fixture(scope="module")
def pdf_report(browser: Browser, server: Server) -> str:
    """A report made the way a person makes one: PDF CV from the file picker, JD pasted."""
    context = browser.new_context(base_url=server.base)
    context.set_default_timeout(TIMEOUT_MS)
    tab = context.new_page()
    tab.goto("/")
    tab.set_input_files("#cv", CV_PDF)
    expect(tab.locator("#cv-chosen")).to_have_text("Chosen: cv-two-column.pdf")
    tab.fill("#jd", JD_TEXT)
    _submit_form(tab)
    url = tab.url
    context.close()
    from pdfminer.high_level import extract_text

    server.remember(url, JD_TEXT, extract_text(str(CV_PDF)))
    return url


# ------------------------------------------------------------------ tests


def test_pdf_cv_and_pasted_jd_make_a_report(page: Page, pdf_report: str) -> None:
    page.goto(pdf_report)
    expect(page).to_have_title("Interview prep: Site Reliability Engineer")
    expect(page.locator("h1")).to_contain_text("Site Reliability Engineer")
    for heading in (
        "Fit, requirement by requirement",
        "The loop you will likely face",
        "Concepts to master",
        "Drills with worked answers",
        "Study plan",
    ):
        expect(page.get_by_role("heading", name=heading, level=2)).to_be_visible()
    # A line of the two-column PDF CV, quoted in the fit table as evidence.
    evidence = page.locator("#fit td").filter(has_text="Wrote Go Kubernetes controllers")
    expect(evidence.first).to_be_visible()
    expect(page.locator("#loop .card").first).to_contain_text("Recruiter screen")
    links = page.locator(".actions a[download]")
    expect(links).to_have_count(len(DOWNLOAD_CHECKS))


def _check_html(path: Path) -> None:
    assert "<html" in path.read_text(encoding="utf-8").lower()


def _check_md(path: Path) -> None:
    assert path.read_text(encoding="utf-8").startswith("# ")


def _check_json(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["schema_version"]
    assert data["posting"]["title"] == "Site Reliability Engineer"


def _check_pdf(path: Path) -> None:
    from pdfminer.high_level import extract_text

    assert path.read_bytes().startswith(b"%PDF-")
    assert "Site Reliability Engineer" in extract_text(str(path))


def _check_apkg(path: Path) -> None:
    with zipfile.ZipFile(path) as deck:
        assert "collection.anki2" in deck.namelist()
        collection = path.with_name("collection.anki2")
        collection.write_bytes(deck.read("collection.anki2"))
    db = sqlite3.connect(collection)
    try:
        (notes,) = db.execute("SELECT count(*) FROM notes").fetchone()
    finally:
        db.close()
    assert notes >= 1


def _check_ics(path: Path) -> None:
    from icalendar import Calendar

    calendar = Calendar.from_ical(path.read_bytes())
    assert calendar.walk("VEVENT")


DOWNLOAD_CHECKS = {
    "html": _check_html,
    "md": _check_md,
    "json": _check_json,
    "pdf": _check_pdf,
    "apkg": _check_apkg,
    "ics": _check_ics,
}


@pytest.mark.parametrize("fmt", list(DOWNLOAD_CHECKS))
def test_every_download_opens(page: Page, pdf_report: str, fmt: str, tmp_path: Path) -> None:
    page.goto(pdf_report)
    link = page.locator(f'.actions a[href$="/download/{fmt}"]')
    # PDF goes through WeasyPrint: seconds of CPU, more on a loaded 2-core machine.
    with page.expect_download(timeout=90_000 if fmt == "pdf" else TIMEOUT_MS) as info:
        link.click()
    download = info.value
    assert download.failure() is None
    assert download.suggested_filename.endswith(f".{fmt}")
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    DOWNLOAD_CHECKS[fmt](saved)


def test_report_page_screenshot(page: Page, pdf_report: str) -> None:
    """Saves build/screenshots/report-page.png: the whole report page as Chromium draws it."""
    response = page.goto(pdf_report)
    assert response is not None and response.status == 200
    # app.css loaded and applied (the CSP allows only our own stylesheet).
    border = page.locator("section.actions").evaluate(
        "el => getComputedStyle(el).borderBottomStyle"
    )
    assert border == "solid"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shot = SCREENSHOTS / "report-page.png"
    page.screenshot(path=str(shot), full_page=True)
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(data) > 10_000


def test_drag_and_drop_cv(page: Page, server: Server) -> None:
    page.goto("/")
    page.evaluate(
        """([name, text]) => {
            const transfer = new DataTransfer();
            transfer.items.add(new File([text], name, {type: "text/markdown"}));
            const zone = document.getElementById("cv-drop");
            for (const type of ["dragenter", "dragover", "drop"]) {
                zone.dispatchEvent(new DragEvent(type, {
                    dataTransfer: transfer, bubbles: true, cancelable: true}));
            }
        }""",
        ["dropped-cv.md", DROPPED_CV],
    )
    expect(page.locator("#cv-chosen")).to_have_text("Chosen: dropped-cv.md")
    assert page.locator("#cv").evaluate("el => el.files[0].name") == "dropped-cv.md"
    page.fill("#jd", JD_TEXT)
    _submit_form(page)
    server.remember(page.url, DROPPED_CV, JD_TEXT)
    expect(page.locator("h1")).to_contain_text("Site Reliability Engineer")
    # The report was made from the dropped file: its company is quoted back.
    expect(page.locator("#walkthrough")).to_contain_text("Acme Cloud")


def test_progress_shows_and_button_disables_on_submit(page: Page, server: Server) -> None:
    page.goto("/")
    expect(page.locator("#progress")).to_be_hidden()
    expect(page.locator("#submit")).to_be_enabled()
    # A listener on the document runs after app.js's own on the form, in the same submit
    # event, before the browser navigates: it notes what a person sees at that moment in
    # sessionStorage, which the next page of this tab can still read. No timing involved.
    page.evaluate(
        """() => document.addEventListener("submit", () => {
            const progress = document.getElementById("progress");
            sessionStorage.setItem("seen", JSON.stringify({
                progressShown: !progress.hidden && progress.getClientRects().length > 0,
                text: document.getElementById("progress-text").textContent,
                disabled: document.getElementById("submit").disabled,
            }));
        })"""
    )
    page.set_input_files("#cv", files=[_md_cv("cv.md", SRE_CV)])
    page.fill("#jd", JD_TEXT)
    _submit_form(page)
    server.remember(page.url, SRE_CV, JD_TEXT)
    seen = json.loads(page.evaluate("sessionStorage.getItem('seen')"))
    assert seen == {
        "progressShown": True,
        "text": "Reading your CV and the job description…",
        "disabled": True,
    }
    # Back to the form: the button works again and the progress line is gone.
    page.go_back()
    expect(page.locator("#submit")).to_be_enabled()
    expect(page.locator("#progress")).to_be_hidden()


def test_empty_jd_comes_back_with_an_inline_error(page: Page) -> None:
    page.goto("/")
    page.set_input_files("#cv", CV_PDF)
    page.fill("#jd", "   ")
    page.fill("#interview_date", "2031-05-20")
    page.fill("#hours_per_week", "7.5")
    with page.expect_navigation() as nav:
        page.click("#submit")
    assert nav.value is not None and nav.value.status == 400
    alert = page.get_by_role("alert")
    expect(alert).to_be_visible()
    expect(alert).to_contain_text("The job description is empty.")
    expect(page.locator("#interview_date")).to_have_value("2031-05-20")
    expect(page.locator("#hours_per_week")).to_have_value("7.5")
    expect(page.locator("#submit")).to_be_enabled()
    expect(page.locator("#progress")).to_be_hidden()


def test_unsupported_cv_comes_back_with_the_type_message(page: Page, server: Server) -> None:
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
    page.goto("/")
    page.set_input_files("#cv", files=[{"name": "me.png", "mimeType": "image/png", "buffer": png}])
    page.fill("#jd", JD_TEXT)
    with page.expect_navigation() as nav:
        page.click("#submit")
    assert nav.value is not None and nav.value.status == 415
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("The CV is a PNG image, not a document infraprep reads.")
    # What was pasted is kept (the browser sends CRLF line ends; the textarea shows LF).
    assert page.locator("#jd").input_value() == JD_TEXT
    server.secrets.update(line for line in JD_TEXT.splitlines() if len(line) >= 30)


def test_random_bytes_cv_is_refused(page: Page) -> None:
    page.goto("/")
    blob = bytes(range(256)) * 8
    page.set_input_files("#cv", files=[{"name": "cv.bin", "mimeType": "", "buffer": blob}])
    page.fill("#jd", JD_TEXT)
    with page.expect_navigation() as nav:
        page.click("#submit")
    assert nav.value is not None and nav.value.status == 415
    expect(page.get_by_role("alert")).to_contain_text("The CV is binary data, not a text document.")


def test_delete_asks_then_deletes(page: Page, server: Server) -> None:
    made = page.request.post(
        "/api/v1/reports",
        multipart={
            "cv": {"name": "cv.md", "mimeType": "text/markdown", "buffer": SRE_CV.encode()},
            "jd": JD_TEXT,
        },
    )
    assert made.status == 201, made.text()
    url = made.json()["url"]
    server.remember(url, SRE_CV, JD_TEXT)
    page.goto(url)
    deletes = []
    page.on("request", lambda r: deletes.append(r) if r.url.endswith("/delete") else None)
    messages = []

    def answer(dialog, accept: bool) -> None:
        messages.append(dialog.message)
        dialog.accept() if accept else dialog.dismiss()

    # Cancel first: the report stays.
    page.once("dialog", lambda d: answer(d, accept=False))
    page.click("text=Delete this report")
    expect(page).to_have_url(url)
    # Then confirm.
    page.once("dialog", lambda d: answer(d, accept=True))
    with page.expect_navigation(url=re.compile(r"/\?deleted=1$")):
        page.click("text=Delete this report")
    assert messages == ["Delete this report for good?"] * 2
    assert len(deletes) == 1
    expect(page.get_by_role("status").first).to_contain_text("The report was deleted")
    gone = page.goto(url)
    assert gone is not None and gone.status == 404
    expect(page.locator("h1")).to_be_visible()
    assert "Site Reliability Engineer" not in page.title()


def test_xss_in_jd_does_not_run(page: Page, server: Server, tmp_path: Path) -> None:
    page.goto("/")
    page.set_input_files("#cv", files=[_md_cv("cv.md", SRE_CV)])
    page.fill("#jd", XSS_JD)
    _submit_form(page)
    server.remember(page.url, XSS_JD)
    _assert_no_xss(page)
    # The downloaded HTML file, opened from disk (no CSP there), does not run it either.
    with page.expect_download() as info:
        page.click('.actions a[href$="/download/html"]')
    saved = tmp_path / "report.html"
    info.value.save_as(saved)
    page.goto(saved.as_uri())
    _assert_no_xss(page)


def _assert_no_xss(page: Page) -> None:
    # The payloads are shown as text where the report quotes those JD lines...
    shipped = f"Have shipped Kubernetes operators {XSS_SCRIPT} in Go."
    expect(page.get_by_text(shipped).first).to_be_visible()
    expect(page.get_by_text(f"Have debugged DNS {XSS_SVG} outages").first).to_be_visible()
    # ... except <img>, which the Markdown reader drops as inline HTML before parsing.
    expect(page.get_by_text("Have run Terraform at scale.").first).to_be_visible()
    # ... and none of them became an element or ran.
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.locator("img, svg").count() == 0
    scripts = page.locator("script").evaluate_all("els => els.map(e => e.textContent)")
    assert not [text for text in scripts if "__xss" in text]


def test_practice_an_incident_and_an_answer_by_clicking(page: Page, server: Server) -> None:
    """From the top bar to a debrief: a role-play worked with the menu's buttons, then a
    written answer checked. What the user types goes in POST bodies, never in the log."""
    page.goto("/")
    page.click("nav >> text=Practise")
    page.click("text=Search outage that will not recover after a brief slowdown")
    expect(page.locator("#page")).to_contain_text("search-svc availability 41%")
    hypothesis = "client retries are multiplying the load on the backend tier"
    page.fill("#hypothesis", hypothesis)
    page.click("#menu-investigate >> text=Compare incoming user traffic with backend request rates")
    expect(page.locator("#steps")).to_contain_text("11.8x normal")
    expect(page.locator("#debrief")).to_have_count(0)
    page.click("#menu-mitigate >> text=Disable search-svc retries to Elasticsearch")
    expect(page.locator("#steps")).to_contain_text("User impact has stopped.")
    debrief = page.locator("#debrief")
    expect(debrief).to_contain_text("User impact stopped after 2 moves.")
    expect(debrief).to_contain_text(hypothesis)
    page.screenshot(path=str(SCREENSHOTS / "practice-debrief.png"), full_page=True)

    page.goto("/library/questions/beh-postmortem-contested-root-cause")
    page.click("text=Write your answer and get feedback")
    answer = (
        "I built the timeline from the deploy log and the alert history before the meeting, "
        "so the argument was about facts; four of five action items closed within 60 days."
    )
    page.fill("#answer", answer)
    page.click("#check")
    expect(page.locator("#feedback")).to_contain_text("Your answer reaches")
    expect(page.locator("#answer")).to_have_value(answer)
    server.secrets.update({hypothesis, answer[:60]})


def test_server_log_has_no_cv_jd_text_and_no_report_ids(page: Page, server: Server) -> None:
    """Runs last in the module (one worker: --dist loadfile) and reads everything logged;
    it makes one more report itself so that it never checks an empty log."""
    page.goto("/")
    page.set_input_files("#cv", files=[_md_cv("cv.md", DROPPED_CV)])
    page.fill("#jd", JD_TEXT)
    _submit_form(page)
    own = server.remember(page.url, DROPPED_CV, JD_TEXT)
    assert page.request.get(f"{page.url}/download/json").ok  # a download, logged too
    log = server.log.read_text(encoding="utf-8", errors="replace")
    # The access log is on and saw these requests, with the ids redacted.
    assert '"POST /reports HTTP/1.1" 303' in log
    assert '"GET /reports/<id> HTTP/1.1" 200' in log
    assert "/reports/<id>/download/json" in log
    assert own in server.report_ids and len(server.report_ids) >= 2
    for report_id in server.report_ids:
        assert report_id not in log, f"a report id is in {server.log}"
    assert "quokka-ledger" in DROPPED_CV and "quokka-ledger" not in log
    leaked = sorted(s for s in server.secrets if s in log)
    assert not leaked, f"CV/JD text in {server.log}: {leaked[:3]}"
    assert len(server.secrets) > 20
    assert "Traceback" not in log

"""The CLI as a user runs it: real processes, real files, exit codes and messages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import FIXTURES, SRE_CV
from helpers import run_cli as run

EXAMPLES = Path(__file__).resolve().parents[2] / "src" / "infraprep" / "examples"


@pytest.fixture
def cv_file(tmp_path: Path) -> Path:
    path = tmp_path / "cv.md"
    path.write_text(SRE_CV)
    return path


def test_cli_demo_writes_the_report(tmp_path: Path):
    out = tmp_path / "demo.html"
    res = run("demo", "-o", str(out), "--today", "2026-11-22")
    assert res.returncode == 0, res.stderr.decode()
    html = out.read_text()
    assert "Site Reliability Engineer" in html and "Alex Rivera" not in html
    assert str(out) in res.stdout.decode()


def test_cli_demo_writes_the_format_its_file_name_asks_for(tmp_path: Path):
    out = tmp_path / "demo.md"
    res = run("demo", "-o", str(out), "--today", "2026-11-22")
    assert res.returncode == 0, res.stderr.decode()
    text = out.read_text()
    assert text.startswith("# Interview prep:") and "<html" not in text


@pytest.mark.parametrize("fmt", ["html", "md", "json", "ics", "apkg"])
def test_cli_report_formats(tmp_path: Path, cv_file: Path, fmt: str):
    out = tmp_path / f"r.{fmt}"
    res = run(
        "report",
        str(cv_file),
        str(FIXTURES / "jd/teleport/sre.md"),
        "-o",
        str(out),
        "--interview-date",
        "2026-12-20",
        "--hours-per-week",
        "8",
        "--today",
        "2026-11-22",
    )
    assert res.returncode == 0, res.stderr.decode()
    assert out.stat().st_size > 1000


def test_cli_report_reads_the_jd_from_stdin(tmp_path: Path, cv_file: Path):
    out = tmp_path / "r.json"
    res = run(
        "report",
        str(cv_file),
        "-",
        "-o",
        str(out),
        stdin=(FIXTURES / "jd/teleport/sre.md").read_bytes(),
    )
    assert res.returncode == 0, res.stderr.decode()
    assert json.loads(out.read_text())["posting"]["family"] == "sre"


def test_cli_parse_json_contracts(cv_file: Path):
    res = run("parse", "cv", str(cv_file), "--json")
    assert res.returncode == 0, res.stderr.decode()
    cv = json.loads(res.stdout)
    assert {"schema_version", "name", "positions", "technologies", "years_experience"} <= set(cv)
    assert cv["positions"][0]["end"] == "present"
    assert "contact" not in cv
    res = run("parse", "jd", str(FIXTURES / "jd/teleport/sre.md"), "--json")
    jd = json.loads(res.stdout)
    assert {
        "schema_version",
        "title",
        "company",
        "level",
        "family",
        "families",
        "technologies",
        "requirements",
    } <= set(jd)


def test_cli_help_everywhere():
    for args in (
        ["--help"],
        ["report", "--help"],
        ["parse", "cv", "--help"],
        ["kb", "--help"],
        ["kb", "stats", "--help"],
        ["demo", "--help"],
    ):
        res = run(*args)
        assert res.returncode == 0, args
        assert b"Usage" in res.stdout


def _assert_clean_error(res, code: int, *words: str):
    err = res.stderr.decode()
    assert res.returncode == code, (res.returncode, err)
    assert "Traceback" not in err
    assert err.startswith("error: ")
    for word in words:
        assert word.lower() in err.lower(), err


def test_cli_empty_jd_file(tmp_path: Path, cv_file: Path):
    empty = tmp_path / "jd.txt"
    empty.write_bytes(b"")
    _assert_clean_error(run("report", str(cv_file), str(empty)), 11, "empty")


def test_cli_text_that_is_not_a_posting(tmp_path: Path, cv_file: Path):
    jd = tmp_path / "jd.txt"
    jd.write_text("Call me maybe.")
    _assert_clean_error(run("report", str(cv_file), str(jd)), 20, "job description")


def test_cli_missing_file(cv_file: Path):
    res = run("report", str(cv_file), "/nonexistent/jd.md")
    assert res.returncode == 10
    assert "Traceback" not in res.stderr.decode()


def test_cli_bad_date_and_past_date(cv_file: Path):
    jd = str(FIXTURES / "jd/teleport/sre.md")
    _assert_clean_error(
        run("report", str(cv_file), jd, "--interview-date", "next week"), 2, "YYYY-MM-DD"
    )
    _assert_clean_error(
        run("report", str(cv_file), jd, "--interview-date", "2020-01-01"), 2, "not after today"
    )


def test_cli_failure_leaves_existing_output_untouched(tmp_path: Path, cv_file: Path):
    out = tmp_path / "report.html"
    out.write_text("my previous report")
    empty = tmp_path / "jd.txt"
    empty.write_bytes(b"")
    res = run("report", str(cv_file), str(empty), "-o", str(out))
    assert res.returncode != 0
    assert out.read_text() == "my previous report"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".report")] == []


def test_cli_output_folder_missing(cv_file: Path):
    res = run(
        "report",
        str(cv_file),
        str(FIXTURES / "jd/teleport/sre.md"),
        "-o",
        "/nonexistent/dir/r.html",
    )
    _assert_clean_error(res, 40, "does not exist")


def test_cli_cv_url_is_refused(tmp_path: Path):
    res = run("report", "https://example.org/cv.pdf", str(FIXTURES / "jd/teleport/sre.md"))
    _assert_clean_error(res, 2, "local file")


def test_cli_kb_stats_search_show_lint():
    res = run("kb", "stats", "--json")
    assert res.returncode == 0, res.stderr.decode()
    stats = json.loads(res.stdout)
    for key in ("families", "loop_stages", "signals", "questions", "concepts", "drills",
                "scenarios", "smart_questions", "technologies"):
        assert isinstance(stats[key], int) and stats[key] > 0, key
    assert stats["technologies"] >= 1500
    assert stats["questions_by_kind"]["technical"] >= 250
    res = run("kb", "search", "error", "budget", "--json")
    hits = json.loads(res.stdout)
    assert hits
    res = run("kb", "show", hits[0]["id"])
    assert res.returncode == 0 and hits[0]["id"].encode() in res.stdout
    assert run("kb", "show", "no-such-id").returncode == 31
    res = run("kb", "lint")
    assert res.returncode == 0, res.stdout.decode()[-2000:]


def test_cli_report_at_the_level_the_user_applies_for(tmp_path: Path, cv_file: Path):
    """A GitLab job-family page lists every level; the user says which one they want."""
    jd = FIXTURES / "jd" / "gitlab" / "security-incident-response-team.md"
    out = tmp_path / "senior.json"
    res = run("report", str(cv_file), str(jd), "-o", str(out), "--level", "senior")
    assert res.returncode == 0, res.stderr.decode()
    posting = json.loads(out.read_text())["posting"]
    assert posting["level"] == "senior"
    # the page lists Intermediate to Senior Manager and states no level of its own
    assert posting["level_reason"].startswith("set by you; the posting alone reads as mid")

    bad = run("report", str(cv_file), str(jd), "-o", str(out), "--level", "boss")
    assert bad.returncode == 2 and b"'boss' is not one of" in bad.stderr
    assert json.loads(out.read_text())["posting"]["level"] == "senior"  # left as it was


def test_cli_report_level_picks_the_criteria_a_job_family_page_asks_at_it(
    tmp_path: Path, cv_file: Path
):
    jd = FIXTURES / "jd" / "gitlab" / "site-reliability-engineer.md"
    out = tmp_path / "staff.json"
    res = run("report", str(cv_file), str(jd), "-o", str(out), "--level", "staff")
    assert res.returncode == 0, res.stderr.decode()
    rows = [row["requirement"] for row in json.loads(out.read_text())["fit"]["rows"]]
    assert any(r.startswith("Able to create innovative solutions") for r in rows)  # staff
    assert not any(r.startswith("Advanced Terraform syntax") for r in rows)  # senior's

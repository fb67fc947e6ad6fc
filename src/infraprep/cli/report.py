"""`infraprep report`, `parse` and `demo`."""

from __future__ import annotations

import datetime as dt
from importlib import resources
from pathlib import Path

import click

from infraprep.cli.inputs import load_document, parse_date
from infraprep.cli.output import write_atomic
from infraprep.models import LEVELS

FORMAT_CHOICES = ["html", "md", "json", "pdf", "apkg", "ics"]


def _today() -> dt.date:
    return dt.date.today()


def _console():
    from rich.console import Console

    return Console(stderr=True)


def _write_report(plan, fmt: str, output: Path) -> None:
    from infraprep.render import render

    write_atomic(output, render(plan, fmt))


def _format_of(output: Path | None) -> str:
    """The format a file name asks for ("prep.md" is Markdown), else HTML."""
    suffix = output.suffix.lower().lstrip(".") if output else ""
    fmt = {"markdown": "md", "htm": "html"}.get(suffix, suffix)
    return fmt if fmt in FORMAT_CHOICES else "html"


@click.command()
@click.argument("cv")
@click.argument("jd")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Where to write the report (default: report.<format>).",
)
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(FORMAT_CHOICES),
    default=None,
    help="Output format (default: from the -o extension, else html).",
)
@click.option(
    "--interview-date",
    metavar="YYYY-MM-DD",
    default=None,
    help="Day of the interview (default: four weeks from today).",
)
@click.option(
    "--hours-per-week",
    type=float,
    default=6.0,
    show_default=True,
    help="Hours you can study each week.",
)
@click.option(
    "--level",
    type=click.Choice(LEVELS),
    default=None,
    help="The level you apply at, when the posting covers several (default: read from it).",
)
@click.option(
    "--today",
    "today_opt",
    metavar="YYYY-MM-DD",
    default=None,
    hidden=True,
    help="Pretend today is this date (for reproducible reports).",
)
def report(
    cv: str,
    jd: str,
    output: Path | None,
    fmt: str | None,
    interview_date: str | None,
    hours_per_week: float,
    level: str | None,
    today_opt: str | None,
) -> None:
    """Write a prep report for CV (a file) and JD (a file, '-' for stdin, or a URL)."""
    from infraprep.pipeline import generate_plan

    fmt = fmt or _format_of(output)
    output = output or Path(f"report.{fmt}")
    today = parse_date(today_opt, "--today") or _today()
    plan = generate_plan(
        load_document(cv, what="CV"),
        load_document(jd, what="job description"),
        today=today,
        interview_date=parse_date(interview_date, "--interview-date"),
        hours_per_week=hours_per_week,
        level=level,
    )
    _write_report(plan, fmt, output)
    _console().print(
        f"[green]Wrote[/green] {output} — {plan.posting.title} "
        f"({plan.family_name}, {plan.posting.level}), fit {plan.fit.score}/100",
    )
    click.echo(str(output.resolve()))


@click.group()
def parse() -> None:
    """Show what infraprep reads from a CV or a job description."""


@parse.command("cv")
@click.argument("path")
@click.option("--json", "as_json", is_flag=True, help="Print the parsed structure as JSON.")
@click.option("--include-contact", is_flag=True, help="Include email, phone and links.")
def parse_cv(path: str, as_json: bool, include_contact: bool) -> None:
    """Parse a CV: positions, dates, bullets, technologies, years of experience."""
    from infraprep.parse import parse_profile
    from infraprep.render.json import dumps, profile_dict

    profile = parse_profile(load_document(path, what="CV"), _today())
    data = profile_dict(profile, include_contact=include_contact)
    if as_json:
        click.echo(dumps(data), nl=False)
        return
    con = _console()
    con.print(
        f"[bold]{profile.name or '(no name found)'}[/bold]  "
        f"{profile.years_experience or '?'} years in dated roles"
    )
    for pos in profile.positions:
        con.print(
            f"• [bold]{pos.title}[/bold] — {pos.company or '?'} "
            f"({pos.start} → {pos.end}), {len(pos.bullets)} bullets"
        )
    con.print("Technologies: " + ", ".join(profile.technologies))


@parse.command("jd")
@click.argument("path")
@click.option("--json", "as_json", is_flag=True, help="Print the parsed structure as JSON.")
def parse_jd(path: str, as_json: bool) -> None:
    """Parse a job description: title, level, family, requirements, technologies."""
    from infraprep.knowledge import load_knowledge
    from infraprep.parse import parse_posting
    from infraprep.render.json import dumps, posting_dict

    posting = parse_posting(load_document(path, what="job description"), load_knowledge())
    if as_json:
        click.echo(dumps(posting_dict(posting)), nl=False)
        return
    con = _console()
    con.print(
        f"[bold]{posting.title}[/bold] at {posting.company or '?'} — {posting.family} "
        f"({posting.family_reason}), {posting.level} ({posting.level_reason})"
    )
    for req in posting.requirements:
        con.print(f"[{'red' if req.kind == 'must' else 'cyan'}]{req.kind}[/] {req.text}")
    con.print("Technologies: " + ", ".join(posting.technologies))


@click.command()
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("report.html"),
    show_default=True,
    help="Where to write the report; its extension picks the format (.md, .pdf, .json...).",
)
@click.option("--today", "today_opt", metavar="YYYY-MM-DD", default=None, hidden=True)
def demo(output: Path, today_opt: str | None) -> None:
    """Write the report for the bundled example CV and a real SRE job posting."""
    from infraprep.ingest import read_document
    from infraprep.pipeline import generate_plan

    examples = resources.files("infraprep") / "examples"
    cv = read_document((examples / "cv-two-column.pdf").read_bytes(), "cv-two-column.pdf")
    jd = read_document((examples / "teleport-sre.md").read_bytes(), "teleport-sre.md")
    today = parse_date(today_opt, "--today") or _today()
    plan = generate_plan(cv, jd, today=today)
    _write_report(plan, _format_of(output), output)
    _console().print(
        f"[green]Wrote[/green] the demo report: {plan.posting.title} "
        f"({plan.family_name}), fit {plan.fit.score}/100"
    )
    click.echo(str(output.resolve()))

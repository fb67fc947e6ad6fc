"""The command line: thin commands over the pipeline's public functions."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from infraprep import __version__
from infraprep.cli.errors import run_guarded
from infraprep.cli.evaluate import evaluate_cmd
from infraprep.cli.kb import kb
from infraprep.cli.practice import practice
from infraprep.cli.report import demo, parse, report


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="infraprep")
def app() -> None:
    """Interview prep for SRE, platform, DevOps and infrastructure roles.

    Give it your CV and the job description; it writes a prep report tailored to
    both, on your machine. Nothing is uploaded.
    """


app.add_command(report)
app.add_command(parse)
app.add_command(demo)
app.add_command(kb)
app.add_command(evaluate_cmd)
app.add_command(practice)


@app.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
@click.option(
    "--data-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Where reports are stored (default: ~/.local/share/infraprep).",
)
@click.option(
    "--database-url",
    default=None,
    help="An SQLAlchemy database URL to use instead of SQLite in the data dir.",
)
@click.option(
    "--retention-days",
    default=30,
    show_default=True,
    type=click.IntRange(min=0),
    help="Delete reports older than this many days (0: keep until deleted).",
)
@click.option(
    "--rate-limit",
    default=20,
    show_default=True,
    type=click.IntRange(min=0),
    help="Reports one client address may make per minute (0: no limit).",
)
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(min=1, max=64),
    help="Server processes (the rate limit then applies per process).",
)
def serve(
    host: str,
    port: int,
    data_dir: Path | None,
    database_url: str | None,
    retention_days: int,
    rate_limit: int,
    workers: int,
) -> None:
    """Run the web app (needs the 'web' extra: pip install 'infraprep[web]')."""
    try:
        from infraprep.store.paths import default_data_dir
        from infraprep.web.server import run_server
        from infraprep.web.settings import WebSettings
    except ImportError as exc:
        from infraprep.errors import UsageError

        raise UsageError(
            f"The web app needs extra packages ({exc.name or exc}).",
            "Install them with: pip install 'infraprep[web]'",
        ) from exc
    settings = WebSettings(
        data_dir=data_dir if data_dir is not None else default_data_dir(),
        database_url=database_url,
        retention_days=retention_days,
        reports_per_minute=rate_limit,
    )
    run_server(settings, host, port, workers)


def main() -> None:
    sys.exit(run_guarded(lambda: app.main(standalone_mode=False)))

"""The command line: thin commands over the pipeline's public functions."""

from __future__ import annotations

import sys

import click

from infraprep import __version__
from infraprep.cli.errors import run_guarded
from infraprep.cli.evaluate import evaluate_cmd
from infraprep.cli.kb import kb
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


def main() -> None:
    sys.exit(run_guarded(lambda: app.main(standalone_mode=False)))

"""The one place where errors become output and exit codes for the terminal."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import TypeVar

import click

from infraprep.errors import InfraprepError

T = TypeVar("T")
INTERNAL_ERROR_EXIT = 70
INTERRUPTED_EXIT = 130


def report_error(message: str, hint: str = "") -> None:
    click.secho(f"error: {message}", fg="red", err=True)
    if hint:
        click.echo(f"hint: {hint}", err=True)


def run_guarded(main: Callable[[], T]) -> int:
    """Run the Click app; map every failure to one stderr message and an exit code."""
    try:
        main()
    except InfraprepError as exc:
        report_error(exc.message, exc.hint)
        return exc.exit_code
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.Abort:
        return INTERRUPTED_EXIT
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except KeyboardInterrupt:
        return INTERRUPTED_EXIT
    except BrokenPipeError:
        return 0
    except Exception as exc:
        if os.environ.get("INFRAPREP_DEBUG"):
            raise
        report_error(
            f"internal error: {type(exc).__name__}: {exc}",
            "This is a bug in infraprep. Re-run with INFRAPREP_DEBUG=1 for the traceback "
            "and report it.",
        )
        return INTERNAL_ERROR_EXIT
    return 0


def exit_with(code: int) -> None:
    sys.exit(code)

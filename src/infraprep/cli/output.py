"""Writing output files without ever leaving a half-written one behind."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from infraprep.errors import RenderError


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside ``path``, then rename it into place.

    A crash or a full disk leaves the user's previous file untouched.
    """
    path = path.expanduser()
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.exists():
        raise RenderError(
            f"The folder {directory} does not exist.",
            "Create it first or choose another output path.",
        )
    if path.is_dir():
        raise RenderError(f"{path} is a folder.", "Give a file name, e.g. -o report.html.")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise RenderError(
            f"Cannot write in {directory}: {exc.strerror}.", "Choose a folder you can write to."
        ) from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise RenderError(
            f"Could not write {path}: {exc.strerror}.", "Check free disk space and permissions."
        ) from exc

"""Bytes or a path in, a ``Document`` out: the size checks and the dispatch by detected type.

The order matters and is the reason this module exists: size is checked
before anything parses (a 500 MB upload must cost nothing), the type is
detected from content, and only then does one reader run. Whatever a reader
returns, a document without text is refused here, once, for every format.
"""

from __future__ import annotations

import os
from pathlib import Path

from infraprep.errors import EmptyInputError, InputError, InputTooLargeError
from infraprep.ingest.detect import detect
from infraprep.models import Document

DEFAULT_MAX_BYTES = 10 * 1024 * 1024


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def read_bytes(
    data: bytes,
    *,
    label: str,
    max_bytes: int = DEFAULT_MAX_BYTES,
    filename: str | None = None,
    declared: str | None = None,
) -> Document:
    """``read_document`` with the message label and a declared charset (HTTP) made explicit."""
    if not data:
        raise EmptyInputError(f"{label} is empty (0 bytes).")
    if len(data) > max_bytes:
        raise InputTooLargeError(
            f"{label} is {_megabytes(len(data))}; the limit is {_megabytes(max_bytes)}.",
        )
    if not data.strip():
        raise EmptyInputError(f"{label} contains only whitespace.")
    found = detect(data, filename, label, declared)
    if found.kind == "pdf":
        from infraprep.ingest.pdf import read_pdf

        document = read_pdf(data, label)
    elif found.kind == "docx":
        from infraprep.ingest.docx import read_docx

        document = read_docx(data, label)
    elif found.kind == "json_resume":
        from infraprep.ingest.json_resume import read_json_resume

        document = read_json_resume(found.text or "", label)
    elif found.kind == "html":
        from infraprep.ingest.html import read_html

        document = read_html(found.text or "")
    else:
        from infraprep.ingest.text import read_text

        document = read_text(found.text or "")
    if not any(block.text.strip() for block in document.blocks):
        raise EmptyInputError(f"{label} contains no text.")
    return document


def read_document(
    data: bytes,
    filename: str | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Document:
    """Read a CV or job description from bytes, whatever its format.

    Args:
        data: the file's bytes.
        filename: shown in error messages; never used to pick the format.
        max_bytes: refuse larger input before parsing anything.

    Returns:
        The text as blocks in reading order; ``source_type`` says what it was.

    Raises:
        EmptyInputError: no bytes, or no text in them.
        InputTooLargeError: more than ``max_bytes`` (or a PDF over the page cap).
        UnsupportedTypeError: an image, spreadsheet, executable, plain JSON...
        CorruptFileError, EncryptedPdfError, ScannedPdfError, DecodeError: see
            ``infraprep.errors``.

    >>> read_document(b"# Jo Bloggs\\n- Ran Kubernetes").blocks[1].kind
    'list_item'
    """
    label = f"'{filename}'" if filename else "The file"
    return read_bytes(bytes(data), label=label, max_bytes=max_bytes, filename=filename)


def read_path(path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read a CV or job description from a file path; same checks as ``read_document``.

    Raises:
        InputError: the path is missing, a directory, or unreadable.
        InputTooLargeError: the file is larger than ``max_bytes`` (checked before reading).
    """
    file = Path(path)
    data = read_file_bytes(file, max_bytes=max_bytes, wanted="the CV or JD file")
    return read_bytes(data, label=f"'{file.name}'", max_bytes=max_bytes, filename=file.name)


def read_file_bytes(file: Path, *, max_bytes: int, wanted: str) -> bytes:
    """The bytes of ``file``, or an InputError naming what is wrong with the path.

    Shared by every command that reads a user's file, so a missing path or a
    directory reads the same everywhere; ``wanted`` names the file to pass instead.
    """
    shown = f"'{file}'"
    try:
        if not file.exists():
            raise InputError(f"{shown} does not exist.", "Check the path and try again.")
        if file.is_dir():
            raise InputError(f"{shown} is a directory, not a file.", f"Pass {wanted}.")
        size = file.stat().st_size
        if size > max_bytes:
            raise InputTooLargeError(
                f"{shown} is {_megabytes(size)}; the limit is {_megabytes(max_bytes)}.",
            )
        with file.open("rb") as handle:
            data = handle.read(max_bytes + 1)  # a file that grew since stat is still capped
    except OSError as exc:
        raise InputError(
            f"{shown} cannot be read: {exc.strerror or exc}.", "Check the file's permissions."
        ) from exc
    return data  # may be max_bytes + 1 long: the caller's size check then names the file

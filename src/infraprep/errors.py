"""The one exception tree of infraprep.

Every failure a user can cause or meet is one of these classes. Each carries a
one-line ``message`` naming the problem, a ``hint`` naming the fix, and an
``exit_code`` that is distinct per class, so scripts can tell failures apart.
The CLI (``infraprep.cli``) and the web app turn them into output in one place
each; nothing else prints errors.

    InfraprepError
    ├── InputError                 the CV or JD cannot be used
    │   ├── EmptyInputError         no bytes, or no text after extraction
    │   ├── InputTooLargeError      over the size cap
    │   ├── UnsupportedTypeError    not PDF/DOCX/TXT/MD/HTML/JSON Resume
    │   ├── CorruptFileError        the container is damaged
    │   ├── EncryptedPdfError       password-protected PDF
    │   ├── ScannedPdfError         PDF with no text layer (image only)
    │   ├── DecodeError             text that is not valid in any encoding we try
    │   ├── FetchError              a JD URL could not be fetched
    │   │   └── UnsafeUrlError      a JD URL points at a loopback/private address
    │   └── NotAJobPostingError     the text does not read as a job description
    ├── UsageError                 bad option values (dates, hours)
    ├── KnowledgeError             the bundled knowledge base is invalid
    ├── NotFoundError              a knowledge-base id or stored report is missing
    ├── RenderError                an output could not be written
    ├── StorageError               the web app's report store cannot be used
    └── RateLimitedError           one client asked for too many reports too fast
"""

from __future__ import annotations


class InfraprepError(Exception):
    """Base of every error infraprep raises on purpose."""

    exit_code = 1
    http_status = 500
    kind = "error"
    default_hint = ""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint if hint is not None else self.default_hint

    def __str__(self) -> str:
        return self.message


class InputError(InfraprepError):
    """The CV or job description cannot be used as given."""

    exit_code = 10
    http_status = 400
    kind = "input"


class EmptyInputError(InputError):
    exit_code = 11
    kind = "empty_input"
    default_hint = "Check that you picked the right file and that it is not blank."


class InputTooLargeError(InputError):
    exit_code = 12
    http_status = 413
    kind = "too_large"
    default_hint = "Export a shorter version (a CV rarely needs more than 2-3 pages)."


class UnsupportedTypeError(InputError):
    exit_code = 13
    http_status = 415
    kind = "unsupported_type"
    default_hint = "Use PDF, DOCX, TXT/Markdown, HTML or a JSON Resume file."


class CorruptFileError(InputError):
    exit_code = 14
    kind = "corrupt_file"
    default_hint = "Re-export the file from the program that made it and try again."


class EncryptedPdfError(InputError):
    exit_code = 15
    kind = "encrypted_pdf"
    default_hint = "Save an unprotected copy (Print -> Save as PDF) or export the CV as DOCX."


class ScannedPdfError(InputError):
    exit_code = 16
    kind = "scanned_pdf"
    default_hint = (
        "The PDF is an image with no text layer. Export the CV from its source "
        "document (Word, Google Docs, LaTeX) or run OCR on it first."
    )


class DecodeError(InputError):
    exit_code = 17
    kind = "undecodable_text"
    default_hint = "Save the file as UTF-8 text."


class FetchError(InputError):
    exit_code = 18
    kind = "fetch_failed"
    default_hint = "Open the page in a browser, copy the job text and pass it with '-' (stdin)."


class UnsafeUrlError(FetchError):
    exit_code = 19
    kind = "unsafe_url"
    default_hint = "Only public http(s) addresses are fetched; paste the text instead."


class NotAJobPostingError(InputError):
    exit_code = 20
    kind = "not_a_posting"
    default_hint = "Paste the full job description, including its requirements."


class UsageError(InfraprepError):
    """An option has a value we cannot use."""

    exit_code = 2
    http_status = 422
    kind = "usage"


class KnowledgeError(InfraprepError):
    """The bundled knowledge base failed validation (a bug or a broken install)."""

    exit_code = 30
    kind = "knowledge"
    default_hint = "Run 'infraprep kb lint' to see every problem."


class NotFoundError(InfraprepError):
    exit_code = 31
    http_status = 404
    kind = "not_found"


class RenderError(InfraprepError):
    exit_code = 40
    kind = "render"


class StorageError(InfraprepError):
    """The report store (SQLite or another database) failed or is unreachable."""

    exit_code = 41
    http_status = 503
    kind = "storage"
    default_hint = "Check that the data directory is writable and has free space."


class RateLimitedError(InfraprepError):
    """A client went over the web app's per-client rate limit."""

    exit_code = 42
    http_status = 429
    kind = "rate_limited"

    def __init__(self, retry_after: int) -> None:
        super().__init__(
            "Too many reports asked for from this address.",
            f"Wait {retry_after} s and try again.",
        )
        self.retry_after = retry_after

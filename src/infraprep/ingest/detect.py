"""Tell what a file is from its bytes, never from its name.

Users rename files, browsers upload "resume" with no extension, and a ``.pdf``
saved from a phone may be a JPEG. Each reader assumes its format, so the one
decision is made here, and everything we cannot read is refused with a message
that says what the file actually is.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from dataclasses import dataclass

from infraprep.errors import CorruptFileError, InputTooLargeError, UnsupportedTypeError
from infraprep.ingest.markdown import looks_like_markdown
from infraprep.ingest.text import bom_encoding, decode_text, utf16_without_bom
from infraprep.models import SourceType

# Total uncompressed size we agree to inflate from a ZIP container (a DOCX):
# well above any CV, well below a zip bomb.
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024

_IMAGE_HINT = (
    "infraprep needs text. If this is a photo or scan of your CV, export the original "
    "document as PDF or DOCX, or run OCR on it first."
)
_MAGIC: tuple[tuple[bytes, int, str, str | None], ...] = (
    # (magic, offset, what it is, hint)
    (b"\x89PNG\r\n\x1a\n", 0, "a PNG image", _IMAGE_HINT),
    (b"\xff\xd8\xff", 0, "a JPEG image", _IMAGE_HINT),
    (b"GIF87a", 0, "a GIF image", _IMAGE_HINT),
    (b"GIF89a", 0, "a GIF image", _IMAGE_HINT),
    (b"WEBP", 8, "a WebP image", _IMAGE_HINT),
    (b"II*\x00", 0, "a TIFF image", _IMAGE_HINT),
    (b"MM\x00*", 0, "a TIFF image", _IMAGE_HINT),
    (b"ftypheic", 4, "a HEIC image", _IMAGE_HINT),
    (b"\x7fELF", 0, "an ELF executable", None),
    (b"\xcf\xfa\xed\xfe", 0, "a macOS executable", None),
    (b"\xfe\xed\xfa\xcf", 0, "a macOS executable", None),
    (b"\xca\xfe\xba\xbe", 0, "a macOS executable or Java class file", None),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 0, "a legacy Microsoft Office file (.doc/.xls)",
     "Open it in Word or LibreOffice and save it as DOCX or PDF."),
    (b"{\\rtf", 0, "an RTF document", "Save it as DOCX, PDF or plain text."),
    (b"\x1f\x8b", 0, "a gzip archive", None),
    (b"7z\xbc\xaf\x27\x1c", 0, "a 7-Zip archive", None),
    (b"Rar!\x1a\x07", 0, "a RAR archive", None),
    (b"SQLite format 3\x00", 0, "an SQLite database", None),
    (b"\x00asm", 0, "a WebAssembly module", None),
)
_ZIP_KINDS: tuple[tuple[str, str], ...] = (
    ("xl/workbook.xml", "an Excel spreadsheet (XLSX)"),
    ("ppt/presentation.xml", "a PowerPoint presentation (PPTX)"),
    ("META-INF/MANIFEST.MF", "a Java archive (JAR)"),
)
_ODF_KINDS = {
    "application/vnd.oasis.opendocument.text": "an OpenDocument text file (ODT)",
    "application/vnd.oasis.opendocument.spreadsheet": "an OpenDocument spreadsheet (ODS)",
    "application/vnd.oasis.opendocument.presentation": "an OpenDocument presentation (ODP)",
    "application/epub+zip": "an EPUB e-book",
}
_HTML_START = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b",
                         re.I | re.S)
_HTML_TAG = re.compile(
    r"</?(?:p|div|span|a|li|ul|ol|h[1-6]|br|table|tr|td|section|article|header|footer|nav|"
    r"strong|em|meta|link|script|style|img|main)\b[^>]*>", re.I,
)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.I)


@dataclass(frozen=True)
class Detection:
    """What the bytes are, and their decoded text when the format is text-based."""

    kind: SourceType
    text: str | None = None


def _describe_zip(data: bytes, label: str) -> SourceType:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            names = {info.filename for info in infos}
            mimetype = archive.read("mimetype")[:100].decode("ascii", "replace").strip() \
                if "mimetype" in names else ""
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError,
            NotImplementedError) as exc:
        raise CorruptFileError(
            f"{label} looks like a ZIP-based file (such as DOCX) but the archive is damaged.",
        ) from exc
    if sum(info.file_size for info in infos) > MAX_UNZIPPED_BYTES:
        raise InputTooLargeError(
            f"{label} would unpack to more than {MAX_UNZIPPED_BYTES // (1024 * 1024)} MB.",
        )
    if "word/document.xml" in names:
        return "docx"
    what = _ODF_KINDS.get(mimetype) or next(
        (desc for member, desc in _ZIP_KINDS if member in names), "a ZIP archive",
    )
    hint = "Save it as DOCX or PDF." if "OpenDocument text" in what else None
    raise UnsupportedTypeError(
        f"{label} is {what}, not a CV or job description format infraprep reads.", hint,
    )


def _is_html(text: str) -> bool:
    head = text[:4096]
    if _HTML_START.match(head) or re.search(r"<(?:html|body|head)\b", head, re.I):
        return True
    # Markdown may embed HTML (tables with lists in cells); it is still Markdown.
    return len(_HTML_TAG.findall(text[:65536])) >= 10 and not looks_like_markdown(text)


def _classify_json(text: str, label: str, filename: str | None) -> Detection | None:
    stripped = text.strip()
    if not stripped.startswith(("{", "[")):
        return None
    try:
        value = json.loads(stripped)
    except (json.JSONDecodeError, RecursionError) as exc:
        named_json = bool(filename and filename.lower().endswith(".json"))
        if stripped.startswith("{") and (named_json or stripped.endswith("}")):
            where = f" (line {exc.lineno}, column {exc.colno}: {exc.msg})" \
                if isinstance(exc, json.JSONDecodeError) else ""
            raise CorruptFileError(f"{label} looks like JSON but is not valid JSON{where}.") \
                from exc
        return None
    if isinstance(value, dict) and ("basics" in value or "work" in value):
        return Detection("json_resume", text)
    raise UnsupportedTypeError(
        f"{label} is JSON data but not a JSON Resume (it has no \"basics\" or \"work\").",
        "Use the JSON Resume format (jsonresume.org), or export the CV as PDF or DOCX.",
    )


def detect(
    data: bytes, filename: str | None = None, label: str = "The file", declared: str | None = None,
) -> Detection:
    """Decide the format of ``data``; decode it too when it is text-based.

    Args:
        data: the whole file (non-empty).
        filename: used only to word messages (a ``.json`` name makes broken JSON
            a corrupt file rather than text).
        label: how messages refer to the file.
        declared: a charset named outside the bytes (an HTTP header); a BOM wins.

    Raises:
        UnsupportedTypeError: an image, executable, archive, spreadsheet or other
            binary, named in the message.
        CorruptFileError: a damaged ZIP container, or broken JSON.
        DecodeError: text in no encoding we accept.
    """
    if b"%PDF-" in data[:1024]:
        return Detection("pdf")
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return Detection(_describe_zip(data, label))
    for magic, offset, what, hint in _MAGIC:
        if data[offset:offset + len(magic)] == magic and (magic != b"WEBP" or data[:4] == b"RIFF"):
            raise UnsupportedTypeError(f"{label} is {what}, not a document infraprep reads.", hint)
    if data.startswith(b"MZ") and b"\x00" in data[:512]:
        raise UnsupportedTypeError(f"{label} is a Windows executable, not a document.")
    if bom_encoding(data) is None and b"\x00" in data[:8192]:
        declared = utf16_without_bom(data)
        if declared is None:
            raise UnsupportedTypeError(f"{label} is binary data, not a text document.")
    if declared is None and (meta := _META_CHARSET.search(data[:4096])) is not None:
        declared = meta.group(1).decode("ascii")
    text = decode_text(data, declared, label)
    if (found := _classify_json(text, label, filename)) is not None:
        return found
    if _is_html(text):
        return Detection("html", text)
    return Detection("text", text)

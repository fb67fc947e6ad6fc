"""Type detection by content, size and emptiness checks, and the refusal of what we cannot read."""

from __future__ import annotations

import json
import struct
import zlib
from collections.abc import Callable

import pytest

from infraprep.errors import (
    CorruptFileError,
    EmptyInputError,
    InputTooLargeError,
    UnsupportedTypeError,
)
from infraprep.ingest import read_document
from infraprep.ingest.detect import detect


def _png() -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(
            ">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff")) + chunk(b"IEND", b""))


def test_ingest_detect_by_content_not_extension(pdf_cv: bytes, docx_bytes: bytes) -> None:
    assert detect(pdf_cv, "cv.txt").kind == "pdf"
    assert detect(docx_bytes, "cv.pdf").kind == "docx"
    assert detect(b"<!DOCTYPE html><html><body><p>Hi</p></body></html>", "x.md").kind == "html"
    assert detect(b"Just a CV in plain text\nSRE", "cv.pdf").kind == "text"


def test_ingest_detect_pdf_with_junk_before_header(pdf_cv: bytes) -> None:
    assert detect(b"\r\n\r\n" + pdf_cv).kind == "pdf"


def test_ingest_detect_json_resume_and_plain_json(json_resume: bytes) -> None:
    assert detect(json_resume).kind == "json_resume"
    assert detect(b'{"work": []}').kind == "json_resume"
    with pytest.raises(UnsupportedTypeError) as info:
        read_document(json.dumps({"name": "x", "items": [1, 2]}).encode(), "data.json")
    assert "not a JSON Resume" in info.value.message and info.value.exit_code == 13


def test_ingest_detect_invalid_json_is_corrupt() -> None:
    with pytest.raises(CorruptFileError) as info:
        read_document(b'{"basics": {"name": "Jo",}', "resume.json")
    assert info.value.exit_code == 14
    assert "not valid JSON" in info.value.message and "line 1" in info.value.message


def test_ingest_detect_html_by_many_tags_without_doctype() -> None:
    page = "".join(f"<div><p>Item {n}</p><span>x</span></div>" for n in range(6))
    assert detect(page.encode()).kind == "html"


def test_ingest_detect_markdown_with_a_few_tags_stays_text() -> None:
    assert detect(b"# CV\n\nLine one<br>\n- item\n").kind == "text"


def test_ingest_png_refused_naming_the_type() -> None:
    with pytest.raises(UnsupportedTypeError) as info:
        read_document(_png(), "cv.pdf")
    err = info.value
    assert err.exit_code == 13 and err.http_status == 415
    assert "PNG image" in err.message and "'cv.pdf'" in err.message
    assert "OCR" in err.hint


@pytest.mark.parametrize(("data", "what"), [
    (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 50, "JPEG image"),
    (b"GIF89a\x01\x00\x01\x00" + b"\x00" * 20, "GIF image"),
    (b"RIFF\x24\x00\x00\x00WEBPVP8 " + b"\x00" * 20, "WebP image"),
    (b"\x7fELF\x02\x01\x01" + b"\x00" * 60, "ELF executable"),
    (b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 60, "Windows executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 60, "legacy Microsoft Office"),
    (b"{\\rtf1\\ansi Hello}", "RTF document"),
    (b"\x1f\x8b\x08\x00" + b"\x00" * 20, "gzip archive"),
    (bytes(range(256)) * 4, "binary data"),
])
def test_ingest_binary_types_refused(data: bytes, what: str) -> None:
    with pytest.raises(UnsupportedTypeError) as info:
        read_document(data, "upload")
    assert info.value.exit_code == 13
    assert what in info.value.message and "'upload'" in info.value.message


def test_ingest_xlsx_like_zip_refused_as_spreadsheet(
    make_zip: Callable[[dict[str, bytes]], bytes],
) -> None:
    data = make_zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"})
    with pytest.raises(UnsupportedTypeError) as info:
        read_document(data, "skills.xlsx")
    assert "Excel spreadsheet" in info.value.message and info.value.exit_code == 13


def test_ingest_odt_zip_refused_with_a_save_as_hint(
    make_zip: Callable[[dict[str, bytes]], bytes],
) -> None:
    data = make_zip({"mimetype": b"application/vnd.oasis.opendocument.text",
                     "content.xml": b"<office/>"})
    with pytest.raises(UnsupportedTypeError) as info:
        read_document(data)
    assert "OpenDocument text" in info.value.message and "DOCX" in info.value.hint
    assert info.value.exit_code == 13


def test_ingest_plain_zip_refused(make_zip: Callable[[dict[str, bytes]], bytes]) -> None:
    with pytest.raises(UnsupportedTypeError, match="ZIP archive") as info:
        read_document(make_zip({"notes.txt": b"hello"}))
    assert info.value.exit_code == 13


def test_ingest_empty_file_refused() -> None:
    with pytest.raises(EmptyInputError) as info:
        read_document(b"", "cv.pdf")
    assert info.value.exit_code == 11 and "empty" in info.value.message


def test_ingest_whitespace_only_refused() -> None:
    with pytest.raises(EmptyInputError, match="whitespace") as info:
        read_document(b"  \n\t\r\n ")
    assert info.value.exit_code == 11


def test_ingest_no_text_after_extraction_refused() -> None:
    with pytest.raises(EmptyInputError) as info:
        read_document(b"<html><body><script>x()</script></body></html>", "page.html")
    assert "no text" in info.value.message and info.value.exit_code == 11


def test_ingest_eleven_megabytes_refused_before_parsing() -> None:
    data = b"%PDF-1.7\n" + b"x" * (11 * 1024 * 1024)  # would be a corrupt PDF if parsed
    with pytest.raises(InputTooLargeError) as info:
        read_document(data, "huge.pdf")
    err = info.value
    assert err.exit_code == 12 and err.http_status == 413
    assert "11.0 MB" in err.message and "10.0 MB" in err.message


def test_ingest_size_cap_is_configurable() -> None:
    with pytest.raises(InputTooLargeError):
        read_document(b"Some CV text", max_bytes=5)
    assert read_document(b"Some CV text", max_bytes=12).text == "Some CV text"


def test_ingest_zip_bomb_refused(
    make_zip: Callable[[dict[str, bytes]], bytes], monkeypatch: pytest.MonkeyPatch,
) -> None:
    from infraprep.ingest import detect as detect_module

    monkeypatch.setattr(detect_module, "MAX_UNZIPPED_BYTES", 10_000)
    data = make_zip({"word/document.xml": b"<w:document/>" + b" " * 20_000})
    with pytest.raises(InputTooLargeError, match="unpack") as info:
        read_document(data, "bomb.docx")
    assert info.value.exit_code == 12

"""DOCX: body order with tables, kinds from styles, headers, text boxes and damaged files."""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest

from infraprep.errors import CorruptFileError
from infraprep.ingest import read_document


def test_ingest_docx_blocks_in_body_order(docx_bytes: bytes) -> None:
    doc = read_document(docx_bytes, "cv.docx")
    assert doc.source_type == "docx"
    texts = [b.text for b in doc.blocks]
    order = ["Riley Chen", "Experience", "Migrated 120 services to Kubernetes on EKS",
             "Skills", "Cloud | AWS, GCP", "IaC | Terraform, Pulumi", "Education",
             "MSc Distributed Systems, TU Delft, 2017"]
    assert [texts.index(t) for t in order] == sorted(texts.index(t) for t in order)


def test_ingest_docx_kinds_from_styles(docx_bytes: bytes) -> None:
    kinds = {b.text: b.kind for b in read_document(docx_bytes).blocks}
    assert kinds["Riley Chen"] == "heading", "Title style"
    assert kinds["Experience"] == "heading", "Heading 1"
    assert kinds["Skills"] == "heading", "short bold paragraph"
    assert kinds["Introduced Terraform and cut provisioning from days to minutes"] == "list_item"
    assert kinds["Cloud | AWS, GCP"] == "table_row"
    assert kinds["Cloud Infrastructure Engineer"] == "paragraph"


def test_ingest_docx_tabs_separate_title_and_dates(docx_bytes: bytes) -> None:
    assert "Senior DevOps Engineer | Initech | 2018-05 – Present" in read_document(
        docx_bytes).lines


def test_ingest_docx_header_text_first(docx_bytes: bytes) -> None:
    assert read_document(docx_bytes).lines[0] == "Riley Chen — CV"


def test_ingest_docx_numbered_paragraph_and_manual_bullet_are_list_items() -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("Scaled Kafka to 2M msg/s", style="List Number")
    document.add_paragraph("•\tWrote the SLO policy")
    buf = io.BytesIO()
    document.save(buf)
    blocks = read_document(buf.getvalue()).blocks
    assert [(b.kind, b.text) for b in blocks] == [
        ("list_item", "Scaled Kafka to 2M msg/s"), ("list_item", "Wrote the SLO policy")]


def test_ingest_docx_layout_table_read_cell_by_cell() -> None:
    import docx

    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    left, right = table.cell(0, 0), table.cell(0, 1)
    left.text = "Skills"
    for skill in ("Go", "Rust", "Terraform", "Vault"):
        left.add_paragraph(skill)
    right.text = "Experience"
    right.add_paragraph("Lead SRE at Globex, 2019 – 2024", style="List Bullet")
    buf = io.BytesIO()
    document.save(buf)
    blocks = read_document(buf.getvalue()).blocks
    assert [b.text for b in blocks] == [
        "Skills", "Go", "Rust", "Terraform", "Vault", "Experience",
        "Lead SRE at Globex, 2019 – 2024"]
    assert blocks[-1].kind == "list_item"
    assert not any(b.kind == "table_row" for b in blocks)


def test_ingest_docx_text_box_read_once() -> None:
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    paragraph = document.add_paragraph("Body text")
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    box = (f'<w:r xmlns:w="{w}" xmlns:mc="{mc}"><mc:AlternateContent>'
           f"<mc:Choice><w:drawing><w:txbxContent><w:p><w:r><w:t>Contact: ada@example.com"
           f"</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice>"
           f"<mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>Contact: ada@example.com"
           f"</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback>"
           f"</mc:AlternateContent></w:r>")
    paragraph._p.append(parse_xml(box))
    buf = io.BytesIO()
    document.save(buf)
    assert read_document(buf.getvalue()).lines == ["Body text", "Contact: ada@example.com"]


def test_ingest_docx_corrupt_zip_member(make_zip: Callable[[dict[str, bytes]], bytes]) -> None:
    data = make_zip({"[Content_Types].xml": b"<garbage", "word/document.xml": b"\x00\x01garbage"})
    with pytest.raises(CorruptFileError) as info:
        read_document(data, "cv.docx")
    err = info.value
    assert err.exit_code == 14 and "'cv.docx'" in err.message
    assert "damaged" in err.message or "not a complete Word package" in err.message
    assert err.__cause__ is not None


def test_ingest_docx_truncated_archive(docx_bytes: bytes) -> None:
    with pytest.raises(CorruptFileError) as info:
        read_document(docx_bytes[: len(docx_bytes) // 2], "cv.docx")
    assert "ZIP" in info.value.message and "damaged" in info.value.message
    assert info.value.exit_code == 14


def test_ingest_docx_bad_document_xml(docx_bytes: bytes,
                                      make_zip: Callable[[dict[str, bytes]], bytes]) -> None:
    import zipfile

    with zipfile.ZipFile(io.BytesIO(docx_bytes)) as archive:
        members = {n: archive.read(n) for n in archive.namelist()}
    members["word/document.xml"] = b"<w:document><w:body><w:p>unclosed"
    with pytest.raises(CorruptFileError, match="damaged") as info:
        read_document(make_zip(members), "cv.docx")
    assert info.value.exit_code == 14 and info.value.__cause__ is not None

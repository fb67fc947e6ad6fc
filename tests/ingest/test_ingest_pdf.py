"""PDF reading: reading order, kinds, normalisation and every way a PDF can be unusable."""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest

from infraprep.errors import (
    CorruptFileError,
    EncryptedPdfError,
    InputTooLargeError,
    ScannedPdfError,
)
from infraprep.ingest import read_document
from infraprep.ingest.pdf import read_pdf


def _texts(doc, kind=None):  # type: ignore[no-untyped-def]
    return [b.text for b in doc.blocks if kind is None or b.kind == kind]


def test_ingest_pdf_single_column_blocks_in_order(pdf_cv: bytes) -> None:
    doc = read_document(pdf_cv, "cv.pdf")
    assert doc.source_type == "pdf"
    assert doc.pages == 2
    texts = _texts(doc)
    assert texts[0] == "Jordan Avery"
    order = ["EXPERIENCE", "Senior SRE — Acme Payments", "2019-03 – Present",
             "Platform Engineer — Globex", "EDUCATION"]
    assert [texts.index(t) for t in order] == sorted(texts.index(t) for t in order)


def test_ingest_pdf_headings_from_size_and_bold(pdf_cv: bytes) -> None:
    doc = read_document(pdf_cv)
    by_text = {b.text: b for b in doc.blocks}
    name = by_text["Jordan Avery"]
    assert name.kind == "heading" and name.bold and name.size > 2
    assert by_text["EXPERIENCE"].kind == "heading" and by_text["EXPERIENCE"].size > 1.2
    assert by_text["2019-03 – Present"].kind == "paragraph"
    assert by_text["2019-03 – Present"].size == 1.0
    assert by_text["EDUCATION"].page == 2


def test_ingest_pdf_bullets_become_list_items_without_glyphs(pdf_cv: bytes) -> None:
    items = _texts(read_document(pdf_cv), "list_item")
    # The first bullet is drawn in a standard font, which pdfminer reports as "(cid:127)".
    assert items[0] == "Ran Kubernetes for 200 services with 99.99% availability"
    assert all(not t.startswith(("•", "(cid")) for t in items)
    assert len(items) == 5


def test_ingest_pdf_wrapped_bullet_is_one_item_with_hyphenation_fixed(pdf_cv: bytes) -> None:
    items = _texts(read_document(pdf_cv), "list_item")
    assert ("Designed an event-driven alerting pipeline on Kafka and Prometheus that "
            "replaced three legacy monitoring stacks") in items
    assert "Made the incident process cooperative across four time zones" in items


def test_ingest_pdf_ligatures_and_non_breaking_spaces_normalised(pdf_cv: bytes) -> None:
    text = read_document(pdf_cv).text
    assert "first-response" in text
    assert "ﬁ" not in text and "\u00a0" not in text and "\u00ad" not in text
    assert "Node.js 18" in text


def test_ingest_pdf_page_numbers_dropped(pdf_cv: bytes) -> None:
    assert not any(line.strip() in {"1", "2"} for line in read_document(pdf_cv).lines)


def test_ingest_pdf_two_columns_come_out_column_by_column(
    pdf_two_columns: bytes, two_column_expected: tuple[list[str], list[str]],
) -> None:
    sidebar, bullets = two_column_expected
    doc = read_document(pdf_two_columns, "two-column.pdf")
    texts = _texts(doc)
    items = _texts(doc, "list_item")
    assert items == bullets, "experience bullets whole and in order"
    positions = [texts.index(b) for b in bullets]
    sidebar_positions = [texts.index(s) for s in sidebar]
    # No sidebar line sits between the first and the last experience bullet ...
    assert not any(positions[0] < p < positions[-1] for p in sidebar_positions)
    # ... and the sidebar itself is in its own order, in one run.
    assert sidebar_positions == sorted(sidebar_positions)
    assert sidebar_positions[-1] - sidebar_positions[0] == len(sidebar) - 1


def test_ingest_pdf_dates_in_a_gutter_follow_their_title(pdf_two_columns: bytes) -> None:
    lines = read_document(pdf_two_columns).lines
    title = lines.index("Staff SRE — Northwind Cloud")
    assert lines[title + 1] == "2020-01 – Present"


def test_ingest_pdf_encrypted_with_user_password_refused(make_pdf: Callable[..., bytes]) -> None:
    data = make_pdf(encrypt="s3cret")
    with pytest.raises(EncryptedPdfError) as info:
        read_document(data, "locked.pdf")
    err = info.value
    assert err.exit_code == 15
    assert "password" in err.message and "locked.pdf" in err.message
    assert err.__cause__ is not None, "chained to pdfminer's exception"


def test_ingest_pdf_owner_password_only_is_still_read(make_pdf: Callable[..., bytes]) -> None:
    from reportlab.lib.pdfencrypt import StandardEncryption

    data = make_pdf(encrypt=StandardEncryption("", ownerPassword="owner", canCopy=0))
    doc = read_document(data, "restricted.pdf")
    assert "Jordan Avery" in doc.text


def test_ingest_pdf_image_only_is_a_scan(pdf_image_only: bytes) -> None:
    with pytest.raises(ScannedPdfError) as info:
        read_document(pdf_image_only, "scan.pdf")
    assert info.value.exit_code == 16
    assert "no text layer" in info.value.message and "scan.pdf" in info.value.message


@pytest.mark.parametrize("cut", [0.5, 0.9])
def test_ingest_pdf_truncated_file_is_corrupt(pdf_cv: bytes, cut: float) -> None:
    with pytest.raises(CorruptFileError) as info:
        read_document(pdf_cv[: int(len(pdf_cv) * cut)], "cut.pdf")
    assert info.value.exit_code == 14
    assert "damaged" in info.value.message or "incomplete" in info.value.message


def test_ingest_pdf_garbage_after_header_is_corrupt() -> None:
    with pytest.raises(CorruptFileError) as info:
        read_document(b"%PDF-1.7\n" + bytes(range(1, 256)) * 40, "junk.pdf")
    assert info.value.exit_code == 14 and "'junk.pdf'" in info.value.message


def test_ingest_pdf_page_cap() -> None:
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    for n in range(5):
        c.drawString(72, 720, f"Page {n} of a very long document with text on it")
        c.showPage()
    c.save()
    with pytest.raises(InputTooLargeError) as info:
        read_pdf(buf.getvalue(), "'long.pdf'", max_pages=3)
    assert info.value.exit_code == 12 and "5 pages" in info.value.message

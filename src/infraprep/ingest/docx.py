"""Word (DOCX): paragraphs and tables in body order, with headings and bullets from styles.

python-docx lists paragraphs and tables separately, which loses their order;
the body XML is walked instead, so a table of skills stays between the
sections it sat between. Word marks structure in styles ("Heading 1", "List
Bullet") and numbering properties rather than in the text, so kinds come from
there. Tables used only to lay a page out (a sidebar in one cell, the CV in the
other) are read cell by cell as ordinary content; small data tables become
table rows.
"""

from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING, Any

from infraprep.errors import CorruptFileError, InfraprepError, UnsupportedTypeError
from infraprep.ingest.normalize import clean_line
from infraprep.ingest.pdf_layout import split_bullet
from infraprep.models import BlockKind, Document, TextBlock

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.text.paragraph import Paragraph

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_HEADING_STYLE = re.compile(r"^(?:heading\s*\d|title)$|heading", re.I)
# A cell holding more than this is page layout, not data.
_LAYOUT_CELL_CHARS = 200
_LAYOUT_CELL_PARAGRAPHS = 3


def _style_chain(style: Any) -> list[Any]:
    chain: list[Any] = []
    while style is not None and len(chain) < 10:
        chain.append(style)
        style = style.base_style
    return chain


def _has_numbering(paragraph: Paragraph) -> bool:
    ppr = paragraph._p.pPr
    if ppr is not None and ppr.numPr is not None:
        return True
    for style in _style_chain(paragraph.style):
        spp = style.element.pPr
        if spp is not None and spp.numPr is not None:
            return True
    return False


def _outline_level(paragraph: Paragraph) -> bool:
    ppr = paragraph._p.pPr
    return ppr is not None and ppr.find(f"{_W}outlineLvl") is not None


def _is_bold(paragraph: Paragraph) -> bool:
    """All visible text is bold, directly or through the paragraph's style."""
    style_bold = any(s.font.bold for s in _style_chain(paragraph.style))
    runs = [r for r in paragraph.runs if r.text.strip()]
    if not runs:
        return False
    return all(r.bold or (r.bold is None and (style_bold or bool(
        r.style is not None and r.style.font.bold))) for r in runs)


class _Walker:
    """Collects blocks from a document's headers, body, tables and text boxes."""

    def __init__(self, document: DocxDocument) -> None:
        self.document = document
        self.blocks: list[TextBlock] = []

    def run(self) -> list[TextBlock]:
        for section in self.document.sections:
            header = section.header
            # A linked header has no part of its own; touching it would create one.
            if not header.is_linked_to_previous:
                self.container(header._element, header)
        self.container(self.document.element.body, self.document._body)
        return self.blocks

    def add(self, text: str, kind: BlockKind, bold: bool = False, level: int = 0) -> None:
        if text:
            self.blocks.append(TextBlock(text=text, kind=kind, bold=bold, level=level))

    def container(self, element: Any, parent: Any) -> None:
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        for child in element.iterchildren():
            if child.tag == f"{_W}p":
                self.paragraph(Paragraph(child, parent))
            elif child.tag == f"{_W}tbl":
                self.table(Table(child, parent))
            elif child.tag == f"{_W}sdt":
                content = child.find(f"{_W}sdtContent")
                if content is not None:
                    self.container(content, parent)
            elif child.tag in (f"{_W}customXml", f"{_W}ins", f"{_W}smartTag"):
                self.container(child, parent)

    def paragraph(self, paragraph: Paragraph) -> None:
        glyph, raw = split_bullet(paragraph.text.strip())
        # Tabs inside a line usually separate a title from its dates.
        text = clean_line(re.sub(r"\s*\t[\s\t]*", " | ", raw.strip()))
        style = (paragraph.style.name if paragraph.style is not None else "") or ""
        if glyph or _has_numbering(paragraph) or "list" in style.lower():
            self.add(text, "list_item")
        elif _HEADING_STYLE.search(style) or _outline_level(paragraph) or (
                len(text.split()) <= 8 and len(text) <= 80
                and not text.endswith((".", ",", ";")) and _is_bold(paragraph)):
            depth = re.search(r"heading\s*(\d)", style, re.I)
            self.add(text, "heading", bold=True, level=int(depth.group(1)) if depth else 0)
        else:
            self.add(text, "paragraph")
        self.text_boxes(paragraph)

    def text_boxes(self, paragraph: Paragraph) -> None:
        """Text boxes anchored in the paragraph, once each.

        Word writes each box twice (a DrawingML version and a VML fallback);
        the fallback copy is skipped.
        """
        for box in paragraph._p.iter(f"{_W}txbxContent"):
            ancestors = list(box.iterancestors())
            if any(a.tag == _MC_FALLBACK for a in ancestors) or any(
                    a.tag == f"{_W}txbxContent" for a in ancestors):
                continue
            self.container(box, paragraph._parent)

    def table(self, table: Any) -> None:
        rows = []
        for row in table.rows:
            seen: set[int] = set()
            cells = []
            for cell in row.cells:
                if id(cell._tc) not in seen:
                    seen.add(id(cell._tc))
                    cells.append(cell)
            rows.append(cells)
        layout = any(
            len(cell.text) > _LAYOUT_CELL_CHARS
            or sum(1 for p in cell.paragraphs if p.text.strip()) > _LAYOUT_CELL_PARAGRAPHS
            or cell._tc.find(f"{_W}tbl") is not None
            for cells in rows for cell in cells
        )
        for cells in rows:
            if layout:
                for cell in cells:
                    self.container(cell._tc, cell)
                continue
            texts = [clean_line(" / ".join(p.text for p in cell.paragraphs if p.text.strip()))
                     for cell in cells]
            self.add(" | ".join(t for t in texts if t), "table_row")


def read_docx(data: bytes, label: str = "The DOCX file") -> Document:
    """Extract a Word document's text as blocks in body order.

    Raises:
        CorruptFileError: the ZIP or its XML is damaged, or parts are missing.
        UnsupportedTypeError: a Word package that is not a document (a template
            or macro-enabled file python-docx refuses).
    """
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except ValueError as exc:
        if "is not a Word file" in str(exc):
            raise UnsupportedTypeError(
                f"{label} is a Word package but not a plain .docx document ({exc}).",
                "Save it as a regular Word document (.docx) or PDF.",
            ) from exc
        raise CorruptFileError(f"{label} is damaged and cannot be read: {exc}.") from exc
    except PackageNotFoundError as exc:
        raise CorruptFileError(f"{label} is not a complete Word package.") from exc
    except Exception as exc:  # BadZipFile, KeyError for a missing part, lxml syntax errors
        raise CorruptFileError(f"{label} is damaged and cannot be read: "
                               f"{str(exc)[:120] or type(exc).__name__}.") from exc
    try:
        blocks = _Walker(document).run()
    except InfraprepError:
        raise
    except Exception as exc:  # malformed XML surfaces as anything from lxml/python-docx
        raise CorruptFileError(f"{label} has damaged content: "
                               f"{str(exc)[:120] or type(exc).__name__}.") from exc
    return Document(source_type="docx", blocks=tuple(blocks))

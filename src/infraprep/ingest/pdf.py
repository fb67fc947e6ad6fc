"""PDF: text lines with position and font from pdfminer, then blocks in reading order.

pdfminer with ``LAParams(boxes_flow=1.0)`` was the one extractor measured to
keep the columns of a two-column CV apart (see shared/notes/dependencies.md):
it groups text into boxes by proximity before ordering them, so a sidebar
stays a sidebar. Every pdfminer failure is translated here into our error tree,
chained to the original, because a malformed upload must never show a user a
pdfminer traceback.
"""

from __future__ import annotations

import io
import logging
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from infraprep.errors import (
    CorruptFileError,
    EmptyInputError,
    EncryptedPdfError,
    InfraprepError,
    InputTooLargeError,
    ScannedPdfError,
)
from infraprep.ingest.normalize import normalize_text
from infraprep.ingest.pdf_layout import PdfLine, build_blocks, split_bullet
from infraprep.models import Document

if TYPE_CHECKING:
    from pdfminer.layout import LTPage, LTTextLine

MAX_PAGES = 30
# Fewer characters than this over the whole file means there is no text layer.
MIN_TEXT_CHARS = 20

# Fonts whose glyphs are pictures (phone, envelope, GitHub logo). Their
# characters map to arbitrary letters ("#" for an envelope), so they are dropped.
_ICON_FONT = re.compile(r"fontawesome|wingding|webdings|dingbat|icomoon|materialicons|"
                        r"glyphicons|ionicons|feather|lucide", re.I)
_BOLD_FONT = re.compile(r"bold|black|heavy|semibold|demi|cmbx|cmssbx|[-,]bd?$|\.b$", re.I)
_PAGE_NUMBER = re.compile(r"^(?:page\s*)?\d{1,3}(?:\s*(?:/|of)\s*\d{1,3})?$", re.I)


@dataclass
class _Page:
    number: int
    width: float
    height: float
    lines: list[PdfLine] = field(default_factory=list)
    marks: list[PdfLine] = field(default_factory=list)  # drawn bullets
    has_images: bool = False


def _quiet_pdfminer() -> None:
    """Keep pdfminer's warnings about odd files off the user's terminal.

    Without a handler of its own, Python prints a library's warnings through
    its last-resort handler; a NullHandler stops that, while an application
    that configures logging still receives them.
    """
    logger = logging.getLogger("pdfminer")
    if not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
        logger.addHandler(logging.NullHandler())


def _line(line: LTTextLine, page: int, box: int) -> PdfLine | None:
    """One pdfminer text line as a ``PdfLine``; icon glyphs dropped, glyph bullets noted."""
    from pdfminer.layout import LTChar

    parts: list[str] = []
    sizes: list[float] = []
    bold = 0
    letters = 0
    text_x0: float | None = None
    for item in line:
        if not isinstance(item, LTChar):
            parts.append(item.get_text())
            continue
        char = item.get_text()
        if _ICON_FONT.search(item.fontname):
            continue
        if len(char) == 1 and 0xE000 <= ord(char) <= 0xF8FF:
            # Private-use glyph from a Symbol-type font: a bullet at the start of a
            # line, noise anywhere else.
            if not "".join(parts).strip():
                parts.append("•")
            continue
        parts.append(char)
        if char.strip():
            sizes.append(item.size)
            if char.isalnum():
                letters += 1
                bold += bool(_BOLD_FONT.search(item.fontname))
                if text_x0 is None:
                    text_x0 = item.x0
    joined = "".join(parts).rstrip()
    raw = normalize_text(joined).replace("\n", " ")
    bullet, text = split_bullet(raw)
    text = re.sub(r"\(cid:\d+\)", "", text)
    text = re.sub(r"\s+", " ", text).strip()
    if joined.endswith("\u00ad"):
        text += "\u00ad"  # kept so the wrap join glues the word back together
    if not sizes:
        return None
    sizes.sort()
    return PdfLine(
        page=page, box=box, x0=line.x0, x1=line.x1, top=line.y1, bottom=line.y0, text=text,
        text_x0=text_x0 if text_x0 is not None else line.x0, size=sizes[len(sizes) // 2],
        bold=letters > 0 and bold / letters >= 0.8, bullet=bullet,
        chars=sum(1 for ch in text if not ch.isspace()),
    )


def _has_image(item: Any) -> bool:
    """A picture, or a drawn shape thicker than a rule (thin lines are decoration)."""
    from pdfminer.layout import LTCurve, LTFigure, LTImage

    if isinstance(item, LTImage | LTFigure):
        return True
    return isinstance(item, LTCurve) and min(item.width, item.height) >= 3


def _page(layout: LTPage, number: int, box_base: int) -> _Page:
    from pdfminer.layout import LTTextBox, LTTextLine

    page = _Page(number, layout.width, layout.height)
    for n, item in enumerate(layout):
        if isinstance(item, LTTextBox):
            for text_line in item:
                if isinstance(text_line, LTTextLine) and (
                        pdf_line := _line(text_line, number, box_base + n)) is not None:
                    page.lines.append(pdf_line)
        elif _has_image(item):
            page.has_images = True
            if 1 <= item.width <= 8 and 1 <= item.height <= 8:
                page.marks.append(PdfLine(
                    page=number, box=-1, x0=item.x0, x1=item.x1, top=item.y1, bottom=item.y0,
                    text="", text_x0=item.x1, size=item.height, bold=False, bullet=True,
                ))
    margin = 0.13 * page.height
    page.lines = [
        ln for ln in page.lines
        if not (_PAGE_NUMBER.match(ln.text)
                and (ln.top > page.height - margin or ln.bottom < margin))
    ]
    return page


def _drop_running_headers(pages: list[_Page]) -> None:
    """Remove header/footer lines repeated on every page after their first appearance."""
    if len(pages) < 2:
        return
    seen: set[str] = set()
    for page in pages:
        margin = 0.07 * page.height
        kept: list[PdfLine] = []
        for ln in page.lines:
            in_margin = ln.top > page.height - margin or ln.bottom < margin
            key = re.sub(r"\d+", "#", ln.text.lower())
            if in_margin and key in seen:
                continue
            if in_margin:
                seen.add(key)
            kept.append(ln)
        page.lines = kept


def _declared_pages(document: Any) -> int:
    """The page count the page tree declares (0 if unreadable), to refuse long files early."""
    from pdfminer.pdftypes import resolve1

    try:
        count = resolve1(resolve1(document.catalog.get("Pages")).get("Count"))
        return count if isinstance(count, int) else 0
    except Exception:  # a broken tree is caught, with a better message, when pages are read
        return 0


def _short(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text if len(text) < 120 else text[:117] + "..."


def _extract(data: bytes, label: str, max_pages: int) -> list[_Page]:
    _quiet_pdfminer()
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LAParams
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    try:
        # An owner password alone (printing/copying restrictions) opens with the
        # empty user password; pdfminer then extracts the text regardless.
        document = PDFDocument(PDFParser(io.BytesIO(data)), password="")
        if _declared_pages(document) > max_pages:
            raise InputTooLargeError(
                f"{label} has {_declared_pages(document)} pages; a CV or job description "
                f"should be far shorter (the limit is {max_pages}).",
            )
        manager = PDFResourceManager(caching=True)
        device = PDFPageAggregator(manager, laparams=LAParams(boxes_flow=1.0))
        interpreter = PDFPageInterpreter(manager, device)
        pages: list[_Page] = []
        box_base = 0
        for number, page in enumerate(PDFPage.create_pages(document), start=1):
            if number > max_pages:
                raise InputTooLargeError(
                    f"{label} has more than {max_pages} pages; a CV or job description "
                    "should be far shorter.",
                )
            interpreter.process_page(page)
            layout = device.get_result()
            pages.append(_page(layout, number, box_base))
            box_base += len(layout._objs) + 1
    except InfraprepError:
        raise
    except PDFPasswordIncorrect as exc:
        raise EncryptedPdfError(f"{label} is password-protected.") from exc
    except PDFEncryptionError as exc:
        raise EncryptedPdfError(
            f"{label} is encrypted and cannot be opened ({_short(exc)}).",
        ) from exc
    except RecursionError as exc:
        raise CorruptFileError(f"{label} is damaged: its structure loops on itself.") from exc
    except Exception as exc:  # pdfminer raises anything from KeyError to struct.error
        raise CorruptFileError(f"{label} is damaged and cannot be read: {_short(exc)}.") from exc
    if not pages:
        raise CorruptFileError(f"{label} is damaged or incomplete: no pages could be read.")
    return pages


def read_pdf(data: bytes, label: str = "The PDF", *, max_pages: int = MAX_PAGES) -> Document:
    """Extract a PDF's text as blocks in reading order.

    Args:
        data: the PDF bytes.
        label: how messages refer to the file.
        max_pages: refuse longer files before laying out more pages.

    Raises:
        EncryptedPdfError: a user password is needed to open the file.
        ScannedPdfError: pages with (almost) no text but pictures: a scan.
        EmptyInputError: pages with no text and nothing drawn.
        InputTooLargeError: more than ``max_pages`` pages.
        CorruptFileError: anything else pdfminer could not read.
    """
    pages = _extract(data, label, max_pages)
    _drop_running_headers(pages)
    lines = [ln for page in pages for ln in page.lines if ln.text or ln.bullet]
    if sum(ln.chars for ln in lines) < MIN_TEXT_CHARS:
        if any(page.has_images for page in pages) or lines:
            raise ScannedPdfError(
                f"{label} has {len(pages)} page{'s' if len(pages) != 1 else ''} but no text "
                "layer: it looks like a scanned or image-only PDF.",
            )
        raise EmptyInputError(f"{label} has no text: its pages are blank.")
    blocks = build_blocks(lines + [m for page in pages for m in page.marks])
    if not blocks:
        raise EmptyInputError(f"{label} has no text.")
    return Document(source_type="pdf", blocks=tuple(blocks), pages=len(pages))

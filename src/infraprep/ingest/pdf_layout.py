"""From positioned PDF lines to blocks: headings, list items, paragraphs, in reading order.

A PDF has no paragraphs or bullets, only glyphs at coordinates. What a reader
sees as structure is geometry: a heading is larger or bold, a bullet is a glyph
or an indent, a wrapped line runs to the column's right edge, a position's
dates sit in a gutter beside its title. This module turns that geometry back
into structure. It knows nothing of pdfminer, so it can be tested with lines
built by hand.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, replace

from infraprep.ingest.normalize import BULLET_GLYPHS, join_wrapped, vocabulary_of
from infraprep.models import BlockKind, TextBlock

_BULLET = re.compile(rf"^\s*(?:[{BULLET_GLYPHS}]|\(cid:\d+\)|[-–—*](?=\s))\s*")
_DATE_TOKEN = re.compile(
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|(?:19|20)\d\d|\d{1,2}|"
    r"present|current|now|today|to|[-–—/.,]", re.I,
)
_YEAR_OR_PRESENT = re.compile(r"(?:19|20)\d\d|present|current|now", re.I)
# Indents smaller than this are alignment noise; larger ones are another column.
_MIN_INDENT, _MAX_INDENT = 4.0, 40.0


@dataclass(frozen=True)
class PdfLine:
    """One line of text on a page, with the geometry and font that give it meaning.

    Coordinates are PDF points with y growing upwards, so ``top > bottom``.
    """

    page: int
    box: int  # pdfminer text box, unique across pages
    x0: float
    x1: float
    top: float
    bottom: float
    text: str  # bullet glyph removed
    text_x0: float  # where the text starts after a bullet glyph
    size: float  # median glyph size in points
    bold: bool
    bullet: bool = False
    chars: int = 0

    @property
    def height(self) -> float:
        return max(self.top - self.bottom, 1.0)


def split_bullet(text: str) -> tuple[bool, str]:
    """(True, rest) when the text starts with a bullet glyph, else (False, text)."""
    match = _BULLET.match(text)
    return (True, text[match.end():]) if match else (False, text)


def _is_date_only(text: str) -> bool:
    rest = _DATE_TOKEN.sub("", text)
    return not rest.strip() and bool(_YEAR_OR_PRESENT.search(text))


def _overlap(a0: float, a1: float, b0: float, b1: float) -> float:
    return min(a1, b1) - max(a0, b0)


def _attach_glyph_bullets(lines: list[PdfLine]) -> list[PdfLine]:
    """A bullet glyph laid out as a line of its own marks the text line beside it."""
    marks: dict[int, list[PdfLine]] = {}
    for ln in lines:
        if ln.bullet and not ln.text:
            marks.setdefault(ln.page, []).append(ln)
    if not marks:
        return lines
    out: list[PdfLine] = []
    for ln in lines:
        if ln.bullet and not ln.text:
            continue
        for mark in marks.get(ln.page, ()):
            if (0 <= ln.x0 - mark.x1 <= 30
                    and _overlap(mark.bottom, mark.top, ln.bottom, ln.top) > 0.4 * ln.height):
                ln = replace(ln, bullet=True)
                break
        out.append(ln)
    return out


def _move_gutter_dates(lines: list[PdfLine]) -> list[PdfLine]:
    """Put dates printed in a left gutter right after the title line they sit beside.

    Designed CVs often print "2019 –/Present" in a narrow column left of each
    position. pdfminer reads that column as boxes of its own, ordered before or
    after the whole experience box, which separates every position from its
    dates. A box counts as a gutter only when it is all dates, so a sidebar of
    skills is never pulled into the main column.
    """
    boxes: dict[int, list[PdfLine]] = {}
    for ln in lines:
        boxes.setdefault(ln.box, []).append(ln)
    moves: dict[int, PdfLine] = {}  # id of the title line -> merged date line to insert
    moved_boxes: set[int] = set()
    for box, members in boxes.items():
        if len(members) > 3 or not all(_is_date_only(m.text) for m in members):
            continue
        first = members[0]
        x1 = max(m.x1 for m in members)
        targets = [
            ln for ln in lines
            if ln.page == first.page and ln.box != box and 0 <= ln.x0 - x1 <= 60
            and _overlap(first.bottom, first.top, ln.bottom, ln.top) > 0.5 * ln.height
            and id(ln) not in moves
        ]
        if not targets:
            continue
        target = min(targets, key=lambda ln: ln.x0 - x1)
        text = " ".join(m.text for m in members)
        moves[id(target)] = replace(
            target, text=text, bullet=False, bold=False, chars=len(text.replace(" ", "")),
            top=target.bottom, bottom=target.bottom - target.height, x1=target.x0 + 5 * len(text),
        )
        moved_boxes.add(box)
    if not moves:
        return lines
    out: list[PdfLine] = []
    for ln in lines:
        if ln.box in moved_boxes:
            continue
        out.append(ln)
        if id(ln) in moves:
            out.append(moves[id(ln)])
    return out


def _follow_baseline_partners(lines: list[PdfLine]) -> list[PdfLine]:
    """Put a short piece printed far right on a line's baseline right after that line.

    LaTeX and Word templates print a place or dates flush right on the line of a
    school, an employer or a title ("University of Strathmore ... Glasgow, UK"), and
    pdfminer may read those right-hand pieces as a box of their own, far from their
    lines: a school's dates then sat under the first job. A piece of at most six
    words, in another box, on the same baseline and right of the line, follows it,
    when both are in one column: some nearby line runs across the gap between them
    (in a two-column page the gutter is never crossed, so a sidebar line keeps no
    partner from the main column), or it ends where such a piece does: a school's
    dates beside short lines set flush right at the same margin as the jobs' dates.
    ``lines`` are one page's.
    """
    partners: dict[int, list[PdfLine]] = {}
    taken: set[int] = set()
    right_edges: list[float] = []  # of the pieces taken: where the page sets flush right
    for crossed in (True, False):
        for ln in lines:
            if id(ln) in taken:
                continue
            for other in lines:
                if (
                    other is not ln
                    and id(other) not in taken
                    and other.box != ln.box
                    and abs(other.bottom - ln.bottom) <= 1.5
                    and other.x0 > ln.x1 + 2 * ln.size
                    and len(other.text.split()) <= 6
                    and (
                        _gap_crossed(ln, other, lines)
                        if crossed
                        else any(abs(other.x1 - edge) <= 1.0 for edge in right_edges)
                    )
                ):
                    partners.setdefault(id(ln), []).append(other)
                    taken.add(id(other))
                    if crossed:
                        right_edges.append(other.x1)
    if not partners:
        return lines
    out: list[PdfLine] = []
    for ln in lines:
        if id(ln) in taken:
            continue
        out.append(ln)
        out.extend(sorted(partners.get(id(ln), ()), key=lambda p: p.x0))
    return out


def _gap_crossed(left: PdfLine, right: PdfLine, lines: list[PdfLine]) -> bool:
    """Whether a line of the page within a few lines of ``left`` runs from its end to
    ``right``."""
    reach = 6 * left.height
    return any(
        o is not left
        and o is not right
        and o.x0 <= left.x1
        and o.x1 >= right.x0
        and abs(o.bottom - left.bottom) <= reach
        for o in lines
    )


def _pages(lines: list[PdfLine]) -> list[list[PdfLine]]:
    """The lines of each page, in order (pdfminer reads page by page)."""
    pages: dict[int, list[PdfLine]] = {}
    for ln in lines:
        pages.setdefault(ln.page, []).append(ln)
    return list(pages.values())


# A side column holds at least this many lines and spans this share of the page's text.
_MIN_COLUMN_LINES, _MIN_COLUMN_SPAN = 4, 0.3


def _page_in_columns(lines: list[PdfLine]) -> list[PdfLine]:
    """Read a page's side column whole, before or after the main one, never between.

    pdfminer orders a two-column page by its text boxes, and a sidebar's boxes
    (skills, languages, education) can land between two jobs of the main column,
    so the jobs after them read as education. A page is split where a vertical
    gutter runs between two columns of lines, each of at least four lines over a
    third of the page's text height; lines above the columns that cross the gutter
    (a name, a headline) are the page's head and come first. Each column keeps
    pdfminer's order within it.
    """
    if len(lines) < 2 * _MIN_COLUMN_LINES:
        return lines
    height = max(ln.top for ln in lines) - min(ln.bottom for ln in lines)
    best: tuple[int, float] | None = None
    labelled = False
    for split in sorted({ln.x0 for ln in lines}):
        left = [ln for ln in lines if ln.x1 <= split]
        right = [ln for ln in lines if ln.x0 >= split]
        crossing = [ln for ln in lines if ln.x0 < split < ln.x1]
        if min(len(left), len(right)) < _MIN_COLUMN_LINES:
            continue
        if any(sum(_is_date_only(ln.text) for ln in c) * 2 >= len(c) for c in (left, right)):
            continue  # right-aligned dates beside short lines: a gutter, not a column
        if _label_gutter(left):
            labelled = True  # Europass: headings, dates and labels flush right beside the text
            continue
        columns_top = max(ln.top for ln in (*left, *right))
        if any(ln.bottom < columns_top - 2 for ln in crossing):
            continue  # a line crosses the gutter below the head: one column after all
        spans = [max(ln.top for ln in c) - min(ln.bottom for ln in c) for c in (left, right)]
        if min(spans) < _MIN_COLUMN_SPAN * height:
            continue
        if best is None or min(len(left), len(right)) > best[0]:
            best = (min(len(left), len(right)), split)
    if best is None and labelled:
        # each label beside what it labels: the page read row by row, top down
        return sorted(lines, key=lambda ln: (-round(ln.top), ln.x0))
    if best is None:
        return lines
    split = best[1]
    head = [ln for ln in lines if ln.x0 < split < ln.x1]
    left = [ln for ln in lines if ln.x1 <= split]
    right = [ln for ln in lines if ln.x0 >= split]
    return [*head, *left, *right]


def _label_gutter(column: list[PdfLine]) -> bool:
    """Whether a left column is short labels all ending at one right edge ("WORK
    EXPERIENCE", "03/2019 – present", "Mother tongue"), each beside what it labels:
    read column by column, every heading of a page would come before its entries.
    A sidebar is set flush left, and its lines end where they end."""
    return (
        all(len(ln.text.split()) <= 4 for ln in column)
        and max(ln.x1 for ln in column) - min(ln.x1 for ln in column) <= 2
    )


def _merge_split_lines(lines: list[PdfLine]) -> list[PdfLine]:
    """Rejoin a line that pdfminer cut in two at a wide (justified) space.

    The right-hand piece comes out as a one-line box of its own, often read
    before the rest of the paragraph. A piece is joined only when it sits on
    the same baseline less than a character's width away, which a column
    gutter never is.
    """
    box_sizes: dict[int, int] = {}
    pieces: dict[int, list[PdfLine]] = {}  # one-line boxes by page: the only candidates
    for ln in lines:
        box_sizes[ln.box] = box_sizes.get(ln.box, 0) + 1
    for ln in lines:
        if box_sizes[ln.box] == 1 and not ln.bullet:
            pieces.setdefault(ln.page, []).append(ln)
    absorbed: set[int] = set()
    out: list[PdfLine] = []
    for ln in lines:
        if id(ln) in absorbed:
            continue
        for other in pieces.get(ln.page, ()):
            if (other is not ln and id(other) not in absorbed and other.box != ln.box
                    and abs(other.bottom - ln.bottom) <= 1.5 and abs(other.size - ln.size) <= 0.5
                    and 0 <= other.x0 - ln.x1 <= ln.size):
                ln = replace(ln, text=f"{ln.text} {other.text}", x1=other.x1,
                             chars=ln.chars + other.chars)
                absorbed.add(id(other))
        out.append(ln)
    return [ln for ln in out if id(ln) not in absorbed]


class _Geometry:
    """Per-page answers to "where is this line's column?"."""

    def __init__(self, lines: list[PdfLine]) -> None:
        self.by_page = {page[0].page: page for page in _pages(lines)}

    def _neighbours(self, line: PdfLine, window: float | None = None) -> list[PdfLine]:
        return [o for o in self.by_page[line.page]
                if _overlap(o.x0, o.x1, line.x0, line.x1) > 0 and o.x0 >= line.x0 - _MAX_INDENT
                and (window is None or _overlap(o.bottom - window, o.top + window,
                                                line.bottom, line.top) > 0)]

    def indent(self, line: PdfLine) -> float:
        """How far right of the nearby lines' left edge the line starts.

        Only lines within a few line heights count, so a summary at the page
        margin does not make every line below it look indented. 0 when the
        line shares its right edge or centre with the edge line: right-aligned
        contact details and centred headers start at ragged x positions.
        """
        base = min(self._neighbours(line, 3 * line.height), key=lambda o: o.x0)
        if abs(base.x1 - line.x1) <= 3 or abs((base.x0 + base.x1) - (line.x0 + line.x1)) <= 6:
            return 0.0
        return line.x0 - base.x0

    def beside_glyph_bullets(self, line: PdfLine) -> bool:
        """Whether bulleted lines a few lines away start where this glyph-less one does.

        "Ashgrove Mutual — Leeds" under a title set further left starts at the bullets'
        glyphs: that list marks its items with glyphs, so this line is none of them.
        """
        reach = 3 * line.height
        return any(
            o.bullet and o is not line and abs(o.x0 - line.x0) <= 2
            and abs(o.bottom - line.bottom) <= reach
            for o in self.by_page[line.page]
        )

    def is_full(self, line: PdfLine, loose: bool = False) -> bool:
        """Whether the line reaches its column's right edge.

        Justified lines end at the edge; ragged-right lines a word short of it
        (``loose``), which a short last line of an entry can also be, so the
        caller asks for loose fullness only together with other evidence.
        """
        right = max(o.x1 for o in self._neighbours(line))
        width = right - line.x0
        slack = max(0.12 * width, 12.0) if loose else max(0.02 * width, 6.0)
        return width > 0 and line.x1 >= right - slack


_CONTINUES = re.compile(r"(?:[,\-&/(]|\b(?:and|or|of|the|in|with|for|to|a|an|on|at|by))$", re.I)


def _wrapped(geometry: _Geometry, prev: PdfLine, line: PdfLine) -> bool:
    """``line`` continues ``prev``'s sentence rather than starting a new entry."""
    if geometry.is_full(prev):
        return True
    return geometry.is_full(prev, loose=True) and (
        line.text[:1].islower() or bool(_CONTINUES.search(prev.text))
    )


def _is_heading(line: PdfLine, rel: float) -> bool:
    words = line.text.split()
    return (
        not line.bullet
        and 0 < len(words) <= 8
        and len(line.text) <= 60
        and (rel >= 1.15 or (line.bold and rel >= 0.9))
        and not line.text.endswith((".", ",", ";"))
        and any(ch.isalpha() for ch in line.text)
    )


def _follows(prev: PdfLine, line: PdfLine) -> bool:
    """The line sits directly under ``prev`` in the same column, at the same size."""
    gap = prev.bottom - line.top
    return (
        prev.page == line.page
        and -2.0 <= gap <= 0.9 * prev.height
        and abs(prev.size - line.size) <= 0.6
        and _overlap(prev.x0, prev.x1, line.x0, line.x1) > 0
    )


def build_blocks(lines: list[PdfLine]) -> list[TextBlock]:
    """Turn lines (already in pdfminer's reading order) into ``TextBlock``s.

    Lines with a bullet flag and no text are bullet marks (a glyph or a small
    drawn shape) and only mark the line to their right.
    """
    lines = _move_gutter_dates(_attach_glyph_bullets(lines))
    lines = _merge_split_lines([ln for ln in lines if ln.text])
    # each page on its own: nothing of one page is placed by another's lines
    lines = [
        ln for page in _pages(lines) for ln in _page_in_columns(_follow_baseline_partners(page))
    ]
    if not lines:
        return []
    weighted = [ln.size for ln in lines for _ in range(max(ln.chars, 1))]
    body = statistics.median(weighted) or 1.0
    geometry = _Geometry(lines)
    vocabulary = vocabulary_of([ln.text for ln in lines])

    blocks: list[TextBlock] = []
    current: list[str] = []  # lines of the block being built
    kind: BlockKind = "paragraph"
    first: PdfLine | None = None  # first line of the current block
    prev: PdfLine | None = None
    glyph_item = False  # the current list item started with a glyph
    first_indent = 0.0  # how far an item found by indentation was indented

    def flush() -> None:
        nonlocal current, first
        if current and first is not None:
            blocks.append(TextBlock(
                text="\n".join(current).replace("\u00ad", ""), kind=kind, page=first.page,
                size=round(first.size / body, 2), bold=first.bold,
            ))
        current, first = [], None

    for line in lines:
        rel = line.size / body
        same_font = prev is not None and prev.bold == line.bold and _follows(prev, line)
        if prev is not None and kind == "list_item" and first is not None and not line.bullet \
                and same_font and not _is_heading(line, rel):
            hanging = line.x0 > first.x0 + 2 and abs(line.x0 - first.text_x0) <= 6
            under = abs(line.x0 - first.x0) <= 3 and _wrapped(geometry, prev, line)
            # A first-line paragraph indent looks like a glyph-less item until the
            # wrapped second line returns to the margin.
            outdent = (not glyph_item and first_indent > 0
                       and abs(line.x0 - (first.x0 - first_indent)) <= 3
                       and _wrapped(geometry, prev, line))
            if outdent:
                kind = "paragraph"
            if hanging or under or outdent:
                current[-1] = join_wrapped(current[-1], line.text, vocabulary)
                prev = line
                continue
        indent = geometry.indent(line)
        indented = (not line.bullet and _MIN_INDENT < indent <= _MAX_INDENT
                    and not geometry.beside_glyph_bullets(line))
        # An item of a glyph-less list starts where the previous item started.
        next_item = (kind == "list_item" and first is not None and not glyph_item
                     and abs(line.x0 - first.x0) <= 2 and not _is_heading(line, rel))
        if _is_heading(line, rel):
            flush()
            kind, first, current = "heading", line, [line.text]
            flush()
        elif line.bullet or indented or next_item:
            flush()
            kind, first, current = "list_item", line, [line.text]
            glyph_item = line.bullet
            first_indent = indent if indented else 0.0
        elif kind == "paragraph" and first is not None and prev is not None and same_font \
                and (prev.box == line.box or geometry.is_full(prev, loose=True)):
            # the second line of a paragraph with a first-line indent returns to the margin
            outdented = prev is first and line.x0 < first.x0 - _MIN_INDENT
            if (abs(line.x0 - prev.x0) <= 3 or outdented) and _wrapped(geometry, prev, line):
                current[-1] = join_wrapped(current[-1], line.text, vocabulary)
            else:
                current.append(line.text)
        else:
            flush()
            kind, first, current = "paragraph", line, [line.text]
        prev = line
    flush()
    return blocks

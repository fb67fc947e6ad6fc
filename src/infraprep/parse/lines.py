"""Numbered lines with layout hints: the unit every parser and every piece of evidence uses.

Evidence quotes "line N" of the CV or JD; the numbering must be the same one the
report shows, so it is made here, once, from the ``Document``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from infraprep.ingest.normalize import BULLET_GLYPHS, WORD_O_BULLET
from infraprep.models import Document
from infraprep.parse.dates import MONTH_NAME

# "{ " is the bullet of LaTeX CV classes whose symbol font the text layer maps to a brace
# "o Split the suite ...": Word's second-level bullet letter, before a capitalised word
_BULLET = re.compile(
    rf"^\s*(?:[-*→{{{BULLET_GLYPHS}]|\(cid:\d+\)|\d{{1,2}}[.)]|{WORD_O_BULLET})\s+"
)
# "— Explain the product to ..." / "– Built the ...": a dash opening a sentence is a
# bullet; "– Present" or "— May 2021" left by a wrapped date range is not
_DASH_BULLET = re.compile(
    r"^\s*[—–]\s+(?=(?-i:[A-Z][a-z]))(?!(?:present|now|current|today|jan|feb|mar|apr|may|jun|jul|"
    r"aug|sep|oct|nov|dec)\w*\b)",
    re.IGNORECASE,
)
_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)\s]+\)")


@dataclass(frozen=True)
class Line:
    no: int  # 1-based
    text: str  # without bullet glyphs and markdown markers
    kind: str  # heading | paragraph | list_item | table_row
    size: float = 1.0
    bold: bool = False
    level: int = 0  # heading depth from the document, 0 when unknown
    source: int = 0  # the file's own line number (text and Markdown), 0 when it has none

    @property
    def is_heading(self) -> bool:
        return self.kind == "heading"


def clean_text(text: str) -> str:
    """Strip bullet glyphs, markdown heading/emphasis markers and extra spaces."""
    text = _DASH_BULLET.sub("", _BULLET.sub("", text))
    text = re.sub(r"^#{1,6}\s*", "", text)
    text = _MD_EMPHASIS.sub(r"\2", text)
    text = _MD_LINK.sub(r"\1", text)
    text = text.replace("\u00a0", " ")
    # symbol-font bullets land in the private use area ("\uf07d Led ..."): no reader sees them
    text = _PRIVATE_USE.sub(" ", text)
    return re.sub(r"\s+", " ", text).strip()


_MONTH_AT_END = re.compile(rf"\b{MONTH_NAME}['’]?$", re.IGNORECASE)


def _finishes_a_date(raw: str, lines: list[Line]) -> bool:
    """ "... as a Web Designer from Sept'" / "2013 to Apr' 2014": the wrap fell between a
    month and its year, so the year's line goes on the line before."""
    return (
        bool(lines)
        and bool(re.match(r"^\s*(?:19|20)\d\d\b", raw))
        and bool(_MONTH_AT_END.search(lines[-1].text))
        and len(lines[-1].text.split()) > 3
    )


_FIELD_LABEL = re.compile(r"^[A-Za-z][A-Za-z &/.-]{0,28}$")


def _continues_a_label(raw: str, lines: list[Line]) -> bool:
    """A line that opens with a colon gives the value of the short label line before it."""
    return (
        raw.strip().startswith(":")
        and len(raw.strip()) > 1
        and bool(lines)
        and lines[-1].kind != "list_item"
        and bool(_FIELD_LABEL.match(lines[-1].text))
    )


def numbered_lines(doc: Document) -> list[Line]:
    """Split a document into numbered lines, keeping each block's kind.

    A multi-line list item keeps the list kind on its first line only; the
    continuation lines are joined onto it, because a CV bullet wrapped by the
    PDF layout is still one bullet.
    """
    lines: list[Line] = []
    for block in doc.blocks:
        raw_lines = [ln for ln in block.text.splitlines() if ln.strip()]
        if not raw_lines:
            continue
        sources = block.source_lines if len(block.source_lines) == len(raw_lines) else ()
        if block.kind == "list_item":
            merged = " ".join(clean_text(r) for r in raw_lines)
            at = block.source_lines[0] if block.source_lines else 0
            lines.append(
                Line(len(lines) + 1, merged, "list_item", block.size, block.bold, source=at)
            )
            continue
        for index, raw in enumerate(raw_lines):
            kind = block.kind
            if (
                index
                and kind == "paragraph"
                and re.match(r"^[a-z]", raw.strip())
                and lines
                and not re.search(r"[.:;!?]$", lines[-1].text)
                # a heading in capitals does not wrap ("TEACHING EXPERIENCE" / "th", the
                # superscript of the "9th" below it)
                and not (lines[-1].text.isupper() and len(lines[-1].text.split()) <= 5)
            ) or _finishes_a_date(raw, lines):
                # a sentence wrapped onto the next line ("...focus and / working with...")
                lines[-1] = replace(lines[-1], text=f"{lines[-1].text} {clean_text(raw)}", level=0)
                continue
            if _continues_a_label(raw, lines):
                # "Role" / ": Lead Data Analyst": a table of fields extracted a cell per line
                value = clean_text(raw.strip()[1:])
                lines[-1] = replace(lines[-1], text=f"{lines[-1].text}: {value}")
                continue
            if kind == "paragraph" and (_BULLET.match(raw) or _DASH_BULLET.match(raw)):
                kind = "list_item"
            elif kind == "paragraph" and re.match(r"^#{1,6}\s", raw):
                kind = "heading"
            text = clean_text(raw)
            if text:
                at = sources[index] if sources else 0
                lines.append(
                    Line(len(lines) + 1, text, kind, block.size, block.bold, block.level, at)
                )
    return lines


def line_texts(lines: list[Line]) -> tuple[str, ...]:
    return tuple(line.text for line in lines)


def file_line_numbers(lines: list[Line]) -> tuple[int, ...]:
    """Each line's number in the file, or () when the format has no lines of its own."""
    return tuple(line.source for line in lines) if any(line.source for line in lines) else ()

"""Split plain text or Markdown into blocks: headings, list items, table rows, paragraphs.

Plain-text CVs, Markdown CVs and the Markdown that ``trafilatura`` makes from a
job page share one splitter, so a heading or a bullet means the same thing
whichever door the text came in by. Lines inside a paragraph stay separate
lines: in a CV "Acme Corp" / "Senior SRE" / "2019 – 2022" are three facts, not
one sentence.
"""

from __future__ import annotations

import re

from infraprep.ingest.normalize import BULLET_GLYPHS, WORD_O_BULLET, clean_line, normalize_text
from infraprep.models import BlockKind, TextBlock

_ATX = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
# "###Role summary", "#Technical Architect": CommonMark wants a space, but posting
# authors mean a heading. A letter must follow ("#1 priority" stays text), and a
# capital after a single hash ("#hiring" stays text).
_ATX_UNSPACED = re.compile(r"^ {0,3}(#{2,6}(?=[A-Za-z])|#(?=[A-Z]))(.*?)\s*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-{3,})\s*$")
# "== EXPERIENCE ==": the wiki and AsciiDoc heading a plain-text CV borrows
_WIKI = re.compile(r"^ {0,3}(={2,6})[ \t]+(\S.*?)[ \t]*=*[ \t]*$")
_RULE = re.compile(r"^ {0,3}([-*_])(?:\s*\1){2,}\s*$")
# "-Providing technical support": a dash bullet typed without its space, before a
# capitalised word (so "-5 °C" and "--flag" stay text). "o Split the suite ...": the
# letter Word uses for its second-level bullet, before a capitalised word.
_BULLET = re.compile(
    rf"^(\s*)(?:(?:[-*+–{BULLET_GLYPHS}]|\d{{1,3}}[.)])\s+|-(?=[A-Z][a-z])|{WORD_O_BULLET}\s+)(\S.*)$"
)
_TABLE = re.compile(r"^\s*\|(.*)\|\s*$")
_TABLE_RULE = re.compile(r"^[\s|:-]+$")

_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_AUTOLINK = re.compile(r"<((?:https?://|mailto:)[^>\s]+)>")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EM_STAR = re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])")
_EM_UNDERSCORE = re.compile(r"(?<![\w])_(?=\S)(.+?)(?<=\S)_(?![\w])")
_STRIKE = re.compile(r"~~(.+?)~~")
_CODE = re.compile(r"`+([^`]+)`+")
# HTML that Markdown files embed (tables with lists in their cells, line breaks).
_INLINE_TAG = re.compile(
    r"</?(?:br|span|b|i|em|strong|u|sub|sup|small|mark|p|div|ul|ol|li|a|img|table|thead|"
    r"tbody|tr|td|th|code|pre|details|summary|h[1-6]|hr|kbd|font|center)\b[^>]*/?>", re.I,
)
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>~])")
_PARKED = re.compile("[\ue000-\ue07f]")


def _link(match: re.Match[str]) -> str:
    text, url = match.group(1), match.group(2)
    if url.startswith(("/", "#", "./", "../")):
        return text  # a page of the site it came from: nothing to follow from here
    core = re.sub(r"^(?:https?://|mailto:|tel:)(?:www\.)?", "", url).rstrip("/").lower()
    return text if core and core in text.lower() else f"{text} ({url})"


def strip_inline_markdown(text: str) -> str:
    """Remove emphasis, code ticks, images and escapes; keep link URLs that add information.

    A link keeps its URL only when the visible text does not already show it and
    the URL leads somewhere outside the page's own site (not "/handbook/values/"),
    so "[GitHub](https://github.com/jo)" keeps the address a parser needs while
    "[github.com/jo](https://github.com/jo)" stays short.
    """
    # Escaped characters are parked in the private-use area so no rule below sees them.
    text = _ESCAPE.sub(lambda m: chr(0xE000 + ord(m.group(1))), text)
    text = _IMAGE.sub("", text)
    text = _LINK.sub(_link, text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _INLINE_TAG.sub(" ", text)
    for pattern in (_STRONG, _STRIKE):
        text = pattern.sub(lambda m: m.group(m.lastindex or 1), text)
    text = _EM_STAR.sub(r"\1", text)
    text = _EM_UNDERSCORE.sub(r"\1", text)
    text = _CODE.sub(r"\1", text)
    return _PARKED.sub(lambda m: chr(ord(m.group(0)) - 0xE000), text)


def looks_like_markdown(text: str) -> bool:
    """True when the text uses Markdown syntax a plain-text CV would not."""
    if re.search(r"(?m)^ {0,3}#{1,6}\s+\S", text):
        return True
    if re.search(r"(?m)^\S.*\n {0,3}(?:=+|-{3,})\s*$", text):
        return True
    if re.search(r"\*\*\S.*?\S\*\*|\[[^\]]+\]\([^)]+\)", text):
        return True
    return len(re.findall(r"(?m)^\s*[-*+]\s+\S", text)) >= 2


# What an unfinished line ends with: a comma, a joining word, a hyphen or a slash
_UNFINISHED = re.compile(r"(?:[,/-]|\b(?:and|or|of|to|for|with|in|the|a|an))\s*$", re.IGNORECASE)


def _wrapped_on(item: str, line: str) -> bool:
    """Whether an unindented ``line`` is the rest of a bullet a hard wrap cut.

    "- Configuring servers to serve a dynamic" / "website": a line that goes on in
    lower case, or follows an open bracket or a dangling "and" or comma, is the same
    sentence. A capitalised line after a finished one is a block of its own.
    """
    stripped = line.strip()
    if _ATX.match(line) or _TABLE.match(line) or _RULE.match(line):
        return False
    return (
        stripped[:1].islower()
        or item.count("(") > item.count(")")
        or _UNFINISHED.search(item) is not None
    )


def blocks_from_markdown(
    text: str, *, markdown: bool = True, first_line: int | None = None
) -> list[TextBlock]:
    """Split text into blocks in reading order.

    Args:
        text: decoded text, any line endings.
        markdown: strip inline Markdown (emphasis, links, code) from the text. Off
            for plain text, where ``*`` and ``_`` are just characters.
        first_line: the file's line number of the text's first line, when the text is
            the file's own (a .txt or .md file): each block then carries the file
            lines it came from, so a report can send the reader to them.

    Returns:
        Blocks with kind heading (``#`` or an underlined line), list_item (a
        bullet or number, with its indented continuation lines and the lines a
        hard wrap cut from it), table_row
        (``| a | b |``, cells joined by " | ") or paragraph.
    """
    lines = normalize_text(text).split("\n")
    breaks = text.replace("\r\n", "\n").replace("\r", "\n").count("\n")
    if len(lines) != breaks + 1:
        first_line = None  # clean-up joined lines (a soft hyphen at a line end)
    blocks: list[TextBlock] = []
    paragraph: list[str] = []
    paragraph_at: list[int] = []

    def inline(raw: str) -> str:
        return clean_line(strip_inline_markdown(raw) if markdown else raw)

    def file_lines(*indexes: int) -> tuple[int, ...]:
        return () if first_line is None else tuple(first_line + k for k in indexes)

    def flush() -> None:
        if paragraph:
            blocks.append(
                TextBlock(
                    text="\n".join(paragraph),
                    kind="paragraph",
                    source_lines=file_lines(*paragraph_at),
                )
            )
            paragraph.clear()
            paragraph_at.clear()

    def add(kind: BlockKind, raw: str, level: int = 0, at: int = 0) -> None:
        flush()
        content = inline(raw)
        if content:
            blocks.append(
                TextBlock(text=content, kind=kind, level=level, source_lines=file_lines(at))
            )

    i = 0
    while i < len(lines):
        raw = lines[i]
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        i += 1
        if not raw.strip():
            flush()
            continue
        if (atx := _ATX.match(raw) or (_ATX_UNSPACED.match(raw) if markdown else None)):
            add("heading", atx.group(2), len(atx.group(1)), at=i - 1)
            continue
        if (wiki := _WIKI.match(raw)) is not None:
            add("heading", wiki.group(2), len(wiki.group(1)) - 1, at=i - 1)
            continue
        if _BULLET.match(raw) is None and _SETEXT.match(nxt) \
                and not _RULE.match(raw) and not _TABLE.match(raw):
            add("heading", raw, 1 if nxt.strip().startswith("=") else 2, at=i - 1)
            i += 1
            continue
        if _RULE.match(raw):
            flush()
            continue
        if (table := _TABLE.match(raw)) is not None:
            if not _TABLE_RULE.match(raw):
                cells = [inline(c) for c in table.group(1).split("|")]
                add("table_row", " | ".join(c for c in cells if c), at=i - 1)
            continue
        if (bullet := _BULLET.match(raw)) is not None:
            at = i - 1
            item = [bullet.group(2)]
            indent = len(bullet.group(1))
            while i < len(lines) and lines[i].strip() and _BULLET.match(lines[i]) is None \
                    and (len(lines[i]) - len(lines[i].lstrip()) > indent
                         or _wrapped_on(" ".join(item), lines[i])):
                item.append(lines[i])
                i += 1
            add("list_item", " ".join(item), at=at)
            continue
        content = inline(raw)
        if content:
            paragraph.append(content)
            paragraph_at.append(i - 1)
    flush()
    return blocks

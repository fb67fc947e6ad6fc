"""Job pages (and the odd HTML CV): the main content as blocks, plus the page title.

A careers page is mostly navigation, cookie banners and "similar jobs"; the
posting is one region of it. ``trafilatura`` finds that region and writes it as
Markdown, which keeps the headings and bullets the parser needs. Short pages
(a bare posting, an HTML CV) fall under its thresholds and come back empty or
as bare text with the structure lost, so a plain walk of the body (minus nav
and footer) is the fallback. In both paths scripts, styles and
frames are removed before any text is taken.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from infraprep.ingest.markdown import blocks_from_markdown
from infraprep.ingest.normalize import clean_line
from infraprep.models import Document, TextBlock

if TYPE_CHECKING:
    from lxml.html import HtmlElement

_NEVER_TEXT = ("script", "style", "noscript", "iframe", "template", "svg", "object", "embed",
               "head", "canvas", "select", "button")
_BOILERPLATE = ("nav", "footer")
_BLOCK_TAGS = frozenset({
    "p", "div", "section", "article", "main", "header", "aside", "table", "tr", "ul", "ol", "dl",
    "dt", "dd", "blockquote", "pre", "form", "fieldset", "address", "figure", "figcaption",
    "body", "tbody", "thead",
})
_HEADINGS = {f"h{n}": n for n in range(1, 7)}


def _parse(text: str) -> HtmlElement:
    import lxml.html

    # Encoding to bytes lets lxml accept a page that still carries an XML encoding
    # declaration, which it refuses on a str.
    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True)
    return lxml.html.document_fromstring(text.encode("utf-8", "replace"), parser=parser)


def _text_of(element: HtmlElement) -> str:
    return clean_line(" ".join(element.itertext()))


def page_title(root: HtmlElement) -> str | None:
    """The posting's title: og:title, else the first <h1>, else <title>.

    og:title is what the site chose to show when the posting is shared, so it
    names the job rather than the site; <title> often adds "| Careers at X".
    """
    candidates: list[str] = [
        str(v) for v in root.xpath(
            "//meta[@property='og:title' or @name='og:title' or @name='twitter:title']/@content",
        )
    ]
    candidates += [_text_of(h1) for h1 in root.iter("h1")][:1]
    candidates += [_text_of(t) for t in root.iter("title")][:1]
    for candidate in candidates:
        title = clean_line(candidate)
        if title:
            return title[:200]
    return None


def _walk(element: HtmlElement, out: list[str]) -> None:
    """Write the element as light Markdown: "#" headings, "-" list items, blank-line blocks."""
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in _HEADINGS:
        out.append(f"\n\n{'#' * _HEADINGS[tag]} {_text_of(element)}\n\n")
        return
    if tag == "br":
        out.append("\n")
        return
    if tag == "li":
        out.append("\n- ")
    elif tag in ("td", "th"):
        out.append(" | ")
    elif tag in _BLOCK_TAGS:
        out.append("\n\n" if tag == "p" else "\n")
    if element.text:
        out.append(re.sub(r"\s+", " ", element.text))
    for child in element:
        _walk(child, out)
        if child.tail:
            out.append(re.sub(r"\s+", " ", child.tail))
    if tag == "li" or tag in _BLOCK_TAGS:
        out.append("\n")


def fallback_text(root: HtmlElement) -> str:
    """The body as light Markdown, without scripts, styles, frames, nav or footer."""
    for bad in root.xpath("|".join(f"//{t}" for t in _NEVER_TEXT + _BOILERPLATE)):
        bad.drop_tree()
    body = root.find("body")
    out: list[str] = []
    _walk(body if body is not None else root, out)
    return "".join(out)


def _main_content(text: str) -> str:
    import trafilatura

    extracted = trafilatura.extract(
        text,
        output_format="markdown",
        include_formatting=True,
        include_tables=True,
        include_links=False,
        include_images=False,
        include_comments=False,
        deduplicate=False,
    )
    return extracted or ""


def read_html(text: str) -> Document:
    """A web page as a ``Document`` whose title is the page's (job) title.

    The title is also put first as a heading when the extracted content lacks
    it, since ``trafilatura`` tends to move the <h1> into metadata and a
    posting without its title line reads as "Requirements ...".
    """
    root = _parse(text)
    title = page_title(root)
    content = _main_content(text)
    blocks: list[TextBlock] = blocks_from_markdown(content) if content.strip() else []
    if all(b.kind == "paragraph" for b in blocks):
        # Nothing, or trafilatura's bare-text baseline (nav included, structure lost):
        # the body walk does better when it finds headings or lists.
        walked = blocks_from_markdown(fallback_text(root), markdown=False)
        if not blocks or any(b.kind != "paragraph" for b in walked):
            blocks = walked
    if title and blocks and not any(title.lower() in b.text.lower() for b in blocks[:3]):
        heading = next((_text_of(h1) for h1 in root.iter("h1")), "") or title
        if heading and not any(heading.lower() in b.text.lower() for b in blocks[:3]):
            blocks.insert(0, TextBlock(text=heading, kind="heading"))
    return Document(source_type="html", blocks=tuple(blocks), title=title)

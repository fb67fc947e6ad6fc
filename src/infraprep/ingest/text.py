"""Plain text and Markdown: decode the bytes, then split into blocks.

Decoding is strict on purpose. UTF-8 (with or without a BOM) and UTF-16/32
with a BOM are unambiguous; a legacy Windows-1252 file is accepted only when
the result reads as text, because every byte sequence "decodes" as Latin-1 and
garbage in would come out as a confident, wrong report.
"""

from __future__ import annotations

import codecs
import contextlib
import re

from infraprep.errors import DecodeError
from infraprep.ingest.markdown import blocks_from_markdown, looks_like_markdown
from infraprep.models import Document, TextBlock

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def bom_encoding(data: bytes) -> str | None:
    """The encoding a byte-order mark at the start of ``data`` names, if any."""
    return next((enc for bom, enc in _BOMS if data.startswith(bom)), None)


def utf16_without_bom(data: bytes) -> str | None:
    """Guess UTF-16 without a BOM from where the NUL bytes fall, or None.

    Mostly-ASCII UTF-16 has a NUL in every other byte: odd positions for
    little-endian, even for big-endian. Binary data has NULs scattered.
    """
    sample = data[:4096]
    if len(sample) < 4 or len(data) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    even_nul = even.count(0) / len(even)
    odd_nul = odd.count(0) / len(odd)
    if odd_nul > 0.4 and even_nul < 0.02:
        return "utf-16-le"
    if even_nul > 0.4 and odd_nul < 0.02:
        return "utf-16-be"
    return None


def _reads_as_text(text: str) -> bool:
    """Mostly printable and mostly ASCII: what a Windows-1252 CV looks like."""
    if not text:
        return False
    printable = sum(1 for ch in text if ch.isprintable() or ch in "\n\r\t")
    ascii_ = sum(1 for ch in text if ord(ch) < 128)
    return printable / len(text) >= 0.97 and ascii_ / len(text) >= 0.7


def decode_text(data: bytes, declared: str | None = None, label: str = "The file") -> str:
    """Decode bytes that should be text.

    Tries, in order: a BOM, strict UTF-8, the ``declared`` charset (an HTML
    meta tag or HTTP header), UTF-16 without a BOM, then Windows-1252 and
    Latin-1 if the result reads as text.

    Raises:
        DecodeError: no encoding gives readable text.
    """
    if (enc := bom_encoding(data)) is not None:
        try:
            return data.decode(enc)
        except UnicodeDecodeError as exc:
            raise DecodeError(f"{label} starts with a {enc.upper()} byte-order mark "
                              f"but is not valid {enc.upper()}.") from exc
    wide = utf16_without_bom(data) if b"\x00" in data[:8192] else None
    if wide is None:
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            pass
    candidates: list[str] = [wide] if wide else []
    if declared:
        with contextlib.suppress(LookupError):
            candidates.append(codecs.lookup(declared).name)
    for enc in candidates:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if text and sum(ch.isprintable() or ch in "\n\r\t" for ch in text) / len(text) > 0.95:
            return text
    for enc in ("cp1252", "latin-1"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _reads_as_text(text):
            return text
    raise DecodeError(
        f"{label} is not readable text: it is not valid UTF-8 or UTF-16, "
        "and as Windows-1252 it comes out as control characters and symbols.",
    )


# Blank lines before the opening "---" happen in hand-edited pages (an 18F posting).
_FRONT_MATTER = re.compile(
    r"\A\ufeff?(?:[ \t]*\r?\n)*---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S
)


def split_front_matter(text: str) -> tuple[dict[str, str], str, str]:
    """Front matter of a Markdown file (Jekyll/Hugo pages, 18F postings): its flat
    ``key: value`` lines, its raw text (for ``front_matter_sections``) and the body.

    The flat lines are read without a YAML parser: the title and the template
    values are what the pipeline needs from them.
    """
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, "", text
    meta: dict[str, str] = {}
    for line in match.group(1).splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip() and not key.startswith((" ", "\t")):
            meta[key.strip().lower()] = value.strip().strip("'\"")
    return meta, match.group(1), text[match.end():]


# Front matter that holds the page itself (GSA TTS job pages keep the role summary,
# objectives and requirements there) is read only when it is plain YAML: no anchors
# or aliases, which could expand without bound, and not larger than a page.
_YAML_ALIAS = re.compile(r"(?:^|[\s\[{,:-])[&*][\w-]+", re.M)
_MAX_FRONT_MATTER = 100_000
# Short front-matter values a job page prints for the reader, and how it prints them.
_JOB_FACTS = {
    "gs": ("Grade", "GS-{}"),
    "gs_level": ("Grade", "GS-{}"),
    "grade": ("Grade", "{}"),
    "pay_grade": ("Grade", "{}"),
    "level": ("Level", "{}"),
    "seniority": ("Level", "{}"),
}


def front_matter_sections(front: str) -> str:
    """The long values of a page's YAML front matter as Markdown sections, in order.

    ``role_summary: |`` becomes "## Role summary" and its text; a list of strings
    becomes bullets; a list of ``{title, items}`` becomes sub-headings with bullets.
    Short flat values (layout, permalink, dates) are metadata and are left out.
    """
    import yaml

    if not front or len(front) > _MAX_FRONT_MATTER or _YAML_ALIAS.search(front):
        return ""
    try:
        data = yaml.safe_load(front)
    except yaml.YAMLError:
        return ""
    if not isinstance(data, dict):
        return ""
    block_keys = set(re.findall(r"^([\w-]+):[ \t]*[|>][-+]?[ \t]*$", front, re.M))
    out: list[str] = []
    # the grade a job page shows in its header ("gs: 15" renders as "GS-15")
    facts = [
        f"{label}: {template.format(value)}"
        for key, (label, template) in _JOB_FACTS.items()
        if isinstance(value := data.get(key), str | int) and str(value).strip()
    ]
    if facts:
        out += ["## Basic information", *facts]
    for key, value in data.items():
        heading = f"## {str(key).replace('_', ' ').strip().capitalize()}"
        if isinstance(value, str) and (key in block_keys or len(value) > 200):
            out += [heading, value.strip()]
        elif isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            out += [heading, *(f"- {v}" for v in value)]
        elif isinstance(value, list) and any(isinstance(v, dict) and "items" in v for v in value):
            out.append(heading)
            for v in value:
                if isinstance(v, dict) and isinstance(v.get("items"), list):
                    if v.get("title"):
                        out.append(f"### {v['title']}")
                    out += [f"- {item}" for item in v["items"] if isinstance(item, str)]
    return "\n\n".join(out)


_LIQUID_VALUE = re.compile(r"\{\{\s*(?:page\.)?([\w.-]+)\s*(?:\|[^}]*)?\}\}")
_LIQUID_TAG = re.compile(r"\{%-?.*?-?%\}", re.S)


def fill_template(text: str, meta: dict[str, str]) -> str:
    """A Jekyll page's text as it renders: "GS-{{ page.gs_level }}" with gs_level 15 is
    "GS-15"; values the page does not define and {% if %} tags are dropped."""
    text = _LIQUID_TAG.sub("", text)
    return _LIQUID_VALUE.sub(lambda m: meta.get(m.group(1).lower(), ""), text)


# Front-matter keys job boards use for the employer ("org: '18F'").
_EMPLOYER_KEYS = ("company", "employer", "hiring_organization", "organization", "org")


def read_text(text: str) -> Document:
    """Plain text or Markdown (already decoded) as a ``Document``."""
    meta, front, body = split_front_matter(text)
    # the body's lines are the file's, below its front matter, unless the page's text
    # is rendered from the front matter or a template tag spans lines
    first_line: int | None = text[: len(text) - len(body)].count("\n") + 1
    sections = ""
    if meta:
        # the page's text rendered from its front matter ("role_summary: |") has no
        # lines of its own; the body below keeps the file's
        sections = fill_template(front_matter_sections(front), meta)
        filled = fill_template(body, meta)
        if filled.count("\n") != body.count("\n"):
            first_line = None  # a template tag spanned lines
        body = filled
    markdown = bool(meta) or looks_like_markdown(body)
    blocks = blocks_from_markdown(sections, markdown=markdown) if sections.strip() else []
    blocks += blocks_from_markdown(body, markdown=markdown, first_line=first_line)
    title = meta.get("title") or None
    if title:
        title_line = next(
            (n for n, ln in enumerate(text.splitlines(), 1) if ln.lower().startswith("title:")),
            None,
        )
        at = (title_line,) if first_line is not None and title_line else ()
        blocks.insert(0, TextBlock(text=title, kind="heading", source_lines=at))
    organization = next((meta[k] for k in _EMPLOYER_KEYS if meta.get(k)), None)
    return Document(
        source_type="markdown" if markdown else "text",
        blocks=tuple(blocks),
        title=title,
        organization=organization,
    )

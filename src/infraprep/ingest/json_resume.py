"""JSON Resume (schema v1, jsonresume.org) rendered as the blocks of a plain CV.

The parser reads CVs by their layout: a heading per section, a title line and
a date line per position, bullets under it. Rather than teach the parser a
second input shape, a JSON Resume is laid out here the way a conventional CV
would be printed, so both paths meet in the same code. Fields we do not use
are ignored; a field of the wrong type is skipped rather than refused, since
real files drift from the schema.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from infraprep.errors import CorruptFileError
from infraprep.ingest.normalize import clean_line
from infraprep.models import BlockKind, Document, TextBlock

_MONTH = re.compile(r"^(\d{4})(?:-(\d{2}))?")


def _str(value: object) -> str:
    return clean_line(value) if isinstance(value, str) else ""


def _items(value: object) -> list[Mapping[str, Any]]:
    return [v for v in value if isinstance(v, Mapping)] if isinstance(value, list) else []


def _strings(value: object) -> list[str]:
    if not isinstance(value, list):
        return []
    return [s for s in (_str(v) for v in value) if s]


def _date(value: object) -> str:
    """"2019-03-15" -> "2019-03"; "2019" stays; anything else is kept as written."""
    text = _str(value)
    match = _MONTH.match(text)
    if match is None:
        return text
    return f"{match.group(1)}-{match.group(2)}" if match.group(2) else match.group(1)


def _range(item: Mapping[str, Any]) -> str:
    start, end = _date(item.get("startDate")), _date(item.get("endDate"))
    if not start:
        return end
    return f"{start} – {end or 'Present'}"


def _joined(*parts: str, sep: str = " — ") -> str:
    return sep.join(p for p in parts if p)


class _Layout:
    """Accumulates blocks; drops empty text so callers need no ifs."""

    def __init__(self) -> None:
        self.blocks: list[TextBlock] = []

    def add(self, text: str, kind: BlockKind = "paragraph", size: float = 1.0) -> None:
        if text:
            self.blocks.append(TextBlock(text=text, kind=kind, size=size, bold=kind == "heading"))

    def section(self, title: str) -> None:
        self.add(title, "heading", 1.2)


def _basics(out: _Layout, basics: Mapping[str, Any]) -> None:
    out.add(_str(basics.get("name")), "heading", 1.6)
    out.add(_str(basics.get("label")))
    location = basics.get("location")
    place = ""
    if isinstance(location, Mapping):
        place = _joined(*(_str(location.get(k)) for k in ("city", "region", "countryCode")),
                        sep=", ")
    profiles = [_joined(_str(p.get("network")), _str(p.get("url")) or _str(p.get("username")),
                        sep=": ") for p in _items(basics.get("profiles"))]
    contact = [_str(basics.get(k)) for k in ("email", "phone", "url", "website")]
    out.add(_joined(*contact, place, *profiles, sep=" | "))
    if summary := _str(basics.get("summary")):
        out.section("Summary")
        out.add(summary)


def _positions(out: _Layout, title: str, items: list[Mapping[str, Any]], org_key: str) -> None:
    if not items:
        return
    out.section(title)
    for item in items:
        org = _str(item.get(org_key)) or _str(item.get("name")) or _str(item.get("company"))
        out.add(_joined(_str(item.get("position")), org))
        out.add(_joined(_range(item), _str(item.get("location")), sep=" | "))
        out.add(_str(item.get("summary")) or _str(item.get("description")))
        for highlight in _strings(item.get("highlights")):
            out.add(highlight, "list_item")


def _education(out: _Layout, items: list[Mapping[str, Any]]) -> None:
    if not items:
        return
    out.section("Education")
    for item in items:
        degree = _joined(_str(item.get("studyType")), _str(item.get("area")), sep=", ")
        line = _joined(degree, _str(item.get("institution")))
        dates = _range(item)
        # Dates on the degree line, so a parser cannot take them for a job's dates.
        out.add(f"{line} ({dates})" if line and dates else line or dates)
        if score := _str(item.get("score")):
            out.add(f"Score: {score}")
        for course in _strings(item.get("courses")):
            out.add(course, "list_item")


def _skills(out: _Layout, items: list[Mapping[str, Any]]) -> None:
    if not items:
        return
    out.section("Skills")
    for item in items:
        name, keywords = _str(item.get("name")), ", ".join(_strings(item.get("keywords")))
        level = _str(item.get("level"))
        head = f"{name} ({level})" if name and level else name
        out.add(f"{head}: {keywords}" if head and keywords else head or keywords)


def _projects(out: _Layout, items: list[Mapping[str, Any]]) -> None:
    if not items:
        return
    out.section("Projects")
    for item in items:
        out.add(_joined(_str(item.get("name")), _str(item.get("entity"))))
        out.add(_range(item))
        out.add(_str(item.get("description")))
        for highlight in _strings(item.get("highlights")):
            out.add(highlight, "list_item")
        if keywords := ", ".join(_strings(item.get("keywords"))):
            out.add(f"Technologies: {keywords}")


def _simple(out: _Layout, title: str, lines: list[str]) -> None:
    if lines:
        out.section(title)
        for line in lines:
            out.add(line, "list_item")


def read_json_resume(text: str, label: str = "The file") -> Document:
    """Lay a JSON Resume out as a conventional CV.

    Raises:
        CorruptFileError: the text is not valid JSON or not a JSON object.
    """
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as exc:
        raise CorruptFileError(f"{label} is not valid JSON: {exc}.") from exc
    if not isinstance(data, Mapping):
        raise CorruptFileError(f"{label} is JSON but not an object, so not a JSON Resume.")
    out = _Layout()
    basics = data.get("basics")
    if isinstance(basics, Mapping):
        _basics(out, basics)
    _positions(out, "Experience", _items(data.get("work")), "name")
    _positions(out, "Volunteering", _items(data.get("volunteer")), "organization")
    _education(out, _items(data.get("education")))
    _skills(out, _items(data.get("skills")))
    _projects(out, _items(data.get("projects")))
    _simple(out, "Certifications", [
        _joined(_str(c.get("name")), _str(c.get("issuer")), _date(c.get("date")), sep=", ")
        for c in _items(data.get("certificates"))])
    _simple(out, "Awards", [
        _joined(_str(a.get("title")), _str(a.get("awarder")), _date(a.get("date")), sep=", ")
        for a in _items(data.get("awards"))])
    _simple(out, "Publications", [
        _joined(_str(p.get("name")), _str(p.get("publisher")), _date(p.get("releaseDate")),
                sep=", ") for p in _items(data.get("publications"))])
    _simple(out, "Languages", [
        _joined(_str(lang.get("language")), _str(lang.get("fluency")), sep=" — ")
        for lang in _items(data.get("languages"))])
    _simple(out, "Interests", [
        _joined(_str(i.get("name")), ", ".join(_strings(i.get("keywords"))), sep=": ")
        for i in _items(data.get("interests"))])
    name = _str(basics.get("name")) if isinstance(basics, Mapping) else ""
    return Document(source_type="json_resume", blocks=tuple(out.blocks), title=name or None)

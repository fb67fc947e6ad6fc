"""An item page: every field of one knowledge-base item as a printable ``Field``.

The fields are read from the pydantic model itself, so a field added to the schema
shows on its page with no edit here; ``library_catalog`` declares only which are
links, code, spoilers or short "meta" values. Nothing is hidden: what a practising
user should not see at first goes into the closed spoilers block, not away.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import AnyUrl, BaseModel

from infraprep.knowledge.browse import title_of
from infraprep.knowledge.schema import Drill, Question, Scenario
from infraprep.practice.catalog import is_checked_estimate, is_written_design
from infraprep.web.library_catalog import LINKS, META, ORDERED, PHRASES, Collection, label_for
from infraprep.web.library_view import TITLE_FIELDS, Library, Link

Keep = Callable[[str], bool]  # which sub-fields of an object to show
FieldKind = Literal["text", "code", "list", "tags", "links", "url", "group", "entries", "reveal"]


@dataclass(frozen=True)
class Entry:
    """One object in a list of them (an investigation, a mitigation, a checked answer)."""

    heading: str
    fields: tuple[Field, ...]


@dataclass(frozen=True)
class Field:
    """One field of an item, ready to print; ``kind`` picks the template macro."""

    name: str
    label: str
    kind: FieldKind
    value: Any  # str | tuple[str, ...] | tuple[Link, ...] | tuple[Field, ...] | tuple[Entry, ...]
    ordered: bool = False


@dataclass(frozen=True)
class ItemView:
    collection: Collection
    ident: str
    title: str
    meta: tuple[Field, ...]
    sections: tuple[Field, ...]
    spoilers: tuple[Field, ...]
    elsewhere: tuple[Link, ...]  # other collections' lists of items that refer to this one
    practice: Link | None = None  # where the item can be practised, checked


class ItemPage:
    """Builds the page of one item of ``collection`` (its sub-objects share the collection)."""

    def __init__(self, library: Library, collection: Collection) -> None:
        self.library = library
        self.collection = collection

    def view(self, item: BaseModel) -> ItemView:
        title = title_of(item)
        names = [
            n
            for n in type(item).model_fields
            if n != "id" and not (n in TITLE_FIELDS and getattr(item, n) == title)
        ]
        first = [n for n in self.collection.order if n in names]
        meta: list[Field] = []
        sections: list[Field] = []
        spoilers: list[Field] = []
        for name in first + [n for n in names if n not in first]:
            value = getattr(item, name)
            hidden = self.collection.withheld.get(name)
            if hidden is not None:
                opened = self._entries(name, value, _outside(hidden), reveal=True)
                sections.append(opened)
                spoilers.append(self._entries(name, value, hidden.__contains__))
                continue
            shown = self._field(name, value)
            if shown is None:
                continue
            if name in self.collection.spoilers:
                spoilers.append(shown)
            else:
                (meta if name in META else sections).append(shown)
        spoilers.sort(key=lambda f: self.collection.spoilers.index(f.name))
        ident = str(getattr(item, "id", ""))
        elsewhere = self.library.elsewhere(self.collection, ident)
        return ItemView(
            self.collection,
            ident,
            title,
            tuple(meta),
            tuple(sections),
            tuple(spoilers),
            elsewhere,
            _practice_link(item),
        )

    def _field(self, name: str, value: Any) -> Field | None:
        label = label_for(self.collection, name)
        if value is None or value == ():
            return None
        if name in LINKS and isinstance(value, tuple):
            links = tuple(self.library.link(LINKS[name], str(v)) for v in value)
            return Field(name, label, "links", links, ordered=name in ORDERED)
        param = self.collection.param_for(name)
        if param is not None:  # a value its list filters on: link to that filtered list
            values = value if isinstance(value, tuple) else (value,)
            links = tuple(Link(str(v), self.collection.href(**{param: str(v)})) for v in values)
            return Field(name, label, "links", links)
        if isinstance(value, AnyUrl):
            return Field(name, label, "url", str(value))
        if isinstance(value, BaseModel):
            return Field(name, label, "group", self._subfields(value, lambda _: True))
        if isinstance(value, tuple) and isinstance(value[0], BaseModel):
            return self._entries(name, value, lambda _: True)
        if isinstance(value, tuple):
            if all(isinstance(v, (int, float)) for v in value):
                return Field(name, label, "text", " to ".join(_number(v) for v in value))
            kind: FieldKind = "tags" if name in PHRASES else "list"
            return Field(name, label, kind, tuple(str(v) for v in value), name in ORDERED)
        if isinstance(value, bool):
            return Field(name, label, "text", "yes" if value else "no")
        if isinstance(value, (int, float)):
            return Field(name, label, "text", _number(value))
        return Field(name, label, "code" if name in self.collection.code else "text", str(value))

    def _entries(self, name: str, value: Any, keep: Keep, reveal: bool = False) -> Field:
        """A list of sub-objects, keeping the sub-fields ``keep`` accepts. With sub-fields
        left the entries print as closed <details> (``reveal``): a practising user opens
        only the investigations they choose; with none, as a plain list of headings."""
        entries = tuple(Entry(_heading(v), self._subfields(v, keep)) for v in value or ())
        label = label_for(self.collection, name)
        if not any(e.fields for e in entries):
            return Field(name, label, "list", tuple(e.heading for e in entries))
        return Field(name, label, "reveal" if reveal else "entries", entries)

    def _subfields(self, model: BaseModel, keep: Keep) -> tuple[Field, ...]:
        heading = _heading_field(model)
        shown = (
            self._field(n, getattr(model, n))
            for n in type(model).model_fields
            if n not in {"id", heading} and keep(n)
        )
        return tuple(f for f in shown if f is not None)


def _heading_field(model: BaseModel) -> str:
    """The field that names a sub-object, its label or name (``title_of`` knows only items)."""
    return next((n for n in TITLE_FIELDS if isinstance(getattr(model, n, None), str)), "id")


def _heading(model: BaseModel) -> str:
    return str(getattr(model, _heading_field(model), ""))


def _outside(names: tuple[str, ...]) -> Keep:
    return lambda name: name not in names


def _number(value: float) -> str:
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.6g}"


def _practice_link(item: BaseModel) -> Link | None:
    """The practice page for a role-play, a checked estimate, a design or a question."""
    ident = getattr(item, "id", None)
    if isinstance(item, Scenario):
        return Link("Run this incident as a role-play", f"/practice/incident/{ident}")
    if isinstance(item, Drill) and is_checked_estimate(item):
        return Link("Work it with your numbers checked", f"/practice/estimate/{ident}")
    if isinstance(item, Drill) and is_written_design(item):
        return Link("Write your design; check it against the rubric", f"/practice/answer/{ident}")
    if isinstance(item, Question):
        return Link("Write your answer and get feedback", f"/practice/answer/{ident}")
    return None

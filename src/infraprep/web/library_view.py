"""Look-ups and the index and list pages of the library, as plain values for templates.

``Library`` is built once per loaded knowledge base (``library_for``) so a page is
a few dictionary look-ups; item pages are built by ``library_item``, search
results by ``library_search``, from what ``library_catalog`` declares.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from pydantic import BaseModel

from infraprep.errors import NotFoundError
from infraprep.knowledge.browse import title_of
from infraprep.knowledge.loader import KnowledgeBase
from infraprep.models import LEVELS
from infraprep.web.library_catalog import (
    BY_NAME,
    BY_SLUG,
    COLLECTIONS,
    LINKS,
    Collection,
    filter_items,
    group_label,
    matches,
)

TITLE_FIELDS = ("title", "prompt", "question", "name", "label")
LIST_TAGS = ("kind", "area", "theme", "failure_class", "levels")


@dataclass(frozen=True)
class Link:
    text: str
    href: str | None  # None when an id names nothing in the KB: printed as plain text
    count: int | None = None
    current: bool = False  # a filter option already in force (its href removes it)


@dataclass(frozen=True)
class Group:
    label: str
    links: tuple[Link, ...]
    tags: tuple[tuple[str, ...], ...] = ()  # per link, for list pages


@dataclass(frozen=True)
class Facet:
    param: str
    label: str
    options: tuple[Link, ...]
    active: str | None


@dataclass(frozen=True)
class ListView:
    collection: Collection
    total: int
    shown: int
    groups: tuple[Group, ...]
    facets: tuple[Facet, ...]
    active: tuple[Link, ...]  # the filters in force, each linking to the list without it
    every_family_note: bool


@dataclass(frozen=True)
class IndexSection:
    collection: Collection
    count: int
    groups: tuple[Group, ...]


class Library:
    """Look-ups and page models over one loaded knowledge base."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._by_id: dict[str, dict[str, BaseModel]] = {
            c.name: {str(getattr(i, "id", "")): i for i in getattr(kb, c.name)} for c in COLLECTIONS
        }

    def collection(self, slug: str) -> Collection:
        if slug not in BY_SLUG:
            raise NotFoundError(
                f"The library has no collection called {slug!r}.",
                "Start from /library, which lists every collection.",
            )
        return BY_SLUG[slug]

    def items(self, collection: Collection) -> tuple[BaseModel, ...]:
        return tuple(getattr(self.kb, collection.name))

    def item(self, collection: Collection, ident: str) -> BaseModel:
        found = self._by_id[collection.name].get(ident)
        if found is None:
            raise NotFoundError(
                f"No {collection.singular} has the id {ident!r}.",
                f"See {collection.href()} for every {collection.singular}, or search the library.",
            )
        return found

    def href(self, collection: Collection, item: BaseModel) -> str:
        return f"/library/{collection.slug}/{getattr(item, 'id', '')}"

    def _item_link(self, collection: Collection, item: BaseModel) -> Link:
        return Link(title_of(item), self.href(collection, item))

    def link(self, collection_name: str, ident: str) -> Link:
        item = self._by_id[collection_name].get(ident)
        if item is None:
            return Link(ident, None)
        return self._item_link(BY_NAME[collection_name], item)

    # ------------------------------------------------------------------ index

    def index(self) -> tuple[IndexSection, ...]:
        return tuple(self._index_section(c) for c in COLLECTIONS)

    def _index_section(self, collection: Collection) -> IndexSection:
        items = self.items(collection)
        groups: list[Group] = []
        by = collection.group_by
        if by and collection.param_for(by):
            groups.append(self._counts(collection, items, by, f"By {by}"))
            if collection.index_drilldown:
                name, value, sub = collection.index_drilldown
                subset = filter_items(items, {name: value})
                fixed = {collection.param_for(name) or name: value}
                label = f"{value.capitalize()} by {sub}"
                groups.append(self._counts(collection, subset, sub, label, fixed))
        elif by:
            groups.extend(self._groups(collection, items))
        elif len(items) <= 60:
            groups.append(Group("", tuple(self._item_link(collection, i) for i in items)))
        return IndexSection(collection, len(items), tuple(groups))

    def _counts(
        self,
        collection: Collection,
        items: tuple[BaseModel, ...],
        by: str,
        label: str,
        fixed: Mapping[str, str] | None = None,
    ) -> Group:
        """How many items have each value of ``by``, each linking to that filtered list."""
        counts = Counter(str(getattr(i, by)) for i in items if getattr(i, by) is not None)
        param = collection.param_for(by) or by
        links = tuple(
            Link(value, collection.href(**(fixed or {}), **{param: value}), count)
            for value, count in sorted(counts.items())
        )
        return Group(label, links)

    def _groups(self, collection: Collection, items: tuple[BaseModel, ...]) -> list[Group]:
        by = collection.group_by or ""
        buckets: dict[str, list[BaseModel]] = {}
        for item in items:
            buckets.setdefault(str(getattr(item, by, "")), []).append(item)
        order = sorted(buckets, key=lambda v: (v != "True", v))  # on-target / behavioural first
        return [
            Group(
                group_label(by, value),
                tuple(self._item_link(collection, i) for i in buckets[value]),
                tuple(_tags(i, by) for i in buckets[value]),
            )
            for value in order
        ]

    # ------------------------------------------------------------------ list pages

    def listing(self, collection: Collection, params: Mapping[str, str]) -> ListView:
        wanted = {p: v for p, v in params.items() if p in collection.filters and v}
        all_items = self.items(collection)
        fields = {collection.filters[p]: v for p, v in wanted.items()}
        shown = filter_items(all_items, fields)
        facets = tuple(self._facet(collection, all_items, wanted, p) for p in collection.filters)
        active = tuple(
            Link(
                f"{p}: {self._value_text(collection, p, v)}",
                collection.href(**{k: x for k, x in wanted.items() if k != p}),
            )
            for p, v in wanted.items()
        )
        if collection.group_by:
            groups = self._groups(collection, shown)
        else:
            links = tuple(self._item_link(collection, i) for i in shown)
            groups = [Group("", links, tuple(_tags(i, "") for i in shown))]
        return ListView(
            collection,
            total=len(all_items),
            shown=len(shown),
            groups=tuple(g for g in groups if g.links),
            facets=tuple(f for f in facets if f.options),
            active=active,
            every_family_note="family" in wanted and collection.filters["family"] == "families",
        )

    def _value_text(self, collection: Collection, param: str, value: str) -> str:
        target = LINKS.get(collection.filters.get(param, ""))
        return self.link(target, value).text if target else value

    def _facet(
        self,
        collection: Collection,
        items: tuple[BaseModel, ...],
        wanted: Mapping[str, str],
        param: str,
    ) -> Facet:
        """The values of one filter with how many items each leaves, given the other filters."""
        name = collection.filters[param]
        others = {collection.filters[p]: v for p, v in wanted.items() if p != param}
        base = filter_items(items, others)
        present: set[str] = set()
        for item in base:
            value = getattr(item, name, None)
            present.update(str(v) for v in (value if isinstance(value, tuple) else (value,)))
        present.discard("None")
        # counted with the same rule the filter applies (an all-families item counts for each)
        counts = {v: sum(1 for i in base if matches(i, name, v)) for v in present}
        rank = {level: i for i, level in enumerate(LEVELS)}
        text = {v: self._value_text(collection, param, v) for v in counts}
        ordered = sorted(counts, key=lambda v: (rank.get(v, len(rank)), text[v].lower()))
        rest = {p: v for p, v in wanted.items() if p != param}
        options = tuple(
            Link(
                text[v],
                collection.href(**rest)
                if v == wanted.get(param)
                else collection.href(**rest, **{param: v}),
                counts[v],
                current=v == wanted.get(param),
            )
            for v in ordered
        )
        return Facet(param, param.capitalize(), options, wanted.get(param))

    def elsewhere(self, collection: Collection, ident: str) -> tuple[Link, ...]:
        """Links to other collections' lists filtered to the items that refer to this one."""
        links: list[Link] = []
        for other in COLLECTIONS:
            for param, name in other.filters.items():
                if LINKS.get(name) != collection.name:
                    continue
                count = len(filter_items(self.items(other), {name: ident}))
                if count:
                    links.append(Link(other.title, other.href(**{param: ident}), count))
        return tuple(links)


def _tags(item: BaseModel, skip: str) -> tuple[str, ...]:
    tags: list[str] = []
    for name in LIST_TAGS:
        value = getattr(item, name, None)
        if name == skip or value is None:
            continue
        tags.extend(str(v) for v in (value if isinstance(value, tuple) else (value,)))
    return tuple(tags)


_LIBRARY: list[Library] = []


def library_for(kb: KnowledgeBase) -> Library:
    """The ``Library`` for this KB object, built on first use: ``load_knowledge`` returns
    the same object every time, and hashing a whole KB as a cache key would cost more."""
    if not _LIBRARY or _LIBRARY[0].kb is not kb:
        _LIBRARY[:] = [Library(kb)]
    return _LIBRARY[0]

"""Library search results: ``knowledge.browse.search`` plus a snippet around the first hit.

The ranking is browse's (shared with ``infraprep kb search``); this module only
decides what a result shows. Highlights are returned as (text, is_match)
segments so the template wraps matches in <mark> while Jinja escapes the text:
no markup is ever built from KB or query text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from infraprep.knowledge.browse import search, title_of
from infraprep.web.library_catalog import BY_NAME, BY_SLUG, Collection
from infraprep.web.library_view import Library

Segments = tuple[tuple[str, bool], ...]
MAX_RESULTS = 50
MAX_QUERY = 200  # characters; longer queries are cut, and the page says so
SNIPPET = 200  # characters around the first match

_WORDS = re.compile(r"[\w+#./-]+")  # the same tokens browse.search looks for


@dataclass(frozen=True)
class Hit:
    collection: Collection
    href: str
    title: Segments
    snippet: Segments


@dataclass(frozen=True)
class SearchView:
    query: str
    kind: str  # a collection slug, or "" for everything
    hits: tuple[Hit, ...]
    capped: bool  # more than MAX_RESULTS matched
    notes: tuple[str, ...]  # polite explanations: empty, too short, cut, unknown kind
    searched: bool


def query_words(query: str) -> list[str]:
    return [w for w in _WORDS.findall(query.lower()) if len(w) > 1]


def run_search(library: Library, query: str, kind: str = "") -> SearchView:
    notes: list[str] = []
    query = query.strip()
    if len(query) > MAX_QUERY:
        query = query[:MAX_QUERY]
        notes.append(f"The search was cut to its first {MAX_QUERY} characters.")
    collection = BY_SLUG.get(kind) or BY_NAME.get(kind)
    if kind and collection is None:
        notes.append("That collection does not exist, so the whole library was searched.")
    slug = collection.slug if collection else ""
    if not query:
        return SearchView(query, slug, (), False, tuple(notes), searched=False)
    words = query_words(query)
    if not words:
        notes.append("Type at least one word of two or more letters to search.")
        return SearchView(query, slug, (), False, tuple(notes), searched=False)
    name = collection.name if collection else None
    found = search(library.kb, query, limit=MAX_RESULTS + 1, collection=name)
    hits = tuple(
        Hit(
            BY_NAME[coll],
            library.href(BY_NAME[coll], item),
            highlight(title_of(item), words),
            snippet(item, words),
        )
        for coll, item, _score in found[:MAX_RESULTS]
    )
    return SearchView(query, slug, hits, len(found) > MAX_RESULTS, tuple(notes), searched=True)


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for inner in value.values():
            yield from _strings(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _strings(inner)


def snippet(item: BaseModel, words: list[str], width: int = SNIPPET) -> Segments:
    """About ``width`` characters of the item's text around the earliest query word,
    from the first field (after the title) that has one."""
    title = title_of(item)
    texts = [
        s
        for s in _strings(item.model_dump(mode="json"))
        if s != title and s != getattr(item, "id", None)
    ]
    text, pos = (texts[0] if texts else ""), 0
    for candidate in texts:
        low = candidate.lower()
        found = [low.find(w) for w in words if w in low]
        if found:
            text, pos = candidate, min(found)
            break
    start = max(0, pos - width // 3)
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < pos else start
    end = start + width
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > pos else end
    excerpt = ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")
    return highlight(excerpt, words)


def highlight(text: str, words: list[str]) -> Segments:
    """``text`` split into (piece, matched) segments, matching the words case-insensitively."""
    if not words:
        return ((text, False),)
    pattern = re.compile(
        "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)), re.I
    )
    segments: list[tuple[str, bool]] = []
    last = 0
    for match in pattern.finditer(text):
        if match.start() > last:
            segments.append((text[last : match.start()], False))
        segments.append((match.group(0), True))
        last = match.end()
    if last < len(text):
        segments.append((text[last:], False))
    return tuple(segments)

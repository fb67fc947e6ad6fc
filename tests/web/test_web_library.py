"""The library pages through FastAPI's TestClient: counts, every collection, item fields,
spoilers, search, escaping, 404s and links. Items are picked from the loaded KB, so the
assertions follow the content rather than a copy of it."""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from importlib import resources
from typing import Any

import pytest

pytest.importorskip("fastapi")

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # Starlette's TestClient warns that it prefers httpx2
    from fastapi.testclient import TestClient

from markupsafe import escape
from pydantic import AnyUrl, BaseModel

from infraprep.knowledge import load_knowledge
from infraprep.knowledge.browse import stats
from infraprep.web.app import create_app
from infraprep.web.library_catalog import COLLECTIONS, LINKS, Collection
from infraprep.web.security import SECURITY_HEADERS
from infraprep.web.settings import WebSettings

KB = load_knowledge()
STATS_KEYS = {
    "families": "families",
    "stages": "loop_stages",
    "signals": "signals",
    "questions": "questions",
    "concepts": "concepts",
    "drills": "drills",
    "scenarios": "scenarios",
    "smart_questions": "smart_questions",
    "archetypes": "archetypes",
    "competencies": "competencies",
}


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    settings = WebSettings(data_dir=tmp_path_factory.mktemp("library-data"), reports_per_minute=0)
    with TestClient(create_app(settings)) as c:
        yield c


def _get(client: TestClient, path: str, status: int = 200) -> str:
    resp = client.get(path)
    assert resp.status_code == status, (path, resp.text[:500])
    assert resp.headers["content-type"].startswith("text/html")
    return resp.text


def _esc(text: str) -> str:
    return str(escape(text))


def _shown_strings(model: BaseModel) -> Iterator[str]:
    """Every string an item page must print: links print names, so their ids are skipped
    (``_linked_ids`` checks those), and numbers are formatted, so they are skipped too."""
    for name in type(model).model_fields:
        value = getattr(model, name)
        if name == "id" or name in LINKS:
            continue
        for v in value if isinstance(value, tuple) else (value,):
            if isinstance(v, BaseModel):
                yield from _shown_strings(v)
            elif isinstance(v, AnyUrl):
                yield str(v)
            elif isinstance(v, str):
                yield v


def _linked_ids(model: BaseModel) -> Iterator[tuple[str, str]]:
    for name, target in LINKS.items():
        for ident in getattr(model, name, ()) or ():
            yield target, ident


def _pick(collection: Collection) -> list[Any]:
    items = list(getattr(KB, collection.name))
    if collection.name == "drills":  # one of each kind: estimation, design, scripting
        return [
            next(d for d in items if d.kind == kind)
            for kind in ("estimation", "design", "scripting")
        ]
    return items[:1]


# ------------------------------------------------------------------ index


def test_library_index_counts_every_collection(client: TestClient) -> None:
    page = _get(client, "/library")
    counts = dict(re.findall(r'data-collection="(\w+)" data-count="(\d+)"', page))
    expected = stats(KB)
    for name, key in STATS_KEYS.items():
        assert int(counts[name]) == expected[key], name
    assert int(counts["timeline"]) == len(KB.timeline)
    assert set(counts) == {c.name for c in COLLECTIONS}


@pytest.mark.parametrize(
    ("slug", "param", "key"),
    [
        ("questions", "kind", "questions_by_kind"),
        ("concepts", "area", "concepts_by_area"),
        ("drills", "kind", "drills_by_kind"),
        ("smart-questions", "theme", "smart_questions_by_theme"),
    ],
)
def test_library_index_group_counts(client: TestClient, slug: str, param: str, key: str) -> None:
    page = _get(client, "/library")
    found = re.findall(
        rf'<a href="/library/{slug}\?{param}=([\w-]+)">[^<]*</a> '
        r'<span class="library-count" data-count="(\d+)"',
        page,
    )
    assert {value: int(n) for value, n in found} == stats(KB)[key]


def test_library_index_splits_infra_and_off_target_families(client: TestClient) -> None:
    page = _get(client, "/library")
    section = page.split('id="families"', 1)[1].split("</section>", 1)[0]
    infra, off = section.split("Off-target roles", 1)
    for fam in KB.families:
        assert f'href="/library/families/{fam.id}"' in (infra if fam.on_target else off)


def test_library_index_links_all_resolve(client: TestClient) -> None:
    page = _get(client, "/library")
    hrefs = {h.replace("&amp;", "&") for h in re.findall(r'href="(/library[^"#]*)"', page)}
    assert len(hrefs) > 60
    for href in sorted(hrefs):
        _get(client, href)


# ------------------------------------------------------------------ lists and items


@pytest.mark.parametrize("collection", COLLECTIONS, ids=lambda c: c.slug)
def test_library_list_page_lists_every_item(client: TestClient, collection: Collection) -> None:
    page = _get(client, collection.href())
    items = getattr(KB, collection.name)
    assert f"{len(items)} of {len(items)}" in page
    for item in items:
        assert f'href="/library/{collection.slug}/{item.id}"' in page


def test_library_list_filters(client: TestClient) -> None:
    page = _get(client, "/library/questions?kind=technical&area=linux")
    wanted = [q for q in KB.questions if q.kind == "technical" and q.area == "linux"]
    assert f"{len(wanted)} of {len(KB.questions)}" in page
    others = [q for q in KB.questions if q not in wanted]
    assert all(f'/library/questions/{q.id}"' not in page for q in others)
    # an item written for every family (families empty) is listed under any family
    generic = next(q for q in KB.questions if not q.families)
    assert f'/library/questions/{generic.id}"' in _get(client, "/library/questions?family=sre")


@pytest.mark.parametrize(
    "item",
    [item for c in COLLECTIONS for item in _pick(c)],
    ids=lambda i: i.id,
)
def test_library_item_page_shows_every_field(client: TestClient, item: BaseModel) -> None:
    collection = next(c for c in COLLECTIONS if item in getattr(KB, c.name))
    page = _get(client, f"/library/{collection.slug}/{item.id}")  # type: ignore[attr-defined]
    for text in _shown_strings(item):
        assert _esc(text) in page, text
    for target, ident in _linked_ids(item):
        slug = next(c.slug for c in COLLECTIONS if c.name == target)
        assert f'href="/library/{slug}/{ident}"' in page


def test_library_concept_page(client: TestClient) -> None:
    concept = KB.concepts[0]
    page = _get(client, f"/library/concepts/{concept.id}")
    for label in ("Summary", "Why it matters", "Mid", "Senior", "Staff", "Pitfalls"):
        assert label in page
    assert _esc(concept.depth.staff) in page
    assert f'<a href="{concept.reference}" rel="noopener noreferrer">' in page


def test_library_family_page_links_its_loop(client: TestClient) -> None:
    fam = KB.family("sre")
    page = _get(client, "/library/families/sre")
    loop = page.split("Typical loop", 1)[1].split("</ol>", 1)[0]
    assert re.findall(r'href="/library/stages/([\w-]+)"', loop) == list(fam.typical_loop)
    for weigh in fam.interviewers_weigh:
        assert _esc(weigh) in page
    assert 'href="/library/questions?family=sre"' in page  # elsewhere in the library


def test_library_scenario_spoilers_are_closed(client: TestClient) -> None:
    scenario = KB.scenarios[0]
    page = _get(client, f"/library/scenarios/{scenario.id}")
    match = re.search(r'<details class="library-spoilers">(.*?)</details>', page, re.S)
    assert match, "no spoilers block"
    spoilers, before = match.group(1), page[: match.start()]
    secrets = [
        scenario.root_cause,
        scenario.debrief,
        *(m.consequence for m in scenario.mitigations),
    ]
    for text in secrets:
        assert _esc(text) in spoilers
        assert _esc(text) not in before
    # the options stay visible: what a practising user can choose from
    for mitigation in scenario.mitigations:
        assert _esc(mitigation.label) in before
    assert _esc(scenario.alert) in before


def test_library_drill_solution_is_preformatted(client: TestClient) -> None:
    drill = next(d for d in KB.drills if d.solution)
    page = _get(client, f"/library/drills/{drill.id}")
    assert f"<pre><code>{_esc(drill.solution or '')}</code></pre>" in page


# ------------------------------------------------------------------ search


def test_library_search_finds_a_concept_by_a_title_word(client: TestClient) -> None:
    concept = next(c for c in KB.concepts if "Raft" in c.title)
    page = _get(client, "/library/search?q=raft")
    assert f'href="/library/concepts/{concept.id}"' in page
    assert "<mark>" in page
    scoped = _get(client, "/library/search?q=raft&kind=questions")
    assert f'href="/library/concepts/{concept.id}"' not in scoped


def test_library_search_escapes_the_query(client: TestClient) -> None:
    page = _get(client, "/library/search?q=<script>alert(1)</script>")
    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert re.findall(r"<script[^>]*>(.*?)</script>", page, re.S | re.I) == [""]


def test_library_search_empty_and_short_queries(client: TestClient) -> None:
    assert "Type a word or two" in _get(client, "/library/search")
    assert "two or more letters" in _get(client, "/library/search?q=a")
    assert "does not exist" in _get(client, "/library/search?q=raft&kind=nope")


def test_library_search_caps_results(client: TestClient) -> None:
    page = _get(client, "/library/search?q=the")
    assert "Showing the first 50" in page
    results = page.split('<ol class="library-results">', 1)[1].split("</ol>", 1)[0]
    assert results.count("<li>") == 50


# ------------------------------------------------------------------ errors and safety


@pytest.mark.parametrize("path", ["/library/nope", "/library/concepts/no-such-concept"])
def test_library_unknown_gives_404_page(client: TestClient, path: str) -> None:
    page = _get(client, path, status=404)
    assert "<h1>" in page and "/library" in page
    assert "no-such-concept" in page or "nope" in page


def test_library_ids_are_looked_up_per_collection(client: TestClient) -> None:
    # "troubleshooting" is a competency and a loop stage: each page shows its own item
    assert "Troubleshooting interview" in _get(client, "/library/stages/troubleshooting")
    _get(client, "/library/scenarios/troubleshooting", status=404)


def test_library_pages_have_security_headers(client: TestClient) -> None:
    for path in ("/library", "/library/concepts", "/library/search?q=dns", "/library/nope"):
        resp = client.get(path)
        for name, value in SECURITY_HEADERS.items():
            assert resp.headers[name] == value


def test_library_templates_never_mark_text_safe() -> None:
    folder = resources.files("infraprep.web").joinpath("templates/library")
    for template in folder.iterdir():
        assert "|safe" not in template.read_text(encoding="utf-8").replace(" ", ""), template.name

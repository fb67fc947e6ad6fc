"""The library: the knowledge base as linkable pages, the guide half of the product.

Routes only: the view models are in ``library_view`` (index and lists),
``library_item`` (item pages), ``library_search`` (results) and
``library_catalog`` (what is shown, declared as data). The KB comes from the cached
``load_knowledge()``, so a page costs look-ups, not YAML parsing. Every string
from the KB or the query reaches HTML through Jinja's autoescape.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from infraprep.knowledge import load_knowledge
from infraprep.web.library_catalog import COLLECTIONS
from infraprep.web.library_item import ItemPage
from infraprep.web.library_search import MAX_RESULTS, run_search
from infraprep.web.library_view import Library, library_for
from infraprep.web.templating import page

router = APIRouter(prefix="/library", include_in_schema=False)


def _library() -> Library:
    return library_for(load_knowledge())


@router.get("", response_class=HTMLResponse)
def library_index() -> Response:
    library = _library()
    return page("library/index.html.j2", sections=library.index(), collections=COLLECTIONS)


@router.get("/search", response_class=HTMLResponse)
def library_search(q: str = "", kind: str = "") -> Response:
    results = run_search(_library(), q, kind)
    return page("library/search.html.j2", results=results, collections=COLLECTIONS, cap=MAX_RESULTS)


@router.get("/{slug}", response_class=HTMLResponse)
def library_list(request: Request, slug: str) -> Response:
    library = _library()
    collection = library.collection(slug)
    params = {k: v[:80] for k, v in request.query_params.items()}
    return page("library/list.html.j2", view=library.listing(collection, params))


@router.get("/{slug}/{ident}", response_class=HTMLResponse)
def library_item(slug: str, ident: str) -> Response:
    library = _library()
    collection = library.collection(slug)
    view = ItemPage(library, collection).view(library.item(collection, ident))
    return page("library/item.html.j2", view=view)

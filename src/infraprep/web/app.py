"""The ASGI app: wiring only. Routes live in ``pages``, ``api``, ``library`` and
``practice``; operations in ``service``, safety in ``security``, errors in ``errors``."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI

from infraprep import __version__
from infraprep.store import ReportStore
from infraprep.web import api, library, pages, practice
from infraprep.web.errors import install_error_handlers
from infraprep.web.security import SecurityMiddleware
from infraprep.web.service import ReportService
from infraprep.web.settings import WebSettings


def create_app(settings: WebSettings | Path) -> FastAPI:
    """The web app. A bare path means default settings with that data directory."""
    if not isinstance(settings, WebSettings):
        settings = WebSettings(data_dir=Path(settings))
    if settings.database_url:
        store = ReportStore(settings.database_url)
    else:
        store = ReportStore.in_directory(settings.data_dir)
    service = ReportService(settings, store)
    service.purge_expired()
    app = FastAPI(
        title="infraprep",
        version=__version__,
        description="CV + job description -> tailored interview prep report.",
        docs_url=None,  # Swagger UI loads scripts from a CDN, which the CSP forbids
        redoc_url=None,
    )
    app.state.service = service
    app.add_middleware(SecurityMiddleware, max_request_bytes=settings.max_request_bytes)
    install_error_handlers(app)
    app.include_router(pages.router)
    app.include_router(api.router)
    app.include_router(library.router)
    app.include_router(practice.router)
    return app

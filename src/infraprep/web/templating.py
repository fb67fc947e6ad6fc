"""Jinja2 pages and the static assets (one stylesheet, one small script), no build step."""

from __future__ import annotations

import functools
from importlib import resources
from typing import Any

import jinja2
from fastapi.responses import HTMLResponse

from infraprep import __version__


@functools.lru_cache(maxsize=1)
def templates() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("infraprep.web", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )


@functools.lru_cache(maxsize=1)
def stylesheet() -> str:
    """The report's own CSS plus the app's, so a report looks the same in the page and the file."""
    report_css = resources.files("infraprep.render").joinpath("templates/report.css")
    app_css = resources.files("infraprep.web").joinpath("templates/app.css")
    return report_css.read_text(encoding="utf-8") + "\n" + app_css.read_text(encoding="utf-8")


@functools.lru_cache(maxsize=1)
def script() -> str:
    return resources.files("infraprep.web").joinpath("static/app.js").read_text(encoding="utf-8")


def page(template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    html = templates().get_template(template).render(version=__version__, **context)
    return HTMLResponse(html, status_code=status_code, headers={"cache-control": "no-store"})

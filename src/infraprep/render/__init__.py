"""render: Plan -> HTML, Markdown, JSON, PDF, Anki deck, iCalendar.

One module per format, each exposing ``render_<format>(plan) -> bytes``;
``RENDERERS`` maps the format names the CLI and the web app accept to them.
Heavy libraries (WeasyPrint, genanki, icalendar) load only when their format
is asked for.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from infraprep.models import Plan


@dataclass(frozen=True)
class Format:
    name: str
    module: str
    function: str
    extension: str
    media_type: str

    def render(self, plan: Plan) -> bytes:
        fn: Callable[[Plan], bytes] = getattr(
            importlib.import_module(f"infraprep.render.{self.module}"),
            self.function,
        )
        return fn(plan)


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("html", "html", "render_html", ".html", "text/html; charset=utf-8"),
        Format("md", "markdown", "render_markdown", ".md", "text/markdown; charset=utf-8"),
        Format("json", "json", "render_json", ".json", "application/json"),
        Format("pdf", "pdf", "render_pdf", ".pdf", "application/pdf"),
        Format("apkg", "anki", "render_anki", ".apkg", "application/octet-stream"),
        Format("ics", "ics", "render_ics", ".ics", "text/calendar; charset=utf-8"),
    )
}


def render(plan: Plan, fmt: str) -> bytes:
    """Render a plan in one of ``FORMATS``."""
    return FORMATS[fmt].render(plan)


__all__ = ["FORMATS", "Format", "render"]

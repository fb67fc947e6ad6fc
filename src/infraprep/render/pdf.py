"""The report as PDF, through WeasyPrint (the optional ``pdf`` extra)."""

from __future__ import annotations

from infraprep.errors import RenderError
from infraprep.models import Plan
from infraprep.render.html import render_html


def render_pdf(plan: Plan) -> bytes:
    try:
        from weasyprint import HTML
    except ImportError as exc:
        raise RenderError(
            "PDF output needs WeasyPrint, which is not installed.",
            "Install the extra: pip install 'infraprep[pdf]' (Debian also needs "
            "libpango-1.0-0 libpangoft2-1.0-0 and a font such as fonts-dejavu-core).",
        ) from exc
    except OSError as exc:  # the Python package is there but Pango is not
        raise RenderError(
            f"WeasyPrint could not load its system libraries: {exc}",
            "Install Pango: apt-get install libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core",
        ) from exc
    result: bytes = HTML(string=render_html(plan).decode("utf-8")).write_pdf()
    return result

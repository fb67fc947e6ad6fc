"""The plan as one self-contained HTML file: readable on screen, clean on paper.

Jinja2 autoescaping is on for every template, so CV and JD text can never
become markup; the only script is a one-liner that opens collapsed sections
before printing.
"""

from __future__ import annotations

import functools

import jinja2

from infraprep.models import Plan
from infraprep.render.evidence import FileLines, cite, label
from infraprep.render.titles import item_titles

PRINT_SCRIPT = (
    "window.addEventListener('beforeprint',function(){"
    "document.querySelectorAll('details').forEach(function(d){d.open=true})});"
)


@functools.lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("infraprep.render", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["cite"] = cite
    env.filters["label"] = label
    return env


def render_body(plan: Plan, practice_base: str | None = None) -> str:
    """The report's inner HTML, for embedding in the web app's page.

    ``practice_base`` is where the web app serves its practice pages ("/practice"):
    each practice command then links there too. A report file has no server behind
    it, so it names only the commands.
    """
    return (
        environment()
        .get_template("report_body.html.j2")
        .render(
            plan=plan,
            practice_base=practice_base,
            titles=item_titles(plan),
            at=FileLines.of(plan),
        )
    )


def render_html(plan: Plan) -> bytes:
    page = (
        environment()
        .get_template("report.html.j2")
        .render(
            plan=plan,
            body=render_body(plan),
            print_script=PRINT_SCRIPT,
        )
    )
    return page.encode("utf-8")

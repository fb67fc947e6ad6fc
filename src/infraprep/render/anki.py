"""The report's questions and concept cards as an Anki deck (.apkg) for spaced review."""

from __future__ import annotations

import hashlib
import html
import tempfile
from pathlib import Path

from infraprep.models import Plan

_CSS = (
    ".card{font-family:system-ui,sans-serif;font-size:18px;text-align:left;}ul{padding-left:1.2em}"
)


def _stable_id(text: str) -> int:
    """Anki ids derived from text, so a re-import updates notes instead of duplicating them."""
    return int(hashlib.sha256(text.encode()).hexdigest()[:8], 16) % (1 << 30) + (1 << 30)


def _ul(items: tuple[str, ...] | list[str]) -> str:
    return "<ul>" + "".join(f"<li>{html.escape(i)}</li>" for i in items) + "</ul>"


def render_anki(plan: Plan) -> bytes:
    import genanki

    model = genanki.Model(
        _stable_id("infraprep-model-v1"),
        "infraprep card",
        fields=[{"name": "Front"}, {"name": "Back"}, {"name": "Id"}],
        templates=[
            {
                "name": "Card",
                "qfmt": "{{Front}}",
                "afmt": "{{FrontSide}}<hr id=answer>{{Back}}",
            }
        ],
        css=_CSS,
    )
    title = plan.posting.title + (f" at {plan.posting.company}" if plan.posting.company else "")
    deck = genanki.Deck(_stable_id(f"deck|{title}"), f"infraprep::{title}")
    for q in (*plan.behavioural, *plan.technical):
        back = f"<p><b>What it tests:</b> {html.escape(q.tests)}</p>" + _ul(q.talking_points)
        if q.red_flags:
            back += "<p><b>Red flags:</b></p>" + _ul(q.red_flags)
        if q.story:
            back += f"<p><b>Your story:</b> {html.escape(q.story.bullet)}</p>"
        deck.add_note(
            genanki.Note(
                model=model,
                fields=[html.escape(q.prompt), back, q.id],
                guid=genanki.guid_for(q.id),
                tags=[q.kind],
            )
        )
    for c in plan.concepts:
        front = f"<b>{html.escape(c.title)}</b>" + _ul(c.self_check)
        back = (
            f"<p>{html.escape(c.summary)}</p><p><b>Expected:</b> {html.escape(c.depth)}</p>"
            + "<p><b>Pitfalls:</b></p>"
            + _ul(c.pitfalls)
            + f'<p><a href="{html.escape(c.reference)}">{html.escape(c.reference)}</a></p>'
        )
        deck.add_note(
            genanki.Note(
                model=model,
                fields=[front, back, c.id],
                guid=genanki.guid_for(c.id),
                tags=["concept", c.area],
            )
        )
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "deck.apkg"
        genanki.Package(deck).write_to_file(str(path))
        return path.read_bytes()

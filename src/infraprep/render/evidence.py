"""How a piece of evidence reads in a report: 'JD line 12: "..."'.

The pipeline counts the lines it read; a reader checks a claim against the file.
For a text or Markdown file the two differ (blank lines, front matter, wrapped
bullets read as one), so a report names the file's own line where the file has
lines, and the read line for PDF, Word and web pages, which have none.
"""

from __future__ import annotations

from dataclasses import dataclass

from infraprep.models import Evidence, Plan

_SOURCE = {"jd": "JD", "cv": "CV", "knowledge": "Guide"}


@dataclass(frozen=True)
class FileLines:
    """The file's line number of each line the pipeline read, per source."""

    cv: tuple[int, ...] = ()
    jd: tuple[int, ...] = ()

    @classmethod
    def of(cls, plan: Plan) -> FileLines:
        return cls(cv=plan.profile.line_numbers, jd=plan.posting.line_numbers)

    def __call__(self, source: str, line: int) -> int:
        numbers = self.cv if source == "cv" else self.jd if source == "jd" else ()
        if 0 < line <= len(numbers) and numbers[line - 1]:
            return numbers[line - 1]
        return line


_READ_LINES = FileLines()


def label(ev: Evidence, lines: FileLines = _READ_LINES) -> str:
    return _SOURCE[ev.source] + (f" line {lines(ev.source, ev.line)}" if ev.line else "")


def cite(ev: Evidence, lines: FileLines = _READ_LINES, limit: int = 160) -> str:
    text = ev.text if len(ev.text) <= limit else ev.text[: limit - 1].rstrip() + "…"
    note = f" ({ev.note})" if ev.note and ev.source != "knowledge" else ""
    quoted = f"“{text}”" if ev.source != "knowledge" else text
    return f"{label(ev, lines)}{note}: {quoted}"

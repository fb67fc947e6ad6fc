"""Positions that belong together once found: a role listed again inside its own span
is a project of that job (Indeed exports list each project so), and roles dated inside
an employer's heading ("STRATEGIC MARKETING, INC / 1998 to 2008") work there.
"""

from __future__ import annotations

import datetime as dt

from infraprep.models import Position
from infraprep.parse.dates import to_month_index
from infraprep.parse.position_header import ROLE_WORDS, UNTITLED, names_an_organisation

_FAR_FUTURE = dt.date(9999, 1, 1)  # "present" is later than any written date


def _within(inner: Position, outer: Position) -> bool:
    """``inner``'s dates lie inside ``outer``'s and are not the same."""

    def span(p: Position) -> tuple[int, int]:
        start = to_month_index(p.start or "", _FAR_FUTURE, is_end=False)
        end = to_month_index(p.end or "", _FAR_FUTURE, is_end=True)
        return start, end

    if not (inner.start and inner.end and outer.start and outer.end):
        return False
    (a, b), (c, d) = span(inner), span(outer)
    return c <= a and b <= d and (a, b) != (c, d)


def fold_repeated_roles(positions: list[Position]) -> list[Position]:
    """A role listed again inside its own span (same title and company, dates within) is a
    project of that job, as Indeed exports list them: its bullets join the job. So is an
    entry naming neither role nor employer dated inside the job before it: "Client:
    Marlow & Strand Insurance — AWS landing zone | Jan 2016 – Aug 2016" under a
    contractor's "Contract DevOps Engineer — Ferris Cloud Consulting | 2016 – 2017"."""
    kept = list(positions)
    for inner in positions:
        nameless = inner.title == UNTITLED and inner.company is None
        outer = next(
            (
                o
                for o in kept
                if o is not inner
                and (
                    o.title == inner.title != UNTITLED
                    or (nameless and kept.index(o) < kept.index(inner) and o.title != UNTITLED)
                )
                and (inner.company is None or o.company == inner.company)
                and _within(inner, o)
            ),
            None,
        )
        if outer is None:
            continue
        index = kept.index(outer)
        kept[index] = outer.model_copy(
            update={
                "bullets": outer.bullets + inner.bullets,
                "bullet_lines": outer.bullet_lines + inner.bullet_lines,
            }
        )
        kept.remove(inner)
    return kept


def share_employer_spans(positions: list[Position], headings: set[int]) -> list[Position]:
    """ "STRATEGIC MARKETING, INC / 1998 to 2008" straight over roles dated inside that
    span and naming no employer: the lines are the employer's heading, not a position
    of its own, and each role under it works there. ``headings``: the indexes of
    positions whose header is a name above the dates with the next header right under.
    """
    result: list[Position] = []
    employer: Position | None = None
    for index, position in enumerate(positions):
        # its "title" may be the employer's town ("Edinburgh"): a heading names no role
        names_no_role = position.title == UNTITLED or not ROLE_WORDS.search(position.title)
        if index in headings and names_no_role and position.company:
            employer = position
            result.append(position)
            continue
        if employer is not None and position.company is None and _within(position, employer):
            if result and result[-1] is employer:
                result.pop()  # the heading gives way to its first role
            position = position.model_copy(update={"company": _employer_name(employer)})
        else:
            employer = None
        result.append(position)
    return result


def _employer_name(heading: Position) -> str | None:
    """The employer a heading names: "ABC STORE - Example City" read as title and company
    (no word says which is which) names the store first, and its town after; "Brackenridge
    Bank plc — Edinburgh" says by "plc" which part is the company."""
    if heading.title == UNTITLED or names_an_organisation(heading.company or ""):
        return heading.company
    return heading.title

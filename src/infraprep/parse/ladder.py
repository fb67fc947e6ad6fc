"""A job-family page's level ladder: what each level of the same job asks for.

GitLab's handbook pages (and others like them) list "Associate Site Reliability
Engineer", "Site Reliability Engineer", "Senior ..." and "Staff ..." one after the
other, each with its own criteria ("Advanced Terraform syntax and GitLab CI/CD
configuration"). Those criteria are what an interviewer at that level probes, so
the requirements of the level applied at are read from its block; the other
levels' blocks are not asked of the candidate.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from infraprep.models import Level
from infraprep.parse.level import title_cue
from infraprep.parse.lines import Line
from infraprep.parse.position_header import ENDS_WITH_ROLE

# "Extends Senior ... responsibilities, plus;", "has all the same responsibilities as"
_EXTENDS = re.compile(r"^extends\b|\ball (?:the )?same responsibilities\b|\bin addition to\b", re.I)
_WORDS = re.compile(r"[a-z]+")


@dataclass(frozen=True)
class Ladder:
    """The levels a job-family page lists, each with the list items of its block."""

    blocks: dict[Level, list[Line]] = field(default_factory=dict)
    headings: dict[Level, Line] = field(default_factory=dict)
    # blocks of a level read twice ("Senior Manager" after "Manager"): asked of no one
    beyond: tuple[Line, ...] = ()

    @property
    def lines(self) -> frozenset[int]:
        """Every line of every level's block: none is asked unless its level is."""
        return frozenset(
            line.no for items in (*self.blocks.values(), self.beyond) for line in items
        )

    def criteria(self, level: Level, is_duty: Callable[[Line], bool]) -> list[Line]:
        """What the page asks at ``level``: its block, and what it extends.

        "Extends Senior Infrastructure Security Engineer responsibilities, plus;" asks
        the senior block's duties too (``is_duty`` says which lines are duties), and
        what that one extends. A level heading nested under the job's own ("## Support
        Engineer" over "### Senior Support Engineer") adds to the job's block, which is
        asked whole; a level of the same depth stands alone.
        """
        asked: list[Line] = list(self.blocks.get(level, []))
        seen: set[Level] = {level}
        todo = self._extended(level)
        while todo:
            current, duties_only = todo.pop(0)
            if current in seen or current not in self.blocks:
                continue
            seen.add(current)
            asked += [ln for ln in self.blocks[current] if not duties_only or is_duty(ln)]
            todo += self._extended(current)
        return asked

    def _extended(self, level: Level) -> list[tuple[Level, bool]]:
        """The levels ``level`` builds on, each with whether only its duties carry over."""
        if level not in self.blocks:
            return []
        found: list[tuple[Level, bool]] = []
        for line in self.blocks[level]:
            if not _EXTENDS.search(line.text):
                continue
            # "Extends Security Incident Response Engineer responsibilities" under headings
            # that say "Security Incident Response Team Engineer": the level whose heading
            # it names most of, "Senior ..." before the bare job when it says "Senior"
            said = set(_WORDS.findall(line.text.lower()))
            named = []
            for other, head in self.headings.items():
                words = set(_WORDS.findall(_bare(head.text)))
                share = len(words & said) / len(words) if words and other != level else 0.0
                if share >= 0.7:
                    named.append((share, len(words), other))
            if named:
                found.append((max(named)[2], True))
        base, head = self.headings.get("mid"), self.headings.get(level)
        if base and head and level != "mid" and 0 < base.level < head.level:
            found.append(("mid", False))
        return found


def _bare(heading: str) -> str:
    """A level heading as a line that points at it would write it, without "(Intermediate)"."""
    return _split_bracket(heading)[0]


_TRAILING_BRACKET = re.compile(r"^(?P<base>.+?)\s*\((?P<inside>[^()]*)\)$")


def _split_bracket(heading: str) -> tuple[str, str | None]:
    """A heading in lower case, and what a closing bracket holds:
    "Security Engineer (Intermediate)" -> ("security engineer", "intermediate")."""
    text = " ".join(heading.lower().split())
    bracket = _TRAILING_BRACKET.match(text)
    return (bracket["base"], bracket["inside"]) if bracket else (text, None)


def read_ladder(lines: list[Line], title: str) -> Ladder:
    """The levels of the job ``title`` names or, when the title names a team, of the job
    the level headings share. Empty unless the page has at least two level headings of
    that job: a single heading naming the job is the page's own title, not a ladder.
    """
    for job in dict.fromkeys((_job_name(title), _job_in_headings(lines))):
        if job and (ladder := _ladder_of(lines, job)).blocks:
            return ladder
    return Ladder()


def _job_in_headings(lines: list[Line]) -> str:
    """The job a page's level headings share when its title names a team ("Infrastructure
    Security - Roles & Responsibilities"): "Senior Infrastructure Security Engineer" and
    "Staff ..." below "Infrastructure Security Engineer (Intermediate)"."""
    levels: dict[str, set[Level]] = {}
    for line in lines:
        if not line.is_heading or line.level <= 1:
            continue
        base, inside = _split_bracket(line.text)
        first, _, rest = base.partition(" ")
        if inside is not None:
            job, cue = base, title_cue(inside)
        else:
            job, cue = rest, title_cue(first) if rest else None
        if cue is not None:
            levels.setdefault(job, set()).add(cue)
    # "Intermediate requirements" / "Senior requirements" share a section's name, not a job
    shared = [
        job for job, found in levels.items() if len(found) >= 2 and ENDS_WITH_ROLE.search(job)
    ]
    return max(shared, key=lambda job: (len(levels[job]), job), default="")


def _ladder_of(lines: list[Line], job: str) -> Ladder:
    starts: list[tuple[int, Level]] = []
    for index, line in enumerate(lines):
        if not line.is_heading or line.level <= 1:
            continue  # the page's own title heading names the job, not a level (and a
            # heading of no known depth cannot bound a block)
        level = _level_of(line.text, job)
        if level is not None:
            starts.append((index, level))
    if len({level for _, level in starts}) < 2:
        return Ladder()
    blocks: dict[Level, list[Line]] = {}
    headings: dict[Level, Line] = {}
    beyond: list[Line] = []
    for index, level in starts:
        head = lines[index]
        items: list[Line] = []
        for line in lines[index + 1 :]:
            if line.is_heading and line.level and head.level and line.level <= head.level:
                break  # the next level, or the page's next part ("Specializations")
            if line.kind == "list_item":
                items.append(line)
        if level not in blocks:
            blocks[level], headings[level] = items, head
        else:
            beyond += items
    return Ladder(blocks, headings, tuple(beyond))


def _job_name(title: str) -> str:
    """ "Senior Site Reliability Engineer" -> "site reliability engineer"."""
    words = title.lower().split()
    if len(words) > 1 and title_cue(words[0]) is not None:
        words = words[1:]
    return " ".join(words)


def _level_of(heading: str, job: str) -> Level | None:
    """ "Senior Site Reliability Engineer" is the senior block; the job's name alone is
    the middle of the ladder, and so is "Security Engineer (Intermediate)".
    "Manager, Infrastructure Security" and "Senior Manager, ..." manage the job's team."""
    base, inside = _split_bracket(heading)
    if base == job:
        return title_cue(inside or "") or "mid"
    text = " ".join(heading.lower().split())
    manager = re.match(r"^(?:[a-z]+ )?(manager|director|head)(?: of)?,? (.+)$", text)
    if manager and job.startswith(manager.group(2)):
        return "director" if manager.group(1) in ("director", "head") else "manager"
    if not text.endswith(" " + job):
        return None
    return title_cue(text[: -len(job)])

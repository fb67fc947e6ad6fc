"""A job-family page's level ladder: what each level of the same job asks for.

GitLab's handbook pages (and others like them) list "Associate Site Reliability
Engineer", "Site Reliability Engineer", "Senior ..." and "Staff ..." one after the
other, each with its own criteria ("Advanced Terraform syntax and GitLab CI/CD
configuration"). Those criteria are what an interviewer at that level probes, so
the requirements of the level applied at are read from its block; the other
levels' blocks are not asked of the candidate.
"""

from __future__ import annotations

from infraprep.models import Level
from infraprep.parse.level import title_cue
from infraprep.parse.lines import Line


def ladder_blocks(lines: list[Line], title: str) -> dict[Level, list[Line]]:
    """The list items under each level heading of the job titled ``title``.

    Empty unless the page has at least two level headings of that job: a single
    heading naming the job is the page's own title, not a ladder.
    """
    job = _job_name(title)
    if not job:
        return {}
    starts: list[tuple[int, Level]] = []
    for index, line in enumerate(lines):
        if not line.is_heading or line.level <= 1:
            continue  # the page's own title heading names the job, not a level (and a
            # heading of no known depth cannot bound a block)
        level = _level_of(line.text, job)
        if level is not None:
            starts.append((index, level))
    if len({level for _, level in starts}) < 2:
        return {}
    blocks: dict[Level, list[Line]] = {}
    for index, level in starts:
        head = lines[index]
        items: list[Line] = []
        for line in lines[index + 1 :]:
            if line.is_heading and line.level and head.level and line.level <= head.level:
                break  # the next level, or the page's next part ("Specializations")
            if line.kind == "list_item":
                items.append(line)
        blocks.setdefault(level, items)
    return blocks


def _job_name(title: str) -> str:
    """ "Senior Site Reliability Engineer" -> "site reliability engineer"."""
    words = title.lower().split()
    if len(words) > 1 and title_cue(words[0]) is not None:
        words = words[1:]
    return " ".join(words)


def _level_of(heading: str, job: str) -> Level | None:
    """ "Senior Site Reliability Engineer" is the senior block; the job's name alone is
    the middle of the ladder."""
    text = " ".join(heading.lower().split())
    if text == job:
        return "mid"
    if not text.endswith(" " + job):
        return None
    return title_cue(text[: -len(job)])

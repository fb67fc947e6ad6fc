"""Typed values where the pipeline stages meet.

ingest -> ``Document`` -> parse -> ``Profile`` / ``Posting`` -> tailor -> ``Plan`` -> render.

Every model is frozen and forbids unknown fields, so a stage cannot quietly
grow state another stage depends on. Items in a ``Plan`` carry ``Evidence``:
the JD or CV line that put them there, which is what lets a reader ask
"why is this here?" of any item.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

# 1.1: a fit row's status may be "answer" (travel, citizenship, the company's values:
# answered in person, left out of the score)
# 1.2: fit rows of kind "duty" follow the requirements: what the job does, with the CV
# line nearest each, never scored
SCHEMA_VERSION = "1.4"

Level = Literal["intern", "junior", "mid", "senior", "staff", "principal", "manager", "director"]
LEVELS: tuple[str, ...] = (
    "intern",
    "junior",
    "mid",
    "senior",
    "staff",
    "principal",
    "manager",
    "director",
)
# Managing people is a track of its own, not the rungs above principal.
MANAGING_LEVELS: tuple[Level, ...] = ("manager", "director")
IC_LEVELS: tuple[Level, ...] = ("intern", "junior", "mid", "senior", "staff", "principal")
assert IC_LEVELS + MANAGING_LEVELS == LEVELS
SourceType = Literal["pdf", "docx", "text", "markdown", "html", "json_resume"]
BlockKind = Literal["heading", "paragraph", "list_item", "table_row"]


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


# --------------------------------------------------------------------- ingest


class TextBlock(Frozen):
    """One unit of text in reading order: a heading, paragraph, list item or table row."""

    text: str
    kind: BlockKind = "paragraph"
    page: int = 1
    # Font size relative to the document's body text (1.0 = body); PDF only.
    size: float = 1.0
    bold: bool = False
    # Heading depth, 1 = top ("#", Heading 1); 0 when the format does not say.
    level: int = 0
    # The file's line numbers of the block's lines, for formats made of lines (text,
    # Markdown); empty for PDF, Word and HTML, whose "lines" are the reader's own.
    source_lines: tuple[int, ...] = ()


class Document(Frozen):
    """Text of one input file in reading order, whatever its format was."""

    source_type: SourceType
    blocks: tuple[TextBlock, ...]
    pages: int = 1
    title: str | None = None
    # The employer a job page's front matter names ("org: 18F"); None elsewhere.
    organization: str | None = None

    @property
    def lines(self) -> list[str]:
        """The text as numbered lines (1-based in evidence); one block may span lines."""
        out: list[str] = []
        for block in self.blocks:
            out.extend(line for line in block.text.splitlines() if line.strip())
        return out

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


# --------------------------------------------------------------------- evidence


class Evidence(Frozen):
    """A quoted line of the user's CV or the job description."""

    source: Literal["cv", "jd", "knowledge"]
    text: str
    line: int | None = None  # 1-based line in the parsed document
    note: str | None = None  # how the line relates to the item ("asks for", "shows")


# ---------------------------------------------------------------------- parse


class Requirement(Frozen):
    text: str
    kind: Literal["must", "nice"]
    technologies: tuple[str, ...] = ()
    competencies: tuple[str, ...] = ()
    years: float | None = None
    line: int | None = None
    section: str | None = None


class Posting(Frozen):
    schema_version: str = SCHEMA_VERSION
    title: str
    company: str | None = None
    level: Level
    level_reason: str = ""
    family: str
    family_reason: str = ""
    families: dict[str, float] = Field(default_factory=dict)
    on_target: bool = True
    technologies: tuple[str, ...] = ()
    competencies: tuple[str, ...] = ()
    requirements: tuple[Requirement, ...] = ()
    responsibilities: tuple[Requirement, ...] = ()
    years_required: float | None = None
    interview_process: tuple[str, ...] = ()
    archetype: str | None = None
    # the levels a job-family page lists, each with its own criteria ("Senior Site
    # Reliability Engineer", "Staff ..."), lowest first; empty for a single opening
    levels_listed: tuple[Level, ...] = ()
    # numbers of the ``lines`` in the blocks of levels not applied at: the page says them,
    # but they are not what this application is judged on
    other_levels_lines: tuple[int, ...] = ()
    lines: tuple[str, ...] = ()
    # the file's line number of each of ``lines`` (evidence counts ``lines`` from 1);
    # empty for PDF, Word and web pages, which have no lines of their own
    line_numbers: tuple[int, ...] = ()


class Position(Frozen):
    title: str
    company: str | None = None
    start: str | None = None  # "YYYY-MM" or "YYYY"
    end: str | None = None  # same, or "present"
    bullets: tuple[str, ...] = ()
    bullet_lines: tuple[int, ...] = ()
    line: int | None = None


class Education(Frozen):
    degree: str | None = None
    institution: str | None = None
    year: str | None = None
    line: int | None = None


class Contact(Frozen):
    email: str | None = None
    phone: str | None = None
    links: tuple[str, ...] = ()


class Profile(Frozen):
    schema_version: str = SCHEMA_VERSION
    name: str | None = None
    headline: str | None = None
    contact: Contact = Contact()
    positions: tuple[Position, ...] = ()
    education: tuple[Education, ...] = ()
    skills: tuple[str, ...] = ()
    technologies: tuple[str, ...] = ()
    # canonical technology -> the first CV line that names it
    technology_lines: dict[str, int] = Field(default_factory=dict)
    years_experience: float | None = None
    metrics: tuple[str, ...] = ()
    lines: tuple[str, ...] = ()
    line_numbers: tuple[int, ...] = ()  # as Posting.line_numbers
    # line number -> the heading of the section it sits under, for lines under one
    # ("Talks": a talk title shows speaking, though no word of it says so)
    headings: dict[int, str] = Field(default_factory=dict)


# ---------------------------------------------------------------------- tailor


class FitRow(Frozen):
    requirement: str
    # "duty": a line of what the job does, matched as a requirement is, never scored
    kind: Literal["must", "nice", "duty"]
    # "answer": no CV line can show it (travel, citizenship, the company's values); the
    # candidate answers it in the interview, and the score leaves it out
    status: Literal["met", "partly", "gap", "answer"]
    jd: Evidence
    cv: Evidence | None = None
    matched: tuple[str, ...] = ()  # technologies/competencies that matched
    missing: tuple[str, ...] = ()


class Fit(Frozen):
    score: int  # 0..100
    explanation: str
    rows: tuple[FitRow, ...]


class LoopRound(Frozen):
    stage_id: str
    name: str
    tests: str
    format: str
    prepare: tuple[str, ...]
    mistakes: tuple[str, ...]
    why: tuple[Evidence, ...] = ()


class SignalItem(Frozen):
    id: str
    name: str
    description: str
    why: tuple[Evidence, ...] = ()


class Star(Frozen):
    situation: str
    task: str
    action: str
    result: str
    result_has_number: bool


class Story(Frozen):
    bullet: str
    position: str
    line: int | None
    star: Star


class QuestionItem(Frozen):
    id: str
    kind: str
    prompt: str
    tests: str
    talking_points: tuple[str, ...]
    red_flags: tuple[str, ...] = ()
    follow_ups: tuple[str, ...] = ()
    story: Story | None = None
    score: float = 0.0
    why: tuple[Evidence, ...] = ()


class ConceptItem(Frozen):
    id: str
    title: str
    area: str
    summary: str
    depth: str  # what is expected at this job's level
    pitfalls: tuple[str, ...]
    self_check: tuple[str, ...]
    reference: str
    need: float  # how much the JD asks for it, 0..1
    gap: float  # how little the CV shows it, 0..1
    score: float
    why: tuple[Evidence, ...] = ()


class DrillItem(Frozen):
    id: str
    kind: str
    title: str
    prompt: str
    worked_answer: tuple[str, ...]
    answers: tuple[dict[str, object], ...] = ()
    rubric: tuple[str, ...] = ()
    solution: str | None = None
    score: float = 0.0
    why: tuple[Evidence, ...] = ()


class RolePlayItem(Frozen):
    """An incident scenario to work with `infraprep practice incident`: the page and the
    impact only, since the cause is what the candidate has to find."""

    id: str
    title: str
    alert: str
    impact: str
    score: float = 0.0
    why: tuple[Evidence, ...] = ()


class SmartQuestionItem(Frozen):
    id: str
    theme: str
    question: str
    when: str
    good_answer: str
    worrying_answer: str
    why: tuple[Evidence, ...] = ()


class RelatedRole(Frozen):
    family: str
    name: str
    how_prep_differs: str
    score: float = 0.0


class StudyBlock(Frozen):
    start: dt.date
    end: dt.date
    phase: str
    goals: tuple[str, ...]
    hours: float
    items: tuple[str, ...]  # ids of concepts/drills/questions to work on


class WalkthroughStep(Frozen):
    position: str
    point: str
    why: tuple[Evidence, ...] = ()


class Plan(Frozen):
    schema_version: str = SCHEMA_VERSION
    generated_on: dt.date
    interview_date: dt.date
    hours_per_week: float
    posting: Posting
    profile: Profile
    family_name: str
    family_summary: str
    notices: tuple[str, ...] = ()
    fit: Fit
    loop: tuple[LoopRound, ...]
    signals: tuple[SignalItem, ...]
    behavioural: tuple[QuestionItem, ...]
    technical: tuple[QuestionItem, ...]
    concepts: tuple[ConceptItem, ...]
    drills: tuple[DrillItem, ...]
    role_plays: tuple[RolePlayItem, ...] = ()
    smart_questions: tuple[SmartQuestionItem, ...]
    related_roles: tuple[RelatedRole, ...]
    walkthrough: tuple[WalkthroughStep, ...]
    study_plan: tuple[StudyBlock, ...]
    # competency id -> its name, so a report says "working with customers", not
    # "customer-facing", where it lists what the CV does not show
    competency_names: dict[str, str] = Field(default_factory=dict)

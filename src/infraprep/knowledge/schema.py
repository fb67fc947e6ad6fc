"""The typed schema of the knowledge base.

Content lives in YAML under ``knowledge/data/``; these models are the contract
it must meet. Unknown keys are rejected and every field says what it is for, so
a typo in a content file fails ``infraprep kb lint`` with the file and field
path instead of silently dropping content.
"""

from __future__ import annotations

from typing import Annotated, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, field_validator, model_validator

from infraprep.models import Level

Id = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=80)]
Text = Annotated[str, Field(min_length=3)]

QuestionKind = Literal["behavioural", "technical", "design", "troubleshooting", "scripting"]
InfraFamily = Literal[
    "sre",
    "production",
    "devops",
    "platform",
    "infrastructure",
    "devtools",
    "cloud",
    "release",
    "observability",
    "security",
    "network",
    "data-infra",
    "ml-infra",
    "dbre",
]
OffTargetFamily = Literal[
    "backend",
    "frontend",
    "fullstack",
    "mobile",
    "data",
    "ml",
    "qa",
    "embedded",
    "management",
    "other",
]
Family = Literal[InfraFamily, OffTargetFamily]
Area = Literal[
    "consensus",
    "replication",
    "sharding",
    "networking",
    "linux",
    "containers",
    "iac",
    "cicd",
    "observability",
    "slo",
    "incident",
    "capacity",
    "storage",
    "caching",
    "messaging",
    "security",
    "cloud",
    "api",
    "oss",
    "devex",
    "languages",
]


# The tuples the code iterates are derived from the Literals the schema validates,
# so the two can never disagree.
INFRA_FAMILIES: tuple[str, ...] = get_args(InfraFamily)
OFF_TARGET_FAMILIES: tuple[str, ...] = get_args(OffTargetFamily)
FAMILIES: tuple[str, ...] = get_args(Family)
CONCEPT_AREAS: tuple[str, ...] = get_args(Area)
assert set(INFRA_FAMILIES) | set(OFF_TARGET_FAMILIES) == set(FAMILIES)


class Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


class Competency(Strict):
    """A skill interviewers assess, with the phrases that show it in a JD or CV."""

    id: Id
    name: Text
    behavioural: bool = Field(description="true for soft skills a story answers")
    synonyms: tuple[str, ...] = Field(description="lower-case phrases that signal it", min_length=1)
    exclude: tuple[str, ...] = Field(
        default=(),
        description="lower-case phrases holding a synonym that do not signal it "
        '("communication between services" is not a person communicating)',
    )
    narrows: Id | None = Field(
        default=None,
        description="the broader competency this one is a specialisation of: a line showing "
        "only the broader one does not show this one (threat intelligence is security work, "
        "IAM roles are not threat intelligence)",
    )
    standalone: tuple[str, ...] = Field(
        default=(),
        description="synonyms that count only when no other competency's phrase stands "
        "right before them ('monitoring tools' names the kind of tool, not automation)",
    )
    specialised: bool = Field(
        default=False,
        description="a field of its own (ML infrastructure, data pipelines, offensive "
        "security): an item about it is off the topic of a posting that never asks for it",
    )
    counted: tuple[str, ...] = Field(
        default=(),
        description="lower-case plural nouns that show it when a line counts at least "
        "min_count of them ('14 clusters', 'a 60-service platform', '22 PostgreSQL clusters')",
    )
    min_count: int = Field(default=10, ge=2)


class RoleFamily(Strict):
    id: Family
    name: Text
    on_target: bool = Field(description="false for families infraprep does not specialise in")
    summary: Text = Field(description="what the job is, in two or three sentences")
    loop_differences: Text = Field(description="how its interview loop differs from others")
    interviewers_weigh: tuple[Text, ...] = Field(min_length=1)
    related: tuple[Family, ...] = ()
    prep_differences: Text = Field(description="how prep differs from the related families")
    title_keywords: tuple[str, ...] = Field(description="lower-case phrases of job titles")
    body_keywords: tuple[str, ...] = Field(default=(), description="phrases in a JD body")
    technology_categories: tuple[str, ...] = Field(
        default=(),
        description="taxonomy categories whose technologies, named in a posting, point here",
    )
    typical_loop: tuple[Id, ...] = Field(default=(), description="loop stage ids, in order")
    competencies: tuple[Id, ...] = Field(default=(), description="competencies it weighs most")


class LoopStage(Strict):
    id: Id
    name: Text
    tests: Text
    format: Text
    how_to_prepare: tuple[Text, ...] = Field(min_length=2)
    common_mistakes: tuple[Text, ...] = Field(min_length=2)
    duration_minutes: int | None = None
    cues: tuple[str, ...] = Field(default=(), description="JD phrases that reveal this stage")


class Signal(Strict):
    id: Id
    name: Text
    description: Text = Field(description="what good looks like, concretely")
    families: tuple[Family, ...] = ()
    levels: tuple[Level, ...] = ()
    competencies: tuple[Id, ...] = ()
    cues: tuple[str, ...] = Field(default=(), description="JD phrases that show it is weighed")


class Question(Strict):
    id: Id
    kind: QuestionKind
    prompt: Text
    tests: Text = Field(description="what the interviewer learns from the answer")
    talking_points: tuple[Text, ...] = Field(min_length=3, max_length=6)
    red_flags: tuple[Text, ...] = Field(min_length=1)
    follow_ups: tuple[Text, ...] = Field(min_length=1)
    levels: tuple[Level, ...] = Field(min_length=1)
    families: tuple[Family, ...] = Field(default=(), description="empty = every family")
    competencies: tuple[Id, ...] = Field(min_length=1)
    technologies: tuple[str, ...] = ()
    cues: tuple[str, ...] = Field(
        default=(),
        description="lower-case phrases a CV bullet telling this story contains "
        "('upgraded', 'major version' for a database upgrade): what makes a bullet this "
        "story rather than any bullet about its competencies",
    )
    area: Area | None = None
    reference: HttpUrl | None = None


class Depth(Strict):
    mid: Text
    senior: Text
    staff: Text


class Concept(Strict):
    id: Id
    area: Area
    title: Text
    summary: Text
    why_it_matters: Text
    depth: Depth
    pitfalls: tuple[Text, ...] = Field(min_length=1)
    self_check: tuple[Text, ...] = Field(min_length=2, max_length=4)
    reference: HttpUrl
    families: tuple[Family, ...] = ()
    competencies: tuple[Id, ...] = ()
    technologies: tuple[str, ...] = ()


class Answer(Strict):
    name: Text
    value: float
    unit: str
    tolerance: float = Field(gt=0, le=1, description="accepted relative error, 0.25 = ±25%")


class Drill(Strict):
    id: Id
    kind: Literal["estimation", "design", "scripting"]
    title: Text
    prompt: Text
    given: tuple[Text, ...] = Field(default=(), description="the numbers the candidate gets")
    worked_answer: tuple[Text, ...] = Field(min_length=3, description="steps of a strong answer")
    answers: tuple[Answer, ...] = Field(default=(), description="checked numbers (estimation)")
    rubric: tuple[Text, ...] = Field(default=(), description="what a strong answer covers")
    language: str | None = None
    solution: str | None = None
    tests: str | None = Field(default=None, description="pytest code run against `solution`")
    levels: tuple[Level, ...] = Field(min_length=1)
    families: tuple[Family, ...] = ()
    competencies: tuple[Id, ...] = Field(min_length=1)
    technologies: tuple[str, ...] = ()
    reference: HttpUrl | None = None

    @field_validator("answers")
    @classmethod
    def _unique_answer_names(cls, value: tuple[Answer, ...]) -> tuple[Answer, ...]:
        names = [a.name for a in value]
        if len(names) != len(set(names)):
            raise ValueError("answer names must be unique")
        return value

    @model_validator(mode="after")
    def _practisable(self) -> Drill:
        # The report names a practice command for every estimation and scripting drill,
        # so each must carry what that command checks the user's work against.
        if self.kind == "estimation" and not self.answers:
            raise ValueError("an estimation drill needs the answers its checker holds you to")
        if self.kind == "scripting" and not (self.solution and self.tests):
            raise ValueError("a scripting drill needs a solution and the tests run on your file")
        return self


class Investigation(Strict):
    id: Id
    label: Text = Field(description="what the candidate does, e.g. 'Check deploy history'")
    reveals: Text = Field(description="what the simulated system shows in response")
    useful: bool = Field(description="whether it moves the investigation forward")


class Mitigation(Strict):
    id: Id
    label: Text
    consequence: Text = Field(description="what happens to the system after this action")
    resolves: bool = Field(description="true if it stops user impact")
    risky: bool = False


class Scenario(Strict):
    id: Id
    title: Text
    failure_class: Text
    system_map: tuple[Text, ...] = Field(min_length=3, description="components and how they call")
    alert: Text = Field(description="the page the on-call engineer receives")
    impact: Text
    root_cause: Text = Field(description="hidden from the candidate until the debrief")
    investigations: tuple[Investigation, ...] = Field(min_length=6)
    mitigations: tuple[Mitigation, ...] = Field(min_length=3)
    rubric: tuple[Text, ...] = Field(min_length=4)
    debrief: Text
    levels: tuple[Level, ...] = Field(min_length=1)
    families: tuple[Family, ...] = ()
    competencies: tuple[Id, ...] = Field(min_length=1)
    technologies: tuple[str, ...] = ()
    reference: HttpUrl | None = None


class SmartQuestion(Strict):
    id: Id
    theme: Literal[
        "team",
        "api",
        "oss",
        "oncall",
        "design",
        "growth",
        "reliability",
        "product",
        "process",
        "security",
        "culture",
    ]
    question: Text
    when_to_ask: Text
    good_answer: Text
    worrying_answer: Text
    families: tuple[Family, ...] = ()
    levels: tuple[Level, ...] = ()
    unless_mentioned: tuple[Id, ...] = Field(
        default=(),
        description="competency ids: ask when the JD says nothing of them",
    )
    stages: tuple[Id, ...] = Field(default=(), description="loop stages where it fits best")


class Archetype(Strict):
    id: Id
    name: Text
    cues: tuple[str, ...] = Field(min_length=1, description="lower-case phrases in a JD")
    loop_emphasis: Text
    differences: tuple[Text, ...] = Field(min_length=2)


class TimelinePhase(Strict):
    id: Id
    name: Text
    weeks_before: tuple[float, float] = Field(description="(from, to) weeks before the interview")
    share: float = Field(gt=0, le=1, description="share of the runway when it is compressed")
    goals: tuple[Text, ...] = Field(min_length=2)
    activities: tuple[Text, ...] = Field(min_length=2)

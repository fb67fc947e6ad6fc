"""The library's catalog: which collections it shows, how they filter, group and label fields.

Declared as data, apart from the code that builds pages (``web.library_view``), so
adding a collection or a filter is one entry here. Everything not declared is
still shown: item pages walk the schema's own fields.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from urllib.parse import urlencode

from pydantic import BaseModel


@dataclass(frozen=True)
class Collection:
    """One knowledge-base collection as the library presents it."""

    name: str  # the KnowledgeBase attribute, also browse.search's collection name
    slug: str  # in URLs
    title: str
    singular: str
    blurb: str
    filters: Mapping[str, str] = field(default_factory=dict)  # query param -> item field
    group_by: str | None = None
    order: tuple[str, ...] = ()  # fields shown first on an item page, then the schema's order
    spoilers: tuple[str, ...] = ()  # fields shown only inside a closed <details>
    spoiler_label: str = "Spoilers"
    # list-of-objects fields split in two: these sub-fields go to the spoilers, the rest stay open
    withheld: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    labels: Mapping[str, str] = field(default_factory=dict)
    code: tuple[str, ...] = ()  # string fields that are source code: shown in <pre>
    # (field, value, field): the index also breaks the items with that value down by a field
    index_drilldown: tuple[str, str, str] | None = None

    def href(self, **params: str) -> str:
        query = urlencode({k: v for k, v in params.items() if v})
        return f"/library/{self.slug}" + (f"?{query}" if query else "")

    def param_for(self, name: str) -> str | None:
        """The query parameter that filters on field ``name``, if any."""
        return next((p for p, f in self.filters.items() if f == name), None)


_LEVEL = {"level": "levels"}
_FAMILY = {"family": "families"}
_COMPETENCY = {"competency": "competencies"}

COLLECTIONS: tuple[Collection, ...] = (
    Collection(
        name="families",
        slug="families",
        title="Role families",
        singular="role family",
        blurb="What each kind of job is, the loop it runs and what its interviewers weigh.",
        filters={"stage": "typical_loop", **_COMPETENCY},
        group_by="on_target",
        order=("summary", "typical_loop", "loop_differences", "interviewers_weigh", "related"),
    ),
    Collection(
        name="stages",
        slug="stages",
        title="Loop stages",
        singular="loop stage",
        blurb="The rounds of an interview loop: what each tests and how to prepare.",
    ),
    Collection(
        name="concepts",
        slug="concepts",
        title="Concepts",
        singular="concept",
        blurb="What to know, why it matters, and the depth expected at each level.",
        filters={"area": "area", **_FAMILY, **_COMPETENCY},
        group_by="area",
    ),
    Collection(
        name="questions",
        slug="questions",
        title="Questions",
        singular="question",
        blurb="Interview questions with what they test, talking points and red flags.",
        filters={"kind": "kind", "area": "area", **_LEVEL, **_FAMILY, **_COMPETENCY},
        group_by="kind",
        index_drilldown=("kind", "technical", "area"),
        labels={"tests": "What it tests"},
    ),
    Collection(
        name="drills",
        slug="drills",
        title="Drills",
        singular="drill",
        blurb="Estimation with worked arithmetic, design with a rubric, "
        "scripting with a reference solution.",
        filters={"kind": "kind", **_LEVEL, **_FAMILY, **_COMPETENCY},
        group_by="kind",
        spoilers=("worked_answer", "answers", "rubric", "solution", "tests"),
        spoiler_label="Worked answer",
        labels={"tests": "Tests run against the solution"},
        code=("solution", "tests"),
    ),
    Collection(
        name="scenarios",
        slug="scenarios",
        title="Incident scenarios",
        singular="incident scenario",
        blurb="Simulated incidents: a system, a page, what each investigation shows, a debrief.",
        filters={**_LEVEL, **_FAMILY, **_COMPETENCY},
        spoilers=("root_cause", "investigations", "mitigations", "rubric", "debrief"),
        spoiler_label="Spoilers: root cause, outcomes and debrief",
        withheld={
            "investigations": ("useful",),
            "mitigations": ("consequence", "resolves", "risky"),
        },
    ),
    Collection(
        name="smart_questions",
        slug="smart-questions",
        title="Questions to ask",
        singular="question to ask",
        blurb="Questions for your interviewers, with what good and worrying answers sound like.",
        filters={"theme": "theme", "stage": "stages", **_LEVEL, **_FAMILY},
        group_by="theme",
    ),
    Collection(
        name="competencies",
        slug="competencies",
        title="Competencies",
        singular="competency",
        blurb="The skills interviewers assess, and the phrases that show them.",
        group_by="behavioural",
    ),
    Collection(
        name="signals",
        slug="signals",
        title="Interviewer signals",
        singular="interviewer signal",
        blurb="What interviewers look for, and the posting phrases that show it is weighed.",
        filters={**_LEVEL, **_FAMILY, **_COMPETENCY},
    ),
    Collection(
        name="archetypes",
        slug="archetypes",
        title="Company archetypes",
        singular="company archetype",
        blurb="Kinds of employer and how their loops lean.",
    ),
    Collection(
        name="timeline",
        slug="timeline",
        title="Study timeline",
        singular="study phase",
        blurb="The phases of a prep plan, counted back from the interview day.",
    ),
)
BY_SLUG: dict[str, Collection] = {c.slug: c for c in COLLECTIONS}
BY_NAME: dict[str, Collection] = {c.name: c for c in COLLECTIONS}

# Fields holding ids of items in another collection: they render as links to those items.
LINKS: dict[str, str] = {
    "competencies": "competencies",
    "families": "families",
    "related": "families",
    "typical_loop": "stages",
    "stages": "stages",
    "unless_mentioned": "competencies",
}
# Short values shown in the line under an item's title rather than as sections.
META = frozenset(
    {"kind", "area", "theme", "failure_class", "on_target", "behavioural", "duration_minutes"}
    | {"levels", "families", "competencies", "stages", "technologies", "language"}
)
# Lists of short phrases: printed as tags, not one bullet per phrase.
PHRASES = frozenset({"title_keywords", "body_keywords", "cues", "synonyms"})
ORDERED = frozenset({"worked_answer", "typical_loop", "how_to_prepare"})
LABELS: dict[str, str] = {
    "why_it_matters": "Why it matters",
    "self_check": "Check yourself",
    "answers": "Checked numbers",
    "rubric": "What a strong answer covers",
    "solution": "Reference solution",
    "alert": "The page",
    "investigations": "Investigations",
    "interviewers_weigh": "What interviewers weigh",
    "related": "Related roles",
    "loop_differences": "How the loop differs",
    "prep_differences": "How prep differs",
    "on_target": "Infrastructure role",
    "behavioural": "Answered with a story",
    "duration_minutes": "Minutes",
    "good_answer": "A good answer",
    "worrying_answer": "A worrying answer",
    "unless_mentioned": "Ask when the posting says nothing of",
    "stages": "Fits these stages",
    "title_keywords": "Job-title phrases",
    "body_keywords": "Job-description phrases",
    "cues": "Posting phrases that reveal it",
    "synonyms": "Phrases that show it",
    "weeks_before": "Weeks before the interview (from, to)",
    "share": "Share of a compressed runway",
    "follow_ups": "Follow-ups",
    "reveals": "What it shows",
    "tolerance": "Accepted relative error",
}
GROUP_LABELS: dict[tuple[str, str], str] = {
    ("on_target", "True"): "Infrastructure roles",
    ("on_target", "False"): "Off-target roles",
    ("behavioural", "True"): "Behavioural",
    ("behavioural", "False"): "Technical",
}


def label_for(collection: Collection, name: str) -> str:
    return collection.labels.get(name) or LABELS.get(name) or name.replace("_", " ").capitalize()


def group_label(name: str, value: str) -> str:
    return GROUP_LABELS.get((name, value), value)


def matches(item: BaseModel, name: str, wanted: str) -> bool:
    """Whether ``item``'s field ``name`` has ``wanted``. An empty ``families`` means every
    family (as the schema and the tailor read it), so such items match any family."""
    value = getattr(item, name, None)
    if isinstance(value, tuple):
        return wanted in value or (name == "families" and not value)
    return value is not None and str(value) == wanted


def filter_items(items: Iterable[BaseModel], wanted: Mapping[str, str]) -> tuple[BaseModel, ...]:
    """Items whose fields have every wanted value (field name -> value)."""
    return tuple(i for i in items if all(matches(i, n, v) for n, v in wanted.items()))

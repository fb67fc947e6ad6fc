"""The story bank: the user's own CV bullets as answers to behavioural questions.

Each question gets the bullet that shows what it is about; no bullet is used more
than twice, so the user prepares a range of stories rather than one, and a question
no bullet answers says so rather than borrowing a story about something else.
The STAR scaffold only rearranges what the bullet says and asks for what it
does not say: it never invents a situation or a result.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass

from infraprep.knowledge.schema import Question
from infraprep.models import Star, Story
from infraprep.parse.metrics import metrics_in
from infraprep.parse.phrases import phrase_set
from infraprep.tailor.needs import CvLine

MAX_USES = 2
_RESULT_SPLIT = re.compile(
    r"(?:,\s*|\s+)(?=(?:reducing|cutting|saving|improving|increasing|decreasing|lowering|"
    r"raising|resulting in|leading to|which|so that|bringing|taking|achieving|enabling|"
    r"eliminating|from\s+\d|by\s+\d)\b)",
    re.IGNORECASE,
)


def star_from_bullet(bullet: CvLine, question: Question) -> Star:
    text = bullet.text.rstrip(".")
    parts = _RESULT_SPLIT.split(text, maxsplit=1)
    action = parts[0].strip()
    result = parts[1].strip() if len(parts) > 1 else ""
    numbers = metrics_in(result or text)
    has_number = bool(numbers)
    if not result:
        result = (
            f"Your bullet states {', '.join(numbers)}: say what it changed and for whom."
            if has_number
            else "No result in this bullet: add the measured outcome (latency, error rate, "
            "hours of toil, cost, incidents) and how you know it."
        )
    elif not has_number:
        result += " (no number: add how much, measured how)"
    where = bullet.position or "your CV"
    return Star(
        situation=f"{where}: what was broken, risky or slow before this, and who felt it?",
        task=f"Your own responsibility here, in the terms the question tests: {question.tests}",
        action=action,
        result=result,
        result_has_number=has_number,
    )


# Words of a prompt too common to say what its story is about ("Tell me about a time").
_PROMPT_STOPS = frozenset(
    {"tell", "time", "describe", "example", "team", "your", "you", "when", "what", "how",
     "about", "that", "this", "with", "which", "where", "were", "have", "give", "something",
     "work", "worked", "did", "made", "make", "after", "before", "their", "there", "they",
     "them", "the", "and", "for", "from", "into", "was", "one", "own", "way", "other"}
)  # fmt: skip


def _words(text: str) -> set[str]:
    """Lower-case words without a plural 's' ("SLOs" meets "SLO"); whole words, so
    "production" does not meet "product"."""
    return {
        w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w
        for w in re.findall(r"[a-z][a-z0-9-]{2,}", text.lower())
    } - _PROMPT_STOPS


@dataclass(frozen=True)
class _StoryBullet:
    """A bullet long enough to be a story, with what every question asks of it worked
    out once: a report weighs each bullet against all 178 behavioural questions."""

    line: CvLine
    shows: frozenset[str]  # competencies in its words and by its technologies' kind
    words: frozenset[str]
    has_metric: bool
    cues: frozenset[str]  # the cues of any of the questions it holds


def _fit(question: Question, bullet: _StoryBullet) -> float:
    """How well a bullet answers a question; 0 when it is no answer.

    A question's cues say what makes a bullet its story: "upgraded" or "major
    version" for a database upgrade, "by hand" or "tickets a month" for toil. A bullet
    must hold one of them, and then its competencies and the prompt's words rank it.
    Matching by competencies alone told a story for any database bullet; on 96
    labelled questions the stories told were right 55% of the time, 90% with cues.
    A question without cues falls back to its competencies: one of them and, for a
    question about more than one, one more sign (a second one, or a word of the
    prompt). A shared technology alone makes no story.
    """
    cues = bullet.cues.intersection(phrase_set(question.cues).phrases)
    if question.cues and not cues:
        return 0.0  # checked first: most bullets are no story of most questions
    shared = [c for c in question.competencies if c in bullet.shows]
    words = _prompt_words(question.prompt) & bullet.words
    if not question.cues and (
        not shared or (len(shared) < 2 and not words and len(question.competencies) > 1)
    ):
        return 0.0
    # a second cue says more plainly that this is the story asked for ("Cut the AWS bill
    # by 31%: rightsizing ..., Savings Plans" over "untagged spend" for a cost cut)
    bonus = (1.0 + 0.5 * min(len(cues) - 1, 1)) if question.cues else 0.0
    techs = len(set(question.technologies) & set(bullet.line.technologies))
    return (
        len(shared)
        + bonus
        + 0.5 * min(len(words), 2)
        + 0.25 * techs
        + (0.5 if bullet.has_metric else 0.0)
    )


@functools.lru_cache(maxsize=512)
def _prompt_words(prompt: str) -> frozenset[str]:
    return frozenset(_words(prompt))


def answerable(
    questions: list[Question], lines: tuple[CvLine, ...], *, least: float = 0.0
) -> frozenset[str]:
    """Ids of the questions some bullet of the CV tells the story of, with a fit above
    ``least`` (fits come in quarters: above 1.9 is a cue and one of the question's
    competencies, or more)."""
    bullets = _story_bullets(lines, questions)
    return frozenset(q.id for q in questions if any(_fit(q, b) > least for b in bullets))


def _story_bullets(lines: tuple[CvLine, ...], questions: list[Question]) -> list[_StoryBullet]:
    """The bullets long enough to be a story, each read once for what the questions ask:
    all their cues are found in one pass over the bullet, not one pass per question."""
    every_cue = phrase_set(tuple(sorted({c for q in questions for c in q.cues})))
    return [
        _StoryBullet(
            line=ln,
            shows=frozenset(ln.competencies) | ln.by_kind,
            words=frozenset(_words(ln.text)),
            has_metric=bool(metrics_in(ln.text)),
            cues=frozenset(every_cue.found(ln.text)),
        )
        for ln in lines
        if ln.is_bullet and len(ln.text.split()) >= 4
    ]


def assign_stories(
    questions: list[Question],
    lines: tuple[CvLine, ...],
) -> dict[str, Story | None]:
    """question id -> the best CV story, using each bullet at most twice.

    The best pairs are taken first over all questions, not question by question, so
    an early question does not take the one bullet a later one needed.
    """
    bullets = _story_bullets(lines, questions)
    pairs = sorted(
        (
            (-score, index, b.line.no, b.line)
            for index, q in enumerate(questions)
            for b in bullets
            if (score := _fit(q, b)) > 0
        ),
        key=lambda pair: pair[:3],
    )
    uses: Counter[int] = Counter()
    chosen: dict[int, CvLine] = {}
    for _score, index, no, bullet in pairs:
        if index in chosen or uses[no] >= MAX_USES:
            continue
        chosen[index] = bullet
        uses[no] += 1
    out: dict[str, Story | None] = {}
    for index, q in enumerate(questions):
        bullet = chosen.get(index)
        out[q.id] = (
            Story(
                bullet=bullet.text,
                position=bullet.position or "",
                line=bullet.no,
                star=star_from_bullet(bullet, q),
            )
            if bullet
            else None
        )
    return out

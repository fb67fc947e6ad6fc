"""Feedback on a written answer: what it covers of the strong answer, and how it is told.

No model reads the answer. The checks are the ones an interview coach makes
first, each explained so the user can disagree with it:
- which of the question's talking points (or the design drill's rubric) the
  answer names, by the content words they share, quoting the shared words;
- for a story: whether the result carries a number, whether "I" or "we" did the
  work, and whether it fits the two or three minutes an answer gets;
- for a design: whether it puts numbers on the load.
The red flags are listed to check oneself against: whether an answer blames a
team is a judgement, not a word count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from infraprep.knowledge.schema import Drill, Question
from infraprep.parse.metrics import metrics_in
from infraprep.tailor.wording import stems

SPOKEN_WORDS_PER_MINUTE = 150
# a story told in 1.5 to 3 minutes: shorter leaves out the action, longer loses the room
STORY_WORDS = (225, 450)
# words every instruction uses: "Explain how you built the timeline" is about the timeline
_INSTRUCTION = stems(
    "explain describe state show say name give mention close end start open discuss "
    "talk walk cover make sure example e.g. how why what when which who where then first "
    "one two three several each every some any more most about into from this that these "
    "those there their them they was were did does done had not but also than only"
)
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'(])")
# "(deploy log, alert history)" and "e.g. a bad config plus ..." are examples: the
# answer may use its own, so they count when shared but not towards what is asked
_EXAMPLES = re.compile(r"\([^)]*\)|\b(?:e\.g\.|for example|such as)[^.;]*", re.IGNORECASE)
_ASKS_FOR_NUMBERS = re.compile(r"\b(?:numbers?|quantif\w*|measured|in figures)\b", re.I)


@dataclass(frozen=True)
class PointCheck:
    """One talking point or rubric line, and the words the answer shares with it."""

    point: str
    shared: tuple[str, ...]
    covered: bool


@dataclass(frozen=True)
class Feedback:
    kind: str  # "story" | "design" | "technical"
    words: int
    points: tuple[PointCheck, ...]
    notes: tuple[str, ...]  # how it is told, most important first
    red_flags: tuple[str, ...]

    @property
    def covered(self) -> int:
        return sum(p.covered for p in self.points)

    @property
    def minutes(self) -> float:
        return self.words / SPOKEN_WORDS_PER_MINUTE


def feedback_on(answer: str, item: Question | Drill) -> Feedback:
    """Feedback on ``answer`` to a question of the knowledge base or a design drill."""
    text = " ".join(answer.split())
    count = len(re.findall(r"\b[\w'-]+\b", text))
    if isinstance(item, Drill):
        points = item.rubric or item.worked_answer
        return Feedback(
            "design", count, _checks(text, points), tuple(_design_notes(text, item)), ()
        )
    kind = "story" if item.kind == "behavioural" else "technical"
    notes = _story_notes(text, count) if kind == "story" else _technical_notes(text)
    return Feedback(kind, count, _checks(text, item.talking_points), tuple(notes), item.red_flags)


def _checks(text: str, points: tuple[str, ...]) -> tuple[PointCheck, ...]:
    said = _content_stems(text)
    spelled = _spellings(text)
    measured = metrics_in(text)
    out = []
    for point in points:
        about = _content_stems(point)
        common = about & said
        shared = [spelled[s] for s in sorted(common)]
        core = _content_stems(_EXAMPLES.sub(" ", point)) or about
        on_point = len(common & core)
        if measured and _ASKS_FOR_NUMBERS.search(point):
            # "name it in numbers" is met by a number, shown bare: "30%", not "by 30%"
            shared.append(re.sub(r"^(?:from|to|by)\s+", "", measured[0], flags=re.IGNORECASE))
            on_point += 1
        # two words of what the point asks (its examples are the answer's own to choose),
        # or one and two of its examples; and a fair share of what it is about
        enough = on_point >= 2 or (on_point == 1 and len(shared) >= 3)
        covered = enough and len(shared) >= 0.25 * len(core)
        out.append(PointCheck(point, tuple(shared), covered))
    return tuple(out)


def _spellings(text: str) -> dict[str, str]:
    """Each stem of ``text`` as the answer first spelled it: "timeline", not "timeli"."""
    out: dict[str, str] = {}
    for word in re.findall(r"[A-Za-z][A-Za-z0-9+#]{2,}", text):
        for stem in stems(word):
            out.setdefault(stem, word.lower())
    return out


def _content_stems(text: str) -> frozenset[str]:
    return stems(text) - _INSTRUCTION


def _sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE.split(text) if s.strip()]


def _story_notes(text: str, count: int) -> list[str]:
    notes = []
    sentences = _sentences(text)
    ending = sentences[-max(1, len(sentences) // 3) :]
    if not metrics_in(" ".join(ending)):
        notes.append(
            "The result has no number: end on what changed, measured (minutes of downtime, "
            "pages a week, the error rate, money), as a STAR answer's R."
        )
    mine = len(re.findall(r"\b(?:I|I'm|I've|I'd|me|my)\b", text))
    ours = len(re.findall(r"\b(?:we|we're|we've|our|us)\b", text, re.IGNORECASE))
    if ours > 2 * max(mine, 1):
        notes.append(
            f'"We" {ours} times, "I" {mine}: the interviewer is hiring you, so say what you '
            "did yourself and what the team did."
        )
    low, high = STORY_WORDS
    minutes = count / SPOKEN_WORDS_PER_MINUTE
    if count < low:
        notes.append(
            f"{count} words is about {minutes:.1f} minutes spoken: a story that short usually "
            "skips the situation's stakes or the steps you took; aim for 1.5 to 3 minutes."
        )
    elif count > high:
        notes.append(
            f"{count} words is about {minutes:.1f} minutes spoken: past 3 minutes the listener "
            "loses the thread; cut the set-up and keep the action and the result."
        )
    if not notes:
        notes.append("Told well: a measured result, your own part named, and the right length.")
    return notes


def _technical_notes(text: str) -> list[str]:
    if metrics_in(text):
        return []
    return ["No number anywhere: a figure (a latency, a limit, a count) shows you have run it."]


def _design_notes(text: str, drill: Drill) -> list[str]:
    notes = []
    if drill.given and not metrics_in(text) and not re.search(r"\d", text):
        notes.append(
            "No numbers: start from the load the prompt gives and size the parts, as the "
            "worked answer does, before choosing components."
        )
    if not re.search(r"\b(?:fail\w*|outage|down|degrad\w*|fallback|fall back)\b", text, re.I):
        notes.append("Nothing on failure: say what happens when each part is down.")
    if not re.search(r"\b(?:trade-?offs?|instead|rather than|at the cost|versus|vs\.?)\b", text):
        notes.append("No trade-off named: say what you chose against, and why.")
    return notes

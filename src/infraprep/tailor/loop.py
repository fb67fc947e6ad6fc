"""The interview loop this posting will likely run, and what its interviewers weigh.

When the posting describes its own process (Teleport's do), the rounds come
from those lines and cite them; otherwise from the family's typical loop.
"""

from __future__ import annotations

from infraprep.knowledge import KnowledgeBase
from infraprep.knowledge.schema import LoopStage
from infraprep.models import Evidence, LoopRound, Posting, SignalItem
from infraprep.parse.phrases import phrase_set
from infraprep.tailor.needs import Needs

DEFAULT_LOOP = (
    "recruiter-screen",
    "hiring-manager",
    "coding",
    "system-design",
    "troubleshooting",
    "behavioural",
)


def _round(stage: LoopStage, why: tuple[Evidence, ...]) -> LoopRound:
    return LoopRound(
        stage_id=stage.id,
        name=stage.name,
        tests=stage.tests,
        format=stage.format,
        prepare=stage.how_to_prepare,
        mistakes=stage.common_mistakes,
        why=why,
    )


def likely_loop(posting: Posting, kb: KnowledgeBase) -> tuple[LoopRound, ...]:
    stages = {s.id: s for s in kb.stages}
    from_jd: dict[str, Evidence] = {}
    base = len(posting.lines) - len(posting.interview_process)
    for offset, text in enumerate(posting.interview_process):
        line_no = _line_of(posting, text, base + offset + 1)
        named = [s.id for s in kb.stages if phrase_set(tuple(s.cues)).found(text)]
        if "take-home" in named:
            # "submit a coding challenge in Go/Make/Helm using GitHub": the coding is done
            # at home, not in a live round
            named = [sid for sid in named if sid != "coding"]
        for sid in named:
            if sid not in from_jd:
                from_jd[sid] = Evidence(
                    source="jd", text=text, line=line_no, note="the posting's interview process"
                )
    try:
        family = kb.family(posting.family)
        typical = family.typical_loop or DEFAULT_LOOP
        fam_name = family.name
    except KeyError:
        typical, fam_name = DEFAULT_LOOP, posting.family
    # a posting that spells out its loop (three stages or more) is taken at its word; one
    # that names a stage or two gets the family's typical rounds beside them
    stated_loop = len(from_jd) >= 3
    order = [sid for sid in stages if sid in from_jd or (sid in typical and not stated_loop)]
    rounds = []
    for sid in order:
        if sid in from_jd:
            why: tuple[Evidence, ...] = (from_jd[sid],)
        else:
            why = (
                Evidence(
                    source="knowledge",
                    text=f"Typical of {fam_name} loops",
                    note="not stated in the posting",
                ),
            )
        rounds.append(_round(stages[sid], why))
    return tuple(rounds)


def _line_of(posting: Posting, text: str, fallback: int) -> int:
    for no, line in enumerate(posting.lines, start=1):
        if line == text:
            return no
    return fallback


def weighed_signals(
    posting: Posting,
    needs: Needs,
    kb: KnowledgeBase,
    limit: int = 8,
) -> tuple[SignalItem, ...]:
    """Signals the JD's own lines point at first, then those its competencies imply."""
    scored: list[tuple[float, str, SignalItem]] = []
    all_cues = phrase_set(tuple(cue for sig in kb.signals for cue in sig.cues))
    # a Staff or Manager block's "evangelize" is no signal for a mid-level application
    unasked = set(posting.other_levels_lines)
    first_line = all_cues.first_lines(
        [text if no not in unasked else "" for no, text in enumerate(posting.lines, start=1)]
    )
    for sig in kb.signals:
        why: list[Evidence] = []
        for cue in sig.cues:
            index = first_line.get(cue.lower())
            if index is None:
                continue
            line = posting.lines[index]
            why.append(Evidence(source="jd", text=line, line=index + 1, note=f'says "{cue}"'))
            if len(why) >= 2:
                break
        comp_value = sum(needs.need.get(c, 0.0) for c in sig.competencies)
        if not why:
            # the first competency is what the signal is about; one it merely involves
            # ("communication" in "Starts from the customer's impact") is no reason to show it
            why = list(needs.why(sig.competencies[:1], limit=1, about=sig.name))
        fam = 1.0 if not sig.families or posting.family in sig.families else 0.4
        lvl = 1.0 if not sig.levels or posting.level in sig.levels else 0.5
        score = (2.0 * min(len(why), 2) + comp_value) * fam * lvl
        if score > 0 and why:
            scored.append(
                (
                    score,
                    sig.id,
                    SignalItem(
                        id=sig.id,
                        name=sig.name,
                        description=sig.description,
                        why=tuple(why),
                    ),
                )
            )
    scored.sort(key=lambda t: (-t[0], t[1]))
    return tuple(item for _s, _id, item in scored[:limit])

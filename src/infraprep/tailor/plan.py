"""tailor: Profile + Posting + knowledge -> Plan. A pure function of its inputs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TypeVar

from infraprep.errors import UsageError
from infraprep.knowledge import KnowledgeBase
from infraprep.knowledge.schema import Concept, Drill, Question, Scenario
from infraprep.models import (
    ConceptItem,
    DrillItem,
    Evidence,
    Plan,
    Posting,
    Profile,
    QuestionItem,
    RelatedRole,
    RolePlayItem,
    WalkthroughStep,
)
from infraprep.parse.level import NO_LEVEL_STATED
from infraprep.tailor.asks import smart_questions
from infraprep.tailor.fit import assess_fit
from infraprep.tailor.loop import likely_loop, weighed_signals
from infraprep.tailor.needs import Needs, compute_needs, position_label
from infraprep.tailor.schedule import build_schedule, work_hours
from infraprep.tailor.select import ItemScorer, Scored, pick
from infraprep.tailor.stories import answerable, assign_stories

DEFAULT_RUNWAY_DAYS = 28
BEHAVIOURAL_GAP = 0.3
STORY_QUOTA = 4
# the fit of a story worth a place in the quota: a cue and a competency of the question
STRONG_STORY = 1.9
LIMITS = {"behavioural": 10, "technical": 12, "concepts": 14, "drills": 6, "role_plays": 3}


def _depth_for(concept: Concept, level: str) -> str:
    if level in ("intern", "junior", "mid"):
        return concept.depth.mid
    if level == "senior":
        return concept.depth.senior
    return concept.depth.staff


T = TypeVar("T", Question, Concept, Drill, Scenario)


def _score_all(
    items: Iterable[T], posting: Posting, needs: Needs, kb: KnowledgeBase, gap_weight: float = 1.0
) -> list[Scored[T]]:
    """Score every item; concepts have no levels, so they fit every level."""
    scorer = ItemScorer(posting, needs, kb, gap_weight=gap_weight)
    out = []
    # Not getattr(item, "levels", ()) per item: a missing field costs pydantic an exception.
    with_levels: dict[type, bool] = {}
    for item in items:
        kind = type(item)
        if kind not in with_levels:
            with_levels[kind] = "levels" in kind.model_fields
        score, keys = scorer.score(
            families=item.families,
            levels=item.levels if with_levels[kind] else (),  # type: ignore[union-attr]
            competencies=item.competencies,
            technologies=item.technologies,
        )
        out.append(Scored(item, score, keys))
    return out


def _question_item(s: Scored[Question], needs: Needs, story=None) -> QuestionItem:
    q = s.item
    why = needs.why(s.keys, about=q.prompt) or (
        Evidence(
            source="knowledge",
            text="Asked across infra loops at this level",
            note="general",
        ),
    )
    return QuestionItem(
        id=q.id,
        kind=q.kind,
        prompt=q.prompt,
        tests=q.tests,
        talking_points=q.talking_points,
        red_flags=q.red_flags,
        follow_ups=q.follow_ups,
        story=story,
        score=round(s.score, 4),
        why=why,
    )


def _need_and_gap(keys: tuple[str, ...], needs: Needs) -> tuple[float, float]:
    """What the job needs most of a concept's subjects, and how much of what it needs the
    CV lacks, weighed by need: a Linux bullet does not close a Kubernetes gap, so a
    containers concept keeps the gap of what it is mostly about."""
    weights = {k: needs.need.get(k, 0.0) for k in keys}
    total = sum(weights.values())
    if not total:
        return 0.0, 1.0
    gap = sum(w * needs.gap.get(k, 1.0) for k, w in weights.items()) / total
    return max(weights.values()), gap


def _concepts(
    posting: Posting, needs: Needs, kb: KnowledgeBase, names: dict[str, str]
) -> list[ConceptItem]:
    scored = _score_all(kb.concepts, posting, needs, kb)
    musts = [k for k, v in sorted(needs.need.items(), key=lambda kv: (-kv[1], kv[0])) if v >= 0.5]
    chosen = pick(
        scored,
        limit=LIMITS["concepts"],
        ident=lambda c: c.id,
        groups=lambda c: (c.area,),
        must_cover=musts,
        per_group=2,
    )
    items = []
    for s in chosen:
        c = s.item
        need, gap = _need_and_gap(s.keys, needs)
        why = list(needs.why(s.keys, about=c.title))
        for key in s.keys:
            cv = needs.cv_evidence.get(key)
            if cv:
                shown = names.get(key, key)
                why.append(cv[0].model_copy(update={"note": f"the CV already shows {shown}"}))
                break
        items.append(
            ConceptItem(
                id=c.id,
                title=c.title,
                area=c.area,
                summary=c.summary,
                depth=_depth_for(c, posting.level),
                pitfalls=c.pitfalls,
                self_check=c.self_check,
                reference=str(c.reference),
                need=round(need, 3),
                gap=round(gap, 3),
                score=round(s.score, 4),
                why=tuple(why)
                or (
                    Evidence(
                        source="knowledge",
                        text=f"Core {c.area} knowledge for this family",
                        note="general",
                    ),
                ),
            )
        )
    return items


def _drills(posting: Posting, needs: Needs, kb: KnowledgeBase) -> list[DrillItem]:
    scored = _score_all(kb.drills, posting, needs, kb)
    chosen = pick(
        scored,
        limit=LIMITS["drills"],
        ident=lambda d: d.id,
        groups=lambda d: (d.kind,),
        per_group=2,
    )
    out = []
    for s in chosen:
        d = s.item
        out.append(
            DrillItem(
                id=d.id,
                kind=d.kind,
                title=d.title,
                prompt=d.prompt,
                worked_answer=d.worked_answer,
                answers=tuple(a.model_dump() for a in d.answers),
                rubric=d.rubric,
                solution=d.solution,
                score=round(s.score, 4),
                why=needs.why(s.keys, about=d.title)
                or (
                    Evidence(
                        source="knowledge", text=f"A {d.kind} drill for this level", note="general"
                    ),
                ),
            )
        )
    return out


def _role_plays(posting: Posting, needs: Needs, kb: KnowledgeBase) -> list[RolePlayItem]:
    """Incident scenarios for this job's stack and duties, one per leading competency so
    three role-plays are three different kinds of failure."""
    chosen = pick(
        _score_all(kb.scenarios, posting, needs, kb),
        limit=LIMITS["role_plays"],
        ident=lambda s: s.id,
        groups=lambda s: s.competencies[:1],
        per_group=1,
    )
    return [
        RolePlayItem(
            id=s.item.id,
            title=s.item.title,
            alert=s.item.alert,
            impact=s.item.impact,
            score=round(s.score, 4),
            why=needs.why(s.keys, about=s.item.title)
            or (
                Evidence(
                    source="knowledge",
                    text="A failure every on-call rotation meets",
                    note="general",
                ),
            ),
        )
        for s in chosen
    ]


def _walkthrough(profile: Profile, needs: Needs) -> list[WalkthroughStep]:
    """'Walk me through your CV': recent roles first, each led by its most relevant bullet."""
    steps = []
    for pos in profile.positions[:4]:
        label = position_label(pos)
        best = None
        best_score = -1.0
        for line in needs.cv_lines:
            if line.no in pos.bullet_lines:
                score = needs.score((*line.technologies, *line.competencies))
                if score > best_score:
                    best, best_score = line, score
        if best is None:
            continue
        keys = (*best.technologies, *best.competencies)
        steps.append(
            WalkthroughStep(
                position=label,
                point=best.text,
                why=(best.evidence("lead with"), *needs.why(keys, limit=1, about=best.text)),
            )
        )
    return steps


def _related(posting: Posting, kb: KnowledgeBase) -> list[RelatedRole]:
    try:
        fam = kb.family(posting.family)
    except KeyError:
        return []
    ids = list(dict.fromkeys([*fam.related, *(f for f in posting.families if f != fam.id)]))
    out = []
    for fid in ids[:5]:
        try:
            other = kb.family(fid)
        except KeyError:
            continue
        out.append(
            RelatedRole(
                family=other.id,
                name=other.name,
                how_prep_differs=other.prep_differences,
                score=posting.families.get(other.id, 0.0),
            )
        )
    return out


def _level_from_cv(posting: Posting, profile: Profile) -> Posting:
    """A posting that says nothing of its level is prepared for at the CV's.

    Without a title word, years or scope words the posting reads as mid-level, and a
    nine-year engineer's report then expects mid-level depth and asks "who would I
    learn from". The loop is pitched at the level the candidate is hired at, most
    often the one their experience shows, so that is the depth to prepare.
    """
    years = profile.years_experience
    if posting.level_reason != NO_LEVEL_STATED or posting.levels_listed or not years:
        return posting
    level = "senior" if years >= 6 else "junior" if years < 2 else "mid"
    if level == posting.level:
        return posting
    reason = f"the posting states no level; the CV's {years:.0f} years in dated roles read as "
    reason += level
    return posting.model_copy(update={"level": level, "level_reason": reason})


def build_plan(
    profile: Profile,
    posting: Posting,
    kb: KnowledgeBase,
    *,
    today: dt.date,
    interview_date: dt.date | None = None,
    hours_per_week: float = 6.0,
) -> Plan:
    """Tailor the knowledge base to one posting and one CV.

    Raises:
        UsageError: the interview date is not after today, or hours are out of range.
    """
    interview = interview_date or today + dt.timedelta(days=DEFAULT_RUNWAY_DAYS)
    if interview <= today:
        raise UsageError(
            f"The interview date {interview.isoformat()} is not after today ({today.isoformat()}).",
            "Pass a future date with --interview-date YYYY-MM-DD.",
        )
    if not 0.5 <= hours_per_week <= 80:
        raise UsageError(
            f"{hours_per_week:g} hours per week is out of range.",
            "Use a number between 0.5 and 80.",
        )
    posting = _level_from_cv(posting, profile)
    needs = compute_needs(posting, profile, kb)
    fit = assess_fit(posting, profile, needs)
    must_comps = [c for r in posting.requirements if r.kind == "must" for c in r.competencies]

    behavioural = _score_all(
        [q for q in kb.questions if q.kind == "behavioural"], posting, needs, kb, BEHAVIOURAL_GAP
    )
    # a question the CV has a story for is worth more to prepare: it is the one the
    # candidate can answer well. Up to STORY_QUOTA of them come first, by score; the
    # rest of the list covers the must-have competencies and the posting's asks
    soft = {comp.id for comp in kb.competencies if comp.behavioural}
    told = answerable([s.item for s in behavioural], needs.cv_lines, least=STRONG_STORY)
    with_story = pick(
        [s for s in behavioural if s.item.id in told],
        limit=STORY_QUOTA,
        ident=lambda q: q.id,
        groups=lambda q: q.competencies[:1],
    )
    chosen = {s.item.id for s in with_story}
    covered = {c for s in with_story for c in s.keys}
    beh = with_story + pick(
        [s for s in behavioural if s.item.id not in chosen],
        limit=LIMITS["behavioural"] - len(with_story),
        ident=lambda q: q.id,
        groups=lambda q: q.competencies[:1],
        must_cover=[c for c in dict.fromkeys(must_comps) if c in soft and c not in covered],
    )
    beh = sorted(beh, key=lambda s: (-s.score, s.item.id))
    stories = assign_stories([s.item for s in beh], needs.cv_lines)
    technical = _score_all([q for q in kb.questions if q.kind != "behavioural"], posting, needs, kb)
    tech = pick(
        technical,
        limit=LIMITS["technical"],
        ident=lambda q: q.id,
        groups=lambda q: (q.kind, q.area or q.competencies[0]),
        must_cover=list(dict.fromkeys(must_comps)),
        per_group=3,
    )
    names = {c.id: c.name.lower() for c in kb.competencies}  # how a report says them
    concepts = _concepts(posting, needs, kb, names)
    drills = _drills(posting, needs, kb)
    role_plays = _role_plays(posting, needs, kb)
    asks = smart_questions(posting, kb)

    notices = []
    try:
        family = kb.family(posting.family)
        family_name, family_summary = family.name, family.summary
    except KeyError:
        family_name, family_summary = posting.family, ""
    if not posting.on_target:
        notices.append(
            f"This posting reads as a {family_name} role ({posting.family_reason}), not an "
            "infrastructure one. infraprep specialises in infra loops: the general sections "
            "(behavioural, stories, plan) apply; weigh the technical ones with care.",
        )
    if not profile.positions:
        notices.append(
            "No dated positions were found in the CV, so stories and evidence "
            "come from its other lines. Dates like 'Mar 2021 - Present' help."
        )
    notices.append(f"Level: {posting.level} ({posting.level_reason}).")
    if len(posting.levels_listed) > 1 and not posting.level_reason.startswith("set by you"):
        notices.append(
            f"The page lists {len(posting.levels_listed)} levels "
            f"({', '.join(posting.levels_listed)}), each with its own criteria; this report "
            f"asks those of {posting.level}. To prepare for another, pass --level "
            "(or pick it in the web form)."
        )

    work = {
        "concepts": [c.id for c in concepts],
        "drills": [d.id for d in drills],
        "role_plays": [r.id for r in role_plays],
        "technical": [s.item.id for s in tech],
        "behavioural": [s.item.id for s in beh],
        "asks": [a.id for a in asks],
    }
    needed = work_hours(work)
    available = hours_per_week * (interview - today).days / 7
    if needed > available * 1.25:
        notices.append(
            f"One pass over this plan takes about {needed:.0f} hours and "
            f"{hours_per_week:g} h a week gives {available:.0f} before the interview: the "
            "plan lists each block's work highest priority first, so stop where the hours "
            "run out, or raise --hours-per-week."
        )
    used = {k for row in fit.rows for k in (*row.matched, *row.missing)}
    return Plan(
        competency_names={k: name for k, name in names.items() if k in used},
        generated_on=today,
        interview_date=interview,
        hours_per_week=hours_per_week,
        posting=posting,
        profile=profile,
        family_name=family_name,
        family_summary=family_summary,
        notices=tuple(notices),
        fit=fit,
        loop=likely_loop(posting, kb),
        signals=weighed_signals(posting, needs, kb),
        behavioural=tuple(_question_item(s, needs, stories.get(s.item.id)) for s in beh),
        technical=tuple(_question_item(s, needs) for s in tech),
        concepts=tuple(concepts),
        drills=tuple(drills),
        role_plays=tuple(role_plays),
        smart_questions=asks,
        related_roles=tuple(_related(posting, kb)),
        walkthrough=tuple(_walkthrough(profile, needs)),
        study_plan=build_schedule(today, interview, hours_per_week, kb.timeline, work),
    )

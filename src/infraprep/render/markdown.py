"""The plan as Markdown: for notes apps, wikis and plain-text readers."""

from __future__ import annotations

from collections.abc import Iterable

from infraprep.models import Evidence, FitRow, Plan, QuestionItem
from infraprep.render.evidence import FileLines, cite
from infraprep.render.titles import item_titles

STATUS = {"met": "✅ met", "partly": "◐ partly", "gap": "✗ gap", "answer": "💬 answer in person"}


def _md(text: str) -> str:
    """Escape what Markdown would otherwise read as markup in CV/JD text."""
    out = text.replace("\\", "\\\\")
    for ch in "`*_[]<>|":
        out = out.replace(ch, "\\" + ch)
    return out


def _why(at: FileLines, evidence: Iterable[Evidence]) -> list[str]:
    return [f"  - *Why:* {_md(cite(ev, at))}" for ev in evidence]


def _question(n: int, q: QuestionItem, at: FileLines) -> list[str]:
    out = [f"### {n}. {_md(q.prompt)}", "", f"**What it tests:** {_md(q.tests)}", ""]
    out += ["**Talking points:**", *[f"- {_md(p)}" for p in q.talking_points], ""]
    if q.red_flags:
        out += ["**Red flags:**", *[f"- {_md(r)}" for r in q.red_flags], ""]
    if q.follow_ups:
        out += ["**Follow-ups:** " + " / ".join(_md(f) for f in q.follow_ups), ""]
    if q.story:
        s = q.story
        flag = "" if s.star.result_has_number else " ⚠ *result has no number*"
        out += [
            f"**Your story** (CV line {at('cv', s.line)}, {_md(s.position)}): "
            f"“{_md(s.bullet)}”{flag}",
            f"- **S:** {_md(s.star.situation)}",
            f"- **T:** {_md(s.star.task)}",
            f"- **A:** {_md(s.star.action)}",
            f"- **R:** {_md(s.star.result)}",
            "",
        ]
    elif q.kind == "behavioural":
        out += [
            "**Your story:** no CV line answers this yet: pick one from outside the CV "
            "and write it down.",
            "",
        ]
    out += [f"Write your answer and get feedback: `infraprep practice answer {q.id} answer.md`", ""]
    out += [*_why(at, q.why), ""]
    return out


def _fit_evidence(plan: Plan, row: FitRow, at: FileLines) -> str:
    cv = f"line {at('cv', row.cv.line)}: {_md(row.cv.text)}" if row.cv else "—"
    if row.missing:
        names = ", ".join(plan.competency_names.get(k, k) for k in row.missing)
        cv += f" *(not shown: {_md(names)})*"
    return cv


def render_markdown(plan: Plan) -> bytes:
    p = plan.posting
    at = FileLines.of(plan)
    lines: list[str] = [
        f"# Interview prep: {_md(p.title)}" + (f" at {_md(p.company)}" if p.company else ""),
        "",
        f"*{_md(plan.family_name)} · {p.level} · generated {plan.generated_on.isoformat()} · "
        f"interview {plan.interview_date.isoformat()} · {plan.hours_per_week:g} h/week*",
        "",
    ]
    lines += [f"> {_md(n)}" for n in plan.notices] + [""]
    lines += [
        "## Fit",
        "",
        f"**{plan.fit.score}/100.** {_md(plan.fit.explanation)}",
        "",
        "| Requirement | Kind | Status | CV evidence |",
        "|---|---|---|---|",
    ]
    duties = [row for row in plan.fit.rows if row.kind == "duty"]
    for row in plan.fit.rows:
        if row.kind != "duty":
            lines.append(
                f"| {_md(row.requirement)} (JD line {at('jd', row.jd.line)}) | {row.kind} | "
                f"{STATUS[row.status]} | {_fit_evidence(plan, row, at)} |"
            )
    if duties:
        lines += [
            "",
            "### What the job does, and the CV line nearest each duty (not scored)",
            "",
            "| Duty | Status | CV evidence |",
            "|---|---|---|",
            *(
                f"| {_md(row.requirement)} (JD line {at('jd', row.jd.line)}) | "
                f"{STATUS[row.status]} | {_fit_evidence(plan, row, at)} |"
                for row in duties
            ),
        ]
    lines += ["", "## The loop you will likely face", ""]
    for r in plan.loop:
        lines += [
            f"### {_md(r.name)}",
            "",
            f"**Tests:** {_md(r.tests)}",
            "",
            f"**Format:** {_md(r.format)}",
            "",
            "**Prepare:**",
            *[f"- {_md(x)}" for x in r.prepare],
            "",
            "**Common mistakes:**",
            *[f"- {_md(x)}" for x in r.mistakes],
            "",
            *_why(at, r.why),
            "",
        ]
    lines += ["## What interviewers for this job look for", ""]
    for s in plan.signals:
        lines += [f"- **{_md(s.name)}** — {_md(s.description)}", *_why(at, s.why)]
    lines += ["", "## Behavioural questions and your stories", ""]
    for n, q in enumerate(plan.behavioural, 1):
        lines += _question(n, q, at)
    lines += ["## Walk me through your CV", ""]
    for step in plan.walkthrough:
        lead = f"- **{_md(step.position)}:** lead with “{_md(step.point)}”"
        lines += [lead, *_why(at, step.why[1:])]
    lines += ["", "## Concepts to master", ""]
    for n, c in enumerate(plan.concepts, 1):
        lines += [
            f"### {n}. {_md(c.title)} ({c.area})",
            "",
            f"*Need {c.need:.2f} × gap {c.gap:.2f}*",
            "",
            _md(c.summary),
            "",
            f"**Expected at {p.level}:** {_md(c.depth)}",
            "",
            "**Pitfalls:**",
            *[f"- {_md(x)}" for x in c.pitfalls],
            "",
            "**Check yourself:**",
            *[f"- {_md(x)}" for x in c.self_check],
            "",
            f"Reference: <{c.reference}>",
            "",
            *_why(at, c.why),
            "",
        ]
    lines += ["## Technical questions", ""]
    for n, q in enumerate(plan.technical, 1):
        lines += _question(n, q, at)
    lines += ["## Drills with worked answers", ""]
    for d in plan.drills:
        lines += [
            f"### {_md(d.title)} ({d.kind})",
            "",
            _md(d.prompt),
            "",
            "**Worked answer:**",
            *[f"{i}. {_md(x)}" for i, x in enumerate(d.worked_answer, 1)],
            "",
        ]
        if d.answers:
            lines += [
                "**Check your numbers:** "
                + "; ".join(
                    f"{a['name']} ≈ {a['value']:g} {a['unit']} (±{float(a['tolerance']):.0%})"  # type: ignore[arg-type]
                    for a in d.answers
                ),
                "",
            ]
        if d.rubric:
            lines += ["**A strong answer covers:**", *[f"- {_md(x)}" for x in d.rubric], ""]
        if d.solution:
            lines += ["```python", d.solution.rstrip(), "```", ""]
        if d.answers:
            lines += [f"Practise it with the checker: `infraprep practice estimate {d.id}`", ""]
        if d.kind == "scripting":
            lines += [f"Run its tests on your file: `infraprep practice script {d.id} mine.py`", ""]
        if d.kind == "design":
            lines += [
                "Write your design and check it against the rubric: "
                f"`infraprep practice answer {d.id} design.md`",
                "",
            ]
        lines += [*_why(at, d.why), ""]
    if plan.role_plays:
        lines += [
            "## Incident role-plays",
            "",
            "The program plays the broken system: you investigate and mitigate, and the "
            "debrief shows the root cause and how your run went.",
            "",
        ]
    for r in plan.role_plays:
        lines += [
            f"### {_md(r.title)}",
            "",
            f"**Page:** {_md(r.alert)}",
            "",
            f"**Impact:** {_md(r.impact)}",
            "",
            f"Run it: `infraprep practice incident {r.id}`",
            "",
            *_why(at, r.why),
            "",
        ]
    lines += ["## Smart questions to ask", ""]
    for a in plan.smart_questions:
        lines += [
            f"- **{_md(a.question)}** ({a.theme}) — {_md(a.when)}",
            f"  - Good sign: {_md(a.good_answer)}",
            f"  - Worrying: {_md(a.worrying_answer)}",
            *_why(at, a.why),
        ]
    lines += ["", "## Related roles", ""]
    for r in plan.related_roles:
        lines.append(f"- **{_md(r.name)}:** {_md(r.how_prep_differs)}")
    lines += ["", "## Study plan", "", "| Dates | Phase | Hours | Work on |", "|---|---|---|---|"]
    titles = item_titles(plan)
    for b in plan.study_plan:
        work = "; ".join(_md(titles.get(i, i)) for i in b.items) or "—"
        lines.append(
            f"| {b.start.isoformat()} → {b.end.isoformat()} | {_md(b.phase)} | "
            f"{b.hours:g} | {work} |"
        )
    lines.append("")
    return "\n".join(lines).encode("utf-8")

"""The knowledge base is valid, deep enough, and browsable: `kb lint` runs here."""

from __future__ import annotations

import pytest

from infraprep.errors import KnowledgeError, NotFoundError
from infraprep.knowledge import parse_items
from infraprep.knowledge.browse import find, search, stats
from infraprep.knowledge.lint import lint
from infraprep.knowledge.schema import Drill, Question


def test_knowledge_lint_is_clean(kb):
    findings = lint(kb)
    assert not findings, "\n".join(str(f) for f in findings[:50])


def test_knowledge_stats_meet_the_minimums(kb):
    s = stats(kb)
    assert s["infra_families"] >= 14
    assert s["loop_stages"] >= 10
    assert s["signals"] >= 40
    assert s["questions"] >= 600
    assert s["concepts"] >= 250 and len(s["concepts_by_area"]) >= 15
    assert s["drills"] >= 60
    assert s["scenarios"] >= 15
    assert s["smart_questions"] >= 100


def test_knowledge_schema_errors_name_the_file_item_and_field():
    bad = "- id: beh-x\n  kind: behavioural\n  prompt: Tell me\n"
    with pytest.raises(KnowledgeError) as info:
        parse_items(bad, "questions/x.yaml", Question)
    msg = info.value.message
    assert "questions/x.yaml" in msg and "beh-x" in msg and "tests" in msg


@pytest.mark.parametrize(
    ("kind", "missing"), [("estimation", "answers its checker"), ("scripting", "solution")]
)
def test_knowledge_a_practised_drill_must_carry_what_its_checker_needs(kind, missing):
    """The report names a practice command for every estimation and scripting drill."""
    drill = f"""- id: drill-x
  kind: {kind}
  title: A drill
  prompt: Do it.
  worked_answer: [one, two, three]
  levels: [mid]
  competencies: [coding]
"""
    with pytest.raises(KnowledgeError) as info:
        parse_items(drill, "drills/x.yaml", Drill)
    assert missing in info.value.message


def test_knowledge_schema_rejects_unknown_keys():
    text = """- id: beh-y
  kind: behavioural
  prompt: Tell me about a time.
  tests: whether you can tell a story
  talking_points: [one thing here, two things here, three things here]
  red_flags: [none at all]
  follow_ups: [and then?]
  levels: [mid]
  competencies: [ownership]
  colour: blue
"""
    with pytest.raises(KnowledgeError, match="colour"):
        parse_items(text, "q.yaml", Question)


def test_knowledge_search_and_show(kb):
    hits = search(kb, "error budget")
    assert hits
    name, item = find(kb, hits[0][1].id)  # type: ignore[attr-defined]
    assert name and item
    with pytest.raises(NotFoundError):
        find(kb, "no-such-id")


def test_knowledge_scripting_drill_solutions_pass_their_tests(kb):
    """Each scripting drill's reference solution passes its own tests."""
    ran = 0
    for drill in kb.drills:
        if drill.kind != "scripting" or not drill.solution or not drill.tests:
            continue
        namespace: dict[str, object] = {"__name__": f"drill_{drill.id}"}
        exec(compile(drill.solution, f"{drill.id}:solution", "exec"), namespace)
        exec(compile(drill.tests, f"{drill.id}:tests", "exec"), namespace)
        tests = [v for k, v in namespace.items() if k.startswith("test_") and callable(v)]
        assert tests, f"{drill.id} has no test functions"
        for test in tests:
            test()
        ran += 1
    assert ran >= 20


def test_knowledge_lint_catches_a_competency_narrowing_an_unknown_one(kb):
    import dataclasses

    comps = tuple(
        c.model_copy(update={"narrows": "securty"}) if c.id == "security-assessment" else c
        for c in kb.competencies
    )
    findings = lint(dataclasses.replace(kb, competencies=comps), counts=False)
    assert any("narrows an unknown competency 'securty'" in str(f) for f in findings)


def test_knowledge_lint_catches_behavioural_questions_without_specific_cues(kb):
    import dataclasses

    questions = tuple(
        q.model_copy(update={"cues": ()})
        if q.id == "beh-toil-you-eliminated"
        else q.model_copy(update={"cues": ("led", *q.cues)})
        if q.id == "beh-database-major-upgrade"
        else q
        for q in kb.questions
    )
    findings = [str(f) for f in lint(dataclasses.replace(kb, questions=questions), counts=False)]
    assert "error: beh-toil-you-eliminated: a behavioural question needs cues" in findings
    assert "error: beh-database-major-upgrade: cue 'led' would match any bullet" in findings

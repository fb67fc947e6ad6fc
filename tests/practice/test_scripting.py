"""Running a scripting drill's tests against the user's own file, in a child Python."""

from __future__ import annotations

import pytest

from infraprep.errors import EmptyInputError, InputError
from infraprep.knowledge import load_knowledge
from infraprep.practice import check_script, find_scripting, scripting_drills


@pytest.fixture(scope="module")
def kb():
    return load_knowledge()


@pytest.fixture(scope="module")
def drill(kb):
    return find_scripting(kb, "drill-script-top-5xx-clients")


def test_the_reference_solution_passes_every_test(drill, tmp_path):
    solution = tmp_path / "mine.py"
    solution.write_text(drill.solution)
    run = check_script(drill, solution)
    assert run.all_passed and run.passed == len(run.results) >= 4
    assert {r.behaviour for r in run.results} >= {"counts and order", "empty input"}


def test_a_wrong_order_fails_the_test_that_checks_it_with_both_values_shown(drill, tmp_path):
    solution = tmp_path / "mine.py"
    solution.write_text(drill.solution.replace("(-kv[1], kv[0])", "kv[0]"))
    run = check_script(drill, solution)
    failed = [r for r in run.results if not r.passed]
    assert [r.name for r in failed] == ["test_most_errors_first_whatever_the_ip"]
    assert failed[0].error == (
        "got [('10.0.0.1', 1), ('10.0.0.9', 3)]; "
        "the test expects [('10.0.0.9', 3), ('10.0.0.1', 1)]"
    )
    assert failed[0].check is not None and failed[0].check.startswith("assert top ==")
    assert not run.all_passed


def test_an_exception_names_the_users_line(drill, tmp_path):
    solution = tmp_path / "mine.py"
    solution.write_text("def top_error_clients(lines, n):\n    x = 1\n    return {}[lines]\n")
    run = check_script(drill, solution)
    assert run.results and not any(r.passed for r in run.results)
    first = run.results[0]
    assert first.error == "TypeError: unhashable type: 'list'" and first.line == 3


def test_a_file_that_does_not_run_says_why_and_where(drill, tmp_path):
    solution = tmp_path / "mine.py"
    solution.write_text("import os\ndef top_error_clients(lines n):\n    pass\n")
    run = check_script(drill, solution)
    assert run.results == () and run.load_line == 2
    assert run.load_error is not None and run.load_error.startswith("SyntaxError")


def test_a_loop_that_never_ends_is_stopped(drill, tmp_path):
    solution = tmp_path / "mine.py"
    solution.write_text("def top_error_clients(lines, n):\n    while True:\n        pass\n")
    run = check_script(drill, solution, timeout=2)
    assert run.timed_out and run.results == ()


def test_the_users_prints_are_kept_apart_from_the_results(drill, tmp_path):
    solution = tmp_path / "mine.py"
    solution.write_text('print("debugging")\n' + drill.solution)
    run = check_script(drill, solution)
    assert run.all_passed and run.output == "debugging"


def test_a_missing_or_empty_file_is_an_input_error(drill, tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        check_script(drill, tmp_path / "nope.py")
    empty = tmp_path / "empty.py"
    empty.write_text("\n")
    with pytest.raises(EmptyInputError):
        check_script(drill, empty)


def test_every_reference_solution_passes_in_the_child_python(kb, tmp_path):
    """The drills users run hold up the same way the suite's exec of them does."""
    drills = scripting_drills(kb)
    assert len(drills) >= 20
    for drill in drills:
        solution = tmp_path / f"{drill.id}.py"
        solution.write_text(drill.solution or "")
        run = check_script(drill, solution)
        assert run.all_passed, (drill.id, run)

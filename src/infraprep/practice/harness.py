"""Run one scripting drill's tests against the user's file; executed as a script.

This file runs in a child interpreter (``python -I harness.py RESULTS SOLUTION TESTS``),
so a loop that never ends or a crash in the user's code cannot take infraprep with
it. It uses the standard library only and writes its findings as JSON to RESULTS,
leaving the child's stdout to whatever the user's code prints.
"""

from __future__ import annotations

import ast
import json
import sys
import traceback

MEMORY_LIMIT_BYTES = 2 * 1024**3


def _limit_memory() -> None:
    try:
        import resource
    except ImportError:  # not on Windows
        return
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = MEMORY_LIMIT_BYTES if hard == resource.RLIM_INFINITY else min(hard, MEMORY_LIMIT_BYTES)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _where(error: BaseException, filename: str) -> int | None:
    """The line of ``filename`` the error came from, innermost first."""
    if isinstance(error, SyntaxError) and error.filename == filename:
        return error.lineno
    for frame in reversed(traceback.extract_tb(error.__traceback__)):
        if frame.filename == filename:
            return frame.lineno
    return None


def _compared(error: AssertionError, tests_source: str) -> str | None:
    """For a bare ``assert got == expected`` that failed: both sides, as pytest shows them.

    The sides are evaluated again in the test's frame, which calls the user's function a
    second time; the drills' functions are pure, so it gives the same value.
    """
    frames = [
        (frame, line)
        for frame, line in traceback.walk_tb(error.__traceback__)
        if frame.f_code.co_filename == "tests"
    ]
    if not frames:
        return None
    frame, number = frames[-1]
    lines = tests_source.splitlines()
    if not 1 <= number <= len(lines):
        return None
    try:
        statement = ast.parse(lines[number - 1].strip()).body[0]
    except (SyntaxError, IndexError):
        return None
    test = statement.test if isinstance(statement, ast.Assert) else None
    if not isinstance(test, ast.Compare) or len(test.ops) != 1:
        return None
    try:
        got, expected = (
            eval(compile(ast.Expression(side), "tests", "eval"), frame.f_globals, frame.f_locals)
            for side in (test.left, test.comparators[0])
        )
        return f"got {_short(got)}; the test expects {_short(expected)}"
    except Exception:  # the second evaluation failed differently: say nothing more
        return None


def _short(value: object, limit: int = 300) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _describe(error: BaseException) -> str:
    text = str(error).strip()
    name = type(error).__name__
    if isinstance(error, SyntaxError):
        return f"{name}: {error.msg}"
    if isinstance(error, AssertionError) and not text:
        return "an assertion failed"
    return f"{name}: {text}" if text else name


def run(solution_path: str, tests_path: str) -> dict[str, object]:
    namespace: dict[str, object] = {"__name__": "solution"}
    with open(solution_path, encoding="utf-8") as handle:
        solution = handle.read()
    try:
        exec(compile(solution, solution_path, "exec"), namespace)
    except BaseException as error:  # the user's code may raise anything, SystemExit too
        return {
            "loaded": False,
            "error": _describe(error),
            "line": _where(error, solution_path),
            "results": [],
        }
    with open(tests_path, encoding="utf-8") as handle:
        tests_source = handle.read()
    exec(compile(tests_source, "tests", "exec"), namespace)
    results = []
    for name, test in list(namespace.items()):
        if not name.startswith("test_") or not callable(test):
            continue
        try:
            test()
        except BaseException as error:
            detail = _compared(error, tests_source) if isinstance(error, AssertionError) else None
            results.append(
                {
                    "name": name,
                    "passed": False,
                    "error": detail or _describe(error),
                    "line": _where(error, solution_path),
                    "test_line": _where(error, "tests"),
                }
            )
        else:
            results.append({"name": name, "passed": True})
    return {"loaded": True, "error": None, "line": None, "results": results}


def main() -> None:
    results_path, solution_path, tests_path = sys.argv[1:4]
    _limit_memory()
    sys.setrecursionlimit(10_000)
    report = run(solution_path, tests_path)
    with open(results_path, "w", encoding="utf-8") as handle:
        json.dump(report, handle)


if __name__ == "__main__":
    main()

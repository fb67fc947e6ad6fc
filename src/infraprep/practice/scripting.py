"""Checking the user's solution to a scripting drill against the drill's own tests.

The tests are the ones that keep each reference solution honest in our suite;
here they run against the user's file in a child interpreter (see ``harness``),
with a time limit, so the user sees which behaviours their code gets right.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from infraprep.errors import DecodeError, EmptyInputError, InputTooLargeError, UsageError
from infraprep.ingest.read import read_file_bytes
from infraprep.knowledge.schema import Drill
from infraprep.practice.catalog import is_runnable_script

TIME_LIMIT_SECONDS = 10.0
MAX_SOLUTION_BYTES = 1024 * 1024
_HARNESS = Path(__file__).with_name("harness.py")
_TEST_NAME = re.compile(r"^def (test_\w+)\(", re.MULTILINE)


@dataclass(frozen=True)
class CheckResult:
    name: str
    passed: bool
    error: str | None = None
    line: int | None = None  # the line of the user's file the failure came from
    check: str | None = None  # the line of the test that failed, as written

    @property
    def behaviour(self) -> str:
        return _behaviour(self.name)


@dataclass(frozen=True)
class ScriptRun:
    """What running the drill's tests against one file showed."""

    results: tuple[CheckResult, ...] = ()
    load_error: str | None = None  # the file did not run: SyntaxError, an import...
    load_line: int | None = None
    timed_out: bool = False
    output: str = ""  # what the user's code printed, the last lines of it

    @property
    def passed(self) -> int:
        return sum(r.passed for r in self.results)

    @property
    def all_passed(self) -> bool:
        return bool(self.results) and self.passed == len(self.results)


def behaviours_tested(drill: Drill) -> tuple[str, ...]:
    """What the drill's tests check, read from their names, before any file is run."""
    return tuple(_behaviour(n) for n in _TEST_NAME.findall(drill.tests or ""))


def _behaviour(test_name: str) -> str:
    """``test_counts_and_order`` read as "counts and order"."""
    return test_name.removeprefix("test_").replace("_", " ")


def check_script(drill: Drill, solution: Path, timeout: float = TIME_LIMIT_SECONDS) -> ScriptRun:
    """Run ``drill``'s tests against the Python file ``solution``."""
    if not is_runnable_script(drill):
        raise UsageError(f"'{drill.id}' has no tests to run.", "Pick a scripting drill.")
    if drill.language not in (None, "python"):
        raise UsageError(
            f"'{drill.id}' is a {drill.language} drill; only Python is checked.",
            "Compare your answer with the worked answer in the report.",
        )
    _check_readable(solution)
    with tempfile.TemporaryDirectory(prefix="infraprep-script-") as tmp:
        tests = Path(tmp, "tests.py")
        tests.write_text(drill.tests, encoding="utf-8")
        results_file = Path(tmp, "results.json")
        command = [sys.executable, "-I", str(_HARNESS), str(results_file)]
        command += [str(solution.resolve()), str(tests)]
        try:
            child = subprocess.run(
                command,
                cwd=tmp,
                capture_output=True,
                text=True,
                timeout=timeout,
                stdin=subprocess.DEVNULL,
                check=False,
            )
        except subprocess.TimeoutExpired as expired:
            return ScriptRun(timed_out=True, output=_tail(expired.stdout))
        if not results_file.exists():
            # the child died before writing: killed for memory, or os._exit()
            reason = _tail(child.stderr) or f"the interpreter exited with code {child.returncode}"
            return ScriptRun(load_error=reason, output=_tail(child.stdout))
        report = json.loads(results_file.read_text(encoding="utf-8"))
    test_lines = drill.tests.splitlines()
    results = tuple(
        CheckResult(
            name=r["name"],
            passed=r["passed"],
            error=r.get("error"),
            line=r.get("line"),
            check=_line(test_lines, r.get("test_line")),
        )
        for r in report["results"]
    )
    return ScriptRun(
        results=results,
        load_error=report["error"] if not report["loaded"] else None,
        load_line=report["line"],
        output=_tail(child.stdout),
    )


def _check_readable(solution: Path) -> None:
    """A clear error for a path that is not a Python file we can run."""
    data = read_file_bytes(
        solution, max_bytes=MAX_SOLUTION_BYTES, wanted="the .py file with your solution"
    )
    shown = f"'{solution}'"
    if len(data) > MAX_SOLUTION_BYTES:
        raise InputTooLargeError(
            f"{shown} is over 1 MB; a drill's solution is a few dozen lines.",
            "Pass the file with your solution only.",
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DecodeError(
            f"{shown} is not UTF-8 text.", "Save your solution as a UTF-8 .py file."
        ) from exc
    if not text.strip():
        raise EmptyInputError(f"{shown} is empty.", "Write your solution in it first.")


def _line(lines: list[str], number: int | None) -> str | None:
    if number is None or not 1 <= number <= len(lines):
        return None
    return lines[number - 1].strip()


def _tail(text: str | bytes | None, keep: int = 10) -> str:
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    return "\n".join((text or "").strip().splitlines()[-keep:])

"""Check an estimation drill's answers against its numbers, each within its tolerance.

An estimate is judged the way an interviewer judges it: the right order of
magnitude and close enough to steer a decision. Each checked number in the
knowledge base carries the relative error it accepts; the verdict says by how
much an answer is off and which way, because "3x too high" tells a candidate
which step to re-check and "wrong" does not.
"""

from __future__ import annotations

from dataclasses import dataclass

from infraprep.knowledge.schema import Answer, Drill


@dataclass(frozen=True)
class Verdict:
    """One typed answer against one checked number."""

    name: str
    unit: str
    expected: float
    tolerance: float
    given: float | None  # None: skipped

    @property
    def error(self) -> float | None:
        """Relative error of the answer (0.25 = 25% off); None when skipped."""
        if self.given is None:
            return None
        if self.expected == 0:
            return abs(self.given)
        return abs(self.given - self.expected) / abs(self.expected)

    @property
    def within(self) -> bool:
        error = self.error
        # a hair of float slack, so 1,800 against 1,500 at ±20% counts as in
        return error is not None and error <= self.tolerance + 1e-9

    def explain(self) -> str:
        """A sentence: in or out, by how much, and the number it was checked against."""
        target = f"{_plain(self.expected)} {self.unit} (±{self.tolerance:.0%})"
        if self.given is None:
            return f"skipped; the checked number is {target}"
        if self.within:
            return f"within tolerance: {_plain(self.given)} against {target}"
        return f"{self.off_by()}: {_plain(self.given)} against {target}"

    def off_by(self) -> str:
        """Past a factor of two as "2.4x too high", inside it as "35% too low"."""
        given, expected = self.given or 0.0, self.expected
        if expected == 0 or given == 0 or (given < 0) != (expected < 0):
            return "off"
        ratio = given / expected
        direction = "too high" if ratio > 1 else "too low"
        factor = ratio if ratio > 1 else 1 / ratio
        if factor >= 2:
            return f"{factor:.1f}x {direction}"
        return f"{abs(ratio - 1):.0%} {direction}"


@dataclass(frozen=True)
class Score:
    """How a whole drill went: which numbers landed and which were skipped."""

    verdicts: tuple[Verdict, ...]

    @property
    def right(self) -> int:
        return sum(v.within for v in self.verdicts)

    @property
    def skipped(self) -> int:
        return sum(v.given is None for v in self.verdicts)

    def summary(self) -> str:
        total = len(self.verdicts)
        text = f"{self.right} of {total} numbers within tolerance"
        if self.skipped:
            text += f", {self.skipped} skipped"
        return text


def verdict_for(answer: Answer, given: float | None) -> Verdict:
    return Verdict(answer.name, answer.unit, answer.value, answer.tolerance, given)


def score(drill: Drill, given: dict[str, float | None]) -> Score:
    """Every checked number of ``drill`` against ``given`` (answer name -> value)."""
    return Score(tuple(verdict_for(a, given.get(a.name)) for a in drill.answers))


def _plain(value: float) -> str:
    if float(value).is_integer() and abs(value) < 1e15:
        return f"{int(value):,}"
    if abs(value) >= 1000:
        return f"{value:,.0f}"
    return f"{value:.3g}"

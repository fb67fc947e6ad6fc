"""An incident role-play: the program plays the broken system, the candidate works it.

The scenario's page, system map and impact are what an on-call engineer gets.
Each investigation reveals what the system would show; each mitigation says
what happens to it. The root cause stays hidden until the debrief, which judges
the run the way troubleshooting interviewers do: did the candidate look before
acting, find the signals that mattered, avoid risky moves, and stop the impact.

The state is a frozen value and every move returns a new one, so a session can
be replayed from its moves and the same moves always give the same debrief.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from infraprep.errors import UsageError
from infraprep.knowledge.schema import Investigation, Mitigation, Scenario

MoveKind = Literal["investigate", "mitigate"]


@dataclass(frozen=True)
class Option:
    """One thing the candidate can do, under the number the menu shows."""

    number: int
    kind: MoveKind
    id: str
    label: str


@dataclass(frozen=True)
class Outcome:
    """What the system shows after a move."""

    option: Option
    text: str
    resolved: bool = False
    repeated: bool = False


@dataclass(frozen=True)
class Debrief:
    resolved: bool
    moves: int
    useful_found: tuple[str, ...]
    useful_missed: tuple[str, ...]
    dead_ends: tuple[str, ...]
    risky_taken: tuple[str, ...]
    failed_mitigations: tuple[str, ...]
    acted_before_looking: bool
    hypothesis: str
    root_cause: str
    rubric: tuple[str, ...]
    debrief: str

    @property
    def signals(self) -> int:
        """How many investigations turned up something that mattered."""
        return len(self.useful_found) + len(self.useful_missed)

    def findings(self) -> list[str]:
        """The judgement, strongest signal first, in the words an interviewer would use."""
        lines = []
        if self.resolved:
            lines.append(f"User impact stopped after {self.moves} moves.")
        else:
            lines.append("User impact was not stopped: no mitigation that resolves it was tried.")
        if self.acted_before_looking:
            lines.append(
                "You changed the system before any investigation that mattered: say what you "
                "saw first, then act."
            )
        lines.append(f"You found {len(self.useful_found)} of {self.signals} signals that mattered.")
        if self.risky_taken:
            lines.append(
                "Risky moves (each could widen the impact): " + "; ".join(self.risky_taken) + "."
            )
        if self.failed_mitigations:
            lines.append(
                "Mitigations that did not stop the impact: "
                + "; ".join(self.failed_mitigations)
                + "."
            )
        if self.dead_ends:
            lines.append("Dead ends: " + "; ".join(self.dead_ends) + ".")
        if not self.hypothesis:
            lines.append(
                "You never stated a hypothesis: interviewers want one out loud before a fix."
            )
        return lines


@dataclass(frozen=True)
class RolePlay:
    """A run of one scenario so far: the moves made and the hypothesis stated."""

    scenario: Scenario
    moves: tuple[Option, ...] = ()
    hypothesis: str = ""
    options: tuple[Option, ...] = field(init=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "options", menu(self.scenario))

    @property
    def resolved(self) -> bool:
        return any(
            o.kind == "mitigate" and _mitigation(self.scenario, o.id).resolves for o in self.moves
        )

    def option(self, number: int) -> Option:
        for option in self.options:
            if option.number == number:
                return option
        raise UsageError(
            f"There is no move {number}.",
            f"Pick a number from 1 to {len(self.options)}, 'h' to state a hypothesis or "
            "'q' to stop and see the debrief.",
        )

    def play(self, number: int) -> tuple[RolePlay, Outcome]:
        """Make move ``number``; the new state and what the system shows."""
        option = self.option(number)
        repeated = option in self.moves
        if option.kind == "investigate":
            text = _investigation(self.scenario, option.id).reveals
            resolved = False
        else:
            mitigation = _mitigation(self.scenario, option.id)
            text, resolved = mitigation.consequence, mitigation.resolves
        state = (
            self if repeated else RolePlay(self.scenario, (*self.moves, option), self.hypothesis)
        )
        return state, Outcome(option, text, resolved, repeated)

    def state_hypothesis(self, text: str) -> RolePlay:
        return RolePlay(self.scenario, self.moves, " ".join(text.split()))

    def debrief(self) -> Debrief:
        scenario = self.scenario
        done = {o.id for o in self.moves if o.kind == "investigate"}
        useful = [i for i in scenario.investigations if i.useful]
        first_mitigation = next(
            (n for n, o in enumerate(self.moves) if o.kind == "mitigate"), len(self.moves)
        )
        looked_first = any(
            o.kind == "investigate" and _investigation(scenario, o.id).useful
            for o in self.moves[:first_mitigation]
        )
        tried = [_mitigation(scenario, o.id) for o in self.moves if o.kind == "mitigate"]
        return Debrief(
            resolved=self.resolved,
            moves=_moves_to_resolve(self),
            useful_found=tuple(i.label for i in useful if i.id in done),
            useful_missed=tuple(i.label for i in useful if i.id not in done),
            dead_ends=tuple(
                i.label for i in scenario.investigations if not i.useful and i.id in done
            ),
            risky_taken=tuple(m.label for m in tried if m.risky),
            failed_mitigations=tuple(m.label for m in tried if not m.resolves),
            acted_before_looking=bool(tried) and not looked_first,
            hypothesis=self.hypothesis,
            root_cause=scenario.root_cause,
            rubric=scenario.rubric,
            debrief=scenario.debrief,
        )


def menu(scenario: Scenario) -> tuple[Option, ...]:
    """Investigations, then mitigations, each group in alphabetical order.

    The knowledge base lists the useful investigations and the resolving fix
    first; showing that order would give the answer away.
    """
    looks = sorted(scenario.investigations, key=lambda i: i.label.lower())
    fixes = sorted(scenario.mitigations, key=lambda m: m.label.lower())
    options = [("investigate", i.id, i.label) for i in looks]
    options += [("mitigate", m.id, m.label) for m in fixes]
    return tuple(
        Option(n, kind, id_, label)  # type: ignore[arg-type]
        for n, (kind, id_, label) in enumerate(options, start=1)
    )


def _moves_to_resolve(play: RolePlay) -> int:
    for n, option in enumerate(play.moves, start=1):
        if option.kind == "mitigate" and _mitigation(play.scenario, option.id).resolves:
            return n
    return len(play.moves)


def _investigation(scenario: Scenario, id_: str) -> Investigation:
    return next(i for i in scenario.investigations if i.id == id_)


def _mitigation(scenario: Scenario, id_: str) -> Mitigation:
    return next(m for m in scenario.mitigations if m.id == id_)

"""`infraprep practice`: incident role-plays and estimation drills in the terminal."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING, TypeVar

import click

from infraprep.errors import UsageError

if TYPE_CHECKING:
    from infraprep.knowledge import KnowledgeBase
    from infraprep.knowledge.schema import Drill, Scenario
    from infraprep.practice import RolePlay

WIDTH = 88
Titled = TypeVar("Titled", "Scenario", "Drill")


@click.group()
def practice() -> None:
    """Practise: incident role-plays and estimation drills checked to the number."""


@practice.command("list")
@click.option("--family", default=None, help="Only those written for this role family (e.g. sre).")
def practice_list(family: str | None) -> None:
    """The incident scenarios and estimation drills you can practise."""
    from infraprep.knowledge import load_knowledge
    from infraprep.practice import estimation_drills, scenarios

    kb = load_knowledge()
    family = _family(kb, family)
    click.secho("Incident role-plays (infraprep practice incident ID)", bold=True)
    for scenario in scenarios(kb, family):
        click.echo(f"  {scenario.id:<40} {scenario.title}")
    click.secho("\nEstimation drills (infraprep practice estimate ID)", bold=True)
    for drill in estimation_drills(kb, family):
        click.echo(f"  {drill.id:<40} {drill.title}")


@practice.command("incident")
@click.argument("scenario_id", required=False)
@click.option("--family", default=None, help="Offer only scenarios for this role family.")
def practice_incident(scenario_id: str | None, family: str | None) -> None:
    """Work an incident: the program plays the broken system.

    Pick investigations and mitigations by number; 'h' states your hypothesis,
    'q' stops. The debrief shows the root cause and how the run went.
    """
    from infraprep.knowledge import load_knowledge
    from infraprep.practice import RolePlay, find_scenario, scenarios

    kb = load_knowledge()
    if scenario_id is None:
        scenario = _pick(scenarios(kb, _family(kb, family)), "scenario")
    else:
        scenario = find_scenario(kb, scenario_id)
    play = RolePlay(scenario)
    _heading(scenario.title)
    click.secho("Page:", bold=True)
    _para(scenario.alert)
    click.secho("\nSystem:", bold=True)
    for line in scenario.system_map:
        _para(f"- {line}", indent="  ")
    click.secho("\nImpact:", bold=True)
    _para(scenario.impact)
    _show_menu(play)
    while not play.resolved:
        typed = click.prompt("\nmove", prompt_suffix="> ", default="q", show_default=False)
        command = typed.strip().lower()
        if command in {"q", "quit", "exit", "debrief"}:
            break
        if command in {"?", "m", "menu", "help"}:
            _show_menu(play)
            continue
        if command == "h" or command.startswith("h "):
            text = typed.strip()[1:].strip() or click.prompt("hypothesis", prompt_suffix="> ")
            play = play.state_hypothesis(text)
            click.echo("Noted. Say it out loud in the interview, too.")
            continue
        try:
            play, outcome = play.play(_number(command))
        except UsageError as exc:
            click.secho(f"{exc.message} {exc.hint}", fg="yellow")
            continue
        verb = "You check" if outcome.option.kind == "investigate" else "You do"
        click.secho(f"\n{verb}: {outcome.option.label}", bold=True)
        _para(outcome.text)
        if outcome.repeated:
            click.echo("(You had done this already; it does not count twice.)")
        if outcome.resolved:
            click.secho("\nUser impact has stopped.", fg="green", bold=True)
    _show_debrief(play)


@practice.command("estimate")
@click.argument("drill_id", required=False)
@click.option("--family", default=None, help="Offer only drills for this role family.")
def practice_estimate(drill_id: str | None, family: str | None) -> None:
    """Work an estimation drill; each number is checked within its tolerance.

    Type numbers as you would say them: 30M, 2,250, 0.4 TB, 37%, 90 min.
    An empty answer skips it. The worked answer follows.
    """
    from infraprep.knowledge import load_knowledge
    from infraprep.practice import estimation_drills, find_estimation, read_quantity, verdict_for
    from infraprep.practice.estimation import Score

    kb = load_knowledge()
    if drill_id is None:
        drill = _pick(estimation_drills(kb, _family(kb, family)), "drill")
    else:
        drill = find_estimation(kb, drill_id)
    _heading(drill.title)
    _para(drill.prompt)
    click.secho("\nGiven:", bold=True)
    for line in drill.given:
        _para(f"- {line}", indent="  ")
    verdicts = []
    for answer in drill.answers:
        hint = " (a fraction: 0.37 or 37%)" if answer.unit == "fraction" else ""
        while True:
            typed = click.prompt(
                f"\n{answer.name}, in {answer.unit}{hint}",
                default="",
                show_default=False,
                prompt_suffix="> ",
            )
            if not typed.strip():
                given = None
                break
            try:
                given = read_quantity(typed, answer.unit)
                break
            except UsageError as exc:
                click.secho(f"{exc.message} {exc.hint}", fg="yellow")
        verdict = verdict_for(answer, given)
        colour = "green" if verdict.within else ("yellow" if given is None else "red")
        click.secho(verdict.explain(), fg=colour)
        verdicts.append(verdict)
    result = Score(tuple(verdicts))
    click.secho(f"\n{result.summary()}.", bold=True)
    click.secho("\nWorked answer:", bold=True)
    for n, step in enumerate(drill.worked_answer, start=1):
        _para(f"{n}. {step}", indent="   ")
    if drill.reference:
        click.echo(f"\nReference: {drill.reference}")


def _show_menu(play: RolePlay) -> None:
    done = set(play.moves)
    click.secho("\nWhat do you do? (a number; h: state a hypothesis; q: stop)", bold=True)
    for kind, title in (("investigate", "Investigate"), ("mitigate", "Act")):
        click.echo(f"  {title}:")
        for option in play.options:
            if option.kind == kind:
                mark = " (done)" if option in done else ""
                click.echo(f"   {option.number:>2}. {option.label}{mark}")


def _show_debrief(play: RolePlay) -> None:
    debrief = play.debrief()
    _heading("Debrief")
    for line in debrief.findings():
        _para(f"- {line}", indent="  ")
    if debrief.useful_missed:
        click.secho("\nSignals you did not look at:", bold=True)
        for label in debrief.useful_missed:
            _para(f"- {label}", indent="  ")
    click.secho("\nRoot cause:", bold=True)
    _para(debrief.root_cause)
    if debrief.hypothesis:
        click.secho("\nYour hypothesis:", bold=True)
        _para(debrief.hypothesis)
    click.secho("\nWhat a strong run covers:", bold=True)
    for line in debrief.rubric:
        _para(f"- {line}", indent="  ")
    click.secho("\nTeaching notes:", bold=True)
    _para(debrief.debrief)


def _pick(offered: Sequence[Titled], what: str) -> Titled:
    """The item the user picks by number from ``offered``."""
    if not offered:
        raise UsageError(f"No {what} fits those options.", "Drop --family to see them all.")
    for n, item in enumerate(offered, start=1):
        click.echo(f"{n:>3}. {item.title}")
    number = click.prompt(
        f"Pick a {what}", type=click.IntRange(1, len(offered)), prompt_suffix="> "
    )
    return offered[int(number) - 1]


def _family(kb: KnowledgeBase, family: str | None) -> str | None:
    """``family`` if the knowledge base knows it; a UsageError naming the known ones if not."""
    known = sorted(f.id for f in kb.families)
    if family is not None and family not in known:
        raise UsageError(f"There is no role family '{family}'.", "Use one of: " + ", ".join(known))
    return family


def _number(command: str) -> int:
    try:
        return int(command)
    except ValueError:
        raise UsageError(
            f"'{command}' is not a move.", "Type a move's number, 'h' or 'q'."
        ) from None


def _heading(text: str) -> None:
    click.secho(f"\n{text}\n{'=' * min(len(text), WIDTH)}", bold=True)


def _para(text: str, indent: str = "") -> None:
    click.echo(
        textwrap.fill(
            " ".join(text.split()),
            width=WIDTH,
            initial_indent=indent,
            subsequent_indent=indent + ("  " if indent else ""),
        )
    )

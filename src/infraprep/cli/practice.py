"""`infraprep practice`: role-plays, estimates, scripts and written answers in the terminal."""

from __future__ import annotations

import datetime as dt
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import click

from infraprep.errors import UsageError

if TYPE_CHECKING:
    from infraprep.knowledge import KnowledgeBase
    from infraprep.knowledge.schema import Drill, Scenario
    from infraprep.practice import Debrief, RolePlay
    from infraprep.practice.history import Attempt

WIDTH = 88
Titled = TypeVar("Titled", "Scenario", "Drill")


@click.group()
@click.option(
    "--no-record",
    is_flag=True,
    help="Leave this attempt out of your practice history.",
)
@click.pass_context
def practice(ctx: click.Context, no_record: bool) -> None:
    """Practise: incident role-plays, estimation drills checked to the number,
    scripting drills run against your own code, and feedback on written answers.

    Each attempt is kept in your practice history (the item's id, the day and the
    score, never what you typed), so 'infraprep practice due' can say what to review.
    """
    ctx.obj = {"record": not no_record}


@practice.command("due")
def practice_due() -> None:
    """What to practise again today: items missed, and items passed whose wait is over."""
    from infraprep.practice.history import due, reviews

    attempts = _history()
    today = _today()
    waiting = due(attempts, today)
    if not attempts:
        click.echo("No practice recorded yet. Start with: infraprep practice list")
        return
    if not waiting:
        upcoming = reviews(attempts)[0]
        click.echo(f"Nothing due today. Next: {upcoming.item_id} on {upcoming.due.isoformat()}.")
        return
    click.secho(f"Due today ({len(waiting)}):", bold=True)
    for review in waiting:
        late = review.overdue_days(today)
        when = f"{late} days overdue" if late > 1 else "due"
        result = "passed" if review.last.passed else "missed"
        click.echo(
            f"  {_COMMANDS[review.kind]} {review.item_id}"
            f"  ({result} {review.last.day.isoformat()}: {review.last.detail}; {when})"
        )


@practice.command("history")
@click.option("--last", "last", default=20, show_default=True, help="How many attempts to show.")
def practice_history(last: int) -> None:
    """Your recorded attempts, newest first, and where each item stands."""
    from infraprep.practice.history import INTERVALS, reviews

    attempts = _history()
    if not attempts:
        click.echo("No practice recorded yet. Start with: infraprep practice list")
        return
    click.secho("Attempts, newest first:", bold=True)
    for attempt in sorted(attempts, key=lambda a: a.day, reverse=True)[:last]:
        mark = "pass" if attempt.passed else "miss"
        click.echo(
            f"  {attempt.day.isoformat()}  {mark}  {attempt.kind:<8} {attempt.item_id}"
            f"  {attempt.detail}"
        )
    click.secho("\nItems:", bold=True)
    for review in reviews(attempts):
        click.echo(
            f"  {review.item_id:<40} box {review.box + 1} of {len(INTERVALS)}, "
            f"{review.attempts} attempts, next {review.due.isoformat()}"
        )


@practice.command("list")
@click.option("--family", default=None, help="Only those written for this role family (e.g. sre).")
def practice_list(family: str | None) -> None:
    """The role-plays and drills you can practise, with the command for each kind."""
    from infraprep.knowledge import load_knowledge
    from infraprep.practice import design_drills, estimation_drills, scenarios, scripting_drills

    kb = load_knowledge()
    family = _family(kb, family)
    listings = (
        (f"Incident role-plays ({_COMMANDS['incident']} ID)", scenarios(kb, family)),
        (f"Estimation drills ({_COMMANDS['estimate']} ID)", estimation_drills(kb, family)),
        (f"Scripting drills ({_COMMANDS['script']} ID FILE.py)", scripting_drills(kb, family)),
        (f"Design drills ({_COMMANDS['answer']} ID FILE)", design_drills(kb, family)),
    )
    for n, (heading, items) in enumerate(listings):
        click.secho(("\n" if n else "") + heading, bold=True)
        for item in items:
            click.echo(f"  {item.id:<40} {item.title}")
    click.echo(
        "\nAny question in your report takes a written answer the same way: "
        "its id follows 'infraprep practice answer' there."
    )


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
    debrief = play.debrief()
    _show_debrief(debrief)
    from infraprep.practice.history import role_play_attempt

    _record(role_play_attempt(scenario.id, debrief, _today()))


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
    from infraprep.practice.history import estimate_attempt

    _record(estimate_attempt(drill.id, result, _today()))


@practice.command("answer")
@click.argument("item_id")
@click.argument("answer_file", required=False)
def practice_answer(item_id: str, answer_file: str | None) -> None:
    """Feedback on your written answer to a question or a design drill.

    ANSWER_FILE is a text, Markdown, DOCX or PDF file, or '-' for standard input;
    without it your editor opens. The feedback is lexical: which talking points
    your words reach, a number in the result, "I" against "we", and the length
    spoken. It is a first read, not a grade.
    """
    from infraprep.knowledge import load_knowledge
    from infraprep.practice import feedback_on, find_answerable

    kb = load_knowledge()
    item = find_answerable(kb, item_id)
    title = getattr(item, "title", None) or item.prompt
    answer = _read_answer(answer_file, title)
    feedback = feedback_on(answer, item)
    _heading(title)
    click.echo(f"{feedback.words} words, about {feedback.minutes:.1f} minutes spoken.")
    what = "rubric lines" if feedback.kind == "design" else "talking points"
    click.secho(
        f"\nYour answer reaches {feedback.covered} of {len(feedback.points)} {what}:", bold=True
    )
    for check in feedback.points:
        mark, colour = ("+", "green") if check.covered else ("-", "yellow")
        click.secho(f"  {mark} ", fg=colour, nl=False)
        click.echo(textwrap.fill(check.point, WIDTH - 4, subsequent_indent="    ").lstrip())
        if check.shared:
            _para("you said: " + ", ".join(check.shared), indent="      ")
    if feedback.notes:
        click.secho("\nHow it is told:", bold=True)
        for note in feedback.notes:
            _para(f"- {note}", indent="  ")
    if feedback.red_flags:
        click.secho("\nCheck yourself against the red flags:", bold=True)
        for flag in feedback.red_flags:
            _para(f"- {flag}", indent="  ")
    from infraprep.practice.history import answer_attempt

    _record(answer_attempt(item.id, feedback, _today()))


@practice.command("script")
@click.argument("drill_id")
@click.argument("solution", required=False, type=click.Path(path_type=Path))
def practice_script(drill_id: str, solution: Path | None) -> None:
    """Run a scripting drill's tests against your Python file.

    Without SOLUTION it prints the task and the behaviours the tests check. Your
    file runs in a separate Python with a 10-second limit, on your machine only.
    The exit code is 0 when every test passes and 1 when one fails.
    """
    from infraprep.knowledge import load_knowledge
    from infraprep.practice import behaviours_tested, check_script, find_scripting

    kb = load_knowledge()
    drill = find_scripting(kb, drill_id)
    if solution is None:
        _heading(drill.title)
        _para(drill.prompt)
        click.secho("\nThe tests check:", bold=True)
        for behaviour in behaviours_tested(drill):
            _para(f"- {behaviour}", indent="  ")
        click.echo(f"\nWrite it in a .py file, then: infraprep practice script {drill.id} FILE.py")
        return
    run = check_script(drill, solution)
    _heading(drill.title)
    if run.timed_out:
        click.secho("Stopped after 10 seconds: a loop that never ends, or a wait?", fg="red")
    elif run.load_error:
        where = f" (line {run.load_line})" if run.load_line else ""
        click.secho(f"Your file did not run{where}: {run.load_error}", fg="red")
    for result in run.results:
        if result.passed:
            click.secho("  pass ", fg="green", nl=False)
            click.echo(result.behaviour)
            continue
        click.secho("  FAIL ", fg="red", nl=False)
        click.echo(result.behaviour)
        where = f" (your line {result.line})" if result.line else ""
        _para(f"{result.error}{where}", indent="       ")
        if result.check:
            _para(f"the test: {result.check}", indent="       ")
    if run.output:
        click.secho("\nYour code printed (last lines):", bold=True)
        click.echo(textwrap.indent(run.output, "  "))
    if run.results:
        click.secho(f"\n{run.passed} of {len(run.results)} tests pass.", bold=True)
    if run.all_passed and drill.solution:
        click.secho("\nThe reference solution, to compare:", bold=True)
        click.echo(textwrap.indent(drill.solution.rstrip(), "    "))
    from infraprep.practice.history import script_attempt

    _record(script_attempt(drill.id, run, _today()))
    if not run.all_passed:
        raise SystemExit(1)


_COMMANDS = {
    "incident": "infraprep practice incident",
    "estimate": "infraprep practice estimate",
    "script": "infraprep practice script",
    "answer": "infraprep practice answer",
}


def _today() -> dt.date:
    return dt.date.today()


def _history() -> list[Attempt]:
    from infraprep.store.practice_log import PracticeLog

    attempts, skipped = PracticeLog.default().read()
    if skipped:
        click.secho(
            f"{skipped} line(s) of your practice history could not be read and were skipped.",
            fg="yellow",
        )
    return attempts


def _record(attempt: Attempt | None) -> None:
    """Add the attempt to the practice history, unless --no-record was given."""
    from infraprep.store.practice_log import PracticeLog

    ctx = click.get_current_context()
    if attempt is None or not (ctx.obj or {}).get("record", True):
        return
    log = PracticeLog.default()
    log.append(attempt)
    click.secho(f"\nRecorded in {log.path} (infraprep practice due: what to review).", dim=True)


def _read_answer(answer_file: str | None, title: str) -> str:
    """The answer's text from a file, standard input, or the user's editor."""
    from infraprep.errors import EmptyInputError

    if answer_file is None and sys.stdin.isatty():
        written = click.edit(
            f"\n\n# {title}\n# Write your answer above; lines starting # are dropped.\n"
        )
        text = "\n".join(line for line in (written or "").splitlines() if not line.startswith("#"))
    else:
        from infraprep.cli.inputs import load_document

        document = load_document(answer_file or "-", what="answer")
        text = "\n".join(document.lines)
    if not text.strip():
        raise EmptyInputError(
            "The answer is empty.",
            "Write it in a file and pass its path, or save it in the editor before closing.",
        )
    return text


def _show_menu(play: RolePlay) -> None:
    done = set(play.moves)
    click.secho("\nWhat do you do? (a number; h: state a hypothesis; q: stop)", bold=True)
    for kind, title in (("investigate", "Investigate"), ("mitigate", "Act")):
        click.echo(f"  {title}:")
        for option in play.options:
            if option.kind == kind:
                mark = " (done)" if option in done else ""
                click.echo(f"   {option.number:>2}. {option.label}{mark}")


def _show_debrief(debrief: Debrief) -> None:
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

"""Practice in the browser: incident role-plays, estimation drills and written answers.

The same checks as ``infraprep practice``, from ``infraprep.practice``. Nothing is
stored: a role-play's state is its moves so far, carried in the form and replayed
on each step (the state is a pure value, so the same moves give the same page),
and an answer is checked and forgotten. Every step is a POST with the CSRF token,
so no answer or hypothesis lands in a URL or the access log. Scripting drills stay
on the command line: running code sent to a server is not something it should do.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response

from infraprep.errors import EmptyInputError, InfraprepError, InputTooLargeError, UsageError
from infraprep.knowledge import load_knowledge
from infraprep.practice import (
    Outcome,
    RolePlay,
    design_drills,
    estimation_drills,
    feedback_on,
    find_answerable,
    find_estimation,
    find_scenario,
    read_quantity,
    scenarios,
    verdict_for,
)
from infraprep.practice.estimation import Score, Verdict
from infraprep.web.security import check_csrf, csrf_token, set_csrf_cookie
from infraprep.web.templating import page

router = APIRouter(prefix="/practice", include_in_schema=False)

MAX_ANSWER_CHARS = 20_000  # about 40 minutes spoken: no answer is longer
MAX_MOVES = 60


def _page(request: Request, template: str, **context: object) -> Response:
    token = csrf_token(request)
    return set_csrf_cookie(request, page(template, csrf_token=token, **context), token)


@router.get("", response_class=HTMLResponse)
def practice_index(request: Request) -> Response:
    kb = load_knowledge()
    return _page(
        request,
        "practice/index.html.j2",
        scenarios=scenarios(kb),
        estimations=estimation_drills(kb),
        designs=design_drills(kb),
    )


@router.get("/incident/{scenario_id}", response_class=HTMLResponse)
def incident_start(request: Request, scenario_id: str) -> Response:
    play = RolePlay(find_scenario(load_knowledge(), scenario_id))
    return _page(request, "practice/incident.html.j2", play=play, steps=(), debrief=None)


@router.post("/incident/{scenario_id}", response_class=HTMLResponse)
def incident_step(
    request: Request,
    scenario_id: str,
    moves: Annotated[str, Form()] = "",
    move: Annotated[str | None, Form()] = None,
    hypothesis: Annotated[str, Form(max_length=2_000)] = "",
    end: Annotated[str | None, Form()] = None,
    csrf_token: Annotated[str | None, Form()] = None,
) -> Response:
    check_csrf(request, csrf_token)
    play = RolePlay(find_scenario(load_knowledge(), scenario_id))
    numbers = [_move_number(m) for m in moves.split(",") if m.strip()]
    if move is not None:
        numbers.append(_move_number(move))
    if len(numbers) > MAX_MOVES:
        raise UsageError(f"More than {MAX_MOVES} moves.", "Start the role-play again.")
    steps: list[Outcome] = []
    for number in numbers:
        play, outcome = play.play(number)
        steps.append(outcome)
    if hypothesis.strip():
        play = play.state_hypothesis(hypothesis)
    debrief = play.debrief() if end is not None or play.resolved else None
    return _page(
        request,
        "practice/incident.html.j2",
        play=play,
        steps=tuple(steps),
        debrief=debrief,
        moves=",".join(str(n) for n in numbers),
    )


@router.get("/estimate/{drill_id}", response_class=HTMLResponse)
def estimate_form(request: Request, drill_id: str) -> Response:
    drill = find_estimation(load_knowledge(), drill_id)
    return _page(request, "practice/estimate.html.j2", drill=drill, checked=None, typed={})


@router.post("/estimate/{drill_id}", response_class=HTMLResponse)
async def estimate_check(request: Request, drill_id: str) -> Response:
    drill = find_estimation(load_knowledge(), drill_id)
    form = await request.form()
    check_csrf(request, _text(form.get("csrf_token")))
    typed: dict[str, str] = {}
    checked: list[tuple[Verdict, str | None]] = []
    for n, answer in enumerate(drill.answers):
        text = _text(form.get(f"answer-{n}"))[:100]
        typed[answer.name] = text
        given, problem = None, None
        if text.strip():
            try:
                given = read_quantity(text, answer.unit)
            except UsageError as exc:
                problem = f"{exc.message} {exc.hint}"
        checked.append((verdict_for(answer, given), problem))
    return _page(
        request,
        "practice/estimate.html.j2",
        drill=drill,
        checked=checked,
        score=Score(tuple(v for v, _ in checked)),
        typed=typed,
    )


@router.get("/answer/{item_id}", response_class=HTMLResponse)
def answer_form(request: Request, item_id: str) -> Response:
    item = find_answerable(load_knowledge(), item_id)
    return _page(
        request, "practice/answer.html.j2", item=item, feedback=None, answer="", error=None
    )


@router.post("/answer/{item_id}", response_class=HTMLResponse)
def answer_check(
    request: Request,
    item_id: str,
    answer: Annotated[str, Form()] = "",
    csrf_token: Annotated[str | None, Form()] = None,
) -> Response:
    check_csrf(request, csrf_token)
    item = find_answerable(load_knowledge(), item_id)
    problem: InfraprepError | None = None
    if not answer.strip():
        problem = EmptyInputError("The answer is empty.", "Write your answer in the box first.")
    elif len(answer) > MAX_ANSWER_CHARS:
        problem = InputTooLargeError(
            f"The answer is over {MAX_ANSWER_CHARS:,} characters.",
            "An interview answer runs two or three minutes: about 450 words.",
        )
    # a refused answer comes back in the box, so nothing the user wrote is lost
    response = _page(
        request,
        "practice/answer.html.j2",
        item=item,
        feedback=None if problem else feedback_on(answer, item),
        answer=answer,
        error=problem,
    )
    if problem is not None:
        response.status_code = problem.http_status
    return response


def _move_number(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise UsageError(f"'{text[:20]}' is not a move.", "Pick a move from the list.") from None


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""

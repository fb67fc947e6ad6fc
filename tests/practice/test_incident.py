"""The incident role-play: the system answers each move, the debrief judges the run."""

from __future__ import annotations

import pytest

from infraprep.errors import UsageError
from infraprep.knowledge import KnowledgeBase
from infraprep.practice import RolePlay, find_scenario, menu


@pytest.fixture
def storm(kb: KnowledgeBase) -> RolePlay:
    return RolePlay(find_scenario(kb, "scenario-retry-storm"))


def _number(play: RolePlay, label_start: str) -> int:
    return next(o.number for o in play.options if o.label.startswith(label_start))


def test_the_menu_does_not_give_the_answer_away_by_its_order(kb: KnowledgeBase):
    for scenario in kb.scenarios:
        options = menu(scenario)
        looks = [o.label.lower() for o in options if o.kind == "investigate"]
        fixes = [o.label.lower() for o in options if o.kind == "mitigate"]
        assert looks == sorted(looks) and fixes == sorted(fixes)
        assert [o.number for o in options] == list(range(1, len(options) + 1))
        assert options[-1].kind == "mitigate"


def test_an_investigation_shows_what_the_system_would_and_hides_the_cause(storm: RolePlay):
    play, outcome = storm.play(_number(storm, "Compare incoming user traffic"))
    assert "11.8x normal" in outcome.text
    assert not outcome.resolved and not play.resolved
    assert storm.scenario.root_cause not in outcome.text


def test_a_careful_run_is_judged_resolved_with_its_signals_found(storm: RolePlay):
    play = storm
    for start in ("Compare incoming user traffic", "Look at traces", "Read search-svc logs"):
        play, _ = play.play(_number(play, start))
    play = play.state_hypothesis("retries at  three layers amplify the load")
    play, outcome = play.play(_number(play, "Disable search-svc retries"))
    assert outcome.resolved and play.resolved
    debrief = play.debrief()
    assert debrief.resolved and debrief.moves == 4
    assert not debrief.acted_before_looking and not debrief.risky_taken
    assert debrief.hypothesis == "retries at three layers amplify the load"
    assert "You found 3 of 6 signals that mattered." in debrief.findings()
    assert "Open the latency dashboard" in debrief.useful_missed


def test_acting_first_and_taking_a_risky_fix_is_called_out(storm: RolePlay):
    play, outcome = storm.play(_number(storm, "Restart all search-svc pods"))
    assert not outcome.resolved
    play, _ = play.play(_number(play, "Diff config"))
    debrief = play.debrief()
    assert not debrief.resolved and debrief.acted_before_looking
    assert debrief.dead_ends == ("Diff config",)
    findings = " ".join(debrief.findings())
    assert "not stopped" in findings and "before any investigation" in findings
    assert "never stated a hypothesis" in findings


def test_a_repeated_move_is_shown_again_but_not_counted(storm: RolePlay):
    number = _number(storm, "Check deploy history")
    play, _ = storm.play(number)
    again, outcome = play.play(number)
    assert outcome.repeated and again.moves == play.moves


def test_the_same_moves_give_the_same_debrief(storm: RolePlay):
    def run() -> object:
        play = storm
        for number in (4, 6, 10):
            play, _ = play.play(number)
        return play.debrief()

    assert run() == run()


def test_a_move_off_the_menu_is_a_usage_error(storm: RolePlay):
    with pytest.raises(UsageError) as caught:
        storm.play(99)
    assert "1 to" in caught.value.hint


def test_every_scenario_can_be_resolved_and_has_a_signal_to_find(kb: KnowledgeBase):
    assert len(kb.scenarios) >= 20
    for scenario in kb.scenarios:
        assert any(m.resolves for m in scenario.mitigations), scenario.id
        assert any(i.useful for i in scenario.investigations), scenario.id

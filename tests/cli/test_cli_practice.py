"""`infraprep practice` as a user runs it: a real process, typed answers on stdin."""

from __future__ import annotations

from helpers import run_cli as run


def test_practice_list_names_the_role_plays_and_the_drills():
    res = run("practice", "list", "--family", "observability")
    out = res.stdout.decode()
    assert res.returncode == 0, res.stderr.decode()
    assert "scenario-metrics-cardinality-explosion" in out
    assert "drill-est-prometheus-storage" in out
    assert "drill-est-flag-service-fleet" not in out  # written for other families


def test_an_incident_role_play_answers_each_move_and_ends_in_a_debrief():
    # 4: compare user traffic with backend rates; 10: disable retries and shed load
    res = run(
        "practice",
        "incident",
        "scenario-retry-storm",
        stdin=b"4\nh retries amplify load\n10\n",
    )
    out = res.stdout.decode()
    assert res.returncode == 0, res.stderr.decode()
    assert "PAGE [SEV2] search-svc availability 41%" in out
    assert "11.8x normal" in out  # what the traffic comparison reveals
    assert "User impact has stopped." in out
    debrief = out[out.index("Debrief") :]
    assert "stopped after 2 moves" in debrief
    assert "You found 1 of 6 signals that mattered." in debrief
    assert "self-sustaining retry load" in debrief  # the root cause, shown only now
    assert "self-sustaining retry load" not in out[: out.index("Debrief")]
    assert "retries amplify load" in debrief


def test_a_move_off_the_menu_asks_again_and_q_stops_with_a_debrief():
    res = run("practice", "incident", "scenario-retry-storm", stdin=b"99\nabc\nq\n")
    out = res.stdout.decode()
    assert res.returncode == 0, res.stderr.decode()
    assert "There is no move 99." in out and "'abc' is not a move." in out
    assert "User impact was not stopped" in out


def test_an_estimation_drill_checks_each_number_and_shows_the_worked_answer():
    typed = b"3M\n2,000,000\nlots\n0.026 TB\n\n"
    res = run("practice", "estimate", "drill-est-prometheus-storage", stdin=typed)
    out = res.stdout.decode()
    assert res.returncode == 0, res.stderr.decode()
    assert "within tolerance: 3,000,000 against 3,000,000 series" in out
    assert "10.0x too high: 2,000,000 against 200,000 samples/s" in out
    assert "'lots' is not a number." in out  # asked again, not a crash
    assert "within tolerance: 26 against 25.9 GB" in out
    assert "skipped; the checked number is 389 GB" in out
    assert "2 of 4 numbers within tolerance, 1 skipped." in out
    assert "Worked answer:" in out and "Samples/s = 3,000,000 / 15 s" in out


def test_practice_without_an_id_offers_a_list_to_pick_from():
    res = run("practice", "estimate", "--family", "observability", stdin=b"1\n\n\n\n\n")
    out = res.stdout.decode()
    assert res.returncode == 0, res.stderr.decode()
    assert "  1. Prometheus ingest and disk for a Kubernetes fleet" in out
    assert "0 of 4 numbers within tolerance, 4 skipped." in out


def test_an_unknown_scenario_or_family_is_a_clear_error_with_its_own_exit_code():
    res = run("practice", "incident", "scenario-nope")
    assert res.returncode == 31
    assert b"There is no incident scenario 'scenario-nope'." in res.stderr
    assert b"infraprep practice list" in res.stderr and b"Traceback" not in res.stderr
    res = run("practice", "list", "--family", "astronaut")
    assert res.returncode == 2 and b"There is no role family 'astronaut'." in res.stderr


def test_a_written_answer_gets_feedback_point_by_point(tmp_path):
    answer = tmp_path / "answer.md"
    answer.write_text(
        "# My answer\n\n"
        "We had a bad outage and we argued in our postmortem about the cause. "
        "We fixed it and our team learned a lot.\n"
    )
    res = run("practice", "answer", "beh-postmortem-contested-root-cause", str(answer))
    out = res.stdout.decode()
    assert res.returncode == 0, res.stderr.decode()
    assert "Tell me about a postmortem you ran where people disagreed" in out
    assert "Your answer reaches 0 of 5 talking points:" in out
    assert "The result has no number" in out
    assert "Check yourself against the red flags:" in out


def test_an_answer_on_standard_input_and_an_empty_one(tmp_path):
    typed = (
        b"Control plane apart from the in-process SDK evaluation, for latency and failure "
        b"isolation; deterministic hashing for percentage rollouts."
    )
    res = run("practice", "answer", "drill-design-feature-flags", "-", stdin=typed)
    assert res.returncode == 0, res.stderr.decode()
    assert "Your answer reaches 2 of 5 rubric lines:" in res.stdout.decode()

    empty = run("practice", "answer", "drill-design-feature-flags", "-", stdin=b"  \n")
    assert empty.returncode == 11
    assert b"only whitespace" in empty.stderr and b"Traceback" not in empty.stderr

    unknown = run("practice", "answer", "beh-nope", "-", stdin=typed)
    assert unknown.returncode == 31 and b"no question or design drill 'beh-nope'" in unknown.stderr


def test_a_scripting_drill_runs_its_tests_against_the_users_file(tmp_path):
    from infraprep.knowledge import load_knowledge

    drill = next(d for d in load_knowledge().drills if d.id == "drill-script-top-5xx-clients")
    good = tmp_path / "good.py"
    good.write_text(drill.solution or "")
    res = run("practice", "script", drill.id, str(good))
    out = res.stdout.decode()
    assert res.returncode == 0, res.stderr.decode()
    assert "pass counts and order" in out and "5 of 5 tests pass." in out
    assert "The reference solution, to compare:" in out

    wrong = tmp_path / "wrong.py"
    wrong.write_text((drill.solution or "").replace("(-kv[1], kv[0])", "kv[0]"))
    res = run("practice", "script", drill.id, str(wrong))
    out = res.stdout.decode()
    assert res.returncode == 1
    assert "FAIL most errors first whatever the ip" in out and "4 of 5 tests pass." in out
    assert "The reference solution" not in out  # not given away while a test fails

    task = run("practice", "script", drill.id)
    assert task.returncode == 0 and b"The tests check:" in task.stdout

    missing = run("practice", "script", drill.id, str(tmp_path / "nope.py"))
    assert missing.returncode == 10 and b"does not exist" in missing.stderr
    assert b"Traceback" not in missing.stderr


def test_practice_keeps_a_history_and_says_what_is_due(_own_data_dir):
    """An attempt is recorded (ids and scores only, never what was typed); a miss is due
    the next day; --no-record leaves the history as it was."""
    typed = b"3M\n2,000,000\nlots\n0.026 TB\n\n"
    res = run("practice", "estimate", "drill-est-prometheus-storage", stdin=typed)
    assert res.returncode == 0, res.stderr.decode()
    log = _own_data_dir / "infraprep" / "practice.jsonl"
    assert f"Recorded in {log}" in res.stdout.decode()
    (line,) = log.read_text(encoding="utf-8").splitlines()
    assert '"item_id": "drill-est-prometheus-storage"' in line and '"passed": false' in line
    assert "2,000,000" not in line and "0.026" not in line  # what was typed stays out

    history = run("practice", "history").stdout.decode()
    assert "miss  estimate drill-est-prometheus-storage  2 of 4 within tolerance" in history
    # nothing is due on the day itself; the next day the miss is
    assert "Nothing due today. Next: drill-est-prometheus-storage" in run(
        "practice", "due"
    ).stdout.decode()

    quiet = run(
        "practice", "--no-record", "estimate", "drill-est-prometheus-storage", stdin=typed
    )
    assert quiet.returncode == 0 and "Recorded in" not in quiet.stdout.decode()
    assert len(log.read_text(encoding="utf-8").splitlines()) == 1


def test_practice_due_with_no_history_points_at_the_list():
    res = run("practice", "due")
    assert res.returncode == 0
    assert "No practice recorded yet. Start with: infraprep practice list" in res.stdout.decode()


def test_practice_due_lists_what_to_review_with_its_command(_own_data_dir):
    import datetime as dt

    from infraprep.practice.history import Attempt

    log = _own_data_dir / "infraprep" / "practice.jsonl"
    log.parent.mkdir(parents=True)
    old = dt.date.today() - dt.timedelta(days=5)
    missed = Attempt(old, "script", "drill-script-top-5xx-clients", False, 0.5, "2 of 4 tests pass")
    log.write_text(missed.to_json() + "\n", encoding="utf-8")
    out = run("practice", "due").stdout.decode()
    assert "Due today (1):" in out
    assert "infraprep practice script drill-script-top-5xx-clients" in out
    assert "missed" in out and "4 days overdue" in out

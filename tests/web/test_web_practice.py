"""Practice in the web app through FastAPI's TestClient: a role-play played move by move,
an estimate checked, a written answer given feedback, and what each refuses."""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator

import pytest

pytest.importorskip("fastapi")

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # Starlette's TestClient warns that it prefers httpx2
    from fastapi.testclient import TestClient

from infraprep.knowledge import load_knowledge
from infraprep.web.app import create_app
from infraprep.web.settings import WebSettings

KB = load_knowledge()
RETRY_STORM = next(s for s in KB.scenarios if s.id == "scenario-retry-storm")


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    settings = WebSettings(data_dir=tmp_path_factory.mktemp("practice-data"), reports_per_minute=0)
    with TestClient(create_app(settings)) as c:
        yield c


def _token(html: str) -> str:
    match = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert match
    return match.group(1)


def test_the_practice_index_lists_what_there_is_to_practise(client: TestClient) -> None:
    html = client.get("/practice").text
    assert 'href="/practice"' in client.get("/").text  # the top bar links here
    assert f'href="/practice/incident/{RETRY_STORM.id}"' in html
    assert 'href="/practice/estimate/drill-est-prometheus-storage"' in html
    assert 'href="/practice/answer/drill-design-feature-flags"' in html
    assert "infraprep practice script" in html  # scripts run on the user's machine


def test_a_role_play_is_replayed_from_its_moves_and_ends_in_a_debrief(client: TestClient) -> None:
    start = client.get(f"/practice/incident/{RETRY_STORM.id}")
    assert start.status_code == 200
    assert "PAGE [SEV2] search-svc availability 41%" in start.text
    assert RETRY_STORM.root_cause not in start.text  # the cause is what the user finds
    token = _token(start.text)
    # 4: compare user traffic with backend rates
    step = client.post(
        f"/practice/incident/{RETRY_STORM.id}",
        data={"csrf_token": token, "moves": "", "move": "4", "hypothesis": ""},
    )
    assert step.status_code == 200
    assert "11.8x normal" in step.text and 'name="moves" value="4"' in step.text
    assert RETRY_STORM.root_cause not in step.text
    # 10: disable retries and shed load, which stops the impact: the debrief follows
    done = client.post(
        f"/practice/incident/{RETRY_STORM.id}",
        data={"csrf_token": token, "moves": "4", "move": "10", "hypothesis": "retries amplify"},
    )
    assert "User impact has stopped." in done.text
    debrief = done.text[done.text.index('id="debrief"') :]
    assert "User impact stopped after 2 moves." in debrief
    assert RETRY_STORM.root_cause in debrief and "retries amplify" in debrief


def test_a_role_play_refuses_a_forged_move_and_a_missing_token(client: TestClient) -> None:
    token = _token(client.get(f"/practice/incident/{RETRY_STORM.id}").text)
    bad = client.post(
        f"/practice/incident/{RETRY_STORM.id}", data={"csrf_token": token, "move": "99"}
    )
    assert bad.status_code == 422 and "There is no move 99." in bad.text
    forged = client.post(f"/practice/incident/{RETRY_STORM.id}", data={"move": "4"})
    assert forged.status_code == 403
    assert client.get("/practice/incident/scenario-nope").status_code == 404


def test_an_estimate_is_checked_number_by_number(client: TestClient) -> None:
    page = client.get("/practice/estimate/drill-est-prometheus-storage").text
    checked = client.post(
        "/practice/estimate/drill-est-prometheus-storage",
        data={
            "csrf_token": _token(page),
            "answer-0": "3M",
            "answer-1": "2,000,000",
            "answer-2": "lots",
            "answer-3": "",
        },
    )
    html = checked.text
    assert checked.status_code == 200
    assert "within tolerance: 3,000,000 against 3,000,000 series" in html
    assert "10.0x too high: 2,000,000 against 200,000 samples/s" in html
    assert "&#39;lots&#39; is not a number." in html  # asked again, typed value kept
    assert 'value="lots"' in html
    assert "1 of 4 numbers within tolerance, 2 skipped." in html
    assert "Worked answer" in html


def test_a_written_answer_gets_feedback_and_a_refused_one_keeps_its_text(
    client: TestClient,
) -> None:
    path = "/practice/answer/beh-postmortem-contested-root-cause"
    token = _token(client.get(path).text)
    story = (
        "I built the timeline from the deploy log, the alert history and the chat transcript "
        "before the meeting, so we argued about facts. Four of five action items closed in 60 days."
    )
    resp = client.post(path, data={"csrf_token": token, "answer": story})
    assert resp.status_code == 200
    assert "Your answer reaches" in resp.text and "you said: " in resp.text
    assert "Check yourself against the red flags" in resp.text

    long = "word " * 5000
    refused = client.post(path, data={"csrf_token": token, "answer": long})
    assert refused.status_code == 413 and "over 20,000 characters" in refused.text
    assert long.strip()[:200] in refused.text  # the text comes back in the box
    empty = client.post(path, data={"csrf_token": token, "answer": "  "})
    assert empty.status_code == 400 and "The answer is empty." in empty.text


def test_answers_are_escaped(client: TestClient) -> None:
    path = "/practice/answer/drill-design-feature-flags"
    token = _token(client.get(path).text)
    resp = client.post(path, data={"csrf_token": token, "answer": "<script>x()</script> cache"})
    assert "<script>x()</script>" not in resp.text and "&lt;script&gt;" in resp.text


def test_library_pages_link_to_where_each_item_is_practised(client: TestClient) -> None:
    estimate = "drill-est-prometheus-storage"
    pages = {
        "/library/scenarios/scenario-retry-storm": "/practice/incident/scenario-retry-storm",
        f"/library/drills/{estimate}": f"/practice/estimate/{estimate}",
        "/library/drills/drill-design-feature-flags": "/practice/answer/drill-design-feature-flags",
        "/library/questions/beh-postmortem-contested-root-cause": (
            "/practice/answer/beh-postmortem-contested-root-cause"
        ),
    }
    for library_page, practice_page in pages.items():
        html = client.get(library_page).text
        assert f'href="{practice_page}"' in html, library_page
        assert client.get(practice_page).status_code == 200
    # a scripting drill is practised on the user's machine, not here
    assert "/practice/" not in client.get("/library/drills/drill-script-top-5xx-clients").text


def test_a_report_in_the_web_app_links_each_practice_command_to_its_page(
    client: TestClient,
) -> None:
    from helpers import FIXTURES, SRE_CV

    jd = (FIXTURES / "jd" / "teleport" / "sre.md").read_text(encoding="utf-8")
    made = client.post(
        "/api/v1/reports",
        files={"cv": ("cv.md", SRE_CV.encode(), "text/markdown")},
        data={"jd": jd},
    )
    assert made.status_code == 201, made.text
    html = client.get(made.json()["url"]).text
    links = set(re.findall(r'href="(/practice/(?:answer|estimate|incident)/[\w-]+)"', html))
    kinds = {link.split("/")[2] for link in links}
    assert {"answer", "incident"} <= kinds, links
    for link in sorted(links)[:5]:
        assert client.get(link).status_code == 200, link
    assert "infraprep practice incident" in html  # the command is still named beside it

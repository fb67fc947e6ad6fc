"""Quality on labelled real inputs, held at the levels measured in docs/quality.md.

These thresholds are floors against regressions, not the targets (0.90): the
gap between the two is written down in docs/quality.md with the misses.
"""

from __future__ import annotations

import pytest

from helpers import FIXTURES
from infraprep.evaluation import evaluate

# metric -> {field: floor}, each just under what docs/quality.md records.
FLOORS: dict[str, dict[str, float]] = {
    # all labelled postings and evidence pairs: the held-out sets measured so far
    # have been read, so they count as tuning data (postings-held-out*.yaml and
    # evidence-held-out*.yaml hold the next, unread set when there is one)
    "posting infra vs off-target": {"accuracy": 0.92},
    "posting family": {"accuracy": 0.91},
    "posting level": {"accuracy": 0.88},
    "posting technologies": {"precision": 0.90, "recall": 0.93},
    "requirement must/nice": {"accuracy": 0.98},
    "labelled requirements found": {"accuracy": 0.97},
    # 1,378 links since evidence sets 11 to 21 (0.63, 0.50, 0.52, 0.47, 0.42, 0.32, 0.30,
    # 0.31, 0.29, 0.42 and 0.28 when measured blind) joined the tuning pairs; sets 17 to
    # 21 read 38 of 77, 25 of 68, 47 of 104, 45 of 100 and 39 of 111 after their misses,
    # and the 918 links before them 643. 0.59 since a job-family page asks only the
    # level applied at: 43 links were labelled for other levels' requirements on five
    # GitLab pages (SIRT, red team, infrastructure security, IT systems engineer,
    # security analyst), read before as one list. 1,453 links with set 22 (0.43 blind,
    # 36 of 75 after reading): 0.58
    "evidence links": {"accuracy": 0.57},
    # share of the reports' behavioural questions a CV line answers (10 per pair, 72
    # pairs); no aim of 0.90, a CV may hold no story for a question. It fell from 0.34
    # to 0.25 when a story came to need one of the question's cues (the stories told
    # stopped being wrong half the time: labelled precision 0.55 -> 0.80), and rose to
    # 0.38 when up to four places went to questions the CV tells well
    "behavioural questions with a CV story": {"accuracy": 0.36},
    # 34 written CVs x 12 behavioural questions with the story (or none) labelled by
    # hand (eval/stories.yaml): eight blind sets, 0.49 and 0.39 right when measured
    # before the question cues, 0.77 and 0.68 after; sets 3 to 8 0.67, 0.56, 0.53, 0.39,
    # 0.50 and 0.58 blind; set 6's near misses took precision from 0.84 to 0.82
    "story bank: the bullet told for a question": {
        "precision": 0.80,
        "recall": 0.74,
        "accuracy": 0.78,
    },
    # CV positions on the dotin tuning split, per labelled position (dates-anchored).
    # Precision here counts every correct position the inline labels leave out as an
    # error (CV 169's eleven consultancies, found once split date lines were joined,
    # carry no label; CVs 153 and 209 gained real jobs from "Aug-Sept 2014" and
    # "1992-95"), so it fell when recall of real positions rose. The gold ranges are
    # read with the parser's own date reader, so they grow with it too. Precision is
    # measured against the all-labelled CVs below.
    "CV position titles": {"precision": 0.57, "recall": 0.68},
    "CV position companies": {"precision": 0.50, "recall": 0.70},
    # dated roles under volunteer headings (95.xml's tutor, coach, president) are read
    # now: right by the every-position labels, unlabelled inline
    "CV position dates": {"precision": 0.68, "recall": 0.85},
    # the dotin held-out split (files ending in 7): floors, never tuning targets
    "CV position titles (held out)": {"precision": 0.63, "recall": 0.72},
    # 0.60 -> 0.56 when 127.xml's "Confidential Company" under each title came to be read:
    # right by its every-position labels, unlabelled inline, so counted wrong here; 0.52 /
    # 0.68 when 107.xml's "INSTRUMENTATION SOLUTIONS 1986-1990" became the employer of the
    # roles dated inside it, as the every-position labels have it, not a position itself
    "CV position companies (held out)": {"precision": 0.50, "recall": 0.66},
    "CV position dates (held out)": {"precision": 0.70, "recall": 0.80},
    # every position of 121 dotin tuning CVs and twelve designed CV files labelled by hand
    # (eval/positions.yaml; the last 61 dotin CVs were held-out sets 3, 4 and 5, the
    # designed files sets 6 and 7, each measured once and then read; set 5, at 0.74 /
    # 0.56 found, brought the precision down from 0.90)
    "CV positions, all labelled: found": {"precision": 0.87, "recall": 0.70},
    "CV positions, all labelled: titles": {"precision": 0.78, "recall": 0.57},
    "CV positions, all labelled: companies": {"precision": 0.68, "recall": 0.49},
    # every position of 23 held-out dotin CVs labelled by hand (eval/positions-held-out-*.yaml)
    "CV positions, all labelled: found (held out)": {"precision": 0.92, "recall": 0.57},
    "CV positions, all labelled: titles (held out)": {"precision": 0.79, "recall": 0.46},
    "CV positions, all labelled: companies (held out)": {"precision": 0.69, "recall": 0.36},
}


@pytest.fixture(scope="module")
def result(kb):
    return evaluate(FIXTURES, kb)


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_eval_metric_holds_its_floors(result, name):
    metric = next(m for m in result["metrics"] if m["name"] == name)
    for field, floor in FLOORS[name].items():
        assert metric[field] is not None and metric[field] >= floor, (field, metric)


def test_eval_one_cv_two_postings_share_at_most_35_percent(result):
    assert result["overlap"]
    for o in result["overlap"]:
        assert o["shared"] <= 0.35, o

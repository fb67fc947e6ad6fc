"""The evaluation's own rules: the dotin export repair, gold positions, held-out files."""

from __future__ import annotations

from pathlib import Path

from infraprep.evaluation import dotin_text_and_gold, is_held_out, repair_flattened_export


def test_eval_dotin_flattened_export_is_rebuilt_into_lines():
    raw = (
        '<cv>\n"Work Experience  <label type="Designation">Software Developer</label>  '
        "San Mateo, CA  January 2016 to Present  \\xe2\\x80\\xa2 Working as a freelancer.  "
        "\\xe2\\x80\\xa2 Wrote the team\\'s tools.    Education\"\n</cv>\n"
    )
    fixed = repair_flattened_export(raw)
    assert fixed.splitlines()[1:7] == [
        "Work Experience",
        '<label type="Designation">Software Developer</label>',
        "San Mateo, CA",
        "January 2016 to Present",
        "• Working as a freelancer.",
        "• Wrote the team's tools.",
    ]
    assert "\n\nEducation\n</cv>" in fixed


def test_eval_dotin_multi_line_files_are_left_as_they_are():
    raw = "<cv>\nJane Doe\n\nWORK EXPERIENCE  \\xe2\n</cv>\n"
    assert repair_flattened_export(raw) == raw


def test_eval_dotin_gold_labels_are_plain_text(tmp_path: Path):
    path = tmp_path / "5.xml"
    path.write_text('<cv>\n<label type="Designation">Sales &amp; Marketing Lead</label>\n</cv>\n')
    text, gold = dotin_text_and_gold(path)
    assert gold == {"Designation": ["Sales & Marketing Lead"]}
    assert "Sales & Marketing Lead" in text


def test_eval_dotin_held_out_split_is_the_files_ending_in_7():
    assert is_held_out(Path("17.xml")) and is_held_out(Path("307.xml"))
    assert not is_held_out(Path("71.xml"))


def test_eval_dotin_gold_positions_are_the_labels_just_above_each_date():
    from infraprep.evaluation import dotin_gold_positions

    raw = """<cv>
<label type="Designation">Senior SRE</label> with a love of uptime
Pune, Maharashtra - Email me on Indeed
Objective: to keep things up
WORK EXPERIENCE

<label type="Designation">Site Reliability Engineer</label>

<label type="Companies worked at">Acme Cloud</label> -
https://www.indeed.com/r/someone

<label type="Years of Experience">March 2019 to Present</label>
* Ran <label type="Companies worked at">Initech</label> migrations
<label type="Years of Experience">5 years</label>
</cv>"""
    (pos,) = dotin_gold_positions(raw)
    assert pos.dates == ("2019-03", "present")
    # the headline label is no position; the bullet's company is not this one's
    assert pos.titles == {"Site Reliability Engineer"}
    assert pos.companies == {"Acme Cloud"}


def test_eval_a_posting_the_engine_refuses_misses_every_label(tmp_path: Path, kb):
    from infraprep.evaluation import evaluate_postings

    (tmp_path / "jd").mkdir()
    (tmp_path / "eval").mkdir()
    (tmp_path / "jd" / "tiny.md").write_text("# SRE\n\nToo short.\n", encoding="utf-8")
    (tmp_path / "eval" / "postings-held-out-9.yaml").write_text(
        "- file: jd/tiny.md\n  family: sre\n  level: senior\n  technologies: [Go]\n"
        "  must: [Run the fleet]\n",
        encoding="utf-8",
    )
    metrics = {m.name: m for m in evaluate_postings(tmp_path, kb)}
    family = metrics["posting family (held out)"]
    assert (family.correct, family.total) == (0, 1) and "not read" in family.misses[0]
    assert metrics["posting technologies (held out)"].fn == 1
    assert metrics["labelled requirements found (held out)"].total == 1


def test_eval_every_position_labelled_scores_extra_positions_and_fields(tmp_path: Path):
    """A parsed position with no labelled twin is an error, not an unknown, and a
    title or company counts only on the position it belongs to."""
    from infraprep.evaluation import evaluate_positions

    (tmp_path / "cv" / "dotin").mkdir(parents=True)
    (tmp_path / "eval").mkdir()
    (tmp_path / "cv" / "dotin" / "1.xml").write_text(
        """<cv>
Jane Doe

WORK EXPERIENCE

Site Reliability Engineer
Acme Cloud - Pune, Maharashtra
March 2019 to Present
* Ran the Kubernetes fleet

Systems Administrator
Initech - Pune, Maharashtra
June 2015 to February 2019
* Patched 300 Linux servers

EDUCATION
B.E. Computer Science, Pune University, 2015
</cv>
""",
        encoding="utf-8",
    )
    (tmp_path / "eval" / "positions.yaml").write_text(
        """- cv: cv/dotin/1.xml
  positions:
    - {titles: [Site Reliability Engineer], companies: [Acme Cloud], start: '2019-03', end: present}
    - {titles: [Systems Engineer], companies: [Initech Ltd], start: '2015-06', end: '2019-02'}
    - {titles: [Volunteer Tutor], companies: [], start: null, end: null}
""",
        encoding="utf-8",
    )
    metrics = {m.name: m for m in evaluate_positions(tmp_path)}
    found = metrics["CV positions, all labelled: found"]
    titles = metrics["CV positions, all labelled: titles"]
    companies = metrics["CV positions, all labelled: companies"]
    # both dated positions pair; the undated tutor role is missed
    assert (found.tp, found.fp, found.fn) == (2, 0, 1)
    # "Systems Administrator" is wrong for "Systems Engineer"; the tutor title is missed
    assert (titles.tp, titles.fp, titles.fn) == (1, 1, 2)
    # a legal form does not make "Initech" another employer
    assert (companies.tp, companies.fp, companies.fn) == (2, 0, 0)
    assert not any(m.name.endswith("(held out)") for m in metrics.values())


def test_eval_stories_score_the_bullet_told_and_the_honest_none(tmp_path: Path, kb):
    from infraprep.evaluation import evaluate_stories

    (tmp_path / "cv").mkdir()
    (tmp_path / "eval").mkdir()
    (tmp_path / "cv" / "sre.md").write_text(
        "# Ana Ruiz\n\n## Experience\n\n### SRE, Lumenfield Payments\nJan 2020 – present\n\n"
        "- Incident commander for a four-hour regional outage; ran the bridge and wrote the "
        "blameless postmortem, cutting repeat incidents by half\n"
        "- Wrote Go tooling that rotates database credentials every 24 hours\n",
        encoding="utf-8",
    )
    (tmp_path / "eval" / "stories.yaml").write_text(
        "- cv: cv/sre.md\n  stories:\n"
        "    beh-incident-commander-major-outage: Incident commander for a four-hour\n"
        "    beh-data-loss-restore: none\n",
        encoding="utf-8",
    )
    (metric,) = evaluate_stories(tmp_path, kb)
    assert metric.total == 2
    assert metric.tp == 1 and metric.fn == 0
    # the restore question is right only if no story is told for it
    assert metric.correct == 2 - metric.fp

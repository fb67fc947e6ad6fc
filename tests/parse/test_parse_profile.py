"""parse_profile on hand-written CVs and on the dotin CVs with their gold labels."""

from __future__ import annotations

import re

from helpers import FIXTURES, SRE_CV, TODAY, text_document
from infraprep.parse import parse_profile
from infraprep.render.json import profile_dict


def test_parse_profile_positions_titles_companies_dates_bullets():
    p = parse_profile(text_document(SRE_CV), TODAY)
    assert p.name == "Jane Doe"
    assert [(x.title, x.company, x.start, x.end) for x in p.positions] == [
        ("Site Reliability Engineer", "Acme Cloud", "2020-03", "present"),
        ("Systems Engineer", "Initech", "2016", "2020"),
    ]
    assert len(p.positions[0].bullets) == 4
    assert p.positions[0].bullets[0].startswith("Carried the pager")
    assert p.years_experience == 10.9
    assert {"Kubernetes", "AWS", "Go", "Terraform"} <= set(p.technologies)
    assert any("70%" in m for m in p.metrics)


def test_parse_profile_bullet_lines_point_at_cv_lines():
    p = parse_profile(text_document(SRE_CV), TODAY)
    for pos in p.positions:
        for text, no in zip(pos.bullets, pos.bullet_lines, strict=True):
            assert p.lines[no - 1] == text


def test_parse_profile_contact_details_stay_out_of_json_unless_asked():
    p = parse_profile(text_document(SRE_CV), TODAY)
    assert p.contact.email == "jane.doe@example.com"
    public = profile_dict(p)
    assert "jane.doe@example.com" not in str(public)
    assert "555" not in str(public)
    assert profile_dict(p, include_contact=True)["contact"]["email"] == "jane.doe@example.com"


def _dotin(path):
    raw = path.read_text(encoding="utf-8")
    gold = re.findall(r'<label type="Designation">(.*?)</label>', raw, re.S)
    text = re.sub(r"<[^>]+>", "", raw)
    text = text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
    return text, [g.strip().lower() for g in gold]


def test_parse_profile_dotin_designations_are_found_as_position_titles():
    """On dotin CVs with dated positions, the parsed titles are gold designations."""
    checked = hits = 0
    for path in sorted((FIXTURES / "cv" / "dotin").glob("*.xml")):
        text, gold = _dotin(path)
        if not gold:
            continue
        profile = parse_profile(text_document(text), TODAY)
        for pos in profile.positions:
            checked += 1
            title = pos.title.lower()
            if any(title in g or g in title for g in gold):
                hits += 1
    assert checked >= 100
    assert hits / checked >= 0.6, f"{hits}/{checked}"

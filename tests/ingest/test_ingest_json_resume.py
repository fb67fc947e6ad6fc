"""JSON Resume laid out as a conventional CV the parser can read."""

from __future__ import annotations

import json

import pytest

from infraprep.errors import CorruptFileError
from infraprep.ingest import read_document
from infraprep.ingest.json_resume import read_json_resume


def test_ingest_json_resume_canonical_layout(json_resume: bytes) -> None:
    doc = read_document(json_resume, "resume.json")
    assert doc.source_type == "json_resume"
    assert doc.title == "Alex Morgan"
    blocks = [(b.kind, b.text) for b in doc.blocks]
    assert blocks[0] == ("heading", "Alex Morgan")
    assert blocks[1] == ("paragraph", "Senior Platform Engineer")
    expected = [
        ("heading", "Experience"),
        ("paragraph", "Senior Platform Engineer — Umbrella Corp"),
        ("paragraph", "2020-02 – Present"),
        ("paragraph", "Own the internal developer platform."),
        ("list_item", "Built a Backstage portal used by 40 teams"),
        ("list_item", "Cut CI time from 25 to 8 minutes"),
        ("paragraph", "DevOps Engineer — Hooli"),
        ("paragraph", "2016-09 – 2020-01"),
        ("list_item", "Ran Terraform for 300 AWS accounts"),
        ("heading", "Education"),
        ("paragraph", "BS, Computer Science — Georgia Tech (2012 – 2016)"),
        ("heading", "Skills"),
        ("paragraph", "Cloud: AWS, Kubernetes, Terraform"),
        ("heading", "Projects"),
    ]
    start = blocks.index(expected[0])
    assert blocks[start:start + len(expected)] == expected


def test_ingest_json_resume_contact_line(json_resume: bytes) -> None:
    text = read_document(json_resume).text
    assert "alex@example.com | +1 555 0100 | Austin, TX, US | GitHub: https://github.com/amorgan" \
        in text


def test_ingest_json_resume_wrong_types_are_skipped() -> None:
    data = {"basics": {"name": 42, "label": "SRE"}, "work": [
        "not an object", {"position": "SRE", "name": "Acme", "highlights": [1, "Ran Kafka"]}]}
    doc = read_json_resume(json.dumps(data))
    assert [b.text for b in doc.blocks] == ["SRE", "Experience", "SRE — Acme", "Ran Kafka"]
    assert doc.title is None


@pytest.mark.parametrize("text", ['{"basics": ', "[1, 2]"])
def test_ingest_json_resume_invalid_json_is_corrupt(text: str) -> None:
    with pytest.raises(CorruptFileError) as info:
        read_json_resume(text, "'r.json'")
    assert info.value.exit_code == 14 and "'r.json'" in info.value.message

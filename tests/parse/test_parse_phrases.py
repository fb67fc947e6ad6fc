"""Whole-word phrase matching: the semantics the family and signal scorers rely on."""

from __future__ import annotations

from infraprep.parse.phrases import PhraseSet


def test_phrases_match_whole_words_case_insensitively() -> None:
    phrases = PhraseSet(("go", "on-call", "incident response", "k8s"))
    assert phrases.found("We write Go and carry the On-Call pager.") == {"go", "on-call"}
    assert phrases.found("Incident Response at scale; K8S") == {"incident response", "k8s"}


def test_phrases_do_not_match_inside_words_or_after_a_hyphen() -> None:
    phrases = PhraseSet(("go", "call"))
    assert phrases.found("google golang cargo") == set()
    assert phrases.found("on-call") == set()  # "call" follows a hyphen
    assert phrases.found("callback recall") == set()


def test_overlapping_phrases_are_all_found() -> None:
    phrases = PhraseSet(("site reliability", "site reliability engineer", "reliability"))
    assert phrases.found("Senior Site Reliability Engineer") == {
        "site reliability",
        "site reliability engineer",
        "reliability",
    }


def test_first_lines_names_the_first_line_holding_each_phrase() -> None:
    phrases = PhraseSet(("terraform", "on-call"))
    lines = ["Intro", "You will be on-call", "Terraform and on-call"]
    assert phrases.first_lines(lines) == {"on-call": 1, "terraform": 2}


def test_empty_phrase_set_finds_nothing() -> None:
    assert PhraseSet(()).found("anything") == set()
    assert PhraseSet(("  ",)).found("anything") == set()

"""Which of many fixed phrases occur in a text, as whole words, in one pass.

Family keywords, loop-stage cues and signal cues are a few thousand phrases
checked against every posting. One regex per phrase made that the slowest part
of a report (~40 ms of ~75); an Aho-Corasick automaton finds them all in one
scan of the text, and the boundary check keeps the regex's meaning: a phrase
does not match inside a longer word ("go" is not in "google" or "cargo") nor
as the tail of a hyphenated compound ("call" is not in "on-call").
"""

from __future__ import annotations

import functools
import re

import ahocorasick


def lower_same_length(text: str) -> str:
    """Lower case, character for character: "İ".lower() is two characters, and the
    offsets found in the lowered text must be offsets in the text."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


class PhraseSet:
    """A fixed set of lower-case phrases, matched case-insensitively on whole words."""

    def __init__(self, phrases: tuple[str, ...]) -> None:
        self.phrases = tuple(dict.fromkeys(p.lower() for p in phrases if p.strip()))
        self._automaton = automaton = ahocorasick.Automaton()
        for phrase in self.phrases:
            automaton.add_word(phrase, phrase)
        if self.phrases:
            automaton.make_automaton()

    def found(self, text: str) -> set[str]:
        """The phrases that occur in ``text`` with no word character or hyphen before
        them and no word character after them."""
        if not self.phrases:
            return set()
        low = text.lower()
        hits: set[str] = set()
        for end, phrase in self._automaton.iter(low):
            start = end - len(phrase) + 1
            before = low[start - 1] if start > 0 else " "
            after = low[end + 1] if end + 1 < len(low) else " "
            if not (is_word(before) or before == "-") and not is_word(after):
                hits.add(phrase)
        return hits

    def first_lines(self, lines: list[str]) -> dict[str, int]:
        """For each phrase found in ``lines``, the index of the first line holding it."""
        first: dict[str, int] = {}
        for index, line in enumerate(lines):
            for phrase in self.found(line):
                first.setdefault(phrase, index)
        return first


@functools.lru_cache(maxsize=512)
def phrase_set(phrases: tuple[str, ...]) -> PhraseSet:
    """A built ``PhraseSet``, kept because the knowledge base's phrase lists never change.

    Every list comes from the knowledge base (families, stages, signals, and the cues
    of 178 behavioural questions), so a few hundred entries hold them all; with 64 the
    cue lists evicted each other and every report rebuilt about 200 automatons."""
    return PhraseSet(phrases)


# "eight years of running ...", "one year of specialized experience": numbers in words,
# as CVs and postings write years
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "twenty": 20,
}  # fmt: skip

_SENTENCE_BREAK = re.compile(r"[.!?]\s+(?=[A-Z])")


def first_sentence(text: str) -> str:
    """The line up to its first sentence break: what a requirement line asks first.

    "At least 2 years in AWS. A certification is nice to have": a cue in the
    second sentence is about that sentence, not the line.
    """
    return _SENTENCE_BREAK.split(text, maxsplit=1)[0]

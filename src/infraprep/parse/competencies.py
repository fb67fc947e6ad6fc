"""Find competencies (on-call, IaC, mentoring...) named in a line of a JD or CV.

Synonyms come from the knowledge base, so adding a phrase is a data change.
Paraphrases such as "carried the pager" map to the same id as "on-call".
An excluded phrase ("communication between services") maps to no id: the
longest phrase at a position wins, so it shadows the synonym inside it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator

import ahocorasick

from infraprep.knowledge.schema import Competency
from infraprep.parse.phrases import is_word, lower_same_length


class CompetencyMatcher:
    """One compiled alternation over every synonym, longest phrases first."""

    def __init__(self, competencies: Iterable[Competency]) -> None:
        self._ids_by_phrase: dict[str, list[str]] = {}
        competencies = tuple(competencies)
        # soft skills: shown in words, since no technology can show them
        self.behavioural = frozenset(c.id for c in competencies if c.behavioural)
        # specialisation -> the broader competency it narrows (security-assessment -> security)
        self.narrows = {c.id: c.narrows for c in competencies if c.narrows}
        for comp in competencies:
            for phrase in (comp.name.lower(), *comp.synonyms):
                ids = self._ids_by_phrase.setdefault(phrase.lower(), [])
                if comp.id not in ids:
                    ids.append(comp.id)
            for phrase in comp.exclude:
                self._ids_by_phrase.setdefault(phrase.lower(), [])
        self._standalone = {(c.id, p.lower()) for c in competencies for p in c.standalone}
        # "14 clusters", "a 60-service platform", "22 PostgreSQL 15 clusters": up to two
        # words between the number and the noun, the noun singular after a hyphen
        self._counted = [
            (
                c.id,
                c.min_count,
                re.compile(
                    rf"(?<![\w.,])(\d[\d,]*)(k)?\+?(?:-(?:{'|'.join(_singulars(c.counted))})\b|"
                    rf"(?:\s+[\w.-]+){{0,2}}?\s+(?:{'|'.join(map(re.escape, c.counted))})\b)",
                    re.IGNORECASE,
                ),
            )
            for c in competencies
            if c.counted
        ]
        self._automaton = ahocorasick.Automaton()
        for phrase in self._ids_by_phrase:
            self._automaton.add_word(phrase, len(phrase))
        self._automaton.make_automaton()

    def _phrase_spans(self, text: str) -> Iterator[tuple[int, int]]:
        """(start, end) of each phrase in the text, scanning left to right: at each start
        the longest phrase that ends a word, then on from its end.

        A phrase must not follow a word character, "/", "+" or "-" ("ci" is not in
        "dci", "ops" not in "devops", "call" not in "on-call"), nor be followed by a word
        character, "+" or a hyphenated word ("c" is not "c++", "cloud" not "cloud-native").
        """
        low = lower_same_length(text)
        longest: dict[int, int] = {}
        for last, length in self._automaton.iter(low):
            first = last - length + 1
            before = low[first - 1] if first else " "
            after = low[last + 1 : last + 3]
            if is_word(before) or before in "/+-":
                continue
            if after and (is_word(after[0]) or after[0] == "+"):
                continue
            if after[:1] == "-" and len(after) > 1 and is_word(after[1]):
                continue
            longest[first] = max(longest.get(first, 0), length)
        position = 0
        for first in sorted(longest):
            if first >= position:
                position = first + longest[first]
                yield first, position

    def _matches(self, text: str) -> Iterator[tuple[int, int, str]]:
        previous_end = -2
        for start, end in self._phrase_spans(text):
            phrase = text[start:end].lower()
            ids = self._ids_by_phrase[phrase]
            follows = text[previous_end:start] in (" ", "-") and bool(ids)
            if ids:
                previous_end = end
            for cid in ids:
                if (cid, phrase) in self._standalone and (follows or _names_a_kind(text[:start])):
                    continue  # "monitoring tools": the kind of tool, not automation work
                yield start, end, cid

    def find(self, text: str) -> tuple[str, ...]:
        """Competency ids in first-appearance order, without repeats; a competency shown by
        a count ("14 clusters") comes after the ones named in words."""
        named = [cid for _, _, cid in self._matches(text)]
        return tuple(dict.fromkeys([*named, *self._shown_by_counts(text)]))

    def _shown_by_counts(self, text: str) -> Iterator[str]:
        for cid, least, pattern in self._counted:
            if any(
                int(m.group(1).replace(",", "")) * (1000 if m.group(2) else 1) >= least
                for m in pattern.finditer(text)
            ):
                yield cid

    def broaden(self, ids: Iterable[str]) -> tuple[str, ...]:
        """The ids, then the field each speciality narrows: a PCI DSS audit shows security."""
        ids = tuple(ids)
        return tuple(dict.fromkeys((*ids, *(self.narrows[c] for c in ids if c in self.narrows))))

    def find_with_broader(self, text: str) -> tuple[str, ...]:
        """``find``, plus the field each speciality found narrows."""
        return self.broaden(self.find(text))

    def positions(self, text: str) -> list[tuple[int, str]]:
        """(start offset, competency id) for every match, in text order."""
        return [(start, cid) for start, _, cid in self.spans(text)]

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, competency id) for every match, in text order."""
        return list(self._matches(text))

    def phrases(self, text: str) -> list[tuple[str, str]]:
        """(matched phrase, competency id) pairs, for explaining a match."""
        return [(text[start:end], cid) for start, end, cid in self._matches(text)]


# the words before "tools" when the tools are made, not a kind used: "built internal
# tools", "wrote tooling", "develop new tools"
_MAKING = frozenset(
    """build builds built building write writes wrote writing written develop develops
    developed developing create creates created creating implement implemented maintain
    maintains maintained maintaining internal custom in-house homegrown home-grown own new
    small cli command-line python go golang bash powershell""".split()  # noqa: SIM905
)
_WORD_BEFORE = re.compile(r"([\w-]+) $")


def _names_a_kind(before: str) -> bool:
    """Whether the word right before a standalone phrase says what kind it is:
    "data visualization tools", "cost management tools", "digital tools" name the kind
    of tool used; "built internal tools" makes them, and is automation work."""
    word = _WORD_BEFORE.search(before)
    return word is not None and word.group(1).lower() not in _MAKING


def _singulars(plurals: Iterable[str]) -> list[str]:
    """ "services" -> "service", for "a 60-service platform"."""
    return [re.escape(p.removesuffix("s")) for p in plurals]


@functools.lru_cache(maxsize=4)
def competency_matcher(competencies: tuple[Competency, ...]) -> CompetencyMatcher:
    return CompetencyMatcher(competencies)

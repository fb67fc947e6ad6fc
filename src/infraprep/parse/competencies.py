"""Find competencies (on-call, IaC, mentoring...) named in a line of a JD or CV.

Synonyms come from the knowledge base, so adding a phrase is a data change.
Paraphrases such as "carried the pager" map to the same id as "on-call".
An excluded phrase ("communication between services") maps to no id: the
alternation tries longer phrases first, so it shadows the synonym inside it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator

from infraprep.knowledge.schema import Competency


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
        self._standalone = {(c.id, p.lower()) for c in competencies for p in c.standalone}
        phrases = sorted(self._ids_by_phrase, key=lambda p: (-len(p), p))
        body = "|".join(re.escape(p) for p in phrases)
        self._pattern = re.compile(rf"(?<![\w/+-])(?:{body})(?![\w+]|-\w)", re.IGNORECASE)

    def _matches(self, text: str) -> Iterator[tuple[re.Match[str], str]]:
        previous_end = -2
        for match in self._pattern.finditer(text):
            phrase = match.group(0).lower()
            ids = self._ids_by_phrase[phrase]
            follows = text[previous_end : match.start()] in (" ", "-") and bool(ids)
            if ids:
                previous_end = match.end()
            for cid in ids:
                if follows and (cid, phrase) in self._standalone:
                    continue  # "monitoring tools": the kind of tool, not automation work
                yield match, cid

    def find(self, text: str) -> tuple[str, ...]:
        """Competency ids in first-appearance order, without repeats; a competency shown by
        a count ("14 clusters") comes after the ones named in words."""
        named = [cid for _, cid in self._matches(text)]
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
        return [(match.start(), match.end(), cid) for match, cid in self._matches(text)]

    def phrases(self, text: str) -> list[tuple[str, str]]:
        """(matched phrase, competency id) pairs, for explaining a match."""
        return [(match.group(0), cid) for match, cid in self._matches(text)]


def _singulars(plurals: Iterable[str]) -> list[str]:
    """ "services" -> "service", for "a 60-service platform"."""
    return [re.escape(p.removesuffix("s")) for p in plurals]


@functools.lru_cache(maxsize=4)
def competency_matcher(competencies: tuple[Competency, ...]) -> CompetencyMatcher:
    return CompetencyMatcher(competencies)

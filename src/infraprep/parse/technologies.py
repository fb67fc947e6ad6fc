"""Find the technologies a CV line or a job description names, as canonical terms.

One Aho-Corasick automaton over every alias of the taxonomy finds candidates in
a single pass over lower-cased text; the rest of this module decides which
candidates are real:

* **Word boundaries.** "go" must not match in "going", "C" not in "C++" or
  "ABC", "com" not in "example.com"; tokens such as "C++", "C#", ".NET",
  "Node.js", "CI/CD" and "TCP/IP" are aliases themselves and win as the longest
  match. Text right before "://" is a URL scheme, not HTTP.
* **Ambiguity.** An alias that is also an English word ("go", "rust", "chef",
  "make") is accepted only with context: written as a proper noun mid-sentence
  ("written in Go"), next to another technology ("Go, Python", "Go/Kubernetes"),
  on a skills line ("Languages: Go, Rust"), or beside a cue ("experience with
  salt", "go developers"). Exclusion phrases from the data ("go live", "rust
  belt", "make sure") veto a match whatever its context.
* **Implications.** "EKS" is Amazon EKS and also Kubernetes and AWS; implied
  terms follow the match that implies them.
* **Typos, only in lists.** On a skills line, an item that matched nothing
  exactly is compared with rapidfuzz against curated aliases of similar length
  and the same first letter ("Kubernets", "Terrafrom"). Prose never gets fuzzy
  matching: too many ordinary words are one edit from a tool name.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick

from infraprep.knowledge.taxonomy import Taxonomy, Technology, load_taxonomy

_ALIAS, _CONTEXT, _EXCLUDE = 0, 1, 2  # what an automaton hit is
_HYPHEN_OK = frozenset({"based", "native", "powered", "centric", "first", "specific", "heavy",
                        "managed", "driven", "backed", "compatible"})
_SENTENCE_END = frozenset(".!?:;•*-–—·▪●◦>|\"“")
_MID_SENTENCE = frozenset(",/&+()[]'’”")
_SEPARATOR = re.compile(r"[\s,;/|&+·•()\[\]]*(?:\b(?:and|or)\b)?[\s,;/|&+·•()\[\]]*")
_CUE_BEFORE = re.compile(
    r"\b(?:written|programming|programmed|coding|coded|code|develop(?:ed|ing)?|built|"
    r"experience|experienced|proficien(?:t|cy)|fluent|fluency|expertise|expert|skilled|"
    r"knowledge|familiar(?:ity)?)\s+(?:in|with|of)\s+$", re.IGNORECASE)
_CUE_AFTER_LANGUAGE = re.compile(  # only for languages: "we make developers happy" is prose
    r"^[\s-]+(?:programming|language|lang|developers?|engineers?|codebases?|microservices|"
    r"runtime|sdk|toolchain|ecosystem|librar(?:y|ies)|modules|binaries|compiler|generics|"
    r"experience|expertise|proficiency|skills|knowledge|background|services|code|coding)\b",
    re.IGNORECASE)
_SKILL_LABEL = re.compile(
    r"^\W*(?:[a-z&][\w/&+.-]*\s+){0,3}(?:skills?|technolog(?:y|ies)|tech|stack|tools?|tooling|"
    r"languages?|frameworks?|platforms?|databases?|clouds?|infrastructure|devops|os|systems|"
    r"monitoring|observability|ci/cd|software|environments?|proficien\w*|familiar\w*|"
    r"expertise|libraries|competencies)\s*[:–—]\s*\S", re.IGNORECASE)
_LIST_ITEM = re.compile(r"[^,;|•·/()\[\]]+")
_LEADING_JOIN = re.compile(r"^(?:and|or|&)\s+", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_SQUASH = re.compile(r"[^a-z0-9+#]")
_URL = re.compile(r"[a-z][a-z0-9+.-]*://[^\s)\]>\"']+")
_QUOTES = str.maketrans({"’": "'", "‘": "'"})


@dataclass(frozen=True, slots=True)
class TechnologyMatch:
    """One technology found in text; ``start``/``end`` index the text passed in."""

    canonical: str
    category: str
    start: int
    end: int
    text: str
    implied_by: str | None = None  # set on Kubernetes when "EKS" was what matched
    fuzzy: bool = False  # a near-miss spelling in a skills list


@dataclass(slots=True)
class _Hit:
    start: int
    end: int
    term: int
    alias: str
    context: bool  # needs context to count
    ok: bool = False
    fuzzy: bool = False


def _lower(text: str) -> str:
    """Lower case with the same length as ``text``, so offsets stay valid."""
    low = text.lower()
    if len(low) != len(text):  # e.g. "İ" lowers to two code points
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return low.translate(_QUOTES)


def _squash(text: str) -> str:
    return _SQUASH.sub("", text.lower())


class TechnologyMatcher:
    """Finds canonical technologies in text. Build once (``get_matcher``), reuse freely."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.taxonomy = taxonomy
        self._terms: tuple[Technology, ...] = taxonomy.terms
        index = {term.name: i for i, term in enumerate(self._terms)}
        self._implied = tuple(self._closure(i, index) for i in range(len(self._terms)))
        self._auto = auto = ahocorasick.Automaton()
        self._fuzzy: dict[tuple[str, int], list[tuple[str, int]]] = {}
        self._squashed: dict[str, int] = {}
        for i, term in enumerate(self._terms):
            curated = "curated" in term.sources or term.hot
            for alias in term.aliases:
                ctx = term.needs_context(alias)
                auto.add_word(alias, (_CONTEXT if ctx else _ALIAS, i, alias))
                key = _squash(alias)
                if ctx or not curated or len(key) < 4:
                    continue
                self._squashed.setdefault(key, i)
                if len(key) >= 5 and " " not in alias:
                    self._fuzzy.setdefault((key[0], len(key)), []).append((key, i))
        # Exclusions veto matches; the build adds English words one edit from an
        # alias ("testing" ~ TestNG) so fuzzy matching leaves them alone too.
        self._no_fuzzy = {_squash(p) for term in self._terms for p in term.exclude}
        for i, term in enumerate(self._terms):
            for phrase in term.exclude:
                if not auto.exists(phrase):
                    auto.add_word(phrase, (_EXCLUDE, i, phrase))
        auto.make_automaton()

    def _closure(self, start: int, index: dict[str, int]) -> tuple[int, ...]:
        """Terms ``start`` implies, transitively, nearest first (eksctl -> EKS -> AWS)."""
        seen: list[int] = []
        todo = [index[name] for name in self._terms[start].implies]
        while todo:
            i = todo.pop(0)
            if i != start and i not in seen:
                seen.append(i)
                todo.extend(index[name] for name in self._terms[i].implies)
        return tuple(seen)

    def find_technologies(self, text: str) -> list[TechnologyMatch]:
        """Every technology mention in ``text``, in order, implied terms after their source."""
        low = _lower(text)
        hits, vetoes = self._candidates(low)
        if "://" in low:  # a link names a site, not the stack: drop hits inside URLs
            vetoes.extend(m.span() for m in _URL.finditer(low))
        hits = [h for h in _longest(hits) if not any(a <= h.start and h.end <= b
                                                     for a, b in vetoes)]
        out: list[TechnologyMatch] = []
        line_start = pos = 0
        for line in text.split("\n"):
            line_end, first = line_start + len(line), pos
            while pos < len(hits) and hits[pos].start < line_end:
                pos += 1
            line_hits = hits[first:pos]
            skills = self._is_skills_line(line, sum(not h.context for h in line_hits))
            if line_hits:
                self._resolve(text, line, line_start, line_hits, skills)
            if skills:
                line_hits = self._fuzzy_items(text, line_start, line_end, line_hits)
            out.extend(m for h in line_hits if h.ok for m in self._emit(text, h))
            line_start = line_end + 1
        return out

    def canonical_technologies(self, text: str) -> tuple[str, ...]:
        """Canonical names in ``text``, deduplicated, in order of first appearance."""
        return tuple(dict.fromkeys(m.canonical for m in self.find_technologies(text)))

    def _candidates(self, low: str) -> tuple[list[_Hit], list[tuple[int, int]]]:
        """Automaton hits that sit on word boundaries; exclusion phrases apart."""
        hits: list[_Hit] = []
        vetoes: list[tuple[int, int]] = []
        for end_index, (kind, term, alias) in self._auto.iter(low):
            end = end_index + 1
            start = end - len(alias)
            if not _bounded(low, start, end, alias, kind == _CONTEXT):
                continue
            if kind == _EXCLUDE:
                vetoes.append((start, end))
            else:
                hits.append(_Hit(start, end, term, alias, kind == _CONTEXT, ok=kind == _ALIAS))
        return hits, vetoes

    def _resolve(self, text: str, line: str, line_start: int, hits: list[_Hit],
                 skills: bool) -> None:
        """Accept context-dependent hits that have context; neighbours spread acceptance."""
        shouty = _title_or_caps(line)
        for hit in hits:
            if hit.ok:
                continue
            term = self._terms[hit.term]
            seen = text[hit.start:hit.end]
            alone = line.strip(" \t-*•·") == seen and seen[:1].isupper()  # a list item: "Go"
            hit.ok = skills or alone or self._cued(text, line_start, hit, term) or (
                not shouty and _proper_noun(text, line_start, hit, hits, term.name))
        changed = True
        while changed:
            changed = False
            for i, hit in enumerate(hits):
                if hit.ok:
                    continue
                for j in (i - 1, i + 1):
                    if 0 <= j < len(hits) and hits[j].ok and _adjacent(text, hit, hits[j]):
                        hit.ok = changed = True
                        break

    @staticmethod
    def _cued(text: str, line_start: int, hit: _Hit, term: Technology) -> bool:
        if _CUE_BEFORE.search(text[max(line_start, hit.start - 40):hit.start]):
            return True
        return term.category == "language" and bool(
            _CUE_AFTER_LANGUAGE.match(text[hit.end:hit.end + 30]))

    @staticmethod
    def _is_skills_line(line: str, n_hits: int) -> bool:
        """A labelled skills line, or a short-item list where technologies are common.

        ``n_hits`` counts unambiguous hits only, so "I go, you go, we all go" is prose.
        """
        if _SKILL_LABEL.match(line):
            return True
        items = [s for s in re.split(r"[,;|•·]", line) if s.strip()]
        if len(items) < 3:
            return False
        words = sum(len(s.split()) for s in items) / len(items)
        return words <= 3 and n_hits * 3 >= len(items)

    def _fuzzy_items(self, text: str, line_start: int, line_end: int,
                     hits: list[_Hit]) -> list[_Hit]:
        """Near-miss spellings among skills-list items that matched nothing exactly."""
        taken = [(h.start, h.end) for h in hits]
        found: list[_Hit] = []
        line = text[line_start:line_end]
        for item in _LIST_ITEM.finditer(line):
            raw = item.group()
            offset = raw.rfind(":") + 1  # "Tools: Terrafrom" -> "Terrafrom"
            body = _LEADING_JOIN.sub("", raw[offset:].strip())
            start = line_start + item.start() + offset + raw[offset:].find(body)
            end = start + len(body)
            key = _squash(body)
            if (len(key) < 4 or len(body.split()) > 3
                    or any(a < end and start < b for a, b in taken)):
                continue
            term = self._near_miss(key)
            if term is not None:
                found.append(_Hit(start, end, term, key, False, ok=True, fuzzy=True))
        return sorted([*hits, *found], key=lambda h: h.start) if found else hits

    def near_miss(self, item: str) -> Technology | None:
        """The technology a misspelt list item most likely names ("Kubernets"), if any."""
        term = self._near_miss(_squash(item))
        return None if term is None else self._terms[term]

    def _near_miss(self, key: str) -> int | None:
        term = self._squashed.get(key) if len(key) >= 4 else None  # "Node JS" -> "nodejs"
        if term is None and len(key) >= 5 and key not in self._no_fuzzy:
            term = self._nearest(key)
        return term

    def _nearest(self, key: str) -> int | None:
        """The curated one-word alias one edit away (two for long words), same first letter.

        rapidfuzz is imported here, not at module load: it costs ~25 ms and only a
        misspelt skills-list item needs it.
        """
        from rapidfuzz import fuzz, process
        from rapidfuzz.distance import OSA

        limit = 1 if len(key) < 10 else 2
        choices = [c for n in range(len(key) - limit, len(key) + limit + 1)
                   for c in self._fuzzy.get((key[0], n), ())]
        best = process.extractOne(key, [c[0] for c in choices], scorer=OSA.distance,
                                  score_cutoff=limit)
        if best is None or fuzz.ratio(key, best[0]) < (88 if len(key) < 7 else 85):
            return None  # one edit, yet "scale" is not "scala"
        return choices[best[2]][1]

    def _emit(self, text: str, hit: _Hit) -> list[TechnologyMatch]:
        term = self._terms[hit.term]
        seen = text[hit.start:hit.end]
        first = TechnologyMatch(term.name, term.category, hit.start, hit.end, seen,
                                fuzzy=hit.fuzzy)
        implied = [TechnologyMatch(self._terms[i].name, self._terms[i].category, hit.start,
                                   hit.end, seen, implied_by=term.name, fuzzy=hit.fuzzy)
                   for i in self._implied[hit.term]]
        return [first, *implied]


# -------------------------------------------------------------------- helpers


def _bounded(low: str, start: int, end: int, alias: str, ambiguous: bool) -> bool:
    """Whether ``low[start:end]`` is a whole token rather than part of a longer one."""
    if start > 0 and alias[0].isalnum():
        before = low[start - 1]
        if before.isalnum() or before == "_":
            return False
        if before == "." and start > 1 and low[start - 2].isalnum():  # "example.com"
            return False
    elif start > 0 and low[start - 1].isalnum():  # ".net" inside "asp.net"
        return False
    if ambiguous and start > 1 and low[start - 1] == "-" and low[start - 2].isalnum():
        return False  # "X-Ray", "Blu-ray", "client-go"
    if end < len(low):
        after = low[end]
        if after in "+#" or (alias[-1].isalnum() and (after.isalnum() or after == "_")):
            return False
        if after == "." and end + 1 < len(low) and low[end + 1].isalnum():  # "docker.com"
            return False
        if low.startswith("://", end):
            return False
        if ambiguous and after == "-":  # "go-live", "C-suite"; "Go-based" is fine
            word = re.match(r"-([a-z]+)", low[end:end + 20])
            if word and word.group(1) not in _HYPHEN_OK:
                return False
    return True


def _longest(hits: Iterable[_Hit]) -> list[_Hit]:
    """Leftmost-longest, non-overlapping: "Amazon EKS" beats "EKS", "C++" beats "C"."""
    out: list[_Hit] = []
    last_end = -1
    for hit in sorted(hits, key=lambda h: (h.start, h.start - h.end)):
        if hit.start >= last_end:
            out.append(hit)
            last_end = hit.end
    return out


def _proper_noun(text: str, line_start: int, hit: _Hit, hits: list[_Hit], name: str) -> bool:
    """Written as the product's name mid-sentence: "in Go", "with Chef", "REST APIs".

    All caps counts only when the name is all caps ("REST", "SAN"); one letter
    ("C", "R") never counts; neither does a word at the start of a sentence or
    one that begins a longer proper name ("Rust Belt", "Groovy Tuesday").
    """
    seen = text[hit.start:hit.end]
    if len(hit.alias) < 2:
        return False
    if name.isupper():
        if not seen.isupper():
            return False
    elif not seen[:1].isupper() or seen.isupper():
        return False
    return not _sentence_start(text, line_start, hit.start) and not _in_name(text, hit, hits)


def _sentence_start(text: str, line_start: int, start: int) -> bool:
    """After a full stop, a colon, a bullet (or a bullet mangled by PDF extraction)."""
    before = text[line_start:start].rstrip()
    if not before or before[-1] in _SENTENCE_END:
        return True
    if not (before[-1].isalnum() or before[-1] in _MID_SENTENCE):
        return True
    return bool(re.fullmatch(r"\W*\d+[.)]", before))  # "1. Go live..."


def _in_name(text: str, hit: _Hit, hits: list[_Hit]) -> bool:
    """Followed by a capitalised word that is no technology: "Groovy Tuesday", "Rust Belt"."""
    after = re.match(r"[ \t]+[A-Z][a-z]+\b", text[hit.end:hit.end + 30])
    if after is None:
        return False
    spot = hit.end + len(after.group()) - 1
    return not any(h.start <= spot < h.end for h in hits)


def _title_or_caps(line: str) -> bool:
    """Headings and shouting: capitals there say nothing about proper nouns."""
    words = [w for w in _WORD.findall(line) if len(w) > 3]
    if len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words):
        return True
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 8 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _adjacent(text: str, hit: _Hit, other: _Hit) -> bool:
    """Only separators ("," "/" "and" "&"...) between two hits on a line."""
    a, b = (other, hit) if other.start < hit.start else (hit, other)
    gap = text[a.end:b.start]
    if not gap.strip() and text[a.start:a.end].islower():
        return False  # "to make GitLab ...": a verb before a name, not a list
    return len(gap) <= 8 and "\n" not in gap and _SEPARATOR.fullmatch(gap) is not None


@functools.lru_cache(maxsize=1)
def get_matcher() -> TechnologyMatcher:
    """The matcher over the bundled taxonomy, built once per process."""
    return TechnologyMatcher(load_taxonomy())


def find_technologies(text: str) -> list[TechnologyMatch]:
    """Every technology mention in ``text`` (see ``TechnologyMatcher.find_technologies``)."""
    return get_matcher().find_technologies(text)


@functools.lru_cache(maxsize=8192)
def canonical_technologies(text: str) -> tuple[str, ...]:
    """Canonical technologies in ``text``, deduplicated, in first-appearance order.

    Cached because the parsers and the tailor ask about the same CV and JD lines
    several times per run.
    """
    return get_matcher().canonical_technologies(text)


def technology_categories(names: tuple[str, ...]) -> dict[str, str]:
    """Each canonical name with its taxonomy category, in the order given."""
    taxonomy = get_matcher().taxonomy
    return {name: t.category if (t := taxonomy.get(name)) else "other" for name in names}

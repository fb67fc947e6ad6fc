"""Build ``src/infraprep/knowledge/data/technologies.yaml`` (dev time only).

Inputs: the hand-curated ``scripts/taxonomy_curated.yaml`` (the terms infra
postings and CVs actually name, with their aliases, ambiguity and implications),
the CNCF landscape and O*NET "Technology Skills" from the shared corpus. The
project never reads the corpus at run time: this script writes one YAML file
that ships with the package, so re-run it only when an input changes::

    .venv/bin/python scripts/build_taxonomy.py [--corpus DIR] [--out FILE]

Generated terms are cleaned (vendor prefixes, "software" suffixes, acronyms)
and checked against English word frequencies and a dictionary (wordfreq and
english-words, dev dependencies): a generated alias that is a common word
("harbor", "teams") is dropped, since only curated entries come with the
exclusion phrases that make context rules safe; a rarer dictionary word
("semaphore") is kept but needs context. Curated terms win every conflict.
Finally the build asks the real matcher which common words it would
fuzzy-match and vetoes them (``fuzzy_guards``).
Output is sorted, so a rebuild from the same inputs is byte-identical.
"""

from __future__ import annotations

import argparse
import csv
import functools
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from english_words import get_english_words_set
from wordfreq import top_n_list, zipf_frequency

from infraprep.knowledge.taxonomy import CATEGORIES, Taxonomy, Technology
from infraprep.parse.technologies import TechnologyMatcher

HERE = Path(__file__).resolve().parent
CURATED = HERE / "taxonomy_curated.yaml"
OUT = HERE.parent / "src" / "infraprep" / "knowledge" / "data" / "technologies.yaml"
CORPUS = Path("/work/shared/corpus/taxonomy")

# A generated one-word alias this frequent in English ("harbor", "teams", "database") is
# dropped: only the curated list, written by hand with exclusions, may rely much on context.
# A rarer one that is still a dictionary word ("semaphore", "honeypot") needs context.
COMMON_ZIPF = 3.0
GENERIC_ACRONYMS = {"api", "sdk", "ide", "cms", "scm", "mvc", "esb", "eai", "rdms", "gui", "cli"}

CNCF_SKIP = {"Special", "CNCF Members"}  # companies, not technologies
CURATED_KEYS = {"name", "category", "aliases", "ambiguous", "exclude", "implies"}
VENDORS = (
    "Amazon Web Services", "Amazon", "AWS", "Microsoft", "Oracle", "IBM", "Apache", "Google",
    "Adobe", "SAP", "Atlassian", "Red Hat", "VMware", "Cisco Systems", "Cisco", "HashiCorp",
    "Hewlett Packard Enterprise", "Hewlett Packard", "Hewlett-Packard", "HP", "Sun Microsystems",
    "Salesforce", "JetBrains", "Apple", "Dell", "EMC", "Symantec", "Novell", "Micro Focus",
    "Broadcom", "CA Technologies", "Citrix", "Informatica", "Teradata", "TIBCO", "Quest Software",
    "Embarcadero Technologies", "Progress Software", "Alibaba Cloud", "Huawei Cloud", "Tencent",
    "Elastic", "Grafana", "Azure", "NVIDIA", "Intel", "SolarWinds", "Splunk", "Unity Technologies",
)
LOWER_VENDORS = {v.lower() for v in VENDORS}
NOT_TECH = {  # sites, companies and phrases that read as prose, not technologies
    "linkedin", "facebook", "twitter", "youtube", "instagram", "google", "microsoft", "yelp",
    "standard library", "no code", "agent evaluation", "applications manager", "cpl",
    "statistical solutions", "safe software", "quest central", "cloud native landscape",
    "middleware", "unstructured",
}


@dataclass
class Term:
    name: str
    category: str
    keys: set[str] = field(default_factory=set)  # full-name forms: used to merge duplicates
    aliases: set[str] = field(default_factory=set)
    ambiguous: set[str] = field(default_factory=set)
    exclude: set[str] = field(default_factory=set)
    implies: set[str] = field(default_factory=set)
    sources: set[str] = field(default_factory=set)
    hot: bool = False


def norm(text: str) -> str:
    """Alias form: lower case, straight quotes, single spaces."""
    text = text.replace("’", "'").replace("‘", "'").lower()
    return re.sub(r"\s+", " ", text).strip().rstrip(",;:")


def zipf(phrase: str) -> float:
    return float(zipf_frequency(phrase, "en"))


def word_kind(alias: str, camel: bool = False) -> str:
    """'drop', 'ambiguous' or 'ok' for a generated alias.

    Short aliases are acronyms: one with any real frequency ("api", "sdk", "cms",
    "pig") is generic and dropped, and so is an ordinary English word. A two-word
    alias of two common words ("check point") reads as English, so it needs
    context; longer phrases are specific.
    """
    if len(alias) < 3:
        return "drop"
    if " " not in alias and re.fullmatch(r"[a-z0-9]+", alias):
        freq = zipf(alias)
        if alias in GENERIC_ACRONYMS or (len(alias) <= 4 and freq >= 2.5):
            return "drop"
        if freq >= COMMON_ZIPF:
            return "drop"
        english = freq >= 2.0 and not camel and dictionary_word(alias)  # SharePoint is a name
        return "ambiguous" if english else "ok"
    words = alias.split()
    if (len(words) == 2 and norm(words[0]) not in LOWER_VENDORS
            and all(zipf(w) >= 4.0 for w in words)):
        return "ambiguous"
    return "ok"


@functools.cache
def _dictionary() -> frozenset[str]:
    return frozenset(get_english_words_set(["web2", "gcide"], lower=True, alpha=True))


def dictionary_word(word: str) -> bool:
    """'semaphore', 'unstructured', 'middleware' (two words): English, though rare."""
    words = _dictionary()
    if word in words or any(word.startswith(p) and word[len(p):] in words
                            for p in ("un", "re", "non")):
        return True
    return any(word[:i] in words and word[i:] in words for i in range(3, len(word) - 2))


def add_alias(term: Term, alias: str, generated: bool) -> None:
    camel = re.search(r"[a-z][A-Z]", alias) is not None
    alias = norm(alias)
    kind = word_kind(alias, camel) if generated else "ok"
    if alias and kind != "drop":
        term.aliases.add(alias)
        if kind == "ambiguous":
            term.ambiguous.add(alias)


def curated_terms(path: Path) -> tuple[list[Term], dict[str, dict[str, str]]]:
    """Hand-written terms (a group gives its terms a category and implications), and the
    maps that file CNCF (sub)categories and O*NET commodity titles under our categories."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    maps = {source: {title: category for category, titles in data["categories"][source].items()
                     for title in titles} for source in ("cncf", "onet")}
    terms: list[Term] = []
    for group in data["groups"]:
        for entry in group["terms"]:
            if isinstance(entry, str):
                entry = {"name": entry}
            elif "name" not in entry:  # {Name: [aliases]}
                ((name, aliases),) = entry.items()
                entry = {"name": name, "aliases": aliases or []}
            if unknown := set(entry) - CURATED_KEYS:
                sys.exit(f"curated {entry['name']}: unknown keys {sorted(unknown)}")
            name = str(entry["name"])
            term = Term(name=name, category=entry.get("category", group["category"]),
                        sources={"curated"}, keys={norm(name)})
            term.aliases = {norm(name), *(norm(a) for a in entry.get("aliases", []))}
            amb = entry.get("ambiguous", [])
            term.ambiguous = set(term.aliases) if amb is True else {norm(a) for a in amb}
            term.aliases |= term.ambiguous
            term.exclude = {norm(e) for e in entry.get("exclude", [])}
            term.implies = {*group.get("implies", []), *entry.get("implies", [])} - {name}
            terms.append(term)
    return terms, maps


def clean_cncf(raw: str) -> tuple[str, list[str]]:
    """('Google Kubernetes Engine', ['gke']) from 'Google Kubernetes Engine (GKE)'."""
    extra: list[str] = []
    for inner in re.findall(r"\(([^)]*)\)", raw):
        inner = inner.strip()
        if inner.lower().startswith("formerly "):
            extra.append(inner[9:])
        elif inner.lower() not in ("member", "wasm"):
            extra.append(inner)
    name = re.sub(r"\s*\([^)]*\)", "", raw).strip()
    return name, extra


def cncf_terms(path: Path, categories: dict[str, str]) -> list[Term]:
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    terms: list[Term] = []
    for cat in data["landscape"]:
        if cat["name"] in CNCF_SKIP:
            continue
        for sub in cat["subcategories"]:
            category = categories.get(sub["name"]) or categories.get(cat["name"], "other")
            for item in sub.get("items") or []:
                name, extra = clean_cncf(item["name"])
                if norm(name) in NOT_TECH:
                    continue
                term = Term(name=name, category=category, sources={"cncf"}, keys={norm(name)})
                add_alias(term, name, generated=True)
                for alias in extra:
                    add_alias(term, alias, generated=True)
                terms.append(term)
    return terms


def split_vendor(name: str) -> tuple[str | None, str]:
    for vendor in VENDORS:
        if name.startswith(vendor + " ") and len(name) > len(vendor) + 1:
            return vendor, name[len(vendor) + 1:]
    return None, name


def clean_onet(raw: str) -> tuple[str, list[str]] | None:
    """A canonical name and extra aliases for an O*NET example, or None if it is generic.

    'Amazon Web Services AWS CloudFormation' -> 'AWS CloudFormation';
    'Structured query language SQL' -> 'SQL' (+ 'structured query language');
    'Microsoft Azure software' -> 'Microsoft Azure'; 'Shell script' -> None.
    """
    name = re.sub(r"\s+software$", "", raw.strip(), flags=re.IGNORECASE)
    name = name.replace("Micosoft ", "Microsoft ")  # a typo in O*NET
    name, extra = clean_cncf(name)
    name = re.sub(r"^Amazon Web Services (AWS )?", "AWS ", name).strip()
    if name == "AWS":
        return name, extra
    words = name.split()
    if not words or name.lower() in NOT_TECH:
        return None
    # "Descriptive phrase ACRONYM": the acronym becomes an alias (or the name).
    last = words[-1]
    if len(words) >= 3 and re.fullmatch(r"[A-Z][A-Z0-9+#./-]{1,9}", last):
        phrase = " ".join(words[:-1])
        extra.append(last)
        if phrase[1:] == phrase[1:].lower():  # "Structured query language": descriptive
            return last, [*extra, phrase]
        name = phrase
    words = re.findall(r"[a-z]+", name.lower())
    if name[1:] == name[1:].lower() and all(zipf(w) >= 2.5 for w in words):
        return None  # "Active directory", "Anti-Trojan", "Shell script": a description
    return name, extra


def onet_terms(path: Path, commodities: dict[str, str]) -> list[Term]:
    """IT tools of computing occupations, or flagged Hot, under the mapped commodity titles."""
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    seen: dict[str, Term] = {}
    for row in rows:
        category = commodities.get(row["Commodity Title"].removesuffix(" software"))
        hot = row["Hot Technology"] == "Y"  # else only tools of computing occupations
        if category is None or not (hot or row["O*NET-SOC Code"].startswith(("15-12", "15-2"))):
            continue
        cleaned = clean_onet(row["Example"])
        if cleaned is None:
            continue
        name, extra = cleaned
        term = seen.get(name)
        if term is None:
            term = seen[name] = Term(name=name, category=category, sources={"onet"},
                                     keys={norm(name), norm(row["Example"])})
            add_alias(term, name, generated=True)
            vendor, rest = split_vendor(name)
            if vendor and norm(rest) not in NOT_TECH:  # "Oracle Java" is Java
                term.keys.add(norm(rest))
                if len(rest.split()) == 1 or not all(zipf(w) >= 3.5 for w in rest.lower().split()):
                    add_alias(term, rest, generated=True)
            for alias in extra:  # O*NET's "Phrase ACRONYM" pairs are reliable
                add_alias(term, alias, generated=True)
                if re.fullmatch(r"[A-Z][A-Z0-9]{2,}", alias) and norm(alias) in term.aliases:
                    term.keys.add(norm(alias))
        term.hot = term.hot or hot
    return [seen[k] for k in sorted(seen)]


def merge(curated: list[Term], generated: list[Term]) -> list[Term]:
    """Curated first; a generated term whose full name is already known only adds its source."""
    by_key: dict[str, Term] = {}
    owner: dict[str, Term] = {}
    for term in curated:
        if norm(term.name) in by_key:
            sys.exit(f"curated: duplicate name {term.name}")
        by_key[norm(term.name)] = term
        for alias in sorted(term.aliases):
            if alias in owner:
                sys.exit(f"curated: alias {alias!r} in {owner[alias].name} and {term.name}")
            owner[alias] = term
    out = list(curated)
    for term in generated:
        hit = next((by_key.get(k) or owner.get(k) for k in sorted(term.keys)
                    if by_key.get(k) or owner.get(k)), None)
        if hit is not None:
            hit.sources |= term.sources
            hit.hot = hit.hot or term.hot
            if "curated" not in hit.sources:
                for alias in sorted(term.aliases - owner.keys()):
                    hit.aliases.add(alias)
                    owner[alias] = hit
                    if alias in term.ambiguous:
                        hit.ambiguous.add(alias)
            continue
        free = term.aliases - owner.keys()
        if not free or norm(term.name) in by_key:
            continue
        term.aliases = free
        term.ambiguous &= free
        for alias in free:
            owner[alias] = term
        for key in term.keys:
            by_key.setdefault(key, term)
        out.append(term)
    return sorted(out, key=lambda t: (t.name.casefold(), t.name))


def as_dict(term: Term) -> dict[str, Any]:
    """Only non-default fields: a smaller file parses faster at run time."""
    out: dict[str, Any] = {"name": term.name, "category": term.category,
                           "aliases": sorted(term.aliases)}
    if term.ambiguous:
        out["ambiguous"] = True
        if term.ambiguous != term.aliases:
            out["ambiguous_aliases"] = sorted(term.ambiguous)
    if term.exclude:
        out["exclude"] = sorted(term.exclude)
    if term.implies:
        out["implies"] = sorted(term.implies)
    return out | ({"hot": True} if term.hot else {}) | {"sources": sorted(term.sources)}


def fuzzy_guards(terms: list[Term]) -> int:
    """Veto the common English words the matcher would read as a misspelt technology.

    A skills list says "Testing, Containers": each is one edit from an alias
    (TestNG, containerd). The matcher has no dictionary at run time, so the build
    runs the 50,000 most frequent English words through it and adds each word it
    would fuzzy-match to that term's ``exclude`` list, which also turns fuzzy off.
    """
    taxonomy = Taxonomy.from_terms(tuple(Technology.model_validate(as_dict(t)) for t in terms))
    matcher = TechnologyMatcher(taxonomy)
    by_name = {t.name: t for t in terms}
    squash = {re.sub(r"[^a-z0-9+#]", "", a) for t in terms for a in t.aliases}
    words = [w for w in top_n_list("en", 50000) if len(w) >= 5 and w.isalpha() and w not in squash]
    hits = [(w, hit) for w in words if (hit := matcher.near_miss(w)) is not None]
    for word, hit in hits:
        by_name[hit.name].exclude.add(word)
    return len(hits)


def dump(terms: list[Term]) -> str:
    """One term per line in JSON style (valid YAML): json reads it ~40x faster than libyaml."""
    lines = [json.dumps(as_dict(t), ensure_ascii=False) for t in terms]
    return HEADER + "[\n" + ",\n".join(lines) + "\n]\n"


HEADER = """\
# GENERATED by scripts/build_taxonomy.py from scripts/taxonomy_curated.yaml, the CNCF
# landscape and O*NET Technology Skills: edit the curated file and rebuild, never this one.
# Attribution: see NOTICE-technologies.md beside this file. One term per line in JSON
# style (valid YAML): json parses it in ~3 ms where libyaml takes ~130 ms.
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--curated", type=Path, default=CURATED)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    curated, maps = curated_terms(args.curated)
    generated = cncf_terms(args.corpus / "cncf" / "landscape.yml", maps["cncf"])
    generated += onet_terms(args.corpus / "onet" / "Technology Skills.txt", maps["onet"])
    terms = merge(curated, generated)
    guarded = fuzzy_guards(terms)
    args.out.write_text(dump(terms), encoding="utf-8")
    counts = Counter(term.category for term in terms)
    print(f"{len(terms)} terms ({len(curated)} curated, {guarded} fuzzy guards) -> {args.out}")
    print("  ".join(f"{c}={counts.get(c, 0)}" for c in CATEGORIES))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

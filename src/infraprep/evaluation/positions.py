"""CV positions against CVs whose every position is labelled by hand."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from infraprep.evaluation.dotin import dotin_text, names_same, norm_company, norm_title
from infraprep.evaluation.metric import EVAL_TODAY, Metric, held_out_labels, labels


@dataclass(frozen=True)
class LabelledPosition:
    """One position from ``eval/positions*.yaml``, where every position of a CV is labelled."""

    titles: tuple[str, ...]
    companies: tuple[str, ...]
    start: str | None
    end: str | None


def _labelled_positions(entry: dict[str, Any]) -> list[LabelledPosition]:
    return [
        LabelledPosition(
            tuple(p.get("titles") or ()),
            tuple(p.get("companies") or ()),
            None if p.get("start") is None else str(p["start"]),
            None if p.get("end") is None else str(p["end"]),
        )
        for p in entry.get("positions") or ()
    ]


def _names(values: Any, norm: Callable[[str], str]) -> list[str]:
    return [n for v in values if (n := norm(v))]


def _one_of(got: str | None, wanted: list[str], norm: Callable[[str], str]) -> bool:
    return bool(got) and any(names_same(norm(got or ""), w) for w in wanted)


def _pair_positions(gold: list[LabelledPosition], parsed: list[Any]) -> dict[int, int]:
    """Gold index -> parsed index: same dates (or both undated), the title deciding ties.

    An undated labelled position pairs only with an undated parsed one whose title
    or company is right, since without dates nothing else says they are the same.
    """
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for g_index, g in enumerate(gold):
        want_titles = _names(g.titles, norm_title)
        want_companies = _names(g.companies, norm_company)
        candidates = [
            (
                i,
                (
                    _one_of(p.title, want_titles, norm_title),
                    _one_of(p.company, want_companies, norm_company),
                ),
            )
            for i, p in enumerate(parsed)
            if i not in taken and (p.start, p.end) == (g.start, g.end)
        ]
        if g.start is None:
            candidates = [(i, f) for i, f in candidates if any(f)]
        if candidates:
            best = max(candidates, key=lambda c: (c[1][0], c[1][1], -c[0]))[0]
            pairs[g_index] = best
            taken.add(best)
    return pairs


def evaluate_positions(fixtures: Path) -> list[Metric]:
    """Positions against CVs whose every position is labelled (``eval/positions*.yaml``).

    The dotin labels leave many correct positions unlabelled, so precision against
    them is a floor. Here a parsed position that pairs with no labelled one is a
    real error. Found: positions paired by their dates. Titles and companies: a
    parsed value is right when its position pairs with a labelled one that names it.
    """
    from infraprep.ingest import read_document, read_path
    from infraprep.parse import parse_profile
    from infraprep.parse.position_header import UNTITLED

    eval_dir = fixtures / "eval"
    sets = (
        ("", labels(eval_dir / "positions.yaml")),
        (" (held out)", held_out_labels(eval_dir, "positions")),
    )
    metrics: list[Metric] = []
    for suffix, entries in sets:
        if not entries:
            continue
        found = Metric(f"CV positions, all labelled: found{suffix}")
        titles = Metric(f"CV positions, all labelled: titles{suffix}")
        companies = Metric(f"CV positions, all labelled: companies{suffix}")
        for entry in entries:
            name = Path(entry["cv"]).name
            gold = _labelled_positions(entry)
            path = fixtures / entry["cv"]
            if path.suffix == ".xml":  # a dotin export: its labels stripped first
                text = dotin_text(path.read_text(encoding="utf-8"))
                document = read_document(text.encode("utf-8"), "cv.txt")
            else:  # a designed CV (PDF, DOCX...), read as a user's file is
                document = read_path(path)
            parsed = list(parse_profile(document, EVAL_TODAY).positions)
            pairs = _pair_positions(gold, parsed)
            found.tp += len(pairs)
            found.fn += len(gold) - len(pairs)
            found.fp += len(parsed) - len(pairs)
            paired = {p: g for g, p in pairs.items()}
            for g_index, g in enumerate(gold):
                if g_index not in pairs:
                    found.misses.append(f"{name}: missed {g.start}–{g.end} {list(g.titles)}")
            for p_index, p in enumerate(parsed):
                g = gold[paired[p_index]] if p_index in paired else None
                if g is None:
                    found.misses.append(f"{name}: extra {p.start}–{p.end} {p.title!r}")
                for metric, got, want, norm in (
                    (titles, None if p.title == UNTITLED else p.title, g and g.titles, norm_title),
                    (companies, p.company, g and g.companies, norm_company),
                ):
                    wanted = _names(want or (), norm)
                    if _one_of(got, wanted, norm):
                        metric.tp += 1
                        continue
                    if got:
                        metric.fp += 1
                        metric.misses.append(f"{name} {p.start}: {got!r} (want {wanted})")
                    if wanted:
                        metric.fn += 1
                        if not got:
                            metric.misses.append(f"{name} {p.start}: missed {wanted}")
            for g_index, g in enumerate(gold):
                if g_index not in pairs:
                    titles.fn += bool(_names(g.titles, norm_title))
                    companies.fn += bool(_names(g.companies, norm_company))
        metrics += [found, titles, companies]
    return metrics

"""`infraprep eval`: precision, recall and accuracy against labelled fixtures."""

from __future__ import annotations

import json
from pathlib import Path

import click


def _pct(x: float | None) -> str:
    return "—" if x is None else f"{x:.2f}"


@click.command("eval")
@click.option(
    "--fixtures",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=Path("tests/fixtures"),
    show_default=True,
    help="Folder with eval/postings.yaml, cv/dotin/ and eval/evidence.yaml.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the metrics as JSON.")
def evaluate_cmd(fixtures: Path, as_json: bool) -> None:
    """Measure parsing and tailoring against hand-written labels."""
    from infraprep.evaluation import evaluate
    from infraprep.knowledge import load_knowledge

    result = evaluate(fixtures, load_knowledge())
    if as_json:
        click.echo(json.dumps(result, indent=2))
        return
    width = max(len("metric"), *(len(m["name"]) for m in result["metrics"]))
    click.echo(f"{'metric':<{width}} {'prec':>6} {'recall':>6} {'acc':>6} {'n':>5}")
    for m in result["metrics"]:
        click.echo(
            f"{m['name']:<{width}} {_pct(m['precision']):>6} {_pct(m['recall']):>6} "
            f"{_pct(m['accuracy']):>6} {m['n']:>5}"
        )
    for o in result.get("overlap", []):
        click.echo(f"overlap {o['cv']} × {o['jd_a']} / {o['jd_b']}: {o['shared']:.0%} shared")

"""`infraprep kb`: browse and check the knowledge base from the terminal."""

from __future__ import annotations

import json

import click

from infraprep.errors import KnowledgeError


def _technology_count() -> int:
    from infraprep.knowledge.taxonomy import load_taxonomy

    return len(load_taxonomy().by_name)


@click.group()
def kb() -> None:
    """Browse and check the knowledge base."""


@kb.command("stats")
@click.option("--json", "as_json", is_flag=True, help="Print counts as JSON.")
def kb_stats(as_json: bool) -> None:
    """How many items of each kind the knowledge base holds."""
    from infraprep.knowledge import load_knowledge
    from infraprep.knowledge.browse import stats

    data = stats(load_knowledge(), _technology_count())
    if as_json:
        click.echo(json.dumps(data, indent=2))
        return
    for key, value in data.items():
        if isinstance(value, dict):
            click.echo(f"{key}: " + ", ".join(f"{k} {v}" for k, v in value.items()))
        else:
            click.echo(f"{key}: {value}")


@kb.command("search")
@click.argument("query", nargs=-1, required=True)
@click.option("--limit", default=20, show_default=True)
@click.option("--json", "as_json", is_flag=True)
def kb_search(query: tuple[str, ...], limit: int, as_json: bool) -> None:
    """Find items whose text holds all the QUERY words."""
    from infraprep.knowledge import load_knowledge
    from infraprep.knowledge.browse import search, title_of

    hits = search(load_knowledge(), " ".join(query), limit=limit)
    if as_json:
        click.echo(
            json.dumps(
                [
                    {"collection": n, "id": getattr(i, "id", None), "title": title_of(i)}
                    for n, i, _s in hits
                ],
                indent=2,
            )
        )
        return
    if not hits:
        click.echo("No matches.", err=True)
    for name, item, _score in hits:
        click.echo(f"{getattr(item, 'id', '?'):<48} {name:<16} {title_of(item)[:90]}")


@kb.command("show")
@click.argument("ident")
@click.option("--json", "as_json", is_flag=True)
def kb_show(ident: str, as_json: bool) -> None:
    """Show one item in full."""
    import yaml

    from infraprep.knowledge import load_knowledge
    from infraprep.knowledge.browse import find

    name, item = find(load_knowledge(), ident)
    data = item.model_dump(mode="json", exclude_defaults=True)
    if as_json:
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        click.echo(f"# {name}")
        click.echo(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100))


@kb.command("lint")
@click.option("--no-counts", is_flag=True, help="Skip the minimum-count checks.")
def kb_lint(no_counts: bool) -> None:
    """Check schema, ids, references, near-duplicates and coverage."""
    from infraprep.knowledge import read_knowledge
    from infraprep.knowledge.lint import lint

    findings = lint(read_knowledge(), counts=not no_counts)
    for finding in findings:
        click.echo(str(finding))
    errors = [f for f in findings if f.level == "error"]
    if errors:
        raise KnowledgeError(
            f"{len(errors)} problems in the knowledge base.", "Fix the items listed above."
        )
    click.echo("knowledge base OK")

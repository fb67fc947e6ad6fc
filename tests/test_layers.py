"""The pipeline flows one way: no stage imports what sits around it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "infraprep"
PIPELINE = ("ingest", "parse", "tailor", "render", "knowledge")
AROUND = ("cli", "web", "practice", "store", "evaluation")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("stage", PIPELINE)
def test_a_pipeline_stage_never_imports_the_layers_around_it(stage: str):
    offending = [
        f"{path.relative_to(PACKAGE)} imports {name}"
        for path in sorted((PACKAGE / stage).rglob("*.py"))
        for name in _imports(path)
        if any(name == f"infraprep.{o}" or name.startswith(f"infraprep.{o}.") for o in AROUND)
    ]
    assert not offending


def test_practice_uses_the_knowledge_base_and_not_the_cli_or_web():
    names = {n for p in (PACKAGE / "practice").rglob("*.py") for n in _imports(p)}
    assert "infraprep.knowledge" in names or "infraprep.knowledge.schema" in names
    assert not {n for n in names if n.startswith(("infraprep.cli", "infraprep.web"))}

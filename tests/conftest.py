"""Shared fixtures: the knowledge base once per session, documents built by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import FIXTURES, SRE_CV, text_document
from infraprep.knowledge import KnowledgeBase, load_knowledge
from infraprep.models import Document


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return load_knowledge()


@pytest.fixture(scope="session")
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def sre_cv() -> Document:
    return text_document(SRE_CV)


@pytest.fixture(autouse=True)
def _own_data_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Every test keeps what infraprep stores (practice history, web reports) in a folder of
    its own, never in the user's ~/.local/share; processes the test starts inherit it."""
    data = tmp_path_factory.mktemp("xdg-data")
    monkeypatch.setenv("XDG_DATA_HOME", str(data))
    return data

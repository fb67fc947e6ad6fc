"""The public surface: names exported, cheap import, paths, and errors that never leak."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import infraprep.ingest as ingest
from infraprep.errors import InfraprepError, InputError, InputTooLargeError
from infraprep.ingest import read_document, read_path


def test_ingest_public_names_are_exported() -> None:
    assert sorted(ingest.__all__) == ["fetch_url", "is_public_address", "read_document",
                                      "read_path"]
    for name in ingest.__all__:
        assert getattr(ingest, name).__module__ == "infraprep.ingest"
        assert getattr(ingest, name).__doc__


def test_ingest_import_is_cheap() -> None:
    code = ("import sys, infraprep.ingest; heavy = [m for m in ('pdfminer', 'docx', "
            "'trafilatura', 'httpx', 'lxml') if m in sys.modules]; print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "[]"


def test_ingest_read_path_reads_a_file(tmp_path: Path) -> None:
    path = tmp_path / "cv.md"
    path.write_text("# Dana Fox\n\n- Ran Nomad\n", encoding="utf-8")
    doc = read_path(path)
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("heading", "Dana Fox"), ("list_item", "Ran Nomad")]


def test_ingest_read_path_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        read_path(tmp_path / "nope.pdf")
    err = info.value
    assert type(err) is InputError and err.exit_code == 10
    assert "nope.pdf" in err.message and "does not exist" in err.message


def test_ingest_read_path_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        read_path(tmp_path)


def test_ingest_read_path_unreadable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "cv.txt"
    path.write_text("text")

    def deny(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", deny)
    with pytest.raises(InputError) as info:
        read_path(path)
    assert "cannot be read" in info.value.message and "Permission denied" in info.value.message


def test_ingest_read_path_checks_size_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    with path.open("wb") as handle:
        handle.truncate(11 * 1024 * 1024)  # sparse: nothing is written or read
    with pytest.raises(InputTooLargeError, match=r"11\.0 MB"):
        read_path(path)


@pytest.mark.parametrize("data", [
    b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>",
    b"%PDF-1.4\n" + b"\xff" * 500,
    b"%PDF-" + b"1" * 10,
    b"PK\x03\x04" + b"\x00" * 100,
    b"PK\x05\x06" + b"\x00" * 18,
])
def test_ingest_malformed_input_raises_only_our_errors(data: bytes) -> None:
    with pytest.raises(InfraprepError) as info:
        read_document(data, "odd")
    assert isinstance(info.value, InputError)


def test_ingest_main_prints_blocks_and_exit_codes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    from infraprep.ingest.__main__ import main

    path = tmp_path / "cv.txt"
    path.write_text("Dana Fox\n- Ran Nomad\n")
    assert main([str(path)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith(f"== {path}: text, 1 page(s)")
    assert "list_item" in out and "Ran Nomad" in out
    assert main([str(tmp_path / "missing.pdf")]) == 10
    assert "does not exist" in capsys.readouterr().err

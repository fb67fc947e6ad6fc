"""``infraprep serve``: the web app under uvicorn."""

from __future__ import annotations

import os
from pathlib import Path

import uvicorn

from infraprep.web.app import create_app


def default_data_dir() -> Path:
    """``$XDG_DATA_HOME/infraprep``, else ``~/.local/share/infraprep``."""
    base = os.environ.get("XDG_DATA_HOME")
    root = Path(base) if base else Path.home() / ".local" / "share"
    return root / "infraprep"


def run_server(host: str = "127.0.0.1", port: int = 8000, data_dir: Path | None = None) -> None:
    directory = Path(data_dir) if data_dir is not None else default_data_dir()
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    uvicorn.run(create_app(directory), host=host, port=port, proxy_headers=False)

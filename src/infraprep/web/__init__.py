"""The web app: the pipeline behind a small FastAPI server, reports kept in SQLite.

Install with the ``web`` extra and run ``infraprep serve``. Nothing here is
imported by the CLI unless that command runs.
"""

from __future__ import annotations

__all__ = ["create_app"]


def __getattr__(name: str):
    if name == "create_app":
        from infraprep.web.app import create_app

        return create_app
    raise AttributeError(name)

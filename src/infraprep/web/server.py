"""``infraprep serve``: the web app under uvicorn, one process or several.

With ``workers > 1`` uvicorn imports the app in each worker process, so the
settings travel in one environment variable as JSON. Each worker keeps its own
rate-limit buckets: the limit is per client per worker.
"""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path

import uvicorn
from fastapi import FastAPI

from infraprep.web.app import create_app
from infraprep.web.logs import log_config
from infraprep.web.settings import WebSettings

SETTINGS_ENV = "INFRAPREP_WEB_SETTINGS"


def app_from_environment() -> FastAPI:
    """The app factory each worker process calls."""
    raw = json.loads(os.environ[SETTINGS_ENV])
    raw["data_dir"] = Path(raw["data_dir"])
    return create_app(WebSettings(**raw))


def run_server(
    settings: WebSettings, host: str = "127.0.0.1", port: int = 8000, workers: int = 1
) -> None:
    common = {"host": host, "port": port, "proxy_headers": False, "log_config": log_config()}
    if workers <= 1:
        uvicorn.run(create_app(settings), **common)
        return
    create_app(settings).state.service.store.close()  # migrate once, before the workers race
    os.environ[SETTINGS_ENV] = json.dumps(
        {**dataclasses.asdict(settings), "data_dir": str(settings.data_dir)}
    )
    uvicorn.run(
        "infraprep.web.server:app_from_environment", factory=True, workers=workers, **common
    )

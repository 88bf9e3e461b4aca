"""The one way to read bilat's lexicons and gazetteers (``src/bilat/data/``, package data)."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

DATA_PACKAGE = "bilat.data"


def read_text(name: str) -> str:
    return resources.files(DATA_PACKAGE).joinpath(name).read_text(encoding="utf-8")


def read_json(name: str) -> Any:
    return json.loads(read_text(name))


def read_rows(name: str) -> list[list[str]]:
    """Tab-separated rows; blank lines and ``#`` comments skipped."""
    return [
        line.split("\t")
        for line in read_text(name).splitlines()
        if line.strip() and not line.startswith("#")
    ]

"""What obligraph knows about directives, in one place: the shared patterns (``patterns``) and the
versioned data files (``data/*.json``), each read once per process through ``load``."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def load(name: str) -> Any:
    """The parsed data file ``data/<name>.json`` (read once; callers must not mutate it)."""
    return json.loads(resources.files("pipeline.knowledge.data").joinpath(f"{name}.json").read_text("utf-8"))


def code_table(table: dict) -> dict:
    """A code table of a data file without its "_about"-style comment keys."""
    return {k: v for k, v in table.items() if not k.startswith("_")}

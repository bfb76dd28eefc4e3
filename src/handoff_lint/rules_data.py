"""Pattern and lookup tables kept as data in ``rules/*.toml`` (placeholders, privacy patterns, ...)."""

from __future__ import annotations

from functools import lru_cache

from handoff_lint.catalogue import tomllib
from handoff_lint.resources import data_dir


@lru_cache(maxsize=None)
def load_table(name: str) -> dict:
    with (data_dir("rules") / f"{name}.toml").open("rb") as handle:
        return tomllib.load(handle)

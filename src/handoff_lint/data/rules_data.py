"""Pattern and lookup tables kept as data in ``rules/*.toml`` (placeholders, privacy patterns, ...)
and the JSON Schemas in ``schemas/``, and the one place that parses those files. Tables are
named by folder and file name: ``rules/privacy.toml``; each is parsed once per process.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from handoff_lint.data.resources import data_dir


def tomllib():
    """The TOML parser (imported when first needed)."""
    try:  # Python 3.11+
        import tomllib as parser
    except ModuleNotFoundError:  # pragma: no cover - exercised on 3.9/3.10 only
        import tomli as parser  # type: ignore[no-redef]
    return parser


def parse(path: Path) -> dict:
    """The table in the rules file or schema ``path`` (TOML, or JSON for a .json name)."""
    with path.open("rb") as handle:
        if path.suffix == ".json":
            import json

            return json.load(handle)
        return tomllib().load(handle)


class Patterns(dict):
    """Name -> the compiled regular expression of a rules table's pattern, compiled when first
    asked (with ``flags[name]``, if any): a cold run checking one clean file needs few of them,
    and compiling all cost it several milliseconds."""

    def __init__(self, sources: dict[str, str], flags: dict[str, int] | None = None) -> None:
        super().__init__()
        self.sources, self.flags = sources, flags or {}

    def __missing__(self, name: str):
        import re

        pattern = self[name] = re.compile(self.sources[name], self.flags.get(name, 0))
        return pattern


@lru_cache(maxsize=None)
def load_table(name: str) -> dict:
    return parse(data_dir("rules") / f"{name}.toml")

"""Pattern and lookup tables kept as data in ``rules/*.toml`` (placeholders, privacy patterns, ...)
and the JSON Schemas in ``schemas/``, and the one place that parses those files. Tables are
named by folder and file name: ``rules/privacy.toml``; each is parsed once per process, or taken
from the cache's copy of the same bytes (see :mod:`handoff_lint.cache.tables`).
"""

from __future__ import annotations

import marshal
from functools import cache
from pathlib import Path

from handoff_lint.data.resources import data_dir

_KNOWN: dict[str, bytes] = {}  # table name -> the table marshalled, from the cache
_PARSED: dict[str, bytes] = {}  # table name -> the table marshalled, parsed by this process


def tomllib():
    """The TOML parser (imported when first needed)."""
    try:  # Python 3.11+
        import tomllib as parser
    except ModuleNotFoundError:  # pragma: no cover - exercised on 3.9/3.10 only
        import tomli as parser  # type: ignore[no-redef]
    return parser


def parse(path: Path) -> dict:
    """The table in the rules file or schema ``path`` (TOML, or JSON for a .json name)."""
    name = f"{path.parent.name}/{path.name}"
    known = _KNOWN.get(name)
    if known is not None:
        try:
            return marshal.loads(known)
        except (ValueError, EOFError, TypeError):
            pass
    with path.open("rb") as handle:
        if path.suffix == ".json":
            import json

            table = json.load(handle)
        else:
            table = tomllib().load(handle)
    try:
        _PARSED[name] = marshal.dumps(table)  # a copy now: callers may change the table
    except ValueError:  # a TOML date or time: marshal has no such type, parsed every time
        pass
    return table


def know(tables: dict) -> None:
    """Tables parsed from the very bytes of the files in use (see cache.tables)."""
    _KNOWN.update((name, table) for name, table in tables.items() if type(name) is str and type(table) is bytes)


def parsed() -> dict[str, bytes]:
    """The tables this process parsed that it was not given."""
    return {name: table for name, table in _PARSED.items() if name not in _KNOWN}


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


@cache
def load_table(name: str) -> dict:
    return parse(data_dir("rules") / f"{name}.toml")

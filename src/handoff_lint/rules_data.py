"""Pattern and lookup tables kept as data in ``rules/*.toml`` (placeholders, privacy patterns, ...),
and the one place that parses a rules file.

Importing tomllib and parsing the rules cost a run ~13 ms, as much as the rest of a one-file
run over a warm cache; a run with a cache takes the tables an earlier run parsed from it
instead (cache.py keeps them while every rules file has the stamp it had then).
"""

from __future__ import annotations

import marshal
from functools import lru_cache
from pathlib import Path

from handoff_lint.resources import data_dir

_KNOWN: dict[str, bytes] = {}  # file name -> its table, marshalled: from the cache (see know)
_PARSED: dict[str, bytes] = {}  # file name -> its table, marshalled when this process parsed it


def tomllib():
    """The TOML parser (imported when first needed)."""
    try:  # Python 3.11+
        import tomllib as parser
    except ModuleNotFoundError:  # pragma: no cover - exercised on 3.9/3.10 only
        import tomli as parser  # type: ignore[no-redef]
    return parser


def parse(path: Path) -> dict:
    """The table in the rules file ``path``: the cache's copy if it has one, else parsed."""
    known = _KNOWN.get(path.name)
    if known is not None:
        return marshal.loads(known)
    with path.open("rb") as handle:
        table = tomllib().load(handle)
    try:
        _PARSED[path.name] = marshal.dumps(table)  # a copy now: callers may change the table
    except ValueError:  # a TOML date or time: marshal has no such type, parse it every time
        pass
    return table


def know(tables: dict[str, bytes]) -> None:
    """Tables an earlier run parsed from rules files that have not changed since."""
    _KNOWN.update(tables)


def parsed() -> dict[str, bytes]:
    """The tables this process parsed (for the cache to keep)."""
    return dict(_PARSED)


@lru_cache(maxsize=None)
def load_table(name: str) -> dict:
    return parse(data_dir("rules") / f"{name}.toml")

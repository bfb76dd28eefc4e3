"""Pattern and lookup tables kept as data in ``rules/*.toml`` (placeholders, privacy patterns, ...)
and the JSON Schemas in ``schemas/``, and the one place that parses those files.

Importing tomllib and parsing the rules cost a run ~13 ms, as much as the rest of a one-file
run over a warm cache (json and the schemas 3 ms more); a run with a cache takes the tables an
earlier run parsed from it instead (cache.py keeps them while every file has the stamp it had
then). Tables are named by folder and file name: ``rules/privacy.toml``.
"""

from __future__ import annotations

import marshal
import os
from functools import lru_cache
from pathlib import Path

from handoff_lint.filestamp import data_stamp
from handoff_lint.resources import data_dir

_KNOWN: dict[str, tuple[tuple, bytes]] = {}  # table name -> (stamp, table marshalled): from the cache
_PARSED: dict[str, tuple[tuple, bytes]] = {}  # table name -> (stamp, table marshalled): parsed here
_USED: dict[str, tuple] = {}  # table name -> the stamp of the file its table in use came from


def tomllib():
    """The TOML parser (imported when first needed)."""
    try:  # Python 3.11+
        import tomllib as parser
    except ModuleNotFoundError:  # pragma: no cover - exercised on 3.9/3.10 only
        import tomli as parser  # type: ignore[no-redef]
    return parser


def parse(path: Path) -> dict:
    """The table in the rules file or schema ``path`` (TOML, or JSON for a .json name): the
    cache's copy if it has one, else parsed."""
    name = f"{path.parent.name}/{path.name}"
    known = _KNOWN.get(name)
    if known is not None:
        _USED[name] = known[0]
        return marshal.loads(known[1])
    with path.open("rb") as handle:
        stamped = _USED[name] = data_stamp(os.fstat(handle.fileno()))  # of what is read
        if path.suffix == ".json":
            import json

            table = json.load(handle)
        else:
            table = tomllib().load(handle)
    try:
        _PARSED[name] = (stamped, marshal.dumps(table))  # a copy now: callers may change the table
    except ValueError:  # a TOML date or time: marshal has no such type, parse it every time
        pass
    return table


def know(tables: dict[str, bytes], stamps: dict[str, tuple]) -> None:
    """Tables an earlier run parsed from files that have not changed since (``stamps``: by table
    name, the stamps the files have)."""
    _KNOWN.update((name, (stamps[name], table)) for name, table in tables.items() if name in stamps)


def used() -> dict[str, tuple]:
    """By table name, the stamp of the file each table this process holds came from: a process
    that read a rules file before it was edited holds the old rules (the tables are kept for
    the process's life), and must not fill the cache of the new ones."""
    return dict(_USED)


def parsed() -> dict[str, tuple[tuple, bytes]]:
    """The tables this process parsed, with the stamp each file had (for the cache to keep)."""
    return dict(_PARSED)


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

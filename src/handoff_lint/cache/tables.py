"""The parsed rule and schema files, kept beside the cache under a digest of their bytes.

Parsing the TOML rule files cost a commit's run about 12 ms (tomllib is pure Python). The data
file ``data-<digest>.bin`` holds every table a run parsed, marshalled; it is used only when the
bytes of every rule and schema file digest to the same value (any edit, even one that keeps the
files' times, names another file), and it checks itself like any cache file.
"""

from __future__ import annotations

import os
import sys

from handoff_lint import __version__
from handoff_lint.cache import store
from handoff_lint.cache.key import data_digest
from handoff_lint.data import rules_data


def path(folder: str) -> str:
    return os.path.join(folder, f"data-{data_digest()}-{sys.implementation.cache_tag}-{__version__}.bin")


def load(folder: str) -> None:
    """Give :mod:`handoff_lint.data.rules_data` the tables parsed from these exact files, if a
    run kept them in ``folder`` (a folder that is not safe to use is not read)."""
    if os.path.isdir(folder) and store.unsafe(folder) is None:
        rules_data.know(store.load(path(folder)))


def save(folder: str) -> None:
    """Keep the tables this process parsed, if it parsed any the data file lacks."""
    parsed = rules_data.parsed()
    if parsed:
        store.save(path(folder), {**store.load(path(folder)), **parsed})

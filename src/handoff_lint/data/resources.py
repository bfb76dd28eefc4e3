"""Where handoff-lint's own files are: the data folders (``schemas/``, ``rules/``) in an installed
wheel or a source checkout, and the cache folder."""

from __future__ import annotations

import os

PACKAGE_DIR = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))  # handoff_lint/


def data_folder(name: str) -> str | None:
    """The folder ``name`` shipped in the wheel, or the one at the top of a checkout, or None.

    The wheel carries ``schemas/`` and ``rules/`` inside the package (see ``pyproject.toml``);
    an editable install or a plain checkout reads them from the repository's top level.
    """
    for candidate in (
        os.path.join(PACKAGE_DIR, name),
        os.path.join(os.path.dirname(os.path.dirname(PACKAGE_DIR)), name),
    ):
        if os.path.isdir(candidate):
            return candidate
    return None


_DATA_DIRS: dict = {}


def data_dir(name: str):
    """:func:`data_folder` as a Path; a missing folder is an error."""
    found = _DATA_DIRS.get(name)
    if found is None:
        from pathlib import Path

        folder = data_folder(name)
        if folder is None:
            raise FileNotFoundError(f"handoff-lint data folder {name!r} not found next to {PACKAGE_DIR}")
        found = _DATA_DIRS[name] = Path(folder)
    return found


def cache_folder(explicit: str | None) -> str:
    """--cache-dir, else HANDOFF_LINT_CACHE_DIR, else the user's cache folder
    ($XDG_CACHE_HOME/handoff-lint or ~/.cache/handoff-lint): nothing is written into the
    repository being checked."""
    chosen = explicit or os.environ.get("HANDOFF_LINT_CACHE_DIR")
    if chosen:
        return chosen
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "handoff-lint")

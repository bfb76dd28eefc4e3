"""Find the data folders (``schemas/``, ``rules/``) in an installed wheel or a source checkout."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


@lru_cache(maxsize=None)
def data_dir(name: str) -> Path:
    """Return the folder ``name`` shipped in the wheel, or the one at the top of a checkout.

    The wheel carries ``schemas/`` and ``rules/`` inside the package (see ``pyproject.toml``);
    an editable install or a plain checkout reads them from the repository's top level.
    """
    for candidate in (_PACKAGE_DIR / name, _PACKAGE_DIR.parent.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"handoff-lint data folder {name!r} not found next to {_PACKAGE_DIR}")

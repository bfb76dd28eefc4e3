"""``exclude`` and ``per-file-ignores``: gitignore-style patterns, relative to the config file.

Patterns follow ``.gitignore`` (via ``pathspec``, the matcher black and others use): ``archive/`` matches a folder anywhere,
``/models/old`` only at the base, ``**/drafts/*.md`` at any depth. They are matched against the
path relative to the folder of the config file that set them (the working directory when the
patterns come from the command line), as ruff does.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path


class PathFilter:
    def __init__(self, base: Path, exclude=(), per_file_ignores: dict | None = None) -> None:
        self.base = Path(os.path.abspath(base))
        self._exclude = _spec(tuple(exclude)) if exclude else None
        self._ignores = [(_spec((pattern,)), tuple(codes)) for pattern, codes in (per_file_ignores or {}).items()]
        self._patterns = list(per_file_ignores or {})

    def __bool__(self) -> bool:
        return bool(self._exclude or self._ignores)

    def relative(self, path: str | Path) -> str | None:
        """``path`` relative to the base with '/' separators, or None if it lies outside."""
        absolute = os.path.abspath(path)
        try:
            relative = os.path.relpath(absolute, self.base)
        except ValueError:
            return None
        if relative == ".." or relative.startswith(".." + os.sep):
            return None
        return relative.replace(os.sep, "/")

    def excluded(self, path: str | Path) -> bool:
        if self._exclude is None:
            return False
        relative = self.relative(path)
        if relative is None:
            return False
        if os.path.isdir(path):
            relative += "/"
        return self._exclude.match_file(relative)

    def ignoring(self, path: str | Path) -> list[tuple[str, tuple[str, ...]]]:
        """The per-file-ignores entries, (pattern, codes), that match ``path``."""
        relative = self.relative(path) if self._ignores else None
        if relative is None:
            return []
        entries = zip(self._patterns, self._ignores, strict=False)
        return [(pattern, codes) for pattern, (spec, codes) in entries if spec.match_file(relative)]

    def ignored_codes(self, path: str | Path) -> tuple[str, ...]:
        """The code prefixes that per-file-ignores switch off for ``path``."""
        relative = self.relative(path) if self._ignores else None
        if relative is None:
            return ()
        return tuple(code for spec, codes in self._ignores if spec.match_file(relative) for code in codes)


def check_pattern(pattern: str) -> None:
    """Raise ValueError (naming what is wrong) if ``pattern`` is no gitignore-style pattern."""
    import re

    try:
        _spec((pattern,))
    except re.error as error:  # its position is in the regular expression made of the pattern: not said
        raise ValueError(error.msg) from None
    except ValueError as error:  # pathspec's GitIgnorePatternError
        raise ValueError(str(error)) from None


@lru_cache(maxsize=64)
def _spec(patterns: tuple[str, ...]):
    import pathspec  # imported only when a configuration sets patterns

    return pathspec.GitIgnoreSpec.from_lines(patterns)

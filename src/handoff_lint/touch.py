"""Touch: the one function every path the tool will create, move into, rename or rewrite goes
through. It resolves the path as the system will (every symbolic link in it followed, the last
one too) and refuses unless that real path lies inside the handoff root's real path: a linked
``archive/``, ``responses/`` or a dangling link named like the target must never make a
``--fix``, ``new``, ``respond`` or ``init`` write outside the folder the user asked about.
"""

from __future__ import annotations

import os
from pathlib import Path


class TouchError(RuntimeError):
    """A path the tool was about to write resolves outside the handoff root."""


def inside_root(path: str | os.PathLike, root: str | os.PathLike) -> Path:
    """The real path of ``path`` (which need not exist yet), if it lies inside ``root``'s real
    path; else TouchError naming both. Call it right before the mkdir, move or write."""
    from handoff_lint.show import shown

    real_root = os.path.realpath(root)
    real = os.path.realpath(path)
    try:
        ok = os.path.commonpath([real, real_root]) == real_root
    except ValueError:  # another drive on Windows
        ok = False
    if ok:  # realpath leaves a looping link unresolved: a link still on the way in is refused
        here = real
        while ok and len(here) > len(real_root):
            ok = not os.path.islink(here)
            here = os.path.dirname(here)
    if not ok:
        raise TouchError(shown(f"{_relative(path)}: refused: it leads to {real}, outside the handoff folder {_relative(root)} (or a link loop)"))
    return Path(real)


def leads_out(path: str | os.PathLike, root: str | os.PathLike) -> bool:
    """Does ``path`` (a file or folder of the handoff root) resolve outside it?"""
    try:
        inside_root(path, root)
    except TouchError:
        return True
    return False


def _relative(path: str | os.PathLike) -> str:
    """``path`` as the user would write it from here (the tool's other messages show it so)."""
    try:
        return os.path.relpath(path).replace(os.sep, "/")
    except ValueError:  # another drive on Windows
        return os.fspath(path)

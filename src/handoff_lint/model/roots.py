"""Which handoff roots a command acts on, found as pre-commit finds the repository's top: the
root a path is or lies in, the roots below a folder, a repository's roots from any folder of it
(``src/app``), and where ``--stdin-filename`` lands. Every function takes the configured roots
(model/kinds.configured) as a value.

A repository's roots are those its files show by discovery's rule (history/scope.roots_of over
``git ls-files --cached --others --exclude-standard``: untracked folders count, ignored ones do
not), confirmed on disk, plus the configured roots that exist. Outside a repository the folders
below are walked (hidden and tool folders left out, links not followed).
"""

from __future__ import annotations

import os
from pathlib import Path

from handoff_lint.model.kinds import NO_ROOTS, classify, inside, is_handoff_root, place_of

PRUNED = frozenset({"node_modules", "__pycache__", "venv", ".git"})
WALK_DEPTH = 4  # outside a repository, folders this deep below the one named are looked at (docs/a/b/next-local)


def _protocol_folders() -> frozenset[str]:
    from handoff_lint.data.protocols import shipped_folders

    return shipped_folders()


def root_at(path: str | os.PathLike, roots: frozenset[Path] = NO_ROOTS) -> Path | None:
    """The handoff root the folder ``path`` is or lies in (for a file: its folder's), or None."""
    absolute = os.path.abspath(path)
    if not os.path.isdir(absolute):
        absolute = os.path.dirname(absolute)
    return place_of(absolute, roots)[1]


def repository_top(folder: str | os.PathLike = ".") -> Path | None:
    """The top of the git work tree holding ``folder``, reached from it by ``..`` (links on the
    way kept, so that paths shown stay relative to the working folder), or None."""
    from handoff_lint.git import GitError, git

    try:
        up = git(["rev-parse", "--show-cdup"], Path(folder)).decode("utf-8", "surrogateescape").strip()
    except GitError:
        return None
    return Path(os.path.normpath(os.path.join(os.path.abspath(folder), up)))


def repository_roots(top: Path, roots: frozenset[Path] = NO_ROOTS) -> list[Path]:
    """The handoff roots of the repository whose top is ``top``, sorted."""
    from handoff_lint.git import GitError, git
    from handoff_lint.history.scope import roots_of

    try:
        listed = git(["ls-files", "-z", "--cached", "--others", "--exclude-standard"], top)
    except GitError:
        return _walked_roots(top, roots)
    names = [name for name in listed.decode("utf-8", "surrogateescape").split("\0") if name]
    found = {Path(os.path.normpath(os.path.join(top, folder))) for folder in roots_of(names)}
    # git lists a link to a folder as a file: one named for a protocol is a root to report (a
    # root leading out of the repository is refused where it is used, never walked)
    protocol_names = _protocol_folders()
    linked = [name for name in names if name.rsplit("/", 1)[-1] in protocol_names]
    found |= {Path(top, name) for name in linked if os.path.isdir(top / name)}
    found |= {root for root in roots if inside(root, [str(top)])}
    return sorted(root for root in found if os.path.isdir(root) and is_handoff_root(root, roots))


def roots_below(folder: str | os.PathLike, roots: frozenset[Path] = NO_ROOTS) -> list[Path]:
    """The handoff roots at or below ``folder``, sorted."""
    absolute = os.path.abspath(folder)
    top = repository_top(absolute)
    found = repository_roots(top, roots) if top is not None else _walked_roots(Path(absolute), roots)
    return [root for root in found if inside(root, [absolute])]


def _walked_roots(folder: Path, roots: frozenset[Path]) -> list[Path]:
    """Outside a repository: the roots found by walking the folders below ``folder``, at most
    WALK_DEPTH deep (a home folder is not walked whole; a root's own folders are not walked)."""
    found = {root for root in roots if inside(root, [str(folder)]) and os.path.isdir(root)}
    pending = [(str(folder), 0)]
    while pending:
        current, depth = pending.pop()
        if is_handoff_root(Path(current), roots):
            found.add(Path(current))
            continue
        try:
            with os.scandir(current) as entries:
                for entry in entries:
                    name = entry.name
                    if name.startswith(".") or name in PRUNED or not entry.is_dir():
                        continue
                    if not entry.is_symlink():
                        if depth < WALK_DEPTH:
                            pending.append((entry.path, depth + 1))
                    elif is_handoff_root(Path(entry.path), roots):  # reported, never walked
                        found.add(Path(entry.path))
        except OSError:
            continue
    return sorted(found)


def candidates(paths, roots: frozenset[Path] = NO_ROOTS) -> tuple[list[Path], list[str]]:
    """The roots ``paths`` name (each one the root it is or lies in, else the roots below it), in
    order, once each; and the paths that hold none. No path: the root the working folder is or
    lies in, else those below it, else (from a folder of a repository without any) the
    repository's."""
    if not paths:
        here = root_at(".", roots)
        if here is not None:
            return [here], []
        found = roots_below(".", roots)
        if not found:
            top = repository_top(".")
            found = repository_roots(top, roots) if top is not None else []
        return found, [] if found else ["."]
    chosen: dict[Path, None] = {}
    empty = []
    for path in paths:
        at = root_at(path, roots)
        found = [at] if at is not None else roots_below(path, roots)
        if not found:
            empty.append(os.fspath(path))
        chosen.update(dict.fromkeys(found))
    return list(chosen), empty


def default_paths(roots: frozenset[Path] = NO_ROOTS) -> tuple[list[str], list[Path]]:
    """What ``handoff-lint`` with no path checks: the working folder, and, when it neither is, lies
    in nor holds a handoff root, the roots of the repository it lies in (second: those roots)."""
    if root_at(".", roots) is not None:
        return ["."], []
    top = repository_top(".")
    if top is None or os.path.samefile(top, "."):
        return ["."], []
    found = repository_roots(top, roots)
    cwd = os.path.abspath(".")
    if any(inside(root, [cwd]) for root in found):
        return ["."], []
    return [".", *(os.path.relpath(root) for root in found)], found


def stdin_path(name: str, roots: frozenset[Path] = NO_ROOTS) -> tuple[Path, bool]:
    """Where ``--stdin-filename NAME`` lands: NAME against the working folder, then against the
    repository's top (a model writes the repository path from anywhere): the first whose folder
    exists, else the first that lies in a handoff root, else the working folder's. Second: does
    it lie in a handoff root?"""
    here = Path(os.path.abspath(name))
    options = [here]
    if not os.path.isabs(name) and not os.path.isdir(here.parent):  # git is asked only when needed
        top = repository_top(".")
        if top is not None and top != Path(os.getcwd()):
            options.append(Path(os.path.normpath(os.path.join(top, name))))
    existing = [option for option in options if os.path.isdir(option.parent)]
    rooted = [option for option in options if classify(option, roots)[1] is not None]
    chosen = next(iter(existing or rooted), here)
    return chosen, classify(chosen, roots)[1] is not None

"""Expand the paths given on the command line into files, each with its kind and handoff root
(model/kinds.py says what a file is; this module walks folders).

A folder walk takes every file inside a handoff root, at any depth, hidden ones too, ``.git``
left out; markdown only outside one. A walk never follows a link to a folder: one leading out of
its handoff root, or a handoff root leading out of the repository, is taken as a file that
reading reports as HL005 (see :mod:`handoff_lint.touch`), as the command's access (the folders it
named) judges.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from handoff_lint.findings import printable
from handoff_lint.model.kinds import (
    KIND_BY_FOLDER,
    MARKDOWN_SUFFIXES,
    NO_ROOTS,
    SourceFile,
    classify,
    display_path,
    is_handoff_root,
    kind_in,
    place_of,
)
from handoff_lint.touch import Access

PRUNED_DIRS = frozenset({"node_modules", "__pycache__", "venv"})


def _walk(
    folder: Path, excluded, roots: frozenset[Path], access: Access
) -> Iterator[tuple[str, str, str, Path | None]]:
    """(folder, name, path, root) of the files under ``folder`` to check, sorted, in os.walk's
    order: inside a handoff root every file at any depth (hidden ones too; ``.git`` left out, as
    gitleaks leaves it out), elsewhere markdown only (no hidden or tool folders). Symbolic links
    to folders are never followed: inside a root, one leading out of it is taken as a file (HL005
    when read); elsewhere, one that is a handoff root leading out of the repository is taken with
    itself as its root (HL005). ``root``: that linked root, else None (the folder decides).
    Paths are strings: a Path per file cost more than the rest of discovery. ``roots``: the
    configured handoff roots (model/kinds.configured); ``access``: the command's (touch.Access)."""
    pending = [str(folder)]
    while pending:
        current = pending.pop()
        try:
            with os.scandir(current) as found:
                entries = list(found)
        except OSError:  # as os.walk: a folder that cannot be listed is skipped
            continue
        here = Path(current)
        root = place_of(os.path.abspath(current), roots)[1]
        # every file of a handoff root is taken (privacy and credential checks read any text
        # file: notes.txt, .env); elsewhere markdown only
        every = root is not None or here.name in KIND_BY_FOLDER
        dirs, files, linked = [], [], []
        for entry in entries:
            name = entry.name
            if root is not None and name == ".git":
                continue
            try:
                is_dir, is_link = entry.is_dir(), entry.is_symlink()
            except OSError:
                is_dir, is_link = False, False
            if not is_dir:
                files.append(name)
            elif is_link:
                if root is not None:
                    if access.leads_out(entry.path, root):
                        files.append(name)
                else:
                    own = Path(os.path.abspath(entry.path))
                    if is_handoff_root(own, roots) and access.root_outside(own) is not None:
                        linked.append((name, own))
            elif root is not None or not (name.startswith(".") or name in PRUNED_DIRS):
                dirs.append(name)
        shown = str(here)
        prefix = os.path.join(shown, "")
        for name in sorted(files):
            if every or _takes(name):
                path = prefix + name
                if not excluded(path):
                    yield shown, name, path, None
        for name, own in sorted(linked):
            if not excluded(prefix + name):
                yield shown, name, prefix + name, own
        pending.extend(os.path.join(current, name) for name in sorted(dirs, reverse=True))


def _takes(name: str) -> bool:
    """A file a walk takes outside lifecycle folders: markdown (by pathlib's idea of the suffix) and .desc."""
    dot = name.rfind(".")
    return (0 < dot < len(name) - 1 and name[dot:].lower() in MARKDOWN_SUFFIXES) or name == ".desc"


def wanted(path: Path, roots: frozenset[Path] = NO_ROOTS) -> bool:
    """Files a folder walk (and ``--staged``) takes: markdown, and everything in lifecycle
    folders and, at any depth, in a handoff root."""
    if path.parent.name in KIND_BY_FOLDER or _takes(path.name):
        return True
    return path.name != ".git" and classify(path, roots)[1] is not None


def from_blobs(blobs, excluded=None, roots: frozenset[Path] = NO_ROOTS) -> list[SourceFile]:
    """SourceFiles for staged contents, named by their work-tree paths, in a stable order."""
    cwd = Path.cwd()
    chosen = sorted(path for path in blobs if wanted(path, roots) and not (excluded and excluded(path)))
    return [
        SourceFile(path, printable(display_path(path, cwd)), *classify(path, roots), os.path.abspath(path))
        for path in chosen
    ]


@lru_cache(maxsize=4096)
def _folder_display(folder: str, cwd: Path) -> str:
    return display_path(Path(folder or "."), cwd)


@lru_cache(maxsize=4096)
def _absolute(folder: str, cwd: Path) -> str:
    """os.path.abspath, with cwd asked once; but a '..' is resolved as the system does, after
    the links before it (``a/link/..`` is the folder above the link's target, not ``a``): the
    stat layer must stamp the very file that is read. Links after the last '..' are kept, as
    everywhere else."""
    parts = os.path.join(cwd, folder).split(os.sep)
    if ".." not in parts:
        return os.path.normpath(os.sep.join(parts))
    rest = len(parts) - parts[::-1].index("..")  # the parts after the last '..'
    return os.path.normpath(os.path.join(os.path.realpath(os.sep.join(parts[:rest])), *parts[rest:]))


def absolute(path: str | Path) -> str:
    """``path`` made absolute as discovery makes its files' folders (see _absolute)."""
    return _absolute(os.fspath(path), Path.cwd())


def _leads_out(folder: Path, roots: frozenset[Path], access: Access) -> tuple[bool, Path | None]:
    """Is ``folder`` (given on the command line) a link leading out of its handoff root, or
    (second) the handoff root it is or lies in, when that root's real path leads out of the
    repository? Then it is not walked but taken as a file: reading it reports HL005 (Touch:
    never followed)."""
    own = place_of(os.path.abspath(folder), roots)[1]  # the root it is or lies in
    if own is not None and access.root_outside(own) is not None:
        return True, own
    if not os.path.islink(folder):
        return False, None
    root = classify(folder, roots)[1]
    if root is None:  # a link the user named outside any handoff folder: theirs to follow
        return False, None
    return access.leads_out(folder, root), None


def discover(
    paths: Iterable[str | Path], excluded=lambda path: False, roots: frozenset[Path] = NO_ROOTS, *, access: Access
) -> tuple[list[SourceFile], list[str]]:
    """Files to check, in a stable order, plus the paths that do not exist (usage errors).
    ``roots``: the configured handoff roots (model/kinds.configured); ``access``: the command's
    (touch.Access), by which a root or a link leading out is judged.

    Files named explicitly are always taken (a pre-commit hook passes exactly what is staged);
    folders are walked for markdown. Each file appears once. The work that depends on a file's
    folder only (its display prefix, absolute path, place in a handoff root) is done once per folder.
    """
    cwd = Path.cwd()
    found: dict[str, SourceFile] = {}
    missing: list[str] = []
    for given in paths:
        path = Path(given)
        out, own = _leads_out(path, roots, access) if os.path.isdir(path) else (False, None)
        if os.path.isdir(path) and not out:
            candidates: Iterable[tuple[str, str, str | Path, Path | None]] = _walk(path, excluded, roots, access)
        elif os.path.exists(path) or os.path.islink(path):
            candidates = [] if excluded(path) else [(*os.path.split(path), path, own)]
        else:
            missing.append(str(given))
            continue
        last = None
        for folder, name, candidate, linked_root in candidates:
            if folder != last:  # one relpath, abspath and place per folder, not per file
                absolute = _absolute(folder, cwd)
                last, base = folder, _folder_display(absolute, cwd)  # as the system resolves it
                place, root = place_of(absolute, roots)
                prefix = os.path.join(absolute, "")
            key = name if base == "." else f"{base}/{name}"
            if key not in found:
                # A newline or an escape sequence in a file name, or a byte that is not UTF-8,
                # reaches every report: show it escaped (an unencodable name stopped the run).
                kind, in_root = kind_in(place, root, name)
                found[key] = SourceFile(candidate, printable(key), kind, linked_root or in_root, prefix + name)
    return list(found.values()), missing

"""Expand the paths given on the command line into files, each with a *kind* from where it sits.

A *handoff root* is a folder that holds ``handoff-template.md``, or two of ``active/``,
``responses/`` and ``archive/``, or is named for a protocol (``next-local``, ``next-larger``) and
holds one of them. Each root follows a *protocol* (:func:`protocol_of`). Inside a root:
``active/`` and ``archive/`` hold handoffs, ``responses/`` responses, ``examples/`` examples
of either, by name (a file named like a response is one, any other an example handoff); ``handoff-template.md`` is the template; ``README.md`` and ``.desc`` are skipped.
Every other file is *unclassified*: privacy and credential checks still read it (a folder walk
takes every file inside a handoff root, at any depth, hidden ones too, ``.git`` left out;
markdown only outside one). A walk never follows a link to a folder: one leading out of its
handoff root, or a handoff root leading out of the repository, is taken as a file that reading
reports as HL005 (see :mod:`handoff_lint.touch`).
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator, NamedTuple

from handoff_lint.findings import printable

HANDOFF, RESPONSE, EXAMPLE, TEMPLATE, SKIPPED, UNCLASSIFIED = (
    "handoff",
    "response",
    "example",
    "template",
    "skipped",
    "unclassified",
)
KIND_BY_FOLDER = {"active": HANDOFF, "archive": HANDOFF, "responses": RESPONSE, "examples": EXAMPLE}
LIFECYCLE_FOLDERS = ("active", "responses", "archive")
TEMPLATE_NAME = "handoff-template.md"
SKIPPED_NAMES = frozenset({"README.md", ".desc"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
PRUNED_DIRS = frozenset({"node_modules", "__pycache__", "venv"})


class SourceFile(NamedTuple):  # a tuple, not a frozen dataclass: a walk makes thousands
    path: str | Path  # as given (a Path) or found (a str), not resolved: a symlink stays a symlink
    display: str  # relative to the working directory when possible, '/' separators, printable
    kind: str
    root: Path | None  # the handoff root it belongs to, if any
    absolute: str = ""  # the absolute path (symlinks kept), when discovery knows it


_EXTRA_ROOTS: set[Path] = set()


def add_roots(folders) -> None:
    """Folders the configuration names as handoff roots (``roots``), absolute."""
    new = {Path(os.path.abspath(f)) for f in folders} - _EXTRA_ROOTS
    if new:
        _EXTRA_ROOTS.update(new)
        is_handoff_root.cache_clear()
        _place.cache_clear()
        _root_above.cache_clear()


@lru_cache(maxsize=4096)
def is_handoff_root(folder: Path) -> bool:
    if folder in _EXTRA_ROOTS or os.path.isfile(folder / TEMPLATE_NAME):
        return True
    present = sum(os.path.isdir(folder / name) for name in LIFECYCLE_FOLDERS)
    return present >= 2 or (present == 1 and folder.name in _protocol_folders())


@lru_cache(maxsize=1)
def _protocol_folders() -> frozenset[str]:
    from handoff_lint.data.protocols import shipped_folders

    return shipped_folders()


def protocol_of(root: Path | None, config=None):
    """The protocol (data/protocols.py) the handoff root ``root`` follows: the one its folder's
    name names (a team's own first, from ``config``), else the one its template's title names,
    else next-local. ``None`` (a file outside any root): next-local."""
    from handoff_lint.data.protocols import team_entries

    return _protocol_of(None if root is None else str(root), team_entries(config) if config is not None else ())


@lru_cache(maxsize=256)
def _protocol_of(root: str | None, team):
    from handoff_lint.data.protocols import choose, known

    if root is None:
        return known(team)[1]
    folder = os.path.basename(root.rstrip(os.sep))
    protocols, _default = known(team)
    if any(protocol.names_folder(folder) for protocol in protocols):
        return choose(folder, None, team)
    return choose(folder, template_title(Path(root)), team)


def cache_kind(kind: str, root: Path | None, config) -> str:
    """What the cache keys a text by besides its name: its kind and its root's protocol (one text
    is another answer in next-larger/ than in next-local/)."""
    return f"{kind}\0{protocol_of(root, config).name}"


def template_title(root: Path) -> str | None:
    """The title (first ``# `` heading, without emoji) of the root's handoff-template.md, or None
    if it has none or cannot be read (a link leading out of the root is not followed)."""
    path = root / TEMPLATE_NAME
    if not os.path.isfile(path):
        return None
    from handoff_lint.engine.reading import read_text
    from handoff_lint.parse.names import undecorated

    text, problem = read_text(path, TEMPLATE_NAME, root=root)
    if problem is not None or text is None:
        return None
    for line in text.split("\n", 200)[:200]:
        if line.startswith("# "):
            return undecorated(line[2:].strip())
    return None


def classify(path: Path) -> tuple[str, Path | None]:
    """The kind of ``path`` and its handoff root (``None`` outside any root)."""
    folder, name = os.path.split(os.path.abspath(path))  # symlinks kept: no dependence on cwd
    return _kind(*_place(folder), name)


def _kind(place: str | None, root: Path | None, name: str) -> tuple[str, Path | None]:
    """classify() of the file ``name`` in a folder that is ``place`` of ``root`` (see _place)."""
    if place == "root":
        if name == TEMPLATE_NAME:
            return TEMPLATE, root
        return (SKIPPED if name in SKIPPED_NAMES else UNCLASSIFIED), root
    if place in KIND_BY_FOLDER:
        if name in SKIPPED_NAMES:
            return SKIPPED, root
        if is_markdown(name):
            if place == "examples" and is_response_name(name):
                return RESPONSE, root  # an example response: checked as a response, by its name
            return KIND_BY_FOLDER[place], root
    return UNCLASSIFIED, root


def is_response_name(name: str) -> bool:
    """Is ``name`` named as a response (``response-...``, ``YYYY-MM-DD-response-to-...``),
    as the lifecycle file-name forms write one? Used where the folder does not say (examples/)."""
    lowered = name.lower()
    return lowered.startswith("response") or (len(lowered) > 11 and lowered[10:].startswith("-response") and lowered[:4].isdigit())


def is_markdown(name: str) -> bool:
    """Is ``os.path.splitext(name)[1]`` .md or .markdown, in any case? (a leading dot starts no
    extension). Asked for every name of a large folder: without splitext's cost."""
    dot = name.rfind(".")
    return dot > 0 and name[dot:].lower() in MARKDOWN_SUFFIXES and name[:dot].strip(".") != ""


@lru_cache(maxsize=4096)
def _place(folder: str) -> tuple[str | None, Path | None]:
    """What a folder is: ``("root", root)``, a lifecycle or examples folder of a root
    (``("active", root)``...), a deeper folder inside a root (``(None, root)``), or nothing.
    Asked once per folder, not once per file."""
    here = Path(folder)
    if is_handoff_root(here):
        return "root", here
    if here.name in KIND_BY_FOLDER and is_handoff_root(here.parent):
        return here.name, here.parent
    return None, _root_above(os.path.dirname(folder))  # deeper files, at any depth: active/a/b/c/d/.env


@lru_cache(maxsize=4096)
def _root_above(folder: str) -> Path | None:
    """The nearest handoff root at or above ``folder``; each folder asked once."""
    if is_handoff_root(Path(folder)):
        return Path(folder)
    parent = os.path.dirname(folder)
    return None if parent == folder else _root_above(parent)


def display_path(path: Path, cwd: Path | None = None) -> str:
    cwd = cwd or Path.cwd()
    absolute = path if path.is_absolute() else cwd / path
    try:
        return os.path.relpath(absolute, cwd).replace(os.sep, "/")
    except ValueError:  # another drive on Windows
        return absolute.as_posix()


def inside(path: str | Path, folders: list[str]) -> bool:
    """Is ``path`` one of the absolute ``folders`` or inside one of them?"""
    if not folders:
        return False
    absolute = os.path.abspath(path)
    return any(absolute == folder or absolute.startswith(folder.rstrip(os.sep) + os.sep) for folder in folders)


def _walk(folder: Path, excluded) -> Iterator[tuple[str, str, str, Path | None]]:
    """(folder, name, path, root) of the files under ``folder`` to check, sorted, in os.walk's
    order: inside a handoff root every file at any depth (hidden ones too; ``.git`` left out, as
    gitleaks leaves it out), elsewhere markdown only (no hidden or tool folders). Symbolic links
    to folders are never followed: inside a root, one leading out of it is taken as a file (HL005
    when read); elsewhere, one that is a handoff root leading out of the repository is taken with
    itself as its root (HL005). ``root``: that linked root, else None (the folder decides).
    Paths are strings: a Path per file cost more than the rest of discovery."""
    from handoff_lint.touch import leads_out, root_outside

    pending = [str(folder)]
    while pending:
        current = pending.pop()
        try:
            with os.scandir(current) as found:
                entries = list(found)
        except OSError:  # as os.walk: a folder that cannot be listed is skipped
            continue
        here = Path(current)
        root = _place(os.path.abspath(current))[1]
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
                    if leads_out(entry.path, root):
                        files.append(name)
                else:
                    own = Path(os.path.abspath(entry.path))
                    if is_handoff_root(own) and root_outside(own) is not None:
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


def wanted(path: Path) -> bool:
    """Files a folder walk (and ``--staged``) takes: markdown, and everything in lifecycle
    folders and, at any depth, in a handoff root."""
    if path.parent.name in KIND_BY_FOLDER or _takes(path.name):
        return True
    return path.name != ".git" and classify(path)[1] is not None


def from_blobs(blobs, excluded=None) -> list[SourceFile]:
    """SourceFiles for staged contents, named by their work-tree paths, in a stable order."""
    cwd = Path.cwd()
    chosen = sorted(path for path in blobs if wanted(path) and not (excluded and excluded(path)))
    return [SourceFile(path, printable(display_path(path, cwd)), *classify(path), os.path.abspath(path)) for path in chosen]


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


def _leads_out(folder: Path) -> tuple[bool, Path | None]:
    """Is ``folder`` (given on the command line) a link leading out of its handoff root, or
    (second) the handoff root it is or lies in, when that root's real path leads out of the
    repository? Then it is not walked but taken as a file: reading it reports HL005 (Touch:
    never followed)."""
    from handoff_lint.touch import leads_out, root_outside

    own = _place(os.path.abspath(folder))[1]  # the root it is or lies in
    if own is not None and root_outside(own) is not None:
        return True, own
    if not os.path.islink(folder):
        return False, None
    root = classify(folder)[1]
    if root is None:  # a link the user named outside any handoff folder: theirs to follow
        return False, None
    return leads_out(folder, root), None


def discover(paths: Iterable[str | Path], excluded=lambda path: False) -> tuple[list[SourceFile], list[str]]:
    """Files to check, in a stable order, plus the paths that do not exist (usage errors).

    Files named explicitly are always taken (a pre-commit hook passes exactly what is staged);
    folders are walked for markdown. Each file appears once. The work that depends on a file's
    folder only (its display prefix, absolute path, place in a handoff root) is done once per folder.
    """
    cwd = Path.cwd()
    found: dict[str, SourceFile] = {}
    missing: list[str] = []
    for given in paths:
        path = Path(given)
        out, own = _leads_out(path) if os.path.isdir(path) else (False, None)
        if os.path.isdir(path) and not out:
            candidates: Iterable[tuple[str, str, str | Path, Path | None]] = _walk(path, excluded)
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
                place, root = _place(absolute)
                prefix = os.path.join(absolute, "")
            key = name if base == "." else f"{base}/{name}"
            if key not in found:
                # A newline or an escape sequence in a file name, or a byte that is not UTF-8,
                # reaches every report: show it escaped (an unencodable name stopped the run).
                kind, in_root = _kind(place, root, name)
                found[key] = SourceFile(candidate, printable(key), kind, linked_root or in_root, prefix + name)
    return list(found.values()), missing

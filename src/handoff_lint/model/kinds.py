"""What a file of a handoff folder is: its kind (handoff, response, example, template, skipped,
unclassified) and its handoff root, from where it sits; the protocol a root follows.

A *handoff root* is a folder that holds ``handoff-template.md``, or two of ``active/``,
``responses/`` and ``archive/``, or is named for a protocol (``next-local``, ``next-larger``) and
holds one of them, or one the configuration names (``roots``: passed down as a value,
:func:`configured`, never held here between runs). Each root follows a *protocol*
(:func:`protocol_of`). Inside a root: ``active/`` and ``archive/`` hold handoffs, ``responses/``
responses, ``examples/`` examples of either, by name (a file named like a response is one, any other an example handoff);
``handoff-template.md`` is the template; ``README.md`` and ``.desc`` are skipped. Every other
file is *unclassified*: privacy and credential checks still read it. Walking folders is the
engine's (engine/discover.py).
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from handoff_lint.data.protocols import choose, known, shipped_folders, team_entries
from handoff_lint.parse.names import undecorated
from handoff_lint.reading import read_text

if TYPE_CHECKING:
    from handoff_lint.touch import Access

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


class SourceFile(NamedTuple):  # a tuple, not a frozen dataclass: a walk makes thousands
    path: str | Path  # as given (a Path) or found (a str), not resolved: a symlink stays a symlink
    display: str  # relative to the working directory when possible, '/' separators, printable
    kind: str
    root: Path | None  # the handoff root it belongs to, if any
    absolute: str = ""  # the absolute path (symlinks kept), when discovery knows it


NO_ROOTS: frozenset[Path] = frozenset()


def configured(config) -> frozenset[Path]:
    """The handoff roots the configuration names (``roots``, absolute), as the value every
    function here takes: a run passes it down, nothing holds it between runs."""
    roots = getattr(config, "roots", ()) if config is not None else ()
    return frozenset(Path(os.path.abspath(root)) for root in roots) if roots else NO_ROOTS


@lru_cache(maxsize=4096)
def is_handoff_root(folder: Path, roots: frozenset[Path] = NO_ROOTS) -> bool:
    """Is ``folder`` a handoff root, by what it holds or because ``roots`` (configured) names it?"""
    if folder in roots or os.path.isfile(folder / TEMPLATE_NAME):
        return True
    present = sum(os.path.isdir(folder / name) for name in LIFECYCLE_FOLDERS)
    return present >= 2 or (present == 1 and folder.name in _protocol_folders())


@lru_cache(maxsize=1)
def _protocol_folders() -> frozenset[str]:
    return shipped_folders()


def protocol_of(root: Path | None, config):
    """The protocol (data/protocols.py) the handoff root ``root`` follows: the one its folder's
    name names (a team's own first, from ``config``), else the one its template's title names
    (read as the command's ``config.access`` allows), else next-local. ``None`` (a file outside
    any root): next-local."""
    if root is None:
        return _protocol_of(None, team_entries(config), None)
    return _protocol_of(str(root), team_entries(config), config.access)


@lru_cache(maxsize=256)
def _protocol_of(root: str | None, team, access):
    if root is None:
        return known(team)[1]
    folder = os.path.basename(root.rstrip(os.sep))
    protocols, _default = known(team)
    if any(protocol.names_folder(folder) for protocol in protocols):
        return choose(folder, None, team)
    return choose(folder, template_title(Path(root), access), team)


def template_title(root: Path, access: Access) -> str | None:
    """The title (first ``# `` heading, without emoji) of the root's handoff-template.md, or None
    if it has none or cannot be read (a link leading out of the root is not followed, nor a root
    ``access`` refuses)."""
    path = root / TEMPLATE_NAME
    if not os.path.isfile(path):
        return None
    text, problem = read_text(path, TEMPLATE_NAME, root=root, access=access)
    if problem is not None or text is None:
        return None
    for line in text.split("\n", 200)[:200]:
        if line.startswith("# "):
            return undecorated(line[2:].strip())
    return None


def classify(path: Path, roots: frozenset[Path] = NO_ROOTS) -> tuple[str, Path | None]:
    """The kind of ``path`` and its handoff root (``None`` outside any root); ``roots``: the
    configured ones (:func:`configured`)."""
    folder, name = os.path.split(os.path.abspath(path))  # symlinks kept: no dependence on cwd
    return kind_in(*place_of(folder, roots), name)


def kind_in(place: str | None, root: Path | None, name: str) -> tuple[str, Path | None]:
    """classify() of the file ``name`` in a folder that is ``place`` of ``root`` (see place_of)."""
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
    return lowered.startswith("response") or (
        len(lowered) > 11 and lowered[10:].startswith("-response") and lowered[:4].isdigit()
    )


def is_markdown(name: str) -> bool:
    """Is ``os.path.splitext(name)[1]`` .md or .markdown, in any case? (a leading dot starts no
    extension). Asked for every name of a large folder: without splitext's cost."""
    if name.endswith(".md") and name[:1] != ".":  # nearly every name asked: a dot inside, a stem
        return True
    dot = name.rfind(".")
    return dot > 0 and name[dot:].lower() in MARKDOWN_SUFFIXES and name[:dot].strip(".") != ""


@lru_cache(maxsize=4096)
def place_of(folder: str, roots: frozenset[Path] = NO_ROOTS) -> tuple[str | None, Path | None]:
    """What a folder is: ``("root", root)``, a lifecycle or examples folder of a root
    (``("active", root)``...), a deeper folder inside a root (``(None, root)``), or nothing.
    Asked once per folder, not once per file."""
    here = Path(folder)
    if is_handoff_root(here, roots):
        return "root", here
    if here.name in KIND_BY_FOLDER and is_handoff_root(here.parent, roots):
        return here.name, here.parent
    return None, _root_above(os.path.dirname(folder), roots)  # deeper files, at any depth: active/a/b/c/d/.env


@lru_cache(maxsize=4096)
def _root_above(folder: str, roots: frozenset[Path] = NO_ROOTS) -> Path | None:
    """The nearest handoff root at or above ``folder``; each folder asked once."""
    if is_handoff_root(Path(folder), roots):
        return Path(folder)
    parent = os.path.dirname(folder)
    return None if parent == folder else _root_above(parent, roots)


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

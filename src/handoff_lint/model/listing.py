"""A handoff root's documents and strays as names on disk, before anything is read (what the
folder index indexes)."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import NamedTuple

from handoff_lint.model.kinds import SKIPPED_NAMES, is_markdown
from handoff_lint.model.names import looks_like_handoff
from handoff_lint.model.status import tables
from handoff_lint.touch import Access


def _is_dir(item: os.DirEntry) -> bool:
    try:
        return item.is_dir()
    except OSError:  # a symbolic link loop: not a folder (the file checks report it)
        return False


class Listing(NamedTuple):
    """A handoff root's documents and strays as names on disk, before anything is read:
    documents as (absolute path, place, kind), strays as (absolute path, is_dir); ``problems``:
    folders not listed, as (absolute path, code, message): a link leading out of the root (HL005,
    not followed) or a folder that cannot be read (HL007): the rest of the root is still indexed."""

    root: Path
    documents: list[tuple[str, str, str]]
    strays: list[tuple[str, bool]]
    problems: list[tuple[str, str, str]]


def linked_out(folder: str, root: str, access: Access) -> str | None:
    """The HL005 message for ``folder``, a link of ``root`` leading out of it (or of a root
    ``access`` refuses); else None. Only links are resolved: a plain folder costs one lstat."""
    if not os.path.islink(folder):
        return None
    try:
        os.stat(folder)
    except OSError:  # a loop (HL007 when listed) or a broken link (nothing to list)
        return None
    if not access.leads_out(folder, root):
        return None
    return f"symbolic link to '{os.readlink(folder)}', outside the handoff folder; not followed"


def _unreadable(error: OSError) -> str:
    reason = "symbolic link loop" if error.errno == errno.ELOOP else (error.strerror or type(error).__name__)
    return f"folder cannot be read: {reason}; its documents are not checked"


def listing(root: Path, access: Access) -> Listing:
    """What :func:`build` indexes in ``root``: the files of the lifecycle folders (markdown ones
    are documents, the others strays, as are folders) and handoff-*.md at the top; nothing of a
    root whose own real path leads out of the repository, or of what the command named
    (``access``, touch.Access): HL005."""
    root = Path(os.path.abspath(root))
    out = access.root_outside(root)
    if out is not None:  # Touch: a root leading out of the repository is a finding, never listed
        return Listing(root, [], [], [(str(root), "HL005", out)])
    table, _names = tables()
    left_out = SKIPPED_NAMES.union(table["folders"]["allowed-files"])
    documents: list[tuple[str, str, str]] = []
    strays: list[tuple[str, bool]] = []
    problems: list[tuple[str, str, str]] = []
    base = str(root)
    for place in (*table["folders"]["lifecycle"], "examples"):
        folder = os.path.join(base, place)
        out = linked_out(folder, base, access)
        if out is not None:  # Touch: a linked folder leading out is a finding, never followed
            problems.append((folder, "HL005", out))
            continue
        if place == "examples":  # checked for links only: discovery walks it
            continue
        try:
            with os.scandir(folder) as found:
                items = list(found)
        except (NotADirectoryError, FileNotFoundError):
            continue
        except OSError as error:  # unreadable, a link loop: a finding for this folder, the rest goes on
            problems.append((folder, "HL007", _unreadable(error)))
            continue
        # a folder of thousands of documents: its plain files in one pass, the few other entries
        # (folders, links, whatever else) one by one (a link to a folder is a stray folder)
        files = [item.name for item in items if item.is_file(follow_symlinks=False)]
        odd = [(item.name, _is_dir(item)) for item in items if not item.is_file(follow_symlinks=False)]
        files.extend(name for name, is_dir in odd if not is_dir)
        kind = "response" if place == "responses" else "handoff"
        prefix = os.path.join(folder, "")
        names = sorted(name for name in files if name not in left_out)
        markdown = [name for name in names if is_markdown(name)]
        documents.extend([(prefix + name, place, kind) for name in markdown])
        others = [(name, False) for name in names if not is_markdown(name)] if len(markdown) < len(names) else []
        others += [(name, True) for name, is_dir in odd if is_dir and name not in left_out]
        strays.extend((prefix + name, is_dir) for name, is_dir in sorted(others))
    try:
        with os.scandir(base) as found:  # only files are documents: a folder named handoff-x.md is not moved
            named = [
                (item.name, _is_dir(item))
                for item in found
                if item.name.startswith("handoff-") and item.name.endswith(".md")
            ]
        top = sorted(name for name, is_dir in named if not is_dir)
        strays.extend((os.path.join(base, name), True) for name, is_dir in sorted(named) if is_dir)
    except OSError as error:
        top = []
        problems.append((base, "HL007", _unreadable(error)))
    for name in top:
        if looks_like_handoff(Path(name)):
            documents.append((os.path.join(base, name), "root", "handoff"))
    return Listing(root, documents, strays, problems)

"""Which files of the history are read: those in a handoff root, by the rule discovery uses on
disk (a folder holding ``handoff-template.md``, or two of ``active/``, ``responses/``,
``archive/``, or named for a protocol, ``next-local``, ``next-larger``, and holding one), applied
to the paths git knows: every
path the read commits touched and every path of the tip. A folder that was a handoff root at
any time counts, so a handoff folder deleted since is still read. With PATHS, every text file
under them is read (git is given them as pathspecs).
"""

from __future__ import annotations

from collections.abc import Iterable

from handoff_lint.data.protocols import shipped_folders
from handoff_lint.model.kinds import KIND_BY_FOLDER, LIFECYCLE_FOLDERS, SKIPPED_NAMES, TEMPLATE_NAME


def roots_of(paths: Iterable[str], extra: Iterable[str] = ()) -> set[str]:
    """The folders (repository-relative, '' for the top) that are handoff roots by ``paths``,
    plus ``extra`` (the configuration's ``roots``, made repository-relative)."""
    lifecycle: dict[str, set[str]] = {}
    roots = set(extra)
    for path in paths:
        parts = path.split("/")
        if parts[-1] == TEMPLATE_NAME:
            roots.add("/".join(parts[:-1]))
        for index, part in enumerate(parts[:-1]):
            if part in LIFECYCLE_FOLDERS:
                lifecycle.setdefault("/".join(parts[:index]), set()).add(part)
    named = shipped_folders()
    for folder, present in lifecycle.items():
        if len(present) >= 2 or folder.rsplit("/", 1)[-1] in named:
            roots.add(folder)
    return roots


def in_scope(path: str, roots: set[str]) -> bool:
    """Is ``path`` a file a folder walk of its handoff root would check? Every file in a root at
    any depth, hidden ones too, as on disk, except README.md and .desc beside the documents
    (skipped kinds)."""
    parts = path.split("/")
    for depth in range(len(parts) - 1, -1, -1):
        if "/".join(parts[:depth]) in roots:
            inner = parts[depth:]
            if inner[-1] in SKIPPED_NAMES and (len(inner) == 1 or (len(inner) == 2 and inner[0] in KIND_BY_FOLDER)):
                return False
            return True
    return False


def may_hold(known: set[str]):
    """While the log is read, before every path is known: may ``path`` lie in a handoff root? It
    does if it is in one of the ``known`` roots (the tip's, the configuration's); it may if a
    folder on its way is named like a lifecycle folder or a protocol, or it is a template.
    Any other file's lines are not kept (a repository's code is not held in memory); one that
    turns out to lie in a root after all is read from its blobs."""
    names = {*LIFECYCLE_FOLDERS, "examples", *shipped_folders()}

    def may(path: str) -> bool:
        parts = path.split("/")
        if parts[-1] == TEMPLATE_NAME or not names.isdisjoint(parts[:-1]):
            return True
        return any("/".join(parts[:depth]) in known for depth in range(len(parts)))

    return may


def under_paths_in_scope(path: str, roots: set[str]) -> bool:
    """With PATHS: every file under them, but what a root skips is skipped there too."""
    parts = path.split("/")
    for depth in range(len(parts) - 1, -1, -1):
        if "/".join(parts[:depth]) in roots:
            return in_scope(path, roots)
    return True

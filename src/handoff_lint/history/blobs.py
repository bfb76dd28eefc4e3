"""Blobs read from git's object store, never checked out: a tip's file list, and the contents of
the few blobs the history needs whole (files git showed as binary; the versions whose findings
suppression comments might hide; the tip's files, to tell what was removed later). One
``git cat-file --batch`` process per batch; a blob over the size limit is passed over, not held.
"""

from __future__ import annotations

from pathlib import Path

from handoff_lint import git as git_seam
from handoff_lint.git import git

GIT_SYMLINK, GIT_SUBMODULE = "120000", "160000"


def tree_files(tip: str, pathspecs: list[str], cwd: Path) -> dict[str, str]:
    """Repository-relative path -> blob id of every regular file in ``tip``'s tree (within
    ``pathspecs``, relative to ``cwd``, when given)."""
    listing = git(["--literal-pathspecs", "ls-tree", "-r", "-z", "--full-name", tip, "--", *pathspecs], cwd)
    files = {}
    for record in listing.split(b"\0"):
        if not record:
            continue
        info, _, name = record.partition(b"\t")
        mode, kind, blob = info.split()
        if kind == b"blob" and mode.decode() not in (GIT_SYMLINK, GIT_SUBMODULE):
            files[name.decode("utf-8", "surrogateescape")] = blob.decode("ascii")
    return files


def read_blobs(blobs: list[str], top: Path, max_bytes: int) -> dict[str, bytes | None]:
    """Blob id -> content, or None for a blob over ``max_bytes`` (passed over as it streams by,
    never held) or missing (a shallow clone). One ``git cat-file --batch`` process."""
    return {
        blob: data if isinstance(data, bytes) else None
        for blob, data in git_seam.read_blobs(blobs, top, max_bytes).items()
    }

"""Blobs read from git's object store, never checked out: a tip's file list, and the contents of
the few blobs the history needs whole (files git showed as binary; the versions whose findings
suppression comments might hide; the tip's files, to tell what was removed later). One
``git cat-file --batch`` process per batch; a blob over the size limit is passed over, not held.
"""

from __future__ import annotations

from pathlib import Path

from handoff_lint.git import git, git_reading

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
    wanted = list(dict.fromkeys(blobs))
    if not wanted:
        return {}

    def read(stream) -> dict[str, bytes | None]:
        found: dict[str, bytes | None] = {}
        for blob in wanted:
            header = stream.readline().split()
            if len(header) != 3:  # "<id> missing"
                found[blob] = None
                continue
            size = int(header[2])
            if size <= max_bytes:
                found[blob] = stream.read(size)
            else:
                left = size
                while left > 0:
                    chunk = stream.read(min(left, 1 << 20))
                    if not chunk:
                        break
                    left -= len(chunk)
                found[blob] = None
            stream.read(1)  # content is followed by a newline
        return found

    return git_reading(["cat-file", "--batch"], top, "".join(b + "\n" for b in wanted).encode(), read)

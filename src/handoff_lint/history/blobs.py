"""Blobs read from git's object store, never checked out: a tip's file list, and the contents of
the few blobs the history needs whole (files git showed as binary; the versions whose findings
suppression comments might hide; the tip's files, to tell what was removed later). One
``git cat-file`` process per batch; a blob over the size limit is not read.
"""

from __future__ import annotations

from pathlib import Path

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
    """Blob id -> content, or None for a blob over ``max_bytes`` (or missing: a shallow clone)."""
    wanted = list(dict.fromkeys(blobs))
    if not wanted:
        return {}
    sizes = {}
    checked = git(["cat-file", "--batch-check"], top, stdin="".join(b + "\n" for b in wanted).encode())
    for line in checked.decode("ascii", "replace").splitlines():
        fields = line.split()
        if len(fields) == 3 and fields[1] == "blob":
            sizes[fields[0]] = int(fields[2])
    small = [blob for blob in wanted if blob in sizes and sizes[blob] <= max_bytes]
    found: dict[str, bytes | None] = {blob: None for blob in wanted}
    if not small:
        return found
    out = git(["cat-file", "--batch"], top, stdin="".join(b + "\n" for b in small).encode())
    position = 0
    for blob in small:
        header_end = out.index(b"\n", position)
        size = int(out[position:header_end].split()[2])
        start = header_end + 1
        found[blob] = out[start:start + size]
        position = start + size + 1  # content is followed by a newline
    return found

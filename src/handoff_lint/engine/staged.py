"""``--staged``: the versions of files in git's index, which is what a commit will contain.

The plain git hook (``hooks/pre-commit``) runs ``handoff-lint check --staged``: a file fixed in
the work tree but not re-added must still block the commit. (The pre-commit framework stashes
unstaged changes itself, so its hooks read the work tree.)
"""

from __future__ import annotations

from pathlib import Path

from handoff_lint.workflow.git import git

GIT_SYMLINK, GIT_SUBMODULE = "120000", "160000"


def staged_blobs(cwd: Path | None = None) -> dict[Path, bytes]:
    """Absolute path -> staged content of every file added, copied, modified or renamed in the index.

    Symbolic links and submodules are left out: their index entry is not a document.
    """
    cwd = cwd or Path.cwd()
    top = Path(git(["rev-parse", "--show-toplevel"], cwd).decode().strip())  # GitError outside a repository
    names = [n for n in git(["diff", "--cached", "--name-only", "--diff-filter=ACMR", "-z"], top).decode("utf-8", "surrogateescape").split("\0") if n]
    if not names:
        return {}
    wanted = set(names)
    entries = {}  # path -> blob id
    # the whole index, filtered here: no pathspec magic in names, no argument-length limit
    listing = git(["ls-files", "--stage", "-z"], top).decode("utf-8", "surrogateescape")
    for record in filter(None, listing.split("\0")):
        info, name = record.split("\t", 1)
        mode, blob, _stage = info.split()
        if name in wanted and mode not in (GIT_SYMLINK, GIT_SUBMODULE):
            entries[top / name] = blob
    if not entries:
        return {}
    return dict(zip(entries, _read_blobs(list(entries.values()), top)))

def _read_blobs(blobs: list[str], top: Path) -> list[bytes]:
    """Every blob through one ``git cat-file --batch`` process."""
    out = git(["cat-file", "--batch"], top, stdin="".join(b + "\n" for b in blobs).encode())
    contents, position = [], 0
    for _ in blobs:
        header_end = out.index(b"\n", position)
        size = int(out[position:header_end].split()[2])
        start = header_end + 1
        contents.append(out[start:start + size])
        position = start + size + 1  # content is followed by a newline
    return contents

"""``--staged``: the versions of files in git's index, which is what a commit will contain.

The plain git hook (``hooks/pre-commit``) runs ``handoff-lint check --staged``: a file fixed in
the work tree but not re-added must still block the commit. (The pre-commit framework stashes
unstaged changes itself, so its hooks read the work tree.)
"""

from __future__ import annotations

from pathlib import Path

from handoff_lint.git import git

GIT_SYMLINK, GIT_SUBMODULE = "120000", "160000"


def staged_blobs(cwd: Path | None = None) -> dict[Path, bytes]:
    """Absolute path -> staged content of every file added, copied, modified or renamed in the index.

    Symbolic links and submodules are left out: their index entry is not a document.
    """
    return staged_changes(cwd)[0]


def staged_changes(cwd: Path | None = None) -> tuple[dict[Path, bytes], list[Path]]:
    """:func:`staged_blobs`, and the absolute paths the index deletes or renames away (a handoff
    archived with ``git mv`` or removed with ``git rm``: the responses naming it must follow)."""
    cwd = cwd or Path.cwd()
    top = Path(git(["rev-parse", "--show-toplevel"], cwd).decode().strip())  # GitError outside a repository
    fields = [n for n in git(["diff", "--cached", "--name-status", "--diff-filter=ACMRD", "-z"], top).decode("utf-8", "surrogateescape").split("\0") if n]
    names, gone = [], []
    position = 0
    while position < len(fields):  # status, path; renames and copies: status, old path, new path
        status = fields[position]
        if status[:1] in ("R", "C"):
            if status[0] == "R":
                gone.append(top / fields[position + 1])
            names.append(fields[position + 2])
            position += 3
            continue
        if status == "D":
            gone.append(top / fields[position + 1])
        else:
            names.append(fields[position + 1])
        position += 2
    return _blobs(names, top), gone


def _blobs(names: list[str], top: Path) -> dict[Path, bytes]:
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

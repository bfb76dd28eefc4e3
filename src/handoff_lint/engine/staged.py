"""``--staged``: the versions of files in git's index, which is what a commit will contain.

The plain git hook (``hooks/pre-commit``) runs ``handoff-lint check --staged``: a file fixed in
the work tree but not re-added must still block the commit. (The pre-commit framework stashes
unstaged changes itself, so its hooks read the work tree.)

A blob over the size limit is never read: its size is asked first (``cat-file --batch-check``),
and it is reported too large (HL004) as the same file on disk would be. The others are read as
they come, one copy each.
"""

from __future__ import annotations

from pathlib import Path

from handoff_lint.data.config import DEFAULT_MAX_BYTES
from handoff_lint.git import GitError, git, git_reading
from handoff_lint.reading import Oversize

GIT_SYMLINK, GIT_SUBMODULE = "120000", "160000"
Blobs = dict[Path, "bytes | Oversize"]  # a staged file's content, or the size of one over the limit


def staged_blobs(cwd: Path | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Blobs:
    """Absolute path -> staged content of every file added, copied, modified or renamed in the
    index (:class:`Oversize`, its size, for one over ``max_bytes``: never read).

    Symbolic links and submodules are left out: their index entry is not a document.
    """
    return staged_changes(cwd, max_bytes)[0]


def staged_changes(cwd: Path | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[Blobs, list[Path]]:
    """:func:`staged_blobs`, and the absolute paths the index deletes or renames away (a handoff
    archived with ``git mv`` or removed with ``git rm``: the responses naming it must follow)."""
    top, names, gone = _name_status(cwd or Path.cwd())
    return _blobs(names, top, max_bytes), gone


def index_moves(cwd: Path | None = None) -> list[Path]:
    """The absolute paths the index deletes or renames away, without reading any content: what
    a run under the pre-commit framework adds (it passes a renamed handoff's new path only, and
    runs no hook for deletions alone) so that a response naming the old path is reported."""
    return _name_status(cwd or Path.cwd())[2]


def _name_status(cwd: Path) -> tuple[Path, list[str], list[Path]]:
    """(the repository's top, the names the index adds, copies, modifies or renames to, the
    absolute paths it deletes or renames away)."""
    top = Path(git(["rev-parse", "--show-toplevel"], cwd).decode().strip())  # GitError outside a repository
    fields = [
        n
        for n in git(["diff", "--cached", "--name-status", "--diff-filter=ACMRD", "-M", "-z"], top)
        .decode("utf-8", "surrogateescape")
        .split("\0")
        if n
    ]
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
    return top, names, gone


def _blobs(names: list[str], top: Path, max_bytes: int) -> Blobs:
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
    sizes = _sizes(list(entries.values()), top)
    small = sorted({blob for blob in entries.values() if sizes[blob] <= max_bytes})
    contents = _read_blobs(small, top, max_bytes) if small else {}
    return {path: contents[blob] if blob in contents else Oversize(sizes[blob]) for path, blob in entries.items()}


def _sizes(blobs: list[str], top: Path) -> dict[str, int]:
    """Each blob's size, from one ``git cat-file --batch-check`` (nothing of the content is read)."""
    out = git(["cat-file", "--batch-check"], top, stdin="".join(b + "\n" for b in blobs).encode())
    sizes = {}
    for line in out.decode("ascii", "replace").splitlines():
        parts = line.split()
        if len(parts) != 3:  # "<oid> missing": an index naming a blob the repository lacks
            raise GitError(f"git cat-file failed: {line[:200]}")
        sizes[parts[0]] = int(parts[2])
    return sizes


def _read_blobs(blobs: list[str], top: Path, max_bytes: int) -> dict[str, bytes | Oversize]:
    """Every blob through one ``git cat-file --batch`` process, read as it comes: one copy of
    each, and never more than ``max_bytes`` + 1 of one (a blob that grew over the limit since its
    size was asked cannot, but is passed over in chunks all the same)."""

    def read(stream) -> dict[str, bytes | Oversize]:
        contents: dict[str, bytes | Oversize] = {}
        for blob in blobs:
            header = stream.readline().split()
            size = int(header[2])
            if size <= max_bytes:
                contents[blob] = stream.read(size)
            else:
                left = size
                while left > 0:
                    chunk = stream.read(min(left, 1 << 20))
                    if not chunk:
                        break
                    left -= len(chunk)
                contents[blob] = Oversize(size)
            stream.read(1)  # content is followed by a newline
        return contents

    return git_reading(["cat-file", "--batch"], top, "".join(b + "\n" for b in blobs).encode(), read)


def index_documents(root: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> dict[str, bytes]:
    """Real path -> the index's content of every file under the handoff root ``root``: what a
    commit will contain, which the folder checks of a ``--staged`` run read in place of the work
    tree (a response relinked on disk but not re-added must still block the commit). A file over
    ``max_bytes`` is left out (its own check reports it). One ``ls-files`` and one
    ``cat-file --batch`` for the whole root."""
    import os

    try:
        top = Path(git(["rev-parse", "--show-toplevel"], root).decode().strip())
        relative = os.path.relpath(os.path.realpath(root), os.path.realpath(top))
        listed = git(["ls-files", "-z", "--", f":(literal){relative}"], top).decode("utf-8", "surrogateescape")
    except GitError:
        return {}
    names = [name for name in listed.split("\0") if name]
    return {
        os.path.realpath(path): data for path, data in _blobs(names, top, max_bytes).items() if isinstance(data, bytes)
    }

"""One ``git log -p`` read into pieces: the lines each commit added to each file, with their line
numbers in that commit's version, under the path the file had then. No checkout, no process per
commit; the output is read as it comes.

What git is asked (see :func:`log_arguments`): ``-U0`` (added lines only, no context),
``--full-index`` (whole blob ids, which name each blob-diff so none is read twice), ``-M``
(a renamed file's lines are not new), ``--cc`` for merges (only what a merge adds that none of
its parents had: a conflict resolved with a secret, an "evil" merge; what a merge brings from
a parent was read in the commit that added it), ``--reverse`` (oldest first: a blob-diff seen
twice, as after a cherry-pick, is reported at the first commit that published it), and the
settings a repository or a user's configuration could use to hide content or run a program
pinned (no text conversion, no external diff, no colour, no prefixes of its own). A file git
calls binary is kept as a :class:`Piece` without lines: git decides by content *or* by a
``.gitattributes`` line (``*.md -diff``), which anyone can commit; the caller reads those
blobs itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import NamedTuple

from handoff_lint.git import git_reading

# pinned: a configuration must not change what is read (prefixes, paths shown relative to a
# folder, quoting, signatures checked by running gpg, renames off)
PINNED = (
    "-c",
    "core.quotePath=true",
    "-c",
    "diff.noprefix=false",
    "-c",
    "diff.mnemonicPrefix=false",
    "-c",
    "log.showSignature=false",
    "-c",
    "diff.renames=true",
    "-c",
    "diff.suppressBlankEmpty=false",
    "-c",
    "log.follow=false",
)
FORMAT = "--format=%x00%H %aI"
ZERO = "0" * 40
SPECIAL_MODES = (b"120000", b"160000")  # a symbolic link's target, a submodule's commit: no file text


class Commit(NamedTuple):
    sha: str
    date: str  # the author date, ISO 8601 (as %aI gives it)

    @property
    def short(self) -> str:
        return self.sha[:7]

    @property
    def day(self) -> str:
        return self.date[:10]


class Piece:
    """What one commit added to one file: ``lines`` (bytes, as read) at 1-based ``numbers`` of
    that version. ``key`` names the blob-diff (old blob(s) and new blob); ``new_blob`` the file's
    blob in that commit. ``binary``: git showed no text (read the blob instead); ``over``: more
    added bytes than the limit (not kept); ``dropped``: a file that seemed to lie in no handoff
    folder while the log was read (its lines not kept: read from its blobs if it does)."""

    __slots__ = (
        "commit",
        "path",
        "lines",
        "numbers",
        "key",
        "new_blob",
        "old_blobs",
        "binary",
        "over",
        "size",
        "special",
        "dropped",
        "store",
    )

    def __init__(self, commit: Commit) -> None:
        self.commit = commit
        self.path = ""
        self.lines: list[bytes] = []
        self.numbers: list[int] = []
        self.key = b""
        self.new_blob = ""
        self.old_blobs: tuple[str, ...] = ()
        self.binary = False
        self.over = False
        self.size = 0
        self.special = False  # a symbolic link or a submodule
        self.dropped = False
        self.store: bool | None = None  # keep its lines? decided at its first hunk

    def add(self, text: bytes, number: int, size: int, max_bytes: int) -> None:
        """Keep an added line (``text``, at ``number``; ``size``: its bytes as git printed it),
        unless the file's added bytes pass ``max_bytes``: then none of its lines are kept."""
        self.lines.append(text)
        self.numbers.append(number)
        self.size += size
        if self.size > max_bytes:
            self.over, self.store, self.lines, self.numbers = True, False, [], []


def log_arguments(revisions: list[str], pathspecs: list[str], max_commits: int | None) -> list[str]:
    """The ``git`` arguments of the one read (``--literal-pathspecs``: a path is a path)."""
    limit = [f"--max-count={max_commits}"] if max_commits is not None else []
    return [
        "--literal-pathspecs",
        *PINNED,
        "log",
        "-p",
        "-U0",
        "--cc",
        "-M",
        "--full-index",
        "--full-history",
        "--reverse",
        "--no-color",
        "--no-ext-diff",
        "--no-textconv",
        "--no-relative",
        "--src-prefix=a/",
        "--dst-prefix=b/",
        FORMAT,
        *limit,
        *revisions,
        "--",
        *pathspecs,
    ]


def read_log(
    revisions: list[str],
    pathspecs: list[str],
    cwd,
    max_commits: int | None,
    max_bytes: int,
    progress: Callable[[int], None] | None = None,
    keep: Callable[[str], bool] | None = None,
) -> tuple[list[Commit], list[Piece]]:
    """The commits of ``revisions`` (oldest first) and every piece they added; GitError if git
    fails (a bad revision, a path outside the repository). ``keep``: which paths' lines to keep
    (the others' are dropped as they are read: a repository's code is no handoff)."""
    return git_reading(
        log_arguments(revisions, pathspecs, max_commits),
        cwd,
        b"",
        lambda stdout: parse(stdout, max_bytes, progress, keep),
    )


def unquote(name: bytes) -> bytes:
    """A path as git prints it (C-quoted when it holds a special or non-ASCII byte)."""
    if not name.startswith(b'"') or not name.endswith(b'"') or len(name) < 2:
        return name
    body, out, position = name[1:-1], bytearray(), 0
    escapes = {
        ord("a"): 7,
        ord("b"): 8,
        ord("t"): 9,
        ord("n"): 10,
        ord("v"): 11,
        ord("f"): 12,
        ord("r"): 13,
        ord('"'): 34,
        ord("\\"): 92,
    }
    while position < len(body):
        byte = body[position]
        if byte != 92 or position + 1 >= len(body):
            out.append(byte)
            position += 1
            continue
        following = body[position + 1]
        if 48 <= following <= 55:  # \ooo: an octal byte
            out.append(int(body[position + 1 : position + 4], 8) & 0xFF)
            position += 4
        else:
            out.append(escapes.get(following, following))
            position += 2
    return bytes(out)


def _path(name: bytes, prefix: bytes = b"") -> str:
    """A path from a ``+++ b/...`` (``prefix`` b"b/") or ``rename to ...`` line: unquoted,
    prefix dropped, as a str that keeps any byte that is not UTF-8 (shown escaped later)."""
    name = name.rstrip(b"\n").rstrip(b"\r")
    if name.endswith(b"\t"):  # git adds a tab after a name holding a space
        name = name[:-1]
    name = unquote(name)
    return (name[len(prefix) :] if prefix and name.startswith(prefix) else name).decode("utf-8", "surrogateescape")


def _header_path(rest: bytes) -> str:
    """The new path from ``diff --git a/X b/X`` (when no ``+++`` or ``rename to`` line says it:
    a binary file, a mode change) or ``diff --cc X``."""
    rest = rest.rstrip(b"\n")
    if rest.startswith(b'"'):
        end = rest.find(b'" ', 1)
        while end != -1 and rest[end - 1 : end] == b"\\" and rest[end - 2 : end] != b"\\\\":
            end = rest.find(b'" ', end + 1)
        second = rest[end + 2 :] if end != -1 else rest
    elif rest.startswith(b"a/") and len(rest) % 2 == 1:  # "a/P b/P": both halves alike
        second = rest[(len(rest) + 1) // 2 :]
    else:
        second = rest
    name = unquote(second).decode("utf-8", "surrogateescape")
    return name[2:] if name.startswith("b/") else name


def parse(
    stream: Iterable[bytes],
    max_bytes: int,
    progress: Callable[[int], None] | None = None,
    keep: Callable[[str], bool] | None = None,
) -> tuple[list[Commit], list[Piece]]:
    """Commits and pieces from ``git log -p`` output (see :func:`log_arguments`), line by line."""
    commits: list[Commit] = []
    pieces: list[Piece] = []
    piece: Piece | None = None
    commit = Commit("", "")
    parents = 1  # columns of +/- in front of a line: 1, or a merge's parent count (--cc)
    in_hunk = False
    number = 0
    added = b"+"
    for line in stream:
        if in_hunk:
            first = line[:1]
            if parents == 1:
                if first == b"+":
                    if piece.store:
                        piece.add(line[1:], number, len(line), max_bytes)
                    number += 1
                    continue
                if first == b"-" or first == b"\\":
                    continue
                if first == b" ":
                    number += 1
                    continue
            elif first in (b"+", b"-", b" "):
                columns = line[:parents]
                if b"-" not in columns:
                    if columns == added and piece.store:
                        piece.add(line[parents:], number, len(line), max_bytes)
                    number += 1
                continue
            elif first == b"\\":
                continue
            if first == b"@":
                number = _hunk_start(line, parents)
                continue
            in_hunk = False
        if line.startswith(b"\x00"):
            sha, _, date = line[1:].decode("ascii", "replace").strip().partition(" ")
            commit = Commit(sha, date)
            commits.append(commit)
            piece = None
            if progress is not None:
                progress(len(commits))
        elif line.startswith(b"diff --"):
            piece = Piece(commit)
            pieces.append(piece)
            if line.startswith(b"diff --git "):
                parents, added = 1, b"+"
                piece.path = _header_path(line[11:])
            else:  # diff --cc PATH (a merge); the hunk headers say how many parents
                piece.path = _header_path(line[line.index(b" ", 7) + 1 :])
        elif piece is None:
            continue
        elif line.startswith(b"@@"):
            parents = len(line) - len(line.lstrip(b"@")) - 1
            added = b"+" * parents
            number = _hunk_start(line, parents)
            in_hunk = True
            if piece.store is None:  # the path is known by the first hunk
                piece.store = keep is None or keep(piece.path)
                piece.dropped = not piece.store
        elif line.startswith(b"+++ "):
            name = line[4:]
            piece.path = "" if name.startswith(b"/dev/null") else _path(name, b"b/")
        elif line.startswith(b"index "):
            fields = line[6:].split()
            piece.key = fields[0]
            olds, _, new = fields[0].partition(b"..")
            piece.new_blob = new.decode("ascii", "replace")
            piece.old_blobs = tuple(old.decode("ascii", "replace") for old in olds.split(b",") if old.strip(b"0"))
            if len(fields) > 1 and fields[1] in SPECIAL_MODES:
                piece.special = True
        elif line.startswith((b"new file mode ", b"new mode ", b"mode ")):
            if line.rstrip().endswith(SPECIAL_MODES):
                piece.special = True
        elif line.startswith(b"rename to ") or line.startswith(b"copy to "):
            piece.path = _path(line.split(b" ", 2)[2])
        elif line.startswith(b"Binary files ") or line.startswith(b"GIT binary patch"):
            piece.binary = True
        elif line.startswith(b"deleted file mode "):
            piece.path = ""
    return commits, [p for p in pieces if p.path and not p.special and (p.lines or p.binary or p.over or p.dropped)]


def _hunk_start(line: bytes, parents: int) -> int:
    """The first line number of the new version in ``@@ -a,b +c,d @@`` (``@@@ ... @@@`` for a
    merge of two parents): c, or c + 1 when d is 0 (a hunk that only removes lines)."""
    fields = line.split(b" ", parents + 2)
    start, _, count = fields[parents + 1][1:].partition(b",")
    return int(start) + (1 if count == b"0" else 0)


def lines_of(piece: Piece) -> Iterator[str]:
    """A piece's added lines as text: bytes that are not UTF-8 replaced, line ends dropped."""
    for raw in piece.lines:
        yield raw.decode("utf-8", "replace").rstrip("\n").rstrip("\r")

"""Touch: where the tool may read a handoff folder through, and how it writes. A path it will
create, move into, rename or rewrite must resolve inside the handoff root, and the root's own real
path inside the repository; every file it writes goes through :func:`write_text` (a temporary
file the OS creates in the target's folder, renamed into place; never through a symbolic link).

The repository is the git work tree of the working directory; for a handoff root outside it, the
folder the user named (an :class:`Access`, made once per command and passed to every reader),
else the folder that holds the root. A root reached through a link leading out of it (``models/next-local -> ../../elsewhere``) is HL005:
nothing is read, moved or written through it.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_BINARY = getattr(os, "O_BINARY", 0)
_NEW = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC | _BINARY  # made here, now, by us: as mkstemp
# POSIX: work inside one opened folder. os.replace is not listed in supports_dir_fd even where
# it takes src_dir_fd (Linux): it is os.rename's own code (renameat), so os.rename's entry says it.
_AT = {os.open, os.stat, os.rename, os.unlink, os.link} <= os.supports_dir_fd
_NO_HARD_LINKS = {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK, errno.ENOSYS, errno.EACCES}


class TouchError(RuntimeError):
    """A path the tool was about to read through or write resolves outside where it may."""


# -- the handoff root's own place --------------------------------------------------------------
class Access(NamedTuple):
    """Where one command may read and write through: the folders the user named on its command
    line (absolute, widest first), which bound a handoff root outside the repository of the
    working directory. Made once per command (:meth:`of`) and handed to every reader that judges
    a root (the engine's readers find it on the run's settings, ``Config.access``); nothing here
    holds one between commands. The judgement itself (:func:`_root_outside`) is a cache of a pure
    function of the root, the working directory and these folders."""

    named: tuple[str, ...]

    @classmethod
    def of(cls, paths) -> Access:
        """The access of a command that named ``paths`` (none: nothing named, each root bounded by
        the repository or the folder holding it)."""
        return cls(tuple(sorted({os.path.abspath(path) for path in paths}, key=lambda path: (len(path), path))))

    def root_outside(self, root: str | os.PathLike) -> str | None:
        """Why the handoff root ``root`` may not be read or written through (its real path lies
        outside the repository, or the folder named), as a message; None when it may."""
        return _root_outside(root, os.getcwd(), self.named)  # asked for every file read

    def check_root(self, root: str | os.PathLike) -> None:
        """TouchError (the message of :meth:`root_outside`) unless ``root`` may be used."""
        reason = self.root_outside(root)
        if reason is not None:
            # lazy: show imports the detector (~45 ms); only when a refusal is worded
            from handoff_lint.show import shown

            raise TouchError(shown(f"{_relative(root)}: refused: {reason}"))

    def inside_root(self, path: str | os.PathLike, root: str | os.PathLike) -> Path:
        """The real path of ``path`` (which need not exist yet), if it lies inside ``root``'s real
        path and the root may be used (:meth:`check_root`); else TouchError naming both. Call it
        right before the mkdir, move or write."""
        self.check_root(root)
        return _inside_real_root(path, root)

    def leads_out(self, path: str | os.PathLike, root: str | os.PathLike) -> bool:
        """Does ``path`` (a file or folder of the handoff root) resolve outside it, or the root
        outside the repository?"""
        try:
            self.inside_root(path, root)
        except TouchError:
            return True
        return False


@lru_cache(maxsize=1024)
def _root_outside(given: str | os.PathLike, cwd: str, named: tuple[str, ...]) -> str | None:
    root = os.path.abspath(given)  # from ``cwd``: the working directory it is asked from
    real = os.path.realpath(root)
    if real == root:  # no link on its way: it lies where it is, inside whatever holds it
        return None
    bound, what = _boundary(root, cwd, named)
    if _within(real, bound):
        return None
    where = what if what == "the repository" else f"{what} ({_relative(bound)})"
    return (
        f"the handoff folder is a symbolic link (or lies behind one) leading to '{real}', outside {where}; "
        "nothing is read or written through it"
    )


def _boundary(root: str, cwd: str, named: tuple[str, ...]) -> tuple[str, str]:
    """The real path ``root`` must lie in, and what it is: the repository of the working
    directory, if the root lies in it (some folder above the root resolves to its top); else the
    widest folder named that holds the root; else the folder holding the root."""
    top = _repository_top(cwd)
    if top is not None:
        here = os.path.dirname(root)
        while True:  # deepest first
            if os.path.realpath(here) == top:
                return top, "the repository"
            parent = os.path.dirname(here)
            if parent == here:
                break
            here = parent
    for folder in named:  # shortest (widest) first
        if root == folder or root.startswith(os.path.join(folder, "")):
            return os.path.realpath(folder), "the folder named"
    return os.path.realpath(os.path.dirname(root)), "the folder holding it"


@lru_cache(maxsize=8)
def _repository_top(cwd: str) -> str | None:
    # lazy: git imports subprocess (~14 ms); asked only for a root reached through a link
    from handoff_lint.git import work_tree

    top = work_tree(Path(cwd))
    return None if top is None else os.path.realpath(top)


# -- a path inside the root --------------------------------------------------------------------
def _inside_real_root(path: str | os.PathLike, root: str | os.PathLike) -> Path:
    """:meth:`Access.inside_root` once the root itself may be used."""
    # lazy: show imports the detector (~45 ms); only when a refusal is worded
    from handoff_lint.show import shown

    real_root = os.path.realpath(root)
    real = os.path.realpath(path)
    ok = _within(real, real_root)
    if ok:  # realpath leaves a looping link unresolved: a link still on the way in is refused
        here = real
        while ok and len(here) > len(real_root):
            ok = not os.path.islink(here)
            here = os.path.dirname(here)
    if not ok:
        raise TouchError(
            shown(
                f"{_relative(path)}: refused: it leads to {real}, outside the handoff folder {_relative(root)} (or a link loop)"
            )
        )
    return Path(real)


def linked_part(path: str | os.PathLike) -> str | None:
    """The first part of ``path`` that is a symbolic link (dangling or not), of the parts at or
    below the working directory; for a path outside it, its last part only. None: no link."""
    absolute = os.path.abspath(path)
    cwd = os.getcwd()
    parts = []
    here = absolute
    while _within(here, cwd) and here != cwd:
        parts.append(here)
        here = os.path.dirname(here)
    for part in reversed(parts or [absolute]):
        if os.path.islink(part):
            return part
    return None


# -- reading many files -----------------------------------------------------------------------
_READ = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | _NOFOLLOW | _CLOEXEC | _BINARY  # a FIFO never blocks a read
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
_OPEN_AT = os.open in os.supports_dir_fd and bool(_NOFOLLOW and _DIRECTORY)  # POSIX: a file opened in an opened folder


def read_plain_files(
    root: str | os.PathLike, paths: Iterable[str], max_bytes: int, access: Access
) -> Iterator[bytes | None]:
    """The bytes of each of ``paths`` (files of the handoff root ``root`` or of a folder directly
    inside it, as its listing names them), in order, read without following any link: the root is
    opened once, each folder in it with ``O_NOFOLLOW|O_DIRECTORY`` relative to the root, each file
    with ``O_NOFOLLOW`` relative to its folder, so nothing outside the root is read. What a commit's
    run reads of thousands of responses to find the few that name its handoff: one system call less
    per file than the careful reader, and no check repeated per file.

    None for a file this does not read: a link, no regular file, over ``max_bytes``, grown while
    read, unreadable, in a folder that is a link or deeper in the root, or in a root that may not be
    read (:meth:`Access.root_outside`, by the command's ``access``), or without ``O_NOFOLLOW``
    and ``dir_fd`` (Windows). The caller reads
    those the careful way (reading.read_bytes: it follows a link inside the root, and says why a
    file cannot be read)."""
    base = os.path.abspath(root)
    usable = _OPEN_AT and access.root_outside(base) is None
    top = None
    try:
        top = os.open(base, os.O_RDONLY | _DIRECTORY | _CLOEXEC) if usable else None
    except OSError:
        pass
    folder, at = None, None
    try:
        for path in paths:
            place, _sep, name = path.rpartition(os.sep)
            if place != folder:
                if at is not None and at != top:
                    os.close(at)
                folder, at = place, _open_place(top, base, place)
            if at is None:
                yield None
                continue
            try:
                opened = os.open(name, _READ, dir_fd=at)
            except OSError:
                yield None
                continue
            try:
                found = os.fstat(opened)
                if stat.S_ISREG(found.st_mode) and found.st_size <= max_bytes:
                    data = os.read(opened, found.st_size + 1)
                    data = data if len(data) <= found.st_size else None  # grown since: read the careful way
                else:
                    data = None
            except OSError:
                data = None
            finally:
                os.close(opened)
            yield data
    finally:
        if at is not None and at != top:
            os.close(at)
        if top is not None:
            os.close(top)


def _open_place(top: int | None, root: str, folder: str) -> int | None:
    """``folder`` opened, if it is the root (``top``) or a folder directly in it that is no link."""
    if top is None:
        return None
    if folder == root:
        return top
    parent, _sep, name = folder.rpartition(os.sep)
    if parent != root or name in ("", ".", ".."):
        return None
    try:
        return os.open(name, os.O_RDONLY | _DIRECTORY | _NOFOLLOW | _CLOEXEC, dir_fd=top)
    except OSError:  # a link (ELOOP, ENOTDIR), gone, unreadable
        return None


# -- writing -----------------------------------------------------------------------------------
def write_text(
    path: str | os.PathLike,
    data: str | bytes,
    root: str | os.PathLike | None = None,
    *,
    access: Access | None = None,
    mode: int | None = None,
    replace: bool = True,
    replace_link: bool = False,
) -> Path:
    """Write ``data`` (text as UTF-8, its newlines as they are) at ``path``, atomically and never
    through a symbolic link; return the path written (its folder's real path, and its name).

    The temporary file is made by the OS in the target's folder (``O_CREAT|O_EXCL|O_NOFOLLOW``
    under a random name, as ``tempfile.mkstemp`` makes one), written, then renamed over the
    target (``replace``) or linked to its name, which fails if anything holds that name, a
    dangling link included (``replace=False``: FileExistsError). A target that is a symbolic
    link, dangling or not, or not a regular file, is refused (TouchError); ``replace_link``: a
    link there is replaced instead (the cache's own folder). ``root``: the handoff root the path
    must lie in, judged by ``access`` (:meth:`Access.inside_root`; required with a root).
    ``mode``: the permission bits (default: an existing file's, else 0666 less the umask)."""
    # lazy: show imports the detector (~45 ms); only when a refusal is worded
    from handoff_lint.show import shown

    folder, name = os.path.split(os.fspath(path))
    if name in ("", ".", ".."):
        raise TouchError(shown(f"{_relative(path)}: refused: not a file name"))
    if root is not None and access is None:
        raise TypeError("write_text: a root is judged by the command's access (touch.Access): none was given")
    if root is not None:
        access.inside_root(path, root)
    real_folder = os.path.realpath(folder or ".")
    data = data.encode("utf-8") if isinstance(data, str) else data
    at = _Folder(real_folder)
    try:
        try:
            info = at.lstat(name)
        except FileNotFoundError:
            info = None
        if info is not None:
            if not replace:
                raise FileExistsError(errno.EEXIST, "File exists", os.fspath(path))
            if stat.S_ISLNK(info.st_mode) and not replace_link:
                raise TouchError(
                    shown(f"{_relative(path)}: refused: it is a symbolic link; nothing is written through one")
                )
            if not stat.S_ISREG(info.st_mode) and not stat.S_ISLNK(info.st_mode):
                raise TouchError(shown(f"{_relative(path)}: refused: not a regular file"))
        wanted = mode
        if wanted is None and info is not None and stat.S_ISREG(info.st_mode):
            wanted = stat.S_IMODE(info.st_mode)
        temporary, descriptor = at.temporary(name, 0o600 if wanted is not None else 0o666)
        try:
            with open(descriptor, "wb") as handle:
                if wanted is not None:
                    at.chmod(handle.fileno(), temporary, wanted)
                handle.write(data)
            if replace:
                at.replace(temporary, name)
            else:
                at.link_new(temporary, name, data, 0o666 if wanted is None else wanted)
        except BaseException:
            at.unlink(temporary)
            raise
    finally:
        at.close()
    return Path(real_folder, name)


class _Folder:
    """The target's folder, opened once (POSIX): every name is looked up, created and renamed
    relative to that one folder, so a folder swapped for a link meanwhile is not followed."""

    def __init__(self, real: str) -> None:
        self.real = real
        self.fd = os.open(real, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | _NOFOLLOW | _CLOEXEC) if _AT else None

    def _at(self, name: str) -> tuple[str, dict]:
        return (name, {"dir_fd": self.fd}) if self.fd is not None else (os.path.join(self.real, name), {})

    def lstat(self, name: str) -> os.stat_result:
        where, at = self._at(name)
        return os.stat(where, follow_symlinks=False, **at)

    def temporary(self, name: str, mode: int) -> tuple[str, int]:
        stem = os.fsdecode(os.fsencode(name)[:180])  # a name of 255 bytes still leaves room
        for _ in range(100):
            candidate = f".{stem}.handoff-lint-{os.urandom(6).hex()}"
            where, at = self._at(candidate)
            try:
                return candidate, os.open(where, _NEW, mode, **at)
            except FileExistsError:
                continue
        raise FileExistsError(errno.EEXIST, "no free temporary name", self.real)

    def chmod(self, descriptor: int, name: str, mode: int) -> None:
        if hasattr(os, "fchmod"):
            os.fchmod(descriptor, mode)
        else:
            os.chmod(self._at(name)[0], mode)

    def replace(self, source: str, target: str) -> None:
        if self.fd is not None:
            os.replace(source, target, src_dir_fd=self.fd, dst_dir_fd=self.fd)
        else:
            os.replace(os.path.join(self.real, source), os.path.join(self.real, target))

    def link_new(self, source: str, target: str, data: bytes, mode: int) -> None:
        """``target`` made from the written ``source``, only if nothing holds that name."""
        try:
            if self.fd is not None:
                os.link(source, target, src_dir_fd=self.fd, dst_dir_fd=self.fd)
            else:
                os.link(os.path.join(self.real, source), os.path.join(self.real, target))
        except FileExistsError:
            raise
        except OSError as error:
            if error.errno not in _NO_HARD_LINKS:
                raise
            # no hard links on this file system: the file itself, made exclusively
            where, at = self._at(target)
            with open(os.open(where, _NEW, mode, **at), "wb") as handle:
                handle.write(data)
        self.unlink(source)

    def unlink(self, name: str) -> None:
        where, at = self._at(name)
        try:
            os.unlink(where, **at)
        except OSError:
            pass

    def close(self) -> None:
        if self.fd is not None:
            os.close(self.fd)


# -- helpers -----------------------------------------------------------------------------------
def _within(path: str, folder: str) -> bool:
    try:
        return os.path.commonpath([path, folder]) == folder
    except ValueError:  # another drive on Windows
        return False


def _relative(path: str | os.PathLike) -> str:
    """``path`` as the user would write it from here (the tool's other messages show it so)."""
    try:
        return os.path.relpath(path).replace(os.sep, "/")
    except ValueError:  # another drive on Windows
        return os.fspath(path)

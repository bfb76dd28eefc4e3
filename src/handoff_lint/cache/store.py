"""The cache on disk: one file per salt, ``cache-<salt>.bin``, that checks itself.

Layout: a magic line naming the format, a 32-byte BLAKE2b digest of the rest, then the table as
marshal data (the fastest of the standard library's loaders, and it runs no code). A file that
is cut short, damaged anywhere, of another format, not a regular file, not the user's own, or
that fails to load in any way is an empty cache; the next save writes it whole again. Files are
written 0600 to a temporary name in the same folder and renamed, so concurrent runs never see a
half-written file (the last to finish wins). A folder owned by another user, or writable by its
group or others, is not used at all (see :func:`unsafe`).
"""

from __future__ import annotations

import marshal
import os
import stat
import tempfile

from handoff_lint.hashing import blake2b

MAGIC = b"handoff-lint cache 10\n"
CHECKSUM = 32
OLD_NAMES = ("cache-", "replay-")  # files of earlier formats, removed by the next save


def unsafe(folder: str) -> str | None:
    """Why ``folder`` must not hold a cache (a message naming it), or None. It is created (0700)
    if missing."""
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
        info = os.stat(folder)
    except OSError as error:
        return f"{folder}: {error.strerror or error}"
    if not stat.S_ISDIR(info.st_mode):
        return f"{folder} is not a folder"
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        return f"{folder} belongs to another user"
    if info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return f"{folder} is writable by group or others"
    return None


def load(path: str) -> dict:
    """The table in ``path``, or an empty one when it is missing or cannot be trusted."""
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError:
        return {}
    try:
        with open(descriptor, "rb") as handle:
            info = os.fstat(descriptor)
            if not stat.S_ISREG(info.st_mode) or (hasattr(os, "getuid") and info.st_uid != os.getuid()):
                return {}
            data = handle.read()
        if not data.startswith(MAGIC):
            return {}
        body = memoryview(data)[len(MAGIC) + CHECKSUM:]
        if blake2b(body, digest_size=CHECKSUM).digest() != data[len(MAGIC):len(MAGIC) + CHECKSUM]:
            return {}
        table = marshal.loads(body)
    except Exception:  # marshal raises several kinds on bad data; any of them is an empty cache
        return {}
    return table if type(table) is dict else {}


def save(path: str, table: dict) -> None:
    """Write ``table`` to ``path`` atomically, 0600; never raises."""
    folder = os.path.dirname(path)
    try:
        body = marshal.dumps(table)
        descriptor, temporary = tempfile.mkstemp(prefix=".tmp-", dir=folder)  # 0600
    except (OSError, ValueError):
        return
    try:
        with open(descriptor, "wb") as handle:
            handle.write(MAGIC + blake2b(body, digest_size=CHECKSUM).digest() + body)
        os.replace(temporary, path)
    except OSError:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        return
    _remove_old(folder)


def _remove_old(folder: str) -> None:
    """Files earlier formats left (``cache-*.marshal``, journals, ``replay-*``)."""
    try:
        names = os.listdir(folder)
    except OSError:
        return
    for name in names:
        if name.startswith(OLD_NAMES) and not name.endswith(".bin"):
            try:
                os.unlink(os.path.join(folder, name))
            except OSError:
                pass

"""The cache on disk: a folder per salt, ``cache-<salt>/``, of shard files ``NN.bin`` that check
themselves, and ``data-<digest>.bin``, the parsed rule and schema files (see :mod:`.tables`).

A shard's layout: a magic line naming the format, a 32-byte BLAKE2b digest of the rest, then the table as
marshal data (the fastest of the standard library's loaders, and it runs no code). A file that
is cut short, damaged anywhere, of another format, not a regular file, not the user's own, or
that fails to load in any way is an empty cache; the next save writes it whole again. Files are
written 0600 to a temporary name in the same folder and renamed (:func:`handoff_lint.touch.write_text`),
so concurrent runs never see a half-written file (the last to finish wins). A folder owned by
another user, or writable by its group or others, is not used at all (see :func:`unsafe`).
"""

from __future__ import annotations

import marshal
import os
import stat

from handoff_lint.hashing import blake2b
from handoff_lint.touch import TouchError, write_text

MAGIC = b"handoff-lint cache 10\n"
CHECKSUM = 32
OLD_NAMES = ("cache-", "replay-", "data-")  # what earlier formats and other salts left, removed by a save


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
        descriptor = os.open(
            path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        )
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
        body = memoryview(data)[len(MAGIC) + CHECKSUM :]
        if blake2b(body, digest_size=CHECKSUM).digest() != data[len(MAGIC) : len(MAGIC) + CHECKSUM]:
            return {}
        table = marshal.loads(body)
    except Exception:  # marshal raises several kinds on bad data; any of them is an empty cache
        return {}
    return table if type(table) is dict else {}


def make_folder(folder: str) -> bool:
    """Create a salt's folder (0700); False if it cannot be made or is not the user's own."""
    try:
        os.mkdir(folder, 0o700)
    except FileExistsError:
        pass
    except OSError:
        return False
    return unsafe(folder) is None


def save(path: str, table: dict) -> None:
    """Write ``table`` to ``path`` atomically, 0600, through the Touch seam (a link there is
    replaced, never written through); never raises."""
    try:
        body = marshal.dumps(table)
        write_text(path, MAGIC + blake2b(body, digest_size=CHECKSUM).digest() + body, mode=0o600, replace_link=True)
    except (OSError, ValueError, TouchError):
        pass


def remove_old(folder: str, keep: set[str]) -> None:
    """What earlier formats left in ``folder`` (``cache-*.marshal``, journals, ``replay-*``), the
    data files of other rule files, and the folders of other salts not used for a week: a
    changed setting or an upgrade leaves one. ``keep``: the names in use."""
    import shutil
    import time

    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    week_ago = time.time() - 7 * 86400
    for entry in entries:
        if not entry.name.startswith(OLD_NAMES) or entry.name in keep:
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                if entry.stat(follow_symlinks=False).st_mtime < week_ago:
                    shutil.rmtree(entry.path, ignore_errors=True)
            else:
                os.unlink(entry.path)
        except OSError:
            pass

"""A file's stat taken as proof that its content has not changed since a run read it.

The cache ties a path to the digest of its text through a *stamp*: size, mtime, ctime, inode
and device, from ``lstat`` taken before the read. A later run that finds the same stamp takes
the text to be the one it hashed, without reading the file. That holds only if every change to
the file changes the stamp:

- a write sets mtime and ctime to the file system's clock; restoring mtime afterwards
  (``touch -d``, ``os.utime``) sets ctime again, and no program can set ctime; replacing the
  file (editors, ``git checkout``) gives it another inode or at least another ctime;
- but a change within the same clock tick as the read can leave both times as they were
  ("racily clean", in git's words). So a stamp is recorded only when both times are older than
  the start of the recording run by :data:`RACY_NS`, more than the coarsest timestamps of
  common file systems (FAT's two seconds) plus the lag of the kernel's coarse clock: any later
  change then gets a later time. A file changed less than that before a run is read again by
  the next run too.

Not stamped, so always read: symbolic links (the target can move in or out of the handoff
folder with no stamp changing), anything but a regular file, and every file on Windows, where
``st_ctime`` is the creation time and does not change on a write. Like git, this assumes the
file system's clock is the machine's (a network file system on a server whose clock lags by
more than RACY_NS could defeat the rule).
"""

from __future__ import annotations

import os
import struct
import time
from stat import S_ISREG

RACY_NS = 3_000_000_000
STAMPS = os.name != "nt"
_STRUCT = struct.Struct("<QqqQQ")  # size, mtime, ctime, inode, device: bytes compare fast
_PACK = _STRUCT.pack
_KINDS: dict[str, bytes] = {}


def stamp(info: os.stat_result | None, kind: str) -> bytes | None:
    """The stamp of an ``lstat`` result, with the kind the file was classified as (its text is
    keyed by kind too), or None for what is never stamped."""
    if info is None or not STAMPS or not S_ISREG(info.st_mode):
        return None
    suffix = _KINDS.get(kind)
    if suffix is None:
        suffix = _KINDS[kind] = kind.encode() + b"\0"
    return _PACK(info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev) + suffix


def still(path: str, recorded: bytes) -> bool:
    """Does the file at ``path`` have the stamp ``recorded`` (for the kind it was recorded as)?"""
    return stamp(lstat(path), recorded[_STRUCT.size:-1].decode("utf-8", "surrogateescape")) == recorded


def lstat(path: str) -> os.stat_result | None:
    try:
        return os.lstat(path)
    except (OSError, ValueError):  # gone, or a name the system cannot take
        return None


def cutoff() -> int:
    """Stamps with a time at or after this are racy. Taken once, before a run's first stat."""
    return time.time_ns() - RACY_NS


def settled(info: os.stat_result, cutoff_ns: int) -> bool:
    """May the stamp of ``info``, taken in a run that started at ``cutoff_ns + RACY_NS``, be recorded?"""
    return info.st_mtime_ns < cutoff_ns and info.st_ctime_ns < cutoff_ns


def data_stamp(info: os.stat_result) -> tuple:
    """What the cache's key holds of a rule or schema file (through links; on every system)."""
    return (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)

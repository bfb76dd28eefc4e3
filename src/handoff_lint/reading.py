"""Bytes to text, or an HL0xx finding that names the file and says why it cannot be read."""

from __future__ import annotations

import codecs
import errno
import os
import stat
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from handoff_lint.data.config import DEFAULT_MAX_BYTES
from handoff_lint.findings import Finding
from handoff_lint.touch import Access

_SNIFF = 8192
_UTF16_32_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


class Oversize(NamedTuple):
    """Content over the size limit that was not read (a staged blob): only its size is known."""

    size: int


def _problem(display: str, code: str, message: str, line: int = 1, column: int = 1) -> tuple[None, Finding]:
    return None, Finding(display, line, column, code, message)


_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def read_bytes(
    path: str | Path,
    display: str,
    max_bytes: int = DEFAULT_MAX_BYTES,
    root: Path | None = None,
    access: Access | None = None,
) -> tuple[bytes | None, Finding | None]:
    """``(bytes, None)``, or ``(None, finding)`` saying why the file cannot be read.

    A plain file is opened without following a link (one system call, no stat first); a
    symbolic link is followed only if it leads to a place inside ``root`` (the handoff folder the
    file is in), and nothing is read in a root that itself leads out of the repository (HL005).
    Opened non-blocking, and checked once open: a file swapped for a FIFO must not leave the run
    waiting for a writer that never comes. ``access``: the command's (touch.Access), by which
    ``root`` is judged (required with a root)."""
    if root is not None and access is None:
        raise TypeError("read_bytes: a root is judged by the command's access (touch.Access): none was given")
    if root is not None:  # Touch: nothing is read through a root whose real path leads out
        reason = access.root_outside(root)
        if reason is not None:
            return _problem(display, "HL005", reason)
    try:
        if root is not None and _linked_folder(os.path.dirname(os.fspath(path))) and not _inside(path, root):
            return _problem(
                display,
                "HL005",
                f"in a linked folder that leads to '{os.path.realpath(os.path.dirname(path))}', outside the handoff folder; not read",
            )
        try:
            descriptor = os.open(path, _FLAGS | _NOFOLLOW)
        except OSError as error:
            if error.errno != errno.ELOOP or not os.path.islink(path):
                raise
            if root is not None and not _inside(Path(path), root):
                return _problem(
                    display, "HL005", f"symbolic link to '{os.readlink(path)}', outside the handoff folder; not read"
                )
            descriptor = os.open(path, _FLAGS)  # a link inside the folder: followed
        try:
            opened = os.fstat(descriptor)
            if not stat.S_ISREG(opened.st_mode):
                return _problem(display, "HL003", "not a regular file")
            if opened.st_size > max_bytes:
                return _problem(
                    display, "HL004", f"file is {opened.st_size:,} bytes, over the {max_bytes:,}-byte limit; not read"
                )
            # As much as fstat says, plus one byte; a file that grew since is read on, up to the limit.
            data = os.read(descriptor, opened.st_size + 1)
            if len(data) > opened.st_size:
                data += os.read(descriptor, max_bytes + 1 - len(data))
        finally:
            os.close(descriptor)
    except OSError as error:
        if error.errno == errno.ELOOP:
            reason = "symbolic link loop"
        elif error.errno == errno.ENOENT:
            reason = "broken symbolic link" if os.path.islink(path) else "file vanished before it could be read"
        else:
            reason = error.strerror or type(error).__name__
        return _problem(display, "HL003", f"cannot read file: {reason}")
    return data, None


def read_text(
    path: str | Path,
    display: str,
    max_bytes: int = DEFAULT_MAX_BYTES,
    root: Path | None = None,
    access: Access | None = None,
) -> tuple[str | None, Finding | None]:
    """Return ``(text, None)`` with newlines normalised to ``\\n`` and any BOM removed, or
    ``(None, finding)`` (see :func:`read_bytes` and :func:`decode`)."""
    data, problem = read_bytes(path, display, max_bytes, root, access)
    return (None, problem) if problem is not None else decode(data, display, max_bytes)


def read_document(path: str, root: Path, access: Access) -> bytes | None:
    """The bytes of a document the folder checks read beside the run's own files, or None if it
    cannot be read (its own check says why)."""
    return read_bytes(path, path, root=root, access=access)[0]


def decode(
    data: bytes | Oversize, display: str, max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[str | None, Finding | None]:
    """The checks on content alone, shared by files on disk, staged blobs (``--staged``) and
    standard input (read up to one byte over the limit)."""

    if type(data) is Oversize:  # a staged blob whose size alone was asked
        return _problem(display, "HL004", f"file is {data.size:,} bytes, over the {max_bytes:,}-byte limit; not read")
    if len(data) > max_bytes:  # grew while we looked, or standard input
        return _problem(display, "HL004", f"file is over the {max_bytes:,}-byte limit; not read")
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith(_UTF16_32_BOMS):
        return _problem(display, "HL002", "file is UTF-16 or UTF-32 encoded; save it as UTF-8")
    if b"\x00" in data[:_SNIFF]:
        return _problem(display, "HL001", "file is binary (contains NUL bytes); not read")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        # counted as the text would be: CR and CRLF end lines too, columns are characters
        before = data[: error.start].replace(b"\r\n", b"\n").replace(b"\r", b"\n")
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8")) + 1
        return _problem(
            display, "HL002", f"invalid UTF-8 (byte 0x{data[error.start]:02x}); save the file as UTF-8", line, column
        )
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, None


@lru_cache(maxsize=1024)
def _linked_folder(folder: str) -> bool:
    """Is the folder a file sits in a symbolic link? (asked once per folder, not per file)"""
    return bool(folder) and os.path.islink(folder)


def _inside(link: Path, root: Path) -> bool:
    """Does the symbolic link ``link`` lead to a place inside the folder ``root``?"""
    target, folder = os.path.realpath(link), os.path.realpath(root)
    try:
        return os.path.commonpath([target, folder]) == folder
    except ValueError:  # another drive on Windows
        return False

"""Bytes to text, or an HL0xx finding that names the file and says why it cannot be read."""

from __future__ import annotations

import codecs
import errno
import os
import stat
from functools import lru_cache
from pathlib import Path

from handoff_lint.data.config import DEFAULT_MAX_BYTES
from handoff_lint.findings import Finding

_SNIFF = 8192
_UTF16_32_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def _problem(display: str, code: str, message: str, line: int = 1, column: int = 1) -> tuple[None, Finding]:
    return None, Finding(display, line, column, code, message)


def read_text(
    path: Path, display: str, max_bytes: int = DEFAULT_MAX_BYTES, root: Path | None = None
) -> tuple[str | None, Finding | None]:
    """Return ``(text, None)`` with newlines normalised to ``\\n`` and any BOM removed, or ``(None, finding)``.

    A symbolic link is not followed out of ``root`` (the handoff folder the file is in).
    """

    try:
        if root is not None and os.path.islink(path) and not _inside(path, root):
            return _problem(display, "HL005", f"symbolic link to '{os.readlink(path)}', outside the handoff folder; not read")
        if root is not None and _linked_folder(os.path.dirname(os.fspath(path))) and not _inside(path, root):
            return _problem(display, "HL005", f"in a linked folder that leads to '{os.path.realpath(os.path.dirname(path))}', outside the handoff folder; not read")
        info = os.stat(path)  # follows symlinks: a broken or looping link fails here
        if not stat.S_ISREG(info.st_mode):
            return _problem(display, "HL003", "not a regular file")
        if info.st_size > max_bytes:
            return _problem(display, "HL004", f"file is {info.st_size:,} bytes, over the {max_bytes:,}-byte limit; not read")
        # Non-blocking, and checked again once open: a file swapped for a FIFO after the stat
        # above must not leave the run waiting for a writer that never comes.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with open(descriptor, "rb") as handle:
            opened = os.fstat(descriptor)
            if not stat.S_ISREG(opened.st_mode):
                return _problem(display, "HL003", "not a regular file")
            # As much as fstat says, plus one byte: asking for max_bytes + 1 at once made Python
            # allocate 5 MiB per file (45 us of a 2 KB handoff's 120). A file that grew since
            # is read on, up to the limit, as before.
            data = handle.read(min(opened.st_size, max_bytes) + 1)
            if len(data) > opened.st_size:
                data += handle.read(max_bytes + 1 - len(data))
    except OSError as error:
        if error.errno == errno.ELOOP:
            reason = "symbolic link loop"
        elif error.errno == errno.ENOENT:
            reason = "broken symbolic link" if os.path.islink(path) else "file vanished before it could be read"
        else:
            reason = error.strerror or type(error).__name__
        return _problem(display, "HL003", f"cannot read file: {reason}")
    return decode(data, display, max_bytes)


def read_document(path: str, root: Path) -> bytes | None:
    """The bytes of a document the folder checks read beside the run's own files, or None if it
    cannot be read (its own check says why). A plain file is read without following a link and
    without a Path or a buffered file object (a folder of thousands is read this way); anything
    else takes :func:`read_text`'s way, which keeps links inside ``root``."""
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError:
        text, _problem = read_text(Path(path), path, root=root)
        return None if text is None else text.encode("utf-8", "surrogatepass")
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode) or info.st_size > DEFAULT_MAX_BYTES:
            return None
        data = os.read(descriptor, info.st_size + 1)
        if len(data) > info.st_size:  # it grew since the fstat: read on, up to the limit
            data += os.read(descriptor, DEFAULT_MAX_BYTES + 1 - len(data))
        return data
    except OSError:
        return None
    finally:
        os.close(descriptor)


def decode(data: bytes, display: str, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[str | None, Finding | None]:
    """The checks on content alone, shared by files on disk and staged blobs (``--staged``)."""

    if len(data) > max_bytes:  # grew while we looked, or a staged blob
        return _problem(display, "HL004", f"file is over the {max_bytes:,}-byte limit; not read")
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
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
        return _problem(display, "HL002", f"invalid UTF-8 (byte 0x{data[error.start]:02x}); save the file as UTF-8", line, column)
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

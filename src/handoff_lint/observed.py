"""What a run learnt from the disk besides the text of the files it checked, written down so that
a later run can ask the disk the same questions and see whether every answer still holds (see
:mod:`replay`).

Each note is a question and its answer, keyed by ``(question, path)``:

``"T"``  the type of what ``stat`` finds (0: nothing): is it a file, a folder, is it there?
``"L"``  the same for ``lstat`` (is it a symbolic link?)
``"D"``  the full stamp of a folder, taken *before* it is listed, or of a file before it is
         read (a later change, even a same-size one, gives another mtime or ctime)
``"F"``  the stat layer's stamp of a checked file (see :mod:`filestamp`), as the cache holds it
``"R"``  where the system resolves a path to (its links, and a '..' after them)

Recording is off unless a run turns it on; the functions then only answer. Functions that
remember disk answers for a process (``functools.lru_cache``) register with :func:`remembered`:
turning recording on forgets what they hold, so every answer a run uses is asked, and noted.
"""

from __future__ import annotations

import os
from stat import S_IFDIR, S_IFLNK, S_IFMT, S_IFREG

from handoff_lint import filestamp

_notes: dict | None = None
_relied: set = set()  # files whose content the run used, whose "F" stamps the cache holds
_spoiled = False  # the run relied on something these notes cannot tell again
_caches: list = []


def remembered(function):
    """``lru_cache`` for a function that asks the disk: emptied when recording starts."""
    from functools import lru_cache  # not at the top: a replay imports this module, and no cache

    cached = lru_cache(maxsize=4096)(function)
    _caches.append(cached)
    return cached


def record() -> None:
    """Start noting (and forget what was asked before)."""
    global _notes, _spoiled
    _notes, _spoiled = {}, False
    _relied.clear()
    for cached in _caches:
        cached.cache_clear()


def recording() -> bool:
    return _notes is not None


def take() -> dict | None:
    """Stop noting; the notes, or None if the run relied on something they cannot tell."""
    global _notes
    notes, _notes = _notes, None
    if _relied:  # never resolved: no stamps for them
        spoil()
    return None if _spoiled else notes


def relied_on(path: str) -> None:
    """The run used the content of the file at absolute ``path`` (see :func:`resolve`)."""
    if _notes is not None:
        _relied.add(path)


def resolve(stamp_of) -> None:
    """Note the stamp ``stamp_of(path)`` of every file the run relied on, as the cache recorded
    it before the read; a file it has none for (a link, an unreadable or just-changed file)
    spoils the notes."""
    if _notes is None:
        return
    for path in _relied:
        found = stamp_of(path)
        if found is None:
            spoil()
            break
        _notes[("F", path)] = found
    _relied.clear()


def spoil() -> None:
    """The run relied on something no note can check again (a link, an unreadable file...)."""
    global _spoiled
    _spoiled = True


def merge(notes: dict | None) -> None:
    """Add what another process noted (None: it could not note everything)."""
    if _notes is None:
        return
    if notes is None:
        spoil()
        return
    for key, found in notes.items():
        _note(key, found)


def note(question: str, path, answer) -> None:
    if _notes is not None:
        _note((question, os.fspath(path)), answer)


def _note(key: tuple, answer) -> None:
    """A question asked twice in a run and answered two ways (the disk changed while the run
    looked): the output may rest on either answer, so no replay may rest on it."""
    earlier = _notes.setdefault(key, answer)
    if earlier != answer:
        spoil()


def answer(question: str, path: str, hint=None):
    """Ask the disk ``question`` about ``path`` (``hint``: the answer recorded, for "F")."""
    if question == "F":
        return hint if type(hint) is bytes and filestamp.still(path, hint) else None
    if question == "R":
        return os.path.realpath(path)
    try:
        info = os.lstat(path) if question == "L" else os.stat(path)
    except (OSError, ValueError):
        return 0 if question in "TL" else None
    if question in "TL":
        return S_IFMT(info.st_mode)
    return (S_IFMT(info.st_mode), info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev)


def holds(notes: dict) -> bool:
    """Does the disk give every answer ``notes`` recorded?"""
    for (question, path), recorded in notes.items():
        if answer(question, path, recorded) != recorded:
            return False
    return True


def settled(notes: dict, cutoff_ns: int) -> bool:
    """Are all the stamps among ``notes`` older than the racy window of the run that took them
    (see :func:`filestamp.settled`)? A folder or file changed within it could change again
    without its stamp showing it."""
    for (question, _path), recorded in notes.items():
        if question == "D" and recorded is not None and not (recorded[2] < cutoff_ns and recorded[3] < cutoff_ns):
            return False
    return True


def _ask(question: str, path) -> object:
    found = answer(question, os.fspath(path))
    note(question, path, found)
    return found


def kind(path) -> int:
    """The file type ``stat`` finds at ``path`` (through links), 0 if nothing: noted."""
    return _ask("T", path)


def is_file(path) -> bool:
    return kind(path) == S_IFREG


def is_dir(path) -> bool:
    return kind(path) == S_IFDIR


def exists(path) -> bool:
    return kind(path) != 0


def is_symlink(path) -> bool:
    return _ask("L", path) == S_IFLNK


def resolved(path) -> str:
    """``os.path.realpath(path)``: noted (a link can be pointed elsewhere with no stamp changing)."""
    return _ask("R", path)


def stamp(path) -> tuple | None:
    """The stamp of a folder about to be listed or a file about to be read (None: nothing there)."""
    return _ask("D", path)

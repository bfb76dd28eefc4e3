"""Replay: a check over files nothing in has changed prints what the last such check printed,
without importing click, the checks or the cache (a large warm run spends most of its time on
those imports and on asking the cache about every file).

A ``check`` with the cache on that reports to standard output (no ``--fix``, ``--diff``,
``--staged``, ``--output-file``), exits 0 or 1 and prints nothing on standard error keeps a
*record*: its output, its exit code and every question it asked the disk (:mod:`observed`):
the stamps of the folders it listed and of the files whose text it used (taken before the
listing or the read), the configuration files it looked for, the link targets and ``.git``
folders its checks looked for. The record's file name is a hash of everything else the output
depends on (the *key*): the command line, the working directory, the environment variables the
tool reads, whether standard output is a terminal, the file-name and output encodings, the user
and host (HL206), the Python and handoff-lint versions, the module search path with the stamps
of its folders (a distribution installed, upgraded or removed changes one), and the stamps of
handoff-lint's own code, rules and schemas. The record also holds the date the run took as today; it is replayed on that date
only.

The next run with the same key asks the disk the same questions. If every answer is the same,
it prints the recorded output and exits with the recorded code; if one differs, or anything
goes wrong, it runs in full (and records again). A record is kept only when every stamp in it
is older than the racy window of :mod:`filestamp`, so a change made after it always shows; a
run that relied on what no stamp describes (a symbolic link, an unreadable, binary or
oversized file) keeps none, nor does one that saw the disk answer a question two ways. Each
record carries a checksum; a damaged one is not replayed. At most :data:`KEEP` records are
kept per cache folder.
"""

from __future__ import annotations

import marshal
import os
import sys
import time
import zlib

from handoff_lint import __version__, filestamp, observed
from handoff_lint.resources import PACKAGE_DIR, cache_folder, data_folder

MAGIC = b"handoff-lint replay 3\n"
KEEP = 16
# Environment variables whose value can change a check's output (besides HANDOFF_LINT_*):
# colour, and the login name getpass finds (HL206). A test keeps this list complete.
ENVIRONMENT = ("NO_COLOR", "LOGNAME", "USER", "LNAME", "USERNAME", "HOME")
PREFIX = "HANDOFF_LINT_"
_SKIPPED_DIRS = frozenset({"__pycache__"})


def key(args: list[str]) -> bytes | None:
    """What, besides the disk, a check's output depends on; None while handoff-lint's own files
    are too new to trust (being edited) or cannot be listed. Never raises."""
    try:
        return _key(args)
    except Exception:
        return None


def _key(args: list[str]) -> bytes | None:
    cutoff = filestamp.cutoff()
    own, modules = _own_stamps(cutoff), _module_folders(cutoff)
    if own is None or modules is None:
        return None
    environment = sorted((name, value) for name, value in os.environ.items() if name.startswith(PREFIX) or name in ENVIRONMENT)
    stdout = sys.stdout
    terminal = bool(stdout is not None and hasattr(stdout, "isatty") and stdout.isatty())
    who = (os.getuid() if hasattr(os, "getuid") else -1, os.uname().nodename if hasattr(os, "uname") else "")
    versions = (sys.version, sys.prefix, modules)
    encodings = (sys.getfilesystemencoding(), sys.getfilesystemencodeerrors(), sys.flags.utf8_mode, getattr(stdout, "encoding", None), getattr(stdout, "errors", None))
    parts = (MAGIC, __version__, versions, os.getcwd(), list(args), environment, terminal, encodings, who, own)
    # repr, not marshal: marshal's bytes for equal values differ with the objects' reference
    # counts and interning, and a key must be the same bytes in every process
    return repr(parts).encode("utf-8", "surrogatepass")


def _module_folders(cutoff: int) -> list[tuple] | None:
    """The module search path, with the stamp of each folder on it: a module added to one, or a
    distribution installed, upgraded or removed (its .dist-info folder comes or goes), can
    change what is imported and so a check's findings. None while one changed too recently for
    its stamp to be trusted (filestamp.settled)."""
    found = []
    for folder in sys.path:
        try:
            info = os.stat(folder or ".")
        except OSError:
            found.append((folder, None))
            continue
        if not filestamp.settled(info, cutoff):
            return None
        found.append((folder, info.st_mtime_ns, info.st_ctime_ns, info.st_ino))
    return found


def _own_stamps(cutoff: int) -> list | None:
    """(path, size, mtime, ctime) of every file of the package and its rules and schemas."""
    found: list = []
    data = [folder for folder in (data_folder("rules"), data_folder("schemas")) if folder]
    # in a wheel they are inside the package, walked with it
    folders = [PACKAGE_DIR, *(folder for folder in data if not folder.startswith(PACKAGE_DIR + os.sep))]
    while folders:
        folder = folders.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    if entry.name not in _SKIPPED_DIRS:
                        folders.append(entry.path)
                    continue
                info = entry.stat()
                if not filestamp.settled(info, cutoff):
                    return None
                found.append((entry.path, info.st_size, info.st_mtime_ns, info.st_ctime_ns))
    found.sort()
    return found


def _record_path(args: list[str], own_key: bytes) -> str | None:
    folder = chosen_folder(args)
    if folder is None:
        return None
    # zlib, not hashlib (whose import costs more than the rest of a replay); the record holds
    # its whole key, so two keys that share a name only replace each other's record
    return os.path.join(folder, f"run-{zlib.crc32(own_key):08x}{zlib.adler32(own_key):08x}.marshal")


def chosen_folder(args: list[str]) -> str | None:
    """The cache folder ``args`` name (--cache-dir, else the default), or None for --no-cache.
    Read from the raw arguments: a run stores its record only where this finds it again."""
    if "--no-cache" in args:
        return None
    explicit = None
    for position, arg in enumerate(args):
        if arg == "--cache-dir" and position + 1 < len(args):
            explicit = args[position + 1]
        elif arg.startswith("--cache-dir="):
            explicit = arg.split("=", 1)[1]
    return cache_folder(explicit)


def replayed(args: list[str], own_key: bytes | None) -> int | None:
    """Print the recorded output of this check and return its exit code, if a record for these
    arguments and :func:`key` holds; else None (run the check). Never raises."""
    try:
        path = _record_path(args, own_key) if own_key is not None else None
        if path is None:
            return None
        with open(path, "rb") as handle:
            data = handle.read()
        head = len(MAGIC) + 4
        if not data.startswith(MAGIC) or data[len(MAGIC):head] != zlib.crc32(data[head:]).to_bytes(4, "big"):
            return None  # not a record, or a damaged one
        stored_key, day, notes, output, code = marshal.loads(memoryview(data)[head:])
        if stored_key != own_key or type(notes) is not dict or type(output) is not str or code not in (0, 1):
            return None
        if day != _today():  # the staleness rule (HL410) counts days from the run's today
            return None
        if not observed.holds(notes):
            return None
    except Exception:  # no record, a damaged one, a strange file system: run the check
        return None
    try:
        sys.stdout.write(output)
        sys.stdout.flush()
    except BrokenPipeError:
        sys.stderr.close()
        return 2
    except Exception:  # no standard output to write to: the full run says why
        return None
    return code


def _today() -> tuple | None:
    """Today as a run takes it (config.today_from_env): None while HANDOFF_LINT_TODAY, which is
    part of the key, sets it; else the local date."""
    return None if os.environ.get(f"{PREFIX}TODAY", "").strip() else tuple(time.localtime()[:3])


def store(args: list[str], own_key: bytes | None, cache_dir: str, notes: dict | None, output: str, code: int, cutoff: int, today) -> None:
    """Keep the record of a check (see the module's text); quietly nothing if it cannot be
    replayed or written. ``today``: the date the run used (its config's)."""
    if own_key is None or notes is None or not observed.settled(notes, cutoff):
        return
    path = _record_path(args, own_key)
    if path is None or os.path.normpath(os.path.dirname(path)) != os.path.normpath(cache_dir):  # never found
        return
    folder = os.path.dirname(path)
    temporary = f"{path}.{os.getpid()}.{os.urandom(6).hex()}.tmp"
    try:
        os.makedirs(folder, exist_ok=True)
        day = None if _today() is None else (today.year, today.month, today.day)
        payload = marshal.dumps((own_key, day, notes, output, code))
        with open(temporary, "xb") as handle:  # a checksum: a damaged record is never replayed
            handle.write(MAGIC + zlib.crc32(payload).to_bytes(4, "big") + payload)
        os.replace(temporary, path)
        _evict(folder)
    except OSError:
        try:
            os.unlink(temporary)
        except OSError:
            pass


def _evict(folder: str) -> None:
    """Keep the newest :data:`KEEP` records (a hook's runs each pass other files)."""
    records = []
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.name.startswith("run-") and entry.name.endswith(".marshal"):
                try:
                    records.append((entry.stat().st_mtime_ns, entry.path))
                except OSError:
                    pass
    for _mtime, path in sorted(records)[:-KEEP]:
        try:
            os.unlink(path)
        except OSError:
            pass

"""The result cache: findings of the content-only checks, keyed by what decides them.

A file's entry is keyed by a hash of its kind and text; the cache file itself is named by a hash
of everything else that can change a finding: the tool version, the effective configuration,
the checks that ran, the rule and schema data files (their sizes and mtimes, so editing
``rules/`` in a checkout is never served stale results) and the login and host name HL206 looks
for. Checks that read the disk (HL5 references) and the folder checks (HL4) always run.

One JSON file per key, replaced atomically: concurrent runs cannot corrupt it (the last one to
finish wins, and every entry it holds is right for its key). A cache folder that cannot be
written only makes the run slower.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from handoff_lint import __version__
from handoff_lint.findings import Finding

MAX_ENTRIES = 100_000


def digest(kind: str, text: str) -> str:
    return hashlib.blake2b(f"{kind}\0{text}".encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def salt(config, modules) -> str:
    """Everything besides a file's content that decides its content-only findings."""
    import getpass
    import socket

    from handoff_lint.resources import data_dir

    data = []
    for name in ("rules", "schemas"):
        for path in sorted(data_dir(name).iterdir()):
            info = path.stat()
            data.append((path.name, info.st_size, info.st_mtime_ns))
    try:
        user = getpass.getuser()
    except Exception:
        user = ""
    parts = {
        "version": __version__,
        "modules": [m.__name__ for m in modules],
        "select": config.select, "ignore": config.ignore, "severity": config.severity,
        "domains": config.internal_domains, "placeholders": config.placeholder_users,
        "status_words": config.status_words, "max_file_size": config.max_file_size,
        "extra_sections": config.extra_sections, "roots": [str(r) for r in config.roots],
        "own": [os.environ.get("HANDOFF_LINT_OWN_IDENTIFIERS"), user, socket.gethostname()],
        "data": data,
    }
    return hashlib.blake2b(json.dumps(parts, sort_keys=True, default=list).encode(), digest_size=12).hexdigest()


class Cache:
    def __init__(self, directory: Path, key: str) -> None:
        self.directory = Path(directory)
        self.file = self.directory / f"results-{key}.json"
        self.entries: dict[str, list] = {}
        self.fresh: dict[str, list] = {}
        try:
            with open(self.file, encoding="utf-8") as handle:
                loaded = json.load(handle)
            if isinstance(loaded, dict):
                self.entries = loaded
        except (OSError, ValueError):
            pass  # no cache yet, or a damaged one: start over

    @classmethod
    def from_entries(cls, entries: dict) -> "Cache":
        """A worker's view: the entries to read; what it adds is handed back by take_fresh()."""
        view = cls.__new__(cls)
        view.directory, view.file, view.entries, view.fresh = None, None, entries, {}
        return view

    def take_fresh(self) -> dict:
        fresh, self.fresh = self.fresh, {}
        return fresh

    def get(self, key: str, display: str):
        """``(findings, scan or None)`` for a text seen before, or None."""
        stored = self.entries.get(key)
        if stored is None:
            return None
        try:
            rows, scan = stored
            findings = [Finding(display, line, column, code, message, fixable=fixable, secret_hash=secret) for line, column, code, message, fixable, secret in rows]
            if scan is not None:
                from handoff_lint.folder_index import Scan

                scan = Scan.from_json(scan)
        except (TypeError, ValueError, AttributeError):
            return None  # an entry from another layout: compute afresh
        self.fresh[key] = stored
        return findings, scan

    def put(self, key: str, findings: list[Finding], scan=None) -> None:
        rows = [[f.line, f.column, f.code, f.message, f.fixable, f.secret_hash] for f in findings]
        self.fresh[key] = [rows, scan.to_json() if scan is not None else None]

    def save(self) -> None:
        if all(self.entries.get(k) == v for k, v in self.fresh.items()):
            return  # nothing new: a one-file run over a warm cache writes nothing
        merged = {**{k: v for k, v in self.entries.items() if k not in self.fresh}, **self.fresh}
        if len(merged) > MAX_ENTRIES:  # keep this run's entries and the newest of the rest
            merged = dict(list(merged.items())[-MAX_ENTRIES:])
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            tag = self.directory / "CACHEDIR.TAG"  # backup tools skip the folder
            if not tag.exists():
                tag.write_text("Signature: 8a477f597d28d172789f06886806bc55\n# handoff-lint's result cache\n", encoding="utf-8")
            temporary = self.directory / f".{self.file.name}.{os.getpid()}.tmp"
            with open(temporary, "w", encoding="utf-8") as handle:
                handle.write(json.dumps(merged, separators=(",", ":")))  # dumps: the C encoder, 5x dump
            os.replace(temporary, self.file)
        except OSError:
            pass  # a read-only checkout: run without a cache


class ScanCache:
    """The folder index's memory of files a run does not check: path -> (size, mtime, scan).

    A pre-commit run passes one file, but the lifecycle checks need every document of its
    handoff folder; with this, the others cost a ``stat`` each instead of a read and a scan.
    A file whose size or modification time changed is read again.
    """

    def __init__(self, directory: Path, project: str) -> None:
        self.directory = Path(directory)
        self.file = self.directory / f"index-{project}.json"
        self.entries: dict[str, list] = {}
        self.changed = False
        try:
            with open(self.file, encoding="utf-8") as handle:
                loaded = json.load(handle)
            if isinstance(loaded, dict) and loaded.get("version") == __version__:
                self.entries = loaded.get("files", {})
        except (OSError, ValueError, AttributeError):
            pass

    def lookup(self, path: str, info: os.stat_result):
        stored = self.entries.get(path)
        if not stored or stored[0] != info.st_size or stored[1] != info.st_mtime_ns:
            return None
        from handoff_lint.folder_index import Scan

        try:
            return Scan.from_json(stored[2])
        except (TypeError, ValueError, AttributeError):
            return None

    def store(self, path: str, info: os.stat_result, scan) -> None:
        stored = self.entries.get(path)
        if stored and stored[0] == info.st_size and stored[1] == info.st_mtime_ns:
            return
        self.entries[path] = [info.st_size, info.st_mtime_ns, scan.to_json()]
        self.changed = True

    def save(self) -> None:
        if not self.changed:
            return
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            temporary = self.directory / f".{self.file.name}.{os.getpid()}.tmp"
            with open(temporary, "w", encoding="utf-8") as handle:
                handle.write(json.dumps({"version": __version__, "files": self.entries}, separators=(",", ":")))
            os.replace(temporary, self.file)
        except OSError:
            pass


def directory(explicit: str | None) -> Path:
    """--cache-dir, else HANDOFF_LINT_CACHE_DIR, else the user's cache folder
    ($XDG_CACHE_HOME/handoff-lint or ~/.cache/handoff-lint): nothing is written into the
    repository being checked."""
    chosen = explicit or os.environ.get("HANDOFF_LINT_CACHE_DIR")
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "handoff-lint"


def project(config) -> str:
    """A short name for the project (so two repositories do not evict each other's entries)."""
    folder = str(config.source.parent if config.source is not None else Path.cwd())
    return hashlib.blake2b(folder.encode("utf-8", "surrogatepass"), digest_size=4).hexdigest()


def key(config, modules) -> str:
    """The results file's key: the salt and the project."""
    return f"{salt(config, modules)}-{project(config)}"

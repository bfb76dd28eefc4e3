"""The one cache: what the content-only checks found in a text, keyed by the text itself (and
its kind and file name).

The engine asks it through one interface (``engine.cached.RunCache``): "the findings for this
text, or compute and store them" (the pipeline) and "the line scan of this document" (the
folder checks, for a document the run did not check). A key is a digest of the document kind,
the file's name and the text; the file it lives in is named by a *salt* of everything else a
content-only finding depends on (see :mod:`.key`). The cache never decides from a file's size,
times or inode whether to read it: every run reads every file it checks, so an edit that keeps
the old times, or a write through a shared mapping, is seen like any other.

What is kept per text: its content-only findings (HL1-HL3, messages already shown through
:func:`handoff_lint.show.shown` by the text's secret values, so no secret in full), where its
secrets are (line and columns, never the values: a cached text's values are read from the text
itself) and its line scan (title, fields, reference links: what the folder checks read), the
scan only for a text that holds no secret. The folder checks (HL4) and link checks (HL5) run
every time.

Storage is :mod:`.store`: a folder per salt, ``cache-<salt>/``, of shard files, each with a
checksum; damage, another format or any load error is an empty shard, never a wrong answer.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass

from handoff_lint.cache import key, store, tables
from handoff_lint.findings import Finding
from handoff_lint.hashing import blake2b

DIGEST = 16  # bytes of a text's key
MAX_ENTRIES = 100_000  # beyond this, only what this run used is kept
SHARDS = 64


def digest(kind: str, name: str, text: str) -> bytes:
    """The key of a text of ``kind`` in a file called ``name``: a template and a handoff with the
    same text differ, and so do two responses with one text, since a response's file name may
    name its original handoff (the structure check reads it)."""
    return blake2b(f"{kind}\0{name}\0{text}".encode("utf-8", "surrogatepass"), digest_size=DIGEST).digest()


@dataclass(slots=True)
class Entry:
    """A text's cached ``findings`` (None: not computed yet), ``scan`` (plain data, or None) and
    ``spans``: where its secrets are, (line index, start, end, characters shown) each (None:
    not known)."""

    findings: list[Finding] | None
    scan: tuple | None
    spans: tuple | None


class Cache:
    """The entries of one salt, in :data:`SHARDS` files by the first byte of their key, each
    loaded when a key of it is first asked (a one-file run loads one or two) and written back
    only if this run changed it. ``folder`` None: nothing is read or written."""

    def __init__(self, folder: str | None) -> None:
        self.folder = folder
        self.shards: dict[int, dict] = {}
        self.changed: set[int] = set()
        self.used: set[bytes] = set()

    @classmethod
    def open(cls, folder: str, config) -> Cache | None:
        """The cache for this configuration in ``folder``, or None (with one warning line on
        standard error) when the folder is not safe to use: owned by another user, or writable
        by group or others."""
        problem = store.unsafe(folder)
        if problem is not None:
            sys.stderr.write(f"handoff-lint: warning: cache not used: {problem}\n")
            return None
        return cls(os.path.join(folder, f"cache-{key.salt(config)}"))

    def _shard(self, key: bytes) -> tuple[int, dict]:
        number = key[0] % SHARDS
        table = self.shards.get(number)
        if table is None:
            table = self.shards[number] = store.load(self._file(number)) if self.folder is not None else {}
        return number, table

    def _file(self, number: int) -> str:
        return os.path.join(self.folder, f"{number:02x}.bin")

    def _row(self, key: bytes):
        row = self._shard(key)[1].get(key)
        if type(row) is not tuple or len(row) != 3:  # absent, or of another shape: as if absent
            return None
        self.used.add(key)
        return row

    def get(self, key: bytes, display: str) -> Entry | None:
        """The entry of a text, its findings placed in the file shown as ``display``."""
        row = self._row(key)
        if row is None:
            return None
        rows, scan, spans = row
        try:
            findings = None if rows is None else [Finding(display, *fields) for fields in rows]
        except TypeError:
            return None
        if spans is not None and not _are_spans(spans):
            return None
        return Entry(findings, scan if type(scan) is tuple and spans == () else None, spans)

    def put(self, key: bytes, findings: list[Finding] | None, scan, spans: tuple) -> None:
        """Keep a text's findings (None: unknown; their messages already shown), where its
        secrets are, and its scan data (None: none to keep; not kept for a text with secrets,
        since a scan quotes the text)."""
        if spans:
            scan = None
        rows = None
        if findings is not None:
            rows = tuple(
                (f.line, f.column, f.code, f.message, f.severity, f.fixable, f.secret_hash, f.expected, f.found)
                for f in findings
            )
        number, table = self._shard(key)
        old = self._row(key)
        if old is not None:  # what is known stays known
            rows = old[0] if rows is None else rows
            scan = old[1] if scan is None else scan
        self.used.add(key)
        if old != (rows, scan, spans):
            table[key] = (rows, scan, spans)
            self.changed.add(number)

    def save(self) -> None:
        """Write back the shards this run changed (never raises: a cache that cannot be written
        only makes the next run slower)."""
        if self.folder is None:
            return
        tables.save(os.path.dirname(self.folder))
        if not self.changed or not store.make_folder(self.folder):
            return
        for number in sorted(self.changed):
            table = self.shards[number]
            if len(table) > MAX_ENTRIES // SHARDS:
                table = {key: row for key, row in table.items() if key in self.used}
            store.save(self._file(number), table)
        top = os.path.dirname(self.folder)
        store.remove_old(top, {os.path.basename(self.folder), os.path.basename(tables.path(top))})


def _are_spans(spans) -> bool:
    """Spans as :mod:`handoff_lint.detect.scan` makes them: a tuple of four integers each."""
    return type(spans) is tuple and all(
        type(span) is tuple and len(span) == 4 and all(type(n) is int for n in span) for span in spans
    )

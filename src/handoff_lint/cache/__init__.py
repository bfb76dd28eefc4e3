"""The one cache: what the content-only checks found in a text, keyed by the text itself.

The engine asks it in one place (``engine.pipeline``): "the findings for this text, or compute
and store them". A key is a digest of the document kind and the text; the file it lives in is
named by a *salt* of everything else a content-only finding depends on (see :mod:`.key`). The
cache never decides from a file's size, times or inode whether to read it: every run reads every
file it checks, so an edit that keeps the old times, or a write through a shared mapping, is
seen like any other.

What is kept per text: its content-only findings (HL1-HL3, messages already shown through
:func:`handoff_lint.show.shown`, so no secret in full) and its line scan (title, fields,
reference links: what the folder checks read), the scan only when none of its strings looks
like a credential. The folder checks (HL4) and link checks (HL5) run every time.

Storage is :mod:`.store`: one file per salt with a checksum; damage, another format or any load
error is an empty cache, never a wrong answer.
"""

from __future__ import annotations

import os
import sys

from handoff_lint.findings import Finding
from handoff_lint.hashing import blake2b

DIGEST = 16  # bytes of a text's key
MAX_ENTRIES = 100_000  # beyond this, only what this run used is kept


def digest(kind: str, text: str) -> bytes:
    """The key of a text of ``kind`` (a template and a handoff with the same text differ)."""
    return blake2b(f"{kind}\0{text}".encode("utf-8", "surrogatepass"), digest_size=DIGEST).digest()


class Entry:
    """A text's cached ``findings`` (None: not computed yet) and ``scan`` (plain data, or None)."""

    __slots__ = ("findings", "scan")

    def __init__(self, findings: list[Finding] | None, scan) -> None:
        self.findings, self.scan = findings, scan


class Cache:
    """The entries of one salt, loaded from disk (``path`` None: nothing is written)."""

    def __init__(self, path: str | None, table: dict | None = None) -> None:
        self.path = path
        self.table: dict = {} if table is None else table
        self.used: set[bytes] = set()
        self.changed = False

    @classmethod
    def open(cls, folder: str, config) -> "Cache | None":
        """The cache for this configuration in ``folder``, or None (with one warning line on
        standard error) when the folder is not safe to use: owned by another user, or writable
        by group or others."""
        from handoff_lint.cache import key, store

        problem = store.unsafe(folder)
        if problem is not None:
            sys.stderr.write(f"handoff-lint: warning: cache not used: {problem}\n")
            return None
        path = os.path.join(folder, f"cache-{key.salt(config)}.bin")
        return cls(path, store.load(path))

    def get(self, key: bytes, display: str) -> Entry | None:
        """The entry of a text, its findings placed in the file shown as ``display``, if the
        cache has one of the right shape."""
        row = self.table.get(key)
        if row is None:
            return None
        try:
            rows, scan = row
            findings = None if rows is None else [Finding(display, *fields) for fields in rows]
        except (TypeError, ValueError):  # a row of another shape: as if absent
            return None
        self.used.add(key)
        return Entry(findings, scan)

    def scan(self, key: bytes):
        """The scan data kept for a text, or None."""
        row = self.table.get(key)
        if type(row) is not tuple or len(row) != 2 or type(row[1]) is not tuple:
            return None
        self.used.add(key)
        return row[1]

    def put(self, key: bytes, findings: list[Finding] | None, scan) -> None:
        """Keep a text's findings (None: unknown) and scan data (None: none to keep)."""
        from handoff_lint.show import holds_secret

        if scan is not None and holds_secret(_strings(scan)):
            scan = None
        if findings is not None:
            rows = tuple((f.line, f.column, f.code, f.message, f.severity, f.fixable, f.secret_hash) for f in findings)
            if holds_secret(row[3] for row in rows):  # a check quoted a secret unredacted: keep nothing
                rows = None
        else:
            rows = None
        old = self.table.get(key)
        if old is not None and old[0] is not None and rows is None:
            rows = old[0]  # a scan stored for a text whose findings are known keeps them
        new = (rows, scan if scan is not None or old is None else old[1])
        self.used.add(key)
        if old != new:
            self.table[key] = new
            self.changed = True

    def save(self) -> None:
        """Write the entries back if this run changed any (never raises: a cache that cannot be
        written only makes the next run slower)."""
        from handoff_lint.cache import store

        if not self.changed or self.path is None:
            return
        table = self.table
        if len(table) > MAX_ENTRIES:
            table = {key: row for key, row in table.items() if key in self.used}
        store.save(self.path, table)


def _strings(scan) -> list[str]:
    """Every text a scan's plain data holds: (title, fields, references)."""
    title, fields, references = scan
    return [title or "", *(value for value, _line in fields.values()), *(reference[0] for reference in references)]

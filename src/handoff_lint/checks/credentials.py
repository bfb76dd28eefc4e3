"""HL3xx: API keys and tokens, private keys, passwords in URLs, secret assignments. Every text
file; inside code fences and inline code too. Messages show only a redacted form of the secret.

The detection itself is :mod:`handoff_lint.detect` (gates, patterns, detect-secrets, the scan of
a text); this module turns what a text's one scan found into findings: a document's
(:attr:`Source.hits`), the run's file names' (HL306) and a binary file's printable runs'
(the file checks: checks/__init__.py FILE_CHECKS).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from handoff_lint.detect.patterns import Hit
from handoff_lint.detect.peer import baseline_hash
from handoff_lint.detect.redact import redact
from handoff_lint.detect.scan import hits_by_line, spans_of, values_at
from handoff_lint.findings import Finding

if TYPE_CHECKING:
    from handoff_lint.data.config import Config
    from handoff_lint.model.source import Source

KINDS = None
IN_BINARY = "in a binary file: "  # a binary file's finding says so first: no text to rewrite there


def _finding(display: str, line: int, column: int, hit: Hit, code: str = "", where: str = "") -> Finding:
    """The finding for ``hit``: its rule (or ``code``), the secret shown redacted, the hash a
    detect-secrets baseline keeps of it."""
    message = f"{where}{hit.label} {redact(hit.secret, keep=hit.keep)}"
    return Finding(display, line, column, code or hit.code, message, secret_hash=baseline_hash(hit))


def check(source: Source, config: Config) -> list[Finding]:
    return [_finding(source.display, index + 1, hit.start + 1, hit) for index, hits in source.hits for hit in hits]


def file_name_hits(displays: list[str]) -> list[tuple[int, list[Hit]]]:
    """The credentials in the run's file names, gated together as the lines of one text."""
    return hits_by_line(displays)


def check_file_names(displays: list[str], found: list[tuple[int, list[Hit]]] | None = None) -> list[Finding]:
    """HL306: a credential in a file's name (shown in every report, committed with the file).
    Not a content check: two files with one text may have different names. ``found``: the
    names' hits, if already scanned (:func:`file_name_hits`)."""
    found = file_name_hits(displays) if found is None else found
    return [_finding(displays[index], 1, 1, hits[0], "HL306", "file name holds ") for index, hits in found]


_PRINTABLE_RUN = re.compile(r"[\x20-\x7e\t]{8,}")


def binary_runs(data: bytes) -> list[str]:
    """The printable runs of a binary file (what ``strings`` shows)."""
    return _PRINTABLE_RUN.findall(data.decode("latin-1"))  # one character per byte


def check_binary(display: str, data: bytes) -> tuple[list[Finding], tuple]:
    """Credentials in the printable runs of a binary file's ``data``, and their values (by
    which the findings are shown): a NUL byte at the top of a ``.env`` must not hide the key below
    it. Reported at line 1, since a binary file has no lines to point at."""
    runs = binary_runs(data)
    found = hits_by_line(runs)
    findings = [_finding(display, 1, 1, hit, where=IN_BINARY) for _index, hits in found for hit in hits]
    return findings, tuple(values_at(runs, spans_of(found)))

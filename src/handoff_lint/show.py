"""Show: the one function every text derived from a document passes through before it is printed
or stored (a message, a path, a board cell, a diff line, a cache entry).

A text derived from scanned documents is redacted by the secret values their scans found
(``known``: :class:`handoff_lint.detect.values.Known`), in every form the tool derives from
them; no detector runs again. A text no scan stands behind (git's messages, an exception's text,
a path typed on the command line) is given no ``known`` and the detectors run on it: the second
net. Then every character a terminal, a CI log or an XML report must not see raw is escaped (see
:func:`handoff_lint.findings.printable`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from handoff_lint.detect.scan import redact_detected
from handoff_lint.findings import printable

if TYPE_CHECKING:
    from handoff_lint.detect.values import Known


def shown(text: str, limit: int | None = None, known: Known | None = None) -> str:
    """``text`` as it may be shown: its secrets redacted (by ``known``'s values, or, with none
    given, by the detectors), then escaped and cut to ``limit``."""
    return printable(redacted(text, known), limit)


def redacted(text: str, known: Known | None = None) -> str:
    """``text`` with its secrets redacted as :func:`shown` does, not escaped: for a text whose
    line breaks a format keeps (SARIF's rule help)."""
    return redact_detected(text) if known is None else known.redact(text)

"""Show: the one function every text derived from a document passes through before it is printed
or stored (a message, a path, a board cell, a diff line, a cache entry).

What any credential detector recognises is redacted, and every character a terminal, a CI log or
an XML report must not see raw is escaped (see :func:`handoff_lint.findings.printable`).
"""

from __future__ import annotations

from typing import Iterable

from handoff_lint.findings import printable


def redacted(text: str) -> str:
    """``text`` with every credential any enabled detector recognises shown redacted (see
    :func:`handoff_lint.checks.credentials.redact_text`)."""
    from handoff_lint.checks.credentials import redact_text

    return redact_text(text)


def shown(text: str, limit: int | None = None) -> str:
    """``text`` as it may be shown: credentials redacted, then escaped and cut to ``limit``."""
    return printable(redacted(text), limit)


def holds_secret(texts: Iterable[str]) -> bool:
    """Does any of ``texts`` hold what a detector takes for a credential? (What the cache keeps
    must not.)"""
    return any(redacted(text) != text for text in texts)

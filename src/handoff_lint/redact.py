"""The one way a secret is shown: a short prefix and its length, never the whole value."""

from __future__ import annotations


def redact(secret: str, keep: int = 4) -> str:
    """``ghp_Zq3...`` (40 chars) -> ``ghp_…(40 chars)``; short secrets show no characters."""
    shown = secret[:keep] if len(secret) >= 3 * keep else ""
    return f"{shown}…({len(secret)} chars)"


def secret_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every credential any enabled detector recognises in ``text``: our token
    patterns, private-key headers, URL passwords, secret assignments and each detect-secrets
    plugin's matches. Cheap on a text that holds none (only the gates' substring tests run)."""
    from handoff_lint.checks.credentials import secret_spans as spans  # the detectors live there

    return spans(text)


def redact_text(text: str) -> str:
    """``text`` with each of :func:`secret_spans` shortened (a token keeps a short prefix and its
    length, a password only its length): the form in which any text the tool shows or stores
    must pass."""
    from handoff_lint.checks.credentials import redact_text as redacted

    return redacted(text)

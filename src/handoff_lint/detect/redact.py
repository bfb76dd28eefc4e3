"""The one way a secret is shown: a short prefix and its length, never the whole value."""

from __future__ import annotations


def redact(secret: str, keep: int = 4) -> str:
    """``ghp_Zq3...`` (40 chars) -> ``ghp_…(40 chars)``; short secrets show no characters."""
    shown = secret[:keep] if len(secret) >= 3 * keep else ""
    return f"{shown}…({len(secret)} chars)"

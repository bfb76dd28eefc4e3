"""blake2b, the hash behind every key the tool makes (texts' digests, the cache's salt, the
compiled schemas' digests), from the interpreter's own ``_blake2`` module: hashlib's import loads
OpenSSL, 4 ms of a cold run."""

from __future__ import annotations

try:
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - an interpreter without the module
    from hashlib import blake2b

__all__ = ["blake2b"]

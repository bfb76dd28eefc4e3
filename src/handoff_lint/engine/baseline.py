"""``--baseline FILE``: a detect-secrets ``.secrets.baseline`` whose audited secrets are not
reported again, so a repository that already uses detect-secrets keeps its decisions.

A credential finding is dropped when the baseline lists the same secret (by detect-secrets'
SHA-1 ``hashed_secret``, of what its plugin captured: see credentials.baseline_hash) for the
same file; line numbers are ignored because they move.
"""

from __future__ import annotations

import json
from pathlib import Path

from handoff_lint.findings import Finding


class BaselineError(ValueError):
    pass


def load(path: str | Path) -> set[tuple[str, str]]:
    """(file name, hashed secret) pairs from a detect-secrets baseline."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        results = data["results"]
        return {
            (filename.replace("\\\\", "/"), entry["hashed_secret"])
            for filename, entries in results.items()
            for entry in entries
        }
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise BaselineError(f"{path}: not a detect-secrets baseline ({type(error).__name__}: {error})") from None


def _same_file(display: str, filename: str) -> bool:
    return display == filename or display.endswith("/" + filename) or filename.endswith("/" + display)


def apply(findings: list[Finding], known: set[tuple[str, str]]) -> list[Finding]:
    hashes = {digest for _name, digest in known}
    return [
        f
        for f in findings
        if not (
            f.secret_hash in hashes
            and any(digest == f.secret_hash and _same_file(f.path, name) for name, digest in known)
        )
    ]

"""The salt: everything besides a text that decides its content-only findings. Texts checked
under another salt are kept in another file, so a change of settings, rules or version never
serves an old answer."""

from __future__ import annotations

import os
import sys
from functools import lru_cache

from handoff_lint import __version__
from handoff_lint.data.identity import login_and_host
from handoff_lint.data.resources import data_dir
from handoff_lint.hashing import blake2b


@lru_cache(maxsize=1)
def data_digest() -> str:
    """A digest of the bytes of every rule and schema file (read, not stat'ed: an edit that keeps
    the file's times still changes the salt)."""
    hashed = blake2b(digest_size=16)
    for name in ("rules", "schemas"):
        for path in sorted(data_dir(name).iterdir()):
            if path.is_file():
                hashed.update(f"{name}/{path.name}\0".encode())
                hashed.update(path.read_bytes())
                hashed.update(b"\1")
    return hashed.hexdigest()


def salt(config) -> str:
    """The tool version, the settings, the login and host name HL206 looks for, and the rule and
    schema data (the checks a run selects follow from the settings and the rule files)."""
    parts = {
        "version": __version__,
        "python": sys.implementation.cache_tag,  # marshal's format may differ between versions
        "config": repr(config),  # every setting, by name: a new setting joins the salt by itself
        "own": [os.environ.get("HANDOFF_LINT_OWN_IDENTIFIERS"), *login_and_host()],
        "data": data_digest(),
        "schemas": _team_schemas(config),
    }
    return blake2b(repr(parts).encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()


def _team_schemas(config) -> str:
    """A digest of the bytes of a team's own protocol schemas (the configuration names them by
    path; an edit to one must not serve an old answer)."""
    paths = sorted(
        {
            spec[part]
            for spec in (getattr(config, "protocols", None) or {}).values()
            for part in ("handoff", "response")
            if spec.get(part, "").endswith(".json")
        }
    )
    if not paths:
        return ""
    hashed = blake2b(digest_size=16)
    for path in paths:
        hashed.update(path.encode("utf-8", "surrogatepass") + b"\0")
        try:
            with open(path, "rb") as handle:
                hashed.update(handle.read())
        except OSError:
            hashed.update(b"\1")
    return hashed.hexdigest()

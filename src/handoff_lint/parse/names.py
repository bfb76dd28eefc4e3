"""Matching section and field names: case-insensitive, spacing normalised, with did-you-mean hints."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

_SPACES = re.compile(r"\s+")
_DECORATION = re.compile(r"[*_`]+|:\s*$")


@lru_cache(maxsize=8192)
def normalise(name: str) -> str:
    """``'  resource / PRIVACY   requirements:'`` -> ``'resource/privacy requirements'``."""
    name = _DECORATION.sub("", name)
    # split and strip: the regex \s*/\s* restarted at every space of a long run (quadratic)
    name = "/".join(part.strip() for part in name.split("/"))
    return _SPACES.sub(" ", name).strip().casefold()


def canonical_map(names: Iterable[str]) -> dict[str, str]:
    """Normalised name -> the schema's spelling."""
    return {normalise(name): name for name in names}


def closest(name: str, candidates: Iterable[str], cutoff: float = 0.8) -> str | None:
    """The candidate ``name`` was most likely meant to be, compared in normalised form."""
    by_norm = canonical_map(candidates)
    import difflib  # only for a hint on a misspelt name: not imported by runs without one

    match = difflib.get_close_matches(normalise(name), list(by_norm), n=1, cutoff=cutoff)
    return by_norm[match[0]] if match else None

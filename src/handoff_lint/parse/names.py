"""Matching section and field names: case-insensitive, spacing normalised, with did-you-mean hints."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

_SPACES = re.compile(r"\s+")
_DECORATION = re.compile(r"[*_`]+|:\s*$")
# `1.`, `2)`, `3.1`, `A.` before a heading's words (a numbered outline); bounded, so linear.
_NUMBERING = re.compile(r"^(?:\d{1,3}(?:\.\d{1,3}){0,3}[.):]?|[A-Za-z][.)])\s+")
# The protocol's own asides after a name: "Local Model Preferences (if any)", "Resource usage (if relevant)".
_ASIDES = frozenset({"if any", "if relevant", "if applicable", "optional"})
_KEEP_FIRST = frozenset("[(<$%{~/\\")  # a placeholder or a path starts with these: not decoration


def _is_decoration(char: str) -> bool:
    """Emoji, symbols, bullets and dashes that decorate a heading or a status (``📋``, ``✅``,
    ``•``, ``—``), and the joiners and variation selectors of emoji sequences."""
    if char in _KEEP_FIRST or char.isalnum():
        return False
    return char.isspace() or unicodedata.category(char)[0] in "SPCZM"


def _without_aside(name: str) -> str:
    """``'Resource usage (if relevant)'`` -> ``'Resource usage'``. String operations: a regex
    ``\\s*\\(...\\)\\s*$`` restarts at every space of a long run (quadratic)."""
    stripped = name.rstrip()
    if stripped.endswith(")"):
        head, bracket, inner = stripped[:-1].rpartition("(")
        if bracket and " ".join(inner.split()).casefold() in _ASIDES:
            return head.rstrip()
    return name


def undecorated(text: str) -> str:
    """``'📋 1. Context Summary ✅'`` -> ``'Context Summary'``: leading and trailing emoji and
    symbols, and a leading outline number, dropped."""
    start, end = 0, len(text)
    while start < end and _is_decoration(text[start]):
        start += 1
    while end > start and _is_decoration(text[end - 1]) and text[end - 1] not in ")]>}":
        end -= 1
    text = text[start:end]
    numbered = _NUMBERING.match(text)
    if numbered:
        text = text[numbered.end() :]
        start = 0
        while start < len(text) and _is_decoration(text[start]):
            start += 1
        text = text[start:]
    return text


@lru_cache(maxsize=8192)
def normalise(name: str) -> str:
    """``'  resource / PRIVACY   requirements:'`` -> ``'resource/privacy requirements'``;
    ``'📋 1. Context Summary (if any)'`` -> ``'context summary'``."""
    name = _DECORATION.sub("", name)
    name = _without_aside(undecorated(name))
    # split and strip: the regex \s*/\s* restarted at every space of a long run (quadratic)
    name = "/".join(part.strip() for part in name.split("/"))
    return _SPACES.sub(" ", name).strip().casefold()


def canonical_map(names: Iterable[str]) -> dict[str, str]:
    """Normalised name -> the schema's spelling."""
    return {normalise(name): name for name in names}


def closest(name: str, candidates: Iterable[str], cutoff: float = 0.8) -> str | None:
    """The candidate ``name`` was most likely meant to be, compared in normalised form."""
    return _closest(name, tuple(candidates), cutoff)


@lru_cache(maxsize=1024)  # difflib's ratios for each candidate: a folder's documents share their unknown names
def _closest(name: str, candidates: tuple[str, ...], cutoff: float) -> str | None:
    by_norm = canonical_map(candidates)
    import difflib  # only for a hint on a misspelt name: not imported by runs without one

    match = difflib.get_close_matches(normalise(name), list(by_norm), n=1, cutoff=cutoff)
    return by_norm[match[0]] if match else None


_SLUG_WORDS = re.compile(r"[a-z0-9]+")
# The protocols' title prefixes (`Local Handoff:`, next-larger's `Handoff:`, a dash for the colon): no part of a slug.
_TITLE_PREFIX = re.compile(r"^\s*(?:local\s+)?handoff\s*(?::|[-–—]\s)\s*", re.IGNORECASE)


def slug_words(text: str) -> list[str]:
    """The words of ``text`` as a file name carries them: lower case ASCII, every letter
    transliterated (``Ünïcode`` -> ``unicode``, ``Анализ`` -> ``analiz``, ``ログ解析`` ->
    ``rogujiexi``), not dropped; everything else a separator."""
    if not text.isascii():
        from anyascii import anyascii  # transliteration tables for every script; only for such a title

        # letters, marks and digits only: an emoji is decoration (anyascii would spell 🚀 ':rocket:')
        kept = "".join(
            c if c.isascii() or unicodedata.category(c)[0] in "LMN" else " " for c in unicodedata.normalize("NFC", text)
        )
        text = anyascii(kept)
    return _SLUG_WORDS.findall(text.lower())


def slugify(title: str, words: int = 6) -> str:
    """Up to ``words`` words of ``title`` (without a leading ``Local Handoff:`` or ``Handoff:``), joined by '-'."""
    return "-".join(slug_words(_TITLE_PREFIX.sub("", title))[:words]) or "untitled"


def parenthesised(name: str) -> tuple[str, str] | None:
    """``'Contexto (Context Summary)'`` -> ``('Contexto', 'Context Summary')``: the words before a
    trailing parenthesis and the words in it, or None if the name does not end with one. A
    heading or field in another language names the protocol's one in parentheses; a trailing
    qualifier (``Constraints Met (partially)``) does not change the name. String operations only."""
    stripped = name.rstrip().rstrip(":").rstrip().rstrip("*_").rstrip()
    if not stripped.endswith(")"):
        return None
    head, bracket, inner = stripped[:-1].rpartition("(")
    if not bracket or not head.strip() or not inner.strip() or ")" in inner:
        return None
    return head.strip(), inner.strip()

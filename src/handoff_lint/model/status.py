"""The status vocabulary: what a written status means (rules/lifecycle.toml's words, synonyms
and a team's own words) and the lifecycle folder each status belongs in."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from handoff_lint.data.config import Config
from handoff_lint.data.rules_data import Patterns, load_table
from handoff_lint.parse.names import undecorated


@lru_cache(maxsize=1)
def tables():
    table = load_table("lifecycle")
    return table, Patterns(table["names"])


@lru_cache(maxsize=1)
def _vocabulary() -> dict[str, str]:
    """Status words (case-folded, spacing normalised) -> the template's status they mean."""
    table, _names = tables()
    words = {_status_key(word): word for folder in ("active", "archive") for word in table["status-words"][folder]}
    for word, meaning in table.get("status-synonyms", {}).items():
        words.setdefault(_status_key(word), meaning)
    return words


def _ends_word(char: str) -> bool:
    """Does ``char`` after a status word start a note (``Done (see ...)``, ``Done, moved``, ``Done ✅``),
    rather than continue the word (``done-ish``, ``Done_2``)?"""
    return char.isspace() or char in "(:,;.—–!" or unicodedata.category(char)[0] == "S"


def _status_key(text: str) -> str:
    return " ".join(text.casefold().split())


def status_meaning(text: str | None, extra: Iterable[str] = (), exact: bool = False) -> str | None:
    """The status a written status means: the template's word (or a team's own word, ``extra``)
    that its leading words are, matched case-insensitively with emoji and a trailing note
    dropped (``'✅ Complete (archived ...)'`` -> ``'Completed'``), by rules/lifecycle.toml's
    vocabulary; None for a status the vocabulary does not know. ``exact``: the whole status must
    be the template's or the team's word (strict mode: no synonyms, no notes)."""
    if not text:
        return None
    return _meaning(text, tuple(extra), exact)


@lru_cache(maxsize=1024)  # a folder's documents write a few statuses, each read against every word
def _meaning(text: str, extra: tuple[str, ...], exact: bool) -> str | None:
    key = _status_key(undecorated(text))
    own = {_status_key(word): word for word in extra}
    if exact:
        table, _names = tables()
        canonical = {
            _status_key(word): word for folder in ("active", "archive") for word in table["status-words"][folder]
        }
        return own.get(_status_key(text)) or canonical.get(_status_key(text))
    words = {**_vocabulary(), **own}
    best = None
    for word in words:
        if (
            key.startswith(word)
            and (len(key) == len(word) or _ends_word(key[len(word)]))
            and (best is None or len(word) > len(best))
        ):
            best = word
    return words[best] if best is not None else None


def status_folders(config: Config) -> dict[str, str]:
    """Status word (case-folded) -> the folder it belongs in, from rules/lifecycle.toml and config."""
    table, _names = tables()
    folders = {}
    for folder in ("active", "archive"):
        for word in (*table["status-words"][folder], *config.status_words.get(folder, ())):
            folders[word.casefold()] = folder
    return folders


def status_folder(status: str | None, config: Config) -> tuple[str | None, str | None]:
    """``(meaning, folder)`` of a written status: the template's (or the team's) word it means
    by the vocabulary of rules/lifecycle.toml (see status_meaning), and the folder
    that word belongs in; ``(None, None)`` for a status the vocabulary does not know."""
    extra = [word for folder in ("active", "archive") for word in config.status_words.get(folder, ())]
    meaning = status_meaning(status, extra, exact=getattr(config, "strict", False))
    if meaning is None:
        return None, None
    return meaning, status_folders(config).get(meaning.casefold())

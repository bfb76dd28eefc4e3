"""The handoff protocols: rules/protocols.toml's (next-local, next-larger) and a team's own from
the configuration (``[tool.handoff-lint.protocols.<name>]``), each with the schemas its handoffs
and responses are validated against. Which protocol a root follows is discover.protocol_of's."""

from __future__ import annotations

import fnmatch
import re
from functools import lru_cache
from typing import NamedTuple


class Protocol(NamedTuple):
    name: str
    folders: tuple[str, ...]  # fnmatch patterns of a root folder's name (case-insensitive)
    template_title: str  # a regular expression for its template's title ("" : none)
    handoff: str  # schema id: a name in schemas/ (see schemas.load_schema), or an absolute path
    response: str

    def schema_for(self, kind: str) -> str:
        """The schema a document of ``kind`` is validated against (responses: the response schema)."""
        return self.response if kind == "response" else self.handoff

    def names_folder(self, folder: str) -> bool:
        return any(fnmatch.fnmatchcase(folder.casefold(), pattern.casefold()) for pattern in self.folders)

    def names_title(self, title: str) -> bool:
        return bool(self.template_title) and _title_pattern(self.template_title).match(title) is not None


@lru_cache(maxsize=32)
def _title_pattern(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.IGNORECASE)


TeamEntries = tuple[tuple[str, tuple[str, ...], str, str, str], ...]


def team_entries(config) -> TeamEntries:
    """A configuration's own protocols as plain tuples (hashable: protocol_of caches by them)."""
    found = getattr(config, "protocols", None) or {}
    return tuple(
        (
            name,
            tuple(spec["folders"]),
            spec.get("template-title", ""),
            spec["handoff"],
            spec.get("response", "response"),
        )
        for name, spec in sorted(found.items())
    )


@lru_cache(maxsize=8)
def known(team: TeamEntries = ()) -> tuple[tuple[Protocol, ...], Protocol]:
    """(every protocol, the team's first so that a team's variant of a folder name wins; the
    default)."""
    from handoff_lint.data.rules_data import load_table

    table = load_table("protocols")
    shipped = [
        Protocol(name, tuple(spec["folders"]), spec.get("template-title", ""), spec["handoff"], spec["response"])
        for name, spec in table["protocols"].items()
    ]
    default = next(protocol for protocol in shipped if protocol.name == table["default"])
    return tuple(Protocol(*entry) for entry in team) + tuple(shipped), default


def by_name(name: str, team: TeamEntries = ()) -> Protocol | None:
    return next((protocol for protocol in known(team)[0] if protocol.name == name), None)


def shipped_folders() -> frozenset[str]:
    """The folder names of the shipped protocols (a folder so named is a handoff root with one
    lifecycle folder)."""
    return frozenset(pattern for protocol in known()[0] for pattern in protocol.folders)


def shipped_schemas() -> tuple[str, ...]:
    """The document schemas in schemas/, by name."""
    names: list[str] = []
    for protocol in known()[0]:
        names.extend(name for name in (protocol.handoff, protocol.response) if name not in names)
    return tuple(names)


def choose(folder: str, title: str | None, team: TeamEntries = ()) -> Protocol:
    """The protocol of a root named ``folder`` whose template's title is ``title`` (None: no
    readable template)."""
    protocols, default = known(team)
    for protocol in protocols:
        if protocol.names_folder(folder):
            return protocol
    if title:
        for protocol in protocols:
            if protocol.names_title(title):
                return protocol
    return default

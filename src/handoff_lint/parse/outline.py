"""The sections a document's outline makes, at whatever heading level they stand.

A heading is a section when the outline keeps it one: it stands at the top (under the title, or
under no heading at all), or under a *parent that groups sections*: a heading whose own words
name no section, over headings that do (``## Handoff Details`` over ``### Context Summary``,
``### Task Description``, ...). A heading under a section is part of
that section's body (the template's ``### Resource Constraints`` under
``## Resource/Privacy Requirements``); a known section name found there is remembered as a near
miss, "one level deeper than its siblings". What a heading's words name is the caller's
(``key_of``: the schema's name for a heading's text, or None), so this module knows no names.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from handoff_lint.parse.document import Document, Heading, Section


class Nested(NamedTuple):
    """A heading whose words name a section, standing inside another section."""

    key: str
    heading: Heading
    parent: Heading


def read(
    doc: Document, key_of: Callable[[str], str | None]
) -> tuple[list[tuple[str | None, Section]], list[Nested], int]:
    """``(sections, nested, metadata_end)``: each section as (its key or None, Section), in
    document order; the known names found inside other sections; and the line of the first
    section with a known name (where the metadata ends; the first section's line if none is
    known, one past the last line if there is no section)."""
    heads = [h for h in doc.headings if h.line != doc.title_line]
    count = len(heads)
    parents: list[int | None] = [None] * count
    children: list[list[int]] = [[] for _ in range(count)]
    stack: list[int] = []
    for position, heading in enumerate(heads):
        while stack and heads[stack[-1]].level >= heading.level:
            stack.pop()
        if stack:
            parents[position] = stack[-1]
            children[stack[-1]].append(position)
        stack.append(position)
    keys = [key_of(heading.text) for heading in heads]

    def groups(position: int) -> bool:
        """Does this heading group sections, rather than hold one? Its own words name no section
        and its children name at least one (``## Handoff Details`` over ``### Context Summary``)."""
        return keys[position] is None and any(keys[kid] is not None for kid in children[position])

    chosen: list[int] = []

    def visit(position: int) -> None:
        if groups(position):
            for kid in children[position]:
                visit(kid)
        else:
            chosen.append(position)

    for position in range(count):
        if parents[position] is None:
            visit(position)
    chosen.sort()
    sections: list[tuple[str | None, Section]] = []
    nested: list[Nested] = []
    for position in chosen:
        heading = heads[position]
        stop = len(doc.blocks)
        for later in heads[position + 1 :]:
            if later.level <= heading.level:
                stop = later.index
                break
        sections.append((keys[position], doc.section(heading.text, heading, stop)))
        own = keys[position]
        for inner in _descendants(position, children):
            if keys[inner] is not None and keys[inner] != own:
                nested.append(Nested(keys[inner], heads[inner], heading))
    known = [section.line for key, section in sections if key is not None]
    if known:
        metadata_end = known[0]
    elif sections:
        metadata_end = sections[0][1].line
    else:
        metadata_end = len(doc.lines) + 1
    return sections, nested, metadata_end


def _descendants(position: int, children: list[list[int]]) -> list[int]:
    found, pending = [], list(children[position])
    while pending:
        kid = pending.pop()
        found.append(kid)
        pending.extend(children[kid])
    return sorted(found)

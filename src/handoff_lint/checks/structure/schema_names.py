"""What a protocol's schema names (fields, sections, aliases, boilerplate, status words), worked out
once per schema for the structure check."""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

from handoff_lint.data.schemas import aliases_in, effective_schema, names_in
from handoff_lint.model.status import status_meaning
from handoff_lint.parse.names import canonical_map, normalise


class _Names(NamedTuple):
    """What a schema names, worked out once per schema (not once per document)."""

    fields: list[str]  # metadata field names, in template order
    sections: list[str]  # section names, in template order
    section_map: dict[str, str]  # normalised name or alias -> the schema's section name
    field_map: dict[str, str]  # normalised name or alias -> the schema's field name
    boilerplate: dict[str, frozenset[str]]  # section -> the template's own lines (normalised)
    status_words: dict[str, str]  # the status a word means (model.status.status_meaning) -> the schema's word
    hints: list[str]  # what an unknown section's name is compared with: the sections, and (not strict) their aliases


@cache
def _names(schema_key: tuple, strict: bool) -> _Names:
    """The names (see :class:`_Names`) of the effective schema ``schema_key`` names (the arguments
    of ``data.schemas.effective_schema``, itself cached), read strictly or not: a cache of a pure
    function of hashable values, worked out once per schema and reading, not once per document."""
    schema = effective_schema(*schema_key)
    sections = names_in(schema, "sections")
    section_map = canonical_map(sections)
    fields = names_in(schema, "metadata")
    field_map = canonical_map(fields)
    if not strict:
        section_map = {
            **{normalise(alias): name for alias, name in aliases_in(schema, "sections").items()},
            **section_map,
        }
        field_map = {
            **{normalise(alias): name for alias, name in aliases_in(schema, "metadata").items()},
            **field_map,
        }
    specs = schema["properties"].get("sections", {}).get("properties", {})
    boilerplate = {
        name: frozenset(_line_key(line) for line in spec.get("x-boilerplate", ()))
        for name, spec in specs.items()
        if isinstance(spec, dict) and spec.get("x-boilerplate")
    }
    status_words: dict[str, str] = {}
    if "status" in schema["properties"]:
        for word in schema["properties"]["status"].get("enum", ()):
            status_words.setdefault(status_meaning(word) or word, word)
    hints = sections + ([] if strict else list(aliases_in(schema, "sections")))
    return _Names(fields, sections, section_map, field_map, boilerplate, status_words, hints)


def _line_key(text: str) -> str:
    """A list item's text as the template's boilerplate is compared: case, spacing, a trailing
    colon or full stop and the protocol's "(if any)" asides dropped."""
    return normalise(text.strip().rstrip(".:").strip())

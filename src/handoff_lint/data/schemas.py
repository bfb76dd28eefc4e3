"""The JSON Schemas in ``schemas/`` (and a team's own, by path): loading, and one compiled
validator per document kind."""

from __future__ import annotations

import os
from functools import cache

from handoff_lint.data.resources import data_dir
from handoff_lint.data.rules_data import parse

# Of documents, by protocol (rules/protocols.toml names them; a test holds the two to the same
# set): next-local's handoff and response, next-larger's. "config" is the configuration's.
SCHEMA_NAMES = ("handoff", "response", "next-larger-handoff", "next-larger-response")


@cache
def load_schema(name: str) -> dict:
    """A shipped schema by name, or a team's own (a protocol of the configuration) by its
    absolute path."""
    if name in (*SCHEMA_NAMES, "config"):
        return parse(data_dir("schemas") / f"{name}.schema.json")  # a warm cache's copy: no json import
    if os.path.isabs(name):
        return read_team_schema(name)
    raise KeyError(name)


def read_team_schema(path: str) -> dict:
    """A team's schema file, read as JSON (not through rules_data.parse, whose copies are named by
    folder and file name: a team's schemas/handoff.schema.json is not the shipped one). Raises
    ValueError saying what is wrong."""
    import json

    try:
        with open(path, encoding="utf-8") as handle:
            schema = json.load(handle)
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise ValueError(f"cannot read schema {path}: {error}") from None
    properties = schema.get("properties") if isinstance(schema, dict) else None
    if not isinstance(properties, dict) or not all(
        isinstance(properties.get(part), dict) for part in ("title", "metadata", "sections")
    ):
        raise ValueError(
            f"schema {path} is not a document schema: it needs properties title, metadata and sections "
            "(see `handoff-lint schema handoff`)"
        )
    return schema


def _strict(node):
    """``node`` with each ``x-strict`` applied: its keywords replace the node's (``strict = true``)."""
    if isinstance(node, dict):
        merged = {key: _strict(value) for key, value in node.items() if key != "x-strict"}
        if isinstance(node.get("x-strict"), dict):
            merged.update(_strict(node["x-strict"]))
        return merged
    if isinstance(node, list):
        return [_strict(item) for item in node]
    return node


@cache
def effective_schema(
    name: str, extra_statuses: tuple[str, ...] = (), extra_sections: tuple[str, ...] = (), strict: bool = False
) -> dict:
    """Schema ``name`` with a team's own status words (added to the status enum) and extra
    required sections (from config), and under ``strict`` each node's ``x-strict`` keywords in
    place of its own. Without extras, the schema as shipped."""
    schema = load_schema(name)
    if strict:
        schema = _strict(schema)  # a copy
    if not (extra_statuses or extra_sections):
        return schema
    import json

    schema = json.loads(json.dumps(schema))  # a deep copy: the shipped schema stays as it is
    status = schema["properties"].get("status")
    if extra_statuses and status and "enum" in status:
        status["enum"] += [word for word in extra_statuses if word not in status["enum"]]
    sections = schema["properties"]["sections"]
    for section in extra_sections:
        sections.setdefault("properties", {}).setdefault(section, {"$ref": "#/$defs/text"})
        if section not in sections.setdefault("required", []):
            sections["required"].append(section)
    return schema


@cache
def validator(
    name: str, extra_statuses: tuple[str, ...] = (), extra_sections: tuple[str, ...] = (), strict: bool = False
):
    """A compiled validator (with the ``date`` format checked) for the effective schema.

    Local ``{"$ref": "#/$defs/x"}`` references are inlined first: resolving them through
    ``referencing`` on every document was half the validation time, and the result is the same.
    """
    from jsonschema import Draft202012Validator

    schema = effective_schema(name, extra_statuses, extra_sections, strict)
    Draft202012Validator.check_schema(schema)
    inlined = _inline_refs(schema, schema.get("$defs", {}))
    return Draft202012Validator(inlined, format_checker=Draft202012Validator.FORMAT_CHECKER)


# Keywords whose meaning fastjsonschema and jsonschema share for the instances structure.py
# builds (strings, lists of strings, objects); a schema with any other keyword is only checked
# by jsonschema. Annotations (x-..., title, description) change nothing.
QUICK_KEYWORDS = frozenset(
    {
        "type",
        "required",
        "properties",
        "additionalProperties",
        "pattern",
        "enum",
        "minItems",
        "uniqueItems",
        "items",
        "format",
        "title",
        "description",
        "minLength",
        "minimum",
        "propertyNames",
    }
)  # the last three for the configuration


@cache
def quick_validator(
    name: str,
    extra_statuses: tuple[str, ...] = (),
    extra_sections: tuple[str, ...] = (),
    free: tuple[str, ...] = (),
    strict: bool = False,
):
    """A yes/no check compiled to Python by fastjsonschema (about 13x faster than jsonschema on a
    handoff), or None if the schema uses a keyword outside QUICK_KEYWORDS. True means valid;
    False means "ask jsonschema", which decides and explains. ``free``: top-level properties
    whose values are not checked (of an object, its properties' values; its required names and
    additionalProperties still are): the template's placeholders, whose findings it drops.

    The checks of the shipped schemas come compiled with the package (see
    :mod:`handoff_lint.data.validators`): fastjsonschema's import and compiler are not loaded for
    them. Any other schema (a team's status words, an edited schema) is compiled here."""
    body = quick_body(name, extra_statuses, extra_sections, free, strict)
    if body is None:
        return None
    # lazy: the compiled validators, only when a document is validated
    from handoff_lint.data import validators

    shipped = validators.shipped(body)
    if shipped is not None:
        return shipped
    import fastjsonschema

    # yes/no only: without the details each raise would carry, the code compiled is half the
    # size, and a cold run that validates a new document compiles it (13.6 -> 6.4 ms)
    compiled = fastjsonschema.compile(body, formats=validators.FORMATS, detailed_exceptions=False)

    def valid(instance) -> bool:
        try:
            compiled(instance)
        except fastjsonschema.JsonSchemaException:
            return False
        return True

    return valid


def quick_body(
    name: str,
    extra_statuses: tuple[str, ...] = (),
    extra_sections: tuple[str, ...] = (),
    free: tuple[str, ...] = (),
    strict: bool = False,
) -> dict | None:
    """What :func:`quick_validator` compiles: the effective schema with its references inlined,
    without $schema, $id and $defs, and ``free``'s values left unchecked; None if it uses a
    keyword outside QUICK_KEYWORDS."""
    schema = effective_schema(name, extra_statuses, extra_sections, strict)
    inlined = _inline_refs(schema, schema.get("$defs", {}))
    body = {key: value for key, value in inlined.items() if key not in ("$schema", "$id", "$defs")}
    if free:
        properties = dict(body["properties"])
        for part in free:
            child = properties[part]
            properties[part] = (
                {**child, "properties": {key: {} for key in child["properties"]}} if "properties" in child else {}
            )
        body = {**body, "properties": properties}
    return body if _only_quick_keywords(body) else None


def _only_quick_keywords(node) -> bool:
    if not isinstance(node, dict):
        return True
    for key, value in node.items():
        if key.startswith("x-"):
            continue
        if key not in QUICK_KEYWORDS or (key == "format" and value != "date"):
            return False
        children = (
            value.values()
            if key == "properties"
            else [value]
            if key in ("items", "additionalProperties", "propertyNames")
            else []
        )
        if not all(_only_quick_keywords(child) for child in children):
            return False
    return True


def _inline_refs(node, defs: dict):
    """``node`` with each local ``{"$ref": "#/$defs/x"}`` replaced by x; a title, description or
    ``x-`` keyword beside the reference (annotations, which validate nothing) goes with it."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if (
            isinstance(ref, str)
            and ref.startswith("#/$defs/")
            and ref[8:] in defs
            and {key for key in node if not key.startswith("x-")} <= {"$ref", "title", "description"}
        ):
            return _inline_refs(defs[ref[8:]], defs)
        return {key: _inline_refs(value, defs) for key, value in node.items()}
    if isinstance(node, list):
        return [_inline_refs(item, defs) for item in node]
    return node


def names_in(schema: dict, part: str) -> list[str]:
    """The field or section names the schema defines under ``part``, in schema (template) order."""
    return list(schema["properties"].get(part, {}).get("properties", {}))


def aliases_in(schema: dict, part: str) -> dict[str, str]:
    """Other names people give the fields or sections under ``part`` (``x-aliases``) -> the
    schema's name."""
    found = {}
    for name, spec in schema["properties"].get(part, {}).get("properties", {}).items():
        for alias in spec.get("x-aliases", ()) if isinstance(spec, dict) else ():
            found.setdefault(alias, name)
    return found

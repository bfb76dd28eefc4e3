"""The JSON Schemas in ``schemas/``: loading, and one compiled validator per document kind."""

from __future__ import annotations

import json
from functools import lru_cache

from handoff_lint.resources import data_dir

SCHEMA_NAMES = ("handoff", "response")


@lru_cache(maxsize=None)
def load_schema(name: str) -> dict:
    if name not in SCHEMA_NAMES:
        raise KeyError(name)
    with (data_dir("schemas") / f"{name}.schema.json").open(encoding="utf-8") as handle:
        return json.load(handle)


@lru_cache(maxsize=None)
def validator(name: str):
    """A compiled validator (with the ``date`` format checked) for schema ``name``."""
    from jsonschema import Draft202012Validator

    schema = load_schema(name)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def names_in(schema: dict, part: str) -> list[str]:
    """The field or section names the schema defines under ``part``, in schema (template) order."""
    return list(schema["properties"].get(part, {}).get("properties", {}))

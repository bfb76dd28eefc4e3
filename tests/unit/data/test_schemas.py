"""The quick yes/no check (fastjsonschema) never calls valid what jsonschema calls invalid.

structure.py trusts a "valid" from the quick check and skips jsonschema; any "invalid" is
handed to jsonschema, which decides. So the one thing that must hold is: quick valid ->
jsonschema valid. Instances are built as structure.py builds them (strings, lists of
strings, objects), from values that sit on each keyword's edge.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from handoff_lint.data.schemas import SCHEMA_NAMES, effective_schema, names_in, quick_validator, validator

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"

TEXTS = [
    "",
    " ",
    "\n",
    "\u00a0",
    "\u2003",
    "\x1c",
    "\u0085",
    "x",
    " word ",
    "Local Handoff: x",
    "Local Handoff:",
    "Local Response: y",
    "Handoff: x",
    "Handoff:",
    "Larger-Model Handoff: x",
    "Handoff to next-larger: y",
    "a b c d Handoff: x",
    "Local Handoff:  \u00a0",
    "HIGH",
    "high",
    "LOW ",
    "Resource",
    "Privacy",
    "Time",
    "Completed",
    "completed",
    "Blocked",
    "2026-11-02",
    "2026-02-30",
    "2026-11-2",
    "２０２６-11-02",
    "2026-11-02\n",
    "In progress",
]


def complete(name: str) -> dict:
    """A valid instance, as structure.py builds one from a good document."""
    schema = effective_schema(name)
    constraints = schema["properties"].get("metadata", {}).get("properties", {}).get("Constraints", {})
    values = {
        "Date": "2026-11-02",
        "Priority": "HIGH",
        "Constraints": ["Time"] if constraints.get("type") == "array" else "Time",
    }
    instance = {
        "title": {"handoff": "Local Handoff: x", "next-larger-handoff": "Handoff: x"}.get(name, "Local Response: y"),
        "metadata": {key: values.get(key, "someone") for key in names_in(schema, "metadata")},
        "sections": {section: "text" for section in names_in(schema, "sections")},
        "status": "Completed",
    }
    return {key: value for key, value in instance.items() if key in schema["properties"]}


def instances(name: str):
    """A valid instance with up to four parts replaced, added or removed."""
    schema = effective_schema(name)
    places = [("title",), ("status",), ("metadata",), ("sections",)]
    places += [("metadata", key) for key in names_in(schema, "metadata") + ["Extra"]]
    places += [("sections", key) for key in names_in(schema, "sections") + ["Unknown Section"]]
    text = st.sampled_from(TEXTS)
    change = st.tuples(st.sampled_from(places), st.none() | text | st.lists(text, max_size=4))

    def build(changes):
        instance = json.loads(json.dumps(complete(name)))
        for place, value in changes:
            parent = instance if len(place) == 1 else instance.get(place[0])
            if not isinstance(parent, dict):
                continue
            if value is None:
                parent.pop(place[-1], None)
            else:
                parent[place[-1]] = value
        return instance

    return st.lists(change, max_size=4).map(build)


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_quick_valid_means_jsonschema_valid(name):
    quick, full = quick_validator(name), validator(name)
    assert quick is not None  # the shipped schemas use only keywords the quick check shares
    seen = {True: 0, False: 0}

    @settings(max_examples=600, deadline=None)
    @given(instances(name))
    def agree(instance):
        answer = quick(instance)
        seen[answer] += 1
        # Only quick -> full is needed; on these instances the two agree both ways.
        assert answer == full.is_valid(instance), instance

    agree()
    assert seen[False] and seen[True]  # the strategy reaches both answers


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_a_complete_document_is_quick_valid(name):
    assert validator(name).is_valid(complete(name))
    assert quick_validator(name)(complete(name))


def test_a_schema_with_another_keyword_gets_no_quick_check():
    from handoff_lint.data.schemas import _only_quick_keywords

    assert _only_quick_keywords(
        {"type": "object", "properties": {"a": {"type": "string", "pattern": "x", "x-field": "A"}}}
    )
    assert not _only_quick_keywords({"type": "object", "properties": {"a": {"type": "string", "maxLength": 3}}})
    assert not _only_quick_keywords({"properties": {"a": {"format": "email"}}})


@pytest.mark.parametrize("kind", ["HANDOFF", "TEMPLATE"])
def test_a_valid_handoff_or_template_is_checked_without_importing_jsonschema(tmp_path, kind):
    """A one-file hook run on a valid handoff does not pay jsonschema's import; nor does the
    template, whose placeholders are values the template check does not judge."""
    from conftest import VALID_HANDOFF

    text = (
        VALID_HANDOFF
        if kind == "HANDOFF"
        else (EXAMPLES / "next-local" / "handoff-template.md").read_text(encoding="utf-8")
    )
    (tmp_path / "h.md").write_text(text, encoding="utf-8")
    code = (
        "import sys; from pathlib import Path\n"
        "from handoff_lint.checks import structure\n"
        "from handoff_lint.data.config import Config\n"
        f"from handoff_lint.model.kinds import {kind}, SourceFile\n"
        "from handoff_lint.model.source import Source\n"
        f"p = Path({str(tmp_path / 'h.md')!r})\n"
        f"found = structure.check(Source(SourceFile(p, 'h.md', {kind}, None), p.read_text()), Config())\n"
        "print(len(found), 'jsonschema' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["0", "False"]


CONFIGS = [
    {},
    {"select": ["HL1", "HL201"]},
    {"select": ["E501"]},
    {"selec": ["HL1"]},
    {"select": "HL1"},
    {"select": []},
    {"severity": {"HL201": "warning"}},
    {"severity": {"HL201": "fatal"}},
    {"severity": {"HL2011": "error"}},
    {"severity": {"hl201": "error"}},
    {"stale-days": 14},
    {"stale-days": 0},
    {"stale-days": -1},
    {"stale-days": True},
    {"stale-days": 1.5},
    {"stale-days": "14"},
    {"max-file-size": 1},
    {"max-file-size": 0},
    {"placeholder-users": ["me"]},
    {"placeholder-users": [""]},
    {"exclude": ["", "x"]},
    {"internal-domains": ["corp.example"]},
    {"internal-domains": ["corp..example"]},
    {"internal-domains": [1]},
    {"per-file-ignores": {"docs/*": ["HL2"]}},
    {"per-file-ignores": {"docs/*": "HL2"}},
    {"status-words": {"active": ["Parked"]}},
    {"status-words": {"limbo": ["Parked"]}},
    {"extra-sections": {"handoff": ["Risks"]}},
    {"extra-sections": {"memo": ["Risks"]}},
    {"roots": ["docs/handoffs"]},
    {"roots": [""]},
    {"select": ["HL1"], "ignore": ["HL109"], "severity": {"HL109": "error"}},
]


@pytest.mark.parametrize("data", CONFIGS, ids=[repr(c)[:40] for c in CONFIGS])
def test_the_quick_check_of_a_configuration_agrees_with_jsonschema(data):
    """config.py trusts a "valid" from the quick check and imports jsonschema only to explain
    an invalid file: on the edges of every keyword the configuration schema uses, both agree."""
    import datetime

    quick, full = quick_validator("config"), validator("config")
    assert quick is not None
    assert quick(data) == full.is_valid(data)
    when = {**data, "stale-days": datetime.date(2026, 1, 1)}  # TOML has dates; the schema has none
    assert quick(when) == full.is_valid(when) is False


def test_a_configured_run_reads_a_valid_file_without_importing_jsonschema(tmp_path):
    (tmp_path / ".handoff-lint.toml").write_text(
        'select = ["HL2"]\ninternal-domains = ["corp.example"]\n[severity]\nHL201 = "warning"\n'
    )
    code = "import sys; from handoff_lint.data.config import load_config; c = load_config(); print(c.select, 'jsonschema' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["['HL2']", "False"]
